#!/bin/sh
# The doctor's HTML report of a 2-year-old born early, with a month of logs,
# a 330-character link and a long note of several paragraphs, printed to PDF
# by Chromium on A4 and on Letter, read back with poppler-utils: a summary on
# the first page, no nearly blank page, no shrunken text, and the name and
# "page N" on every page.
. "$TOP_SRCDIR/tests/cli/lib.sh"

CHROMIUM=$(command -v chromium || command -v chromium-browser || true)
for tool in pdfinfo pdftotext; do
	if ! command -v $tool >/dev/null 2>&1; then
		echo "1..0 # SKIP $tool is missing (apt-get install poppler-utils)"
		exit 77
	fi
done
if [ -z "$CHROMIUM" ]; then
	echo "1..0 # SKIP chromium is missing: the printed report is checked only where Chromium is installed"
	exit 77
fi
PY=${PYTHON3:-/usr/bin/python3}
plan 15

# ---- Noor: born 2024-12-01 at 32+0 weeks (due 2025-01-26); on 2026-11-26 she
# is 23 months old, 21 months corrected.
N='Noor Haddad'
run child add "$N" --born 2024-12-01 --due 2025-01-26
LINK="https://clinic.example.org/share/$(printf '%0320d' 0 | tr 0 x)"
LONG="We practised standing at the sofa every morning this week. She pulls up well with her left leg leading and then stays for about ten seconds before sitting down again, mostly with control.

On Wednesday she took three steps between the sofa and the armchair without holding on, then looked very pleased with herself. Her right foot still turns in a little when she is tired, more in the evening than in the morning.

At the park she walked holding one hand for most of the path, about fifty metres, and stopped twice to look at the ducks. She fell once on the grass and got up by herself through half-kneeling, which she did not do last month.

Questions for the visit: should we keep the shoes off at home; is the turning-in something to watch; and how many times a day should we practise the stepping games?"
# Achieved checklist items, a month apart from 3 to 21 months corrected.
m=0
for id in cdc-2m-se-calms cdc-2m-se-smiles-back cdc-2m-lc-sounds cdc-2m-mp-lifts-head cdc-4m-se-chuckles \
	cdc-4m-lc-coos cdc-4m-mp-head-steady cdc-4m-mp-holds-toy cdc-6m-se-laughs cdc-6m-lc-squeals \
	cdc-6m-mp-rolls-to-back cdc-6m-cg-reaches-for-toy cdc-9m-se-peekaboo cdc-9m-lc-babbles \
	cdc-9m-mp-sits-alone cdc-9m-cg-bangs-together cdc-12m-se-plays-games cdc-12m-lc-waves-bye \
	cdc-12m-mp-pulls-to-stand cdc-12m-mp-cruises cdc-15m-se-claps cdc-15m-lc-one-two-words \
	cdc-15m-cg-stacks-two cdc-18m-se-looks-at-books; do
	day=$(date -u -d "2025-04-01 + $((m * 13)) days" +%F)
	run milestone log --child "$N" "$id" --date "$day"
	[ $rc -eq 0 ] || echo "# milestone log $id: $err"
	m=$((m + 1))
done
run milestone log --child "$N" cdc-15m-mp-few-steps --status emerging --date 2026-11-02
run milestone log --child "$N" cdc-18m-lc-three-words --status not-yet --date 2026-11-10 --note "Says mama and dada"
run milestone log --child "$N" who-crawling --date 2025-12-10
run milestone log --child "$N" who-standing-alone --status emerging --date 2026-11-15
run milestone log --child "$N" who-walking-alone --status not-yet --date 2026-11-20 --note "$LINK"
# A month of activities, two or three a day, some with notes.
for d in $(seq 0 29); do
	day=$(date -u -d "2026-10-27 + $d days" +%F)
	run activity log --child "$N" kick-and-run-park --date "$day" --minutes $((5 + d % 10))
	run activity log --child "$N" tall-tower-knockdown --date "$day" --minutes 6 --result "$( [ $((d % 4)) = 0 ] && echo hard || echo done)"
	if [ $((d % 3)) = 0 ]; then
		run activity log --child "$N" family-photo-names --date "$day" --minutes 4 --note "Named $((d % 5 + 1)) people in the photos today."
	fi
done
run activity log --child "$N" kick-and-run-park --date 2026-11-19 --minutes 20 --note "$LONG"
run activity log --child "$N" tall-tower-knockdown --date 2026-11-21 --minutes 5 --note "Link from the clinic: $LINK"
run goal add --child "$N" --text "Walks 10 steps alone on a flat floor" --target 2027-02-28
run goal add --child "$N" --text "Says 10 words" --target 2027-03-31
run program add --child "$N" --activity kick-and-run-park --times 2 --per day --from 2026-10-26
run note add --child "$N" --date 2026-11-18 --minutes 45 --subjective "Walking with one hand held at home" \
	--objective "Stands alone 10 s; 3 independent steps; mild right in-toeing when tired" \
	--assessment "Progressing toward independent walking" --plan "Stepping games twice a day; review in 4 weeks"

run report --child "$N" --for doctor --format html --output "$TMP/report.html"
check_rc "the doctor's HTML report is written" 0
# The same report without the 330-character link, to compare the page count.
sed "s|$LINK|a short link|g" "$TMP/report.html" > "$TMP/short.html"

# print NAME SIZE HTML: NAME.pdf of HTML with @page{size:SIZE} added, by Chromium.
print() {
	sed "s|</head>|<style>@page{size:$2}</style></head>|" "$3" > "$TMP/$1.html"
	timeout 180 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
		--user-data-dir="$TMP/chromium" --no-pdf-header-footer --print-to-pdf="$TMP/$1.pdf" \
		"file://$TMP/$1.html" >"$TMP/chromium.log" 2>&1
	[ -s "$TMP/$1.pdf" ] || { echo "# chromium wrote no PDF:"; sed 's/^/# /' "$TMP/chromium.log" | tail -5; }
}

# pages.py PDF: one line per page from pdftotext -bbox: page, page height, the
# lowest text line of the body (the margins left out), the tallest body word
# height's median, the rightmost text edge, the page width.
cat > "$TMP/pages.py" <<'PY'
import re, subprocess, sys, statistics
out = subprocess.run(['pdftotext', '-bbox', sys.argv[1], '-'], capture_output=True, text=True).stdout
for i, page in enumerate(re.findall(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', out, re.S), 1):
    w, h = float(page[0]), float(page[1])
    words = [tuple(map(float, m)) for m in
             re.findall(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)"', page[2])]
    body = [b for b in words if b[1] > 50 and b[3] < h - 45]   # inside the 20 mm / 18 mm margins
    low = max((b[3] for b in body), default=0)
    height = statistics.median([b[3] - b[1] for b in body]) if body else 0
    right = max((b[2] for b in words), default=0)
    print('%d %.0f %.0f %.1f %.0f %.0f' % (i, h, low, height, right, w))
PY

for size in A4 letter; do
	print "$size" "$size" "$TMP/report.html"
	print "$size-short" "$size" "$TMP/short.html"
	pages=$(pdfinfo "$TMP/$size.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	short=$(pdfinfo "$TMP/$size-short.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }')
	psize=$(pdfinfo "$TMP/$size.pdf" 2>/dev/null | awk -F': *' '/^Page size:/ { print $2 }')
	case $size in A4) want='59[45].* x 841.*' ;; *) want='612 x 792' ;; esac
	if [ -n "$pages" ] && [ "$pages" -ge 3 ] && printf '%s' "$psize" | grep -q "^$want"; then
		ok "$size: printed on $size paper, $pages pages"
	else not_ok "$size: printed on $size paper, $pages pages" "pages: $pages, size: $psize"; fi

	first=$(pdftotext -f 1 -l 1 -layout "$TMP/$size.pdf" - 2>/dev/null)
	missing=""
	for s in "$N: development summary for the doctor" "2024-12-01" "Chronological age" "23 months" \
		"Corrected age" "the checklists use this one" "Worth talking about" "Sits up without any support" \
		"Walks alone" "months" "now: 22.0 months (corrected)" "Progress by area"; do
		printf '%s' "$first" | grep -Fq -- "$s" || missing="$missing [$s]"
	done
	if [ -z "$missing" ]; then ok "$size: page 1 is the summary (name, ages, concerns, the WHO chart's labels, progress)"
	else not_ok "$size: page 1 is the summary (name, ages, concerns, the WHO chart's labels, progress)" "missing:$missing" "$first"; fi

	geo=$("$PY" "$TMP/pages.py" "$TMP/$size.pdf" 2>&1)
	blank=$(printf '%s\n' "$geo" | awk -v last="$pages" '$1 < last && $3 < 0.6 * $2 { print "page " $1 " ends at " int(100 * $3 / $2) "%" }')
	if [ -n "$geo" ] && [ -z "$blank" ]; then ok "$size: every page but the last is filled past 60% of its height"
	else not_ok "$size: every page but the last is filled past 60% of its height" "$blank" "$geo"; fi

	small=$(printf '%s\n' "$geo" | awk '$4 < 9 { print "page " $1 ": median word height " $4 "pt" }')
	if [ -n "$geo" ] && [ -z "$small" ] && [ -n "$short" ] && [ "$pages" -ge "$short" ]; then
		ok "$size: the text is not shrunk (words 9pt or taller; $pages pages with the long link, $short without)"
	else not_ok "$size: the text is not shrunk (words 9pt or taller; $pages pages with the long link, $short without)" "$small" "$geo"; fi

	wide=$(printf '%s\n' "$geo" | awk '$5 > $6 - 28 { print "page " $1 ": text reaches x=" $5 " of " $6 }')
	if [ -n "$geo" ] && [ -z "$wide" ]; then ok "$size: the 330-character link breaks inside the right margin"
	else not_ok "$size: the 330-character link breaks inside the right margin" "$wide"; fi

	heads=""
	i=1
	while [ "$i" -le "${pages:-0}" ]; do
		txt=$(pdftotext -f $i -l $i -layout "$TMP/$size.pdf" - 2>/dev/null)
		printf '%s' "$txt" | grep -Fq "$N, born 2024-12-01" || heads="$heads [page $i: no name and birth date]"
		printf '%s' "$txt" | grep -Fq "page $i of $pages" || heads="$heads [page $i: no 'page $i of $pages']"
		i=$((i + 1))
	done
	if [ -n "$pages" ] && [ -z "$heads" ]; then ok "$size: every page carries the name, birth date and 'page N of M'"
	else not_ok "$size: every page carries the name, birth date and 'page N of M'" "$heads"; fi

	dates=$(pdftotext -layout "$TMP/$size.pdf" - 2>/dev/null | grep -E '(^|[^0-9])20[0-9]{2}-$|(^|[^0-9])20[0-9]{2}-[0-9]{2}-$' | head -3)
	if [ -z "$dates" ]; then ok "$size: no date wraps at a hyphen"
	else not_ok "$size: no date wraps at a hyphen" "$dates"; fi
done
