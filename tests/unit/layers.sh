#!/bin/sh
# The model (src/core, include/toddle) never includes curses, never prints and never exits.
: "${TOP_SRCDIR:?}"
cd "$TOP_SRCDIR" || exit 1
echo "1..4"
hits=$(grep -nE '#include[[:space:]]*[<"](n?curses|ncursesw/|menu|form|panel|term)\.?h?' src/core/*.c include/toddle/*.h)
if [ -z "$hits" ]; then echo "ok 1 - the model includes no curses header"
else echo "not ok 1 - the model includes curses"; echo "$hits" | sed 's/^/# /'; fi
hits=$(grep -nE '\b(printf|fprintf|puts|fputs|perror)[[:space:]]*\(' src/core/*.c | grep -v 'snprintf\|vsnprintf')
if [ -z "$hits" ]; then echo "ok 2 - the model prints nothing"
else echo "not ok 2 - the model prints"; echo "$hits" | sed 's/^/# /'; fi
hits=$(grep -nE '\b(exit|_exit|abort|system|popen)[[:space:]]*\(' src/core/*.c src/cli/*.c src/tui/*.c)
if [ -z "$hits" ]; then echo "ok 3 - no exit(), abort(), system() or popen() below main"
else echo "not ok 3 - found exit/abort/system/popen"; echo "$hits" | sed 's/^/# /'; fi
hits=$(grep -nE 'app->db|sqlite3' src/tui/week_pane.c | grep -v 'week_view_load(t->app->db')
if [ -z "$hits" ]; then echo "ok 4 - the week pane reads the database only through the week view, at load"
else echo "not ok 4 - the week pane reads the database beyond week_view_load"; echo "$hits" | sed 's/^/# /'; fi
