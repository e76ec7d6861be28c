#!/bin/sh
# Milestone corrections (`milestone correct`, `milestone list --history`), WHO
# windows in `milestone list` and `milestone catalog`, and what is worth
# talking about for a child added late: exit codes, and refusals that leave the
# database unchanged.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 22

ME=$(id -un)
sql() { sqlite3 "$DB" "$1"; }
if ! command -v sqlite3 >/dev/null 2>&1; then
	for i in $(seq 22); do echo "ok $i - # SKIP sqlite3 missing"; done
	exit 0
fi

# Zoe: born 2025-03-20, 20 months on 2026-11-26, added today.
run child add Zoe --born 2025-03-20
sql "UPDATE child SET created_at = '${TODAY}T09:00:00Z'" >/dev/null
run milestone list --flagged
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "a 20-month-old just added: nothing is worth talking about"
else not_ok "a 20-month-old just added: nothing is worth talking about" "exit $rc" "$out"; fi

# ---- WHO rows ------------------------------------------------------------------
run milestone catalog
if printf '%s\n' "$out" | grep -Fxq "who-sitting	3.8-9.2	movement	Sits up without any support" &&
   [ "$(printf '%s\n' "$out" | grep -c '^who-')" -eq 6 ]; then
	ok "milestone catalog lists the six WHO windows, the window in the age column"
else not_ok "milestone catalog lists the six WHO windows, the window in the age column" "$out"; fi
run milestone catalog --age 12
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '^who-walking-alone	8.2-17.6	' &&
   ! printf '%s\n' "$out" | grep -q '^who-sitting	'; then
	ok "milestone catalog --age 12 lists the windows open at 12 months"
else not_ok "milestone catalog --age 12 lists the windows open at 12 months" "$out"; fi

run milestone log cdc-9m-mp-sits-alone --date 2025-12-01
run milestone log who-walking-alone --date 2026-04-10
run milestone list
if printf '%s\n' "$out" | grep -Fxq "who-sitting	achieved	2025-12-01	Sits up without any support (recorded as cdc-9m-mp-sits-alone)" &&
   printf '%s\n' "$out" | grep -Fxq "cdc-18m-mp-walks-alone	achieved	2026-04-10	Walks without holding on to anyone or anything (recorded as who-walking-alone)"; then
	ok "milestone list: a CDC item and its WHO window count for each other, in the same columns"
else not_ok "milestone list: a CDC item and its WHO window count for each other, in the same columns" "$out"; fi
if printf '%s\n' "$out" | grep -Fxq "who-crawling	-	-	Crawls on hands and knees (passed by who-walking-alone)"; then
	ok "milestone list: walking alone retires the crawling window"
else not_ok "milestone list: walking alone retires the crawling window" "$out"; fi
run milestone log who-crawling --status not-yet --date 2026-11-01
run milestone list --flagged
if [ $rc -eq 0 ] && [ -z "$out" ]; then ok "crawling not yet is no concern for a child who walks"
else not_ok "crawling not yet is no concern for a child who walks" "$out"; fi

# ---- corrections ---------------------------------------------------------------
run milestone log cdc-12m-lc-waves-bye --date 2026-11-20 --note 'waves at the cat'
run milestone log cdc-12m-lc-waves-bye --status not-yet --date 2026-11-20
id1=$(sql "SELECT min(id) FROM milestone_log WHERE milestone_id = 'cdc-12m-lc-waves-bye'")
id2=$(sql "SELECT max(id) FROM milestone_log WHERE milestone_id = 'cdc-12m-lc-waves-bye'")
run milestone list --flagged
if [ "$(printf '%s\n' "$out" | cut -f1,2)" = "cdc-12m-lc-waves-bye	checklist" ]; then
	ok "achieved then not yet on the same day: a not-yet answer, never a lost skill"
else not_ok "achieved then not yet on the same day: a not-yet answer, never a lost skill" "$out"; fi
run milestone list --history cdc-12m-lc-waves-bye
check_out "--history: ENTRY_ID, STATUS, DATE, WHO, STATE, NOTE, oldest first" \
	"$id1	achieved	2026-11-20	$ME	in-force	waves at the cat
$id2	not-yet	2026-11-20	$ME	in-force	"

run milestone correct "$id2" --status achieved
check_rc "milestone correct ID --status achieved exits 0" 0
id3=$(sql "SELECT max(id) FROM milestone_log")
run milestone list --flagged
if [ -z "$out" ]; then ok "the corrected entry is no longer worth talking about"
else not_ok "the corrected entry is no longer worth talking about" "$out"; fi
run milestone correct "$id1" --remove
check_rc "milestone correct ID --remove exits 0" 0
run milestone list --history cdc-12m-lc-waves-bye
check_out "--history shows removed, corrected and in-force entries; the correction keeps the date" \
	"$id1	achieved	2026-11-20	$ME	removed	waves at the cat
$id2	not-yet	2026-11-20	$ME	corrected	
$id3	achieved	2026-11-20	$ME	in-force	"
if [ "$(sql "SELECT action FROM audit WHERE action LIKE 'milestone %' ORDER BY id DESC LIMIT 2" | tr '\n' ',')" = "milestone removed,milestone corrected," ]; then
	ok "the audit trail says corrected and removed"
else not_ok "the audit trail says corrected and removed" "$(sql "SELECT action FROM audit ORDER BY id DESC LIMIT 3")"; fi

# ---- refusals: exit 1, one line, nothing changed ----------------------------------
before=$(db_dump)
refuse() {
	name=$1; pattern=$2; shift 2
	run "$@"
	if [ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q -- "$pattern" &&
	   [ "$(db_dump)" = "$before" ]; then ok "$name"
	else not_ok "$name" "exit $rc" "stderr: $err"; fi
}
refuse "an unknown entry is refused, database unchanged" "no milestone entry 9999" milestone correct 9999 --status achieved
refuse "a removed entry is refused, database unchanged" "was removed by $ME" milestone correct "$id1" --status emerging
refuse "a stale correction names who, when and the entry in force" "already corrected by $ME at .*entry $id3 is in force now" \
	milestone correct "$id2" --status emerging
refuse "the same status is refused: nothing to change" "already says achieved: nothing to change" milestone correct "$id3" --status achieved
refuse "--status and --remove together are refused" "exactly one of" milestone correct "$id3" --status achieved --remove
refuse "neither --status nor --remove is refused" "exactly one of" milestone correct "$id3"
refuse "a bad status is refused" "must be achieved, emerging or not-yet" milestone correct "$id3" --status maybe
refuse "an ENTRY_ID that is not a number is refused" "must be a number" milestone correct abc --remove
refuse "--history of an unknown item is refused" "no milestone 'nope'" milestone list --history nope
