#!/bin/sh
# The progress report for a therapist or doctor carries the goals, the home
# program's adherence week by week and the session notes.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 10
run child add Leo --born 2026-05-01 >/dev/null
run goal add --text "Sits alone for 10 seconds" --target 2027-01-31
run program add --activity tummy-forearm-prop --times 2 --per day --from 2026-11-23
run activity log tummy-forearm-prop --date 2026-11-24
run activity log tummy-forearm-prop --date 2026-11-25
run note add --date 2026-11-25 --minutes 40 --subjective "Rolling at home" --objective "Rolls both ways" \
	--assessment "On track" --plan "Sitting games"
run report --for therapist
check_rc "the therapist report is written" 0
if printf '%s\n' "$out" | grep -q "Sits alone for 10 seconds (open, target 2027-01-31)"; then
	ok "the report lists the goal with its status and target"
else not_ok "the report lists the goal with its status and target" "$out"; fi
if printf '%s\n' "$out" | grep -Fxq "  - Week of 2026-11-23 (this week, 4 of 7 days so far): 2 done of 14 planned for the week" &&
   printf '%s\n' "$out" | grep -Fxq "  - Propping up on the forearms: 2 times a day"; then
	ok "the report gives this week's home program as done so far of planned, 2 times a day"
else not_ok "the report gives this week's home program as done so far of planned, 2 times a day" "$out"; fi
if printf '%s\n' "$out" | grep -q "2026-11-25, 40 minutes, .*S: Rolling at home O: Rolls both ways A: On track P: Sitting games"; then
	ok "the report carries the SOAP note of the period"
else not_ok "the report carries the SOAP note of the period" "$out"; fi
run report --for parent
if ! printf '%s\n' "$out" | grep -q "Session notes"; then ok "the parent's report leaves the session notes out"
else not_ok "the parent's report leaves the session notes out" "$out"; fi
run report --for school
if ! printf '%s\n' "$out" | grep -Eq "Goals|Home program|Done of planned|Session notes|2026-11-24 Propping"; then
	ok "the school's report has no goals, home program, daily log or session notes"
else not_ok "the school's report has no goals, home program, daily log or session notes" "$out"; fi
run report --for school --include goals,program
if printf '%s\n' "$out" | grep -q "Sits alone for 10 seconds" && printf '%s\n' "$out" | grep -q "Done of planned" &&
   ! printf '%s\n' "$out" | grep -Eq "Session notes|2026-11-24 Propping"; then
	ok "school --include goals,program: the goals and the program, nothing more"
else not_ok "school --include goals,program: the goals and the program, nothing more" "$out"; fi
run report --for school --include goals,diapers
if [ $rc -eq 1 ] && [ -z "$out" ] &&
   printf '%s' "$err" | grep -Fq "report: --include 'diapers' is not a section: give a comma list of goals, program or activities"; then
	ok "--include with an unknown word is refused, naming the allowed words"
else not_ok "--include with an unknown word is refused, naming the allowed words" "exit $rc" "$err"; fi
# Monday 2026-11-30: the week began today, so it is not "0 of 14"; the whole
# week before is counted.
out=$("$TODDLE" --db "$DB" --today 2026-11-30 report --for therapist 2>&1)
if printf '%s\n' "$out" | grep -Fxq "  - Week of 2026-11-30 (this week): began today, 0 done so far of 14 planned for the week" &&
   printf '%s\n' "$out" | grep -Fxq "  - Week of 2026-11-23: 2 of 14 done"; then
	ok "a week that began today says so; the week before is counted whole"
else not_ok "a week that began today says so; the week before is counted whole" "$out"; fi
run report --for doctor
if ! printf '%s\n' "$out" | grep -q "your child's doctor" && printf '%s\n' "$out" | grep -q "Sits alone for 10 seconds"; then
	ok "the doctor's report has the goals and is not worded for parents"
else not_ok "the doctor's report has the goals and is not worded for parents" "$out"; fi
