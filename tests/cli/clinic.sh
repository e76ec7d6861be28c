#!/bin/sh
# Clinic mode through the CLI: clinic init, the permission checks on a shared
# database, caseloads, reassigning and deleting (admins only), SOAP notes,
# goals, home programs and the audit trail.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 107

TAB=$(printf '\t')
ME=$(id -un)
OTHER=zz-other          # another therapist's login (need not exist: assignments name logins)
THIRD=zz-third
TODAY=2026-11-26        # a Thursday: its week runs from Monday 2026-11-23 to Sunday 2026-11-29
MON=2026-11-23 TUE=2026-11-24 WED=2026-11-25 SUN_BEFORE=2026-11-22
have_sqlite=0
command -v sqlite3 >/dev/null 2>&1 && have_sqlite=1
sql() { sqlite3 "$DB" "$1"; }
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# skip_n COUNT WHAT REASON: COUNT skipped cases.
skip_n() { i=0; while [ $i -lt "$1" ]; do i=$((i + 1)); skip "$2 ($i of $1)" "$3"; done; }
# dump_of FILE: a fingerprint of everything stored in FILE.
dump_of() { sqlite3 "$1" .dump 2>/dev/null | grep -v '^INSERT INTO meta' | md5sum; }
# col N [NAME]: column N of the last output (of NAME's row, by column 2).
col() { printf '%s\n' "$out" | awk -F'\t' -v c="$1" -v name="${2-}" 'name == "" || $2 == name { print $c }'; }
lines() { if [ -z "$out" ]; then echo 0; else printf '%s\n' "$out" | wc -l; fi; }

# refuse NAME PATTERN ARGS...: exit 1, one line on stderr matching PATTERN, nothing stored changed.
refuse() {
	name=$1 pattern=$2; shift 2
	before=$(db_dump)
	run "$@"
	after=$(db_dump)
	if [ "$rc" -eq 1 ] && [ -z "$out" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
	   printf '%s' "$err" | grep -q -- "$pattern" && [ "$before" = "$after" ]; then
		ok "$name"
	else
		not_ok "$name" "exit $rc (expected 1)" "stdout: $out" "stderr: $err (expected one line matching '$pattern')" \
			"database $( [ "$before" = "$after" ] && echo unchanged || echo CHANGED)"
	fi
}

# ---- groups for a clinic: throwaway ones, made as root -----------------------------
# The staff group holds the people (root, and a colleague made here); the data
# group, which no person is in, owns the clinic's files.
G='' STAFF='' WRONG_G=''
WHY="needs root to make throwaway groups and a colleague's login"
[ $have_sqlite = 1 ] || WHY="sqlite3 missing"
if [ "$(id -u)" -eq 0 ] && [ $have_sqlite = 1 ] && command -v groupadd >/dev/null 2>&1 &&
   command -v useradd >/dev/null 2>&1; then
	SUF=$(printf '%s' "$$" | tail -c 5)
	trap 'userdel "tco$SUF" >/dev/null 2>&1; groupdel "tcst$SUF" >/dev/null 2>&1; groupdel "tcdt$SUF" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
	# root joins the (throwaway) staff group too, so that it can be assigned children
	if groupadd "tcst$SUF" && groupadd "tcdt$SUF" && useradd -M -N -g "tcst$SUF" "tco$SUF" &&
	   gpasswd -a root "tcst$SUF" >/dev/null; then
		STAFF=tcst$SUF G=tcdt$SUF OTHER=tco$SUF WRONG_G=root
	fi
fi
NOGROUP=toddlenogrp$$
while getent group "$NOGROUP" >/dev/null 2>&1; do NOGROUP=${NOGROUP}x; done

CDIR="$TMP/clinic"
CDB="$CDIR/toddle.db"
# Clinic settings come only from the system file (here named by TODDLE_SYSTEM_CONFIG).
cat > "$TMP/clinic.ini" <<INI
[data]
database = $CDB
[clinic]
group = $STAFF
data_group = $G
admins = boss chief
INI
sed 's/^admins = .*/admins = "boss '"$ME"'"/' "$TMP/clinic.ini" > "$TMP/admin.ini"
# crun SYSTEM-SETTINGS ARGS...: toddle on the clinic database with those system settings.
crun() {
	cfg=$1; shift
	out=$(TODDLE_SYSTEM_CONFIG="$cfg" "$TODDLE" --db "$CDB" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}

# ---- clinic init ---------------------------------------------------------------
"$TODDLE" clinic init "$TMP/c2" --group "$NOGROUP" --data-group "${NOGROUP}d" >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "$NOGROUP" "$TMP/err" && [ ! -e "$TMP/c2" ] && ! getent group "${NOGROUP}d" >/dev/null; then
	ok "clinic init with a missing group is refused (exit 1), names the group, and makes nothing (not even the data group)"
else not_ok "clinic init with a missing group is refused (exit 1), names the group, and makes nothing (not even the data group)" \
	"exit $rc" "stderr: $(cat "$TMP/err")" "folder made: $( [ -e "$TMP/c2" ] && echo yes || echo no)" \
	"data group made: $(getent group "${NOGROUP}d" || echo no)"; groupdel "${NOGROUP}d" 2>/dev/null; fi
"$TODDLE" clinic init relative/dir --group "${STAFF:-users}" >"$TMP/out" 2>"$TMP/err"; rc=$?
if [ $rc -eq 1 ] && grep -q "absolute" "$TMP/err" && [ ! -e relative ]; then
	ok "clinic init with a relative folder is refused (exit 1) and asks for an absolute path"
else not_ok "clinic init with a relative folder is refused (exit 1) and asks for an absolute path" \
	"exit $rc" "stderr: $(cat "$TMP/err")"; fi

if [ -n "$G" ]; then
	TODDLE_SYSTEM_CONFIG="$TMP/init-system.ini" "$TODDLE" clinic init "$CDIR" --group "$STAFF" --data-group "$G" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	if [ $rc -eq 0 ]; then ok "clinic init DIR --group STAFF --data-group G exits 0"
	else not_ok "clinic init DIR --group STAFF --data-group G exits 0" "exit $rc" "stderr: $(cat "$TMP/err")"; fi
	got=$(stat -c '%a %G' "$CDIR" 2>&1)
	if [ "$got" = "2770 $G" ]; then ok "the clinic folder is 2770 (setgid) and belongs to group $G"
	else not_ok "the clinic folder is 2770 (setgid) and belongs to group $G" "stat says: $got"; fi
	got=$(stat -c '%a %G' "$CDB" 2>&1)
	if [ "$got" = "660 $G" ]; then ok "the clinic database is 0660 and belongs to group $G"
	else not_ok "the clinic database is 0660 and belongs to group $G" "stat says: $got"; fi
	S=$TMP/init-system.ini
	if grep -qx '\[data\]' "$S" && grep -qx "database = $CDB" "$S" && grep -qx '\[clinic\]' "$S" &&
	   grep -qx "group = $STAFF" "$S" && grep -qx "data_group = $G" "$S" && grep -q "Wrote $S" "$TMP/out"; then
		ok "clinic init writes the system settings ([data] database, [clinic] group and data_group) and says so"
	else not_ok "clinic init writes the system settings ([data] database, [clinic] group and data_group) and says so" \
		"$(cat "$TMP/out")" "$(cat "$S" 2>&1)"; fi
	if [ "$(sqlite3 "$CDB" 'PRAGMA journal_mode' 2>&1)" = wal ] &&
	   [ "$(sqlite3 "$CDB" "SELECT count(*) FROM sqlite_schema WHERE name IN ('assignment','session_note','goal','program','audit')" 2>&1)" = 5 ]; then
		ok "the new database is in WAL mode and has the clinic tables"
	else not_ok "the new database is in WAL mode and has the clinic tables" \
		"journal_mode: $(sqlite3 "$CDB" 'PRAGMA journal_mode' 2>&1)" "tables: $(sqlite3 "$CDB" .tables 2>&1)"; fi
	before=$(dump_of "$CDB")
	TODDLE_SYSTEM_CONFIG="$TMP/init-system.ini" "$TODDLE" clinic init "$CDIR" --group "$STAFF" --data-group "$G" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	if [ $rc -eq 1 ] && [ -s "$TMP/err" ] && [ "$before" = "$(dump_of "$CDB")" ]; then
		ok "a second clinic init into the same folder is refused (exit 1) and leaves the database alone"
	else not_ok "a second clinic init into the same folder is refused (exit 1) and leaves the database alone" \
		"exit $rc" "stderr: $(cat "$TMP/err")" "database $( [ "$before" = "$(dump_of "$CDB")" ] && echo unchanged || echo CHANGED)"; fi

	# a folder in use is never taken over: no chgrp, no chmod, nothing made in it
	BUSY="$TMP/busy"
	mkdir "$BUSY" && echo "someone's notes" > "$BUSY/notes.txt" && chmod 0750 "$BUSY" && chmod 0640 "$BUSY/notes.txt"
	busy_before=$(stat -c '%a %U %G' "$BUSY" "$BUSY/notes.txt"; ls -A "$BUSY"; md5sum < "$BUSY/notes.txt")
	TODDLE_SYSTEM_CONFIG="$TMP/busy-system.ini" "$TODDLE" clinic init "$BUSY" --group "$STAFF" --data-group "$G" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	busy_after=$(stat -c '%a %U %G' "$BUSY" "$BUSY/notes.txt"; ls -A "$BUSY"; md5sum < "$BUSY/notes.txt")
	if [ $rc -eq 1 ] && grep -q "$BUSY exists and is not empty" "$TMP/err" && [ "$busy_before" = "$busy_after" ] &&
	   [ ! -e "$TMP/busy-system.ini" ]; then
		ok "clinic init on a folder that is not empty is refused (exit 1), and its group, mode and contents stay"
	else not_ok "clinic init on a folder that is not empty is refused (exit 1), and its group, mode and contents stay" \
		"exit $rc" "stderr: $(cat "$TMP/err")" "before: $busy_before" "after: $busy_after"; fi
	# an empty folder is fine: it gets its group and mode once the database is in it
	mkdir "$TMP/empty" && chmod 0755 "$TMP/empty"
	TODDLE_SYSTEM_CONFIG="$TMP/empty-system.ini" "$TODDLE" clinic init "$TMP/empty" --group "$STAFF" --data-group "$G" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	got=$(stat -c '%a %G' "$TMP/empty" "$TMP/empty/toddle.db" 2>&1 | tr '\n' ' ')
	if [ $rc -eq 0 ] && [ "$got" = "2770 $G 660 $G " ]; then ok "clinic init on an empty folder makes the clinic there"
	else not_ok "clinic init on an empty folder makes the clinic there" "exit $rc" "stat: $got" "stderr: $(cat "$TMP/err")"; fi
	# a link where the folder should be is refused and the folder it names is untouched
	mkdir "$TMP/target" && chmod 0755 "$TMP/target" && ln -s "$TMP/target" "$TMP/linked"
	TODDLE_SYSTEM_CONFIG="$TMP/linked-system.ini" "$TODDLE" clinic init "$TMP/linked" --group "$STAFF" --data-group "$G" \
		>"$TMP/out" 2>"$TMP/err"; rc=$?
	if [ $rc -eq 1 ] && grep -q "$TMP/linked is a symbolic link" "$TMP/err" && [ "$(stat -c '%a %U %G' "$TMP/target")" = "755 root root" ] &&
	   [ -z "$(ls -A "$TMP/target")" ]; then
		ok "clinic init on a symbolic link is refused (exit 1), names it, and leaves the folder it names alone"
	else not_ok "clinic init on a symbolic link is refused (exit 1), names it, and leaves the folder it names alone" \
		"exit $rc" "stderr: $(cat "$TMP/err")" "target: $(stat -c '%a %U %G' "$TMP/target") $(ls -A "$TMP/target")"; fi
else
	skip_n 9 "clinic init: modes, group and printed settings" "$WHY"
fi

# ---- permission refusals (toddle checks the mode bits, so they hold for root too) ----
# perm_refused NAME PATTERN: every command exits 2, with a message matching PATTERN, changing nothing.
perm_refused() {
	before=$(dump_of "$CDB") bad=
	for cmd in "child list" "caseload --all" "audit" "child add Newborn --born 2026-11-01"; do
		# shellcheck disable=SC2086
		crun "$TMP/clinic.ini" $cmd
		[ "$rc" -eq 2 ] || bad="$bad${bad:+; }'$cmd' exited $rc"
	done
	if [ -z "$bad" ] && [ "$before" = "$(dump_of "$CDB")" ]; then ok "$1: every command exits 2, nothing changed"
	else not_ok "$1: every command exits 2, nothing changed" "$bad" "stderr: $err"; fi
	crun "$TMP/clinic.ini" child list
	check_err "$1: the message says how to fix it" "$2"
}
if [ -n "$G" ]; then
	crun "$TMP/clinic.ini" child add Eve --born 2026-05-01
	check_rc "with [clinic] group set, the database from clinic init opens and takes a child" 0
	chmod o+r "$CDB"
	perm_refused "database readable by others (o+r)" "chmod 660 $CDB"
	chmod 0660 "$CDB"
	chmod o+w "$CDB"
	perm_refused "database writable by others (o+w)" "chmod 660 $CDB"
	chmod 0660 "$CDB"
	chmod 0640 "$CDB"
	perm_refused "database the group cannot write (0640)" "chmod 660"
	chmod 0660 "$CDB"
	# chmod 0770 keeps a folder's setgid bit (GNU chmod): g-s really clears it.
	chmod g-s "$CDIR"
	if [ "$(stat -c %a "$CDIR")" = 770 ]; then
		perm_refused "folder without setgid (0770)" "chgrp $G $CDIR && chmod 2770 $CDIR"
	else skip_n 2 "folder without setgid" "cannot clear the setgid bit here"; fi
	chmod 2770 "$CDIR"
	chmod o+rx "$CDIR"
	perm_refused "folder open to others (o+rx)" "chmod o-rwx"
	chmod 2770 "$CDIR"
	if [ -n "$WRONG_G" ] && chgrp "$WRONG_G" "$CDB" 2>/dev/null; then
		perm_refused "database in the wrong group ($WRONG_G)" "chgrp $G $CDB"
	else skip_n 2 "database in the wrong group" "needs a second group to chgrp to"; fi
	chgrp "$G" "$CDB"
	crun "$TMP/clinic.ini" child list
	if [ $rc -eq 0 ] && [ "$(col 2)" = Eve ] && [ -z "$err" ]; then
		ok "with modes and group restored, commands work again and warn about nothing"
	else not_ok "with modes and group restored, commands work again and warn about nothing" "exit $rc" "out: $out" "err: $err"; fi

	# a symbolic link to the clinic's database or folder is never followed
	before=$(dump_of "$CDB")
	ln -s "$CDB" "$CDIR/link.db"
	sed "s|^database = .*|database = $CDIR/link.db|" "$TMP/clinic.ini" > "$TMP/link.ini"
	out=$(TODDLE_SYSTEM_CONFIG="$TMP/link.ini" "$TODDLE" --today "$TODAY" child add Linda --born 2026-11-01 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
	if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "clinic database $CDIR/link.db is a symbolic link" &&
	   [ "$before" = "$(dump_of "$CDB")" ]; then
		ok "clinic mode: a database that is a symbolic link is refused (exit 2), named, and nothing is saved"
	else not_ok "clinic mode: a database that is a symbolic link is refused (exit 2), named, and nothing is saved" \
		"exit $rc" "stderr: $err"; fi
	ln -s "$CDIR" "$TMP/clinic-link"
	sed "s|^database = .*|database = $TMP/clinic-link/toddle.db|" "$TMP/clinic.ini" > "$TMP/dirlink.ini"
	out=$(TODDLE_SYSTEM_CONFIG="$TMP/dirlink.ini" "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
	if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "clinic folder $TMP/clinic-link is a symbolic link" && [ -z "$out" ]; then
		ok "clinic mode: a clinic folder that is a symbolic link is refused (exit 2) and named"
	else not_ok "clinic mode: a clinic folder that is a symbolic link is refused (exit 2) and named" "exit $rc" "stderr: $err"; fi
	out=$(TODDLE_SYSTEM_CONFIG="$TMP/link.ini" "$TODDLE" clinic check 2>"$TMP/stderr"); rc=$?
	if [ $rc -eq 2 ] && printf '%s' "$out" | grep -q "clinic database $CDIR/link.db is a symbolic link"; then
		ok "clinic check reports a database that is a symbolic link"
	else not_ok "clinic check reports a database that is a symbolic link" "exit $rc" "$out"; fi
	rm -f "$CDIR/link.db" "$TMP/clinic-link"

	# a clinic database is made by clinic init, never on the fly
	sed "s|^database = .*|database = $CDIR/typo.db|" "$TMP/clinic.ini" > "$TMP/typo.ini"
	out=$(TODDLE_SYSTEM_CONFIG="$TMP/typo.ini" "$TODDLE" --today "$TODAY" child add Newborn --born 2026-11-01 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
	if [ $rc -ne 0 ] && [ ! -e "$CDIR/typo.db" ] && [ ! -e "$CDIR/typo.db-wal" ]; then
		ok "clinic mode: a database path that does not exist is refused, not created (even by child add)"
	else not_ok "clinic mode: a database path that does not exist is refused, not created (even by child add)" \
		"exit $rc" "stderr: $err" "$(ls "$CDIR")"; fi
	if printf '%s' "$err" | grep -q "clinic init" && ! printf '%s' "$err" | grep -q "child add"; then
		ok "clinic mode: that refusal points to 'toddle clinic init', not to 'child add' (which is refused too)"
	else not_ok "clinic mode: that refusal points to 'toddle clinic init', not to 'child add' (which is refused too)" \
		"stderr: $err"; fi
	sed "s|^database = .*|database = $TMP/nowhere/sub/toddle.db|" "$TMP/clinic.ini" > "$TMP/nowhere.ini"
	out=$(TODDLE_SYSTEM_CONFIG="$TMP/nowhere.ini" "$TODDLE" --today "$TODAY" child list 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
	if [ $rc -eq 2 ] && [ ! -e "$TMP/nowhere" ]; then
		ok "clinic mode: a database in a folder that does not exist is refused (exit 2) and no folder is made"
	else not_ok "clinic mode: a database in a folder that does not exist is refused (exit 2) and no folder is made" \
		"exit $rc" "stderr: $err"; fi
else
	skip_n 20 "permission refusals on a clinic database" "$WHY"
fi

# household mode: a readable database is only warned about
run child add Ava --born 2026-10-20
got=$(stat -c %a "$DB")
chmod 0644 "$DB"
run child list
if [ $rc -eq 0 ] && [ "$(col 2)" = Ava ] && printf '%s' "$err" | grep -q "warning" &&
   printf '%s' "$err" | grep -q "chmod 600 $DB"; then
	ok "household mode: a 0644 database works, with a warning on stderr saying 'chmod 600'"
else not_ok "household mode: a 0644 database works, with a warning on stderr saying 'chmod 600'" "exit $rc" "out: $out" "err: $err"; fi
chmod 0600 "$DB"
run child list
if [ "$got" = 600 ] && [ $rc -eq 0 ] && [ -z "$err" ]; then
	ok "household mode: the database is made 0600 and then nothing is warned"
else not_ok "household mode: the database is made 0600 and then nothing is warned" "mode was $got" "err: $err"; fi

# ---- caseload (household database: no group needed) -----------------------------
# Ava is the youngest; Cal, born early, is the oldest but the youngest by corrected
# age, so name, age and flags give three different orders.
run child add Ben --born 2026-03-01
run child add Cal --born 2026-02-01 --due 2026-05-20
run assign --child Ava --therapist "$ME" --discipline pt
a1=$rc
run assign --child Ava --therapist "$THIRD" --discipline ot
a2=$rc
run assign --child Ben --therapist "$ME" --discipline ot
a3=$rc
run assign --child Cal --therapist "$OTHER" --discipline speech
if [ $a1$a2$a3$rc = 0000 ]; then ok "assign exits 0 for new assignments"
else not_ok "assign exits 0 for new assignments" "exits: $a1 $a2 $a3 $rc" "last stderr: $err"; fi
run event add --child Ben --date 2026-12-03 --time 10:30 --title 'PT visit'
run event add --child Ben --date 2026-11-20 --time 09:00 --title 'Earlier visit'
run event add --child Ben --date 2026-12-10 --time 08:00 --title 'Later visit'
run program add --child Ava --activity tummy-on-chest --times 2 --per day --from $MON
for d in $MON $TUE $WED; do run activity log --child Ava tummy-on-chest --date "$d"; done
run activity log --child Ava tummy-on-chest --date $TUE --result skipped
run activity log --child Ava tummy-on-chest --date $SUN_BEFORE
run activity log --child Ava open-little-hands --date $WED
# answers of "not yet" after the checklist age make the flags: Ben two, Cal one, Ava none
run milestone log --child Ben cdc-4m-lc-coos --status not-yet --date $MON
run milestone log --child Ben cdc-6m-se-laughs --status not-yet --date $MON
run milestone log --child Cal cdc-4m-lc-coos --status not-yet --date $MON

run caseload
if [ $rc -eq 0 ] && [ "$(col 2 | tr '\n' ' ')" = "Ava Ben " ]; then ok "caseload shows only my children (Ava, Ben), by name"
else not_ok "caseload shows only my children (Ava, Ben), by name" "exit $rc" "$out" "$err"; fi
if printf '%s\n' "$out" | awk -F'\t' 'NF != 9 { bad = 1 } END { exit bad }'; then
	ok "caseload lines have 9 columns"
else not_ok "caseload lines have 9 columns" "$out"; fi
run caseload --all
if [ $rc -eq 0 ] && [ "$(col 2 | tr '\n' ' ')" = "Ava Ben Cal " ]; then ok "caseload --all shows all three"
else not_ok "caseload --all shows all three" "exit $rc" "$out" "$err"; fi
all=$out
cal_id=$("$TODDLE" --db "$DB" child list 2>/dev/null | awk -F'\t' '$2 == "Cal" { print $1 }')
if [ -n "$cal_id" ] && [ "$(col 1 Cal)" = "$cal_id" ] &&
   [ "$(col 3 Ben)" = "8 months (38 weeks)" ] && [ "$(col 4 Ben)" = "-" ] && [ "$(col 4 Cal)" != "-" ] && [ -n "$(col 4 Cal)" ]; then
	ok "caseload: ID, NAME, AGE, and CORRECTED only for the child born early"
else not_ok "caseload: ID, NAME, AGE, and CORRECTED only for the child born early" "$out"; fi
if [ "$(col 5 Ava)" = "ot:$THIRD pt:$ME" ] && [ "$(col 5 Ben)" = "ot:$ME" ] && [ "$(col 5 Cal)" = "speech:$OTHER" ]; then
	ok "caseload TEAM: discipline:login, every current therapist, by discipline"
else not_ok "caseload TEAM: discipline:login, every current therapist, by discipline" "$out"; fi
run caseload --therapist "$OTHER"
if [ $rc -eq 0 ] && [ "$(col 2 | tr '\n' ' ')" = "Cal " ]; then ok "caseload --therapist $OTHER shows that therapist's child"
else not_ok "caseload --therapist $OTHER shows that therapist's child" "exit $rc" "$out" "$err"; fi
run caseload --therapist nobody-here
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "caseload of a therapist without children is empty"
else not_ok "caseload of a therapist without children is empty" "exit $rc" "$out"; fi
out=$all
bad=
for c in Ava Ben Cal; do
	f=$(col 7 $c)
	want=$("$TODDLE" --db "$DB" --today "$TODAY" milestone list --flagged --child $c 2>/dev/null | wc -l)
	case $f in ''|*[!0-9]*) bad="$bad $c:'$f' is not a number";; esac
	[ "$f" = "$want" ] || bad="$bad $c:$f (milestone list --flagged: $want)"
done
if [ -z "$bad" ] && [ "$(col 7 Ben)" -gt "$(col 7 Cal)" ] && [ "$(col 7 Cal)" -gt "$(col 7 Ava)" ]; then
	ok "caseload FLAGS is a number: the child's 'milestone list --flagged' count"
else not_ok "caseload FLAGS is a number: the child's 'milestone list --flagged' count" "$bad" "$all"; fi
run caseload --all --sort name
a=$(col 2 | tr '\n' ' ')
run caseload --all --sort age
b=$(col 2 | tr '\n' ' ')
run caseload --all --sort flags
c=$(col 2 | tr '\n' ' ')
if [ "$a" = "Ava Ben Cal " ] && [ "$b" = "Cal Ben Ava " ] && [ "$c" = "Ben Cal Ava " ]; then
	ok "caseload --sort name / age (oldest first) / flags (most first)"
else not_ok "caseload --sort name / age (oldest first) / flags (most first)" "name: $a" "age: $b" "flags: $c"; fi
run caseload --all --sort next
if [ "$(col 2 | head -1)" = Ben ]; then ok "caseload --sort next puts the child with an appointment first"
else not_ok "caseload --sort next puts the child with an appointment first" "$out"; fi
run caseload --all --sort wrong
check_rc "caseload --sort with an unknown key is refused" 1
out=$all
if [ "$(col 6 Ben)" = "2026-12-03 10:30" ] && [ "$(col 6 Ava)" = - ] && [ "$(col 6 Cal)" = - ]; then
	ok "caseload NEXT: the next appointment from today (event add), or -"
else not_ok "caseload NEXT: the next appointment from today (event add), or -" "$out"; fi
if [ "$(col 9 Ava)" = 3/14 ] && [ "$(col 9 Ben)" = - ] && [ "$(col 9 Cal)" = - ]; then
	ok "caseload THIS WEEK: 3 done of 14 planned (2 a day from Monday; skipped, last week and other activities left out)"
else not_ok "caseload THIS WEEK: 3 done of 14 planned (2 a day from Monday; skipped, last week and other activities left out)" "$out"; fi
if [ "$(col 8 Ava)" = 1 ] && [ "$(col 8 Ben)" = - ]; then
	ok "caseload IDLE_DAYS: days since the home program was last logged, or -"
else not_ok "caseload IDLE_DAYS: days since the home program was last logged, or -" "$out"; fi
run assign --child Ben --therapist "$ME" --discipline ot --end
run caseload
if [ $rc -eq 0 ] && [ "$(col 2 | tr '\n' ' ')" = "Ava " ]; then ok "after assign --end the child leaves my caseload"
else not_ok "after assign --end the child leaves my caseload" "$out" "$err"; fi
refuse "assign --end of an assignment that does not exist is refused" "not assigned" \
	assign --child Ben --therapist "$ME" --discipline ot --end
refuse "assign with an unknown discipline is refused" "pt, ot or speech" \
	assign --child Ben --therapist "$ME" --discipline music
refuse "assign to a login that cannot be one is refused" "not a Unix login" \
	assign --child Ben --therapist 'a b;c' --discipline pt

# ---- reassigning and deleting: clinic admins only ------------------------------
if [ -n "$G" ]; then
	crun "$TMP/clinic.ini" child add Dan --born 2026-06-01
	crun "$TMP/clinic.ini" assign --child Dan --therapist "$OTHER" --discipline pt
	check_rc "a non-admin may assign a child nobody has for that discipline" 0
	before=$(dump_of "$CDB")
	crun "$TMP/clinic.ini" assign --child Dan --therapist "$ME" --discipline pt
	if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "clinic admin" && [ "$before" = "$(dump_of "$CDB")" ]; then
		ok "a non-admin cannot take over another therapist's child (exit 1, names clinic admins, nothing changed)"
	else not_ok "a non-admin cannot take over another therapist's child (exit 1, names clinic admins, nothing changed)" \
		"exit $rc" "stderr: $err" "database $( [ "$before" = "$(dump_of "$CDB")" ] && echo unchanged || echo CHANGED)"; fi
	crun "$TMP/admin.ini" assign --child Dan --therapist "$ME" --discipline pt
	check_rc "with admins = \"boss $ME\", the reassignment succeeds" 0
	crun "$TMP/admin.ini" audit --child Dan
	if printf '%s\n' "$out" | grep -q "^[^$TAB]*$TAB$ME${TAB}Dan${TAB}assignment ended$TAB$OTHER (pt)\$" &&
	   [ "$(printf '%s\n' "$out" | cut -f4 | tail -2 | tr '\n' '|')" = "assignment ended|assigned|" ]; then
		ok "the old assignment is ended: the audit shows 'assignment ended' by me, then 'assigned'"
	else not_ok "the old assignment is ended: the audit shows 'assignment ended' by me, then 'assigned'" "$out"; fi
	crun "$TMP/admin.ini" caseload --all
	if [ "$(col 5 Dan)" = "pt:$ME" ]; then ok "after the reassignment the TEAM is pt:$ME alone"
	else not_ok "after the reassignment the TEAM is pt:$ME alone" "$out"; fi

	# ending someone else's assignment is the first half of a reassignment
	crun "$TMP/clinic.ini" assign --child Eve --therapist "$OTHER" --discipline ot
	before=$(dump_of "$CDB")
	crun "$TMP/clinic.ini" assign --child Eve --therapist "$OTHER" --discipline ot --end
	if [ $rc -eq 1 ] && [ "$before" = "$(dump_of "$CDB")" ]; then
		ok "a non-admin cannot end another therapist's assignment either (exit 1, nothing changed)"
	else not_ok "a non-admin cannot end another therapist's assignment either (exit 1, nothing changed)" \
		"exit $rc" "stderr: $err" "database $( [ "$before" = "$(dump_of "$CDB")" ] && echo unchanged || echo CHANGED)"; fi

	crun "$TMP/clinic.ini" note add --child Dan --date 2026-11-20 --subjective s --objective o --assessment a --plan p
	dan_id=$(sqlite3 "$CDB" "SELECT id FROM child WHERE name = 'Dan'")
	before=$(dump_of "$CDB")
	crun "$TMP/clinic.ini" child delete Dan
	if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "clinic admin" && [ "$before" = "$(dump_of "$CDB")" ]; then
		ok "child delete by a non-admin is refused (exit 1, names clinic admins, nothing changed)"
	else not_ok "child delete by a non-admin is refused (exit 1, names clinic admins, nothing changed)" \
		"exit $rc" "stderr: $err"; fi
	crun "$TMP/admin.ini" child delete Dan
	check_rc "child delete by an admin exits 0" 0
	crun "$TMP/admin.ini" child list
	left=$(sqlite3 "$CDB" "SELECT (SELECT count(*) FROM assignment WHERE child_id = $dan_id)
		+ (SELECT count(*) FROM session_note WHERE child_id = $dan_id)")
	if [ "$(col 2 | tr '\n' ' ')" = "Eve " ] && [ "$left" = 0 ] && [ -z "$(sqlite3 "$CDB" 'PRAGMA foreign_key_check')" ]; then
		ok "the deleted child and its notes and assignments are gone"
	else not_ok "the deleted child and its notes and assignments are gone" "children: $out" "rows left: $left"; fi
	crun "$TMP/admin.ini" audit
	if printf '%s\n' "$out" | awk -F'\t' -v me="$ME" '$2 == me && $4 == "child deleted" && $5 == "Dan" { f = 1 } END { exit !f }'; then
		ok "the audit keeps a 'child deleted' row naming the child and who deleted it"
	else not_ok "the audit keeps a 'child deleted' row naming the child and who deleted it" "$out"; fi
	# a child added later must not inherit the deleted child's trail (its id may be reused)
	crun "$TMP/admin.ini" child add Fay --born 2026-07-01
	crun "$TMP/admin.ini" audit --child Fay
	if [ "$(printf '%s\n' "$out" | cut -f4-5)" = "child added${TAB}Fay, born 2026-07-01" ]; then
		ok "a child added after a deletion has only its own audit trail"
	else not_ok "a child added after a deletion has only its own audit trail" "audit --child Fay:" "$out"; fi
else
	skip_n 11 "reassigning and deleting in a clinic" "$WHY"
fi

# ---- notes -------------------------------------------------------------------------
run note add --child Ava --date $TUE --minutes 40 --discipline pt --subjective 'Parent says she fusses on her tummy' \
	--objective 'Lifts head 2 s' --assessment 'Below what we hoped' --plan 'Tummy time on chest 2x a day'
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^[0-9][0-9]*${TAB}1\$"; then ok "note add prints ID<TAB>1"
else not_ok "note add prints ID<TAB>1" "exit $rc" "$out" "$err"; fi
note1=$(printf '%s' "$out" | cut -f1)
run note add --child Ava --date $TUE --minutes 40 --discipline pt --corrects "$note1" --subjective 'Parent says she fusses on her tummy' \
	--objective 'Lifts head 5 s' --assessment 'As expected for her age' --plan 'Tummy time on chest 2x a day'
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^[0-9][0-9]*${TAB}2\$" && [ "$(printf '%s' "$out" | cut -f1)" != "$note1" ]; then
	ok "note add --corrects makes version 2 as a new row"
else not_ok "note add --corrects makes version 2 as a new row" "exit $rc" "$out" "$err"; fi
note2=$(printf '%s' "$out" | cut -f1)
run note list --child Ava
if [ "$(lines)" = 1 ] && [ "$(col 1)" = "$note2" ] && [ "$(col 4)" = 2 ] && [ "$(col 2)" = $TUE ] && [ "$(col 3)" = 40 ] &&
   [ "$(col 5)" = "$ME" ] && printf '%s' "$out" | grep -q "A: As expected for her age"; then
	ok "note list shows the latest version only: ID, DATE, MINUTES, VERSION, BY, S/O/A/P"
else not_ok "note list shows the latest version only: ID, DATE, MINUTES, VERSION, BY, S/O/A/P" "$out"; fi
run note list --child Ava --all-versions
if [ "$(lines)" = 2 ] && [ "$(col 4 | tr '\n' ' ')" = "2 1 " ] &&
   printf '%s\n' "$out" | grep "^$note1$TAB" | grep -q "O: Lifts head 2 s | A: Below what we hoped"; then
	ok "note list --all-versions shows both, and version 1 is kept as written"
else not_ok "note list --all-versions shows both, and version 1 is kept as written" "$out"; fi
# a correction names the version it started from: an older one is stale
refuse "correcting version 1 after version 2 exists is refused, naming who made version 2" \
	"corrected meanwhile by $ME at .* (version 2); nothing was saved" \
	note add --child Ava --corrects "$note1" --subjective s --objective o --assessment 'third' --plan p
before=$(db_dump)
run note add --child Ava --date $TUE --minutes 40 --corrects "$note2" --subjective 'Parent says she fusses on her tummy' \
	--objective 'Lifts head 5 s' --assessment 'As expected for her age' --plan 'Tummy time on chest 2x a day'
if [ $rc -eq 0 ] && [ -z "$out" ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
   printf '%s' "$err" | grep -q "nothing changed" && [ "$before" = "$(db_dump)" ]; then
	ok "a correction identical to the newest version exits 0, says nothing changed, and writes nothing"
else not_ok "a correction identical to the newest version exits 0, says nothing changed, and writes nothing" \
	"exit $rc" "stdout: $out" "stderr: $err" "database $( [ "$before" = "$(db_dump)" ] && echo unchanged || echo CHANGED)"; fi
run note add --child Ava --corrects "$note2" --subjective s --objective o --assessment 'third' --plan p
if [ $rc -eq 0 ] && [ "$(printf '%s' "$out" | cut -f2)" = 3 ]; then ok "correcting the newest version makes the next one (3)"
else not_ok "correcting the newest version makes the next one (3)" "exit $rc" "$out" "$err"; fi
bad=
for args in "--objective o --assessment a --plan p" "--subjective s --assessment a --plan p" \
	    "--subjective s --objective o --plan p" "--subjective s --objective o --assessment a"; do
	before=$(db_dump)
	# shellcheck disable=SC2086
	run note add --child Ava $args
	[ $rc -eq 1 ] && [ "$before" = "$(db_dump)" ] || bad="$bad [$args: exit $rc]"
done
if [ -z "$bad" ]; then ok "note add without any one of S, O, A or P is refused (exit 1), nothing saved"
else not_ok "note add without any one of S, O, A or P is refused (exit 1), nothing saved" "$bad"; fi
refuse "note add with an empty --plan is refused" "Plan" note add --child Ava --subjective s --objective o --assessment a --plan ''
refuse "note add --minutes 0 is refused" "1 to 600" note add --child Ava --minutes 0 --subjective s --objective o --assessment a --plan p
refuse "note add dated before the child was born is refused" "before" note add --child Ava --date 2026-10-19 --subjective s --objective o --assessment a --plan p
refuse "note add --corrects of a note that does not exist is refused" "no note" note add --child Ava --corrects 9999 --subjective s --objective o --assessment a --plan p
run note add --child Ben --subjective s --objective o --assessment a --plan p
ben_note=$(printf '%s' "$out" | cut -f1)
refuse "note add --corrects of another child's note is refused" "no note" note add --child Ava --corrects "$ben_note" --subjective s --objective o --assessment a --plan p

# ---- goals -------------------------------------------------------------------------
run goal add --child Ava --text 'Lifts head to 45 degrees in tummy time' --target 2027-01-15
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -qx '[0-9][0-9]*'; then ok "goal add prints the new id"
else not_ok "goal add prints the new id" "exit $rc" "$out" "$err"; fi
goal=$out
run goal list --child Ava
check_out "goal list: ID, STATUS, TARGET, TEXT" "$goal${TAB}open${TAB}2027-01-15${TAB}Lifts head to 45 degrees in tummy time"
run goal set "$goal" --status met
check_rc "goal set --status met exits 0" 0
run goal list --child Ava
check_out "goal list shows the new status" "$goal${TAB}met${TAB}2027-01-15${TAB}Lifts head to 45 degrees in tummy time"
refuse "goal set with an unknown status is refused" "open, met" goal set "$goal" --status 'done'
refuse "goal set of a goal that does not exist is refused" "no goal 9999" goal set 9999 --status met
refuse "goal add without --text is refused" "text" goal add --child Ava --target 2027-01-15

# ---- home programs -------------------------------------------------------------------
run program add --child Ben --activity drum-on-pots --times 3 --per week --from $MON
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -qx '[0-9][0-9]*'; then ok "program add prints the new id"
else not_ok "program add prints the new id" "exit $rc" "$out" "$err"; fi
prog=$out
refuse "program add --times 0 is refused" "1 to 20" program add --child Ben --activity drum-on-pots --times 0 --per week
refuse "program add --times 21 is refused" "1 to 20" program add --child Ben --activity drum-on-pots --times 21 --per week
refuse "program add --per month is refused" "day or week" program add --child Ben --activity drum-on-pots --times 2 --per month
refuse "program add with an unknown activity is refused" "no-such-activity" program add --child Ben --activity no-such-activity --times 2 --per day
refuse "program add --to before --from is refused" "before the start" program add --child Ben --activity drum-on-pots --times 2 --per day --from $WED --to $TUE
run activity log --child Ben drum-on-pots --date $MON
run activity log --child Ben drum-on-pots --date $WED
run program list --child Ben
check_out "program list: ID, ACTIVITY, TIMES/PER, FROM, TO, DONE/PLANNED this week, TITLE" \
	"$prog${TAB}drum-on-pots${TAB}3/week${TAB}$MON${TAB}-${TAB}2/3${TAB}Drum on pots and pans"
run program end "$prog" --date $TUE
check_rc "program end ID --date exits 0" 0
run program list --child Ben
check_out "after program end the entry stops that day and plans only its days (1 done of 1)" \
	"$prog${TAB}drum-on-pots${TAB}3/week${TAB}$MON${TAB}$TUE${TAB}1/1${TAB}Drum on pots and pans"
refuse "ending an entry that has already ended is refused, naming who ended it" "already ended by $ME at " \
	program end "$prog" --date $WED
refuse "program end of an id that does not exist is refused" "no program entry 9999" program end 9999
run program list --child Ben --all
if [ $rc -eq 0 ] && [ "$(col 1)" = "$prog" ]; then ok "program list --all still shows the ended entry"
else not_ok "program list --all still shows the ended entry" "$out" "$err"; fi

# ---- the audit trail ---------------------------------------------------------------
REAL_TODAY=$(date -u +%F)
run child add Gus --born 2026-08-01
run assign --child Gus --therapist "$ME" --discipline pt
run event add --child Gus --date 2026-12-01 --time 11:00 --title 'Check-up'
run activity log --child Gus tummy-on-chest --date $WED
run note add --child Gus --subjective s --objective o --assessment a --plan p
gnote=$(printf '%s' "$out" | cut -f1)
run note add --child Gus --corrects "$gnote" --subjective s --objective o --assessment a2 --plan p
run goal add --child Gus --text 'Rolls over' --target 2027-02-01
run goal set "$out" --status met
run program add --child Gus --activity tummy-on-chest --times 1 --per day --from $MON
run program end "$out" --date $WED
expected="child added|assigned|appointment added|activity logged|note written|note corrected|goal added|goal met|program added|program ended|"
run audit --child Gus
if [ $rc -eq 0 ] && [ "$(col 4 | tr '\n' '|')" = "$expected" ]; then ok "audit --child lists each action, oldest first"
else not_ok "audit --child lists each action, oldest first" "expected: $expected" "got: $(col 4 | tr '\n' '|')" "$err"; fi
if [ "$(col 2 | sort -u)" = "$ME" ] && [ "$(col 3 | sort -u)" = Gus ] &&
   ! col 1 | grep -qv '^20[0-9][0-9]-[01][0-9]-[0-3][0-9]T[0-2][0-9]:[0-5][0-9]:[0-5][0-9]Z$' &&
   [ "$(col 1)" = "$(col 1 | sort)" ]; then
	ok "audit: every row says who (id -un), the child, and when (UTC, never going back)"
else not_ok "audit: every row says who (id -un), the child, and when (UTC, never going back)" "$out"; fi
if printf '%s\n' "$out" | grep -q "${TAB}note corrected${TAB}session of $TODAY, version 2\$" &&
   printf '%s\n' "$out" | grep -q "${TAB}program ended${TAB}tummy-on-chest on $WED\$"; then
	ok "audit DETAIL says what changed (note version, program end day)"
else not_ok "audit DETAIL says what changed (note version, program end day)" "$out"; fi
all_gus=$out
run audit --child Gus --since "$REAL_TODAY"
if [ "$out" = "$all_gus" ]; then ok "audit --since today (UTC) keeps today's rows"
else not_ok "audit --since today (UTC) keeps today's rows" "$out"; fi
run audit --child Gus --since "$(date -u -d tomorrow +%F)"
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "audit --since tomorrow lists nothing"
else not_ok "audit --since tomorrow lists nothing" "exit $rc" "$out"; fi
refuse "audit --since with a bad date is refused" "not a real date" audit --since 2026-02-30
if [ $have_sqlite = 1 ]; then
	errs=$(sqlite3 "$DB" "UPDATE audit SET at = '2001-02-03T04:05:06Z'; DELETE FROM audit;" 2>&1)
	run audit --child Gus
	if [ "$out" = "$all_gus" ] && printf '%s' "$errs" | grep -q "append-only"; then
		ok "the audit trail is append-only: sqlite3's UPDATE and DELETE on it are refused"
	else not_ok "the audit trail is append-only: sqlite3's UPDATE and DELETE on it are refused" "sqlite3: $errs" "$out"; fi
	# the audit is append-only (schema 6), so an older row is added rather than back-dated
	sql "INSERT INTO audit(at, who, child_id, action, detail) SELECT '2001-02-03T04:05:06Z', 'zz-old', id, 'old row', 'from 2001' FROM child WHERE name = 'Gus'"
	run audit --child Gus --since 2001-06-01
	if [ "$(col 4 | tr '\n' '|')" = "$expected" ]; then ok "audit --since leaves out older rows"
	else not_ok "audit --since leaves out older rows" "$out"; fi
	run audit
	if printf '%s\n' "$out" | cut -f3 | grep -qx Ava && printf '%s\n' "$out" | cut -f3 | grep -qx Gus; then
		ok "audit without --child lists every child's changes"
	else not_ok "audit without --child lists every child's changes" "$out"; fi
	# writes that do not go through toddle are audited by the triggers
	sql "UPDATE activity_log SET result = 'hard' WHERE child_id = (SELECT id FROM child WHERE name = 'Gus')"
	run audit --child Gus
	if [ "$(printf '%s\n' "$out" | tail -1 | cut -f3-)" = "Gus${TAB}activity corrected${TAB}tummy-on-chest on $WED: hard" ]; then
		ok "an UPDATE made with the sqlite3 tool (correcting an activity) appears in the audit"
	else not_ok "an UPDATE made with the sqlite3 tool (correcting an activity) appears in the audit" "$out"; fi
	rows=$(lines)
	sql "UPDATE session_note SET assessment = 'rewritten behind the record' WHERE id = $gnote"
	run audit --child Gus
	if [ "$(lines)" -gt "$rows" ]; then ok "an UPDATE made with the sqlite3 tool to a session note appears in the audit"
	else not_ok "an UPDATE made with the sqlite3 tool to a session note appears in the audit" \
		"the note was changed in place and the audit is the same $rows rows:" "$out"; fi
	rows=$(lines)
	sql "DELETE FROM activity_log WHERE child_id = (SELECT id FROM child WHERE name = 'Gus')"
	run audit --child Gus
	if [ "$(lines)" -gt "$rows" ]; then ok "a DELETE made with the sqlite3 tool (an activity log row) appears in the audit"
	else not_ok "a DELETE made with the sqlite3 tool (an activity log row) appears in the audit" \
		"the row is gone and the audit is the same $rows rows"; fi
else
	skip_n 5 "audit: --since against older rows and writes made outside toddle" "sqlite3 missing"
fi
