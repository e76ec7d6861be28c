#!/bin/sh
# An activity merged into another (its id in the other's 'replaces') keeps a
# family's earlier logs and a therapist's home program whole: their title,
# their count in adherence and in 'done this week', and the old id still works.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 11
TODAY=2026-11-30
# The library as it was before the merge: bye-bye-wave was its own activity.
mkdir "$TMP/old"
cp "$TOP_SRCDIR"/content/*.ini "$TMP/old/"
sed -i '/^replaces = bye-bye-wave$/d' "$TMP/old/activities-12-40.ini"
printf '%s\n' '[activity bye-bye-wave]' 'title = Bye-bye wave at the window' 'weeks = 36-50' \
	'domain = communication' 'discipline = speech' 'minutes = 2' 'materials = none' \
	'step = Wave and say bye-bye as someone leaves.' 'why = Waving joins a word to a gesture.' \
	'builds = cdc-12m-lc-waves-bye' 'easier = Wave for baby.' 'harder = Wait for baby to wave first.' \
	'source = CDC Learn the Signs Act Early 2022 (1-year checklist)' >"$TMP/old/zz-old.ini"
printf '[library]\ncontent = %s\n' "$TMP/old" >"$TMP/old.ini"
printf '[library]\ncontent = %s\n' "$TOP_SRCDIR/content" >"$TMP/new.ini"
old() { out=$("$TODDLE" --config "$TMP/old.ini" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr"); }
new() { out=$("$TODDLE" --config "$TMP/new.ini" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr"); }

old child add Ana --born 2026-03-01
old activity log bye-bye-wave --date 2026-11-27
old program add --activity bye-bye-wave --times 3 --per week --from 2026-11-23
check_rc "before the merge, the old activity is logged and assigned" 0

# The shipped library, where wave-bye-bye replaces bye-bye-wave.
new activity list --week 40 --child Ana
if printf '%s\n' "$out" | grep -q '^wave-bye-bye	.*	2026-11-27$' && ! printf '%s\n' "$out" | grep -q 'bye-bye-wave'
then ok "the week lists the merged activity once, done on the day the old one was logged"
else not_ok "the week lists the merged activity once, done on the day the old one was logged" "$out" "$err"; fi

new program list
case $out in *"Wave bye-bye at the door"*) ok "the home program shows the merged activity's title" ;;
*) not_ok "the home program shows the merged activity's title" "$out" "$err" ;; esac

new report --for parent --format md
case $out in *"Wave bye-bye at the door"*) ok "the report names the old log by the merged title" ;;
*) not_ok "the report names the old log by the merged title" "$(printf '%s' "$out" | tail -20)" "$err" ;; esac

new activity show bye-bye-wave
case $out in *"Wave bye-bye at the door"*"'bye-bye-wave' is now part of 'wave-bye-bye'"*) ok "show with the old id explains the merge" ;;
*) not_ok "show with the old id explains the merge" "$out" "$err" ;; esac

new activity log bye-bye-wave --date 2026-11-30
new activity list --week 40 --child Ana
if printf '%s\n' "$out" | grep -q '^wave-bye-bye	.*	2026-11-30$'
then ok "logging the old id records the merged activity"
else not_ok "logging the old id records the merged activity" "$out" "$err"; fi

new report --for therapist --format md
case $out in *"Week of 2026-11-23: 1 of 3 done"*"began today, 1 done so far of 3 planned"*)
	ok "adherence counts the old id's log for the program, and the merged id's for the old program" ;;
*) not_ok "adherence counts the old id's log for the program, and the merged id's for the old program" \
	"$(printf '%s' "$out" | grep -i 'week of')" ;; esac

# A library whose record still exists under a replaced id is refused, naming both.
cp "$TMP/old/zz-old.ini" "$TMP/zz.ini"
mkdir "$TMP/bad" && cp "$TOP_SRCDIR"/content/*.ini "$TMP/zz.ini" "$TMP/bad/"
"$TODDLE" content check --lint "$TMP/bad" >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "activity 'wave-bye-bye' replaces 'bye-bye-wave', which is still an activity" "$TMP/err"
then ok "a replaced id that is still an activity is refused"
else not_ok "a replaced id that is still an activity is refused" "exit $rc" "$(cat "$TMP/err")"; fi

# next and before name each other both ways.
mkdir "$TMP/oneway" && cp "$TOP_SRCDIR"/content/*.ini "$TMP/oneway/"
sed -i '/^before = ribbon-pull-toy$/d' "$TMP/oneway/activities-12-40.ini"
"$TODDLE" content check --lint "$TMP/oneway" >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "activity 'ribbon-pull-toy' has 'pick-up-ribbon' in next, but 'pick-up-ribbon' lacks before = ribbon-pull-toy" "$TMP/err"
then ok "a one-way progression is a lint problem naming both"
else not_ok "a one-way progression is a lint problem naming both" "exit $rc" "$(cat "$TMP/err")"; fi

# Every shipped activity names its sources; one without is a lint problem naming it.
mkdir "$TMP/nosrc" && cp "$TOP_SRCDIR"/content/*.ini "$TMP/nosrc/"
awk '/^\[activity wave-bye-bye\]/ { on = 1 } /^\[/ && !/wave-bye-bye/ { on = 0 } !(on && /^source = /)' \
	"$TOP_SRCDIR/content/activities-12-40.ini" >"$TMP/nosrc/activities-12-40.ini"
"$TODDLE" content check --lint "$TMP/nosrc" >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && [ "$(grep -c 'has no source' "$TMP/err")" -eq 1 ] &&
	grep -q "activity 'wave-bye-bye' has no source: add 'source = '" "$TMP/err"
then ok "an activity without a source is one lint problem naming it"
else not_ok "an activity without a source is one lint problem naming it" "exit $rc" "$(cat "$TMP/err")"; fi

# Food, water and small-object words call for the tag and a safety note.
mkdir "$TMP/words" && cp "$TOP_SRCDIR"/content/*.ini "$TMP/words/"
sed -i 's/^step = Wave and say bye-bye/step = After the bath, wave and say bye-bye/' "$TMP/words/activities-12-40.ini"
grep -q "After the bath" "$TMP/words/activities-12-40.ini" || echo "# the test's sed matched nothing"
"$TODDLE" content check --lint "$TMP/words" >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "activity 'wave-bye-bye' mentions 'bath' in 'step': tag it water and give it a safety note" "$TMP/err"
then ok "an activity that mentions the bath without the water tag is a lint problem"
else not_ok "an activity that mentions the bath without the water tag is a lint problem" "exit $rc" "$(cat "$TMP/err")"; fi
