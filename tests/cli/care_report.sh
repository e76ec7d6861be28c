#!/bin/sh
# The progress report for a therapist or doctor carries the goals, the home
# program's adherence week by week and the session notes.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 6
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
if printf '%s\n' "$out" | grep -q "Week of 2026-11-23: 2 of 14"; then
	ok "the report gives this week's home program as done of planned"
else not_ok "the report gives this week's home program as done of planned" "$out"; fi
if printf '%s\n' "$out" | grep -q "2026-11-25, 40 minutes, .*S: Rolling at home O: Rolls both ways A: On track P: Sitting games"; then
	ok "the report carries the SOAP note of the period"
else not_ok "the report carries the SOAP note of the period" "$out"; fi
run report --for parent
if ! printf '%s\n' "$out" | grep -q "Session notes"; then ok "the parent's report leaves the session notes out"
else not_ok "the parent's report leaves the session notes out" "$out"; fi
run report --for school
if printf '%s\n' "$out" | grep -q "Goals" && ! printf '%s\n' "$out" | grep -q "Session notes"; then
	ok "the school's report has the goals but no session notes"
else not_ok "the school's report has the goals but no session notes" "$out"; fi
