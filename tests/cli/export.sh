#!/bin/sh
# Exports read back by real parsers: every CSV cell through python's csv module
# (accents, emoji, quotes, commas, line breaks, a leading =), the byte-order
# mark, --output (0600, atomic, refusals), and every iCalendar file through
# python-icalendar (empty, timed in two time zones, all-day, cancelled, long
# UTF-8 titles) and calcurse when it is there.
. "${TOP_SRCDIR}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
plan 44

skip() { ok "# SKIP $1: $2"; }
sql() { sqlite3 "$DB" "$1"; }

# csvget FILE ROW COLUMN: the cell of data row ROW (1 = the first after the
# header) in the column named COLUMN, with the documented rule undone (a cell
# that is ' + any apostrophes + one of = + - @ TAB CR loses one apostrophe).
cat > "$TMP/csvget.py" <<'PY'
import csv, io, re, sys
f, row, col = sys.argv[1], int(sys.argv[2]), sys.argv[3]
raw = open(f, 'rb').read()
if raw.startswith(b'\xef\xbb\xbf'):
    raw = raw[3:]
rows = list(csv.reader(io.StringIO(raw.decode('utf-8'), newline=''), strict=True))
cell = rows[row][rows[0].index(col)]
if re.match(r"'+[=+\-@\t\r]", cell):
    cell = cell[1:]
sys.stdout.write(cell)
PY
# csvrows FILE: the number of data rows, or what is wrong with the shape.
cat > "$TMP/csvrows.py" <<'PY'
import csv, io, sys
raw = open(sys.argv[1], 'rb').read()
if raw.startswith(b'\xef\xbb\xbf'):
    raw = raw[3:]
rows = list(csv.reader(io.StringIO(raw.decode('utf-8'), newline=''), strict=True))
bad = [r for r in rows if len(r) != len(rows[0])]
print(len(rows) - 1 if not bad else 'ragged rows: %r' % bad)
PY
# icsdump FILE: the calendar name, then one line per VEVENT: UID SUMMARY STATUS
# SEQUENCE DTSTART DTEND (decoded, ISO), or the parser's complaint.
cat > "$TMP/icsdump.py" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert cal.name == 'VCALENDAR' and str(cal['VERSION']) == '2.0' and str(cal['PRODID'])
print('name=%s components=%d' % (cal.get('X-WR-CALNAME'), len(cal.subcomponents)))
for ev in cal.walk('VEVENT'):
    print('\t'.join([str(ev['UID']), str(ev['SUMMARY']), str(ev.get('STATUS', '-')), str(ev['SEQUENCE']),
                     ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat(),
                     ev.decoded('DTSTAMP').isoformat()]))
PY
# cell_is NAME FILE ROW COLUMN EXPECTED: the cell read back is exactly EXPECTED.
cell_is() {
	got=$("$PY" "$TMP/csvget.py" "$2" "$3" "$4" 2>&1; printf x); got=${got%x}
	if [ "$got" = "$5" ]; then ok "$1"; else not_ok "$1" "expected: [$5]" "got:      [$got]"; fi
}
# export_to FILE ARGS...: toddle export ARGS > FILE, status in $rc.
export_to() {
	f=$1; shift
	"$TODDLE" --db "$DB" --today "$TODAY" export "$@" > "$f" 2>"$TMP/stderr"; rc=$?
	err=$(cat "$TMP/stderr")
}

# ---- a child with every kind of record, in awkward text --------------------------
NAME='Zoë 😀'
NL='
'
NOTE="=1+1, \"quoted\" and ünïcödé 😀${NL}second line"
run child add "$NAME" --born 2025-03-01 --ga 34
run milestone log --child "$NAME" cdc-2m-se-calms --status emerging --date 2025-06-01 --note "$NOTE"
e1=$(printf '%s' "$out" | cut -f1)
run milestone log --child "$NAME" who-sitting --status achieved --date 2025-11-02 --note '@sum'
e2=$(printf '%s' "$out" | cut -f1)
run milestone log --child "$NAME" cdc-2m-se-calms --status achieved --date 2025-06-20 --note "'quoted start"
e3=$(printf '%s' "$out" | cut -f1)
run milestone correct "$e1" --status not-yet
run milestone correct "$e3" --remove
run activity log --child "$NAME" tummy-floor-mirror --date 2025-06-02 --minutes 5 --note "-2 a, b; ${NL}\"x\""
run event add --child "$NAME" --date 2026-12-01 --time 09:30 --minutes 45 --title '+Check-up, «Dr. Ünal»' --place 'Room 1, "B"'
run goal add --child "$NAME" --text "Sits alone${NL}for 10 s, \"steady\"" --target 2026-12-31
g=$out
run goal set "$g" --status partly-met
run note add --child "$NAME" --date 2026-11-20 --minutes 40 --subjective '=cmd|x' --objective "Rolls, both ways${NL}😀" \
	--assessment 'Better' --plan 'Floor "time"'
n1=$(printf '%s' "$out" | cut -f1)
run note add --child "$NAME" --date 2026-11-20 --minutes 40 --corrects "$n1" --subjective '=cmd|x' \
	--objective "Rolls, both ways${NL}😀" --assessment 'Better, steadier' --plan 'Floor "time"'
run program add --child "$NAME" --activity tummy-floor-mirror --times 2 --per day --from 2026-11-01
p=$out
run program end "$(printf '%s' "$p" | cut -f1)" --date 2026-11-20

# ---- CSV: every cell read back ---------------------------------------------------
export_to "$TMP/ms.csv" csv --child "$NAME" --what milestones
if [ $rc -eq 0 ] && [ "$("$PY" "$TMP/csvrows.py" "$TMP/ms.csv")" = 4 ]; then
	ok "csv milestones: four entries (the correction is one; the removal marks the entry it removes)"
else not_ok "csv milestones: four entries" "exit $rc" "$err" "$(cat "$TMP/ms.csv")"; fi
cell_is "csv milestones: the note comes back exactly (=, quotes, comma, accents, emoji, line break)" "$TMP/ms.csv" 1 note "$NOTE"
cell_is "csv milestones: entry id" "$TMP/ms.csv" 1 entry_id "$e1"
cell_is "csv milestones: item id" "$TMP/ms.csv" 1 item_id cdc-2m-se-calms
cell_is "csv milestones: a CDC entry's kind" "$TMP/ms.csv" 1 kind cdc
cell_is "csv milestones: a CDC entry's checklist age" "$TMP/ms.csv" 1 checklist_months 2
cell_is "csv milestones: a corrected entry says so" "$TMP/ms.csv" 1 state corrected
cell_is "csv milestones: a WHO entry's kind" "$TMP/ms.csv" 2 kind who
cell_is "csv milestones: a WHO entry's window" "$TMP/ms.csv" 2 window_from_months 3.8
cell_is "csv milestones: a WHO entry's window end" "$TMP/ms.csv" 2 window_to_months 9.2
cell_is "csv milestones: @ at the start comes back" "$TMP/ms.csv" 2 note '@sum'
cell_is "csv milestones: a leading apostrophe is kept as it is" "$TMP/ms.csv" 3 note "'quoted start"
cell_is "csv milestones: a removed entry says so" "$TMP/ms.csv" 3 state removed
cell_is "csv milestones: the correction names the entry it corrects" "$TMP/ms.csv" 4 corrects_entry "$e1"
cell_is "csv milestones: the correction is in force" "$TMP/ms.csv" 4 status not-yet
if grep -q "\"'=1+1" "$TMP/ms.csv" && grep -q "\"'@sum\"" "$TMP/ms.csv" && grep -q "^[^\"]*,'quoted start," "$TMP/ms.csv"; then
	ok "csv: = and @ cells carry one more apostrophe in the file; a plain leading ' is left alone"
else not_ok "csv: = and @ cells carry one more apostrophe in the file" "$(cat "$TMP/ms.csv")"; fi
hist=$("$TODDLE" --db "$DB" --today "$TODAY" milestone list --child "$NAME" --history cdc-2m-se-calms | cut -f1,5 | tr '\t\n' ':,')
csvstate=$(for r in 1 3 4; do "$PY" "$TMP/csvget.py" "$TMP/ms.csv" $r entry_id; printf ':'; "$PY" "$TMP/csvget.py" "$TMP/ms.csv" $r state; printf ','; done)
if [ "$hist" = "$csvstate" ]; then ok "csv milestones: the states match 'milestone list --history'"
else not_ok "csv milestones: the states match 'milestone list --history'" "history: $hist" "csv:     $csvstate"; fi

export_to "$TMP/act.csv" csv --child "$NAME" --what activities
cell_is "csv activities: a note starting with - comes back with its lines" "$TMP/act.csv" 1 note "-2 a, b; ${NL}\"x\""
run activity log --child "$NAME" tummy-floor-mirror --date 2025-06-03 --note "'=already guarded"
export_to "$TMP/act.csv" csv --child "$NAME" --what activities
cell_is "csv activities: a stored '= text comes back with its own apostrophe" "$TMP/act.csv" 2 note "'=already guarded"
export_to "$TMP/ap.csv" csv --child "$NAME" --what appointments
ap=$("$TODDLE" --db "$DB" --today "$TODAY" event list --child "$NAME" | cut -f1)
cell_is "csv appointments: the id is event list's" "$TMP/ap.csv" 1 id "$ap"
cell_is "csv appointments: a + title with guillemets comes back" "$TMP/ap.csv" 1 title '+Check-up, «Dr. Ünal»'
export_to "$TMP/goals.csv" csv --child "$NAME" --what goals
cell_is "csv goals: the text with its line break" "$TMP/goals.csv" 1 text "Sits alone${NL}for 10 s, \"steady\""
cell_is "csv goals: the status set last" "$TMP/goals.csv" 1 status partly-met
cell_is "csv goals: the version after one change" "$TMP/goals.csv" 1 version 2
export_to "$TMP/notes.csv" csv --child "$NAME" --what notes
if [ "$("$PY" "$TMP/csvrows.py" "$TMP/notes.csv")" = 2 ] &&
   [ "$("$PY" "$TMP/csvget.py" "$TMP/notes.csv" 1 note_uuid)" = "$("$PY" "$TMP/csvget.py" "$TMP/notes.csv" 2 note_uuid)" ] &&
   [ "$("$PY" "$TMP/csvget.py" "$TMP/notes.csv" 2 version)" = 2 ]; then
	ok "csv notes: every version, one note uuid"
else not_ok "csv notes: every version, one note uuid" "$(cat "$TMP/notes.csv")"; fi
cell_is "csv notes: S comes back (a DDE formula)" "$TMP/notes.csv" 1 subjective '=cmd|x'
cell_is "csv notes: O comes back with its line and emoji" "$TMP/notes.csv" 2 objective "Rolls, both ways${NL}😀"
cell_is "csv notes: A of the correction" "$TMP/notes.csv" 2 assessment 'Better, steadier'
export_to "$TMP/prog.csv" csv --child "$NAME" --what program
if [ "$("$PY" "$TMP/csvget.py" "$TMP/prog.csv" 1 times)|$("$PY" "$TMP/csvget.py" "$TMP/prog.csv" 1 per)|$("$PY" "$TMP/csvget.py" "$TMP/prog.csv" 1 stop)|$("$PY" "$TMP/csvget.py" "$TMP/prog.csv" 1 ended)" = \
     "2|day|2026-11-20|yes" ]; then ok "csv program: times, per, stop, ended"
else not_ok "csv program: times, per, stop, ended" "$(cat "$TMP/prog.csv")"; fi
export_to "$TMP/audit.csv" csv --child "$NAME" --what audit
want=$(sql "SELECT count(*) FROM audit WHERE child_id = (SELECT id FROM child WHERE name = '$NAME')")
if [ "$("$PY" "$TMP/csvrows.py" "$TMP/audit.csv")" = "$want" ] && [ "$want" -gt 8 ]; then ok "csv audit: every row of the child's audit ($want)"
else not_ok "csv audit: every row of the child's audit" "want $want" "$(cat "$TMP/audit.csv")"; fi

# ---- the byte-order mark ---------------------------------------------------------
export_to "$TMP/bom.csv" csv --child "$NAME" --what milestones --bom
if [ "$(head -c 3 "$TMP/bom.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] &&
   [ "$(tail -c +4 "$TMP/bom.csv" | md5sum)" = "$(md5sum < "$TMP/ms.csv")" ]; then
	ok "--bom: EF BB BF, then the same bytes as without"
else not_ok "--bom: EF BB BF, then the same bytes as without" "$(head -c 16 "$TMP/bom.csv" | od -An -tx1)"; fi
if [ "$(head -c 3 "$TMP/ms.csv" | od -An -tx1 | tr -d ' ')" = "$(printf 'ent' | od -An -tx1 | tr -d ' ')" ]; then
	ok "no --bom: the file starts with the header"
else not_ok "no --bom: the file starts with the header" "$(head -c 16 "$TMP/ms.csv" | od -An -tx1)"; fi

# ---- --output -------------------------------------------------------------------
mkdir -p "$TMP/out"
(umask 022; run export csv --child "$NAME" --what notes --output "$TMP/out/notes.csv"; echo "$rc" > "$TMP/rc")
if [ "$(cat "$TMP/rc")" = 0 ] && [ "$(stat -c %a "$TMP/out/notes.csv")" = 600 ] && cmp -s "$TMP/out/notes.csv" "$TMP/notes.csv" &&
   [ "$(ls "$TMP/out")" = notes.csv ]; then ok "--output: the same CSV, mode 0600 whatever the umask, no temporary file left"
else not_ok "--output: the same CSV, mode 0600 whatever the umask" "$(ls -la "$TMP/out")"; fi
printf 'old' > "$TMP/out/cal.ics"
run export ics --child "$NAME" --output "$TMP/out/cal.ics"
if [ $rc -eq 0 ] && [ -z "$out" ] && head -1 "$TMP/out/cal.ics" | grep -q '^BEGIN:VCALENDAR' && [ "$(stat -c %a "$TMP/out/cal.ics")" = 600 ]; then
	ok "--output for ics: replaces the file whole, as report --output does; nothing on stdout"
else not_ok "--output for ics: replaces the file whole" "exit $rc" "$err" "$(head -2 "$TMP/out/cal.ics")"; fi
mkdir "$TMP/out/taken"
run export csv --child "$NAME" --what goals --output "$TMP/out/taken"
if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q "cannot write $TMP/out/taken" &&
   [ "$(ls "$TMP/out" | sort | tr '\n' ' ')" = "cal.ics notes.csv taken " ]; then
	ok "--output that cannot be renamed into place: exit 2, one line, no temporary file left"
else not_ok "--output that cannot be renamed into place: exit 2, one line, no temporary file left" "exit $rc" "$err" "$(ls "$TMP/out")"; fi
run export csv --child "$NAME" --what goals --output ''
check_rc "--output '' is refused as bad input" 1

# A read-only folder: as a user who is not root (root writes anywhere).
U=''
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$TMP/ro"; chmod 555 "$TMP/ro"
	run export csv --child "$NAME" --what goals --output "$TMP/ro/g.csv"
	chmod 755 "$TMP/ro"
	ro_rc=$rc ro_err=$err
elif command -v useradd >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1 &&
     U=toddlex$$ && useradd -M -N -s /bin/sh "$U" 2>/dev/null; then
	trap 'userdel "$U" 2>/dev/null; rm -rf "$TMP"' EXIT
	chmod 711 "$TMP"
	mkdir -p "$TMP/u/ro"
	cp "$DB" "$TMP/u/own.db"
	chown -R "$U" "$TMP/u"
	chmod 555 "$TMP/u/ro"
	ro_err=$(runuser -u "$U" -- env -i HOME="$TMP/u" PATH="$PATH" LC_ALL=C.UTF-8 TODDLE_SYSTEM_CONFIG="$TMP/none.ini" \
		"$TODDLE" --db "$TMP/u/own.db" --today "$TODAY" export csv --child "$NAME" --what goals --output "$TMP/u/ro/g.csv" 2>&1)
	ro_rc=$?
else
	U=''; ro_rc=skip
fi
if [ "$ro_rc" = skip ]; then skip "--output into a read-only folder" "root, and no throwaway user can be added"
else
	ro_dir=$(dirname "$(ls -d "$TMP"/ro "$TMP"/u/ro 2>/dev/null | head -1)/x")
	if [ "$ro_rc" -eq 2 ] && [ "$(printf '%s\n' "$ro_err" | wc -l)" -eq 1 ] &&
	   printf '%s' "$ro_err" | grep -q "the folder $ro_dir is not writable" && [ -z "$(ls "$ro_dir")" ]; then
		ok "--output into a read-only folder: exit 2, the message names the folder, nothing left there"
	else not_ok "--output into a read-only folder: exit 2, the message names the folder" "exit $ro_rc" "$ro_err"; fi
fi

# ---- iCalendar, read back by python-icalendar ------------------------------------
if ! "$PY" -c 'import icalendar' 2>/dev/null; then
	for i in 1 2 3 4 5 6 7; do skip "ics $i" "python3-icalendar missing (.ci/setup installs it)"; done
	exit 0
fi
run child add Empty --born 2026-01-01
export_to "$TMP/empty.ics" ics --child Empty
dump=$("$PY" "$TMP/icsdump.py" "$TMP/empty.ics" 2>&1)
if [ $rc -eq 0 ] && [ "$dump" = "name=toddle: Empty components=1" ]; then
	ok "ics: a calendar without appointments parses, named, with one (time zone) component as RFC 5545 asks"
else not_ok "ics: a calendar without appointments parses" "$dump" "$(cat "$TMP/empty.ics")"; fi
LONG='Физиотерапия и проверка моторики: сеанс номер два 😀 с оценкой развития ребёнка, «длинное» название'
run event add --child "$NAME" --date 2026-07-01 --time 23:30 --minutes 60 --title "$LONG"
run event add --child "$NAME" --date 2026-12-24 --time 08:00 --title 'All day, really'
sql "UPDATE appointment SET time = '' WHERE title = 'All day, really'"
run event add --child "$NAME" --date 2026-12-28 --title 'Hospital day'   # no --time: all day
gone=$("$TODDLE" --db "$DB" --today "$TODAY" event add --child "$NAME" --date 2026-12-05 --time 10:00 --title 'Cancelled one')
TZ=Europe/Paris "$TODDLE" --db "$DB" --today "$TODAY" export ics --child "$NAME" > "$TMP/before.ics"
run event delete "$gone"
for tz in Europe/Paris America/New_York; do
	TZ=$tz "$TODDLE" --db "$DB" --today "$TODAY" export ics --child "$NAME" > "$TMP/$(echo $tz | tr / _).ics"
done
paris=$("$PY" "$TMP/icsdump.py" "$TMP/Europe_Paris.ics" 2>&1)
ny=$("$PY" "$TMP/icsdump.py" "$TMP/America_New_York.ics" 2>&1)
ev() { printf '%s\n' "$1" | grep -F -- "$2" | cut -f"$3"; }
if [ "$(ev "$paris" Check-up 5-6)" = "$(printf '2026-12-01T08:30:00+00:00\t2026-12-01T09:15:00+00:00')" ] &&
   [ "$(ev "$ny" Check-up 5-6)" = "$(printf '2026-12-01T14:30:00+00:00\t2026-12-01T15:15:00+00:00')" ]; then
	ok "ics: 09:30 is 08:30 UTC from Paris and 14:30 UTC from New York in winter"
else not_ok "ics: 09:30 in UTC from Paris and New York" "$paris" "---" "$ny"; fi
if [ "$(ev "$paris" Физиотерапия 2)" = "$NAME: $LONG" ] &&
   [ "$(ev "$paris" Физиотерапия 5-6)" = "$(printf '2026-07-01T21:30:00+00:00\t2026-07-01T22:30:00+00:00')" ] &&
   [ "$(ev "$ny" Физиотерапия 5)" = "2026-07-02T03:30:00+00:00" ]; then
	ok "ics: a long UTF-8 title comes back whole; summer time (UTC+2, UTC-4) is applied"
else not_ok "ics: a long UTF-8 title; summer time" "$paris"; fi
if [ "$(ev "$ny" 'All day' 5-6)" = "$(printf '2026-12-24\t2026-12-25')" ] && grep -q '^DTSTART;VALUE=DATE:20261224' "$TMP/America_New_York.ics"; then
	ok "ics: an appointment without a time is an all-day event (DATE, ends the next day)"
else not_ok "ics: an appointment without a time is an all-day event" "$ny"; fi
if [ "$(ev "$paris" 'Hospital day' 5-6)" = "$(printf '2026-12-28\t2026-12-29')" ] &&
   [ "$(ev "$ny" 'Hospital day' 5-6)" = "$(printf '2026-12-28\t2026-12-29')" ] &&
   grep -q '^DTSTART;VALUE=DATE:20261228' "$TMP/Europe_Paris.ics"; then
	ok "ics: an appointment made with event add and no --time is DTSTART;VALUE=DATE, the same day in every time zone"
else not_ok "ics: an appointment made with event add and no --time is an all-day event" "$paris" "---" "$ny"; fi
was=$("$PY" "$TMP/icsdump.py" "$TMP/before.ics" | grep -F 'Cancelled one')
now=$(ev "$paris" 'Cancelled one' 1-4)
if [ "$(printf '%s' "$was" | cut -f1)" = "$(printf '%s' "$now" | cut -f1)" ] && [ "$(printf '%s' "$now" | cut -f3)" = CANCELLED ] &&
   [ "$(printf '%s' "$was" | cut -f3)" = - ] && [ "$(printf '%s' "$now" | cut -f4)" -gt "$(printf '%s' "$was" | cut -f4)" ]; then
	ok "ics: a removed appointment comes back cancelled, same UID, a higher SEQUENCE"
else not_ok "ics: a removed appointment comes back cancelled, same UID, a higher SEQUENCE" "before: $was" "after:  $now"; fi
if command -v calcurse >/dev/null 2>&1; then
	mkdir -p "$TMP/cc1" "$TMP/cc2"
	r1=$(calcurse -D "$TMP/cc1" -i "$TMP/empty.ics" 2>&1); c1=$?
	r2=$(calcurse -D "$TMP/cc2" -i "$TMP/America_New_York.ics" 2>&1); c2=$?
	if [ $c1 -eq 0 ] && [ $c2 -eq 0 ] && printf '%s' "$r1$r2" | grep -q ' 0 skipped' && ! printf '%s' "$r1$r2" | grep -qi 'warning\|error'; then
		ok "calcurse imports the empty and the full calendar without a complaint"
	else not_ok "calcurse imports the empty and the full calendar" "$r1" "$r2"; fi
else skip "calcurse imports the calendars" "calcurse missing"; fi
