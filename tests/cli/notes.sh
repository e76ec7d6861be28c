#!/bin/sh
# Notes of several lines: the CLI takes line breaks (and tabs, and no other
# control character) in note arguments; listings keep one record a line (a
# break shows as " / "); CSV quotes the break (RFC 4180); reports show the
# lines: indented in text, <br> in HTML, hard breaks in Markdown.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 25

PY=${PYTHON3:-/usr/bin/python3}
NL='
'
TAB=$(printf '\t')
have_md=0
"$PY" -c 'import markdown' 2>/dev/null && have_md=1
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# check NAME COMMAND...: ok when COMMAND succeeds; otherwise show the last run.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else
		not_ok "$name" "exit $rc" "stdout:" "$(printf '%s' "$out" | sed 's/^/  /')" "stderr: $err"
	fi
}
has() { printf '%s' "$out" | grep -Fq -- "$1"; }
has_line() { printf '%s\n' "$out" | grep -Fxq -- "$1"; }
sql() { sqlite3 "$DB" "$1"; }
cat > "$TMP/csvcell.py" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline='', encoding='utf-8'), strict=True))
cell = rows[int(sys.argv[2])][int(sys.argv[3])]
print(cell.replace('\\', '\\\\').replace('\r', '\\r').replace('\n', '\\n').replace('\t', '\\t'))
PY
csvcell() { "$PY" "$TMP/csvcell.py" "$@" 2>&1; }

run child add Ada --born 2026-07-01
MS_NOTE="First time on the mat.${NL}${NL}Again after lunch"
run milestone log --child Ada cdc-2m-se-calms --date 2026-11-20 --note "$MS_NOTE"
check_rc "milestone log takes a note of several lines" 0
check "... stored byte for byte" [ "$(sql "SELECT note FROM milestone_log")" = "$MS_NOTE" ]
ACT_NOTE="Liked the mirror${NL}${TAB}cried at the end"
run activity log --child Ada tummy-floor-mirror --date 2026-11-24 --minutes 4 --note "$ACT_NOTE"
check_rc "activity log takes a line break and a tab" 0
check "... stored byte for byte" [ "$(sql "SELECT note FROM activity_log")" = "$ACT_NOTE" ]
run note add --child Ada --date 2026-11-25 --minutes 40 --subjective "Mum says rolling.${NL}${NL}Sleeps well." \
	--objective "Rolls both ways" --assessment "On track" --plan "Sitting games${NL}Floor time"
check_rc "note add takes SOAP fields of several lines" 0
run goal add --child Ada --text "Sits alone${NL}for 10 seconds" --target 2027-01-31
check_rc "goal add takes a goal of two lines" 0

# ---- refusals: other control characters, the database unchanged ---------------
before=$(db_dump)
run activity log --child Ada tummy-floor-mirror --note "$(printf 'a\rb')"
check_rc "a carriage return in --note is refused (exit 1)" 1
check_err "... naming --note and what is allowed" "--note holds a control character: only line breaks and tabs"
run note add --child Ada --subjective "$(printf 'one\n\033[2Jtwo')" --objective o --assessment a --plan p
check_rc "an escape sequence on a note's second line is refused" 1
run child add "$(printf 'Two\nLines')" --born 2026-07-01
check_rc "a name is one line: a line break is refused" 1
check "nothing was written by the refusals" [ "$(db_dump)" = "$before" ]

# ---- listings: one record a line ----------------------------------------------
run milestone list cdc-2m-se-calms --child Ada
check "milestone list shows the break as ' / ' on one line" \
	[ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && has "First time on the mat. /  / Again after lunch"
run note list --child Ada
check "note list keeps one note a line" [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && \
	has "S: Mum says rolling. /  / Sleeps well." && has "P: Sitting games / Floor time"
run goal list --child Ada
check "goal list keeps one goal a line" [ "$(printf '%s\n' "$out" | wc -l)" -eq 1 ] && has "Sits alone / for 10 seconds"

# ---- CSV ------------------------------------------------------------------------
"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Ada --what milestones > "$TMP/ms.csv" 2>"$TMP/stderr"
got=$(csvcell "$TMP/ms.csv" 1 5)
check "csv: the milestone note is one quoted cell with its line breaks" \
	[ "$got" = 'First time on the mat.\n\nAgain after lunch' ]
check "csv: the break sits inside quotes" grep -q '"First time on the mat\.' "$TMP/ms.csv"
"$TODDLE" --db "$DB" --today "$TODAY" export csv --child Ada --what activities > "$TMP/act.csv" 2>"$TMP/stderr"
got=$(csvcell "$TMP/act.csv" 1 6)
check "csv: the activity note keeps its break and tab" [ "$got" = 'Liked the mirror\n\tcried at the end' ]

# ---- reports --------------------------------------------------------------------
run report --child Ada --format text --for therapist
check "text: a note's next line is indented under its list item" \
	has "First time on the mat." && has_line "    Again after lunch" && has_line "    Floor time"
check "text: the blank line of a note stays, indented" has_line "    "
check "text: no line starts a new item by accident" [ -z "$(printf '%s\n' "$out" | grep -x -- '- Again.*')" ]
run report --child Ada --format html --for therapist
check "html: the lines are joined by <br>" has "First time on the mat.<br>" && has "<br>
Again after lunch"
check "html: the goal keeps its break" has "Sits alone<br>"
run report --child Ada --format md --for therapist
check "md: a hard line break (two spaces) ends a note's line" \
	sh -c 'printf "%s\n" "$1" | grep -q "Sitting games  \$"' - "$out"
check "md: the next line is indented into the same item" has_line "    Floor time"
printf '%s\n' "$out" > "$TMP/r.md"
cat > "$TMP/mdcheck.py" <<'PY'
import re, sys, markdown
html = markdown.markdown(open(sys.argv[1], encoding='utf-8').read())
items = re.findall(r'<li>(.*?)</li>', html, re.S)
plan = [i for i in items if 'Sitting games' in i]
ms = [i for i in items if 'First time on the mat.' in i]
if len(plan) != 1 or not re.search(r'Sitting games<br />\s*Floor time', plan[0]):
    sys.exit(print('the plan lines are not one item with a line break:', plan or html))
if len(ms) != 1 or 'Again after lunch' not in ms[0]:
    sys.exit(print('the milestone note is not one item:', ms or html))
if any(i.strip().startswith(('Floor time', 'Again after lunch', '<p>Again')) for i in items):
    sys.exit(print('a continuation line became an item of its own'))
print('ok')
PY
if [ "$have_md" = 1 ]; then
	got=$("$PY" "$TMP/mdcheck.py" "$TMP/r.md" 2>&1)
	if [ "$got" = ok ]; then ok "md: rendered, each note's lines stay in its list item, with line breaks"
	else not_ok "md: rendered, each note's lines stay in its list item, with line breaks" "$got"; fi
else
	skip "md: rendered, each note's lines stay in its list item, with line breaks" "python3-markdown missing"
fi
