#!/bin/sh
# Edges a break-it run found (issue 16, item 14):
# - an INI file (settings or library) that starts with a UTF-8 byte-order mark is read;
# - a folder that cannot be written is named as such (not blamed on the file), exit 2;
# - an XDG_* or HOME path too long for toddle says so (exit 2), never "HOME is not set" or silence;
# - events and goal targets before the child's birth are refused (exit 1, database unchanged),
#   with the same words as every other dated entry;
# - a date more than CHILD_MAX_YEARS (6) after birth for a child's age is refused (exit 1).
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 36

have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# refused NAME RC PATTERN: exit RC and one stderr line matching PATTERN (grep).
refused() {
	if [ "$rc" -eq "$2" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		printf '%s' "$err" | grep -q -- "$3"; then ok "$1"
	else not_ok "$1" "exit $rc (expected $2), stderr (expected one line matching '$3'):" "$err"; fi
}

# unchanged NAME: the database is as it was when $before was taken.
unchanged() {
	if [ $have_sqlite = 0 ]; then skip "$1: database unchanged" "sqlite3 missing"; return; fi
	if [ "$(db_dump)" = "$before" ]; then ok "$1: database unchanged"
	else not_ok "$1: database unchanged" "the dump changed"; fi
}

BOM=$(printf '\357\273\277')
run child add Ava --born 2026-06-01
[ "$rc" -eq 0 ] || { echo "Bail out! child add failed: $err"; exit 1; }

# ---- a) a byte-order mark at the start of an INI file ----------------------------------------
mkdir -p "$XDG_CONFIG_HOME/toddle"
printf '%s[data]\ndatabase = %s\n' "$BOM" "$TMP/bom.db" >"$XDG_CONFIG_HOME/toddle/toddle.ini"
out=$("$TODDLE" --today "$TODAY" child add Bea --born 2026-06-01 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
if [ $rc -eq 0 ] && [ -z "$err" ] && [ -f "$TMP/bom.db" ]; then
	ok "a settings file starting with a byte-order mark is read (its database setting applies)"
else not_ok "a settings file starting with a byte-order mark is read (its database setting applies)" "exit $rc" "$err"; fi
printf '%s# my settings\n[ui]\ncolor never\n' "$BOM" >"$XDG_CONFIG_HOME/toddle/toddle.ini"
run child list
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "settings file $XDG_CONFIG_HOME/toddle/toddle.ini: .*$XDG_CONFIG_HOME/toddle/toddle.ini (3)" &&
   ! printf '%s' "$err" | grep -q '(1)'; then
	ok "a bad line in a file with a byte-order mark is named by the file and its own line number (not line 1)"
else not_ok "a bad line in a file with a byte-order mark is named by the file and its own line number (not line 1)" "exit $rc" "$err"; fi
if ls "${TMPDIR:-/tmp}" | grep -q '^toddle-ini'; then not_ok "no temporary copy of the settings is left behind"
else ok "no temporary copy of the settings is left behind"; fi
printf '%s[ui]\ncolour = never\n' "$BOM" >"$XDG_CONFIG_HOME/toddle/toddle.ini"
run child list
refused "a file with a byte-order mark still warns about an unknown key, naming the real file" 0 \
	"$XDG_CONFIG_HOME/toddle/toddle.ini: unknown setting ui.colour"
rm "$XDG_CONFIG_HOME/toddle/toddle.ini"
mkdir -p "$TMP/extra"
{ printf '%s' "$BOM"; cat "$TOP_SRCDIR/content/classes.ini"; } | sed 's/^\[class \([a-z0-9-]*\)\]/[class zz-\1]/' >"$TMP/extra/zz.ini"
run content check "$TMP/extra"
if [ $rc -eq 0 ] && ! printf '%s' "$out$err" | grep -q ':1:'; then ok "a library file starting with a byte-order mark passes content check"
else not_ok "a library file starting with a byte-order mark passes content check" "exit $rc" "$out" "$err"; fi

# ---- c) paths too long for toddle -------------------------------------------------------------
LONG=/$(printf '%01100d' 0)
out=$(XDG_DATA_HOME=$LONG "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "an over-long XDG_DATA_HOME says so with its length and the limit, exit 2" 2 \
	"XDG_DATA_HOME is too long (1101 bytes; at most [0-9]*)"
out=$(XDG_CONFIG_HOME=$LONG "$TODDLE" --db "$DB" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "an over-long XDG_CONFIG_HOME is not skipped silently: exit 2, named" 2 \
	"XDG_CONFIG_HOME is too long (1101 bytes; at most [0-9]*)"
out=$(env -u XDG_DATA_HOME HOME=$LONG "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "an over-long HOME (no XDG_DATA_HOME) says HOME is too long, exit 2" 2 "HOME is too long (1101 bytes; at most [0-9]*)"
out=$(env -u XDG_DATA_HOME -u HOME "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "no HOME at all still says HOME is not set (exit 1, as before)" 1 "HOME is not set"
MAXOK=/$(printf '%0900d' 0)
out=$(XDG_DATA_HOME=$MAXOK "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
if ! printf '%s' "$err" | grep -q "too long"; then ok "a long XDG_DATA_HOME that fits is used (no 'too long')"
else not_ok "a long XDG_DATA_HOME that fits is used (no 'too long')" "$err"; fi

# ---- d) dated entries before the child's birth -------------------------------------------------
before=$(db_dump)
run event add --date 2026-05-31 --time 10:00 --title 'Too early'
refused "event add before the birth: exit 1, naming the date and the birth date" 1 \
	"2026-05-31 is before Ava's birth date 2026-06-01"
unchanged "event add before the birth"
run event add --date 2026-06-01 --time 10:00 --title 'On the day'
check_rc "event add on the birth date itself is fine" 0
EV=$out
before=$(db_dump)
run event edit "$EV" --date 2026-01-15
refused "event edit moving it before the birth: exit 1, naming both dates" 1 \
	"2026-01-15 is before Ava's birth date 2026-06-01"
unchanged "event edit before the birth"
run goal add --text 'Sits alone' --target 2026-05-01
refused "goal add with a target before the birth: exit 1, naming both dates" 1 \
	"2026-05-01 is before Ava's birth date 2026-06-01"
unchanged "goal add with a target before the birth"
run activity log tummy-on-chest --date 2026-05-31
refused "activity log before the birth: the same words" 1 "2026-05-31 is before Ava's birth date 2026-06-01"
run milestone log cdc-2m-se-calms --date 2026-05-31
refused "milestone log before the birth: the same words" 1 "2026-05-31 is before Ava's birth date 2026-06-01"
run note add --date 2026-05-31 --minutes 30 --subjective s --objective o --assessment a --plan p
refused "note add before the birth: the same words" 1 "2026-05-31 is before Ava's birth date 2026-06-01"
run program add --activity tummy-on-chest --times 2 --per day --from 2026-05-31
refused "program add from before the birth: the same words" 1 "2026-05-31 is before Ava's birth date 2026-06-01"
unchanged "entries before the birth"

# ---- e) dates past the years toddle follows a child -------------------------------------------
run week --date 2999-12-31
refused "week --date 2999-12-31 is refused (not '973 years'), naming the last date" 1 \
	"2999-12-31 is more than 6 years after Ava's birth date 2026-06-01.*2032-06-01"
run week --date 2032-06-01
check_rc "week --date on the last day followed (6 years) is shown" 0
run week --date 2032-06-02
refused "week --date a day after that is refused" 1 "2032-06-02 is more than 6 years after Ava's birth date"
out=$("$TODDLE" --db "$DB" --today 2999-12-31 week 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "--today 2999-12-31 week is refused" 1 "2999-12-31 is more than 6 years after Ava's birth date"
out=$("$TODDLE" --db "$DB" --today 2999-12-31 milestone list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "--today 2999-12-31 milestone list is refused" 1 "2999-12-31 is more than 6 years after"
out=$("$TODDLE" --db "$DB" --today 2999-12-31 report 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
refused "--today 2999-12-31 report is refused" 1 "2999-12-31 is more than 6 years after"
run week --date 2026-05-31
refused "week --date before the birth: the same words as other dates" 1 "2026-05-31 is before Ava's birth date 2026-06-01"
out=$("$TODDLE" --db "$DB" --today 2999-12-31 child list 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
check_rc "--today far ahead is fine where no child's age is worked out (child list)" 0
out=$("$TODDLE" --db "$DB" --today 2040-01-01 child edit Ava --name Ava 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
check_rc "... and for an edit of an older child that keeps the birth date (child edit)" 0

# ---- b) a folder that cannot be written --------------------------------------------------------
# As root, run toddle as nobody (setpriv); a user without root runs it as themselves.
AS=
if [ "$(id -u)" -eq 0 ]; then
	if command -v setpriv >/dev/null 2>&1; then AS="setpriv --reuid=65534 --regid=65534 --clear-groups"; else AS=none; fi
	chmod 755 "$TMP"
fi
# as ARGS...: toddle as the unprivileged person, output in $out/$err.
as() {
	out=$($AS "$TODDLE" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}
if [ "$AS" = none ]; then
	for i in 1 2 3 4 5; do skip "read-only folders" "root without setpriv"; done
else
	mkdir -p "$TMP/ro" "$TMP/ro2" "$TMP/out"
	cp "$DB" "$TMP/ro2/family.db"
	[ "$(id -u)" -eq 0 ] && chown -R 65534 "$TMP/ro" "$TMP/ro2" "$TMP/out"
	chmod 555 "$TMP/ro" "$TMP/ro2"
	as --db "$TMP/ro/new.db" child add Cy --born 2026-06-01
	refused "a new database in a folder that cannot be written: the folder is named, exit 2" 2 \
		"cannot create database $TMP/ro/new.db: the folder $TMP/ro is not writable"
	as --db "$TMP/ro2/family.db" child list
	refused "a database whose folder cannot be written: the folder is blamed, not the file" 2 \
		"the folder $TMP/ro2 is not writable"
	if ! printf '%s' "$err" | grep -q "file's permissions"; then ok "... and the file's permissions are not blamed"
	else not_ok "... and the file's permissions are not blamed" "$err"; fi
	chmod 755 "$TMP/ro2"
	as --db "$TMP/ro2/family.db" report --output "$TMP/ro/r.html"
	refused "report --output into a folder that cannot be written names the folder, exit 2" 2 \
		"cannot write $TMP/ro/r.html: the folder $TMP/ro is not writable"
	out=$(XDG_DATA_HOME="$TMP/ro/data" $AS "$TODDLE" --today "$TODAY" child add Cy --born 2026-06-01 2>"$TMP/stderr")
	rc=$?; err=$(cat "$TMP/stderr")
	refused "the data folder cannot be made: names the folder that is not writable, exit 2" 2 \
		"cannot create folder $TMP/ro/data: the folder $TMP/ro is not writable"
	chmod 755 "$TMP/ro"
fi
