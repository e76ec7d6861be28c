#!/bin/sh
# The topics families asked for (issue 14): each has its class, carries a
# source, says what it must, and is offered in its weeks: the classes pane
# lists a class for the child's age when week_from <= the child's week <= week_to
# (the week `toddle week` shows), and `class list` prints those weeks.
. "$TOP_SRCDIR/tests/cli/lib.sh"

# id | words the class must carry (a grep -i -E pattern each, ';' between)
TOPICS='home-before-due-date|NICU;due date;corrected age;short, quiet spells|had enough;follow-up visits;early intervention
feeding-at-babys-pace|sets the pace;hungry;full;small pauses;propped bottle;speech-language patholog
starting-solid-foods|ready;iron-rich;allerg;honey;cow.s milk;gagging;choking;fluoride toothpaste
hearing-and-seeing|newborn hearing screen|hearing screen;does not settle hearing;ear infection;look at your face;cross or drift
head-shape-and-neck|torticollis;flat spot|uneven head;tummy time;1 hour;referral to a PT;helmet;specialist decides
sensory-differences|too much;hardly at all;occupational therapist;adapting play;none of this is a diagnosis
safety-first-year|swaddl;walker;jumper;bath seat;arm.s reach;rear-facing;shade;too hot
small-things-first-aid|button batter;magnet;coin;balloon;first-aid course;CPR;local poison-control number
two-languages-at-home|two languages;no reason to wait;hearing check
twins-and-more|own pace|timetable;corrected age for each;not with each other
known-condition|Down syndrome;low muscle tone;typically developing;therapist and doctor set the goals'

# Children at the ages that matter: NAME BORN EXTRA (today is 2026-11-26).
KIDS='Early 2026-11-05 --ga=30
Eight 2026-09-29 -
Thirty 2026-04-28 -
Sixty 2025-09-30 -
Hundred 2024-12-24 -
Three 2023-11-20 -'

# Where each topic must be offered (child) and where not (!child).
WHERE='home-before-due-date Early Eight !Sixty
feeding-at-babys-pace Early Eight !Sixty
starting-solid-foods Thirty !Eight !Hundred
hearing-and-seeing Early Eight Thirty Sixty Hundred !Three
head-shape-and-neck Early Eight !Sixty
sensory-differences Thirty Sixty Hundred Three
safety-first-year Early Eight Thirty !Sixty
small-things-first-aid Thirty Sixty Hundred !Early
two-languages-at-home Early Thirty Sixty Hundred Three
twins-and-more Early Eight Thirty Sixty Hundred
known-condition Early Thirty Sixty Hundred Three'

ntopics=$(printf '%s\n' "$TOPICS" | wc -l)
nwhere=$(printf '%s\n' "$WHERE" | wc -w)
plan $((3 + 3 * ntopics + nwhere - $(printf '%s\n' "$WHERE" | wc -l) + 1))

"$TODDLE" content check --lint "$TOP_SRCDIR/content" >"$TMP/lint" 2>&1
if [ $? -eq 0 ] && [ "$(cat "$TMP/lint")" = "$TOP_SRCDIR/content: ok" ]; then ok "the shipped library passes content check --lint"
else not_ok "the shipped library passes content check --lint" "$(cat "$TMP/lint")"; fi

printf '%s\n' "$KIDS" | while read -r name born extra; do
	if [ "$extra" = - ]; then run child add "$name" --born "$born"
	else run child add "$name" --born "$born" --ga "${extra#--ga=}"; fi
	[ $rc -eq 0 ] || echo "# could not add $name: $err"
done

# The library week each child is in today, as `toddle week` shows it.
: >"$TMP/weeks"
printf '%s\n' "$KIDS" | while read -r name born extra; do
	"$TODDLE" --db "$DB" --today "$TODAY" week --child "$name" 2>/dev/null |
		sed -n "s/^Week \([0-9][0-9]*\):.*/$name \1/p" | head -1 >>"$TMP/weeks"
done
# Three is past the library's last week: the classes pane uses the uncapped week.
weeks_of() {
	case $1 in
	Three) echo 157 ;;
	*) awk -v n="$1" '$1 == n { print $2 }' "$TMP/weeks" ;;
	esac
}
if [ "$(weeks_of Early) $(weeks_of Eight) $(weeks_of Thirty) $(weeks_of Sixty) $(weeks_of Hundred)" = "0 8 30 60 100" ]; then
	ok "the test children are in weeks 0 (born early, before the due date), 8, 30, 60 and 100"
else not_ok "the test children are in weeks 0, 8, 30, 60 and 100" "$(cat "$TMP/weeks")"; fi

run class list
printf '%s\n' "$out" >"$TMP/classes"
if [ $rc -eq 0 ] && [ -s "$TMP/classes" ]; then ok "class list succeeds"
else not_ok "class list succeeds" "$err"; fi

printf '%s\n' "$TOPICS" >"$TMP/topics"
while IFS='|' read -r id words; do
	run class show "$id"
	printf '%s\n' "$out" >"$TMP/show"
	if [ $rc -eq 0 ] && grep -q "^Try:" "$TMP/show"; then ok "$id: the class exists"
	else not_ok "$id: the class exists" "$err"; fi
	src=$(sed -n 's/^Source: //p' "$TMP/show")
	if [ -n "$src" ] && [ ${#src} -ge 20 ]; then ok "$id: carries a source ($src)"
	else not_ok "$id: carries a source" "$out"; fi
	missing=
	old_ifs=$IFS; IFS=';'
	for w in $words; do
		grep -q -i -E -- "$w" "$TMP/show" || missing="$missing [$w]"
	done
	IFS=$old_ifs
	if [ -z "$missing" ]; then ok "$id: says what the topic needs"
	else not_ok "$id: says what the topic needs" "missing:$missing"; fi
done <"$TMP/topics"

printf '%s\n' "$WHERE" >"$TMP/where"
while read -r id kids; do
	range=$(awk -F'\t' -v id="$id" '$1 == id { sub(/^weeks /, "", $3); print $3 }' "$TMP/classes")
	from=${range%-*} to=${range#*-}
	for k in $kids; do
		want=yes name=$k
		case $k in !*) want=no name=${k#!} ;; esac
		w=$(weeks_of "$name")
		got=no
		[ -n "$range" ] && [ -n "$w" ] && [ "$w" -ge "$from" ] && [ "$w" -le "$to" ] && got=yes
		if [ "$got" = "$want" ]; then
			ok "$id (weeks $range): $([ $want = yes ] && echo offered || echo not offered) for $name (week $w)"
		else not_ok "$id (weeks $range): offered for $name (week $w) is $got, expected $want"; fi
	done
done <"$TMP/where"

run guide speech
if printf '%s' "$out" | grep -q "whatever the newborn hearing screen said" &&
   "$TODDLE" --db "$DB" --today "$TODAY" guide doctor | grep -q "known condition"; then
	ok "the guidance points to the hearing screen, and to the classes for a child with a known condition"
else not_ok "the guidance points to the hearing screen and to the known-condition classes" "$out"; fi
