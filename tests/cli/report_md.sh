#!/bin/sh
# The Markdown report of hostile notes, rendered by real Markdown readers from
# Debian (python3-markdown; pandoc when installed): no script, no live link,
# no emphasis, list, heading, table or code made from stored text, and the
# rendered text holds every stored string exactly.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 11

PY=${PYTHON3:-/usr/bin/python3}
if ! "$PY" -c 'import markdown' 2>/dev/null; then
	echo "1..0 # SKIP python3-markdown is missing (apt-get install python3-markdown)"
	exit 77
fi

# The stored strings, one a line: each goes into a note of its own below.
cat > "$TMP/hostile.txt" <<'EOF'
<script>alert(1)</script>
[x](javascript:alert(1))
loves <Peppa Pig>
*bubbles* and _splash_ and **big**
# not a heading
1. not a list
2) not a list either
`code` and ``more``
a | b | c
> not a quote
- not an item
+ not an item either
=====
---
~~not struck~~ and ~sub~ and ^sup^ and $x$ maths
![img](javascript:alert(2)) and <img src=x onerror=alert(3)>
&amp; stays &amp; and &lt;b&gt;
back\slash at the end\
<http://example.org/autolink> and https://example.org/x_y_z
[ref]: javascript:alert(4)
EOF

run child add 'Mia *star* <3' --born 2025-10-01 >/dev/null
day=1
while IFS= read -r note; do
	run activity log tummy-floor-mirror --date "2026-11-$(printf %02d $((day + 5)))" --note "$note"
	[ $rc -eq 0 ] || echo "# could not log note $day: $err"
	day=$((day + 1))
done < "$TMP/hostile.txt"
run milestone log cdc-12m-se-plays-games --date 2026-11-02 --note "$(printf 'line one *a*\n# line two\n1. line three\n\n- line five')"
# All of them again as the lines of one note, so that each starts a line.
run milestone log cdc-12m-lc-waves-bye --date 2026-11-03 --note "$(cat "$TMP/hostile.txt")"
[ $rc -eq 0 ] || echo "# could not log the note of many lines: $err"
run goal add --text '<b>Walks</b> _alone_ [x](javascript:alert(5))'

# The renderers: each prints the HTML of the Markdown file it is given.
cat > "$TMP/md.py" <<'PY'
import sys, markdown
sys.stdout.write(markdown.markdown(open(sys.argv[1], encoding='utf-8').read()))
PY
# check.py HTML [STRING FILE]: the tags used, and each stored string found in the text.
cat > "$TMP/check.py" <<'PY'
import sys, re, html.parser
class P(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.text, self.attrs = set(), [], []
    def handle_starttag(self, tag, attrs):
        self.tags.add(tag)
        self.attrs += [(tag, k, v) for k, v in attrs if not (tag in ('h1', 'h2', 'h3') and k == 'id')]
        if tag == 'br':
            self.text.append(' ')
    def handle_data(self, d):
        self.text.append(d)
p = P()
p.feed(open(sys.argv[1], encoding='utf-8').read())
text = re.sub(r'\s+', ' ', ''.join(p.text))
allowed = {'h1', 'h2', 'h3', 'p', 'ul', 'li', 'hr', 'br'}
problems = []
if p.tags - allowed:
    problems.append('tags made from stored text: ' + ', '.join(sorted(p.tags - allowed)))
if p.attrs:
    problems.append('attributes: %r' % p.attrs)
for line in open(sys.argv[2], encoding='utf-8'):
    want = re.sub(r'\s+', ' ', line.rstrip('\n')).strip()
    if want and want not in text:
        problems.append('not shown as stored: %r' % want)
print('\n'.join(problems) or 'ok')
PY
cp "$TMP/hostile.txt" "$TMP/want.txt"
cat >> "$TMP/want.txt" <<'EOF'
Mia *star* <3: progress report for the therapist
line one *a* # line two 1. line three
- line five
<b>Walks</b> _alone_ [x](javascript:alert(5))
EOF

run report --format md --for therapist --since 2026-11-01
printf '%s\n' "$out" > "$TMP/r.md"
if [ $rc -eq 0 ] && ! grep -q "$(printf '\033')" "$TMP/r.md"; then ok "md: the therapist report is written"
else not_ok "md: the therapist report is written" "exit $rc" "$err"; fi

"$PY" "$TMP/md.py" "$TMP/r.md" > "$TMP/py.html" 2>"$TMP/stderr"
if grep -qi '<script' "$TMP/py.html"; then not_ok "python-markdown: no <script>" "$(grep -i '<script' "$TMP/py.html")"
else ok "python-markdown: no <script>"; fi
if grep -Eqi '<a |href=|javascript:[^<]*"' "$TMP/py.html"; then
	not_ok "python-markdown: no link at all" "$(grep -Ei '<a |href=' "$TMP/py.html")"
else ok "python-markdown: no link at all"; fi
if grep -Eqi '<(em|strong)>' "$TMP/py.html"; then
	not_ok "python-markdown: no emphasis from stored asterisks" "$(grep -Ei '<(em|strong)>' "$TMP/py.html")"
else ok "python-markdown: no emphasis from stored asterisks"; fi
res=$("$PY" "$TMP/check.py" "$TMP/py.html" "$TMP/want.txt" 2>&1)
if [ "$res" = ok ]; then ok "python-markdown: only headings, paragraphs and lists; every stored string shown exactly"
else not_ok "python-markdown: only headings, paragraphs and lists; every stored string shown exactly" "$res"; fi

# pandoc's CommonMark reader and its own Markdown (tables, strikeout, maths,
# superscripts on; smart quotes off so quotes stay as typed).
for from in commonmark markdown-smart; do
	if ! command -v pandoc >/dev/null 2>&1; then
		skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
		for t in "no <script>, no link" "no emphasis" "every stored string shown exactly"; do
			skip "pandoc -f $from: $t" "pandoc is not installed"
		done
		continue
	fi
	pandoc -f "$from" -t html "$TMP/r.md" > "$TMP/pd.html" 2>"$TMP/stderr"
	if [ $? -eq 0 ] && ! grep -Eqi '<script|<a |href=' "$TMP/pd.html"; then ok "pandoc -f $from: no <script>, no link"
	else not_ok "pandoc -f $from: no <script>, no link" "$(grep -Ei '<script|<a |href=' "$TMP/pd.html")" "$(cat "$TMP/stderr")"; fi
	if grep -Eqi '<(em|strong|del|sup|sub|code)>' "$TMP/pd.html"; then
		not_ok "pandoc -f $from: no emphasis" "$(grep -Ei '<(em|strong|del|sup|sub|code)>' "$TMP/pd.html")"
	else ok "pandoc -f $from: no emphasis"; fi
	res=$("$PY" "$TMP/check.py" "$TMP/pd.html" "$TMP/want.txt" 2>&1)
	if [ "$res" = ok ]; then ok "pandoc -f $from: every stored string shown exactly"
	else not_ok "pandoc -f $from: every stored string shown exactly" "$res"; fi
done
