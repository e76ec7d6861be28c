#!/bin/sh
# toddle backup FILE: a copy that passes integrity_check with the source's rows,
# 0600 (0640 for a clinic), never over an existing file, nothing left behind on
# failure, consistent while four writers keep writing, recorded in the audit;
# and in clinic mode reports and exports are recorded in the audit too.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 40

ME=$(id -un)
D=2026-11-20
OUT="$TMP/out"
W="$TMP/w"
mkdir -p "$OUT" "$W"
SMALL="$TMP/small"
U=''                    # a throwaway login for the non-root cases, removed on exit
trap 'umount "$SMALL" 2>/dev/null; [ -z "$U" ] || userdel "$U" 2>/dev/null
	[ -z "${STAFF:-}" ] || groupdel "$STAFF" 2>/dev/null; [ -z "${G:-}" ] || groupdel "$G" 2>/dev/null; rm -rf "$TMP"' EXIT
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
# skip_n COUNT WHAT REASON: COUNT skipped cases.
skip_n() { i=0; while [ $i -lt "$1" ]; do i=$((i + 1)); skip "$2 ($i of $1)" "$3"; done; }
sql() { sqlite3 "$1" "$2"; }
# counts FILE: children, milestone, activity, appointment, note, goal, program and audit rows.
counts() {
	sqlite3 "$1" "SELECT (SELECT count(*) FROM child) || ' ' || (SELECT count(*) FROM milestone_log) || ' ' ||
		(SELECT count(*) FROM activity_log) || ' ' || (SELECT count(*) FROM appointment) || ' ' ||
		(SELECT count(*) FROM session_note) || ' ' || (SELECT count(*) FROM goal) || ' ' ||
		(SELECT count(*) FROM program) || ' ' || (SELECT count(*) FROM audit)" 2>&1
}
# listing DIR: the names in DIR, hidden ones too, on one line.
listing() { ls -A "$1" | tr '\n' ' '; }
# size_of FILE: the size as the summary line writes it.
size_of() {
	stat -c %s "$1" | awk '{ if ($1 < 1000) printf "%d bytes", $1; else if ($1 < 1000000) printf "%.1f kB", $1 / 1000;
		else printf "%.1f MB", $1 / 1000000 }'
}

if ! command -v sqlite3 >/dev/null 2>&1; then
	skip_n 40 "backup" "sqlite3 missing"
	exit 0
fi

# ---- a family database with something in every table ---------------------------
bad=
run child add Ava --born 2026-03-01;                               [ $rc -eq 0 ] || bad="$bad child:$err"
run child add Ben --born 2026-05-01 --due 2026-06-20;              [ $rc -eq 0 ] || bad="$bad child:$err"
run milestone log --child Ava cdc-2m-se-calms --date $D;           [ $rc -eq 0 ] || bad="$bad milestone:$err"
run activity log --child Ava tummy-on-chest --date $D;             [ $rc -eq 0 ] || bad="$bad activity:$err"
run event add --child Ava --date 2026-12-01 --time 10:00 --title Visit; [ $rc -eq 0 ] || bad="$bad event:$err"
run note add --child Ava --subjective s --objective o --assessment a --plan p; [ $rc -eq 0 ] || bad="$bad note:$err"
run goal add --child Ava --text 'Sits alone';                      [ $rc -eq 0 ] || bad="$bad goal:$err"
run program add --child Ava --activity tummy-on-chest --times 2 --per day --from $D; [ $rc -eq 0 ] || bad="$bad program:$err"
before=$(counts "$DB")
if [ -z "$bad" ] && [ "$before" = "2 1 1 1 1 1 1 8" ]; then ok "a family database with rows in every table"
else not_ok "a family database with rows in every table" "failed:$bad" "counts: $before"; fi

# ---- a backup of it ------------------------------------------------------------------
COPY="$OUT/copy.db"
run backup "$COPY"
check_rc "backup FILE of a family database exits 0" 0
got=$(sql "$COPY" "PRAGMA integrity_check")
if [ "$got" = ok ]; then ok "the copy passes sqlite3's PRAGMA integrity_check"
else not_ok "the copy passes sqlite3's PRAGMA integrity_check" "$got"; fi
got=$(stat -c %a "$COPY" 2>&1)
if [ "$got" = 600 ]; then ok "a family copy is 0600"
else not_ok "a family copy is 0600" "mode: $got"; fi
got=$(counts "$COPY")
if [ "$got" = "$before" ]; then ok "the copy holds the same rows as the source ($before)"
else not_ok "the copy holds the same rows as the source" "source: $before" "copy:   $got"; fi
expected="Backed up $DB to $COPY: $(size_of "$COPY"); 2 children, 1 milestone entry, 1 activity entry, 1 appointment, 1 session note, 1 goal, 1 program entry, 8 audit rows; integrity ok"
check_out "the summary line gives the size and names the copy's row counts" "$expected"
if [ "$(listing "$OUT")" = "copy.db " ]; then ok "nothing but the copy is left in its folder (no temporary or journal file)"
else not_ok "nothing but the copy is left in its folder (no temporary or journal file)" "$(listing "$OUT")"; fi
got=$(sql "$DB" "SELECT who || '|' || COALESCE(child_id, '-') || '|' || action || '|' || detail FROM audit ORDER BY id DESC LIMIT 1")
if [ "$got" = "$ME|-|backup made|$COPY" ]; then ok "the audit trail of the source records 'backup made', by whom, with the file"
else not_ok "the audit trail of the source records 'backup made', by whom, with the file" "last row: $got"; fi
out=$("$TODDLE" --db "$COPY" --today "$TODAY" child list 2>&1); rc=$?
if [ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | cut -f2 | tr '\n' ' ')" = "Ava Ben " ] &&
   [ "$(sql "$COPY" 'PRAGMA journal_mode')" = wal ]; then
	ok "the copy is a working toddle database (child list on it; WAL like its source)"
else not_ok "the copy is a working toddle database (child list on it; WAL like its source)" "exit $rc" "$out"; fi
rm -f "$COPY-wal" "$COPY-shm"

# a relative FILE is written in the current folder and recorded as an absolute path
(cd "$OUT" && "$TODDLE" --db "$DB" --today "$TODAY" backup rel.db >/dev/null 2>"$TMP/stderr"); rc=$?
got=$(sql "$DB" "SELECT detail FROM audit ORDER BY id DESC LIMIT 1")
if [ $rc -eq 0 ] && [ -f "$OUT/rel.db" ] && [ "$got" = "$OUT/rel.db" ]; then
	ok "a relative FILE is made in the current folder and recorded in the audit as an absolute path"
else not_ok "a relative FILE is made in the current folder and recorded in the audit as an absolute path" \
	"exit $rc: $(cat "$TMP/stderr")" "audit detail: $got"; fi

# ---- refusals ------------------------------------------------------------------------
sum=$(md5sum < "$COPY")
audit_rows=$(sql "$DB" "SELECT count(*) FROM audit")
run backup "$COPY"
check_rc "backup onto an existing FILE is refused with exit 1" 1
check_err "the refusal says '$COPY exists: pick a new name or remove it first'" "$COPY exists: pick a new name or remove it first"
if [ "$(md5sum < "$COPY")" = "$sum" ] && [ "$(listing "$OUT")" = "copy.db rel.db " ] &&
   [ "$(sql "$DB" "SELECT count(*) FROM audit")" = "$audit_rows" ]; then
	ok "the existing file is unchanged, no temporary file is left, nothing is recorded"
else not_ok "the existing file is unchanged, no temporary file is left, nothing is recorded" \
	"folder: $(listing "$OUT")" "audit rows: $audit_rows -> $(sql "$DB" "SELECT count(*) FROM audit")"; fi
ln -s "$TMP/nowhere.db" "$OUT/dangling.db"
run backup "$OUT/dangling.db"
if [ $rc -eq 1 ] && [ ! -e "$TMP/nowhere.db" ]; then ok "a dangling symbolic link counts as existing: refused, and nothing is made where it points"
else not_ok "a dangling symbolic link counts as existing: refused, and nothing is made where it points" "exit $rc" "$err"; fi
rm -f "$OUT/dangling.db"

run backup "$TMP/nowhere/copy.db"
check_rc "backup into a folder that does not exist exits 2" 2
if [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q "folder $TMP/nowhere does not exist" &&
   [ ! -e "$TMP/nowhere" ]; then
	ok "the message names the missing folder, and no folder is made"
else not_ok "the message names the missing folder, and no folder is made" "$err"; fi
run backup "$COPY/inside.db"
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "$COPY"; then ok "backup into 'a folder' that is a file exits 2 and names it"
else not_ok "backup into 'a folder' that is a file exits 2 and names it" "exit $rc" "$err"; fi
if [ "$(id -u)" -ne 0 ]; then
	mkdir "$TMP/ro" && chmod 555 "$TMP/ro"
	run backup "$TMP/ro/copy.db"
	if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "folder $TMP/ro" && [ "$(listing "$TMP/ro")" = "" ]; then
		ok "backup into a folder that cannot be written exits 2, names the folder, leaves nothing"
	else not_ok "backup into a folder that cannot be written exits 2, names the folder, leaves nothing" "exit $rc" "$err"; fi
else
	skip "backup into a folder that cannot be written" "root may write in any folder"
fi

run backup
check_rc "backup without FILE exits 1" 1
check_err "it says the argument is missing" "backup: missing argument"
run backup "$OUT/a.db" "$OUT/b.db"
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "unexpected argument" && [ ! -e "$OUT/a.db" ]; then
	ok "backup with an extra argument exits 1 and writes nothing"
else not_ok "backup with an extra argument exits 1 and writes nothing" "exit $rc" "$err"; fi

# ---- a full disk: a 128 kB file system for a copy of some 700 kB -----------------------
mkdir -p "$SMALL"
if [ "$(id -u)" -eq 0 ] && mount -t tmpfs -o size=128k tmpfs "$SMALL" 2>/dev/null; then
	run backup "$SMALL/copy.db"
	if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "disk is full"; then ok "a full disk: exit 2, 'the disk is full'"
	else not_ok "a full disk: exit 2, 'the disk is full'" "exit $rc" "$err"; fi
	if [ "$(listing "$SMALL")" = "" ]; then ok "a full disk: no partial copy or temporary file is left"
	else not_ok "a full disk: no partial copy or temporary file is left" "$(listing "$SMALL")"; fi
	umount "$SMALL"
else
	skip_n 2 "a full disk" "needs root to mount a small tmpfs"
fi

# ---- a backup while four writers keep writing ----------------------------------------
# writer I: writes until $W/stop; each success goes to ok.I, each exit code to rc.I.
writer() {
	k=1
	while [ ! -e "$W/stop" ]; do
		child=Ava; [ $(($1 % 2)) -eq 0 ] && child=Ben
		"$TODDLE" --db "$DB" --today "$TODAY" activity log --child $child tummy-on-chest --date $D \
			--note "w$1-$k" >/dev/null 2>>"$W/err.$1"
		r=$?
		echo $r >> "$W/rc.$1"
		[ $r -eq 0 ] && echo "w$1-$k" >> "$W/ok.$1"
		k=$((k + 1))
	done
}
# wait_writes COUNT: until every writer has COUNT successes (or 60 s pass, once:
# writers that cannot write are reported by the cases below, not waited for again).
stalled=0
wait_writes() {
	t=0
	while [ $stalled = 0 ] && [ $t -lt 6000 ]; do
		least=$COUNT_MAX
		for i in 1 2 3 4; do
			c=$(cat "$W/ok.$i" 2>/dev/null | wc -l)
			[ "$c" -lt "$least" ] && least=$c
		done
		[ "$least" -ge "$1" ] && return 0
		sleep 0.01; t=$((t + 1))
	done
	stalled=1
	return 1
}
COUNT_MAX=999999
pids=
for i in 1 2 3 4; do writer $i & pids="$pids $!"; done
wait_writes 3
brc=
for b in 1 2 3; do
	"$TODDLE" --db "$DB" --today "$TODAY" backup "$W/copy$b.db" >"$W/bout.$b" 2>"$W/berr.$b"
	brc="$brc$?"
	wait_writes $((3 + 2 * b))
done
: > "$W/stop"
# shellcheck disable=SC2086
wait $pids
if [ "$brc" = 000 ]; then ok "three backups made while four writers kept writing all exit 0"
else not_ok "three backups made while four writers kept writing all exit 0" "exits: $brc" "$(cat "$W"/berr.*)"; fi
bad=
for b in 1 2 3; do
	got=$(sql "$W/copy$b.db" "PRAGMA integrity_check" 2>&1)
	[ "$got" = ok ] || bad="$bad copy$b: $got;"
done
if [ -z "$bad" ]; then ok "every copy made under writers passes PRAGMA integrity_check"
else not_ok "every copy made under writers passes PRAGMA integrity_check" "$bad"; fi
bad=
for b in 1 2 3; do
	half=$(sql "$W/copy$b.db" "SELECT (SELECT count(*) FROM activity_log) || ' ' ||
		(SELECT count(*) FROM audit WHERE action = 'activity logged') || ' ' ||
		(SELECT count(*) FROM activity_log l WHERE NOT EXISTS (SELECT 1 FROM audit a
			WHERE a.child_id = l.child_id AND a.action = 'activity logged' AND a.at = l.created_at))")
	set -- $half
	[ "$1" = "$2" ] && [ "$3" = 0 ] || bad="$bad copy$b: $1 rows, $2 audit rows, $3 rows without one;"
done
if [ -z "$bad" ]; then ok "every copy is one moment of the database: each activity row has its audit row and no more"
else not_ok "every copy is one moment of the database: each activity row has its audit row and no more" "$bad"; fi
final=$(sql "$DB" "SELECT count(*) FROM activity_log WHERE note LIKE 'w%'")
first=$(sql "$W/copy1.db" "SELECT count(*) FROM activity_log WHERE note LIKE 'w%'")
last=$(sql "$W/copy3.db" "SELECT count(*) FROM activity_log WHERE note LIKE 'w%'")
if [ "$first" -ge 12 ] && [ "$first" -le "$last" ] && [ "$last" -lt "$final" ]; then
	ok "the copies were made mid-stream: $first, then $last of the writers' $final rows"
else not_ok "the copies were made mid-stream" "first copy $first rows, last $last, source $final"; fi
cat "$W"/ok.* | sort > "$W/reported"
sql "$DB" "SELECT note FROM activity_log WHERE note LIKE 'w%'" | sort > "$W/stored"
lost=$(comm -23 "$W/reported" "$W/stored")
if [ -s "$W/reported" ] && [ -z "$lost" ]; then ok "all $(wc -l < "$W/reported") writes that reported success are in the source afterwards"
else not_ok "every write that reported success is in the source afterwards" "lost: $(printf '%s' "$lost" | head -5 | tr '\n' ' ')"; fi
failed=$(cat "$W"/rc.* | grep -vc '^0$')
if [ "$failed" -eq 0 ]; then ok "no writer failed while the backups ran ($(cat "$W"/rc.* | wc -l) writes)"
else not_ok "no writer failed while the backups ran" "$failed failed: $(cat "$W"/err.* | sort | uniq -c | head -3)"; fi
got=$(sql "$DB" "SELECT count(*) FROM audit WHERE action = 'backup made' AND detail LIKE '$W/copy%'")
if [ "$got" = 3 ]; then ok "each of the three backups has its 'backup made' row"
else not_ok "each of the three backups has its 'backup made' row" "found $got"; fi

# ---- family mode: reports and exports are not audited ---------------------------------
audit_rows=$(sql "$DB" "SELECT count(*) FROM audit")
run report --child Ava --output "$OUT/family.html" --format html
r1=$rc
run export csv --child Ava --what milestones
r2=$rc
run export ics
if [ "$r1$r2$rc" = 000 ] && [ "$(sql "$DB" "SELECT count(*) FROM audit")" = "$audit_rows" ]; then
	ok "family mode: report and export add nothing to the audit trail"
else not_ok "family mode: report and export add nothing to the audit trail" "exits $r1 $r2 $rc" \
	"audit rows $audit_rows -> $(sql "$DB" "SELECT count(*) FROM audit")"; fi

# ---- clinic mode ---------------------------------------------------------------------------
# Root makes a throwaway staff group and data group; anyone else skips, as clinic.sh does.
# (The build's toddle is not setgid: a member here is also given the data group, as
# the installed setgid toddle would give it; tests/cli/users.sh runs the real thing.)
G='' STAFF=''
if [ "$(id -u)" -eq 0 ] && command -v groupadd >/dev/null 2>&1; then
	SUF=$(printf '%s' "$$" | tail -c 5)
	if groupadd "tbst$SUF" && groupadd "tbdt$SUF"; then STAFF=tbst$SUF G=tbdt$SUF; fi
fi
CDIR="$TMP/clinic"
CDB="$CDIR/toddle.db"
# clinic_ini FILE ADMINS: [data] and [clinic] lines, used as the system file and as --config,
# so that the clinic is set whether toddle takes them from one or the other.
clinic_ini() {
	printf '[data]\ndatabase = %s\n\n[clinic]\ngroup = %s\ndata_group = %s\nadmins = "%s"\n' "$CDB" "$STAFF" "$G" "$2" > "$1"
	chmod 644 "$1"
}
# crun INI ARGS...: toddle in clinic mode with INI.
crun() {
	ini=$1; shift
	out=$(TODDLE_SYSTEM_CONFIG="$ini" "$TODDLE" --db "$CDB" --config "$ini" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}
# rows ACTION...: who|child|action|detail of the clinic's audit rows with those actions.
rows() {
	list=$(printf "'%s'," "$@")
	sql "$CDB" "SELECT a.who || '|' || COALESCE(c.name, '-') || '|' || a.action || '|' || a.detail FROM audit a
		LEFT JOIN child c ON c.id = a.child_id WHERE a.action IN (${list%,}) ORDER BY a.id"
}
if [ -n "$G" ] && TODDLE_SYSTEM_CONFIG="$TMP/init.ini" "$TODDLE" clinic init "$CDIR" --group "$STAFF" --data-group "$G" \
	>/dev/null 2>"$TMP/stderr"; then
	clinic_ini "$TMP/admin.ini" "boss $ME"
	clinic_ini "$TMP/staff.ini" "boss chief"
	crun "$TMP/admin.ini" child add Eve --born 2026-05-01
	crun "$TMP/admin.ini" event add --child Eve --date 2026-12-02 --time 09:00 --title 'PT visit'
	crun "$TMP/admin.ini" backup "$OUT/clinic.db"
	if [ $rc -eq 0 ] && [ "$(stat -c %a "$OUT/clinic.db" 2>&1)" = 640 ] &&
	   [ "$(sql "$OUT/clinic.db" 'PRAGMA integrity_check')" = ok ]; then
		ok "clinic mode: an admin's backup exits 0 and is 0640, checked"
	else not_ok "clinic mode: an admin's backup exits 0 and is 0640, checked" "exit $rc" "$err" \
		"mode: $(stat -c %a "$OUT/clinic.db" 2>&1)"; fi
	got=$(rows 'backup made')
	if [ "$got" = "$ME|-|backup made|$OUT/clinic.db" ]; then ok "clinic mode: the backup is in the audit trail"
	else not_ok "clinic mode: the backup is in the audit trail" "$got"; fi

	crun "$TMP/staff.ini" report --child Eve --for doctor --format html --output "$OUT/eve.html"
	r1=$rc
	(cd "$OUT" && TODDLE_SYSTEM_CONFIG="$TMP/staff.ini" "$TODDLE" --db "$CDB" --config "$TMP/staff.ini" \
		--today "$TODAY" report --child Eve --for school --format md --output eve.md >/dev/null 2>&1); r2=$?
	crun "$TMP/staff.ini" report --child Eve
	got=$(rows 'report written')
	expected="$ME|Eve|report written|doctor report, html, to $OUT/eve.html
$ME|Eve|report written|school report, md, to $OUT/eve.md
$ME|Eve|report written|parent report, text, to standard output"
	if [ "$r1$r2$rc" = 000 ] && [ -s "$OUT/eve.html" ] && [ "$got" = "$expected" ]; then
		ok "clinic mode: each report is in the audit (who, child, for whom, format, absolute file or standard output)"
	else not_ok "clinic mode: each report is in the audit (who, child, for whom, format, absolute file or standard output)" \
		"exits $r1 $r2 $rc: $err" "expected:" "$expected" "got:" "$got"; fi
	crun "$TMP/staff.ini" export csv --child Eve --what milestones
	r1=$rc
	crun "$TMP/staff.ini" export ics --child Eve
	r2=$rc
	crun "$TMP/staff.ini" export ics
	r3=$rc
	crun "$TMP/staff.ini" export csv --child Eve --what notes --output "$OUT/eve-notes.csv"
	got=$(rows exported)
	expected="$ME|Eve|exported|csv milestones to standard output
$ME|Eve|exported|ics appointments to standard output
$ME|-|exported|ics appointments of every child to standard output
$ME|Eve|exported|csv notes to $OUT/eve-notes.csv"
	if [ "$r1$r2$r3$rc" = 0000 ] && [ "$got" = "$expected" ]; then ok "clinic mode: each export is in the audit (csv and what; ics of one child or all)"
	else not_ok "clinic mode: each export is in the audit (csv and what; ics of one child or all)" \
		"exits $r1 $r2 $r3 $rc: $err" "expected:" "$expected" "got:" "$got"; fi
	crun "$TMP/staff.ini" export csv --child Eve --what nonsense
	if [ $rc -eq 1 ] && [ "$(rows exported | wc -l)" = 4 ]; then ok "clinic mode: a refused export records nothing"
	else not_ok "clinic mode: a refused export records nothing" "exit $rc" "$(rows exported)"; fi

	# a failure to record keeps the report and says so
	sql "$CDB" "CREATE TRIGGER test_refuse BEFORE INSERT ON audit WHEN NEW.action = 'report written'
		BEGIN SELECT RAISE(ABORT, 'refused by the test'); END"
	crun "$TMP/staff.ini" report --child Eve --output "$OUT/eve2.txt"
	sql "$CDB" "DROP TRIGGER test_refuse"
	if [ $rc -eq 0 ] && grep -q "Eve" "$OUT/eve2.txt" 2>/dev/null &&
	   printf '%s\n' "$err" | grep -q "warning: report: the output was written but not recorded in the audit trail:.*refused by the test"; then
		ok "clinic mode: when the audit refuses the row, the report is kept (exit 0) with a warning on stderr"
	else not_ok "clinic mode: when the audit refuses the row, the report is kept (exit 0) with a warning on stderr" \
		"exit $rc" "stderr: $err" "file: $(ls -l "$OUT/eve2.txt" 2>&1)"; fi

	# who may make a backup: root always; anyone else only when named in [clinic] admins
	crun "$TMP/staff.ini" backup "$OUT/root.db"
	if [ $rc -eq 0 ] && [ -f "$OUT/root.db" ]; then ok "clinic mode: root may make a backup without being named an admin"
	else not_ok "clinic mode: root may make a backup without being named an admin" "exit $rc" "$err"; fi
	U=toddlebk$$
	if command -v useradd >/dev/null 2>&1 && command -v runuser >/dev/null 2>&1 &&
	   useradd -M -N -g "$STAFF" -G "$G" -s /bin/sh "$U" 2>/dev/null; then
		chmod 711 "$TMP"
		mkdir -p "$TMP/u"
		chown "$U" "$TMP/u"
		clinic_ini "$TMP/u-admin.ini" "boss $U"
		# urun INI ARGS...: toddle as $U in a clean environment.
		urun() {
			ini=$1; shift
			out=$(runuser -u "$U" -- env -i HOME="$TMP/u" PATH="$PATH" LC_ALL=C.UTF-8 TODDLE_SYSTEM_CONFIG="$ini" \
				"$TODDLE" --db "$CDB" --config "$ini" --today "$TODAY" "$@" 2>"$TMP/stderr"); rc=$?
			err=$(cat "$TMP/stderr")
		}
		urun "$TMP/staff.ini" backup "$TMP/u/copy.db"
		if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "only the clinic's admins (boss chief) or root may make a backup" &&
		   [ "$(listing "$TMP/u")" = "" ]; then
			ok "clinic mode: a member not named in admins is refused (exit 1, names who may) and nothing is written"
		else not_ok "clinic mode: a member not named in admins is refused (exit 1, names who may) and nothing is written" \
			"exit $rc" "$err" "folder: $(listing "$TMP/u")"; fi
		urun "$TMP/u-admin.ini" backup "$TMP/u/copy.db"
		got=$(stat -c '%a %U' "$TMP/u/copy.db" 2>&1)
		if [ $rc -eq 0 ] && [ "$got" = "640 $U" ] && [ "$(rows 'backup made' | tail -1)" = "$U|-|backup made|$TMP/u/copy.db" ]; then
			ok "clinic mode: a member named in admins may (0640, theirs, recorded under their login)"
		else not_ok "clinic mode: a member named in admins may (0640, theirs, recorded under their login)" \
			"exit $rc" "$err" "stat: $got" "audit: $(rows 'backup made' | tail -1)"; fi
	else
		U=''
		skip_n 2 "clinic mode: backups by a member who is not root" "cannot add a throwaway user here"
	fi
else
	skip_n 9 "clinic mode: backups, and reports and exports in the audit" "needs root to chgrp the clinic folder"
fi
