#!/bin/sh
# Facts beyond the shared facts sheet (issue 14), said plainly where a parent needs them:
# each record states its fact (key words), names the source behind it, and has dropped the
# old hedge; doc/content-sources.md lists each fact's records, and every record it names
# exists in the file it names.
. "$TOP_SRCDIR/tests/cli/lib.sh"
LIB="$TOP_SRCDIR/content"
DOC="$TOP_SRCDIR/doc/content-sources.md"

# file|[type id]|words the text must carry|words the source key must carry|text it must no longer carry
# (grep -i -E patterns, ';' between; '-' for none)
FACTS='classes.ini|[class hearing-and-seeing]|by 1 month;by 3 months;by 6 months;1-3-6;does not settle hearing for good;ear infection;fluid;muffles hearing;red reflex;after about 4 months;cross or drift|JCIH Year 2019;Red Reflex;MedlinePlus|Many babies have a hearing screen
classes.ini|[class home-before-due-date]|hearing screen;by 1 month;NICU stay;next hearing check;red reflex|JCIH Year 2019;red reflex|-
classes.ini|[class feeding-at-babys-pace]|no cow.s milk as a drink;12 months;no honey;infant botulism|CDC infant and toddler nutrition|-
classes.ini|[class starting-solid-foods]|about 6 months;ready;head steady;sits upright with a little support;opens the mouth as a spoon comes near;pushing it out with the tongue;iron-rich;egg and peanut;severe eczema;egg allergy;never whole nuts;no honey before 12 months;infant botulism;no cow.s milk as a drink;noisy reflex;often silent;grain of rice;pea-sized|WHO complementary feeding guideline 2023;signs of readiness;NIAID;Greer et al;Clark and Slayton;CDC infant and toddler nutrition|Ask your doctor which ones;ask your doctor or a dentist about brushing;which iron-rich foods suit
classes.ini|[class safety-first-year]|calls for a ban on baby walkers;falls down stairs;do not help a baby learn to walk;signs of trying to roll;not a safety device;rear-facing as long as the seat allows;under 6 months out of direct sun;never leave a child alone in a car|Sims et al., Pediatrics 2018;CPSC;child passenger safety policy 2018;sun safety|child-safety experts advise against;general child-safety advice
classes.ini|[class small-things-first-aid]|uninflated balloon;children under 8;within about 2 hours;magnets can pull together;coins;first-aid course;CPR;your local poison-control number|CPSC;Poison Control Centers|General child-safety and first-aid advice
classes.ini|[class two-languages-at-home]|two languages do not cause delay;shows in both languages|ASHA and AAP|counting words across languages: general advice
guidance.ini|[guide speech]|does not rule out hearing loss later;do not cause delay|JCIH Year 2019;ASHA and AAP|two languages: general advice
weeks-00-12.ini|[week 4]|hearing screen;by 1 month;full test by 3 months|JCIH Year 2019|-
weeks-00-12.ini|[week 9]|does not rule out hearing loss later|JCIH Year 2019|-
weeks-13-52.ini|[week 17]|about 4 months;cross or drift|AAP parent guidance|cross or drift: general advice
weeks-13-52.ini|[week 19]|signs of trying to roll|stop swaddling at signs of rolling|general safe-sleep advice
weeks-13-52.ini|[week 21]|not a safety device|CPSC|-
weeks-13-52.ini|[week 25]|about 6 months;iron-rich;egg and peanut;severe eczema;honey;cow.s milk to drink|NIAID;Greer et al;CDC infant and toddler nutrition|which iron-rich and allergy foods to offer
weeks-13-52.ini|[week 26]|fluoride toothpaste;grain of rice|Clark and Slayton|-
weeks-13-52.ini|[week 27]|gagging;normal reflex;choking is often silent|gagging and choking|-
weeks-13-52.ini|[week 32]|baby walker;calls for a ban|Sims et al., Pediatrics 2018|-
weeks-13-52.ini|[week 43]|cow.s milk to drink waits until 12 months|CDC infant and toddler nutrition|-
weeks-13-52.ini|[week 50]|two languages do not cause delay|ASHA and AAP|-'

nfacts=$(printf '%s\n' "$FACTS" | wc -l)
nhedges=$(printf '%s\n' "$FACTS" | awk -F'|' '$5 != "-"' | wc -l)
plan $((nfacts * 2 + nhedges + 3))

# record FILE HEADER KEYS: the values of KEYS (a regex of key names) in the record HEADER.
record() {
	awk -v h="$2" -v keys="^($3)\$" '
		$0 == h { on = 1; next }
		/^\[/ { on = 0 }
		on && /=/ { k = $0; sub(/ *=.*/, "", k); v = $0; sub(/^[^=]*= */, "", v); if (k ~ keys) print v }' "$LIB/$1"
}

# has TEXTFILE PATTERNS: prints the patterns (';' separated) that TEXTFILE does not carry.
missing() {
	m= old_ifs=$IFS; IFS=';'
	for w in $2; do grep -q -i -E -- "$w" "$1" || m="$m [$w]"; done
	IFS=$old_ifs; printf '%s' "$m"
}

printf '%s\n' "$FACTS" >"$TMP/facts"
while IFS='|' read -r file head says src gone; do
	record "$file" "$head" 'title|typical|focus|can_wait|read|try|para|about|text' >"$TMP/text"
	record "$file" "$head" 'source' >"$TMP/src"
	m=$(missing "$TMP/text" "$says")
	if [ -s "$TMP/text" ] && [ -z "$m" ]; then ok "$file $head states its fact"
	else not_ok "$file $head states its fact" "missing:${m:- the whole record}"; fi
	m=$(missing "$TMP/src" "$src")
	if [ -s "$TMP/src" ] && [ -z "$m" ]; then ok "$file $head names its source"
	else not_ok "$file $head names its source" "missing:${m:- the source key}" "$(cat "$TMP/src")"; fi
	[ "$gone" = - ] && continue
	still=
	cat "$TMP/text" "$TMP/src" >"$TMP/all"
	old_ifs=$IFS; IFS=';'
	for w in $gone; do grep -q -i -F -- "$w" "$TMP/all" && still="$still [$w]"; done
	IFS=$old_ifs
	if [ -s "$TMP/text" ] && [ -z "$still" ]; then ok "$file $head has dropped the old hedge"
	else not_ok "$file $head has dropped the old hedge" "still there:${still:- (record missing)}"; fi
done <"$TMP/facts"

# doc/content-sources.md: each numbered fact, joined onto one line, with its "Stated in:" part.
if [ -f "$DOC" ]; then
	awk '/^[0-9]+\. / { if (t != "") print t; t = $0; next }
	     /^## / { if (t != "") print t; t = ""; next }
	     t != "" && /^ +/ { sub(/^ +/, " "); t = t $0 }
	     END { if (t != "") print t }' "$DOC" >"$TMP/items"
else : >"$TMP/items"; fi
nitems=$(wc -l <"$TMP/items")
tags=$(grep -c -E '\*\*\[(V|S)\]\*\*|\[(V|S)\]' "$TMP/items")
if [ "$nitems" -ge 20 ] && [ "$tags" -eq "$nitems" ] && ! grep -q -E '\[U\]' "$TMP/items"; then
	ok "doc/content-sources.md lists $nitems facts, each tagged [V] or [S]"
else not_ok "doc/content-sources.md lists the facts, each tagged [V] or [S]" "facts: $nitems, tagged: $tags"; fi

# Each "FILE: [type id], [type id]" named under "Stated in:" exists in that file.
sed -n 's/.*Stated in: //p' "$TMP/items" | tr ';' '\n' | sed 's/\.$//' |
	awk -F': ' 'NF == 2 { n = split($2, r, /, */); for (i = 1; i <= n; i++) print $1 "|" r[i] }' |
	sed 's/^ *//; s/ *$//' >"$TMP/refs"
bad= nrefs=0
while IFS='|' read -r file head; do
	nrefs=$((nrefs + 1))
	[ -f "$LIB/$file" ] && grep -q -x -F -- "$head" "$LIB/$file" || bad="$bad $file:$head"
done <"$TMP/refs"
if [ "$nrefs" -ge 30 ] && [ -z "$bad" ]; then ok "every record doc/content-sources.md names ($nrefs) exists in its file"
else not_ok "every record doc/content-sources.md names exists in its file" "named: $nrefs" "not found:$bad"; fi

# Every record this test checks is listed in doc/content-sources.md.
unlisted=
while IFS='|' read -r file head says src gone; do
	grep -q -x -F -- "$file|$head" "$TMP/refs" || unlisted="$unlisted $file:$head"
done <"$TMP/facts"
if [ -s "$TMP/refs" ] && [ -z "$unlisted" ]; then ok "doc/content-sources.md lists every record that states one of these facts"
else not_ok "doc/content-sources.md lists every record that states one of these facts" "not listed:$unlisted"; fi
