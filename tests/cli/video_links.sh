#!/bin/sh
# Video links from the library or the database never reach the player as an
# option: only http:// and https:// links are loaded or played, and the
# player's own options end with "--" before the link.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 12

run child add Mia --born 2026-09-10 >/dev/null
run class list
first=$(printf '%s\n' "$out" | head -1 | cut -f1)

# A fake player that records every argument it gets, one a line.
cat > "$TMP/player" <<'SH'
#!/bin/sh
for a in "$@"; do printf '%s\n' "$a"; done > "$PLAYER_LOG"
SH
chmod +x "$TMP/player"
export PLAYER_LOG="$TMP/player.log"
mkdir -p "$TMP/clinic"
cat > "$TMP/clinic.ini" <<INI
[library]
extra = $TMP/clinic
[ui]
player = $TMP/player --fullscreen
INI
play() {
	rm -f "$PLAYER_LOG"
	SSH_CONNECTION= SSH_TTY= "$TODDLE" --db "$DB" --today "$TODAY" --config "$TMP/clinic.ini" class play "$1" \
		>"$TMP/out" 2>"$TMP/stderr"; rc=$?
	out=$(cat "$TMP/out"); err=$(cat "$TMP/stderr")
}
# after_dashes: the player's arguments after its first "--", one a line.
after_dashes() { sed -n '/^--$/,$p' "$PLAYER_LOG" | sed 1d; }

# A web link: the player's options, then "--", then the link and nothing else.
printf '[video %s]\nurl = https://example.invalid/-v\n' "$first" > "$TMP/clinic/ours.ini"
play "$first"
check_rc "class play runs the player on an https:// link" 0
if [ "$(cat "$PLAYER_LOG" 2>/dev/null)" = "$(printf '%s\n' --fullscreen -- https://example.invalid/-v)" ] &&
   ! after_dashes | grep -q '^-'; then
	ok "the player's options end with '--' and no argument after it starts with '-'"
else not_ok "the player's options end with '--' and no argument after it starts with '-'" "got: $(cat "$PLAYER_LOG" 2>/dev/null)"; fi

# A player option as the link is refused by the loader: the folder is left out.
printf '[video %s]\nurl = --script=%s/evil.lua\n' "$first" "$TMP" > "$TMP/clinic/ours.ini"
play "$first"
if [ $rc -eq 1 ] && [ ! -e "$PLAYER_LOG" ] && printf '%s' "$err" | grep -q "http:// or https://"; then
	ok "a [video] url of --script=... is refused when the library loads and nothing plays"
else not_ok "a [video] url of --script=... is refused when the library loads and nothing plays" "rc $rc" "$err"; fi
if printf '%s' "$err" | grep -q "ours.ini:2: video '$first': url = '--script="; then
	ok "the refusal names the file, the line and the value"
else not_ok "the refusal names the file, the line and the value" "$err"; fi

# content check refuses the same, for a [video] url and a class's video key.
mkdir -p "$TMP/check"
printf '[video %s]\nurl = --script=%s/evil.lua\n' "$first" "$TMP" > "$TMP/check/v.ini"
"$TODDLE" content check "$TMP/check" >"$TMP/out" 2>"$TMP/stderr"; rc=$?; err=$(cat "$TMP/stderr")
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "url = '--script=.*http:// or https://"; then
	ok "content check refuses a [video] url that is not a web link"
else not_ok "content check refuses a [video] url that is not a web link" "rc $rc" "$err"; fi
awk -v t="$first" '$0 == "[class " t "]" { on = 1; print; next } on && /^\[/ { exit } on' \
	"$TOP_SRCDIR"/content/classes.ini | sed '/^source = /a video = file:///etc/passwd' > "$TMP/check/v.ini"
"$TODDLE" content check "$TMP/check" >"$TMP/out" 2>"$TMP/stderr"; rc=$?; err=$(cat "$TMP/stderr")
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "video = 'file:///etc/passwd'.*http:// or https://"; then
	ok "content check refuses a class's video key that is not a web link"
else not_ok "content check refuses a class's video key that is not a web link" "rc $rc" "$err"; fi
# (as a class of one's own: content check DIR checks DIR on top of the shipped library)
sed -i -e 's|^video = .*|video = http://example.invalid/v|' -e "s|^\[class $first\]\$|[class own-$first]|" "$TMP/check/v.ini"
"$TODDLE" content check "$TMP/check" >"$TMP/out" 2>"$TMP/stderr"; rc=$?
if [ $rc -eq 0 ]; then ok "content check accepts a class with an http:// video"
else not_ok "content check accepts a class with an http:// video" "$(cat "$TMP/stderr")"; fi

# A link changed in the database behind the loader's back is refused at play
# time, in the CLI, over SSH too (it is not even shown).
printf '[video %s]\nurl = https://example.invalid/fine\n' "$first" > "$TMP/clinic/ours.ini"
play "$first"
sqlite3 "$DB" "UPDATE class SET video='--script=$TMP/evil.lua' WHERE id='$first'"
play "$first"
check_rc "a --script=... link in the database is refused at play time with exit 1" 1
check_err "the refusal says it is not a web link" "is not an http:// or https:// link"
if [ ! -e "$PLAYER_LOG" ]; then ok "the player did not run"
else not_ok "the player did not run" "got: $(cat "$PLAYER_LOG")"; fi
SSH_CONNECTION="10.0.0.1 1 10.0.0.2 22" "$TODDLE" --db "$DB" --config "$TMP/clinic.ini" class play "$first" >"$TMP/out" 2>"$TMP/stderr"; rc=$?
if [ $rc -eq 1 ] && ! grep -q -- "--script" "$TMP/out"; then ok "over SSH the bad link is refused, not shown"
else not_ok "over SSH the bad link is refused, not shown" "rc $rc" "$(cat "$TMP/out")"; fi
sqlite3 "$DB" "UPDATE class SET video='https://example.invalid/x' || char(27) || '[2J' WHERE id='$first'"
play "$first"
check_rc "a link with a control character is refused too" 1
