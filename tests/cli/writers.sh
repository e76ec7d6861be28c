#!/bin/sh
# Many people at once on one database: 16 CLI writers with readers alongside,
# then writers killed with SIGKILL at random moments. Nothing saved may be
# lost, nothing may be half-saved, and nobody may be shown "locked" or "busy".
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 14

WRITERS=16
D=2026-11-20            # the day every write logs (before TODAY, after the births)
W="$TMP/w"
mkdir -p "$W"
skip() { n=$((n + 1)); echo "ok $n - $1 # SKIP $2"; }
sql() { sqlite3 "$DB" "$1"; }
now_ms() { echo $(($(date +%s%N) / 1000000)); }
# rand MAX: a random number from 0 to MAX-1.
rand() { echo $(($(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % $1)); }
# show FILE...: the first lines of files, for a diagnostic.
show() { cat "$@" 2>/dev/null | head -5; }

if ! command -v sqlite3 >/dev/null 2>&1; then
	for t in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do skip "many writers, case $t" "sqlite3 missing"; done
	exit 0
fi

i=1
while [ $i -le $WRITERS ]; do
	"$TODDLE" --db "$DB" --today "$TODAY" child add "C$i" --born 2026-10-01 >/dev/null || echo "# child add C$i failed"
	i=$((i + 1))
done

# ---- how long one CLI write takes here: choose N so the run stays near 90 s ----
"$TODDLE" --db "$TMP/calib.db" --today "$TODAY" child add X --born 2026-10-01 >/dev/null
"$TODDLE" --db "$TMP/calib.db" --today "$TODAY" activity log tummy-on-chest --date $D >/dev/null
t0=$(now_ms)
for k in 1 2 3 4 5 6 7 8 9 10; do
	"$TODDLE" --db "$TMP/calib.db" --today "$TODAY" activity log tummy-on-chest --date $D --minutes 5 --note "c$k"
done
per_write=$((($(now_ms) - t0 + 9) / 10))
[ "$per_write" -ge 1 ] || per_write=1
cpus=$(nproc 2>/dev/null || echo 1)
# 16*N writes shared by the cores, half as much again for the readers; about 60 s of it
N=$((60000 * cpus * 2 / (WRITERS * per_write * 3)))
[ $N -le 500 ] || N=500
[ $N -ge 60 ] || N=60
echo "# one CLI write takes about $per_write ms on $cpus cores: $WRITERS writers x $N writes"

# ---- 16 writers at once, with readers ---------------------------------------------
# writer I: N writes for child CI; each line of rc.I is "EXIT NOTE".
writer() {
	while [ ! -e "$W/go" ]; do sleep 0.01; done
	k=1
	while [ $k -le $N ]; do
		"$TODDLE" --db "$DB" --today "$TODAY" activity log --child "C$1" tummy-on-chest --date $D \
			--minutes $((k % 60 + 1)) --note "w$1-$k" >/dev/null 2>>"$W/err.$1"
		echo "$? w$1-$k" >> "$W/rc.$1"
		k=$((k + 1))
	done
}
# reader NAME ARGS...: runs the command until the writers are done; each line of
# rc.NAME is "EXIT LINES".
reader() {
	name=$1; shift
	while [ ! -e "$W/go" ]; do sleep 0.01; done
	while [ ! -e "$W/done" ]; do
		o=$("$TODDLE" --db "$DB" --today "$TODAY" "$@" 2>>"$W/err.$name"); r=$?
		echo "$r $(printf '%s\n' "$o" | grep -c .)" >> "$W/rc.$name"
	done
}
pids=
i=1
while [ $i -le $WRITERS ]; do
	writer $i &
	pids="$pids $!"
	i=$((i + 1))
done
reader caseload caseload --all &
r1=$!
reader milestones milestone list --child C1 &
r2=$!
t0=$(now_ms)
: > "$W/go"
# shellcheck disable=SC2086
wait $pids
took=$(($(now_ms) - t0))
: > "$W/done"
wait $r1 $r2
echo "# $((WRITERS * N)) writes by $WRITERS processes took $((took / 1000)).$((took % 1000 / 100)) s"

total=$((WRITERS * N))
got=$(cat "$W"/rc.[0-9]* | wc -l)
failed=$(cat "$W"/rc.[0-9]* | grep -vc '^0 ')
if [ "$got" -eq $total ] && [ "$failed" -eq 0 ]; then
	ok "$WRITERS writers x $N writes at once: every write exited 0"
else not_ok "$WRITERS writers x $N writes at once: every write exited 0" \
	"$got writes ran, $failed did not exit 0:" "$(cat "$W"/rc.[0-9]* | grep -v '^0 ' | head -5)" \
	"stderr: $(show "$W"/err.[0-9]*)"; fi
if ! cat "$W"/err.[0-9]* 2>/dev/null | grep -qi 'locked\|busy'; then
	ok "no writer was shown 'locked' or 'busy'"
else not_ok "no writer was shown 'locked' or 'busy'" "$(cat "$W"/err.[0-9]* | grep -i 'locked\|busy' | sort | uniq -c | head -5)"; fi
rows=$(sql "SELECT count(*) FROM activity_log")
if [ "$rows" = $total ]; then ok "the table holds exactly $WRITERS x $N = $total rows"
else not_ok "the table holds exactly $WRITERS x $N = $total rows" "it holds $rows"; fi
i=1
while [ $i -le $WRITERS ]; do
	k=1
	while [ $k -le $N ]; do echo "C$i|w$i-$k"; k=$((k + 1)); done
	i=$((i + 1))
done | LC_ALL=C sort > "$W/expected"
sql "SELECT c.name || '|' || l.note FROM activity_log l JOIN child c ON c.id = l.child_id" | LC_ALL=C sort > "$W/stored"
if cmp -s "$W/expected" "$W/stored"; then ok "each (child, note) written is stored exactly once"
else not_ok "each (child, note) written is stored exactly once" \
	"missing: $(LC_ALL=C comm -23 "$W/expected" "$W/stored" | head -5 | tr '\n' ' ')" \
	"extra or doubled: $(LC_ALL=C comm -13 "$W/expected" "$W/stored" | head -5 | tr '\n' ' ')"; fi
check=$(sql "PRAGMA integrity_check")
if [ "$check" = ok ]; then ok "PRAGMA integrity_check says ok after the writers"
else not_ok "PRAGMA integrity_check says ok after the writers" "$check"; fi
runs=$(wc -l < "$W/rc.caseload")
bad=$(grep -vc '^0 16$' "$W/rc.caseload")
if [ "$runs" -ge 1 ] && [ "$bad" -eq 0 ]; then ok "'caseload --all' run $runs times alongside the writers: never failed, always 16 children"
else not_ok "'caseload --all' alongside the writers never failed, always 16 children" \
	"$bad of $runs runs went wrong: $(grep -v '^0 16$' "$W/rc.caseload" | head -3 | tr '\n' ' ')" "stderr: $(show "$W/err.caseload")"; fi
runs=$(wc -l < "$W/rc.milestones")
bad=$(grep -vc '^0 [1-9]' "$W/rc.milestones")
if [ "$runs" -ge 1 ] && [ "$bad" -eq 0 ]; then ok "'milestone list' run $runs times alongside the writers: never failed"
else not_ok "'milestone list' alongside the writers never failed" \
	"$bad of $runs runs went wrong: $(grep -v '^0 [1-9]' "$W/rc.milestones" | head -3 | tr '\n' ' ')" "stderr: $(show "$W/err.milestones")"; fi
if [ ! -s "$W/err.caseload" ] && [ ! -s "$W/err.milestones" ]; then ok "the readers printed nothing on stderr (no 'locked' or 'busy')"
else not_ok "the readers printed nothing on stderr (no 'locked' or 'busy')" "$(show "$W/err.caseload" "$W/err.milestones")"; fi

# ---- writers killed with SIGKILL at random moments ------------------------------
# Each batch runs in its own process group, so one kill -9 takes the loop and the
# toddle it is running at that moment. A note goes to ok.log only after exit 0.
K="$TMP/k"
mkdir -p "$K"
cat > "$K/batch.sh" <<'SH'
: > "$K/started.$R"
j=1
while [ $j -le 200 ]; do
	echo "k$R-$j" >> "$K/tried"
	"$TODDLE" --db "$DB" --today "$TODAY" activity log --child "C$C" tummy-on-chest --date "$D" --note "k$R-$j" \
		>/dev/null 2>>"$K/err" && echo "k$R-$j" >> "$K/ok.log"
	j=$((j + 1))
done
SH
# alive PGID: some process of the group is still running (not a zombie).
alive() {
	if command -v ps >/dev/null 2>&1; then
		ps -eo pgid=,stat= | awk -v g="$1" '$1 == g && $2 !~ /^Z/ { f = 1 } END { exit !f }'
	else kill -0 -"$1" 2>/dev/null; fi
}
have_setsid=1
command -v setsid >/dev/null 2>&1 || have_setsid=0
kills=0 missed=
if [ $have_setsid = 1 ]; then
	export TODDLE DB TODAY D K
	R=1
	while [ $R -le 20 ]; do
		R=$R C=$((R % WRITERS + 1)) setsid sh "$K/batch.sh" &
		pg=$!
		w=0
		while [ ! -e "$K/started.$R" ] && [ $w -lt 500 ]; do sleep 0.01; w=$((w + 1)); done
		ms=$(($(rand $((per_write * 12))) + 5))
		sleep "$((ms / 1000)).$(printf '%03d' $((ms % 1000)))"
		if kill -9 -"$pg" 2>/dev/null; then kills=$((kills + 1)); else missed="$missed $R"; fi
		wait "$pg" 2>/dev/null
		w=0
		# until no process of the group is still running (dead ones may wait a while to be reaped)
		while alive "$pg" && [ $w -lt 500 ]; do sleep 0.01; w=$((w + 1)); done
		R=$((R + 1))
	done
	echo "# 20 batches killed; $(wc -l < "$K/tried") writes started, $(wc -l < "$K/ok.log" 2>/dev/null || echo 0) reported success"
fi

if [ $have_setsid = 0 ]; then
	for t in 9 10 11 12 13 14; do skip "killed writers, case $t" "setsid missing"; done
	exit 0
fi
if [ $kills -eq 20 ]; then ok "20 batches of writes were killed with SIGKILL mid-run (after 5 ms to 12 writes)"
else not_ok "20 batches of writes were killed with SIGKILL mid-run (after 5 ms to 12 writes)" "only $kills; rounds already over:$missed"; fi
check=$(sql "PRAGMA integrity_check")
if [ "$check" = ok ]; then ok "PRAGMA integrity_check says ok after the kills"
else not_ok "PRAGMA integrity_check says ok after the kills" "$check"; fi
fk=$(sql "PRAGMA foreign_key_check")
if [ -z "$fk" ]; then ok "PRAGMA foreign_key_check finds nothing after the kills"
else not_ok "PRAGMA foreign_key_check finds nothing after the kills" "$fk"; fi
sort -u "$K/ok.log" > "$K/ok.sorted" 2>/dev/null
sql "SELECT note FROM activity_log WHERE note LIKE 'k%'" | sort > "$K/stored"
lost=$(comm -23 "$K/ok.sorted" "$K/stored")
doubled=$(uniq -d "$K/stored")
if [ -s "$K/ok.sorted" ] && [ -z "$lost" ] && [ -z "$doubled" ]; then
	ok "all $(wc -l < "$K/ok.sorted") writes that reported success are stored, once each"
else not_ok "every write that reported success is stored, once each" \
	"reported: $(wc -l < "$K/ok.sorted")" "lost: $(printf '%s' "$lost" | head -5 | tr '\n' ' ')" "doubled: $doubled"; fi
half=$(sql "SELECT count(*) FROM activity_log l WHERE NOT EXISTS (SELECT 1 FROM audit a
	WHERE a.child_id = l.child_id AND a.action = 'activity logged' AND a.at = l.created_at)")
counts=$(sql "SELECT (SELECT count(*) FROM activity_log) || ' rows, ' ||
	(SELECT count(*) FROM audit WHERE action = 'activity logged') || ' audit rows'")
if [ "$half" = 0 ] && [ "$(echo "$counts" | cut -d' ' -f1)" = "$(echo "$counts" | cut -d' ' -f3)" ]; then
	ok "nothing is half-saved: every stored row has its audit row and no audit row lacks one"
else not_ok "nothing is half-saved: every stored row has its audit row and no audit row lacks one" \
	"$half rows without an audit row; $counts"; fi
"$TODDLE" --db "$DB" --today "$TODAY" activity log --child C1 tummy-on-chest --date $D --note after >/dev/null 2>"$TMP/err"; rc=$?
if [ $rc -eq 0 ] && [ "$(sql "SELECT count(*) FROM activity_log WHERE note LIKE 'w%'")" = $total ] &&
   [ "$(sql "SELECT count(*) FROM activity_log WHERE note = 'after'")" = 1 ]; then
	ok "afterwards the database takes a new write and still holds all $total rows of the writers"
else not_ok "afterwards the database takes a new write and still holds all $total rows of the writers" \
	"exit $rc: $(cat "$TMP/err")" "writers' rows: $(sql "SELECT count(*) FROM activity_log WHERE note LIKE 'w%'")"; fi
