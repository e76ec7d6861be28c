#!/bin/sh
# toddle child add and child edit: birth dates more than 6 years ago are refused
# (toddle follows children to 5 years), future ones as before; an edit changes only
# what it names, keeps a name's bytes in any locale, and a kept old birth date
# does not block it. Every refusal: exit 1, one line, database unchanged.
. "$TOP_SRCDIR/tests/cli/lib.sh"

PLAN=64
plan $PLAN

# unchanged NAME: the database is as it was when $before was taken.
unchanged() {
	if [ "$(db_dump)" = "$before" ]; then ok "$1: database unchanged"
	else not_ok "$1: database unchanged" "the dump changed"; fi
}

# try NAME PATTERN ARGS...: toddle ARGS exits 1 with one line matching PATTERN, nothing changed.
try() {
	t_name=$1 t_pat=$2
	shift 2
	before=$(db_dump)
	run "$@"
	check_rc "$t_name: exit 1" 1
	check_err "$t_name: one line naming the problem" "$t_pat"
	unchanged "$t_name"
}

# row NAME EXPECTED: the child NAME's "born|due" as stored.
row() { sqlite3 "$DB" "SELECT born || '|' || COALESCE(due, '-') FROM child WHERE name = '$1'"; }

# check_row DESC NAME EXPECTED
check_row() {
	got=$(row "$2")
	if [ "$got" = "$3" ]; then ok "$1"; else not_ok "$1" "stored '$got', expected '$3'"; fi
}

if ! command -v sqlite3 >/dev/null 2>&1; then
	while [ $n -lt $PLAN ]; do ok "skipped # SKIP sqlite3 missing"; done
	exit 0
fi

# ---- child add: the 6-year limit ------------------------------------------
run child add Cy --born 2026-09-10
check_rc "setup: one child" 0
try "born in 2010" "birth date 2010-05-01 is more than 6 years ago.*2020-11-26" child add Old --born 2010-05-01
try "born one day more than 6 years ago" "more than 6 years ago" child add Old --born 2020-11-25
try "born in the future" "birth date 2026-11-27 is in the future" child add Old --born 2026-11-27
run child add Six --born 2020-11-26
check_rc "born exactly 6 years ago today: taken" 0
# a leap-day birthday: 6 years before 2030-02-28 is 2024-02-28; 2024-02-29 is within
TODAY=2030-02-28
run child add Leap --born 2024-02-29
check_rc "born 2024-02-29, today 2030-02-28: taken" 0
try "born 2024-02-27, today 2030-02-28" "earliest birth date it takes is 2024-02-28" child add Leap2 --born 2024-02-27
TODAY=2026-11-26

# ---- child edit ----------------------------------------------------------
run child add Leo --born 2026-09-01
run child edit Leo --ga 32+4
check_rc "edit --ga: exit 0" 0
check_out "edit --ga: prints ID and name" "$(printf '4\tLeo')"
check_row "edit --ga: due from the birth date (as add --ga)" Leo "2026-09-01|2026-10-23"
run child edit Leo --due 2026-10-20
check_row "edit --due" Leo "2026-09-01|2026-10-20"
run child edit Leo --born 2026-09-02
check_row "edit --born keeps the due date" Leo "2026-09-02|2026-10-20"
run child edit Leo --no-due
check_row "edit --no-due" Leo "2026-09-02|-"
run child edit Leo --name "Léo"
check_rc "edit --name: exit 0" 0
check_row "edit --name keeps the dates" "Léo" "2026-09-02|-"
run child edit 4 --name "Léo"
check_rc "edit with nothing new: exit 0" 0
if printf '%s' "$err" | grep -q "nothing changed"; then ok "edit with nothing new: says so"
else not_ok "edit with nothing new: says so" "stderr: $err"; fi
try "edit to a birth date 7 years ago" "birth date 2019-11-26 is more than 6 years ago" \
	child edit Léo --born 2019-11-26
try "edit to a future birth date" "is in the future" child edit Léo --born 2026-12-01
try "edit without a change" "say what to change" child edit Léo
try "edit --due and --ga" "give --due or --ga, not both" child edit Léo --due 2026-10-01 --ga 33
try "edit --ga and --no-due" "not both" child edit Léo --ga 33 --no-due
try "edit a bad --ga" "gestational age '50'" child edit Léo --ga 50
try "edit a bad --born" "--born: not a real date" child edit Léo --born 2026-02-30
try "edit an unknown child" "no child called 'Nobody'" child edit Nobody --name X
try "edit a due date 21 weeks after birth" "more than 20 weeks after" child edit Léo --due 2027-01-28
try "edit to a taken name" "already a child called Cy" child edit Léo --name Cy

# a child added before the limit: past 6 years, edits that keep the birth date work
TODAY=2027-06-01
run child edit Six --name Sixer
check_rc "an old birth date kept: the rename is saved" 0
check_row "an old birth date kept: unchanged" Sixer "2020-11-26|-"
try "an old child's birth date moved earlier" "more than 6 years ago" child edit Sixer --born 2020-11-20
TODAY=2026-11-26

# ---- no locale damages a name ----------------------------------------------
run child add "Zoë 李 👶" --born 2026-09-12
for loc in C POSIX; do
	out=$(LC_ALL=$loc LANG=$loc "$TODDLE" --db "$DB" --today "$TODAY" child edit "Zoë 李 👶" --born 2026-09-11 2>&1); rc=$?
	check_rc "LC_ALL=$loc: edit a UTF-8 name's birth date: exit 0" 0
	hex=$(sqlite3 "$DB" "SELECT hex(name) FROM child WHERE born = '2026-09-11'")
	if [ "$hex" = "5A6FC3AB20E69D8E20F09F91B6" ]; then ok "LC_ALL=$loc: the name's bytes are kept"
	else not_ok "LC_ALL=$loc: the name's bytes are kept" "stored hex $hex"; fi
	sqlite3 "$DB" "UPDATE child SET born = '2026-09-12' WHERE hex(name) = '5A6FC3AB20E69D8E20F09F91B6'"
done
