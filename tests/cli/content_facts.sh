#!/bin/sh
# Facts the issue 14 review found wrong stay right: grapes quartered lengthwise, no cow's
# milk from a cup before 12 months, no cloth over a baby's head, WHO's and AAP's screen
# limits by age, the guidance signs as their sources word them, and CDC's own wording.
# Library-wide rules read the shipped files; what a parent reads is checked through the CLI.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 12
LIB="$TOP_SRCDIR/content"

# Every line that names grapes or firm round foods says to quarter them lengthwise.
bad=$(grep -n -i -w -E 'grapes?|round foods?' "$LIB"/*.ini | awk '{ l = tolower($0) } l !~ /quarter/ || l !~ /lengthwise/')
seen=$(grep -c -i -w -E 'grapes?' "$LIB"/*.ini | awk -F: '{ s += $NF } END { print s + 0 }')
if [ -z "$bad" ] && [ "$seen" -ge 10 ]; then ok "grapes and firm round foods are quartered lengthwise everywhere ($seen lines)"
else not_ok "grapes and firm round foods are quartered lengthwise everywhere" "lines with grapes: $seen" "$bad"; fi

# Print, per activity, FILE ID FROM-WEEK and then KEY=VALUE lines, one record per paragraph.
records() {
	awk '/^\[/ { if (id != "") print ""; id = ""; if ($1 == "[activity") { id = $2; sub(/\]$/, "", id); print FILENAME, id } next }
	     id != "" && /=/ { k = $0; sub(/ *=.*/, "", k); v = $0; sub(/^[^=]*= */, "", v); print k "=" v }' "$LIB"/*.ini
}

# Cup activities that start before week 52: milk in them is breast milk or formula, never cow's.
cups=$(records | awk 'BEGIN { RS = "" } { t = tolower($0) }
	t ~ /\ntitle=[^\n]*cup/ { split(t, w, /\nweeks=/); split(w[2], r, "-"); if (r[1] + 0 >= 52) next
		n++; if (t ~ /milk/ && (t ~ /water or milk|milk or water/ || t !~ /no cow.s milk/)) print $1, $2 }
	END { print n + 0 }')
if [ "$(printf '%s\n' "$cups" | tail -1)" -ge 2 ] && [ "$(printf '%s\n' "$cups" | wc -l)" -eq 1 ]; then
	ok "cup activities before 12 months offer breast milk, formula or water, no cow's milk"
else not_ok "cup activities before 12 months offer breast milk, formula or water, no cow's milk" "$cups"; fi

# No activity's steps, variations, title or materials lay a cloth over or on a baby's head or face.
bad=$(records | grep -i -E '^(title|materials|step|easier|harder)=' |
	grep -i -E "(cloth|scarf|towel|blanket|fabric)[^.]* (over|on)[^.]*baby.s (head|face)|(drape|cover)[^.]*baby.s (head|face)|cloth on baby")
if [ -z "$bad" ]; then ok "no activity lays a cloth over or on a baby's head or face"
else not_ok "no activity lays a cloth over or on a baby's head or face" "$bad"; fi

# Through the CLI, as a parent reads them.
run child add Mia --born 2026-01-01 >/dev/null
run activity show cloth-peekaboo
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q -i "see-through" &&
   ! printf '%s\n' "$out" | grep -v '^Safety:' | grep -q -i "baby's head" &&
   printf '%s\n' "$out" | grep '^Safety:' | grep -q -i "never goes over baby's head or face"; then
	ok "cloth-peekaboo: the scarf stays in front of you; the safety note states the one rule"
else not_ok "cloth-peekaboo: the scarf stays in front of you; the safety note states the one rule" "$out"; fi

run class show screen-time-early-years
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "no screen time at age 1" &&
   printf '%s\n' "$out" | grep -q "at age 2 no more than 1 hour" &&
   printf '%s\n' "$out" | grep -q "AAP advises no screen media other than video chats with family before 18 to 24 months" &&
   ! printf '%s\n' "$out" | grep -q -i "between 1 and 3"; then
	ok "the screen-time class names WHO's limits at 1 and 2 and AAP's 18-24 months"
else not_ok "the screen-time class names WHO's limits at 1 and 2 and AAP's 18-24 months" "$out"; fi

# Weeks 59 and 90 say the same about age 1 as the class.
wk=$(awk '/^\[week (59|90)\]/ { w = $2 } /^\[/ && !/^\[week (59|90)\]/ { w = "" } w != "" && /^can_wait = / && /no screen time (at all )?at age 1/ { n++ } END { print n + 0 }' "$LIB"/weeks-53-104.ini)
if [ "$wk" -eq 2 ]; then ok "weeks 59 and 90 agree with the class: no screen time at age 1"
else not_ok "weeks 59 and 90 agree with the class: no screen time at age 1" "weeks saying so: $wk"; fi

run guide head-and-neck
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "positional plagiocephaly" &&
   printf '%s\n' "$out" | grep -q "A tight neck muscle that pulls the head to one side is called torticollis" &&
   ! printf '%s\n' "$out" | grep -q "This is often called torticollis"; then
	ok "guide head-and-neck: a flat head is plagiocephaly, torticollis is the tight neck muscle"
else not_ok "guide head-and-neck: a flat head is plagiocephaly, torticollis is the tight neck muscle" "$out"; fi

run guide hearing-and-speech
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "No words yet, or no pointing, at 15 months" &&
   ! printf '%s\n' "$out" | grep -q "and no pointing"; then
	ok "the 15-month sign: no words OR no pointing, each alone worth raising"
else not_ok "the 15-month sign: no words OR no pointing, each alone worth raising" "$out"; fi

run guide play-and-learning
if [ $rc -eq 0 ] && ! printf '%s\n' "$out" | grep -q -i "mention it at the next visit"; then
	ok "guidance does not tell a worried parent to wait for the next visit"
else not_ok "guidance does not tell a worried parent to wait for the next visit" "$out"; fi

run milestone catalog
if printf '%s\n' "$out" | grep -q "^cdc-12m-cg-finds-hidden-toy	12	cognitive	Looks for things they saw you hide" &&
   printf '%s\n' "$out" | grep -q "^cdc-15m-cg-uses-objects	15	cognitive	Tries to use everyday things the right way" &&
   printf '%s\n' "$out" | grep -q "^cdc-24m-lc-two-words	24	language	.*more milk"; then
	ok "three CDC items in CDC's words: looks for hidden things, tries to use things right, more milk"
else not_ok "three CDC items in CDC's words" "$(printf '%s\n' "$out" | grep -E 'finds-hidden|uses-objects|two-words')"; fi

# Snacks handed over in play carry the food tag and a safety note (content/FORMAT).
bad=$(records | awk 'BEGIN { RS = "" } { t = tolower($0) }
	t ~ /\nmaterials=[^\n]*snack/ && (t !~ /\ntags=[^\n]*food/ || t !~ /\nsafety=/) { print $1, $2 }')
if [ -z "$bad" ]; then ok "every activity with snacks has the food tag and a safety note"
else not_ok "every activity with snacks has the food tag and a safety note" "$bad"; fi

run guide pt
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q "differs by country" && printf '%s\n' "$out" | grep -q "IDEA reach children and young people up to 21"; then
	ok "guide pt: the age PTs serve up to differs by country (US, IDEA: up to 21)"
else not_ok "guide pt: the age PTs serve up to differs by country (US, IDEA: up to 21)" "$out"; fi
