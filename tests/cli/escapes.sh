#!/bin/sh
# Stored text never reaches a terminal raw: an ESC sequence (a window title
# and a screen clear) and a C1 control are planted with sqlite3 in every text
# column the commands read, then every listing, show, report and export
# (text formats) runs; no output may hold an ESC or a C1 control (U+0080..
# U+009F, or a raw byte 0x80..0x9F that is not part of a UTF-8 character).
# A settings file with the same bytes must not echo them either.
. "$TOP_SRCDIR/tests/cli/lib.sh"
if ! command -v sqlite3 >/dev/null 2>&1 || [ ! -x /usr/bin/python3 ]; then
	echo "1..0 # SKIP sqlite3 or python3 missing"; exit 0
fi

# Build a record with one of everything through the CLI.
run child add Ana --born 2026-03-01
run milestone log --child Ana cdc-6m-se-laughs --status not-yet --date 2026-10-05 --note "n"
run activity log --child Ana tummy-forearm-prop --date 2026-11-24 --note "n"
run event add --child Ana --date 2026-12-03 --time 10:30 --title "PT" --place "p" --with "w"
run event add --child Ana --date 2026-11-20 --title "Past"
run goal add --child Ana --text "g" --target 2027-01-01
run program add --child Ana --activity tummy-forearm-prop --times 2 --per day --from 2026-11-23
run note add --child Ana --date 2026-11-25 --minutes 30 --subjective s --objective o --assessment a --plan p
run assign --child Ana --therapist zz-alice --discipline pt

# plant DB BAD: BAD (an SQL expression) in every text column of DB.
plant() {
	who="('zz-alice'||char(27)||'[2J'||char(155))"
	BAD=$2
	sqlite3 "$1" >>"$TMP/plant.err" 2>&1 <<-SQL
	PRAGMA foreign_keys = OFF;
	UPDATE child SET name = 'Ana' || $BAD, created_by = $who, updated_by = $who;
	UPDATE milestone_log SET note = $BAD, created_by = $who;
	UPDATE activity_log SET note = $BAD, created_by = $who;
	UPDATE appointment SET title = $BAD, place = $BAD, with_whom = $BAD, created_by = $who, updated_by = $who;
	UPDATE goal SET text = $BAD, created_by = $who, updated_by = $who;
	UPDATE program SET created_by = $who;
	INSERT INTO program(uuid, child_id, activity_id, times, per, start, created_at, created_by)
	  VALUES('u-prog-bad', 1, 'tummy' || $BAD, 1, 'day', '2026-11-01', '2026-11-01T00:00:00Z', $who);
	INSERT INTO activity_log(uuid, child_id, activity_id, day, result, created_at, created_by)
	  VALUES('u-act-bad', 1, 'tummy' || $BAD, '2026-11-25', 'done', '2026-11-25T00:00:00Z', $who);
	INSERT INTO session_note(uuid, note_uuid, version, child_id, day, minutes, discipline,
	  subjective, objective, assessment, plan, created_at, created_by)
	  SELECT 'u-note-bad', note_uuid, 2, child_id, day, minutes, 'pt' || $BAD, $BAD, $BAD, $BAD, $BAD,
	  '2026-11-25T10:00:00Z', $who FROM session_note;
	UPDATE assignment SET created_by = $who;
	INSERT INTO assignment(uuid, child_id, therapist, discipline, created_at, created_by)
	  VALUES('u-assign-bad', 1, $who, 'ot', '2026-11-01T00:00:00Z', $who);
	INSERT INTO audit(at, who, child_id, action, detail)
	  VALUES('2026-11-25T00:00:00Z' || $BAD, $who, 1, 'x' || $BAD, $BAD);
	UPDATE activity SET domain = 'motor' || $BAD, discipline = 'pt' || $BAD, title = $BAD,
	  materials = $BAD, steps = $BAD, why = $BAD, easier = $BAD, harder = $BAD, safety = $BAD
	  WHERE id = 'tummy-forearm-prop';
	UPDATE concern SET helps = $BAD, title = $BAD, about = $BAD;
	UPDATE milestone SET text = $BAD WHERE id = 'cdc-6m-se-laughs';
	UPDATE class SET title = $BAD, sections = $BAD, steps = $BAD, source = $BAD;
	UPDATE guide SET title = $BAD, body = $BAD, source = $BAD;
	UPDATE week_note SET title = $BAD, typical = $BAD, focus = $BAD, can_wait = $BAD, source = $BAD;
	SQL
}
# An OSC window title, a screen clear, a CSI as C1 (U+009B) and a raw 0x9B byte;
# the copy for export record (JSON holds UTF-8 only) gets all but the raw byte.
cp "$DB" "$TMP/valid.db"
plant "$DB" "('x'||char(27)||']0;pwned'||char(7)||char(27)||'[2J'||char(155)||cast(x'9b' as text)||'y')"
plant "$TMP/valid.db" "('x'||char(27)||']0;pwned'||char(7)||char(27)||'[2J'||char(155)||'y')"
[ -s "$TMP/plant.err" ] && { echo "1..1"; not_ok "planting the escapes" "$(cat "$TMP/plant.err")"; exit 0; }

# has_raw FILE: prints where FILE holds an ESC or a C1 control.
has_raw() {
	/usr/bin/python3 - "$1" <<'PY'
import sys
s = open(sys.argv[1], 'rb').read().decode('utf-8', 'surrogateescape')
bad = [c for c in s if c == '\x1b' or '\x80' <= c <= '\x9f' or '\udc80' <= c <= '\udc9f']
if bad:
    print(' '.join('%04x' % (ord(c) & 0xff if ord(c) >= 0xdc00 else ord(c)) for c in bad[:6]))
PY
}

CHILD="Ana"
export ESC_DB="$DB"
set -- \
	"child list" \
	"week --child CHILD" \
	"week --child CHILD --picks" \
	"week --child CHILD --date 2026-11-20" \
	"milestone list --child CHILD" \
	"milestone list --child CHILD --flagged" \
	"milestone list --child CHILD --unanswered" \
	"milestone list --child CHILD --history cdc-6m-se-laughs" \
	"milestone catalog --age 6" \
	"activity list --child CHILD" \
	"activity list --child CHILD --week 30" \
	"activity show tummy-forearm-prop" \
	"event list --child CHILD" \
	"event list --child CHILD --from 2026-01-01 --to 2027-12-31" \
	"note list --child CHILD" \
	"note list --child CHILD --all-versions" \
	"goal list --child CHILD" \
	"program list --child CHILD" \
	"program list --child CHILD --all" \
	"caseload --all" \
	"caseload --all --sort flags" \
	"caseload --therapist zz-alice" \
	"audit" \
	"audit --child CHILD" \
	"class list" \
	"guide" \
	"report --child CHILD --format text --for parent" \
	"report --child CHILD --format text --for doctor" \
	"report --child CHILD --format text --for therapist --include goals,program,activities" \
	"report --child CHILD --format text --for school" \
	"export csv --child CHILD --what milestones" \
	"export csv --child CHILD --what activities" \
	"export csv --child CHILD --what appointments" \
	"export csv --child CHILD --what goals" \
	"export csv --child CHILD --what notes" \
	"export csv --child CHILD --what program" \
	"export csv --child CHILD --what audit" \
	"export ics --child CHILD"
name=$(sqlite3 "$DB" "SELECT name FROM child")
classes=$(sqlite3 "$DB" "SELECT id FROM class ORDER BY sort LIMIT 2")
topics=$(sqlite3 "$DB" "SELECT id FROM guide ORDER BY sort LIMIT 2")
plan $(($# + $(echo $classes $topics | wc -w) + 4))

# check CMD...: runs toddle CMD (CHILD stands for the planted name) and checks both outputs.
check() {
	label="$*"
	first=1
	for a in "$@"; do
		if [ $first = 1 ]; then set --; first=0; fi
		[ "$a" = CHILD ] && a=$name
		set -- "$@" "$a"
	done
	"$TODDLE" --db "$DB" --today "$TODAY" "$@" >"$TMP/out" 2>"$TMP/err"; rc=$?
	cat "$TMP/out" "$TMP/err" >"$TMP/both"
	found=$(has_raw "$TMP/both")
	if [ -n "$found" ]; then not_ok "$label: no raw escape" "leaked: $found"
	elif [ $rc -ne 0 ] || [ ! -s "$TMP/out" ]; then not_ok "$label: no raw escape" "exit $rc, $(wc -c <"$TMP/out") bytes out" "$(cat "$TMP/err")"
	else ok "$label: no raw escape"; fi
}
for c in "$@"; do
	# shellcheck disable=SC2086
	check $c
done
for c in $classes; do check class show "$c"; done
for t in $topics; do check guide "$t"; done

# export record writes JSON to a file, to move the record whole: ESC is written
# as \u001b; a C1 character is valid JSON text and is kept as it was stored.
"$TODDLE" --db "$TMP/valid.db" --today "$TODAY" export record --include notes --output "$TMP/rec.json" 2>"$TMP/err"
found=$(has_raw "$TMP/rec.json" | tr ' ' '\n' | grep -v 009b)
if [ -z "$found" ] && [ -s "$TMP/rec.json" ] && grep -qi 'u001b' "$TMP/rec.json"; then ok "export record: no raw ESC"
else not_ok "export record: no raw ESC" "leaked: $found" "$(cat "$TMP/err")"; fi

# a settings file whose bad line holds the bytes: the message is cleaned
printf '[display]\n\033]0;pwned\007\033[2J\302\233\233 = 1\n' >"$TMP/bad.ini"
"$TODDLE" --db "$DB" --config "$TMP/bad.ini" --today "$TODAY" child list >"$TMP/out" 2>"$TMP/err"; rc=$?
found=$(has_raw "$TMP/err")
if [ -z "$found" ] && [ -s "$TMP/err" ]; then ok "a bad settings line is reported cleaned (exit $rc)"
else not_ok "a bad settings line is reported cleaned" "leaked: $found" "$(cat "$TMP/err")"; fi
printf '[ui]\ncolor = \033]0;pwned\007\033[2J\302\233\233\n' >"$TMP/bad2.ini"
"$TODDLE" --db "$DB" --config "$TMP/bad2.ini" --today "$TODAY" child list >"$TMP/out" 2>"$TMP/err"; rc=$?
cat "$TMP/out" "$TMP/err" >"$TMP/both"
found=$(has_raw "$TMP/both")
if [ -z "$found" ] && [ $rc -eq 1 ] && grep -q 'ui.color = ' "$TMP/err"; then ok "a bad settings value stops toddle with the value cleaned"
else not_ok "a bad settings value stops toddle with the value cleaned" "leaked: $found, exit $rc" "$(cat "$TMP/err")"; fi

# the rule that keeps it so: in src/cli every string is printed by cli_put,
# cli_put_lines or cli_fail (src/cli/cli.c); the usage table (cli_usage.c) is
# fixed text. A printf with %s, or fputs/puts of anything but a literal, is a
# stored value one edit away from reaching the terminal raw.
found=$(cd "$TOP_SRCDIR/src/cli" && grep -n 'printf([^;]*%s\|fputs(\|[^f]puts(' *.c |
	grep -v '^cli\.c:\|^cli_usage\.c:\|snprintf\|buf_printf' |
	grep -v 'fputs("[^"]*"\( BINDIR "[^"]*"\)\{0,1\}, std\|[^f]puts("[^"]*")')
if [ -z "$found" ]; then ok "src/cli prints strings only through cli_put, cli_put_lines or cli_fail"
else not_ok "src/cli prints strings only through cli_put, cli_put_lines or cli_fail" "$found"; fi
