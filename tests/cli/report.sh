#!/bin/sh
# Reports (text, Markdown, HTML; for parent, doctor, therapist, school), CSV and
# iCalendar exports: contents, escaping, spreadsheet injection, folding, refusals.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 85

PY=${PYTHON3:-/usr/bin/python3}
ME=$(id -un)
ESC=$(printf '\033')
A="Ada & <Co>"
have_ical=0
"$PY" -c 'import icalendar' 2>/dev/null && have_ical=1

# skip NAME REASON: a passing TAP line marked SKIP.
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check NAME COMMAND...: ok when COMMAND succeeds; otherwise show the last run.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else
		not_ok "$name" "exit $rc" "stdout:" "$(printf '%s' "$out" | sed 's/^/  /')" "stderr: $err"
	fi
}
# has_fixed TEXT: some line of the last output is exactly TEXT.
has_fixed() { printf '%s\n' "$out" | grep -Fxq -- "$1"; }
# has TEXT: the last output holds TEXT somewhere.
has() { printf '%s' "$out" | grep -Fq -- "$1"; }
# lacks TEXT: the last output does not hold TEXT.
lacks() { ! printf '%s' "$out" | grep -Fq -- "$1"; }
# section TITLE: the lines of one text section (a title underlined with '-').
section() {
	printf '%s\n' "$out" | awk -v h="$1" '{ l[NR] = $0 } END {
		for (i = 1; i <= NR; i++) {
			if (l[i] != "" && l[i + 1] ~ /^-+$/ && length(l[i + 1]) == length(l[i])) {
				on = (l[i] == h); i++; continue
			}
			if (on) print l[i]
		} }'
}
# in_section TITLE TEXT: TEXT is a whole line of that section.
in_section() { section "$1" | grep -Fxq -- "$2"; }
# under TITLE SUB TEXT: TEXT is an item right under the sub-heading SUB of section TITLE.
under() {
	section "$1" | awk -v h="$2" '$0 == h { on = 1; next } on && /^[^ ]/ { on = 0 } on' | grep -Fxq -- "$3"
}
# before A B: the first line equal to A comes before the first line equal to B.
before() {
	a=$(printf '%s\n' "$out" | grep -Fxn -- "$1" | head -1 | cut -d: -f1)
	b=$(printf '%s\n' "$out" | grep -Fxn -- "$2" | head -1 | cut -d: -f1)
	[ -n "$a" ] && [ -n "$b" ] && [ "$a" -lt "$b" ]
}
sql() { sqlite3 "$DB" "$1"; }

# csvcell FILE ROW COL: one cell after an RFC 4180 parse (row 0 is the header),
# with backslash, CR, LF and TAB written as \\ \r \n \t.
cat > "$TMP/csvcell.py" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
cell = rows[int(sys.argv[2])][int(sys.argv[3])]
print(cell.replace('\\', '\\\\').replace('\r', '\\r').replace('\n', '\\n').replace('\t', '\\t'))
PY
csvcell() { "$PY" "$TMP/csvcell.py" "$@" 2>&1; }
# csvshape FILE: "ok ROWS" when every row has the header's cell count and every
# line break outside quotes is CRLF; otherwise what is wrong.
cat > "$TMP/csvshape.py" <<'PY'
import csv, sys
data = open(sys.argv[1], 'rb').read()
quoted, prev = False, None
for i, c in enumerate(data):
    if c == 0x22:
        quoted = not quoted
    elif not quoted and c == 0x0a and prev != 0x0d:
        sys.exit(print('bare LF at byte %d' % i))
    elif not quoted and prev == 0x0d and c != 0x0a:
        sys.exit(print('bare CR at byte %d' % (i - 1)))
    prev = c
if not data.endswith(b'\r\n'):
    sys.exit(print('does not end in CRLF'))
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
bad = [r for r in rows if len(r) != len(rows[0])]
print('ok %d' % (len(rows) - 1) if not bad else 'ragged rows: %r' % bad)
PY
# icsevents FILE: one line per VEVENT: UID, SUMMARY, LOCATION, DESCRIPTION, DTSTART, DTEND.
cat > "$TMP/icsevents.py" <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
print('\t'.join(str(cal.get(k)) for k in ('VERSION', 'PRODID', 'CALSCALE')))
for ev in cal.walk('VEVENT'):
    print('\t'.join([str(ev.get(k, '')) for k in ('UID', 'SUMMARY', 'LOCATION', 'DESCRIPTION')] +
                    [ev.decoded('DTSTART').isoformat(), ev.decoded('DTEND').isoformat()]))
PY
# icsraw FILE: "ok" when every physical line ends in CRLF, holds at most 75 octets and
# is valid UTF-8 on its own (folding never splits a character).
cat > "$TMP/icsraw.py" <<'PY'
import sys
data = open(sys.argv[1], 'rb').read()
if not data.endswith(b'\r\n') or data.count(b'\n') != data.count(b'\r\n'):
    sys.exit(print('a line does not end in CRLF'))
for i, line in enumerate(data.split(b'\r\n')[:-1], 1):
    if len(line) > 75:
        sys.exit(print('line %d has %d octets' % (i, len(line))))
    try:
        line.decode('utf-8')
    except UnicodeDecodeError:
        sys.exit(print('line %d splits a UTF-8 character' % i))
print('ok %d' % data.count(b'\r\n '))
PY

# ---- the family --------------------------------------------------------------
# Ada: born 2026-07-01 at 32+0 weeks; on 2026-11-26 she is 4 months, corrected 13 weeks 1 day,
# so the 2-month checklist is passed. Bo is born at term.
run child add 'Ada & <Co>' --born 2026-07-01 --due 2026-08-26 >/dev/null
run child add Bo --born 2026-05-20
run milestone log --child "$A" cdc-2m-se-smiles-back --date 2026-11-10 --note '<script>alert(1)</script>'
run milestone log --child "$A" cdc-2m-se-calms --date 2026-11-12 --note 'soon replaced'
run milestone log --child "$A" who-sitting --status emerging --date 2026-11-18
run milestone log --child "$A" cdc-2m-mp-lifts-head --status not-yet --date 2026-11-19
run activity log --child "$A" tummy-floor-mirror --date 2026-11-20 --minutes 10 --note 'liked it'
run activity log --child "$A" read-aloud --date 2026-11-21 --result hard --note 'She said "ok" & it'"'"'s <b>fine</b>'
run activity log --child "$A" tummy-floor-mirror --date 2026-10-01 --minutes 5 --note 'long ago'
if command -v sqlite3 >/dev/null 2>&1; then
	sql "UPDATE milestone_log SET note = 'calmer' || char(27) || '[31m now' || char(27) || ']0;pwned' || char(7)
	     WHERE milestone_id = 'cdc-2m-se-calms'" >/dev/null
fi

# ---- text --------------------------------------------------------------------
run report --child "$A"
check_rc "report (text) exits 0" 0
check "the text report names the child in its title" has_fixed 'Ada & <Co>: development report'
if has_fixed '  - Age: 4 months (21 weeks)' && has_fixed '  - Corrected age: 13 weeks 1 day (born at 32+0 weeks)'; then
	ok "both ages for a preterm child, with the gestational age at birth"
else not_ok "both ages for a preterm child, with the gestational age at birth" "$out"; fi
check "an achieved milestone with its date under its domain" \
	under "Milestones achieved" "Social and emotional" '  - Smiles back when you talk or smile (2-month checklist): 2026-11-10'
check "a passed checklist's item is worth talking about, with the area and who helps" \
	in_section "Worth talking about" '  - Lifts the head while lying on the tummy (2-month checklist: not yet). Area: Movement milestones; who usually helps: a physical therapist.'
check "the calm line follows the list" in_section "Worth talking about" "Talk this over with your child's doctor; it is not a diagnosis."
check "progress counts achieved of total by domain" in_section "Progress by area" '  - Social and emotional: 2 of 4'
check "an activity in the period is listed with its date, result and minutes" \
	in_section "Activities" '  - 2026-11-20 Floor tummy time with a mirror: done, 10 minutes'
if in_section "Activities" 'From 2026-10-27 to 2026-11-26: 2 tries (1 done, 1 hard, 0 skipped), 10 minutes in all.' &&
   lacks '2026-10-01 Floor tummy time'; then
	ok "activities: the last 30 days by default, counted by result with the minutes"
else not_ok "activities: the last 30 days by default, counted by result with the minutes" "$(section Activities)"; fi
check "a note with its date and who wrote it" \
	in_section "Notes" "  - 2026-11-20, $ME, about \"Floor tummy time with a mirror\": liked it"
check "a milestone note is in the notes too" has "2026-11-10, $ME, about \"Smiles back when you talk or smile\": <script>alert(1)</script>"
check "the WHO windows with their months" in_section "WHO motor windows" '  - Sits up without any support: emerging (window 3.8 to 9.2 months)'
check "a WHO window nobody logged is not recorded yet, not 'not reached'" \
	in_section "WHO motor windows" '  - Walks alone: not recorded yet (window 8.2 to 17.6 months)'
if has 'CDC Learn the Signs. Act Early.' && has 'WHO Motor Development Study (2006)' && has 'toddle is not a diagnosis'; then
	ok "the footer names the sources and says it is not a diagnosis"
else not_ok "the footer names the sources and says it is not a diagnosis" "$out"; fi
if command -v sqlite3 >/dev/null 2>&1; then
	if lacks "$ESC" && lacks 'pwned' && has_fixed '  - 2026-11-12, '"$ME"', about "Calms down when spoken to or picked up": calmer now'; then
		ok "text: a stored escape sequence is stripped"
	else not_ok "text: a stored escape sequence is stripped" "$(printf '%s' "$out" | grep -a calmer | od -c | head -5)"; fi
else skip "text: a stored escape sequence is stripped" "sqlite3 missing"; fi
run report --child "$A" --since 2026-09-01
check "--since widens the period" has '  - 2026-10-01 Floor tummy time with a mirror: done, 5 minutes'
run report --child Bo
if [ $rc -eq 0 ] && has_fixed 'Bo: development report' && lacks 'Corrected age' && lacks 'Gestational'; then
	ok "a child born at term has one age"
else not_ok "a child born at term has one age" "$out" "$err"; fi
run report
check_rc "with two children --child is needed" 1
check_err "and the refusal says so" "--child"

# ---- Markdown ----------------------------------------------------------------
run report --child "$A" --format md
if [ $rc -eq 0 ] && has_fixed '# Ada &amp; &lt;Co&gt;: development report' && has_fixed '## Milestones achieved' &&
   has_fixed '### Social and emotional' && has_fixed '- Smiles back when you talk or smile (2-month checklist): 2026-11-10'; then
	ok "md: headings and list items"
else not_ok "md: headings and list items" "$out" "$err"; fi
check "md: no control characters" lacks "$ESC"

# ---- HTML --------------------------------------------------------------------
run report --child "$A" --format html
if [ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | head -1)" = '<!DOCTYPE html>' ] && has '<meta charset="utf-8">' &&
   has '<style>' && [ "$(printf '%s\n' "$out" | tail -1)" = '</html>' ]; then
	ok "html: one page with its charset and inline style"
else not_ok "html: one page with its charset and inline style" "$(printf '%s\n' "$out" | head -5)" "$err"; fi
if ! printf '%s' "$out" | grep -qi '<script' && has '&lt;script&gt;alert(1)&lt;/script&gt;'; then
	ok "html: a note holding <script> is escaped, no raw <script>"
else not_ok "html: a note holding <script> is escaped, no raw <script>" "$(printf '%s\n' "$out" | grep -i script)"; fi
if has '<h1>Ada &amp; &lt;Co&gt;: development report</h1>' && has '<title>Ada &amp; &lt;Co&gt;' && lacks 'Ada & <Co>'; then
	ok "html: the child's name with & and < is escaped everywhere"
else not_ok "html: the child's name with & and < is escaped everywhere" "$(printf '%s\n' "$out" | grep -i 'Ada')"; fi
check "html: quotes and apostrophes in a note are escaped" \
	has 'She said &quot;ok&quot; &amp; it&#39;s &lt;b&gt;fine&lt;/b&gt;'
if ! printf '%s' "$out" | grep -Eqi 'https?:|src=|href=|url\(|@import|<link|<img|<iframe|<object'; then
	ok "html: no external resources at all"
else not_ok "html: no external resources at all" "$(printf '%s\n' "$out" | grep -Ei 'https?:|src=|href=|url\(|@import|<link|<img|<iframe|<object')"; fi
check "html: no control characters" lacks "$ESC"
check "html: an activity is a table row, its date kept on one line" \
	has '<tr><td><span class="date">2026-11-20</span></td><td>Floor tummy time with a mirror</td><td>done</td><td class="n">10</td></tr>'
run report --child "$A" --for doctor --format html
summary=$(printf '%s\n' "$out" | sed -n '/<section class="summary">/,/<\/section>/p')
if printf '%s' "$summary" | grep -q '<th>Chronological age</th><td>4 months (21 weeks)</td>' &&
   printf '%s' "$summary" | grep -q '<th>Corrected age</th><td>13 weeks 1 day (the checklists use this one)</td>' &&
   printf '%s' "$summary" | grep -q '<h2>Worth talking about</h2>' && printf '%s' "$summary" | grep -q '<svg ' &&
   printf '%s' "$summary" | grep -q '<th>Area</th>' && [ "$(printf '%s' "$summary" | grep -c '<rect ')" -eq 6 ] &&
   printf '%s' "$summary" | grep -q '>Ada &amp; &lt;Co&gt; now: 3.0 months (corrected)</text>'; then
	ok "html: the summary holds the ages, the concerns, a chart of the six WHO windows with the age marked, progress"
else not_ok "html: the summary holds the ages, the concerns, a chart of the six WHO windows with the age marked, progress" "$summary"; fi
if has '@top-left{content:"Ada \26  \3c Co\3e , born 2026-07-01"' && has 'counter(page) " of " counter(pages)' &&
   [ "$(printf '%s' "$out" | grep -c '</style>')" -eq 1 ]; then
	ok "html: the page margins carry the name (escaped for CSS), birth date and page N of M"
else not_ok "html: the page margins carry the name (escaped for CSS), birth date and page N of M" "$(printf '%s\n' "$out" | grep '@page')"; fi
if "$PY" -c 'import html5lib' 2>/dev/null; then
	for who in parent doctor therapist school; do
		"$TODDLE" --db "$DB" --today "$TODAY" report --child "$A" --for $who --format html > "$TMP/v.html" 2>&1
		res=$("$PY" -c 'import html5lib, sys
try:
    html5lib.HTMLParser(strict=True).parse(open(sys.argv[1], "rb").read()); print("ok")
except Exception as e:
    print(e)' "$TMP/v.html" 2>&1)
		[ "$res" = ok ] || break
	done
	if [ "$res" = ok ]; then ok "html: every reader's page parses as HTML5 without an error (html5lib, strict)"
	else not_ok "html: every reader's page parses as HTML5 without an error (html5lib, strict)" "$who: $res"; fi
else skip "html: every reader's page parses as HTML5 without an error" "python3-html5lib missing"; fi

# ---- readers -----------------------------------------------------------------
run report --child "$A" --for doctor
if [ $rc -eq 0 ] && before 'Worth talking about' 'Milestones achieved' &&
   has_fixed '  - Gestational age at birth: 32+0 weeks (due 2026-08-26)' &&
   has_fixed '  - Chronological age: 4 months (21 weeks)' &&
   has_fixed '  - Corrected age: 13 weeks 1 day (the checklists use this one)'; then
	ok "doctor: the list first, both ages named and the gestational age"
else not_ok "doctor: the list first, both ages named and the gestational age" "$out" "$err"; fi
if has 'Born at 32+0 weeks: the CDC checklists and the WHO windows below follow the corrected age, 13 weeks 1 day' &&
   lacks "Talk this over with your child's doctor" && lacks "talk things over with your child's doctor" &&
   has 'listed for your own assessment'; then
	ok "doctor: speaks to a clinician and says the checklists follow the corrected age"
else not_ok "doctor: speaks to a clinician and says the checklists follow the corrected age" "$out"; fi
if in_section "Activities" 'From 2026-10-27 to 2026-11-26: 2 tries (1 done, 1 hard, 0 skipped), 10 minutes in all.' &&
   lacks '  - 2026-11-20 Floor tummy time'; then
	ok "doctor: activities as a compact summary"
else not_ok "doctor: activities as a compact summary" "$(section Activities)"; fi
run report --child "$A" --for school
if [ $rc -eq 0 ] && lacks 'Gestational' && lacks '32+0' &&
   lacks 'Worth talking about' && lacks 'Notes' && lacks 'WHO motor windows' && lacks 'liked it'; then
	ok "school: no gestational or medical detail, no notes"
else not_ok "school: no gestational or medical detail, no notes" "$out" "$err"; fi
if has_fixed '  - Age: 4 months (21 weeks)' && has_fixed '  - Corrected age: 13 weeks 1 day (the skills are counted by this one)' &&
   has "The skills below are counted by Ada & <Co>'s corrected age"; then
	ok "school: says which age it counts by and shows the corrected age"
else not_ok "school: says which age it counts by and shows the corrected age" "$out"; fi
if lacks '2026-11-20 Floor tummy time' && has 'From 2026-10-27 to 2026-11-26: 2 tries'; then
	ok "school: the activities as a count, no daily log"
else not_ok "school: the activities as a count, no daily log" "$(section Activities)"; fi
run report --child "$A" --for school --include activities
check "school --include activities: the daily log is there" has '  - 2026-11-20 Floor tummy time with a mirror: done, 10 minutes'
run report --child Bo --for school
check "school, born at term: counts by the age since birth" has "The skills below are counted by Bo's age, 6 months"
run report --child "$A" --for school
if has_fixed 'Ada & <Co>: a profile for school' && in_section "Strengths" '  - Social and emotional: 2 of 4 skills so far' &&
   under "Milestones achieved" "Social and emotional" '  - Smiles back when you talk or smile (2-month checklist): 2026-11-10'; then
	ok "school: milestones and strengths"
else not_ok "school: milestones and strengths" "$out"; fi
run report --child "$A" --for therapist
check "therapist: activity minutes by area, named for people" in_section "Activities" '  - Big movements (gross motor): 10 minutes in 1 try'
slugs=""
for who in parent doctor therapist school; do
	for f in text md html; do
		run report --child "$A" --for $who --format $f --since 2026-09-01 --include goals,program,activities
		for s in gross-motor fine-motor social-emotional daily-routines; do
			lacks "$s" || slugs="$slugs $who/$f:$s"
		done
	done
done
if [ -z "$slugs" ]; then ok "no report names an area by its slug"
else not_ok "no report names an area by its slug" "$slugs"; fi
run report --child "$A" --for parent
check "parent: a warm opening line" has 'Every child grows at their own pace.'

# ---- --output ----------------------------------------------------------------
run report --child "$A" --format html
expected=$out
mkdir -p "$TMP/out"
printf 'old' > "$TMP/out/r.html"
chmod 644 "$TMP/out/r.html"
run report --child "$A" --format html --output "$TMP/out/r.html"
if [ $rc -eq 0 ] && [ -z "$out" ] && [ "$(cat "$TMP/out/r.html")" = "$expected" ]; then
	ok "--output writes the report to the file and nothing to stdout"
else not_ok "--output writes the report to the file and nothing to stdout" "exit $rc" "$err"; fi
mode=$(stat -c %a "$TMP/out/r.html")
if [ "$mode" = 600 ] && [ "$(ls "$TMP/out")" = r.html ]; then ok "--output: mode 0600, no temporary file left"
else not_ok "--output: mode 0600, no temporary file left" "mode $mode" "$(ls -la "$TMP/out")"; fi
run report --child "$A" --output "$TMP/missing/dir/r.txt"
if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q 'missing/dir'; then
	ok "--output into a missing folder fails with one line naming it"
else not_ok "--output into a missing folder fails with one line naming it" "exit $rc" "$err"; fi

# ---- refusals ------------------------------------------------------------------
run report --child "$A" --format pdf
check_rc "--format pdf is refused" 1
check_err "the refusal names --format and the formats" "--format 'pdf' must be text, md or html"
run report --child "$A" --for grandma
check_rc "--for grandma is refused" 1
check_err "the refusal names --for and the readers" "--for 'grandma' must be parent, doctor, therapist or school"
run report --child "$A" --since 2026-02-30
check_rc "--since 2026-02-30 is refused" 1
check_err "the refusal names --since" "--since '2026-02-30' is not a real date"
run report --child "$A" --since yesterday
check_rc "--since yesterday is refused" 1
run report --child "$A" --since 2026-12-01
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q -- '--since 2026-12-01 is after today'; then ok "--since after today is refused"
else not_ok "--since after today is refused" "exit $rc" "$err"; fi
run report --child Zed
check_rc "an unknown child is refused" 1

# ---- CSV -----------------------------------------------------------------------
# Cy holds the hostile text: formulas, tabs, CR, commas, quotes and line breaks.
run child add Cy --born 2026-01-15
run activity log --child Cy tummy-floor-mirror --date 2026-11-01 --minutes 1 --note '=1+1'
run activity log --child Cy tummy-floor-mirror --date 2026-11-02 --minutes 2 --note '+SUM(A1:A2)'
run activity log --child Cy tummy-floor-mirror --date 2026-11-03 --minutes 3 --note '-2+3'
run activity log --child Cy tummy-floor-mirror --date 2026-11-04 --minutes 4 --note '@cmd'
run activity log --child Cy tummy-floor-mirror --date 2026-11-05 --minutes 5 --note "$(printf '\tTAB first')"
run activity log --child Cy tummy-floor-mirror --date 2026-11-06 --minutes 6 --note 'CR first'
run activity log --child Cy tummy-floor-mirror --date 2026-11-07 --minutes 7 --note 'a, "b" c'
run activity log --child Cy tummy-floor-mirror --date 2026-11-08 --minutes 8 --note 'two lines'
run activity log --child Cy tummy-floor-mirror --date 2026-11-09 --note 'plain, 1 = 1'
run milestone log --child Cy cdc-2m-se-calms --status emerging --date 2026-03-01 --note 'first "try"'
run milestone log --child Cy cdc-2m-se-calms --date 2026-03-20 --note '=cmd|'"'"'/c calc'"'"'!A0'
run event add --child Cy --date 2026-12-02 --time 10:00 --title '=HYPERLINK("x","y")' --place 'Room 1, "B"'
have_sql=0
if command -v sqlite3 >/dev/null 2>&1; then
	have_sql=1
	sql "UPDATE activity_log SET note = char(13) || 'CR first' WHERE note = 'CR first'"
	sql "UPDATE activity_log SET note = 'line one' || char(10) || 'line, \"two\"' || char(13) || char(10) || 'three' WHERE note = 'two lines'"
fi

"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Cy --what activities > "$TMP/act.csv" 2>"$TMP/stderr"; rc=$?
shape=$("$PY" "$TMP/csvshape.py" "$TMP/act.csv" 2>&1)
if [ $rc -eq 0 ] && [ "$shape" = "ok 9" ]; then ok "csv activities: 9 rows of 11 cells, CRLF line ends"
else not_ok "csv activities: 9 rows of 11 cells, CRLF line ends" "exit $rc: $shape" "$(cat "$TMP/stderr")"; fi
if [ "$(head -1 "$TMP/act.csv")" = "$(printf 'id,date,activity_id,title,result,minutes,note,recorded_by,recorded_at,version,uuid\r')" ]; then
	ok "csv activities: the header row"
else not_ok "csv activities: the header row" "$(head -1 "$TMP/act.csv")"; fi
# cellis NAME FILE ROW COL EXPECTED: one parsed cell equals EXPECTED (\t, \r, \n as text).
cellis() {
	got=$(csvcell "$2" "$3" "$4")
	if [ "$got" = "$5" ]; then ok "$1"; else not_ok "$1" "expected: $5" "got:      $got"; fi
}
cellis "csv: a note starting with = is neutralised" "$TMP/act.csv" 1 6 "'=1+1"
cellis "csv: a note starting with + is neutralised" "$TMP/act.csv" 2 6 "'+SUM(A1:A2)"
cellis "csv: a note starting with - is neutralised" "$TMP/act.csv" 3 6 "'-2+3"
cellis "csv: a note starting with @ is neutralised" "$TMP/act.csv" 4 6 "'@cmd"
cellis "csv: a note starting with TAB is neutralised" "$TMP/act.csv" 5 6 "'\\tTAB first"
if [ $have_sql = 1 ]; then
	cellis "csv: a note starting with CR is neutralised" "$TMP/act.csv" 6 6 "'\\rCR first"
else skip "csv: a note starting with CR is neutralised" "sqlite3 missing"; fi
cellis "csv: commas and quotes survive a round trip" "$TMP/act.csv" 7 6 'a, "b" c'
if [ $have_sql = 1 ]; then
	cellis "csv: line breaks survive a round trip" "$TMP/act.csv" 8 6 'line one\nline, "two"\r\nthree'
else skip "csv: line breaks survive a round trip" "sqlite3 missing"; fi
cellis "csv: an = inside a cell is left alone" "$TMP/act.csv" 9 6 'plain, 1 = 1'
if [ "$(csvcell "$TMP/act.csv" 1 1)|$(csvcell "$TMP/act.csv" 1 3)|$(csvcell "$TMP/act.csv" 1 4)|$(csvcell "$TMP/act.csv" 1 5)|$(csvcell "$TMP/act.csv" 1 7)" = \
     "2026-11-01|Floor tummy time with a mirror|done|1|$ME" ]; then
	ok "csv activities: date, title, result, minutes and who"
else not_ok "csv activities: date, title, result, minutes and who" "$(sed -n 2p "$TMP/act.csv")"; fi

"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Cy --what milestones > "$TMP/ms.csv" 2>"$TMP/stderr"; rc=$?
shape=$("$PY" "$TMP/csvshape.py" "$TMP/ms.csv" 2>&1)
if [ $rc -eq 0 ] && [ "$shape" = "ok 2" ] && [ "$(head -1 "$TMP/ms.csv")" = "$(printf 'entry_id,date,status,domain,text,note,recorded_by,recorded_at,item_id,kind,checklist_months,window_from_months,window_to_months,state,corrects_entry,changed_by,changed_at,uuid\r')" ]; then
	ok "csv milestones: the header and every record, history included"
else not_ok "csv milestones: the header and every record, history included" "exit $rc: $shape" "$(cat "$TMP/ms.csv")"; fi
if [ "$(csvcell "$TMP/ms.csv" 1 2)|$(csvcell "$TMP/ms.csv" 2 2)|$(csvcell "$TMP/ms.csv" 1 5)|$(csvcell "$TMP/ms.csv" 2 5)|$(csvcell "$TMP/ms.csv" 2 3)" = \
     "emerging|achieved|first \"try\"|'=cmd|'/c calc'!A0|social-emotional" ]; then
	ok "csv milestones: statuses in order, quotes kept, a DDE formula neutralised"
else not_ok "csv milestones: statuses in order, quotes kept, a DDE formula neutralised" "$(cat "$TMP/ms.csv")"; fi
"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Cy --what appointments > "$TMP/ap.csv" 2>"$TMP/stderr"; rc=$?
if [ $rc -eq 0 ] && [ "$(csvcell "$TMP/ap.csv" 1 4)|$(csvcell "$TMP/ap.csv" 1 5)|$(csvcell "$TMP/ap.csv" 1 2)" = \
     "'=HYPERLINK(\"x\",\"y\")|Room 1, \"B\"|10:00" ]; then
	ok "csv appointments: a formula title neutralised, the place kept"
else not_ok "csv appointments: a formula title neutralised, the place kept" "$(cat "$TMP/ap.csv")"; fi
run export csv --child Cy --what diapers
check_rc "export csv --what diapers is refused" 1
check_err "the refusal names --what and the kinds" "--what 'diapers' must be milestones, activities, appointments, goals, notes, program or audit"
run export csv --child Cy
check_rc "export csv without --what is refused" 1
run export pdf
check_rc "export pdf is refused" 1

# ---- iCalendar -----------------------------------------------------------------
# 169 octets after SUMMARY: naive 75-octet folds would cut a Cyrillic letter in two, twice.
LONG='PT Физиотерапия и проверка моторики: сеанс номер два 😀 с оценкой развития ребёнка'
run event add --child "$A" --date 2026-12-01 --time 09:30 --minutes 45 --title 'Check-up, weight; "length"' \
	--place 'Clinic, Room 2; East' --with 'Dr. X; PT, OT'
run event add --child "$A" --date 2026-12-03 --time 23:30 --minutes 60 --title "$LONG"
run event add --child Bo --date 2026-12-02 --time 08:00 --title 'Hearing test'
gone=$("$TODDLE" --db "$DB" --today "$TODAY" event add --child Bo --date 2026-12-05 --time 08:00 --title 'Cancelled')
run event delete "$gone"
TZ=America/New_York "$TODDLE" --db "$DB" --today "$TODAY" export ics > "$TMP/a.ics" 2>"$TMP/stderr"; rc=$?
check_rc "export ics exits 0" 0
raw=$("$PY" "$TMP/icsraw.py" "$TMP/a.ics" 2>&1)
case $raw in
"ok "*) if [ "${raw#ok }" -ge 1 ]; then ok "ics: CRLF lines of at most 75 octets, folded between characters"
	else not_ok "ics: CRLF lines of at most 75 octets, folded between characters" "no folded line"; fi ;;
*) not_ok "ics: CRLF lines of at most 75 octets, folded between characters" "$raw" ;;
esac
if grep -q '^PRODID:-//toddle//toddle 0.1//EN' "$TMP/a.ics" && grep -q '^BEGIN:VCALENDAR' "$TMP/a.ics" &&
   [ "$(grep -c '^BEGIN:VEVENT' "$TMP/a.ics")" -eq 5 ] && [ "$(grep -c '^STATUS:CANCELLED' "$TMP/a.ics")" -eq 1 ]; then
	ok "ics: a calendar with one event per appointment, the removed one cancelled"
else not_ok "ics: a calendar with one event per appointment, the removed one cancelled" "$(cat "$TMP/a.ics")"; fi
if [ $have_ical = 1 ]; then
	events=$("$PY" "$TMP/icsevents.py" "$TMP/a.ics" 2>&1)
	line() { printf '%s\n' "$events" | grep -F -- "$1" | head -1; }
	if [ "$(printf '%s\n' "$events" | head -1)" = "$(printf '2.0\t-//toddle//toddle 0.1//EN\tGREGORIAN')" ]; then
		ok "ics: VERSION, PRODID and CALSCALE parse back"
	else not_ok "ics: VERSION, PRODID and CALSCALE parse back" "$events"; fi
	ev=$(line 'Check-up')
	if [ "$(printf '%s' "$ev" | cut -f2-4)" = "$(printf 'Ada & <Co>: Check-up, weight; "length"\tClinic, Room 2; East\tWith: Dr. X; PT, OT')" ]; then
		ok "ics: SUMMARY, LOCATION and DESCRIPTION with commas and semicolons parse back"
	else not_ok "ics: SUMMARY, LOCATION and DESCRIPTION with commas and semicolons parse back" "$ev"; fi
	if [ "$(printf '%s' "$ev" | cut -f5-6)" = "$(printf '2026-12-01T14:30:00+00:00\t2026-12-01T15:15:00+00:00')" ]; then
		ok "ics: DTSTART and DTEND in UTC from New York's 09:30"
	else not_ok "ics: DTSTART and DTEND in UTC from New York's 09:30" "$ev"; fi
	ev=$(line 'Физиотерапия')
	if [ "$(printf '%s' "$ev" | cut -f2)" = "Ada & <Co>: $LONG" ] &&
	   [ "$(printf '%s' "$ev" | cut -f5-6)" = "$(printf '2026-12-04T04:30:00+00:00\t2026-12-04T05:30:00+00:00')" ]; then
		ok "ics: a long UTF-8 title unfolds whole; 23:30 in New York is the next day in UTC"
	else not_ok "ics: a long UTF-8 title unfolds whole; 23:30 in New York is the next day in UTC" "$ev"; fi
	ev=$(line 'Hearing')
	if [ "$(printf '%s' "$ev" | cut -f2-4)" = "$(printf 'Bo: Hearing test\t\t')" ]; then
		ok "ics: no LOCATION or DESCRIPTION when not set"
	else not_ok "ics: no LOCATION or DESCRIPTION when not set" "$ev"; fi
else
	for t in "VERSION, PRODID and CALSCALE parse back" "SUMMARY, LOCATION and DESCRIPTION parse back" \
		 "DTSTART and DTEND" "a long UTF-8 title" "no LOCATION or DESCRIPTION when not set"; do
		skip "ics: $t" "python3-icalendar missing"
	done
fi
TZ=America/New_York "$TODDLE" --db "$DB" --today "$TODAY" export ics > "$TMP/b.ics" 2>/dev/null
uids_a=$(grep '^UID:' "$TMP/a.ics" | tr -d '\r')
uids_b=$(grep '^UID:' "$TMP/b.ics" | tr -d '\r')
if [ -n "$uids_a" ] && [ "$uids_a" = "$uids_b" ] && ! printf '%s\n' "$uids_a" | grep -qv '^UID:[0-9a-f-]\{36\}@toddle$'; then
	ok "ics: UIDs are the appointment's uuid@toddle, the same in two exports"
else not_ok "ics: UIDs are the appointment's uuid@toddle, the same in two exports" "$uids_a" "---" "$uids_b"; fi
run export ics --child Bo
if [ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | grep -c '^BEGIN:VEVENT')" -eq 2 ] && has 'SUMMARY:Bo: Hearing test' &&
   [ "$(printf '%s\n' "$out" | grep -c '^SUMMARY:Ada')" -eq 0 ]; then
	ok "ics --child: only that child's appointments"
else not_ok "ics --child: only that child's appointments" "$out" "$err"; fi
run export ics --child Zed
check_rc "ics: an unknown child is refused" 1
