#!/bin/sh
# Bad input: every refusal exits 1 (input) or 2 (database/file), says what was wrong in one
# line on stderr, and leaves the database as it was. Harmless odd text is stored literally.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 176

TAB=$(printf '\t')
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
is_root=0
[ "$(id -u)" = 0 ] && is_root=1

# skip NAME REASON: a passing TAP line marked SKIP.
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# unchanged NAME: the database is as it was when $before was taken.
unchanged() {
	if [ $have_sqlite = 0 ]; then skip "$1: database unchanged" "sqlite3 missing"; return; fi
	after=$(db_dump)
	if [ "$after" = "$before" ]; then ok "$1: database unchanged"
	else not_ok "$1: database unchanged" "the dump changed"; fi
}

# refused NAME RC PATTERN: exit RC, one stderr line matching PATTERN, database unchanged.
refused() {
	check_rc "$1: exit $2" "$2"
	check_err "$1: one line on stderr naming the problem" "$3"
	unchanged "$1"
}

# try NAME RC PATTERN ARGS...: snapshot the database, run toddle ARGS, check it refused.
try() {
	t_name=$1 t_rc=$2 t_pat=$3
	shift 3
	before=$(db_dump)
	run "$@"
	refused "$t_name" "$t_rc" "$t_pat"
}

# sql QUERY: values from the test database.
sql() { sqlite3 "$DB" "$1"; }

# ---- a family to refuse things to ----------------------------------------
run child add Cy --born 2026-09-10
check_rc "setup: a database with one child (born 2026-09-10)" 0

# ---- dates ---------------------------------------------------------------
try "--born 2026-02-30" 1 "--born '2026-02-30' is not a real date" child add Zed --born 2026-02-30
try "--born 2026-13-01" 1 "--born '2026-13-01' is not a real date" child add Zed --born 2026-13-01
try "--born yesterday" 1 "--born 'yesterday' is not a real date" child add Zed --born yesterday
try "--born ''" 1 "--born '' is not a real date" child add Zed --born ""
try "birth date in the future" 1 "birth date 2026-11-27 is in the future" child add Zed --born 2026-11-27
try "milestone dated before birth" 1 "2026-09-09 is before Cy's birth date" \
	milestone log cdc-2m-se-calms --date 2026-09-09
try "milestone dated in the future" 1 "2026-11-27 is in the future" \
	milestone log cdc-2m-se-calms --date 2026-11-27
try "milestone --date 2026-02-30" 1 "--date '2026-02-30' is not a real date" \
	milestone log cdc-2m-se-calms --date 2026-02-30
# 2026-07-01 + 141 days = 2026-11-19: one day past the 20-week limit.
try "due date more than 20 weeks after birth" 1 "more than 20 weeks after the birth date" \
	child add Zed --born 2026-07-01 --due 2026-11-19
try "--due and --ga together" 1 "give --due or --ga, not both" \
	child add Zed --born 2026-07-01 --due 2026-08-26 --ga 32
try "--ga abc" 1 "gestational age 'abc'" child add Zed --born 2026-07-01 --ga abc
try "--ga 50 (out of 22-44)" 1 "gestational age '50'" child add Zed --born 2026-07-01 --ga 50
try "--ga 32+7 (days past 6)" 1 "gestational age '32+7'" child add Zed --born 2026-07-01 --ga 32+7

# ---- text ----------------------------------------------------------------
try "empty name" 1 "name is empty" child add "" --born 2026-09-01
try "blank name" 1 "name is empty" child add "   " --born 2026-09-01
long=$(awk 'BEGIN { while (i++ < 10240) printf "a" }')
try "10 KB name" 1 "name is too long" child add "$long" --born 2026-09-01
try "invalid UTF-8 in a name" 1 "name is not valid UTF-8" child add "$(printf 'A\377B')" --born 2026-09-01
try "ESC sequence in a milestone note" 1 "--note holds a control character" \
	milestone log cdc-2m-se-calms --note "$(printf 'hi \033[2J\033]0;x\007')"
try "ESC sequence in an activity note" 1 "--note holds a control character" \
	activity log read-aloud --note "$(printf 'hi \033[31mred')"
try "bidi override U+202E in a note" 1 "--note holds a control character" \
	milestone log cdc-2m-se-calms --note "$(printf 'abc \342\200\256def')"

# ---- the command line ----------------------------------------------------
try "unknown global option" 1 "unknown option '--bogus'" --bogus child list
try "unknown option of a subcommand" 1 "unknown option '--bogus'" child list --bogus
try "unknown command" 1 "unknown command 'frob'" frob
try "unknown subcommand" 1 "unknown subcommand" child frob
try "milestone log without ID" 1 "missing argument" milestone log
try "child add without --born" 1 "--born YYYY-MM-DD is required" child add Zed
try "--db without a value" 1 "option '--db' needs a value" --db
try "--child without a value" 1 "option '--child' needs a value" milestone list --child
try "extra argument" 1 "unexpected argument 'extra'" child list extra
try "unknown milestone id" 1 "no milestone 'cdc-99m-nope'" milestone log cdc-99m-nope
try "unknown activity id (show)" 1 "no activity 'nope'" activity show nope
try "unknown activity id (log)" 1 "no activity 'nope'" activity log nope
try "--status bogus" 1 "--status 'bogus' must be achieved, emerging or not-yet" \
	milestone log cdc-2m-se-calms --status bogus
try "--result bogus" 1 "--result 'bogus' must be done, hard or skipped" \
	activity log read-aloud --result bogus
try "--minutes -5" 1 "--minutes must be a whole number from 0 to 600" activity log read-aloud --minutes -5
try "--minutes 601" 1 "--minutes must be a whole number from 0 to 600" activity log read-aloud --minutes 601
try "--minutes abc" 1 "--minutes must be a whole number from 0 to 600" activity log read-aloud --minutes abc
try "--child for a child that does not exist" 1 "no child called 'nobody'" week --child nobody

# ---- settings files (--config) -------------------------------------------
cfg="$TMP/cfg"
mkdir -p "$cfg"
try "--config missing file (a file failure)" 2 "cannot read settings file $cfg/missing.ini" \
	--config "$cfg/missing.ini" child add "Zz$n" --born 2026-09-01

printf '[child]\ncorrect_until_months 12\n' >"$cfg/malformed.ini"
try "--config malformed line" 1 "settings file $cfg/malformed.ini" \
	--config "$cfg/malformed.ini" child add "Zz$n" --born 2026-09-01

printf '[ui]\ncolour = never\n' >"$cfg/unknown.ini"
run --config "$cfg/unknown.ini" child list
check_rc "--config unknown key: still exit 0" 0
check_err "--config unknown key: one warning line naming it" "warning: .*unknown setting ui.colour"
check_out "--config unknown key: the command still runs" "1${TAB}Cy${TAB}2026-09-10${TAB}-"

printf '[child]\ncorrect_until_months = 49\n' >"$cfg/range.ini"
try "--config value out of range" 1 "child.correct_until_months = \"49\" is not a whole number from 0 to 48" \
	--config "$cfg/range.ini" child add "Zz$n" --born 2026-09-01

printf '[ui]\nascii = maybe\n' >"$cfg/type.ini"
try "--config value of the wrong type" 1 "ui.ascii = \"maybe\" must be true or false" \
	--config "$cfg/type.ini" child add "Zz$n" --born 2026-09-01

# A line of 1,010 characters: over the documented 1,000.
{ printf '[data]\ndatabase = /tmp/'; awk 'BEGIN { while (i++ < 995) printf "x" }'; printf '\n'; } >"$cfg/long1010.ini"
try "--config line of 1,010 characters" 1 "$cfg/long1010.ini" \
	--config "$cfg/long1010.ini" child add "Zz$n" --born 2026-09-01
{ printf '[data]\ndatabase = /tmp/'; awk 'BEGIN { while (i++ < 1985) printf "x" }'; printf '\n'; } >"$cfg/long2000.ini"
try "--config line of 2,000 characters" 1 "$cfg/long2000.ini" \
	--config "$cfg/long2000.ini" child add "Zz$n" --born 2026-09-01

printf '[child]\ncorrect_until_months =\n' >"$cfg/novalue.ini"
try "--config missing value" 1 "correct_until_months has no value" \
	--config "$cfg/novalue.ini" child add "Zz$n" --born 2026-09-01

printf '[ui:color]\n' >"$cfg/colon.ini"
run --config "$cfg/colon.ini" child list
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "--config [ui:color] section: no crash (exit $rc)"
else not_ok "--config [ui:color] section: no crash" "exit $rc" "stderr: $err"; fi
printf '[ui:color]\ncolor = always\nascii\n' >"$cfg/colon2.ini"
run --config "$cfg/colon2.ini" child list
if [ "$rc" -eq 0 ] || [ "$rc" -eq 1 ]; then ok "--config [ui:color] with keys under it: no crash (exit $rc)"
else not_ok "--config [ui:color] with keys under it: no crash" "exit $rc" "stderr: $err"; fi

printf '[ui]\ncolor = never\n' >"$cfg/open.ini"
chmod 666 "$cfg/open.ini"
try "--config world-writable file" 2 "can be changed by anyone" \
	--config "$cfg/open.ini" child add "Zz$n" --born 2026-09-01

printf '[ui]\ncolor = never\n' >"$cfg/unreadable.ini"
chmod 000 "$cfg/unreadable.ini"
if [ $is_root = 1 ]; then
	skip "--config unreadable file: exit 2" "root ignores permissions"
	skip "--config unreadable file: one line on stderr naming the problem" "root ignores permissions"
	skip "--config unreadable file: database unchanged" "root ignores permissions"
else
	try "--config unreadable file" 2 "$cfg/unreadable.ini" \
		--config "$cfg/unreadable.ini" child add "Zz$n" --born 2026-09-01
fi

# ---- databases -------------------------------------------------------------
FAMILY=$DB

DB="$TMP/fresh/none.db"
run child list
check_rc "no database yet: exit 1" 1
check_err "no database yet: one line on stderr saying so" "no database at $DB"
if [ ! -e "$DB" ] && [ ! -e "$TMP/fresh" ]; then ok "no database yet: neither the file nor its folder is created"
else not_ok "no database yet: neither the file nor its folder is created" "$(ls -la "$TMP/fresh" 2>&1)"; fi

DB="$TMP/notadb.db"
echo "this is a shopping list, not a database" >"$DB"
cp "$DB" "$TMP/notadb.orig"
run child list
check_rc "text file as database (read): exit 2" 2
check_err "text file as database (read): one line naming the problem" "not a toddle database"
run child add Zed --born 2026-09-01
check_rc "text file as database (write): exit 2" 2
check_err "text file as database (write): one line naming the problem" "not a toddle database"
if cmp -s "$DB" "$TMP/notadb.orig" && [ ! -e "$DB-wal" ] && [ ! -e "$DB-journal" ]; then
	ok "text file as database: the file is untouched"
else not_ok "text file as database: the file is untouched" "$(ls -la "$TMP")"; fi

DB="$TMP/ro/family.db"
mkdir -p "$TMP/ro"
run child add Ro --born 2026-09-10
if [ $is_root = 1 ]; then
	for what in "read-only database file" "read-only database folder"; do
		skip "$what: exit 2" "root ignores permissions"
		skip "$what: one line on stderr naming the problem" "root ignores permissions"
		skip "$what: database unchanged" "root ignores permissions"
	done
else
	before=$(db_dump)
	chmod 400 "$DB"
	run child add Zed --born 2026-09-01
	chmod 600 "$DB"
	refused "read-only database file" 2 "read-only"
	before=$(db_dump)
	chmod 555 "$TMP/ro"
	run milestone log cdc-2m-se-calms
	chmod 755 "$TMP/ro"
	refused "read-only database folder" 2 "folder $TMP/ro is not writable"
fi

DB="$TMP/newer.db"
run child add New --born 2026-09-10
if [ $have_sqlite = 1 ]; then
	sql "PRAGMA user_version=99" >/dev/null
	try "database from a newer toddle (read)" 2 "newer" child list
	try "database from a newer toddle (write)" 2 "newer" milestone log cdc-2m-se-calms
	v=$(sql "PRAGMA user_version")
	if [ "$v" = 99 ]; then ok "database from a newer toddle: its version is left at 99"
	else not_ok "database from a newer toddle: its version is left at 99" "now $v"; fi
else
	for what in "database from a newer toddle (read)" "database from a newer toddle (write)"; do
		skip "$what: exit 2" "sqlite3 missing"
		skip "$what: one line on stderr naming the problem" "sqlite3 missing"
		skip "$what: database unchanged" "sqlite3 missing"
	done
	skip "database from a newer toddle: its version is left at 99" "sqlite3 missing"
fi

# ---- odd text that is fine: stored literally, harmless ----------------------
DB=$FAMILY
TABLE_LIST="SELECT group_concat(name, ' ') FROM (SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name)"
[ $have_sqlite = 1 ] && tables_before=$(sql "$TABLE_LIST")
BOBBY="Robert'); DROP TABLE child;--"
run child add "$BOBBY" --born 2026-09-01
check_rc "quotes and SQL in a name: accepted (exit 0)" 0
bobby_id=$(printf '%s\n' "$out" | sed -n "s/^\([0-9][0-9]*\)${TAB}.*/\1/p")
check_out "quotes and SQL in a name: child add prints it literally" "${bobby_id:-?}${TAB}$BOBBY"
run child list
if printf '%s\n' "$out" | grep -Fxq -- "${bobby_id:-?}${TAB}$BOBBY${TAB}2026-09-01${TAB}-" &&
   printf '%s\n' "$out" | grep -Fxq -- "1${TAB}Cy${TAB}2026-09-10${TAB}-"; then
	ok "quotes and SQL in a name: child list shows it literally, beside the others"
else not_ok "quotes and SQL in a name: child list shows it literally, beside the others" "got:" "$out"; fi
if [ $have_sqlite = 1 ]; then
	tables=$(sql "$TABLE_LIST")
	if [ -n "$tables" ] && [ "$tables" = "$tables_before" ] && printf '%s' "$tables" | grep -qw child; then ok "quotes and SQL in a name: every table is intact"
	else not_ok "quotes and SQL in a name: every table is intact" "tables: $tables"; fi
	stored=$(sql "SELECT count(*) FROM child WHERE name = 'Robert''); DROP TABLE child;--'")
	if [ "$stored" = 1 ]; then ok "quotes and SQL in a name: stored byte for byte"
	else not_ok "quotes and SQL in a name: stored byte for byte" "matching rows: $stored"; fi
else
	skip "quotes and SQL in a name: every table is intact" "sqlite3 missing"
	skip "quotes and SQL in a name: stored byte for byte" "sqlite3 missing"
fi

run milestone log --child Cy cdc-2m-lc-sounds --note "שלום, מה נשמע"
check_rc "Hebrew (right-to-left) note: accepted (exit 0)" 0
if [ $have_sqlite = 1 ]; then
	note=$(sql "SELECT note FROM milestone_log WHERE milestone_id = 'cdc-2m-lc-sounds'")
	if [ "$note" = "שלום, מה נשמע" ]; then ok "Hebrew note: stored as typed"
	else not_ok "Hebrew note: stored as typed" "stored: $note"; fi
else skip "Hebrew note: stored as typed" "sqlite3 missing"; fi
run milestone log --child Cy cdc-2m-lc-loud-sounds --note "مرحبا 日本語"
check_rc "Arabic and double-width note: accepted (exit 0)" 0
