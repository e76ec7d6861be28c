#!/bin/sh
# Runs a Python test (make check's PY_LOG_COMPILER) with the python3 configure found,
# $PYTHON3; without one the test is skipped (TAP "1..0 # SKIP", exit 77).
py=${PYTHON3:-/usr/bin/python3}
if [ ! -x "$py" ]; then
	echo "1..0 # SKIP $py not found (apt-get install python3, then run ./configure again)"
	exit 77
fi
exec "$py" "$@"
