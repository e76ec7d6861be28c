#!/bin/sh
# toddle week and the WHO tummy-time line: shown while the baby is not yet
# mobile, with the minutes logged that day, between the note and the activities.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 9

TUMMY="Tummy time: %d of 30 minutes (WHO: at least 30 a day, spread out, while awake)"
# tummy_line N: the line for N minutes.
tummy_line() { printf "$TUMMY" "$1"; }
# tummy_lines: the tummy-time lines of the last output.
tummy_lines() { printf '%s\n' "$out" | grep '^Tummy time: '; }
# before_activities: the line just before the plan's "Picked for NAME this week (N):".
before_activities() { printf '%s\n' "$out" | sed -n '/^Picked for .* this week ([0-9]*):$/{x;p;q;};h'; }

run child add Cy --born 2026-09-10 >/dev/null
run child add Ada --born 2025-11-01 --due 2025-12-27 >/dev/null   # 12 months old, 10 corrected
run child add Old --born 2025-11-26 >/dev/null                    # 12 months on 2026-11-26

run week --child Cy
if [ "$rc" -eq 0 ] && [ "$(tummy_lines)" = "$(tummy_line 0)" ]; then ok "11 weeks old, nothing logged: '$(tummy_line 0)'"
else not_ok "11 weeks old, nothing logged: the tummy line for 0 minutes" "exit $rc" "$out"; fi
if [ "$(before_activities)" = "$(tummy_line 0)" ] && printf '%s\n' "$out" | sed -n 5p | grep -q '^Can wait: '; then
	ok "the tummy line sits between the note's 'Can wait:' and the plan"
else not_ok "the tummy line sits between the note's 'Can wait:' and the plan" "$out"; fi

run activity log --child Cy tummy-on-chest --minutes 10
run activity log --child Cy tummy-across-lap --minutes 5 --result hard
run activity log --child Cy tummy-on-chest --minutes 20 --result skipped
run activity log --child Cy tummy-on-chest --minutes 7 --date 2026-11-25
run week --child Cy
if [ "$(tummy_lines)" = "$(tummy_line 15)" ]; then ok "10 done + 5 hard today (skipped and yesterday left out): 15 of 30"
else not_ok "10 done + 5 hard today: 15 of 30" "$(tummy_lines)"; fi
run week --child Cy --date 2026-11-25
if [ "$(tummy_lines)" = "$(tummy_line 7)" ]; then ok "--date 2026-11-25 counts that day's 7 minutes"
else not_ok "--date 2026-11-25 counts that day's 7 minutes" "$(tummy_lines)"; fi

run milestone log --child Cy who-crawling --status emerging
run week --child Cy
if [ "$(tummy_lines)" = "$(tummy_line 15)" ]; then ok "crawling only emerging: the line stays"
else not_ok "crawling only emerging: the line stays" "$(tummy_lines)"; fi
before=$(printf '%s\n' "$out" | grep -v '^Tummy time: ')
run milestone log --child Cy who-crawling --status achieved
run week --child Cy
if [ "$rc" -eq 0 ] && [ -z "$(tummy_lines)" ]; then ok "crawling achieved: no tummy line"
else not_ok "crawling achieved: no tummy line" "exit $rc" "$out"; fi
if [ "$out" = "$before" ]; then ok "without the tummy line the output is what it was"
else not_ok "without the tummy line the output is what it was" "$out"; fi

run week --child Old
if [ "$rc" -eq 0 ] && [ -z "$(tummy_lines)" ]; then ok "12 months old: no tummy line"
else not_ok "12 months old: no tummy line" "exit $rc" "$out"; fi
run week --child Ada
if [ "$(tummy_lines)" = "$(tummy_line 0)" ]; then ok "12 months old but 10 corrected: the tummy line shows"
else not_ok "12 months old but 10 corrected: the tummy line shows" "$out"; fi
