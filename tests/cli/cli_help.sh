#!/bin/sh
# Every command and subcommand takes --help (exit 0, its usage on stdout,
# nothing on stderr), from the one command table that the manual's summary is
# made from; every add and log prints the new record's id; exit codes as the
# README says; `report --output` never names or removes a temporary file of its own.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 17

# ---- --help from the one table -------------------------------------------------
"$TODDLE" help --man > "$TMP/table.man" 2>"$TMP/err"
cmds=$(sed -n 's/^\\fB\(.*\)\\fR.*$/\1/p; s/^\\fB\(.*\)\\fR$/\1/p' "$TMP/table.man" | sed 's/\\-/-/g' | sort -u)
count=$(printf '%s\n' "$cmds" | wc -l)
if [ "$count" -ge 38 ] && [ ! -s "$TMP/err" ]; then ok "toddle help --man lists every command ($count)"
else not_ok "toddle help --man lists every command ($count)" "$cmds" "$(cat "$TMP/err")"; fi
bad=""
printf '%s\n' "$cmds" > "$TMP/cmds"
while IFS= read -r c; do
	# shellcheck disable=SC2086
	for h in --help -h; do
		o=$("$TODDLE" --db "$DB" $c $h 2>"$TMP/err"); r=$?
		if [ $r -ne 0 ] || [ -s "$TMP/err" ] || ! printf '%s\n' "$o" | grep -q "^  $c\( \|$\)"; then
			bad="$bad
'$c $h': exit $r, stdout: $(printf '%s' "$o" | head -2), stderr: $(cat "$TMP/err")"
		fi
	done
	first=${c%% *}
	# shellcheck disable=SC2086
	o=$("$TODDLE" --db "$DB" $first --help 2>"$TMP/err"); r=$?
	if [ $r -ne 0 ] || [ -s "$TMP/err" ] || ! printf '%s\n' "$o" | grep -q "^  $c\( \|$\)"; then
		bad="$bad
'$first --help' lacks '$c': exit $r, stderr: $(cat "$TMP/err")"
	fi
done < "$TMP/cmds"
if [ -z "$bad" ]; then ok "every command and subcommand: --help and -h exit 0 with its usage on stdout, nothing on stderr"
else not_ok "every command and subcommand: --help and -h exit 0 with its usage on stdout, nothing on stderr" "$bad"; fi
if [ ! -e "$DB" ]; then ok "--help made no database"; else not_ok "--help made no database"; fi

sed -n '/^\.\\" commands: begin/,/^\.\\" commands: end/p' "$TOP_SRCDIR/doc/toddle.1.in" | sed '1d;$d' > "$TMP/manual.man"
if [ -s "$TMP/manual.man" ] && cmp -s "$TMP/table.man" "$TMP/manual.man"; then
	ok "doc/toddle.1.in's command summary is the command table (toddle help --man)"
else not_ok "doc/toddle.1.in's command summary is the command table (toddle help --man)" \
	"replace the lines between the 'commands: begin' and 'commands: end' comments with 'toddle help --man':" \
	"$(diff "$TMP/manual.man" "$TMP/table.man" | head -20)"; fi

out=$("$TODDLE" --help)
ok_all=1
while IFS= read -r c; do
	printf '%s\n' "$out" | grep -q "^  $c\( \|$\)" || ok_all=0
done < "$TMP/cmds"
if [ $ok_all -eq 1 ]; then ok "toddle --help lists every command of the table"
else not_ok "toddle --help lists every command of the table" "$out"; fi
settings=$(printf '%s\n' "$out" | sed -n '/^Settings/,$p' | grep '^  \[')
cols=$(printf '%s\n' "$settings" | awk '{ match($0, /^  \[[a-z]+\] [a-z_]+ +/); print RLENGTH }' | sort -u)
if [ "$(printf '%s\n' "$cols" | wc -l)" -eq 1 ] && [ -z "$(printf '%s\n' "$out" | awk 'length > 100')" ] &&
   [ -z "$(printf '%s\n' "$out" | sed -n '/^Settings/,$p' | sed 1,2d | awk 'length > 79')" ]; then
	ok "the settings table in --help is aligned in one column and wrapped"
else not_ok "the settings table in --help is aligned in one column and wrapped" "columns: $cols" "$settings"; fi

run help milestone log
if [ $rc -eq 0 ] && printf '%s\n' "$out" | grep -q '^  milestone log \[--child NAME\] ID' && [ "$(printf '%s\n' "$out" | grep -c '^  [a-z]')" -eq 1 ]; then
	ok "toddle help milestone log prints that subcommand's usage alone"
else not_ok "toddle help milestone log prints that subcommand's usage alone" "exit $rc" "$out"; fi
run help nosuch
check_rc "toddle help with an unknown command is refused" 1
run child frobnicate --help
check_rc "an unknown subcommand with --help is still refused" 1

# ---- ids printed by every add and log ------------------------------------------------
run child add Mia --born 2026-05-01
mia=$(printf '%s' "$out" | cut -f1)
run activity log tummy-on-chest --minutes 5
a_id=$out
run milestone log cdc-2m-se-calms
m_id=$out
stored=$(sqlite3 "$DB" "SELECT (SELECT max(id) FROM activity_log) || ' ' || (SELECT max(id) FROM milestone_log)" 2>/dev/null)
if [ -n "$a_id" ] && [ -n "$m_id" ] && [ "$stored" = "$a_id $m_id" ]; then
	ok "activity log and milestone log print the new entry's id"
else not_ok "activity log and milestone log print the new entry's id" "printed '$a_id' '$m_id', stored '$stored'" "$err"; fi
run milestone correct "$m_id" --status emerging
fix=$out
if [ $rc -eq 0 ] && [ "$(sqlite3 "$DB" "SELECT corrects FROM milestone_log WHERE id = '$fix'")" = "$m_id" ]; then
	ok "milestone correct prints the correcting entry's id"
else not_ok "milestone correct prints the correcting entry's id" "exit $rc, printed '$fix'" "$err"; fi
run milestone log cdc-2m-se-calms --note "--help"
if [ $rc -eq 0 ] && [ "$(sqlite3 "$DB" "SELECT note FROM milestone_log WHERE id = '$out'")" = "--help" ]; then
	ok "--help as an option's value is the value, not a request for help"
else not_ok "--help as an option's value is the value, not a request for help" "exit $rc, out $out" "$err"; fi
run event add --date 2026-12-01 --time 09:30 --title Visit
e_id=$out
run goal add --text "Sits with support"
g_id=$out
run program add --activity tummy-on-chest --times 2 --per day
p_id=$out
if printf '%s %s %s %s' "$mia" "$e_id" "$g_id" "$p_id" | grep -Eq '^[0-9]+ [0-9]+ [0-9]+ [0-9]+$'; then
	ok "child add, event add, goal add and program add print the new id"
else not_ok "child add, event add, goal add and program add print the new id" "'$mia' '$e_id' '$g_id' '$p_id'" "$err"; fi

# ---- exit codes ----------------------------------------------------------------------
run --config "$TMP/nope.ini" child list
if [ $rc -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] && printf '%s' "$err" | grep -q "$TMP/nope.ini"; then
	ok "a missing --config file is a file failure (exit 2), named in one line"
else not_ok "a missing --config file is a file failure (exit 2), named in one line" "exit $rc" "$err"; fi

# ---- report --output -------------------------------------------------------------------
run report --output "$TMP/missing/dir/r.html"
if [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "cannot write $TMP/missing/dir/r.html: the folder $TMP/missing/dir does not exist" &&
   ! printf '%s' "$err" | grep -q 'r\.html\.tmp\|XXXXXX'; then
	ok "report --output into a missing folder names the file and folder given, no temporary name"
else not_ok "report --output into a missing folder names the file and folder given, no temporary name" "exit $rc" "$err"; fi
mkdir -p "$TMP/out"
printf 'mine' > "$TMP/out/r.html.tmp"
run report --output "$TMP/out/r.html"
if [ $rc -eq 0 ] && [ "$(cat "$TMP/out/r.html.tmp")" = mine ] && [ -s "$TMP/out/r.html" ] &&
   [ "$(ls "$TMP/out" | sort | tr '\n' ' ')" = "r.html r.html.tmp " ]; then
	ok "report --output leaves a r.html.tmp it did not make alone, and leaves no file of its own"
else not_ok "report --output leaves a r.html.tmp it did not make alone, and leaves no file of its own" "exit $rc" "$err" "$(ls -la "$TMP/out")"; fi
chmod 500 "$TMP/out"
run report --output "$TMP/out/r2.html"
chmod 700 "$TMP/out"
if [ "$(id -u)" -eq 0 ]; then ok "# SKIP root writes into a read-only folder"
elif [ $rc -eq 2 ] && printf '%s' "$err" | grep -q "cannot write $TMP/out/r2.html: the folder $TMP/out is not writable"; then
	ok "report --output into a read-only folder names the file and the folder"
else not_ok "report --output into a read-only folder names the file and the folder" "exit $rc" "$err"; fi
