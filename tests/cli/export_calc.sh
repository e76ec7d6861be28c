#!/bin/sh
# LibreOffice Calc reads a --bom CSV: converted headless to .xlsx, every
# character (accents, emoji, quotes, line breaks) is in the sheet, the mark is
# not part of the first cell, and a cell starting with = is text, not a formula.
# Headless conversion takes the character set from its filter options (UTF-8
# here) instead of guessing as a double-click does, so it cannot show the
# guess itself. Skips (77) when LibreOffice is not installed: it is too heavy
# for .ci/setup.
. "${TOP_SRCDIR}/tests/cli/lib.sh"
PY=${PYTHON3:-/usr/bin/python3}
SOFFICE=$(command -v soffice || command -v libreoffice) || { echo "1..0 # SKIP LibreOffice (soffice) is not installed"; exit 77; }
plan 3

NOTE='Zoë 😀 «ünï» "q", x
second line'
run child add 'Zoë' --born 2026-01-01
run activity log --child 'Zoë' tummy-floor-mirror --date 2026-11-02 --note "$NOTE"
run activity log --child 'Zoë' tummy-floor-mirror --date 2026-11-03 --note '=1+1'
"$TODDLE" --db "$DB" --today "$TODAY" export csv --child 'Zoë' --what activities --bom --output "$TMP/act.csv" 2>"$TMP/stderr"
mkdir -p "$TMP/lo"
# a profile of its own, so no running LibreOffice or home folder is touched
timeout 180 "$SOFFICE" --headless --norestore -env:UserInstallation="file://$TMP/profile" \
	--infilter=CSV:44,34,76,1 --convert-to xlsx --outdir "$TMP/lo" "$TMP/act.csv" >"$TMP/lo.log" 2>&1
# cells FILE: the first column's header, then the note column of each row, as python sees them.
cat > "$TMP/cells.py" <<'PY'
import re, sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
strings = [re.sub(r'<[^>]+>', '', s) for s in re.findall(r'<si>(.*?)</si>', z.read('xl/sharedStrings.xml').decode(), re.S)]
sheet = z.read('xl/worksheets/sheet1.xml').decode()
unesc = lambda s: s.replace('&#10;', '\n').replace('&quot;', '"').replace('&apos;', "'").replace('&lt;', '<').replace('&gt;', '>').replace('&amp;', '&')
print(repr(unesc(strings[0])))
print('formulas' if '<f>' in sheet or '<f ' in sheet else 'no formulas')
for s in strings:
    print(repr(unesc(s)))
PY
if [ ! -s "$TMP/lo/act.xlsx" ]; then
	not_ok "LibreOffice converts the CSV" "$(cat "$TMP/lo.log")"
	not_ok "the characters survive" "no file"
	not_ok "= is text" "no file"
	exit 0
fi
cells=$("$PY" "$TMP/cells.py" "$TMP/lo/act.xlsx" 2>&1)
if [ "$(printf '%s\n' "$cells" | head -1)" = "'id'" ]; then ok "LibreOffice: the byte-order mark is not part of the first cell"
else not_ok "LibreOffice: the byte-order mark is not part of the first cell" "$(printf '%s\n' "$cells" | head -1)"; fi
want=$("$PY" -c 'import sys; print(repr(sys.argv[1]))' "$NOTE")
if printf '%s\n' "$cells" | grep -qxF -- "$want"; then ok "LibreOffice: accents, emoji, quotes, comma and the line break survive"
else not_ok "LibreOffice: accents, emoji, quotes, comma and the line break survive" "want $want" "$cells"; fi
if printf '%s\n' "$cells" | grep -qx "no formulas" && printf '%s\n' "$cells" | grep -qxF -- "\"'=1+1\""; then
	ok "LibreOffice: a note starting with = is a text cell, not a formula"
else not_ok "LibreOffice: a note starting with = is a text cell, not a formula" "$cells"; fi
