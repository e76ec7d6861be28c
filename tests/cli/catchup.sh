#!/bin/sh
# toddle milestone list --unanswered: the items of the checklist ages a child
# has passed (more completed months than the checklist age, by corrected age)
# with no record in force: ID, CHECKLIST_AGE, TEXT, tab separated.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 17

run child add Mia --born 2026-08-26 >/dev/null      # 3 months on 2026-11-26
run child add Ned --born 2026-08-27 >/dev/null      # 2 months 30 days
run child add Leo --born 2026-06-01 --due 2026-08-10 >/dev/null   # 5 months, corrected 3 (30+0 weeks)

# the 2-month checklist as --unanswered prints it: ID, AGE, TEXT from the catalog
run milestone catalog --age 2
want=$(printf '%s\n' "$out" | cut -f 1,2,4)

run milestone list --child Mia --unanswered
check_rc "--unanswered exits 0" 0
check_out "3 months old, nothing logged: the whole 2-month checklist, ID AGE TEXT" "$want"
if [ "$(printf '%s\n' "$out" | awk -F '\t' 'NF != 3' | wc -l)" -eq 0 ] && [ -n "$out" ]; then
	ok "every line has exactly three tab-separated fields"
else not_ok "every line has exactly three tab-separated fields" "$out"; fi

run milestone list --unanswered --child Ned
if [ "$rc" -eq 0 ] && [ -z "$out" ]; then ok "2 months 30 days: no checklist has passed, nothing printed"
else not_ok "2 months 30 days: no checklist has passed, nothing printed" "exit $rc" "$out"; fi

run milestone list --unanswered --child Leo
check_out "5 months old but 3 corrected: only the 2-month checklist" "$want"

run milestone log --child Mia cdc-2m-se-calms
run milestone log --child Mia cdc-2m-se-smiles-back --status not-yet
run milestone log --child Mia cdc-2m-se-looks-at-face --status emerging
run milestone list --child Mia --unanswered
check_out "achieved, not yet and emerging all count as answers" \
	"$(printf '%s\n' "$want" | grep -v -e '^cdc-2m-se-calms	' -e '^cdc-2m-se-smiles-back	' -e '^cdc-2m-se-looks-at-face	')"

# a removed entry answers nothing (written as a removal row names it)
sqlite3 "$DB" "INSERT INTO milestone_log(uuid, child_id, milestone_id, status, created_at, created_by, corrects, removed)
	SELECT 'rm-1', child_id, milestone_id, status, '2026-11-26T10:00:00Z', 'tester', id, 1 FROM milestone_log
	WHERE milestone_id = 'cdc-2m-se-calms'" 2>"$TMP/sqlerr"
run milestone list --child Mia --unanswered
if [ -s "$TMP/sqlerr" ]; then not_ok "a removed entry makes its item unanswered again" "$(cat "$TMP/sqlerr")"
elif printf '%s\n' "$out" | grep -q '^cdc-2m-se-calms	2	'; then ok "a removed entry makes its item unanswered again"
else not_ok "a removed entry makes its item unanswered again" "$out"; fi

run milestone list --child Mia --unanswered --bogus
check_rc "an unknown option: exit 1" 1

before=$(db_dump)
run milestone list --child Nobody --unanswered
check_rc "an unknown child: exit 1" 1
check_err "an unknown child: one line naming it" "no child called 'Nobody'"
run milestone list --child Mia --unanswered --flagged
check_rc "--flagged with --unanswered: exit 1" 1
check_err "--flagged with --unanswered: one line saying to give one" "give one of them"
if [ "$(db_dump)" = "$before" ]; then ok "the refusals changed nothing"
else not_ok "the refusals changed nothing"; fi

# the report says how much is unanswered, once, beside the progress, not among the concerns
run milestone list --child Mia --unanswered
left=$(printf '%s\n' "$out" | grep -c .)
run report --child Mia --for doctor
line=$(printf '%s\n' "$out" | grep '^Not answered yet: ')
if [ "$line" = "Not answered yet: $left of the 11 items of the 2-month checklist, recorded neither as seen nor as not yet." ]; then
	ok "the doctor's report: one line, $left of the 11 items not answered yet"
else not_ok "the doctor's report: one line, $left of the 11 items not answered yet" "$line"; fi
concerns=$(printf '%s\n' "$out" | sed -n '/^Worth talking about$/,/^Milestones achieved$/p')
if [ -n "$concerns" ] && ! printf '%s\n' "$concerns" | grep -q 'Not answered yet'; then
	ok "the line is not in the doctor's list of concerns"
else not_ok "the line is not in the doctor's list of concerns" "$concerns"; fi
run report --child Mia --for school
if [ "$rc" -eq 0 ] && ! printf '%s\n' "$out" | grep -q 'Not answered yet'; then ok "the school's report leaves it out"
else not_ok "the school's report leaves it out" "exit $rc" "$out"; fi
run report --child Leo --for parent
if printf '%s\n' "$out" | grep -qx 'Not answered yet: 11 of the 11 items of the 2-month checklist, recorded neither as seen nor as not yet.'; then
	ok "the parent's report has the line too (Leo, by corrected age: the 2-month checklist)"
else not_ok "the parent's report has the line too" "$(printf '%s\n' "$out" | grep 'answered')"; fi
