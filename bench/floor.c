/* The floor: the least a terminal program over SQLite can do before its first frame.
 *
 * It opens an SQLite database (argv[1], default ":memory:") and reads one value from it,
 * calls setlocale, starts curses with newterm, draws 20 lines of text, refreshes, and waits
 * for one key. bench/run measures it beside toddle, in the same run, as the reference for
 * start-up time, bytes to the terminal and peak memory. Build: make -C bench.
 */
#include <locale.h>
#include <stdio.h>
#include <curses.h>
#include <sqlite3.h>

int main(int argc, char **argv)
{
	const char *path = argc > 1 ? argv[1] : ":memory:";
	sqlite3 *db = NULL;
	sqlite3_stmt *st = NULL;
	SCREEN *scr;
	int tables = -1;

	setlocale(LC_ALL, "");
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		fprintf(stderr, "floor: cannot open %s: %s\n", path, sqlite3_errmsg(db));
		return 2;
	}
	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM sqlite_schema", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		tables = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	scr = newterm(NULL, stdout, stdin);
	if (!scr) {
		fprintf(stderr, "floor: cannot start curses (check TERM)\n");
		sqlite3_close(db);
		return 1;
	}
	cbreak();
	noecho();
	curs_set(0);
	for (int i = 0; i < 20; i++)
		mvprintw(i, 0, "floor line %2d: a minimal ncurses frame over SQLite (%d tables)", i + 1, tables);
	mvprintw(21, 0, "floor ready: press any key");
	refresh();
	getch();
	endwin();
	delscreen(scr);
	sqlite3_close(db);
	return 0;
}
