#!/bin/sh
# Database and file failures through the real CLI: a damaged or truncated database, one
# held by another writer past the busy timeout, a full disk, a database or settings file
# that is a device or a FIFO, a folder that does not exist, 100 KB arguments, and terminal
# escape sequences stored in the database. Every refusal exits non-zero (never by a
# signal, never hangs), says what is wrong in one line on stderr, and leaves the database
# as it was.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 97

SMALL="$TMP/small"
# lib.sh removes $TMP at exit; a small tmpfs may be mounted inside it, and a helper
# sqlite3 may still hold a lock: undo both first.
holder_pid=
cleanup() {
	[ -n "$holder_pid" ] && kill "$holder_pid" 2>/dev/null
	touch "$TMP/release" 2>/dev/null
	if [ -d "$SMALL" ] && grep -q " $SMALL " /proc/mounts 2>/dev/null; then umount "$SMALL" 2>/dev/null; fi
	rm -rf "$TMP"
}
trap cleanup EXIT

skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
have_timeout=0
command -v timeout >/dev/null 2>&1 && have_timeout=1

# run_t ARGS...: like run, but ended after 10 s (exit 124 then) so a hang cannot stall make check.
run_t() {
	if [ $have_timeout = 1 ]; then
		out=$(timeout 10 "$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	else
		out=$("$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	fi
	err=$(cat "$TMP/stderr")
}

# check_rc_in NAME "RC..." : the last run ended by itself, not by a signal, with one of RC.
check_rc_in() {
	for want in $2; do
		if [ "$rc" -eq "$want" ]; then ok "$1"; return; fi
	done
	if [ "$rc" -eq 124 ]; then why="still running after 10 s (hang): ended by timeout"
	elif [ "$rc" -ge 128 ]; then why="killed by signal $((rc - 128)) (crash)"
	else why="exit $rc"; fi
	not_ok "$1" "$why, expected one of: $2" "stderr: $(printf '%s' "$err" | head -c 600)"
}

# file_sum FILE: a fingerprint of the bytes of a file (for files sqlite3 cannot dump).
file_sum() { md5sum <"$1" 2>/dev/null | cut -d' ' -f1; }

# unchanged NAME: the database dump is as it was when $before was taken.
unchanged() {
	if [ $have_sqlite = 0 ]; then skip "$1: database unchanged" "sqlite3 missing"; return; fi
	after=$(db_dump)
	if [ "$after" = "$before" ]; then ok "$1: database unchanged"
	else not_ok "$1: database unchanged" "the dump changed"; fi
}

# refused NAME "RC..." PATTERN: exit one of RC, one stderr line matching PATTERN (grep -i).
refused() {
	check_rc_in "$1: exit $(echo "$2" | sed "s/ / or /g")" "$2"
	if [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -qi -- "$3"; then
		ok "$1: one line on stderr saying '$3'"
	else
		not_ok "$1: one line on stderr saying '$3'" "stderr ($(printf '%s' "$err" | wc -c) bytes):" \
			"$(printf '%s' "$err" | head -c 700)"
	fi
}

# esc_count TEXT: how many ESC bytes (0x1b) and C1 CSI characters (U+009B) TEXT holds.
esc_count() {
	printf '%s' "$1" | od -An -v -tx1 | tr -s ' \n' '\n\n' | awk '
		$0 == "1b" { n++ } prev == "c2" && $0 == "9b" { n++ } { prev = $0 } END { print n + 0 }'
}

sql() { sqlite3 "$DB" "$1"; }

# ---- a good family database to copy from --------------------------------------------
GOOD="$TMP/good.db"
DB=$GOOD
run child add Mia --born 2026-09-10
run child add Ben --born 2026-05-01 --ga 30
i=1
while [ $i -le 12 ]; do
	run activity log --child Mia tummy-on-chest --date 2026-11-2$((i % 6)) --note "note $i"
	i=$((i + 1))
done
run milestone log --child Mia cdc-2m-se-calms --date 2026-11-20
check_rc "setup: a family database with two children and some logs" 0
good_children=$("$TODDLE" --db "$GOOD" --today "$TODAY" child list 2>/dev/null)

# ---- a damaged database: 4 KB of random bytes in the middle ------------------------------
DB="$TMP/corrupt.db"
cp "$GOOD" "$DB"
size=$(wc -c <"$DB")
page=$((size / 4096 / 2))
# damage the weekly notes' root page, which 'week' always reads (the middle page
# of the file, when the sqlite3 tool is missing, may belong to any table)
if [ $have_sqlite = 1 ]; then
	root=$(sqlite3 "$GOOD" "SELECT rootpage FROM sqlite_schema WHERE name = 'week_note'")
	[ -n "$root" ] && [ "$root" -gt 1 ] && page=$((root - 1))
fi
head -c 4096 /dev/urandom | dd of="$DB" bs=4096 seek=$page count=1 conv=notrunc 2>/dev/null
# a first byte no b-tree or overflow page can start with, so every run sees the damage
printf '\377' | dd of="$DB" bs=1 seek=$((page * 4096)) conv=notrunc 2>/dev/null
sum=$(file_sum "$DB")
seen=0 crashed=
for cmd in "child list" "week --child Mia" "activity list" "milestone list --child Mia" \
	"report --child Mia" "export csv --child Mia --what activities"; do
	# shellcheck disable=SC2086
	run_t $cmd
	if [ "$rc" -ge 124 ] || { [ "$rc" -ne 0 ] && [ "$rc" -ne 2 ]; }; then crashed="$crashed [$cmd: exit $rc: $err]"; fi
	if [ "$rc" -eq 2 ] && printf '%s' "$err" | grep -q "damaged"; then seen=$((seen + 1)); fi
done
if [ -z "$crashed" ]; then ok "damaged database: six reads end with exit 0 or 2, none crashes or hangs"
else not_ok "damaged database: six reads end with exit 0 or 2, none crashes or hangs" "$crashed"; fi
run_t week --child Mia
refused "damaged database, 'week' (reads the damaged page)" 2 "damaged"
if [ "$seen" -ge 1 ]; then ok "damaged database: reads that meet the damage say so ($seen of 6)"
else not_ok "damaged database: reads that meet the damage say so" "no read said 'damaged'"; fi
if [ "$(file_sum "$DB")" = "$sum" ]; then ok "damaged database: the reads left the file as it was"
else not_ok "damaged database: the reads left the file as it was" "its bytes changed"; fi
run_t child add Zed --born 2026-10-01
check_rc_in "damaged database: a write ends with exit 0 or 2, no crash" "0 2"

# ---- truncated databases -------------------------------------------------------------
DB="$TMP/half.db"
cp "$GOOD" "$DB"
truncate -s $((size / 2 + 100)) "$DB" 2>/dev/null ||
	{ head -c $((size / 2 + 100)) "$GOOD" >"$DB"; }
sum=$(file_sum "$DB")
run_t child list
refused "database cut to half its size (read)" 2 "damaged"
run_t activity log --child Mia tummy-on-chest --note "after the cut"
refused "database cut to half its size (write)" 2 "damaged"
if [ "$(file_sum "$DB")" = "$sum" ]; then ok "database cut to half its size: the file is left as it was"
else not_ok "database cut to half its size: the file is left as it was" "its bytes changed"; fi

DB="$TMP/header.db"
head -c 1000 "$GOOD" >"$DB"
sum=$(file_sum "$DB")
run_t child list
refused "database cut to 1,000 bytes (read)" 2 "damaged"
if [ "$(file_sum "$DB")" = "$sum" ]; then ok "database cut to 1,000 bytes: the file is left as it was"
else not_ok "database cut to 1,000 bytes: the file is left as it was" "its bytes changed"; fi

# A database of 0 bytes (a first save killed before SQLite wrote a page): reads and
# writes alike take it as a new database, as they take one with a header and no
# tables (issue 16, item 12; before, reads called it "not a toddle database" while
# writes quietly took it over). Compared with a database toddle made and then emptied.
DB="$TMP/new.db"
run_t child add Zed --born 2026-10-01
sqlite3 "$DB" "DELETE FROM child;"
run_t child list; new_list="$rc|$out|$err"
run_t week; new_week="$rc|$out|$err"
DB="$TMP/empty.db"
: >"$DB"
chmod 600 "$DB"
run_t child list
if [ "$rc|$out|$err" = "$new_list" ] && [ "$rc" -eq 0 ]; then
	ok "database of 0 bytes: child list exits 0 and lists no child, as on a new database"
else not_ok "database of 0 bytes: child list exits 0 and lists no child, as on a new database" 	"got: $rc|$out|$err" "new: $new_list"; fi
run_t week
if [ "$rc|$out|$err" = "$new_week" ] && printf '%s' "$err" | grep -q "no children yet"; then
	ok "database of 0 bytes: week says 'no children yet', as on a new database"
else not_ok "database of 0 bytes: week says 'no children yet', as on a new database" 	"got: $rc|$out|$err" "new: $new_week"; fi
: >"$DB"
run_t child add Zed --born 2026-10-01
out2=$("$TODDLE" --db "$DB" --today "$TODAY" child list 2>&1)
if [ "$rc" -eq 0 ] && [ "$out2" = "$(printf '1\tZed\t2026-10-01\t-')" ]; then
	ok "database of 0 bytes: child add makes it a database holding the child"
else not_ok "database of 0 bytes: child add makes it a database holding the child" "exit $rc $err" "$out2"; fi
DB="$TMP/text.db"
printf 'my shopping list\n' >"$DB"
chmod 600 "$DB"
sum=$(file_sum "$DB")
run_t child list
refused "a text file where the database should be (read)" 2 "text.db.*not a"
run_t child add Zed --born 2026-10-01
refused "a text file where the database should be (write)" 2 "text.db.*not a"
if [ "$(file_sum "$DB")" = "$sum" ]; then ok "a text file where the database should be: left as it was"
else not_ok "a text file where the database should be: left as it was" "its bytes changed"; fi

# ---- busy: another writer holds the database longer than the 10 s busy timeout ----------
DB="$TMP/busy.db"
cp "$GOOD" "$DB"
if [ $have_sqlite = 1 ]; then
	before=$(db_dump)
	rm -f "$TMP/release"
	{
		echo "BEGIN EXCLUSIVE;"
		k=0
		while [ ! -e "$TMP/release" ] && [ $k -lt 900 ]; do sleep 0.1; k=$((k + 1)); done
		echo "ROLLBACK;"
	} | sqlite3 "$DB" >/dev/null 2>&1 &
	holder_pid=$!
	k=0 locked=0
	# under a loaded machine (make -j2 runs the 16-writer test beside this one) the
	# holder may take a while to start: look for its lock for up to 30 s
	while [ $k -lt 300 ]; do
		if ! sqlite3 -cmd ".timeout 0" "$DB" "BEGIN IMMEDIATE; ROLLBACK;" >/dev/null 2>&1; then locked=1; break; fi
		sleep 0.1
		k=$((k + 1))
	done
	if [ $locked = 1 ]; then ok "busy: another process holds BEGIN EXCLUSIVE on the database"
	else not_ok "busy: another process holds BEGIN EXCLUSIVE on the database" "the lock was never seen"; fi
	run_t child list
	check_rc "busy: reading still works while the other writer holds it (WAL)" 0
	t0=$(date +%s)
	if [ $have_timeout = 1 ]; then
		out=$(timeout 30 "$TODDLE" --db "$DB" --today "$TODAY" activity log --child Mia tummy-on-chest \
			--note "while busy" 2>"$TMP/stderr"); rc=$?
	else
		run activity log --child Mia tummy-on-chest --note "while busy"
	fi
	err=$(cat "$TMP/stderr")
	waited=$(($(date +%s) - t0))
	touch "$TMP/release"
	wait "$holder_pid" 2>/dev/null
	holder_pid=
	refused "busy longer than the timeout (write)" 2 "busy.*try again"
	if [ "$waited" -ge 4 ] && [ "$waited" -le 25 ]; then ok "busy: it waited for the other writer (${waited} s) before giving up"
	else not_ok "busy: it waited for the other writer before giving up" "gave up after $waited s, expected the busy timeout (10 s)"; fi
	unchanged "busy, after the other writer let go"
	run activity log --child Mia tummy-on-chest --note "after the lock"
	check_rc "busy: once the lock is gone the same write succeeds" 0
else
	for what in "holds the lock" "reading works" "write: exit 2" "write: one line" "waited" "unchanged" "write after"; do
		skip "busy: $what" "sqlite3 missing"
	done
fi

# ---- disk full -------------------------------------------------------------------------
# fill DIR: write zeros into DIR/fill until the file system is full.
fill() { dd if=/dev/zero of="$1/fill" bs=4096 2>/dev/null; sync; }
mkdir -p "$SMALL"
if mount -t tmpfs -o size=2m,mode=0700 tmpfs "$SMALL" 2>/dev/null; then
	# The new database alone is about 700 KB (the content library), so 300 KB cannot hold it.
	DB="$SMALL/family.db"
	run child add Mia --born 2026-09-10
	run activity log --child Mia tummy-on-chest --note "saved before the disk filled"
	check_rc "disk full: a family database on a 2 MB tmpfs" 0
	before=$(db_dump)

	# (a) nobody else has the database open: toddle must make -wal and -shm itself
	fill "$SMALL"
	run_t activity log --child Mia tummy-on-chest --note "no room"
	refused "disk full, database not open elsewhere (write)" 2 "disk is full"
	rm -f "$SMALL/fill"
	unchanged "disk full (a), after freeing space"
	ic=$(sql "PRAGMA integrity_check" 2>&1)
	if [ "$ic" = ok ]; then ok "disk full (a): integrity_check ok after freeing space"
	else not_ok "disk full (a): integrity_check ok after freeing space" "$ic"; fi

	# (b) the database is open in another process (as when the full-screen view is open)
	rm -f "$TMP/release"
	{
		echo "SELECT count(*) FROM child;"
		k=0
		while [ ! -e "$TMP/release" ] && [ $k -lt 900 ]; do sleep 0.1; k=$((k + 1)); done
	} | sqlite3 "$DB" >/dev/null 2>&1 &
	holder_pid=$!
	k=0
	while [ ! -e "$DB-shm" ] && [ $k -lt 100 ]; do sleep 0.05; k=$((k + 1)); done
	fill "$SMALL"
	run_t activity log --child Mia tummy-on-chest --note "no room either"
	refused "disk full, database open elsewhere (write)" 2 "disk is full"
	run_t child add Ann --born 2026-10-01
	refused "disk full, database open elsewhere (child add)" 2 "disk is full"
	touch "$TMP/release"
	wait "$holder_pid" 2>/dev/null
	holder_pid=
	rm -f "$SMALL/fill"
	unchanged "disk full (b), after freeing space"
	run child list
	check_out "disk full: the child saved before is still listed" "1	Mia	2026-09-10	-"
	ic=$(sql "PRAGMA integrity_check" 2>&1)
	if [ "$ic" = ok ]; then ok "disk full (b): integrity_check ok after freeing space"
	else not_ok "disk full (b): integrity_check ok after freeing space" "$ic"; fi
	run activity log --child Mia tummy-on-chest --note "room again"
	check_rc "disk full: with space again the write succeeds" 0
	umount "$SMALL" 2>/dev/null
else
	for what in "setup" "(a) exit 2" "(a) one line" "(a) unchanged" "(a) integrity" \
		"(b) exit 2" "(b) one line" "(b) child add exit 2" "(b) child add one line" "(b) unchanged" \
		"data intact" "(b) integrity" "write after"; do
		skip "disk full: $what" "cannot mount a small tmpfs here"
	done
fi

# ---- a database that is not a regular file --------------------------------------------------
DB="$TMP/null.db"
ln -s /dev/null "$DB"
run_t child list
refused "database is a symlink to /dev/null (read)" 2 "null.db.*not a"
run_t child add Zed --born 2026-10-01
refused "database is a symlink to /dev/null (write)" 2 "null.db.*not a"
if [ -c /dev/null ] && [ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ]; then
	ok "database is a symlink to /dev/null: /dev/null intact, no -wal or -shm left"
else not_ok "database is a symlink to /dev/null: /dev/null intact, no -wal or -shm left" "$(ls -la "$TMP" /dev/null)"; fi

DB="$TMP/fifo.db"
mkfifo "$DB"
run_t child list
refused "database is a FIFO (read)" 2 "fifo.db.*not a"
run_t child add Zed --born 2026-10-01
refused "database is a FIFO (write)" 2 "fifo.db.*not a"
if [ -p "$DB" ] && [ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ]; then
	ok "database is a FIFO: still a FIFO, no -wal or -shm left"
else not_ok "database is a FIFO: still a FIFO, no -wal or -shm left" "$(ls -la "$TMP")"; fi

# ---- folders that do not exist ------------------------------------------------------------
DB="$TMP/nonexistent/dir/x.db"
run_t child add Zed --born 2026-10-01
refused "--db in a folder that does not exist (child add)" 2 "$TMP/nonexistent"
if [ ! -e "$TMP/nonexistent" ]; then ok "--db in a folder that does not exist: nothing is created"
else not_ok "--db in a folder that does not exist: nothing is created" "$(ls -laR "$TMP/nonexistent")"; fi

echo "not a folder" >"$TMP/plain.txt"
DB="$TMP/plain.txt/x.db"
run_t child add Zed --born 2026-10-01
refused "--db under a plain file (child add)" 2 "not a directory"

# The default place, $XDG_DATA_HOME/toddle/toddle.db: its folder is made, private.
fresh="$TMP/fresh-data"
out=$(XDG_DATA_HOME="$fresh" "$TODDLE" --today "$TODAY" child add Zed --born 2026-10-01 2>"$TMP/stderr"); rc=$?
err=$(cat "$TMP/stderr")
check_rc "default database path in a new XDG_DATA_HOME: child add works" 0
dmode=$(stat -c %a "$fresh/toddle" 2>/dev/null)
fmode=$(stat -c %a "$fresh/toddle/toddle.db" 2>/dev/null)
if [ "$dmode" = 700 ] && [ "$fmode" = 600 ]; then ok "default database path: folder 0700, file 0600"
else not_ok "default database path: folder 0700, file 0600" "folder ${dmode:-missing}, file ${fmode:-missing}"; fi

# ---- settings files that are not regular files --------------------------------------------
DB="$TMP/settings.db"
cp "$GOOD" "$DB"
before=$(db_dump)
mkfifo "$TMP/settings.fifo"
run_t --config "$TMP/settings.fifo" child add Zed --born 2026-10-01
refused "--config is a FIFO" "1 2" "not a regular file"
run_t --config /dev/zero child add Zed --born 2026-10-01
refused "--config /dev/zero" "1 2" "not a regular file"
mkdir -p "$XDG_CONFIG_HOME/toddle"
ln -s /dev/zero "$XDG_CONFIG_HOME/toddle/toddle.ini"
run_t child add Zed --born 2026-10-01
refused "~/.config/toddle/toddle.ini is a symlink to /dev/zero" "1 2" "not a regular file"
rm -f "$XDG_CONFIG_HOME/toddle/toddle.ini"
mkfifo "$XDG_CONFIG_HOME/toddle/toddle.ini"
run_t child add Zed --born 2026-10-01
refused "~/.config/toddle/toddle.ini is a FIFO" "1 2" "not a regular file"
rm -f "$XDG_CONFIG_HOME/toddle/toddle.ini"
run_t child list
check_rc "settings: with the FIFO gone the same command works again" 0
unchanged "settings files that are not regular files"

# ---- 100 KB arguments ------------------------------------------------------------------
DB="$TMP/long.db"
cp "$GOOD" "$DB"
before=$(db_dump)
big=$(awk 'BEGIN { while (i++ < 102400) printf "a" }')
run_t child add "$big" --born 2026-10-01
refused "100 KB child name" 1 "too long"
run_t milestone log --child Mia cdc-2m-se-calms --note "$big"
refused "100 KB milestone --note" 1 "too long"
run_t activity log --child Mia tummy-on-chest --note "$big"
refused "100 KB activity --note" 1 "too long"
run_t event add --child Mia --date 2026-11-27 --time 10:00 --title "$big"
refused "100 KB event --title" 1 "too long"
run_t week --child "$big"
refused "100 KB --child" 1 "no child called"
DB="$TMP/$big.db"
run_t child list
DB="$TMP/long.db"
refused "100 KB --db path (the reason is not cut off)" "1 2" "too long"
run_t --config "$TMP/$big.ini" child list
refused "100 KB --config path (the reason is not cut off)" "1 2" "too long"
unchanged "100 KB arguments"

# ---- escape sequences and double-width text never reach the terminal raw ----------------------
DB="$TMP/esc.db"
WIDE="Zoë 日本"
run child add "$WIDE" --born 2026-09-10
run child add Eve --born 2026-08-01
run milestone log --child Eve cdc-2m-se-calms --note "日本語のノート"
run event add --child Eve --date 2026-11-27 --time 10:00 --title "PT 日本"
run activity log --child Eve tummy-on-chest --note plain
run goal add --child Eve --text "Rolls over"
check_rc "escape text: a database with a double-width name (through the CLI)" 0
run child list
if printf '%s\n' "$out" | grep -Fq "$WIDE	2026-09-10"; then ok "double-width name comes back intact from child list"
else not_ok "double-width name comes back intact from child list" "$out"; fi
run week --child "$WIDE"
if [ "$rc" -eq 0 ] && printf '%s\n' "$out" | head -1 | grep -Fq "$WIDE:"; then ok "double-width name heads toddle week"
else not_ok "double-width name heads toddle week" "exit $rc" "$out"; fi
if [ $have_sqlite = 1 ]; then
	# CSI clear screen, OSC window title with BEL, C1 CSI, DCS: stored behind toddle's back
	EVIL="char(27)||'[2J'||char(27)||']0;pwned'||char(7)||'X'||char(155)||'31m'||char(27)||'P1;2q'"
	sql "UPDATE child SET name = 'Eve' || $EVIL WHERE name = 'Eve';
	     UPDATE milestone_log SET note = 'n' || $EVIL;
	     UPDATE activity_log SET note = 'a' || $EVIL;
	     UPDATE appointment SET title = 't' || $EVIL;
	     UPDATE goal SET text = 'g' || $EVIL;"
	evil=$(sql "SELECT name FROM child WHERE name LIKE 'Eve%'")
	if [ "$(esc_count "$evil")" -ge 3 ]; then ok "escape text: sequences stored with the sqlite3 tool"
	else not_ok "escape text: sequences stored with the sqlite3 tool" "name: $evil"; fi
	for cmd in "child list" "week" "milestone list" "event list" "goal list" "audit" "report"; do
		case $cmd in
		"child list" | audit) run $cmd ;;
		week | report) run $cmd --child "$evil" ;;
		*) run $cmd --child "$evil" ;;
		esac
		e1=$(esc_count "$out") e2=$(esc_count "$err")
		if [ "$e1" -eq 0 ] && [ "$e2" -eq 0 ] && [ "$rc" -lt 128 ]; then
			ok "escape text: 'toddle $cmd' prints no ESC or CSI byte (exit $rc)"
		else
			not_ok "escape text: 'toddle $cmd' prints no ESC or CSI byte" "exit $rc; $e1 in stdout, $e2 in stderr" \
				"$(printf '%s' "$out$err" | od -c | grep -m3 '033')"
		fi
	done
	run week --child "$WIDE"
	if [ "$(esc_count "$out$err")" -eq 0 ]; then ok "escape text: 'toddle week' for the other child prints no ESC byte"
	else not_ok "escape text: 'toddle week' for the other child prints no ESC byte" "$out"; fi
else
	skip "escape text: sequences stored with the sqlite3 tool" "sqlite3 missing"
	for cmd in "child list" "week" "milestone list" "event list" "goal list" "audit" "report" "week (other)"; do
		skip "escape text: 'toddle $cmd' prints no ESC byte" "sqlite3 missing"
	done
fi
