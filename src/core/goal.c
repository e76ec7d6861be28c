/* Goals: add, set their status, list them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/goal.h"
#include "toddle/text.h"

static const char *const goal_statuses[] = { "open", "met", "partly-met", "not-met", "dropped", NULL };

/* The statuses a goal can have, NULL-terminated: choices for a face. */
const char *const *goal_status_choices(void)
{
	return goal_statuses;
}

/* True for a known status. */
int goal_status_ok(const char *s)
{
	for (size_t i = 0; s && goal_statuses[i]; i++)
		if (!strcmp(s, goal_statuses[i]))
			return 1;
	return 0;
}

/* Add a goal. */
int goal_add(sqlite3 *db, const struct child *c, const char *text, int has_target, day_t target,
	     long long *id, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc = text_check_lines(text, "the goal", GOAL_TEXT_MAX, 1, err);

	if (!rc && has_target)
		rc = child_check_born(c, target, "the target date", err);
	if (rc)
		return rc;
	db_uuid(uuid);
	db_now(now);
	rc = child_write_begin(db, c, "INSERT INTO goal(uuid, child_id, text, target, created_at, created_by,"
			       " updated_at, updated_by) VALUES(?1,?2,?3,?4,?5,?6,?5,?6)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_text(st, 3, text);
	db_bind_day_opt(st, 4, has_target, target);
	db_bind_text(st, 5, now);
	db_bind_text(st, 6, db_user());
	rc = db_write_end(db, st, "cannot save the goal", err);
	if (rc)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return TDL_OK;
}

/* Inside a write: refuse when goal id is gone or past `version` (0: any);
 * *same when its status already is `status`. */
static int goal_check(sqlite3 *db, long long id, int version, const char *status, int *same,
		      struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT version, updated_by, updated_at, NULL, NULL, status = ?2"
				      " FROM goal WHERE id = ?1", err);
	struct db_row row;
	int rc;

	*same = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, status);
	rc = db_row_read(db, st, &row, err);
	if (rc)
		return rc;
	if (!row.found)
		return err_set(err, TDL_EINPUT, "there is no goal %lld: see 'toddle goal list'", id);
	if (version > 0 && row.version != version)
		return err_set(err, TDL_EINPUT, "this goal was changed meanwhile by %s at %s (version %d); "
			       "nothing was saved", row.who, row.when, row.version);
	*same = row.same;
	return TDL_OK;
}

/* Set a goal's status. */
int goal_set(sqlite3 *db, long long id, int version, const char *status, int *changed,
	     struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int same, rc;

	if (changed)
		*changed = 0;
	if (!goal_status_ok(status))
		return err_set(err, TDL_EINPUT, "status must be open, met, partly-met, not-met or dropped");
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = goal_check(db, id, version, status, &same, err);
	if (rc || same) {
		db_rollback(db);
		return rc;
	}
	st = db_prepare(db, "UPDATE goal SET status = ?1, version = version + 1, updated_at = ?2,"
			" updated_by = ?3 WHERE id = ?4", err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, status);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, db_user());
	sqlite3_bind_int64(st, 4, id);
	rc = db_write_end_one(db, st, "cannot save the goal", "the goal was removed meanwhile", err);
	if (!rc && changed)
		*changed = 1;
	return rc;
}

/* Fill the goal elem from the current row (a db_rows fill). */
static int goal_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct goal *g = elem;

	(void)ctx;
	g->id = sqlite3_column_int64(st, 0);
	g->text = db_column_dup(st, 1);
	g->status = db_column_dup(st, 2);
	g->created_by = db_column_dup(st, 3);
	g->has_target = db_column_day_opt(st, 4, &g->target);
	g->version = sqlite3_column_int(st, 5);
	return 0;
}

/* Free a goal's strings (a db_rows drop). */
static void goal_drop(void *elem)
{
	struct goal *g = elem;

	free(g->text);
	free(g->status);
	free(g->created_by);
}

static const struct db_rows goal_rows = { sizeof(struct goal), goal_from_row, goal_drop, "the goals" };

/* A child's goals, open ones first. */
int goal_list(sqlite3 *db, const struct child *c, struct goal **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, text, status, created_by, target, version FROM goal WHERE child_id = ?"
				      " ORDER BY status <> 'open', COALESCE(target, '9999'), id", err);
	void *rows;
	int rc;

	if (st)
		sqlite3_bind_int64(st, 1, c->id);
	rc = db_rows_read(db, st, &goal_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free goals. */
void goal_free(struct goal *g, int n)
{
	for (int i = 0; i < n; i++)
		goal_drop(&g[i]);
	free(g);
}
