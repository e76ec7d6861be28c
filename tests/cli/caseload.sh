#!/bin/sh
# The caseload (every child, a therapist's, each sort) is read in a few
# statements, not child by child: it must show what the old child-by-child
# reading showed. tests/data/caseload.expected is that reading's output for the
# children of caseload_build.sh; the flags column must also equal each child's
# 'milestone list --flagged', here and on a generated clinic. The counts are
# stored (flag_count) and kept current: after each write that changes a flag,
# and on each day a flag is added, the caseload's count is the new one at once.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 12
TODAY=2026-11-26
if ! command -v sqlite3 >/dev/null 2>&1; then
	for i in 1 2 3 4 5 6 7 8 9 10 11 12; do echo "ok $i - caseload # SKIP sqlite3 missing"; done
	exit 0
fi
. "$TOP_SRCDIR/tests/cli/caseload_build.sh"

# every listing, as tests/data/caseload.expected has them
listings() {
	for s in name age flags idle next; do
		echo "== --all --sort $s"
		"$TODDLE" --db "$1" --today 2026-11-26 caseload --all --sort $s
	done
	for t in zz-alice zz-bob zz-nobody; do
		for s in name next; do
			echo "== --therapist $t --sort $s"
			"$TODDLE" --db "$1" --today 2026-11-26 caseload --therapist $t --sort $s
		done
	done
	echo "== Monday 2026-11-30, --all"
	"$TODDLE" --db "$1" --today 2026-11-30 caseload --all --sort idle
}
listings "$DB" >"$TMP/got" 2>"$TMP/err"
if cmp -s "$TMP/got" "$TOP_SRCDIR/tests/data/caseload.expected" && [ ! -s "$TMP/err" ]; then
	ok "every listing of the caseload is what the child-by-child reading showed"
else
	not_ok "every listing of the caseload is what the child-by-child reading showed" \
		"$(diff "$TOP_SRCDIR/tests/data/caseload.expected" "$TMP/got")" "$(cat "$TMP/err")"
fi

# flagged DB DAY: "NAME FLAGS" lines where the caseload's count differs from milestone list --flagged
flagged() {
	"$TODDLE" --db "$1" --today "$2" caseload --all | while IFS="$(printf '\t')" read -r id name age cage team next flags rest; do
		want=$("$TODDLE" --db "$1" --today "$2" milestone list --flagged --child "$name" | grep -c .)
		[ "$flags" = "$want" ] || echo "$name: caseload $flags, milestone list --flagged $want"
	done
}
bad=$(flagged "$DB" "$TODAY")
if [ -z "$bad" ] && [ "$(listings "$DB" | grep -c .)" -gt 40 ]; then
	ok "each child's flags are as many as 'milestone list --flagged' lists"
else not_ok "each child's flags are as many as 'milestone list --flagged' lists" "$bad"; fi

# A generated clinic: 60 children with two years of random records each (more
# than one run of the flags statement), on two days.
if command -v python3 >/dev/null 2>&1 &&
   TODDLE="$TODDLE" python3 "$TOP_SRCDIR/bench/make-clinic-db" --children 60 --rows 30000 "$TMP/clinic.db" >/dev/null 2>"$TMP/err"; then
	for day in 2026-03-02 2025-10-15; do
		bad=$(flagged "$TMP/clinic.db" "$day")
		if [ -z "$bad" ]; then ok "a generated clinic on $day: every child's flags match 'milestone list --flagged'"
		else not_ok "a generated clinic on $day: every child's flags match 'milestone list --flagged'" "$bad"; fi
	done
else
	for day in 2026-03-02 2025-10-15; do
		ok "a generated clinic on $day # SKIP python3 or bench/make-clinic-db unavailable: $(head -1 "$TMP/err" 2>/dev/null)"
	done
fi

# The stored counts (schema 13): the listings above stored one for every child.
kids=$(sqlite3 "$DB" "SELECT count(*) FROM child")
stored=$(sqlite3 "$DB" "SELECT count(*) FROM flag_count WHERE since = '$TODAY'" 2>&1)
if [ "$stored" = "$kids" ] && [ "$kids" -gt 5 ]; then ok "a caseload stores every child's flag count ($stored of $kids)"
else not_ok "a caseload stores every child's flag count" "stored: $stored, children: $kids"; fi

# count NAME DAY: NAME's flags in the caseload on DAY
count() {
	"$TODDLE" --db "$DB" --today "$2" caseload --all | awk -F '\t' -v n="$1" '$2 == n { print $7 }'
}

# Dan turns 13 months on 2026-11-29: his 12-month items not yet become flags
# that day; his window of walking with help (the CDC cruising item's window)
# closes at 13.7 months: the checklist flag gives way to the window's, the
# count stays. Zoe's window of standing alone (16.9 months) closes in December.
run child add Dan --born 2025-10-29
ms Dan cdc-12m-lc-waves-bye not-yet 2026-11-20
dan_wave=$(printf '%s\n' "$out" | head -1)
ms Dan cdc-12m-mp-cruises not-yet 2026-11-20
dan_cruise=$(printf '%s\n' "$out" | head -1)
run child add Zoe --born 2025-07-05
ms Zoe who-standing-alone not-yet 2026-11-20
ms Ana cdc-12m-lc-waves-bye not-yet 2026-11-20
before=$(count Ana "$TODAY")
bad=$(flagged "$DB" "$TODAY")
ms Ana cdc-6m-se-laughs achieved "$TODAY"
after=$(count Ana "$TODAY")
bad="$bad$(flagged "$DB" "$TODAY")"
if [ -z "$bad" ] && [ -n "$before" ] && [ "$after" = "$((before - 1))" ]; then
	ok "a logged milestone changes the stored count at once (Ana: $before, then $after)"
else not_ok "a logged milestone changes the stored count at once" "Ana: $before, then $after" "$bad"; fi

# Day by day to Christmas: every child's count is 'milestone list --flagged''s
# on each day, so a stored count never outlives the day a flag is added.
bad=""
grew=""
day=$TODAY
last_dan=$(count Dan "$day")
last_eve=$(count Zoe "$day")
while [ "$day" != 2026-12-26 ]; do
	day=$(date -u -d "$day + 1 day" +%Y-%m-%d)
	bad="$bad$(flagged "$DB" "$day")"
	d=$(count Dan "$day"); e=$(count Zoe "$day")
	[ "$d" != "$last_dan" ] && grew="$grew Dan:$day:$last_dan>$d"
	[ "$e" != "$last_eve" ] && grew="$grew Zoe:$day:$last_eve>$e"
	last_dan=$d; last_eve=$e
done
case "$grew" in
*Dan:2026-11-29:*Zoe:2026-12-*) found=1 ;;
*) found=0 ;;
esac
if [ -z "$bad" ] && [ "$found" = 1 ]; then ok "stepping the days, each count grows on the day a flag is added:$grew"
else not_ok "stepping the days, each count grows on the day a flag is added" "changes:$grew" "$bad"; fi

# Corrections, removals and a new birth date: the count follows at once.
DAY=2026-12-01
before=$(count Dan "$DAY")
run milestone correct "$dan_wave" --status achieved
mid=$(count Dan "$DAY")
bad=$(flagged "$DB" "$DAY")
run milestone correct "$dan_cruise" --remove
after=$(count Dan "$DAY")
bad="$bad$(flagged "$DB" "$DAY")"
if [ -z "$bad" ] && [ "$mid" = "$((before - 1))" ] && [ "$after" = "$((before - 2))" ]; then
	ok "a corrected, then removed entry changes the stored count at once ($before, $mid, $after)"
else not_ok "a corrected, then removed entry changes the stored count at once" "$before, $mid, $after" "$bad"; fi
run child edit Dan --born 2026-01-10
after=$(count Dan "$DAY")
bad=$(flagged "$DB" "$DAY")
zoe=$(count Zoe "$DAY")
sqlite3 "$DB" "UPDATE child SET born = '2025-05-01' WHERE name = 'Zoe'"
zoe="$zoe $(count Zoe "$DAY")"
bad="$bad$(flagged "$DB" "$DAY")"
if [ -z "$bad" ] && [ "$after" = 0 ] && [ "$rc" = 0 ] && [ "$zoe" = "0 1" ]; then
	ok "a new birth date changes the stored count at once (Dan: 0 after being $before), also written outside toddle"
else not_ok "a new birth date changes the stored count at once" "Dan: $before, then $after; Zoe: $zoe" "$bad"; fi

# Another correct_until setting or an earlier day is counted afresh, not read from the store.
bad=$(flagged "$DB" 2026-11-20)
if [ -z "$bad" ] && [ "$(sqlite3 "$DB" "SELECT count(*) FROM flag_count WHERE since = '2026-11-20'")" = "$((kids + 2))" ]
then ok "an earlier day is counted afresh, not read from a later day's store"
else not_ok "an earlier day is counted afresh, not read from a later day's store" "$bad"; fi

# While another connection is saving, the caseload neither waits for it (a save
# waits up to 10 s) nor stores: it shows the counts it worked out.
sqlite3 "$DB" "DELETE FROM flag_count"
want=$("$TODDLE" --db "$DB" --today "$DAY" caseload --all)
sqlite3 "$DB" "DELETE FROM flag_count"
{ echo "BEGIN IMMEDIATE; INSERT INTO meta(key, value) VALUES('flag-test', 'busy');"; sleep 4; echo "ROLLBACK;"; } |
	sqlite3 "$DB" &
holder=$!
sleep 1
start=$(date +%s)
got=$("$TODDLE" --db "$DB" --today "$DAY" caseload --all 2>"$TMP/err")
took=$(( $(date +%s) - start ))
wait "$holder"
left=$(sqlite3 "$DB" "SELECT count(*) FROM flag_count")
if [ "$got" = "$want" ] && [ "$took" -le 2 ] && [ "$left" = 0 ] && [ ! -s "$TMP/err" ]; then
	ok "a busy database: the counts are shown at once ($took s) and not stored"
else not_ok "a busy database: the counts are shown at once and not stored" "took $took s, stored $left" "$(cat "$TMP/err")"; fi

# A library reload (here forced: the stamp of the loaded library is gone) can
# change any checklist or window: every stored count goes, and is counted again.
"$TODDLE" --db "$DB" --today "$DAY" caseload --all >/dev/null
before=$(sqlite3 "$DB" "SELECT count(*) FROM flag_count")
sqlite3 "$DB" "DELETE FROM meta WHERE key = 'content_stamp'"
"$TODDLE" --db "$DB" --today "$DAY" child list >/dev/null
after=$(sqlite3 "$DB" "SELECT count(*) FROM flag_count")
bad=$(flagged "$DB" "$DAY")
if [ "$before" -gt 5 ] && [ "$after" = 0 ] && [ -z "$bad" ]; then
	ok "a library reload drops every stored count ($before, then $after)"
else not_ok "a library reload drops every stored count" "$before, then $after" "$bad"; fi
