#!/bin/sh
# All-day appointments (a hospital day, a daycare trip) through the CLI:
# event add without --time, event edit --all-day and back, every refusal
# leaving the database as it was; event list, the caseload's Next column and
# its next-visit order, the CSV export (an empty time cell) and the portable
# record all keep "no time" apart from midnight.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 21

TAB=$(printf '\t')
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
sql() { sqlite3 "$DB" "$1"; }
skip() { ok "# SKIP $1: $2"; }

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

# ---- add without --time ------------------------------------------------------------
run event add --date 2026-12-03 --title 'Hospital day' --place "Children's hospital"
if [ "$rc" -eq 0 ] && [ "$out" = 1 ] &&
   [ "$err" = "toddle: added as an all-day appointment on 2026-12-03 (no --time given)" ]; then
	ok "event add without --time: exit 0, the id alone on stdout, one line saying it is all day"
else not_ok "event add without --time: exit 0, the id alone on stdout, one line saying it is all day" \
	"exit $rc" "stdout: $out" "stderr: $err"; fi
if [ $have_sqlite = 1 ]; then
	if [ "$(sql "SELECT quote(time), minutes, title FROM appointment WHERE id = 1")" = "''|30|Hospital day" ]; then
		ok "it is stored with time '' (the schema's all-day)"
	else not_ok "it is stored with time ''" "$(sql 'SELECT * FROM appointment')"; fi
else skip "it is stored with time ''" "sqlite3 missing"; fi
run event add --date 2026-12-03 --time 00:00 --title 'Midnight feed clinic'
if [ "$rc" -eq 0 ] && [ "$out" = 2 ] && [ -z "$err" ]; then ok "event add with --time says nothing more than the id"
else not_ok "event add with --time says nothing more than the id" "exit $rc" "$out" "$err"; fi
run event add --date 2026-12-02 --time 16:00 --title 'PT visit'
run event add --date 2026-12-03 --time 09:30 --title 'Hearing check'
run event add --date 2026-12-04 --title 'Daycare trip' --minutes 300 2>/dev/null

# ---- list ----------------------------------------------------------------------
run event list
check_out "event list: TIME reads all-day, and an all-day appointment comes first on its day (before 00:00)" \
"3${TAB}2026-12-02${TAB}16:00${TAB}PT visit
1${TAB}2026-12-03${TAB}all-day${TAB}Hospital day
2${TAB}2026-12-03${TAB}00:00${TAB}Midnight feed clinic
4${TAB}2026-12-03${TAB}09:30${TAB}Hearing check
5${TAB}2026-12-04${TAB}all-day${TAB}Daycare trip"

# ---- refusals on add -----------------------------------------------------------
refuse "event add --time '' is refused and says to leave --time out" "leave --time out for an all-day appointment" \
	event add --date 2026-12-05 --time '' --title T
refuse "event add without --title is still refused" "--title TEXT are required" \
	event add --date 2026-12-05

# ---- edit ------------------------------------------------------------------------
run event edit 4 --all-day
if [ "$rc" -eq 0 ] && [ "$out" = "4${TAB}2026-12-03${TAB}all-day${TAB}Hearing check" ] && [ -z "$err" ]; then
	ok "event edit --all-day takes the time away and prints the appointment as event list does"
else not_ok "event edit --all-day takes the time away" "exit $rc" "$out" "$err"; fi
if [ $have_sqlite = 1 ]; then
	if [ "$(sql "SELECT quote(time), version, title FROM appointment WHERE id = 4")" = "''|2|Hearing check" ]; then
		ok "the edit is stored as time '' with a new version, the rest kept"
	else not_ok "the edit is stored as time '' with a new version" "$(sql 'SELECT * FROM appointment WHERE id = 4')"; fi
else skip "the edit is stored as time ''" "sqlite3 missing"; fi
run event edit 4 --all-day
if [ "$rc" -eq 0 ] && [ "$err" = "toddle: nothing changed: the appointment already says this" ] &&
   { [ $have_sqlite = 0 ] || [ "$(sql "SELECT version FROM appointment WHERE id = 4")" = 2 ]; }; then
	ok "event edit --all-day again: exit 0, says nothing changed, no new version"
else not_ok "event edit --all-day again: says nothing changed" "exit $rc" "$out" "$err"; fi
run event edit 4 --time 11:15 --place 'Room 3'
if [ "$rc" -eq 0 ] && [ "$out" = "4${TAB}2026-12-03${TAB}11:15${TAB}Hearing check" ]; then
	ok "event edit --time gives an all-day appointment a time again"
else not_ok "event edit --time gives an all-day appointment a time again" "exit $rc" "$out" "$err"; fi
run event edit 4 --place '' --title 'Hearing check, both ears' --date 2026-12-04 --minutes 45
if [ $have_sqlite = 1 ]; then
	if [ "$rc" -eq 0 ] && [ "$(sql "SELECT day, time, minutes, title, place IS NULL FROM appointment WHERE id = 4")" = \
	     "2026-12-04|11:15|45|Hearing check, both ears|1" ]; then
		ok "event edit changes only what is given; an empty --place clears it"
	else not_ok "event edit changes only what is given" "exit $rc" "$err" "$(sql 'SELECT * FROM appointment WHERE id = 4')"; fi
else skip "event edit changes only what is given" "sqlite3 missing"; fi
refuse "event edit --time '' is refused and points at --all-day" "use --all-day" event edit 4 --time ''
refuse "event edit --time with --all-day is refused" "not both" event edit 4 --time 10:00 --all-day
refuse "event edit with nothing to change is refused" "say what to change" event edit 4
refuse "event edit of an unknown id is refused" "no appointment with that id" event edit 99 --all-day
refuse "event edit needs a number" "give the id" event edit four --all-day
run event delete 2
refuse "event edit of a removed appointment is refused" "no appointment with that id" event edit 2 --all-day

# ---- caseload: Next column and next-visit order ------------------------------------
run child add Noa --born 2026-03-01
run event add --child Noa --date 2026-12-02 --time 08:00 --title 'OT'
run event add --child Mia --date 2026-12-02 --title 'Respite day' 2>/dev/null
run caseload --all --sort next
if [ "$rc" -eq 0 ] && [ "$(printf '%s\n' "$out" | cut -f2,6 | tr '\t\n' '|;')" = "Mia|2026-12-02 all-day;Noa|2026-12-02 08:00;" ]; then
	ok "caseload: Next reads DATE all-day, and sorted by next visit an all-day one comes before 08:00 that day"
else not_ok "caseload: Next reads DATE all-day, sorted first on its day" "exit $rc" "$out" "$err"; fi

# ---- CSV: the time cell is empty for all day, 00:00 stays 00:00 --------------------
"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Mia --what appointments > "$TMP/a.csv" 2>"$TMP/err"
rc=$?
rows=$(tr -d '\r' < "$TMP/a.csv" | awk -F, 'NR > 1 { print $1 "|" $2 "|" $3 }')
if [ $rc -eq 0 ] && [ "$rows" = "7|2026-12-02|
3|2026-12-02|16:00
1|2026-12-03|
5|2026-12-04|
4|2026-12-04|11:15" ]; then
	ok "export csv: an all-day appointment's time cell is empty (first on its day), a timed one HH:MM"
else not_ok "export csv: an all-day appointment's time cell is empty" "exit $rc" "$rows" "$(cat "$TMP/err")"; fi

# ---- ICS: an all-day appointment made here is a DATE event -------------------------
"$TODDLE" --db "$DB" --today "$TODAY" export ics --child Mia > "$TMP/a.ics" 2>"$TMP/err"
# the event's lines, from its UID to its SUMMARY
ev=$(tr -d '\r' < "$TMP/a.ics" | awk '/^BEGIN:VEVENT/ { e = "" } { e = e $0 "\n" } /^SUMMARY:Mia: Hospital day/ { printf "%s", e }')
if printf '%s' "$ev" | grep -q '^DTSTART;VALUE=DATE:20261203$' && printf '%s' "$ev" | grep -q '^DTEND;VALUE=DATE:20261204$' &&
   ! printf '%s' "$ev" | grep -q '^DT\(START\|END\):'; then
	ok "export ics: the hospital day is DTSTART;VALUE=DATE, ending the next day, with no time"
else not_ok "export ics: the hospital day is an all-day event" "$ev"; fi

# ---- the portable record keeps it all-day ------------------------------------------
"$TODDLE" --db "$DB" --today "$TODAY" export record --child Mia --output "$TMP/mia.json" 2>"$TMP/err"
"$TODDLE" --db "$TMP/other.db" --today "$TODAY" import "$TMP/mia.json" >/dev/null 2>>"$TMP/err"
moved=$("$TODDLE" --db "$TMP/other.db" --today "$TODAY" event list 2>>"$TMP/err" | cut -f2-4)
if [ "$moved" = "2026-12-02${TAB}all-day${TAB}Respite day
2026-12-02${TAB}16:00${TAB}PT visit
2026-12-03${TAB}all-day${TAB}Hospital day
2026-12-04${TAB}all-day${TAB}Daycare trip
2026-12-04${TAB}11:15${TAB}Hearing check, both ears" ]; then
	ok "export record then import: all-day appointments arrive all-day"
else not_ok "export record then import: all-day appointments arrive all-day" "$moved" "$(cat "$TMP/err")"; fi
