#!/bin/sh
# Whole-number options: one parser for all. A number that overflows, has a sign or a
# leading space, or trailing letters is refused with a message naming the option, and
# nothing is stored (before, `note add --minutes 4294967341` stored 45).
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 37

"$TODDLE" --db "$DB" --today "$TODAY" child add Ada --born 2026-07-01 >/dev/null 2>&1 ||
	{ echo "Bail out! child add failed"; exit 1; }
ACT=$("$TODDLE" --db "$DB" --today "$TODAY" activity list | head -n 1 | cut -f1)
SOAP="--subjective s --objective o --assessment a --plan p"

# refuse NAME OPTION ARGS...: exit 1, one line naming OPTION, the database unchanged.
refuse() {
	name=$1 opt=$2; shift 2
	before=$(db_dump)
	run "$@"
	if [ "$rc" -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		printf '%s' "$err" | grep -q -- "$opt" && [ "$(db_dump)" = "$before" ]; then
		ok "$name"
	else not_ok "$name" "exit $rc (expected 1), stderr: $err" "database changed: $([ "$(db_dump)" = "$before" ] && echo no || echo yes)"; fi
}

for bad in 4294967341 99999999999999999999 -4294967251 +5 " 5" "5x" "" "0x10"; do
	refuse "note add --minutes '$bad'" "--minutes" note add --minutes "$bad" $SOAP
done
for bad in 4294967297 +2 " 2" 2x; do
	refuse "program add --times '$bad'" "--times" program add --activity "$ACT" --times "$bad" --per day
done
for bad in 4294967326 +30 " 30" 30m; do
	refuse "event add --minutes '$bad'" "--minutes" event add --date 2026-12-01 --title Visit --minutes "$bad"
done
for bad in 4294967306 +10 " 10" 10x; do
	refuse "activity log --minutes '$bad'" "--minutes" activity log "$ACT" --minutes "$bad"
done
for bad in 4294967306 +10 " 10" 10w; do
	refuse "activity list --week '$bad'" "--week" activity list --week "$bad"
done
for bad in 4294967308 +12 " 12" 12m; do
	refuse "milestone catalog --age '$bad'" "--age" milestone catalog --age "$bad"
done
for bad in 18446744073709551617 +1 " 1" 1x; do
	refuse "note add --corrects '$bad'" "--corrects" note add --corrects "$bad" $SOAP
done
refuse "event delete ID past the largest" "give the id" event delete 18446744073709551617
refuse "note add --minutes 601 (range)" "--minutes" note add --minutes 601 $SOAP

# Good numbers still work: the values stored are the ones given.
run note add --minutes 30 $SOAP
check_rc "note add --minutes 30 works" 0
got=$(sqlite3 "$DB" "SELECT minutes FROM session_note ORDER BY id DESC LIMIT 1" 2>/dev/null)
if [ "$got" = 30 ]; then ok "note add --minutes 30 stores 30"; else not_ok "note add --minutes 30 stores 30" "stored: $got"; fi
run program add --activity "$ACT" --times 2 --per day
check_rc "program add --times 2 works" 0
