# Sourced by tests/cli/caseload.sh: a clinic's children in as many states as
# the caseload shows, made with the real CLI (and sqlite3 for what the CLI
# cannot do: the day a child was added, a removed log, a log of a merged id).
# Needs lib.sh's run, $DB and TODAY=2026-11-26 (a Thursday; its week runs from
# Monday 2026-11-23 to Sunday 2026-11-29).
ms() { run milestone log --child "$1" "$2" --status "$3" --date "$4"; }
act() { run activity log --child "$1" "$2" --date "$3" --result "${4:-done}"; }

# Ana: term, 9 months; sat alone and then did not (a lost skill), a same-day
# change (a correction, not a lost skill), not-yet items past their checklist
run child add Ana --born 2026-03-01
ms Ana cdc-9m-mp-sits-alone achieved 2026-10-01
ms Ana cdc-9m-mp-sits-alone not-yet 2026-11-10
ms Ana cdc-6m-mp-rolls-to-back achieved 2026-09-01
ms Ana cdc-6m-mp-rolls-to-back not-yet 2026-09-01
ms Ana cdc-6m-se-laughs not-yet 2026-10-05
ms Ana cdc-4m-lc-coos not-yet 2026-08-01
ms Ana who-crawling not-yet 2026-11-01
ms Ana cdc-2m-mp-lifts-head achieved 2026-05-01
run program add --child Ana --activity tummy-forearm-prop --times 2 --per day --from 2026-11-23
run program add --child Ana --activity bye-bye-wave --times 3 --per week --from 2026-11-01
act Ana tummy-forearm-prop 2026-11-23
act Ana tummy-forearm-prop 2026-11-24 hard
act Ana tummy-forearm-prop 2026-11-25 skipped
act Ana wave-bye-bye 2026-11-24
run event add --child Ana --date 2026-12-03 --time 10:30 --title "PT session"
run event add --child Ana --date 2026-12-03 --title "Clinic closed"
run event add --child Ana --date 2026-11-20 --time 09:00 --title "Past visit"
run assign --child Ana --therapist zz-alice --discipline pt
run assign --child Ana --therapist zz-bob --discipline ot

# Ben: born at 30 weeks, corrected age; an entry corrected, one removed
run child add Ben --born 2026-06-10 --ga 30
ms Ben cdc-2m-se-smiles-back not-yet 2026-10-01
e1=$(printf '%s\n' "$out" | head -1)
run milestone correct "$e1" --status achieved
ms Ben cdc-2m-lc-sounds not-yet 2026-10-02
e2=$(printf '%s\n' "$out" | head -1)
run milestone correct "$e2" --remove
ms Ben cdc-2m-mp-lifts-head not-yet 2026-11-01
run program add --child Ben --activity tummy-forearm-prop --times 4 --per week --from 2026-11-25
act Ben tummy-forearm-prop 2026-11-20
run event add --child Ben --date 2026-11-26 --time 08:00 --title "Early today"
run event add --child Ben --date 2026-11-26 --title "All day today"
run assign --child Ben --therapist zz-alice --discipline pt

# Cleo: born early (due date), 22 months, windows closed long ago; the
# walking window implies the earlier ones once walking is achieved
run child add Cleo --born 2025-01-15 --due 2025-03-20
ms Cleo who-walking-alone achieved 2026-06-01
ms Cleo who-crawling not-yet 2026-01-01
ms Cleo cdc-12m-lc-waves-bye not-yet 2026-02-01
ms Cleo cdc-12m-mp-cruises not-yet 2026-03-01
ms Cleo cdc-18m-se-points-to-share not-yet 2026-09-01
run program add --child Cleo --activity tummy-forearm-prop --times 1 --per day --from 2026-10-01 --to 2026-11-24
run program add --child Cleo --activity bye-bye-wave --times 2 --per week --from 2026-12-01
act Cleo tummy-forearm-prop 2026-11-24
act Cleo tummy-forearm-prop 2026-11-25
run event add --child Cleo --date 2027-01-15 --time 14:00 --title "Check-up"
run assign --child Cleo --therapist zz-carol --discipline speech
run assign --child Cleo --therapist zz-alice --discipline pt
run assign --child Cleo --therapist zz-alice --discipline pt --end

# Dev: 2 and a half, nothing logged: his windows closed before he was added
run child add Dev --born 2024-05-05
run event add --child Dev --date 2026-11-30 --time 11:00 --title "Hearing test"
run event add --child Dev --date 2026-11-27 --time 11:00 --title "Removed visit"
run event delete "$(printf '%s\n' "$out" | head -1)"
run assign --child Dev --therapist zz-bob --discipline ot

# Ella and eve: names that differ in case only by their first letter; the
# same counts, so the name decides
run child add Ella --born 2025-11-01
ms Ella who-sitting not-yet 2026-08-01
run child add eve --born 2025-11-01
ms eve who-sitting not-yet 2026-08-01
ms eve cdc-9m-mp-sits-alone not-yet 2026-08-02
run assign --child eve --therapist zz-alice --discipline ot

# Finn: newborn, due later (corrected age below zero)
run child add Finn --born 2026-11-01 --due 2026-12-20
run event add --child Finn --date 2026-11-30 --title "NICU follow-up"

# Gia: 14 months, achieved windows, one walking window with no entry yet
run child add Gia --born 2025-09-20
ms Gia who-sitting achieved 2026-03-01
ms Gia who-standing-assisted achieved 2026-07-01
ms Gia cdc-12m-mp-pulls-to-stand emerging 2026-09-01
run program add --child Gia --activity tummy-forearm-prop --times 20 --per day --from 2026-11-26
act Gia tummy-forearm-prop 2026-11-26
act Gia tummy-forearm-prop 2026-11-26
run assign --child Gia --therapist zz-carol --discipline speech

# Hugo: a program with nothing logged, ever
run child add Hugo --born 2026-01-15
run program add --child Hugo --activity tummy-forearm-prop --times 1 --per week --from 2026-11-02
ms Hugo cdc-9m-mp-sits-alone achieved 2026-10-01
ms Hugo who-sitting not-yet 2026-11-20

# Ines: logs of an activity not in her program do not make her practised
run child add Ines --born 2026-02-02
run program add --child Ines --activity tummy-forearm-prop --times 3 --per week --from 2026-11-02
act Ines bye-bye-wave 2026-11-25
act Ines tummy-forearm-prop 2026-11-03

# Added on days that decide whether a window with no entry is a gap or a concern
sqlite3 "$DB" "UPDATE child SET created_at = CASE name WHEN 'Dev' THEN '2026-11-01T10:00:00Z'
	WHEN 'Cleo' THEN '2025-02-01T10:00:00Z' WHEN 'Gia' THEN '2025-10-01T10:00:00Z'
	ELSE '2026-11-02T09:00:00Z' END;
	UPDATE activity_log SET deleted_at = '2026-11-26T10:00:00Z', deleted_by = 'zz-alice'
	 WHERE child_id = (SELECT id FROM child WHERE name = 'Ana') AND day = '2026-11-24';
	INSERT INTO activity_log(uuid, child_id, activity_id, day, result, created_at, created_by)
	 SELECT 'caseload-old-id', id, 'bye-bye-wave', '2026-11-25', 'done', '2026-11-25T10:00:00Z', 'zz'
	 FROM child WHERE name = 'Ana';"
