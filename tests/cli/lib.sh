# Shared helpers for the shell tests: TAP output and a private scratch folder.
# Each test sources this, calls `plan N`, then `ok`/`not_ok` or the check_* helpers.
set -u
: "${TODDLE:?TODDLE must point at the built toddle (make check sets it)}"
: "${TOP_SRCDIR:?TOP_SRCDIR must point at the source tree}"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/toddle-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_CONFIG_HOME="$TMP/config" XDG_DATA_HOME="$TMP/data"
export TODDLE_SYSTEM_CONFIG="$TMP/no-system.ini"
mkdir -p "$HOME"
DB="$TMP/family.db"
TODAY=2026-11-26
n=0

plan() { echo "1..$1"; }
ok() { n=$((n + 1)); echo "ok $n - $1"; }
not_ok() {
	n=$((n + 1)); echo "not ok $n - $1"; shift
	# Every diagnostic line starts with '#', so no output can pass for a TAP line.
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/# /'; done
}

# toddle with the test database and a fixed today; output in $out/$err, status in $rc.
run() {
	out=$("$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}

# check_rc NAME EXPECTED: the last run exited with EXPECTED.
check_rc() {
	if [ "$rc" -eq "$2" ]; then ok "$1"; else not_ok "$1" "exit $rc, expected $2" "stderr: $err"; fi
}

# check_out NAME EXPECTED: the last run printed exactly EXPECTED.
check_out() {
	if [ "$out" = "$2" ]; then ok "$1"; else
		not_ok "$1" "expected:" "$(printf '%s' "$2" | sed 's/^/  /')" "got:" "$(printf '%s' "$out" | sed 's/^/  /')"
	fi
}

# check_err NAME PATTERN: stderr is one line matching the grep pattern.
check_err() {
	if [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q -- "$2"; then ok "$1"
	else not_ok "$1" "stderr did not match '$2':" "$err"; fi
}

# A fingerprint of everything stored, to prove a refusal changed nothing.
db_dump() { sqlite3 "$DB" .dump 2>/dev/null | grep -v '^INSERT INTO meta' | md5sum; }
