#!/bin/sh
# Files that are not what they should be, and output that cannot be written:
# - standard output that fails (/dev/full, closed): exit 2 with the reason on stderr;
# - a folder, FIFO or device where the database should be: exit 2 (README: 2 is a
#   database or file failure), one line naming it, nothing created beside it;
# - a FIFO or folder named *.ini in a library folder, and a settings file that is a
#   FIFO: refused with a message naming the file, never a hang.
. "$TOP_SRCDIR/tests/cli/lib.sh"

plan 34

have_timeout=0
command -v timeout >/dev/null 2>&1 && have_timeout=1
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }

# run_t ARGS...: like run, but ended after 10 s (exit 124 then) so a hang cannot stall make check.
run_t() {
	if [ $have_timeout = 1 ]; then
		out=$(timeout 10 "$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	else
		out=$("$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	fi
	err=$(cat "$TMP/stderr")
}

# refused NAME RC PATTERN: exit RC and one stderr line matching PATTERN (grep -i).
refused() {
	if [ "$rc" -eq "$2" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
		printf '%s' "$err" | grep -qi -- "$3"; then ok "$1"
	else not_ok "$1" "exit $rc (expected $2), stderr (expected one line matching '$3'):" "$err"; fi
}

run child add Ada --born 2026-07-01 --due 2026-08-26
[ "$rc" -eq 0 ] || { echo "Bail out! child add failed: $err"; exit 1; }

# ---- standard output that fails ---------------------------------------------------------------
# to_full NAME ARGS...: the command's output goes to /dev/full.
to_full() {
	name=$1; shift
	"$TODDLE" --db "$DB" --today "$TODAY" "$@" >/dev/full 2>"$TMP/stderr"; rc=$?
	err=$(cat "$TMP/stderr")
	refused "$name > /dev/full: exit 2 with the reason" 2 "output.*no space left"
}
if [ -w /dev/full ]; then
	to_full "child list" child list
	to_full "week" week
	to_full "milestone catalog" milestone catalog
	to_full "activity list" activity list
	to_full "keys --man" keys --man
	to_full "--version" --version
	to_full "--help" --help
	to_full "export csv" export csv --what milestones
	to_full "child list --help" child list --help
else
	for c in 1 2 3 4 5 6 7 8 9; do skip "output to /dev/full ($c)" "no /dev/full here"; done
fi
"$TODDLE" --db "$DB" --today "$TODAY" child list >&- 2>"$TMP/stderr"; rc=$?
err=$(cat "$TMP/stderr")
refused "child list with standard output closed: exit 2" 2 "standard output"
run child list
check_rc "child list to a good output still exits 0" 0
run child list --bogus
check_rc "a bad option still exits 1" 1

# ---- a folder, FIFO or device where the database should be ---------------------------------
# not_a_file NAME: read and write commands refuse $DB with exit 2, nothing made beside it.
not_a_file() {
	run_t child list
	refused "$1 (read): exit 2 naming it" 2 "$(basename "$DB").*not a"
	run_t child add Zed --born 2026-10-01
	refused "$1 (write): exit 2 naming it" 2 "$(basename "$DB").*not a"
	run_t week
	refused "$1 (week): exit 2 naming it" 2 "$(basename "$DB").*not a"
	if [ ! -e "$DB-wal" ] && [ ! -e "$DB-shm" ] && [ ! -e "$DB-journal" ]; then ok "$1: no -wal, -shm or -journal made"
	else not_ok "$1: no -wal, -shm or -journal made" "$(ls -la "$(dirname "$DB")")"; fi
}
DB="$TMP/folder.db"
mkdir "$DB"
not_a_file "database is a folder"
DB="$TMP/fifo.db"
mkfifo "$DB"
not_a_file "database is a FIFO"
DB="$TMP/dev.db"
ln -s /dev/zero "$DB"
not_a_file "database is a symlink to a device"
DB=/dev/null
run_t child list
refused "database is /dev/null: exit 2" 2 "/dev/null.*not a"
run_t child add Zed --born 2026-10-01
refused "database is /dev/null (write): exit 2" 2 "/dev/null.*not a"
if [ -c /dev/null ]; then ok "/dev/null is still a device"; else not_ok "/dev/null is still a device"; fi

# ---- library and settings files that are not regular files --------------------------------
DB="$TMP/family.db"
mkdir -p "$TMP/extra" "$TMP/lib"
cp "$TOP_SRCDIR"/content/*.ini "$TMP/lib/"
mkfifo "$TMP/extra/zz-pipe.ini" "$TMP/lib/zz-pipe.ini"
printf '[library]\nextra = %s\n' "$TMP/extra" >"$TMP/extra.ini"
printf '[library]\ncontent = %s\n' "$TMP/lib" >"$TMP/lib.ini"
run_t --config "$TMP/extra.ini" activity list
refused "a FIFO named *.ini in the extra library folder: left out with a warning naming it" 0 "left out.*zz-pipe.ini.*not a regular file"
run_t --config "$TMP/lib.ini" week
refused "a FIFO named *.ini in the library folder: a warning naming it, no hang" 0 "warning.*zz-pipe.ini.*not a regular file"
run_t content check "$TMP/extra"
if [ "$rc" -ne 0 ] && [ "$rc" -ne 124 ] && printf '%s' "$err$out" | grep -q "zz-pipe.ini.*not a regular file"; then
	ok "content check on a folder with a FIFO: refused, naming it"
else not_ok "content check on a folder with a FIFO: refused, naming it" "exit $rc" "$out" "$err"; fi
rm "$TMP/extra/zz-pipe.ini"
mkdir "$TMP/extra/zz-dir.ini"
run_t --config "$TMP/extra.ini" activity list
refused "a folder named *.ini in the extra library folder: left out with a warning naming it" 0 "left out.*zz-dir.ini.*not a regular file"
rmdir "$TMP/extra/zz-dir.ini"
rm -f "$TMP/lib/zz-pipe.ini"
run_t --config "$TMP/lib.ini" activity list
check_rc "with the FIFO gone the library loads again" 0

mkdir -p "$XDG_CONFIG_HOME/toddle"
mkfifo "$XDG_CONFIG_HOME/toddle/toddle.ini"
run_t child list
refused "the user's settings file is a FIFO: refused, naming it" 2 "toddle.ini.*not a regular file"
rm "$XDG_CONFIG_HOME/toddle/toddle.ini"
mkfifo "$TMP/system.ini"
export TODDLE_SYSTEM_CONFIG="$TMP/system.ini"
run_t child list
refused "the system settings file is a FIFO: refused, naming it" 2 "system.ini.*not a regular file"
