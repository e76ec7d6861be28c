#!/bin/sh
# A stored text that is not valid UTF-8 (planted with the sqlite3 tool) moves with
# export record / import byte for byte: JSON cannot hold it as a string, so the
# record writes {"bytes_hex": "..."} and import stores the bytes back. A name that
# is not UTF-8 is refused with a true message, exit 2. Before, export record
# exited 2 with "out of memory" for any such byte, and the record could not move.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 11

PY=${PYTHON3:-/usr/bin/python3}
if ! command -v sqlite3 >/dev/null 2>&1 || ! "$PY" -c 'import json' 2>/dev/null; then
	echo "1..0 # SKIP sqlite3 and python3 are needed"; exit 0
fi
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
sql() { sqlite3 "$1" "$2"; }
OUT="$TMP/out"
mkdir -p "$OUT"

run child add Ada --born 2026-01-05 && a=$rc
run milestone log --child Ada --status achieved --date 2026-05-01 --note "fine" cdc-2m-se-calms && b=$rc
run event add --child Ada --date 2026-12-01 --time 10:00 --title "Checkup" --place "Clinic"
c=$rc
run note add --child Ada --date 2026-11-20 --minutes 30 --subjective s --objective o --assessment a --plan p
# 0xff and 0xfe are never UTF-8; "\xc3" is a sequence cut short; 0x9b is a bare continuation byte
sql "$DB" "UPDATE milestone_log SET note = CAST(X'6f6b20ff20c3' AS TEXT);
	UPDATE appointment SET title = CAST(X'436865636b9b7570' AS TEXT), place = CAST(X'c3' AS TEXT);
	UPDATE session_note SET plan = CAST(X'706c616efe0a6e657874' AS TEXT);"
if [ "$a$b$c$rc" = 0000 ] && [ "$(sql "$DB" "SELECT hex(note) FROM milestone_log")" = 6F6B20FF20C3 ]; then
	ok "a record with bytes that are not UTF-8 in a note, a title, a place and a SOAP plan"
else not_ok "a record with bytes that are not UTF-8 in a note, a title, a place and a SOAP plan" "exits $a $b $c $rc: $err"; fi

run export record --child Ada --include notes --output "$OUT/ada.json"
check_rc "export record exits 0" 0
if "$PY" - "$OUT/ada.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
assert d["milestones"][0]["note"] == {"bytes_hex": "6f6b20ff20c3"}, d["milestones"][0]["note"]
assert d["appointments"][0]["title"] == {"bytes_hex": "436865636b9b7570"}
assert d["appointments"][0]["place"] == {"bytes_hex": "c3"}
assert d["notes"][0]["plan"] == {"bytes_hex": "706c616efe0a6e657874"}
assert d["notes"][0]["subjective"] == "s"  # valid text stays a string
PY
then ok "each such text is written as its bytes in hexadecimal (bytes_hex); valid text stays a string"
else not_ok "each such text is written as its bytes in hexadecimal (bytes_hex); valid text stays a string" "$(head -c 600 "$OUT/ada.json")"; fi
if "$PY" -c 'import jsonschema' 2>/dev/null; then
	if "$PY" - "$TOP_SRCDIR/doc/record.schema.json" "$OUT/ada.json" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.Draft202012Validator(schema).validate(json.load(open(sys.argv[2])))
PY
	then ok "the record is valid against doc/record.schema.json"
	else not_ok "the record is valid against doc/record.schema.json"; fi
else skip "the record is valid against doc/record.schema.json" "python3-jsonschema missing"; fi

# Into a new database: every byte is back.
DB="$TMP/other.db"
run import "$OUT/ada.json"
check_rc "import into a new database exits 0" 0
got=$(sql "$DB" "SELECT hex(note) FROM milestone_log; SELECT hex(title) || ' ' || hex(place) FROM appointment;
	SELECT hex(plan) FROM session_note;" | tr '\n' ' ')
if [ "$got" = "6F6B20FF20C3 436865636B9B7570 C3 706C616EFE0A6E657874 " ]; then
	ok "import stores the bytes back, byte for byte"
else not_ok "import stores the bytes back, byte for byte" "got: $got"; fi
run import "$OUT/ada.json"
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "nothing new"; then ok "importing it again adds nothing (the bytes compare equal)"
else not_ok "importing it again adds nothing (the bytes compare equal)" "exit $rc" "$out" "$err"; fi
run export record --child Ada --include notes --output "$OUT/again.json"
if [ $rc -eq 0 ] && "$PY" -c 'import json,sys; a,b=(json.load(open(f)) for f in sys.argv[1:]); [x.pop(k) for x in (a,b) for k in ("exported_at",)]; sys.exit(a != b)' \
	"$OUT/ada.json" "$OUT/again.json"; then ok "exported again from the new database: the same record"
else not_ok "exported again from the new database: the same record" "exit $rc $err"; fi

# The bytes form is taken only as toddle writes it.
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["milestones"][0]["note"]={"bytes_hex":"6f6b"}; json.dump(d,open(sys.argv[2],"w"))' \
	"$OUT/ada.json" "$OUT/bad.json"
DB="$TMP/third.db"
run import "$OUT/bad.json"
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "milestones\[0\].note is valid UTF-8: write it as a string"; then
	ok "bytes_hex holding valid UTF-8 is refused (a text has one form)"
else not_ok "bytes_hex holding valid UTF-8 is refused (a text has one form)" "exit $rc" "$err"; fi
"$PY" -c 'import json,sys; d=json.load(open(sys.argv[1])); d["milestones"][0]["note"]={"bytes_hex":"ff0"}; json.dump(d,open(sys.argv[2],"w"))' \
	"$OUT/ada.json" "$OUT/bad.json"
run import "$OUT/bad.json"
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "milestones\[0\].note must be a string, or {\"bytes_hex\""; then
	ok "bytes_hex that is not whole hexadecimal bytes is refused"
else not_ok "bytes_hex that is not whole hexadecimal bytes is refused" "exit $rc" "$err"; fi

# A name is not free text: refused with a message that says what and where, never "out of memory".
DB="$TMP/family.db"
sql "$DB" "UPDATE child SET name = CAST(X'4164ff61' AS TEXT)"
run export record --output "$OUT/name.json"
if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
   printf '%s' "$err" | grep -q "a stored text in child.name of Ad.*a is not valid UTF-8" && ! printf '%s' "$err" | grep -q "memory" &&
   [ ! -e "$OUT/name.json" ]; then
	ok "a child name that is not UTF-8: export exits 2 naming table, column and child, and writes nothing"
else not_ok "a child name that is not UTF-8: export exits 2 naming table, column and child, and writes nothing" "exit $rc" "$err"; fi
