#!/bin/sh
# The library through the CLI: activity list, milestone catalog, classes,
# guidance, a clinic's own folder, and the video launcher (no shell, ever).
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 24

run child add Mia --born 2026-09-10 >/dev/null

run activity list --week 6
check_rc "activity list --week 6 succeeds" 0
if [ "$(printf '%s\n' "$out" | wc -l)" -ge 4 ] && ! printf '%s\n' "$out" | awk -F'\t' 'NF != 5 || $5 != "-" { bad = 1 } END { exit !bad }'; then
	ok "activity list --week 6: at least 4 lines of ID, DOMAIN, WEEKS, TITLE, DONE (- before any log)"
else not_ok "activity list --week 6: at least 4 lines of ID, DOMAIN, WEEKS, TITLE, DONE" "$out"; fi
if printf '%s\n' "$out" | awk -F'\t' '{ split($3, w, "-"); if (w[1] > 6 || w[2] < 6) bad = 1 } END { exit bad }'; then
	ok "activity list --week 6 lists only activities whose weeks include 6"
else not_ok "activity list --week 6 lists only activities whose weeks include 6" "$out"; fi

run activity list --domain fine-motor
if [ -n "$out" ] && printf '%s\n' "$out" | awk -F'\t' '$2 != "fine-motor" { bad = 1 } END { exit bad }'; then
	ok "activity list --domain fine-motor lists only that domain"
else not_ok "activity list --domain fine-motor lists only that domain" "$out"; fi
run activity list --domain jumping
check_rc "an unknown domain is refused" 1
check_err "the refusal names the domains" "domains are"
run activity list --week 105
check_rc "--week 105 is refused" 1

run milestone catalog --age 2
check_rc "milestone catalog --age 2 succeeds" 0
if printf '%s\n' "$out" | grep -q "^cdc-2m-se-calms	2	social-emotional	" &&
   printf '%s\n' "$out" | awk -F'\t' '$2 != 2 { bad = 1 } END { exit bad }'; then
	ok "milestone catalog --age 2: ID, AGE_MONTHS, DOMAIN, TEXT, only 2-month items"
else not_ok "milestone catalog --age 2: ID, AGE_MONTHS, DOMAIN, TEXT, only 2-month items" "$out"; fi
run milestone catalog
if [ "$(printf '%s\n' "$out" | grep -v '^who-' | cut -f2 | sort -un | tr '\n' ' ')" = "2 4 6 9 12 15 18 24 30 36 48 60 " ]; then
	ok "milestone catalog covers every CDC checklist age"
else not_ok "milestone catalog covers every CDC checklist age" "ages: $(printf '%s\n' "$out" | cut -f2 | sort -un | tr '\n' ' ')"; fi
run milestone catalog --age 5
check_rc "an age without a checklist is refused" 1

run class list
if [ "$(printf '%s\n' "$out" | wc -l)" -ge 24 ] && ! printf '%s\n' "$out" | awk -F'\t' 'NF != 4 { bad = 1 } END { exit !bad }'; then
	ok "class list: at least 24 lines of ID, MINUTES, AGES, TITLE"
else not_ok "class list: at least 24 lines of ID, MINUTES, AGES, TITLE" "$out"; fi
first=$(printf '%s\n' "$out" | head -1 | cut -f1)
run class show "$first"
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^Try:" && printf '%s' "$out" | grep -q "^Source: "; then
	ok "class show prints the sections, the steps to try and the source"
else not_ok "class show prints the sections, the steps to try and the source" "$out" "$err"; fi
run class play "$first"
check_rc "class play without a video is refused" 1
check_err "and says how a clinic adds one" "video"

run guide
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^pt	" && printf '%s' "$out" | grep -q "When to talk to your doctor"; then
	ok "guide lists who helps with what and the areas of concern"
else not_ok "guide lists who helps with what and the areas of concern" "$out"; fi
run guide movement
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "physical therapist" && printf '%s' "$out" | grep -q "(source: "; then
	ok "guide movement names the therapist and a source for each sign"
else not_ok "guide movement names the therapist and a source for each sign" "$out"; fi
run guide nonsense
check_rc "an unknown guide topic is refused" 1

# A clinic's own folder: it may add, and its video reaches the player as one
# argument, with no shell to interpret it.
mkdir -p "$TMP/clinic"
cat > "$TMP/clinic/ours.ini" <<INI
[video $first]
url = https://example.invalid/a b;touch $TMP/pwned

[activity clinic-ball-roll]
title = Clinic ball roll
weeks = 30-40
domain = gross-motor
discipline = pt
minutes = 5
materials = a soft ball
step = Sit facing each other and roll the ball.
why = Practice for sitting balance.
builds = cdc-9m-mp-sits-alone
easier = Sit behind your baby for support.
harder = Roll it a little to the side.
INI
cat > "$TMP/player" <<'SH'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done > "$PLAYER_LOG"
SH
chmod +x "$TMP/player"
cat > "$TMP/clinic.ini" <<INI
[library]
extra = $TMP/clinic
[ui]
player = $TMP/player --fullscreen
INI
export PLAYER_LOG="$TMP/player.log"
run --config "$TMP/clinic.ini" activity show clinic-ball-roll
check_rc "a clinic folder adds its own activity" 0
SSH_CONNECTION= SSH_TTY= "$TODDLE" --db "$DB" --config "$TMP/clinic.ini" class play "$first" >"$TMP/out" 2>"$TMP/err"; rc=$?
check_rc "class play runs the player from the settings" 0
expected=$(printf '%s\n' --fullscreen -- "https://example.invalid/a b;touch $TMP/pwned")
if [ "$(cat "$PLAYER_LOG" 2>/dev/null)" = "$expected" ] && [ ! -e "$TMP/pwned" ]; then
	ok "the player gets an argument vector: the link is one argument and no shell ran"
else not_ok "the player gets an argument vector: the link is one argument and no shell ran" "got: $(cat "$PLAYER_LOG" 2>/dev/null)"; fi
SSH_CONNECTION="10.0.0.1 1 10.0.0.2 22" "$TODDLE" --db "$DB" --config "$TMP/clinic.ini" class play "$first" >"$TMP/out" 2>&1
if grep -q "example.invalid" "$TMP/out"; then ok "over SSH the link is shown instead of playing"
else not_ok "over SSH the link is shown instead of playing" "$(cat "$TMP/out")"; fi

# A clinic folder that clashes with a shipped id is reported and left out.
sed -n '1,/^\[activity/p' "$TOP_SRCDIR/content/activities-00-12.ini" | tail -1 > /dev/null
shipped=$(grep -m1 '^\[activity ' "$TOP_SRCDIR/content/activities-00-12.ini" | sed 's/^\[activity \(.*\)\]$/\1/')
sed "s/clinic-ball-roll/$shipped/" "$TMP/clinic/ours.ini" > "$TMP/clinic/ours.ini.new" && mv "$TMP/clinic/ours.ini.new" "$TMP/clinic/ours.ini"
run --config "$TMP/clinic.ini" activity show "$shipped"
if [ $rc -eq 0 ] && printf '%s' "$err" | grep -q "clashes with the shipped one" &&
   ! printf '%s' "$out" | grep -q "Clinic ball roll"; then
	ok "a clash with a shipped id is reported and the shipped activity stays"
else not_ok "a clash with a shipped id is reported and the shipped activity stays" "out: $out" "err: $err"; fi
run --config "$TMP/clinic.ini" activity show clinic-ball-roll
check_rc "the clashing folder is left out as a whole until it is fixed" 1
