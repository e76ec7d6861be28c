#!/bin/sh
# The command line: what each command prints and stores, on a fixed day (2026-11-26).
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 50

TAB=$(printf '\t')
ESC=$(printf '\033')
CSI8=$(printf '\302\233')   # U+009B, the 8-bit CSI, as UTF-8
BEL=$(printf '\007')
ME=$(id -un)
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1

# skip NAME REASON: a passing TAP line marked SKIP.
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# check NAME COMMAND...: ok when COMMAND succeeds; otherwise show the last run.
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else
		not_ok "$name" "exit $rc" "stdout:" "$(printf '%s' "$out" | sed 's/^/  /')" "stderr: $err"
	fi
}

# has_line ERE: some line of the last output matches.
has_line() { printf '%s\n' "$out" | grep -Eq -- "$1"; }
# has_fixed TEXT: some line of the last output is exactly TEXT.
has_fixed() { printf '%s\n' "$out" | grep -Fxq -- "$1"; }
# count_lines ERE: how many lines of the last output match.
count_lines() { printf '%s\n' "$out" | grep -Ec -- "$1"; }
# after_activities: the lines after "All N activities for this age:" in a week's output.
after_activities() { printf '%s\n' "$out" | sed -n '/^All [0-9]* activities for this age:$/,$p' | sed 1d; }
# sql QUERY: one value from the test database.
sql() { sqlite3 "$DB" "$1"; }

# ---- version and help ------------------------------------------------------
run --version
check_rc "--version exits 0" 0
check "--version prints 'toddle VERSION'" has_line '^toddle [0-9]+\.[0-9]+'

run --help
check_rc "--help exits 0" 0
missing=""
for c in "child add" "child list" "week" "milestone list" "milestone log" "activity show" "activity log"; do
	printf '%s\n' "$out" | grep -q "^  $c" || missing="$missing '$c'"
done
if [ -z "$missing" ]; then ok "--help lists every command"; else not_ok "--help lists every command" "missing:$missing"; fi

# ---- children ----------------------------------------------------------------
# Ada: born 2026-07-01, due 2026-08-26 = 56 days early = 32+0 weeks.
run child add Ada --born 2026-07-01 --due 2026-08-26
check_rc "child add exits 0" 0
check_out "child add prints ID<TAB>NAME" "1${TAB}Ada"
run child add Bo --born 2026-07-01 --ga 32
check_out "child add --ga prints ID<TAB>NAME" "2${TAB}Bo"
run child list
check_out "child list: ID, NAME, BORN, DUE, tab separated" \
	"1${TAB}Ada${TAB}2026-07-01${TAB}2026-08-26
2${TAB}Bo${TAB}2026-07-01${TAB}2026-08-26"
ada_due=$(printf '%s\n' "$out" | awk -F '\t' '$2 == "Ada" { print $4 }')
bo_due=$(printf '%s\n' "$out" | awk -F '\t' '$2 == "Bo" { print $4 }')
if [ -n "$ada_due" ] && [ "$ada_due" = "$bo_due" ]; then ok "--ga 32 gives the same due date as --due ($bo_due)"
else not_ok "--ga 32 gives the same due date as --due" "--due: '$ada_due', --ga 32: '$bo_due'"; fi

run week
check_rc "--child left out with two children: exit 1" 1
check_err "--child left out with two children: one line naming --child" "--child"

# ---- a preterm child's week ------------------------------------------------
# 148 days old = 21 weeks, 4 months; corrected by (40 - 32) * 7 = 56 days: 92 days = 13 weeks 1 day.
run week --child Ada
check_rc "week for a preterm child exits 0" 0
first=$(printf '%s\n' "$out" | sed -n 1p)
if [ "$first" = "Ada: 4 months (21 weeks); corrected age 13 weeks 1 day (born at 32 weeks)" ]; then
	ok "week shows age and corrected age"
else not_ok "week shows age and corrected age" "got: $first"; fi
check "week for a preterm child is the corrected week 13" has_line '^Week 13(:|$)'
run week --child Bo
check "--ga child: corrected age and week 13 too" eval 'has_line "corrected age 13 weeks 1 day" && has_line "^Week 13(:|\$)"'
run week --child aDA
check "--child matches names case-insensitively" eval '[ "$rc" -eq 0 ] && has_line "^Ada: "'

# ---- a term child's week ---------------------------------------------------
run child add Cy --born 2026-09-10
check_out "child add without a due date" "3${TAB}Cy"
run child list
check_out "child list shows - for no due date" \
	"1${TAB}Ada${TAB}2026-07-01${TAB}2026-08-26
2${TAB}Bo${TAB}2026-07-01${TAB}2026-08-26
3${TAB}Cy${TAB}2026-09-10${TAB}-"

run week --child Cy
check_rc "week for a term child exits 0" 0
check "term child born 2026-09-10 is in week 11 on 2026-11-26" has_line '^Week 11: .'
check "no corrected age for a term child" eval '! has_line "corrected"'
check "week note has 'Typical now:'" has_line '^Typical now: .'
check "week note has 'Focus:'" has_line '^Focus: .'
check "week note has 'Can wait:'" has_line '^Can wait: .'
acts=$(after_activities | grep -Ec "^[a-z0-9-]+${TAB}[a-z-]+${TAB}[0-9]+-[0-9]+${TAB}.")
check "at least 3 activity lines ID<TAB>DOMAIN<TAB>WEEKS<TAB>TITLE ($acts)" [ "$acts" -ge 3 ]

run week --child Cy --date 2026-09-20
check "week --date 2026-09-20 (10 days old) is week 1" has_line '^Week 1: .'

bad=""
k=0
for d in 2026-09-10 2026-09-17 2026-09-24 2026-10-01 2026-10-08 2026-10-15 2026-10-22 \
	2026-10-29 2026-11-05 2026-11-12 2026-11-19 2026-11-26 2026-12-03; do
	run week --child Cy --date "$d"
	a=$(after_activities | grep -Ec "^[a-z0-9-]+${TAB}[a-z-]+${TAB}[0-9]+-[0-9]+${TAB}.")
	if [ "$rc" -ne 0 ] || ! has_line "^Week $k: ." || ! has_line '^Typical now: .' ||
	   ! has_line '^Focus: .' || ! has_line '^Can wait: .' || [ "$a" -lt 3 ]; then
		bad="$bad $k($d)"
	fi
	k=$((k + 1))
done
if [ -z "$bad" ]; then ok "weeks 0-12 each have a note in three parts and 3+ activities"
else not_ok "weeks 0-12 each have a note in three parts and 3+ activities" "weeks lacking:$bad"; fi

# ---- milestones --------------------------------------------------------------
CALMS="Calms down when spoken to or picked up"
run milestone list --child Cy
check "milestone list before logging: status and date are -" has_fixed "cdc-2m-se-calms${TAB}-${TAB}-${TAB}$CALMS"
total=$(count_lines '.')
shaped=$(count_lines "^[a-z0-9-]+${TAB}-${TAB}-${TAB}.")
check "every line is ID<TAB>-<TAB>-<TAB>TEXT before logging ($shaped of $total)" [ "$shaped" -eq "$total" ]
check "a 2-month-old's list includes the 4-month items (next checklist age)" has_line '^cdc-4m-'
check "a 2-month-old's list has no 6-month (or later) items" eval '[ "$rc" -eq 0 ] && ! has_line "^cdc-([6-9]|[1-9][0-9]+)m-"'

run milestone log --child Cy cdc-2m-se-calms --date 2026-11-01 --note "x"
check_rc "milestone log exits 0" 0
run milestone list --child Cy
check "milestone list shows achieved and the date" has_fixed "cdc-2m-se-calms${TAB}achieved${TAB}2026-11-01${TAB}$CALMS"
run milestone log --child Cy cdc-2m-se-calms --status emerging
check_rc "second milestone log (--status emerging) exits 0" 0
run milestone list --child Cy
check "milestone list shows the latest status (emerging, today)" has_fixed "cdc-2m-se-calms${TAB}emerging${TAB}2026-11-26${TAB}$CALMS"
if [ $have_sqlite = 1 ]; then
	hist=$(sql "SELECT group_concat(status || '/' || observed || '/' || ifnull(note, '-'), ' ') FROM
		(SELECT * FROM milestone_log WHERE child_id = 3 AND milestone_id = 'cdc-2m-se-calms' ORDER BY id)")
	if [ "$hist" = "achieved/2026-11-01/x emerging/2026-11-26/-" ]; then ok "milestone_log keeps both records (history)"
	else not_ok "milestone_log keeps both records (history)" "rows: $hist"; fi
else skip "milestone_log keeps both records (history)" "sqlite3 missing"; fi

# ---- activities --------------------------------------------------------------
run activity show read-aloud
check_rc "activity show exits 0" 0
check "activity show prints the title first" eval '[ "$(printf "%s\n" "$out" | sed -n 1p)" = "Read aloud together" ]'
check "activity show prints Steps and numbered steps" eval 'has_line "^Steps:\$" && has_line "^  1\\. ."'

run activity log --child Cy read-aloud --date 2026-11-25 --result hard --minutes 10 --note "liked it"
check_rc "activity log exits 0" 0
if [ $have_sqlite = 1 ]; then
	row=$(sql "SELECT child_id, activity_id, day, result, minutes, note, created_by FROM activity_log" | tr '|' ' ')
	if [ "$row" = "3 read-aloud 2026-11-25 hard 10 liked it $ME" ]; then ok "activity log stored the row, created_by = $ME"
	else not_ok "activity log stored the row, created_by = $ME" "rows: $row"; fi
	bad=$(sql "SELECT 'child', id FROM child WHERE created_by IS NOT '$ME' OR updated_by IS NOT '$ME'
		OR created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
		UNION ALL SELECT 'milestone_log', id FROM milestone_log WHERE created_by IS NOT '$ME'
		OR created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'
		UNION ALL SELECT 'activity_log', id FROM activity_log WHERE created_by IS NOT '$ME'
		OR created_at NOT GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9]Z'")
	if [ -z "$bad" ]; then ok "every stored row has created_by = $ME and a created_at time"
	else not_ok "every stored row has created_by = $ME and a created_at time" "rows without:" "$bad"; fi
else
	skip "activity log stored the row, created_by = $ME" "sqlite3 missing"
	skip "every stored row has created_by and created_at" "sqlite3 missing"
fi

# ---- a second family: one newborn, UTF-8, stored escapes ------------------
DB="$TMP/other.db"
run child add "Zoë 日本" --born 2026-11-20
check_out "child add with a UTF-8 name" "1${TAB}Zoë 日本"
run child list
check_out "UTF-8 name round trips in child list" "1${TAB}Zoë 日本${TAB}2026-11-20${TAB}-"
run milestone list
check "--child may be left out with one child" eval '[ "$rc" -eq 0 ] && [ -n "$out" ]'
check "a newborn's list has the 2-month items but not the 4-month ones" eval 'has_line "^cdc-2m-" && ! has_line "^cdc-4m-"'

if [ $have_sqlite = 1 ]; then
	sql "INSERT INTO child(uuid, name, born, created_at, created_by, updated_at, updated_by)
		VALUES('0e5c0e5c-0000-4000-8000-000000000001', 'Evil' || char(27) || ']0;owned' || char(7) ||
		char(27) || '[2J' || char(155) || '31mName', '2026-09-01', '2026-11-26T00:00:00Z', 'x',
		'2026-11-26T00:00:00Z', 'x')"
	run child list
	check "child list with a stored escape sequence exits 0 and shows the name" eval '[ "$rc" -eq 0 ] && has_line "^2${TAB}Evil"'
	check "no ESC byte reaches the terminal from child list" eval '! printf "%s" "$out" | grep -q "$ESC"'
	check "no 8-bit CSI or BEL reaches the terminal from child list" \
		eval '! printf "%s" "$out" | grep -q -e "$CSI8" -e "$BEL"'
	run milestone log --child 2 cdc-2m-se-calms --date 2026-08-01
	check "an error naming that child has no ESC byte either" eval '[ "$rc" -eq 1 ] && [ -n "$err" ] && ! printf "%s" "$err" | grep -q "$ESC"'
else
	skip "child list with a stored escape sequence" "sqlite3 missing"
	skip "no ESC byte reaches the terminal from child list" "sqlite3 missing"
	skip "no 8-bit CSI or BEL reaches the terminal from child list" "sqlite3 missing"
	skip "an error naming that child has no ESC byte either" "sqlite3 missing"
fi
