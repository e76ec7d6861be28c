#!/bin/sh
# Appointments through the CLI: event add, list and delete, and every refusal
# leaving the database as it was.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 30

TAB=$(printf '\t')
ME=$(id -un)
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
sql() { sqlite3 "$DB" "$1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# refuse NAME PATTERN ARGS...: exit 1, one line on stderr matching PATTERN, nothing stored changed.
refuse() {
	name=$1 pattern=$2; shift 2
	before=$(db_dump)
	run "$@"
	after=$(db_dump)
	if [ "$rc" -eq 1 ] && [ -z "$out" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
	   printf '%s' "$err" | grep -q -- "$pattern" && [ "$before" = "$after" ]; then
		ok "$name"
	else
		not_ok "$name" "exit $rc (expected 1)" "stdout: $out" "stderr: $err (expected one line matching '$pattern')" \
			"database $( [ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
	fi
}

run child add Mia --born 2026-09-10 >/dev/null

# ---- add ---------------------------------------------------------------------
run event add --date 2026-12-03 --time 14:00 --title 'PT visit' --minutes 45 --place 'Clinic, Room 2' --with 'Dr. Lee'
check_rc "event add exits 0 (one child: --child may be left out)" 0
check_out "event add prints the new id" "1"
if [ $have_sqlite = 1 ]; then
	if [ "$(sql "SELECT day, time, minutes, title, place, with_whom, created_by FROM appointment WHERE id = 1")" = \
	     "2026-12-03|14:00|45|PT visit|Clinic, Room 2|Dr. Lee|$ME" ]; then
		ok "every field is stored, with who added it"
	else not_ok "every field is stored, with who added it" "$(sql 'SELECT * FROM appointment')"; fi
else skip "every field is stored, with who added it" "sqlite3 missing"; fi
run child add Noa --born 2026-03-01
run event add --child Mia --date 2026-12-03 --time 09:05 --title 'Hearing check'
check_out "a second appointment gets the next id" "2"
run event add --child Noa --date 2026-12-01 --time 16:30 --title 'Vaccines'
run event add --child Mia --date 2026-12-10 --time 00:00 --title 'Midnight feed clinic'
if [ $have_sqlite = 1 ]; then
	if [ "$(sql "SELECT minutes, place IS NULL, with_whom IS NULL FROM appointment WHERE id = 2")" = "30|1|1" ]; then
		ok "without --minutes an appointment lasts 30 minutes; place and with stay empty"
	else not_ok "without --minutes an appointment lasts 30 minutes; place and with stay empty" "$(sql 'SELECT * FROM appointment WHERE id = 2')"; fi
else skip "without --minutes an appointment lasts 30 minutes" "sqlite3 missing"; fi

# ---- list --------------------------------------------------------------------
run event list
check_out "event list: ID, DATE, TIME, TITLE ordered by date and time" \
"3${TAB}2026-12-01${TAB}16:30${TAB}Vaccines
2${TAB}2026-12-03${TAB}09:05${TAB}Hearing check
1${TAB}2026-12-03${TAB}14:00${TAB}PT visit
4${TAB}2026-12-10${TAB}00:00${TAB}Midnight feed clinic"
run event list --child Mia
check_out "event list --child: only that child's appointments" \
"2${TAB}2026-12-03${TAB}09:05${TAB}Hearing check
1${TAB}2026-12-03${TAB}14:00${TAB}PT visit
4${TAB}2026-12-10${TAB}00:00${TAB}Midnight feed clinic"
run event list --from 2026-12-03 --to 2026-12-03
check_out "--from and --to are inclusive" \
"2${TAB}2026-12-03${TAB}09:05${TAB}Hearing check
1${TAB}2026-12-03${TAB}14:00${TAB}PT visit"
run event list --from 2026-12-04
check_out "--from alone" "4${TAB}2026-12-10${TAB}00:00${TAB}Midnight feed clinic"
run event list --to 2026-12-02
check_out "--to alone" "3${TAB}2026-12-01${TAB}16:30${TAB}Vaccines"
run event list --child Noa --from 2027-01-01
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "an empty range prints nothing and succeeds"
else not_ok "an empty range prints nothing and succeeds" "exit $rc" "$out" "$err"; fi

# ---- delete ------------------------------------------------------------------
run event delete 1
check_rc "event delete exits 0" 0
run event list --child Mia
check_out "a deleted appointment is no longer listed" \
"2${TAB}2026-12-03${TAB}09:05${TAB}Hearing check
4${TAB}2026-12-10${TAB}00:00${TAB}Midnight feed clinic"
if [ $have_sqlite = 1 ]; then
	if [ "$(sql "SELECT title, deleted_by, deleted_at IS NOT NULL FROM appointment WHERE id = 1")" = "PT visit|$ME|1" ]; then
		ok "the deleted row stays in the file with who removed it and when"
	else not_ok "the deleted row stays in the file with who removed it and when" "$(sql 'SELECT * FROM appointment WHERE id = 1')"; fi
else skip "the deleted row stays in the file" "sqlite3 missing"; fi
refuse "deleting it again is refused" "" event delete 1
refuse "event delete needs a number" "give the id" event delete abc

# ---- refusals: exit 1, one line, nothing changed ---------------------------------
refuse "--time 24:00 is refused" "--time '24:00' is not a time" \
	event add --child Mia --date 2026-12-05 --time 24:00 --title T
refuse "--time 9:30 is refused (HH:MM)" "--time '9:30' is not a time" \
	event add --child Mia --date 2026-12-05 --time 9:30 --title T
refuse "--time 12:60 is refused" "--time '12:60' is not a time" \
	event add --child Mia --date 2026-12-05 --time 12:60 --title T
refuse "--time noon is refused" "--time 'noon' is not a time" \
	event add --child Mia --date 2026-12-05 --time noon --title T
refuse "a missing --title is refused" "--title" \
	event add --child Mia --date 2026-12-05 --time 10:00
refuse "an empty --title is refused" "title is empty" \
	event add --child Mia --date 2026-12-05 --time 10:00 --title ''
refuse "a title with a control character is refused" "control character" \
	event add --child Mia --date 2026-12-05 --time 10:00 --title "$(printf 'a\033[2Jb')"
refuse "--minutes 0 is refused" "--minutes must be a whole number from 1 to 1440" \
	event add --child Mia --date 2026-12-05 --time 10:00 --title T --minutes 0
refuse "--minutes 1441 is refused" "--minutes must be a whole number from 1 to 1440" \
	event add --child Mia --date 2026-12-05 --time 10:00 --title T --minutes 1441
refuse "--date 2026-02-30 is refused" "--date '2026-02-30' is not a real date" \
	event add --child Mia --date 2026-02-30 --time 10:00 --title T
refuse "--to before --from is refused" "--to is before --from" \
	event list --from 2026-12-10 --to 2026-12-01
refuse "event add --child unknown is refused" "no child called 'Zed'" \
	event add --child Zed --date 2026-12-05 --time 10:00 --title T
refuse "event list --child unknown is refused" "no child called 'Zed'" \
	event list --child Zed
refuse "with two children, event add needs --child" "--child" \
	event add --date 2026-12-05 --time 10:00 --title T
