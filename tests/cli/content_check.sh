#!/bin/sh
# content check and the loader are one code path (issue 16, item 13): `content check
# DIR` loads the library in use with DIR as one's own folder on top of it, as a start
# does with library.extra = DIR, so they agree both ways. Before, a folder whose ids
# clashed with the shipped library passed the check but the loader left it out, and a
# [video] for a shipped class was refused by the check but loaded.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 15

run child add Mia --born 2026-09-10
run class list
first=$(printf '%s\n' "$out" | head -1 | cut -f1)
OWN="$TMP/own"
mkdir -p "$OWN"
printf '[library]\nextra = %s\n' "$OWN" >"$TMP/own.ini"

# check DIR: content check DIR, output in $out/$err, status in $rc.
check() {
	out=$("$TODDLE" content check "$@" 2>"$TMP/stderr"); rc=$?
	err=$(cat "$TMP/stderr")
}
# load ARGS...: a command of a start with library.extra = $OWN.
load() { run --config "$TMP/own.ini" "$@"; }
# reason_check / reason_load: the problem as content check and as the loader's warning say it.
reason_check() { printf '%s' "$err" | sed -n 's/^toddle: \(.*\) (toddle would leave the folder .* out)$/\1/p'; }
reason_load() { printf '%s' "$err" | sed -n 's/^toddle: warning: your own library folder was left out: //p'; }

# (b) A [video] for a shipped class: both accept it, and the class plays it.
printf '[video %s]\nurl = https://example.invalid/own-video\n' "$first" >"$OWN/videos.ini"
check "$OWN"
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^$OWN: ok (on top of the library in .*content)$"; then
	ok "a [video] for a shipped class: content check DIR accepts it"
else not_ok "a [video] for a shipped class: content check DIR accepts it" "exit $rc" "$out" "$err"; fi
load class show "$first"
if [ $rc -eq 0 ] && [ -z "$err" ] && printf '%s' "$out" | grep -q "^Video: https://example.invalid/own-video$"; then
	ok "a [video] for a shipped class: the loader takes it, without a warning"
else not_ok "a [video] for a shipped class: the loader takes it, without a warning" "exit $rc" "$err"; fi
out=$("$TODDLE" --config "$TMP/own.ini" content check 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
if [ $rc -eq 0 ] && printf '%s' "$out" | grep -q "^$OWN: ok"; then
	ok "content check without DIR checks library.extra too, and accepts it"
else not_ok "content check without DIR checks library.extra too, and accepts it" "exit $rc" "$out" "$err"; fi

# (a) A folder whose class clashes with the shipped one: both refuse it, for one reason.
rm -f "$OWN"/*
awk -v t="$first" '$0 == "[class " t "]" { on = 1; print; next } on && /^\[/ { exit } on' \
	"$TOP_SRCDIR/content/classes.ini" >"$OWN/classes.ini"
check "$OWN"
creason=$(reason_check)
if [ $rc -eq 1 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] &&
   printf '%s' "$creason" | grep -q "^$OWN/classes.ini:1: class '$first' clashes with the shipped one at "; then
	ok "a clashing folder: content check DIR exits 1 naming the file, line and clash"
else not_ok "a clashing folder: content check DIR exits 1 naming the file, line and clash" "exit $rc" "$err"; fi
load class list
lreason=$(reason_load)
if [ $rc -eq 0 ] && [ -n "$lreason" ]; then ok "a clashing folder: the loader warns and leaves it out"
else not_ok "a clashing folder: the loader warns and leaves it out" "exit $rc" "$err"; fi
if [ "$creason" = "$lreason" ]; then ok "a clashing folder: the check and the loader give the same reason"
else not_ok "a clashing folder: the check and the loader give the same reason" "check: $creason" "load:  $lreason"; fi
out=$("$TODDLE" --config "$TMP/own.ini" content check 2>"$TMP/stderr"); rc=$?; err=$(cat "$TMP/stderr")
if [ $rc -eq 1 ] && [ "$(reason_check)" = "$lreason" ]; then
	ok "a clashing folder: content check without DIR refuses library.extra, for the same reason"
else not_ok "a clashing folder: content check without DIR refuses library.extra, for the same reason" "exit $rc" "$err"; fi

# A [video] naming no class: both refuse it, for one reason.
rm -f "$OWN"/*
printf '[video no-such-class]\nurl = https://example.invalid/v\n' >"$OWN/videos.ini"
check "$OWN"
creason=$(reason_check)
load class list
lreason=$(reason_load)
if [ -n "$creason" ] && [ "$creason" = "$lreason" ] && printf '%s' "$creason" | grep -q "video 'no-such-class' names no class"; then
	ok "a [video] naming no class: refused by both, for the same reason"
else not_ok "a [video] naming no class: refused by both, for the same reason" "check: $creason" "load:  $lreason"; fi

# A second video for a class that has one (in the same folder): both refuse it.
printf '[video %s]\nurl = https://example.invalid/a\n\n[video %s]\nurl = https://example.invalid/b\n' \
	"$first" "$first" >"$OWN/videos.ini"
check "$OWN"
creason=$(reason_check)
load class list
lreason=$(reason_load)
if [ $rc -eq 0 ] && [ -n "$creason" ] && [ "$creason" = "$lreason" ]; then
	ok "two [video] records for one class: refused by both, for the same reason"
else not_ok "two [video] records for one class: refused by both, for the same reason" "check: $creason" "load:  $lreason"; fi

# A folder that is not there: both say so.
check "$TMP/missing"
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "cannot read the content folder $TMP/missing"; then
	ok "a folder that is not there: content check exits 2 naming it"
else not_ok "a folder that is not there: content check exits 2 naming it" "exit $rc" "$err"; fi

# The library in use, named as DIR, is checked on its own (not as a clash with itself),
# also through a link to it.
check "$TOP_SRCDIR/content"
if [ $rc -eq 0 ] && [ "$out" = "$TOP_SRCDIR/content: ok" ]; then ok "the library in use named as DIR: checked on its own"
else not_ok "the library in use named as DIR: checked on its own" "exit $rc" "$out" "$err"; fi
ln -s "$TOP_SRCDIR/content" "$TMP/link"
check "$TMP/link"
if [ $rc -eq 0 ]; then ok "the library in use through a link: checked on its own"
else not_ok "the library in use through a link: checked on its own" "exit $rc" "$err"; fi

# A whole copy of the library named as DIR would clash as one's own folder: the check
# says so; --lint checks a whole library on its own.
mkdir "$TMP/copy" && cp "$TOP_SRCDIR"/content/*.ini "$TMP/copy/"
check "$TMP/copy"
if [ $rc -eq 1 ] && printf '%s' "$err" | grep -q "toddle would leave the folder $TMP/copy out"; then
	ok "a whole copy of the library as DIR: refused as one's own folder (it clashes)"
else not_ok "a whole copy of the library as DIR: refused as one's own folder (it clashes)" "exit $rc" "$err"; fi
check --lint "$TMP/copy"
if [ $rc -eq 0 ] && [ "$out" = "$TMP/copy: ok" ]; then ok "a whole copy of the library: --lint checks it on its own"
else not_ok "a whole copy of the library: --lint checks it on its own" "exit $rc" "$err"; fi

# A bad record's rule is the loader's too (the url rule, at load and at check).
rm -f "$OWN"/*
printf '[video %s]\nurl = --script=/tmp/evil.lua\n' "$first" >"$OWN/videos.ini"
check "$OWN"
creason=$(reason_check)
load class list
lreason=$(reason_load)
if [ -n "$creason" ] && [ "$creason" = "$lreason" ]; then ok "a [video] url that is not a web link: the same refusal from both"
else not_ok "a [video] url that is not a web link: the same refusal from both" "check: $creason" "load:  $lreason"; fi
