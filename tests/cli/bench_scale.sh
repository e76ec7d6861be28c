#!/bin/sh
# bench/make-clinic-db --scale: a tiny clinic (--scale 0.01: 10 children, 10,000 logged
# rows) is the size asked for, the same rows every time (fixed seed), handed back with
# the journal toddle uses (WAL), and toddle reads it. bench/run --scale 10 relies on it.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 7
GEN="$TOP_SRCDIR/bench/make-clinic-db"
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

if ! command -v sqlite3 >/dev/null 2>&1 || [ ! -x /usr/bin/python3 ] || [ ! -f "$GEN" ]; then
	for t in 1 2 3 4 5 6 7; do skip "make-clinic-db --scale, case $t" "sqlite3, /usr/bin/python3 or bench/ missing"; done
	exit 0
fi
logged="SELECT (SELECT count(*) FROM activity_log) + (SELECT count(*) FROM milestone_log)
 + (SELECT count(*) FROM appointment) + (SELECT count(*) FROM session_note) + (SELECT count(*) FROM class_log)
 + (SELECT count(*) FROM goal) + (SELECT count(*) FROM program) + (SELECT count(*) FROM assignment)"
# rows FILE: a fingerprint of every row the generator wrote (and the audit rows they made)
rows() {
	for t in child activity_log milestone_log session_note appointment class_log goal program assignment audit; do
		sqlite3 "$1" "SELECT * FROM $t ORDER BY id"
	done | md5sum
}

TODDLE="$TODDLE" "$GEN" "$TMP/a.db" --scale 0.01 >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ] && [ "$(sqlite3 "$TMP/a.db" 'SELECT count(*) FROM child')" = 10 ] &&
   [ "$(sqlite3 "$TMP/a.db" "$logged")" = 10000 ]; then ok "--scale 0.01: 10 children, 10,000 logged rows"
else not_ok "--scale 0.01: 10 children, 10,000 logged rows" "exit $rc" "$(cat "$TMP/out" "$TMP/err")"; fi

mode=$(sqlite3 "$TMP/a.db" 'PRAGMA journal_mode'; sqlite3 "$TMP/a.db" 'PRAGMA user_version')
"$TODDLE" --db "$TMP/v.db" --today "$TODAY" child add V --born 2026-01-01 >/dev/null 2>&1  # a new database: toddle's version
want=$(printf 'wal\n%s' "$(sqlite3 "$TMP/v.db" 'PRAGMA user_version')")
if [ "$mode" = "$want" ]; then ok "handed back in WAL, at toddle's schema version"
else not_ok "handed back in WAL, at toddle's schema version" "got: $mode" "want: $want"; fi

DB="$TMP/a.db" run child list
first=$(printf '%s\n' "$out" | head -1 | cut -f2)
if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" -eq 10 ] && [ "$first" = "Ada Abbott" ]; then
	ok "toddle reads it: 10 children, Ada Abbott first"
else not_ok "toddle reads it: 10 children, Ada Abbott first" "exit $rc" "$out" "$err"; fi

TODDLE="$TODDLE" "$GEN" "$TMP/b.db" --scale 0.01 >/dev/null 2>&1
if [ "$(rows "$TMP/a.db")" = "$(rows "$TMP/b.db")" ]; then ok "the same rows every time"
else not_ok "the same rows every time" "two runs of --scale 0.01 differ"; fi

TODDLE="$TODDLE" "$GEN" "$TMP/c.db" --scale 0.01 --jobs 1 >/dev/null 2>&1
if [ "$(rows "$TMP/a.db")" = "$(rows "$TMP/c.db")" ]; then ok "one process makes the same rows as two"
else not_ok "one process makes the same rows as two" "--jobs 1 and --jobs 2 differ"; fi

# more children than first x last names: the rest get a middle name, all distinct
TODDLE="$TODDLE" "$GEN" "$TMP/d.db" --children 1200 --rows 1200 >/dev/null 2>&1
got=$(sqlite3 "$TMP/d.db" "SELECT count(*), count(DISTINCT name), (SELECT name FROM child ORDER BY name COLLATE NOCASE LIMIT 1) FROM child")
if [ "$got" = "1200|1200|Ada Abbott" ]; then ok "1,200 children: distinct names, Ada Abbott first"
else not_ok "1,200 children: distinct names, Ada Abbott first" "got: $got"; fi

TODDLE="$TODDLE" "$GEN" "$TMP/e.db" --scale 0 >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -ne 0 ] && grep -q -- "--scale" "$TMP/err" && [ ! -e "$TMP/e.db" ]; then ok "--scale 0 is refused, no file left"
else not_ok "--scale 0 is refused, no file left" "exit $rc" "$(cat "$TMP/err")"; fi
