#!/bin/sh
# The portable child record: export record writes one JSON document that the
# shipped JSON Schema accepts; import merges it in one transaction, keeps who and
# when, adds newer versions without overwriting (the replaced and conflicting
# ones kept), and importing again adds nothing. Family -> clinic -> family
# round-trips with nothing lost or doubled and hostile text byte for byte.
# Every bad file is refused with exit 1, one line, and the database unchanged.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 37

PY=${PYTHON3:-/usr/bin/python3}
have_sqlite=0; command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
if [ $have_sqlite = 0 ] || ! "$PY" -c 'import json' 2>/dev/null; then
	echo "1..0 # SKIP sqlite3 and python3 are needed (apt-get install sqlite3 python3)"; exit 0
fi
have_schema=0; "$PY" -c 'import jsonschema' 2>/dev/null && have_schema=1
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
check() {
	name=$1; shift
	if "$@"; then ok "$name"; else not_ok "$name" "exit $rc" "stdout:" "$out" "stderr: $err"; fi
}
sql() { sqlite3 "$1" "$2"; }
has() { printf '%s' "$out" | grep -Fq -- "$1"; }
FAM="$TMP/family.db"
OUT="$TMP/out"; mkdir -p "$OUT"

# rows DB: every record row of every child, by uuid, with corrections named by
# uuid: what a round trip must keep (local ids and child ids differ by design).
cat > "$TMP/rows.py" <<'PY'
import sqlite3, sys
db = sqlite3.connect(sys.argv[1])
tables = ["child", "milestone_log", "activity_log", "appointment", "class_log", "goal", "program", "session_note"]
for t in tables:
    cols = [r[1] for r in db.execute("PRAGMA table_info(%s)" % t) if r[1] not in ("id", "child_id")]
    sel = ", ".join("(SELECT x.uuid FROM milestone_log x WHERE x.id = t.corrects)" if c == "corrects" else "hex(t.%s)" % c
                    if c in ("note", "subjective", "objective", "title") else "t." + c for c in cols)
    for row in db.execute("SELECT %s FROM %s t ORDER BY t.uuid" % (sel, t)):
        print(t, "|".join("" if v is None else str(v) for v in row))
PY
rows() { "$PY" "$TMP/rows.py" "$1"; }
cat > "$TMP/valid.py" <<'PY'
import json, sys, jsonschema
schema = json.load(open(sys.argv[1]))
jsonschema.Draft202012Validator.check_schema(schema)
for f in sys.argv[2:]:
    jsonschema.Draft202012Validator(schema).validate(json.load(open(f)))
PY
# edit FILE PYTHON: change the JSON document d in FILE with a Python statement, into $OUT/bad.json.
edit() { "$PY" -c "import json,sys; d=json.load(open(sys.argv[1])); $2; json.dump(d, open(sys.argv[2], 'w'))" "$1" "$OUT/bad.json"; }

# ---- a family's realistic record ---------------------------------------------------
DB=$FAM
run child add Ada --born 2026-05-01 --ga 33
run milestone log --child Ada cdc-2m-se-calms --date 2026-07-20
run milestone log --child Ada cdc-4m-se-chuckles --date 2026-09-02 --status emerging
run milestone log --child Ada cdc-4m-lc-coos --date 2026-09-03
fix=$(sql "$FAM" "SELECT id FROM milestone_log WHERE milestone_id='cdc-4m-se-chuckles'")
run milestone correct "$fix" --status achieved
rm_id=$(sql "$FAM" "SELECT id FROM milestone_log WHERE milestone_id='cdc-4m-lc-coos'")
run milestone correct "$rm_id" --remove
run activity log --child Ada tummy-on-chest --date 2026-11-20 --minutes 5 --note "Loves it 😀 שלום"
run activity log --child Ada tummy-on-chest --date 2026-11-21 --minutes 4
run activity log --child Ada open-little-hands --date 2026-11-22
# the edit and the removal as the model writes them (the full-screen view's forms)
HOSTILE=$(printf 'ESC\033[31mred\033[0m CR\rBEL\a \342\200\256RTL override\342\200\254 😀 end')
sql "$FAM" "UPDATE activity_log SET note = CAST(X'$(printf '%s' "$HOSTILE" | od -An -tx1 | tr -d ' \n')' AS TEXT),
	minutes = 6, updated_at = '2026-11-21T18:00:00Z', updated_by = 'dad', version = version + 1 WHERE day = '2026-11-21'"
sql "$FAM" "UPDATE activity_log SET deleted_at = '2026-11-22T19:00:00Z', deleted_by = 'mum', version = version + 1
	WHERE day = '2026-11-22'"
run event add --child Ada --date 2026-12-02 --time 09:00 --title "PT visit" --place "Clinic ⛑"
run event add --child Ada --date 2026-12-09 --time 10:30 --title "Cancelled check"
run event delete "$(sql "$FAM" "SELECT id FROM appointment WHERE title = 'Cancelled check'")"
CLASS=$(sql "$FAM" "SELECT id FROM class ORDER BY sort LIMIT 1")
sql "$FAM" "INSERT INTO class_log(uuid, child_id, class_id, day, created_at, created_by, unwatched) VALUES
	(lower(hex(randomblob(4))) || '-0000-4000-8000-' || lower(hex(randomblob(6))), 1, '$CLASS', '2026-11-01', '2026-11-01T08:00:00Z', 'grandma', 0),
	(lower(hex(randomblob(4))) || '-0000-4000-8000-' || lower(hex(randomblob(6))), 1, '$CLASS', '2026-11-03', '2026-11-03T08:00:00Z', 'grandma', 1)"
run goal add --child Ada --text "Sits alone for 10 seconds" --target 2027-01-31
run goal add --child Ada --text "Rolls both ways"
run goal set "$(sql "$FAM" "SELECT id FROM goal WHERE text LIKE 'Sits%'")" --status partly-met
run program add --child Ada --activity tummy-on-chest --times 3 --per day --from 2026-11-01
run program add --child Ada --activity open-little-hands --times 2 --per week --from 2026-11-01
run program end "$(sql "$FAM" "SELECT id FROM program WHERE activity_id = 'open-little-hands'")" --date 2026-11-20
BIG=$("$PY" -c 'print(("Überprüft 😀 \u05e9\u05dc\u05d5\u05dd — " * 230)[:2600], end="")')
run note add --child Ada --date 2026-11-25 --minutes 40 --subjective "$BIG" --objective "$BIG" --assessment "$BIG" --plan "$BIG"
run note add --child Ada --date 2026-11-25 --minutes 45 --corrects "$(sql "$FAM" "SELECT id FROM session_note")" \
	--subjective "Mum says rolling" --objective "Rolls both ways" --assessment "On track" --plan "Sitting games"
check "the family's record is set up (2 note versions, 5 milestone rows, 1 removed appointment)" \
	[ "$(sql "$FAM" "SELECT (SELECT count(*) FROM session_note), (SELECT count(*) FROM milestone_log), (SELECT count(*) FROM appointment WHERE deleted_at IS NOT NULL)")" = "2|5|1" ]
check "... and a SOAP note over 10 KB" [ "$(sql "$FAM" "SELECT length(CAST(subjective || objective || assessment || plan AS BLOB)) > 10240 FROM session_note WHERE version = 1")" = 1 ]

# ---- export -----------------------------------------------------------------------
run export record --child Ada --output "$OUT/ada.json" --include notes
check_rc "export record --include notes exits 0" 0
check "... writes a private file (0600)" [ "$(stat -c %a "$OUT/ada.json")" = 600 ]
run export record --output "$OUT/ada-nonotes.json"
check "without --include notes there are no session notes in the file" "$PY" -c \
	'import json,sys; d=json.load(open(sys.argv[1])); sys.exit("notes" in d or len(d["goals"]) != 2)' "$OUT/ada-nonotes.json"
if [ $have_schema = 1 ]; then
	check "both files are valid against doc/record.schema.json (draft 2020-12)" "$PY" "$TMP/valid.py" \
		"$TOP_SRCDIR/doc/record.schema.json" "$OUT/ada.json" "$OUT/ada-nonotes.json"
else skip "both files are valid against doc/record.schema.json" "python3-jsonschema missing"; fi
check "a correction and a removal name the uuid of the entry they change, not a local id" "$PY" -c '
import json,sys; d=json.load(open(sys.argv[1])); u={m["uuid"]: m for m in d["milestones"]}
c=[m for m in d["milestones"] if m["corrects"]]
sys.exit(not (len(c) == 2 and all(m["corrects"] in u for m in c) and sum(m["removed"] for m in c) == 1))' "$OUT/ada.json"
check "the removed appointment and activity entry travel as removed, with who and when" "$PY" -c '
import json,sys; d=json.load(open(sys.argv[1]))
sys.exit(not ([a["deleted_by"] for a in d["appointments"] if a["deleted_at"]] == ["root"] and
  [a["deleted_by"] for a in d["activities"] if a["deleted_at"]] == ["mum"]))' "$OUT/ada.json"
run export record --output ""
check_rc "export record without a file name is refused (exit 1)" 1
run export record --output "$OUT/x.json" --include goals
check_err "--include other than notes is refused, naming notes" "must be notes"

# ---- the clinic: a second real database (a real clinic when running as root) -----------
G='' STAFF='' SUF=$(printf '%s' "$$" | tail -c 5)
if [ "$(id -u)" -eq 0 ] && command -v groupadd >/dev/null 2>&1 && command -v useradd >/dev/null 2>&1; then
	trap 'userdel "trco$SUF" >/dev/null 2>&1; groupdel "trst$SUF" >/dev/null 2>&1; groupdel "trdt$SUF" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
	if groupadd "trst$SUF" && groupadd "trdt$SUF" && useradd -M -N -g "trst$SUF" "trco$SUF"; then
		STAFF=trst$SUF G=trdt$SUF
	fi
fi
CDIR="$TMP/clinic"
CDB="$CDIR/toddle.db"
clinic_ini() {
	printf '[data]\ndatabase = %s\n\n[clinic]\ngroup = %s\ndata_group = %s\nadmins = "%s"\n' "$CDB" "$STAFF" "$G" "$2" > "$1"
	chmod 644 "$1"
}
CLINIC=0
if [ -n "$G" ] && TODDLE_SYSTEM_CONFIG="$TMP/init.ini" "$TODDLE" clinic init "$CDIR" --group "$STAFF" --data-group "$G" \
	>/dev/null 2>"$TMP/stderr"; then
	CLINIC=1
	clinic_ini "$TMP/admin.ini" "boss $(id -un)"
	clinic_ini "$TMP/staff.ini" "boss chief"
	crun() { out=$(TODDLE_SYSTEM_CONFIG="$TMP/admin.ini" "$TODDLE" --db "$CDB" --config "$TMP/admin.ini" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr"); }
else
	mkdir -p "$CDIR"
	crun() { out=$("$TODDLE" --db "$CDB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr"); }
fi

crun import "$OUT/ada.json"
check "import into the clinic exits 0 and says what it added" eval '[ $rc -eq 0 ] && has "Added Ada from" && has "5 milestone entries" && has "2 session note versions"'
check "... every row arrives as it was, by uuid and version (who, when, removals, corrections)" [ "$(rows "$CDB")" = "$(rows "$FAM")" ]
check "... imported rows keep who wrote them (grandma's class rows)" [ "$(sql "$CDB" "SELECT group_concat(created_by) FROM class_log")" = "grandma,grandma" ]
check "... hostile text byte for byte (control characters, RTL override, emoji)" \
	[ "$(sql "$CDB" "SELECT hex(note) FROM activity_log WHERE day = '2026-11-21'")" = "$(printf '%s' "$HOSTILE" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)" ]
check "... and the 10 KB SOAP note" [ "$(sql "$CDB" "SELECT hex(subjective || plan) FROM session_note WHERE version = 1")" = "$(sql "$FAM" "SELECT hex(subjective || plan) FROM session_note WHERE version = 1")" ]
check "... the audit says who imported it, from which file" \
	[ "$(sql "$CDB" "SELECT who || '|' || detail FROM audit WHERE action = 'record imported'" | cut -d: -f1)" = "$(id -un)|from $OUT/ada.json" ]
if [ $CLINIC = 1 ]; then
	chmod 711 "$TMP"
	out=$(runuser -u "trco$SUF" -- env -i HOME="$TMP" PATH=/usr/bin:/bin TODDLE_SYSTEM_CONFIG="$TMP/staff.ini" \
		"$TODDLE" --db "$CDB" import "$OUT/ada.json" 2>&1); rc=$?
	check "clinic: a therapist who is not an admin may not import (exit 1, names the admins)" \
		eval '[ $rc -eq 1 ] && printf "%s" "$out" | grep -q "only the clinic.s admins (boss chief) or root may import"'
else skip "clinic: a therapist who is not an admin may not import" "needs root to make a clinic and a colleague"; fi

# ---- the clinic adds to the record; the family changes a goal too --------------------------
crun milestone log --child Ada cdc-4m-se-smiles-for-attention --date 2026-11-26
crun goal set "$(sql "$CDB" "SELECT id FROM goal WHERE text LIKE 'Sits%'")" --status met
crun goal set "$(sql "$CDB" "SELECT id FROM goal WHERE text LIKE 'Rolls%'")" --status dropped
crun note add --child Ada --date 2026-11-26 --minutes 30 --subjective "Clinic visit" --objective "Sits 5 s" --assessment "Progress" --plan "More"
crun event add --child Ada --date 2026-12-16 --time 11:00 --title "OT assessment"
crun export record --child Ada --output "$OUT/back.json" --include notes
check_rc "the clinic exports the record back (exit 0)" 0
if [ $have_schema = 1 ]; then
	check "... valid against the schema" "$PY" "$TMP/valid.py" "$TOP_SRCDIR/doc/record.schema.json" "$OUT/back.json"
else skip "... valid against the schema" "python3-jsonschema missing"; fi
DB=$FAM
run goal set "$(sql "$FAM" "SELECT id FROM goal WHERE text LIKE 'Rolls%'")" --status met
run import "$OUT/back.json"
check "import back exits 0: added, newer versions, one conflict named" eval '[ $rc -eq 0 ] &&
	has "added 1 milestone entry, 1 appointment, 1 session note version" && has "newer versions (the replaced ones kept): 1 goal" &&
	has "1 conflict kept as a version (ours stays): goal Rolls both ways"'
check "nothing lost or doubled: the family holds the clinic's rows, but the conflicting goal is the family's" \
	[ "$(rows "$FAM" | grep -v 'Rolls both ways')" = "$(rows "$CDB" | grep -v 'Rolls both ways')" ]
check "... the family's own version of the conflicting goal stays" [ "$(sql "$FAM" "SELECT status FROM goal WHERE text LIKE 'Rolls%'")" = met ]
check "... the replaced goal version and the clinic's conflicting one are kept" \
	[ "$(sql "$FAM" "SELECT kind || ':' || json_extract(body, '$.status') FROM row_version ORDER BY id" | tr '\n' ' ')" = "replaced:partly-met conflict:dropped " ]
check "... both are in the audit trail" [ "$(sql "$FAM" "SELECT count(*) FROM audit WHERE action IN ('replaced version kept', 'conflicting version kept')")" = 2 ]
before=$(db_dump)
run import "$OUT/back.json"
check "importing the same file again adds nothing (exit 0, says so, database unchanged)" \
	eval '[ $rc -eq 0 ] && has "nothing new" && [ "$(db_dump)" = "$before" ]'
crun import "$OUT/back.json"
check "... nor does the clinic importing its own export" eval '[ $rc -eq 0 ] && has "nothing new"'
check "kept versions are append-only" eval '! sql "$FAM" "UPDATE row_version SET body = 0" 2>/dev/null'

# ---- refusals: exit 1, one line naming what is wrong, database unchanged ------------------
refuse() { # NAME PATTERN FILE [ARGS]
	name=$1 pat=$2 file=$3; shift 3
	before=$(db_dump)
	run import "$file" "$@"
	if [ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q -- "$pat" &&
	   [ "$(db_dump)" = "$before" ]; then ok "$name"
	else not_ok "$name" "exit $rc" "stderr: $err" "expected: $pat" "database changed: $([ "$(db_dump)" = "$before" ] && echo no || echo yes)"; fi
}
printf '{"format": "toddle-record", "version": 1, "child": {' > "$OUT/cut.json"
refuse "a malformed file" "not a readable toddle record: line 1" "$OUT/cut.json"
head -c 3000 "$OUT/back.json" > "$OUT/cut.json"
refuse "a truncated file" "not a readable toddle record" "$OUT/cut.json"
printf '{"format": "vcard", "version": 1}' > "$OUT/foreign.json"
refuse "a foreign JSON file" "not a toddle record" "$OUT/foreign.json"
edit "$OUT/ada.json" 'd["version"] = 2; d["pets"] = []'
refuse "a newer format version" "newer toddle (record format version 2" "$OUT/bad.json"
edit "$OUT/ada.json" 'd["activities"][1]["minutes"] = "6"'
refuse "a wrong type, named by its JSON path" "activities\[1\].minutes must be a whole number" "$OUT/bad.json"
edit "$OUT/ada.json" 'd["activities"].append(dict(d["activities"][0], uuid="0e0e0e0e-0000-4000-8000-000000000001", activity_id="no-such-activity"))'
refuse "an unknown library id" "activities\[3\].activity_id 'no-such-activity' is not in this toddle's library" "$OUT/bad.json"
edit "$OUT/ada.json" 'd["appointments"].append(dict(d["appointments"][0], uuid="0e0e0e0e-0000-4000-8000-000000000002", day="2026-02-30"))'
refuse "a date that does not exist" "appointments\[2\].day '2026-02-30' is not a real date" "$OUT/bad.json"
edit "$OUT/ada.json" 'd["goals"].append(dict(d["goals"][0], uuid="0e0e0e0e-0000-4000-8000-000000000003", text="x" * 1001))'
refuse "an over-long text" "goals\[2\].text is too long (1001 bytes; at most 1000)" "$OUT/bad.json"
edit "$OUT/ada.json" 'd["child"]["uuid"] = "0e0e0e0e-0000-4000-8000-000000000004"; [d[k].clear() for k in ("milestones", "activities", "appointments", "classes", "goals", "program", "notes")]'
refuse "another child of the same name: refused, telling to use --as" "already called 'Ada'.*--as" "$OUT/bad.json"
run import "$OUT/bad.json" --as "Ada (cousin)"
check "... with --as it is added under that name" eval '[ $rc -eq 0 ] && has "Added Ada (cousin) from"'
