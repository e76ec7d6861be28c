#!/bin/sh
# Every --output writer (report, export csv, export ics, export record) writes
# through a temporary file of its own (mkstemp in the same folder), then renames it:
# a FILE.tmp of the person's survives, FILE is written whole, nothing is left
# behind, and a folder that cannot be written exits 2 naming the folder and
# leaves nothing in it (issue 16, item 7: report --output FILE deleted FILE.tmp).
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 21

PY=${PYTHON3:-/usr/bin/python3}
OUT="$TMP/out"
RO="$TMP/ro"
mkdir -p "$OUT" "$RO"
trap 'umount "$RO" 2>/dev/null; rm -rf "$TMP"' EXIT
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# listing DIR: the names in DIR, hidden ones too, on one line.
listing() { ls -A "$1" | tr '\n' ' '; }

run child add Ada --born 2026-01-05 && s1=$rc
run milestone log --child Ada --status achieved --date 2026-05-01 cdc-2m-se-calms && s2=$rc
run event add --child Ada --date 2026-12-01 --time 10:00 --title "Checkup"
if [ "$s1$s2$rc" = 000 ]; then ok "a child with a milestone and an event to write out"
else not_ok "a child with a milestone and an event to write out" "exits $s1 $s2 $rc: $err"; fi

# writes NAME FILE ARGS...: ARGS with --output $OUT/FILE; a FILE.tmp of the person's
# is there first. Checks exit 0, the FILE.tmp untouched, no other file left, and
# FILE the same as what the command prints to standard output (record: whole JSON).
writes() {
	name=$1 file=$2; shift 2
	rm -f "$OUT"/* "$OUT"/.[!.]* 2>/dev/null
	printf 'the person'"'"'s own notes\n' >"$OUT/$file.tmp"
	run "$@" --output "$OUT/$file"
	if [ "$rc" -eq 0 ] && [ "$(cat "$OUT/$file.tmp")" = "the person's own notes" ]; then
		ok "$name --output: exit 0 and an existing $file.tmp is left as it was"
	else not_ok "$name --output: exit 0 and an existing $file.tmp is left as it was" "exit $rc: $err" \
		"$file.tmp: $(cat "$OUT/$file.tmp" 2>&1)"; fi
	if [ "$(listing "$OUT")" = "$file $file.tmp " ]; then ok "$name --output: no temporary file is left behind"
	else not_ok "$name --output: no temporary file is left behind" "the folder holds: $(listing "$OUT")"; fi
	if [ "$1" = export ] && [ "$2" = record ]; then
		"$PY" -c 'import json, sys; d = json.load(open(sys.argv[1])); assert d' "$OUT/$file" 2>"$TMP/py"
		whole=$?
	else
		run "$@"
		[ "$rc" -eq 0 ] && [ "$(cat "$OUT/$file")" = "$out" ] && [ -n "$out" ]
		whole=$?
	fi
	if [ $whole -eq 0 ]; then ok "$name --output: the file is written whole"
	else not_ok "$name --output: the file is written whole" "$(head -c 300 "$OUT/$file")" "$(cat "$TMP/py" 2>/dev/null)"; fi
}

writes "report" r.html report --child Ada --format html
writes "export csv" m.csv export csv --child Ada --what milestones
writes "export ics" c.ics export ics --child Ada
writes "export record" ada.json export record --child Ada --include notes

# A folder that cannot be written: root may write anywhere, so it gets a read-only
# file system; anyone else a folder without write permission.
ro=0
if [ "$(id -u)" -eq 0 ]; then
	mount -t tmpfs -o ro,size=64k tmpfs "$RO" 2>/dev/null && ro=1
else
	chmod 555 "$RO" && ro=1
fi
# refuses NAME ARGS...: ARGS with --output into the unwritable folder exit 2,
# name the folder in one line, and leave nothing there.
refuses() {
	name=$1; shift
	run "$@" --output "$RO/x.out"
	if [ "$rc" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q "folder $RO"; then
		ok "$name into a folder that cannot be written: exit 2, one line naming the folder"
	else not_ok "$name into a folder that cannot be written: exit 2, one line naming the folder" "exit $rc" "$err"; fi
	if [ "$(listing "$RO")" = "" ]; then ok "$name into a folder that cannot be written: no temporary file is left"
	else not_ok "$name into a folder that cannot be written: no temporary file is left" "$(listing "$RO")"; fi
}
if [ $ro = 1 ]; then
	refuses "report" report --child Ada
	refuses "export csv" export csv --child Ada --what milestones
	refuses "export ics" export ics --child Ada
	refuses "export record" export record --child Ada
else
	for w in report "export csv" "export ics" "export record"; do
		skip "$w into a folder that cannot be written (exit 2)" "cannot make a read-only folder here"
		skip "$w into a folder that cannot be written (nothing left)" "cannot make a read-only folder here"
	done
fi
