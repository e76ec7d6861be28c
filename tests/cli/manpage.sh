#!/bin/sh
# The man page configure makes from doc/toddle.1.in: this toddle's version, the
# release date from configure.ac (or SOURCE_DATE_EPOCH's day), never the build's
# time, nothing left unsubstituted, and it renders without a warning.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 4

MAN="$(dirname "$TODDLE")/doc/toddle.1"
IN="$TOP_SRCDIR/doc/toddle.1.in"
version=$("$TODDLE" --version | sed -n '1s/^toddle //p')
release=$(sed -n 's/^m4_define(\[toddle_release_date\], \[\([0-9-]*\)\])$/\1/p' "$TOP_SRCDIR/configure.ac")
if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
	release=$(date -u -d "@$SOURCE_DATE_EPOCH" +%Y-%m-%d 2>/dev/null || date -u -r "$SOURCE_DATE_EPOCH" +%Y-%m-%d)
fi

th=$(head -1 "$MAN" 2>/dev/null)
if [ -n "$version" ] && [ -n "$release" ] && [ "$th" = ".TH TODDLE 1 \"$release\" \"toddle $version\" \"User Commands\"" ]; then
	ok "doc/toddle.1 names this toddle's version ($version) and the release date ($release)"
else not_ok "doc/toddle.1 names this toddle's version ($version) and the release date ($release)" \
	"first line: $th" "(run ./configure again after changing configure.ac)"; fi

left=$(grep -n '@[A-Z_][A-Z_]*@' "$MAN" 2>/dev/null)
if [ -s "$MAN" ] && [ -z "$left" ]; then ok "doc/toddle.1 has no @NAME@ left unsubstituted"
else not_ok "doc/toddle.1 has no @NAME@ left unsubstituted" "$left"; fi

sed 1d "$IN" > "$TMP/in.body"
sed 1d "$MAN" > "$TMP/man.body" 2>/dev/null
if [ -s "$TMP/in.body" ] && cmp -s "$TMP/in.body" "$TMP/man.body"; then
	ok "doc/toddle.1 is doc/toddle.1.in with the version and date filled in (up to date)"
else not_ok "doc/toddle.1 is doc/toddle.1.in with the version and date filled in (up to date)" \
	"$(diff "$TMP/in.body" "$TMP/man.body" | head -10)" "(make remakes it: run make)"; fi

if command -v groff >/dev/null 2>&1; then
	LC_ALL=C.UTF-8 groff -man -ww -z -Tutf8 "$MAN" 2>"$TMP/groff.err"
	if [ ! -s "$TMP/groff.err" ]; then ok "groff renders doc/toddle.1 without a warning"
	else not_ok "groff renders doc/toddle.1 without a warning" "$(head -10 "$TMP/groff.err")"; fi
else ok "# SKIP groff is not installed"; fi
