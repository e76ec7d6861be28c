#!/bin/sh
# The shipped library follows its rules: every record valid, every week 0-104
# covered, counts, lengths, unique titles, sources. Each problem is named.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 2
"$TODDLE" content check "$TOP_SRCDIR/content" >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ]; then ok "every content record is valid and every reference resolves"
else not_ok "every content record is valid and every reference resolves" "$(cat "$TMP/err")"; fi
"$TODDLE" content check --lint "$TOP_SRCDIR/content" >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ]; then ok "the library-wide rules hold (content check --lint)"
else not_ok "the library-wide rules hold (content check --lint)" "$(head -40 "$TMP/err")"; fi
