/* A child's team: the assignments in force (ended ones stay in the table). */
#include <stdlib.h>
#include "toddle/db.h"
#include "toddle/team.h"

/* Fill one member from a row (a db_rows fill). */
static int member_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct team_member *m = elem;

	(void)ctx;
	m->therapist = db_column_dup(st, 0);
	m->discipline = db_column_dup(st, 1);
	m->since = db_column_dup(st, 2);
	m->by = db_column_dup(st, 3);
	m->id = sqlite3_column_int64(st, 4);
	return !m->therapist || !m->discipline || !m->since || !m->by;
}

/* Free one member's strings (a db_rows drop). */
static void member_drop(void *elem)
{
	struct team_member *m = elem;

	free(m->therapist);
	free(m->discipline);
	free(m->since);
	free(m->by);
}

static const struct db_rows team_rows = { sizeof(struct team_member), member_from_row, member_drop, "the team" };

/* The current assignments of a child. */
int team_list(sqlite3 *db, const struct child *c, struct team_member **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT therapist, discipline, created_at, created_by, id FROM assignment"
				      " WHERE child_id = ?1 AND ended_at IS NULL ORDER BY discipline, therapist", err);
	void *rows;
	int rc;

	if (st)
		sqlite3_bind_int64(st, 1, c->id);
	rc = db_rows_read(db, st, &team_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free a team. */
void team_free(struct team_member *m, int n)
{
	for (int i = 0; i < n; i++)
		member_drop(&m[i]);
	free(m);
}
