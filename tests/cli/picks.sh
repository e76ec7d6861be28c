#!/bin/sh
# toddle week --picks: the plan for the week, one a line, ID DOMAIN MINUTES
# TITLE DONE, tab separated; the same all day; what was done on the days
# before today left out; the done marks in toddle week and activity list;
# bad input refused with one line and nothing changed.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 21

TAB=$(printf '\t')
# ids: the first column of the last output.
ids() { printf '%s\n' "$out" | cut -f1; }
# field ID N: column N of the last output's line for activity ID.
field() { printf '%s\n' "$out" | awk -F'\t' -v id="$1" -v n="$2" '$1 == id { print $n; exit }'; }
# plan_in_week: the ids under "Picked for ... this week (N):" in a toddle week output.
plan_in_week() { printf '%s\n' "$out" | sed -n '/^Picked for .* this week ([0-9]*):$/,/^All [0-9]* activities for this age:$/p' | sed '1d;$d' | cut -f1; }

run week --picks
if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q "child add"; then
	ok "no children yet: exit 1, one line saying how to add one"
else not_ok "no children yet: exit 1, one line saying how to add one" "exit $rc" "$err"; fi

run child add Cy --born 2026-09-10 >/dev/null

run week --picks
check_rc "week --picks exits 0" 0
lines=$(printf '%s\n' "$out" | wc -l)
if [ "$lines" -ge 4 ] && [ "$lines" -le 6 ]; then ok "4 to 6 picks ($lines)"
else not_ok "4 to 6 picks" "$out"; fi
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5 || $1 !~ /^[a-z0-9-]+$/ || $2 !~ /^[a-z-]+$/ || $3 !~ /^[0-9]+$/ || $4 == "" || $5 != "-"')
if [ -z "$bad" ]; then ok "every line is ID<TAB>DOMAIN<TAB>MINUTES<TAB>TITLE<TAB>- before anything is logged"
else not_ok "every line is ID<TAB>DOMAIN<TAB>MINUTES<TAB>TITLE<TAB>-" "$bad"; fi
domains=$(printf '%s\n' "$out" | cut -f2 | sort -u | wc -l)
if [ "$domains" -ge 3 ]; then ok "the picks span 3 or more domains ($domains)"
else not_ok "the picks span 3 or more domains" "$out"; fi
first=$out
p1=$(ids | sed -n 1p)
p2=$(ids | sed -n 2p)
p3=$(ids | sed -n 3p)
mins=$(field "$p1" 3)
run activity show "$p1"
if printf '%s\n' "$out" | grep -q ", about $mins minutes\$"; then ok "the MINUTES column is the activity's length ($p1: $mins)"
else not_ok "the MINUTES column is the activity's length" "$p1: $mins" "$out"; fi

run week --picks
check_out "a second run prints the same plan" "$first"
run week
if [ "$(plan_in_week)" = "$(printf '%s\n' "$first" | cut -f1)" ]; then ok "toddle week starts its lists with the same plan"
else not_ok "toddle week starts its lists with the same plan" "$out"; fi
if printf '%s\n' "$out" | grep -q '^All [0-9][0-9]* activities for this age:$'; then ok "then 'All N activities for this age:'"
else not_ok "then 'All N activities for this age:'" "$out"; fi

run activity log --child Cy "$p1"
run week --picks
if [ "$(ids)" = "$(printf '%s\n' "$first" | cut -f1)" ] && [ "$(field "$p1" 5)" = "$TODAY" ] && [ "$(field "$p2" 5)" = "-" ]; then
	ok "a pick done today stays in the plan (the same all day) with DONE $TODAY"
else not_ok "a pick done today stays in the plan with DONE $TODAY" "$out"; fi
run week
marks=$(printf '%s\n' "$out" | awk -F'\t' -v id="$p1" '$1 == id { print $5 }' | sort -u)
if [ "$marks" = "done today" ]; then ok "toddle week marks it 'done today' in the plan and in the whole list"
else not_ok "toddle week marks it 'done today'" "$out"; fi

run activity log --child Cy "$p2" --date 2026-11-24 --result hard
run activity log --child Cy "$p3" --date 2026-11-25 --result skipped
run week --picks
if ! ids | grep -qx -- "$p2" && ids | grep -qx -- "$p3" && ids | grep -qx -- "$p1"; then
	ok "tried on Tuesday: left out of the plan; skipped on Wednesday and done today: kept"
else not_ok "tried on Tuesday: left out; skipped and done today: kept" "p2 $p2 p3 $p3" "$out"; fi
lines=$(printf '%s\n' "$out" | wc -l)
if [ "$lines" -eq "$(printf '%s\n' "$first" | wc -l)" ]; then ok "another activity takes its place"
else not_ok "another activity takes its place" "$out"; fi
run week
if [ "$(printf '%s\n' "$out" | awk -F'\t' -v id="$p2" '$1 == id { print $5 }')" = "done Tue" ]; then ok "the whole list says 'done Tue' for it"
else not_ok "the whole list says 'done Tue'" "$out"; fi
run activity list --week 11
if [ "$(field "$p2" 5)" = "2026-11-24" ] && [ "$(field "$p3" 5)" = "-" ] && [ "$(field "$p1" 5)" = "$TODAY" ]; then
	ok "activity list: DONE is the day last done this week, '-' for skipped"
else not_ok "activity list: DONE is the day last done this week" "$out"; fi

out=$("$TODDLE" --db "$DB" --today 2026-11-27 week --picks --child Cy 2>&1); rc=$?
if [ "$rc" -eq 0 ] && ! ids | grep -qx -- "$p1" && ! ids | grep -qx -- "$p2"; then
	ok "--today 2026-11-27 --child Cy: the next day yesterday's pick has made room"
else not_ok "--today 2026-11-27: yesterday's pick has made room" "exit $rc" "$out"; fi

run child add Bo --born 2026-08-01 >/dev/null
before=$(db_dump)
run week --picks
if [ "$rc" -eq 1 ] && printf '%s' "$err" | grep -q -- "--child"; then ok "two children, no --child: exit 1 naming --child"
else not_ok "two children, no --child: exit 1 naming --child" "exit $rc" "$err"; fi
run week --picks --child Nobody
check_err "unknown child: one line" "Nobody"
run week --picks --child Cy extra
if [ "$rc" -eq 1 ] && printf '%s' "$err" | grep -q "unexpected argument 'extra'"; then ok "an extra argument: exit 1"
else not_ok "an extra argument: exit 1" "exit $rc" "$err"; fi
run week --picks --child Cy --date 2026-02-30
bad_date=$rc
run week --picks --child Cy --date 2026-09-01
if [ "$bad_date" -eq 1 ] && [ "$rc" -eq 1 ] && printf '%s' "$err" | grep -q "before Cy's birth date"; then
	ok "a date that does not exist and one before birth: exit 1"
else not_ok "a bad date and one before birth: exit 1" "exit $bad_date, $rc" "$err"; fi
if [ "$(db_dump)" = "$before" ]; then ok "the refusals changed nothing"
else not_ok "the refusals changed nothing"; fi
