#!/bin/sh
# The model (src/core, include/toddle) never includes curses, never prints and never exits.
: "${TOP_SRCDIR:?}"
cd "$TOP_SRCDIR" || exit 1
echo "1..5"
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
# Panes read the database in their load; drawing reads only what was loaded. The awk
# collects each src/tui function's body, starts from every *_draw, draw_* and pane
# .draw, follows the calls it can see by name, and prints those touching ->db or sqlite3.
hits=$(awk 'FNR == 1 { fn = "" }
/^[a-z].*[ *]?[a-z_0-9]+\(/ && !/;[[:space:]]*$/ && fn == "" {
	line = $0
	sub(/\(.*/, "", line)
	n = split(line, w, /[ *]+/)
	cand = w[n]
	next_is_body = 1
	next
}
next_is_body && /^\{/ { fn = cand; file[fn] = FILENAME; next_is_body = 0; next }
next_is_body && !/^[ \t]/ { next_is_body = 0 }
fn != "" && /^\}/ { fn = ""; next }
fn != "" { body[fn] = body[fn] "\n" $0 }
/\.draw[[:space:]]*=[[:space:]]*[a-z_0-9]+/ {
	s = $0; sub(/.*\.draw[[:space:]]*=[[:space:]]*/, "", s); sub(/[^a-z_0-9].*/, "", s); root[s] = 1
}
END {
	for (f in body)
		if (f ~ /_draw$/ || f ~ /^draw_/)
			root[f] = 1
	for (f in root)
		reach[f] = 1
	do {
		grew = 0
		for (f in reach)
			for (g in body)
				if (!(g in reach) && match(body[f], "(^|[^a-zA-Z0-9_])" g "\\(")) {
					reach[g] = 1
					grew = 1
				}
	} while (grew)
	for (f in reach)
		if (f in body && (body[f] ~ /->db|sqlite3/))
			print file[f] ":" f
}' src/tui/*.c)
if [ -z "$hits" ]; then echo "ok 5 - nothing reachable from a draw function in src/tui touches the database"
else echo "not ok 5 - drawing reaches the database (move the reads into the pane's load)"; echo "$hits" | sed 's/^/# /'; fi
