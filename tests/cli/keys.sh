#!/bin/sh
# One key table: `toddle keys` lists it, every form key is in it (Ctrl-S, Ctrl-U
# included), and the manual's key list is the table's, word for word.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 4

out=$("$TODDLE" keys 2>"$TMP/err"); rc=$?
if [ $rc -eq 0 ] && [ -z "$(printf '%s\n' "$out" | awk -F'\t' 'NF != 3')" ] && [ "$(printf '%s\n' "$out" | wc -l)" -gt 40 ]; then
	ok "toddle keys prints WHERE, KEYS, WHAT for every binding"
else not_ok "toddle keys prints WHERE, KEYS, WHAT for every binding" "exit $rc" "$out" "$(cat "$TMP/err")"; fi
if printf '%s\n' "$out" | grep -q "^form	Ctrl-S	" && printf '%s\n' "$out" | grep -q "^form	Ctrl-U	" &&
   printf '%s\n' "$out" | grep -q "^form	Ctrl-E	" && printf '%s\n' "$out" | grep -q "^choice	Space Right	"; then
	ok "the form's keys (Ctrl-S save, Ctrl-U clear, Ctrl-E editor, Space on a choice) are in the table"
else not_ok "the form's keys (Ctrl-S save, Ctrl-U clear, Ctrl-E editor, Space on a choice) are in the table" "$out"; fi
"$TODDLE" keys --man > "$TMP/table.man"
sed -n '/^\.\\" keys: begin/,/^\.\\" keys: end/p' "$TOP_SRCDIR/doc/toddle.1.in" | sed '1d;$d' > "$TMP/manual.man"
if [ -s "$TMP/manual.man" ] && cmp -s "$TMP/table.man" "$TMP/manual.man"; then
	ok "doc/toddle.1.in's key list is the key table (toddle keys --man)"
else not_ok "doc/toddle.1.in's key list is the key table (toddle keys --man)" \
	"replace the lines between the 'keys: begin' and 'keys: end' comments with 'toddle keys --man':" \
	"$(diff "$TMP/manual.man" "$TMP/table.man" | head -20)"; fi
run keys --wrong
check_rc "toddle keys with an unknown option is refused" 1
