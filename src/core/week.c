/* Weekly notes from the library. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/week.h"

/* The note for a week; *found is 0 when the library has none. */
int week_note_get(sqlite3 *db, int week, struct week_note *out, int *found, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT title, typical, focus, can_wait, source FROM week_note WHERE week=?", err);
	int rc;

	memset(out, 0, sizeof *out);
	*found = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int(st, 1, week);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->week = week;
		out->title = db_column_dup(st, 0);
		out->typical = db_column_dup(st, 1);
		out->focus = db_column_dup(st, 2);
		out->can_wait = db_column_dup(st, 3);
		out->source = db_column_dup(st, 4);
		*found = 1;
		rc = TDL_OK;
	} else {
		rc = rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the weekly note", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Free the strings of a note. */
void week_note_clear(struct week_note *w)
{
	free(w->title);
	free(w->typical);
	free(w->focus);
	free(w->can_wait);
	free(w->source);
	memset(w, 0, sizeof *w);
}
