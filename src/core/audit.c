/* The audit trail and personal drafts. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/audit.h"
#include "toddle/db.h"

/* Fill the audit row elem from the current row (a db_rows fill). */
static int audit_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct audit_row *r = elem;

	(void)ctx;
	r->at = db_column_dup(st, 0);
	r->who = db_column_dup(st, 1);
	r->child = db_column_dup(st, 2);
	r->action = db_column_dup(st, 3);
	r->detail = db_column_dup(st, 4);
	return 0;
}

/* Free an audit row's strings (a db_rows drop). */
static void audit_drop(void *elem)
{
	struct audit_row *r = elem;

	free(r->at);
	free(r->who);
	free(r->child);
	free(r->action);
	free(r->detail);
}

static const struct db_rows audit_rows = { sizeof(struct audit_row), audit_from_row, audit_drop, "the audit trail" };

/* Changes for a child (or all) from a day on, oldest first. */
int audit_list(sqlite3 *db, long long child_id, int has_since, day_t since, struct audit_row **out,
	       int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.at, a.who, COALESCE(c.name, '(deleted ' || a.child_id || ')', '-'), a.action, a.detail"
		" FROM audit a LEFT JOIN child c ON c.id = a.child_id"
		" WHERE (?1 < 0 OR a.child_id = ?1) AND (?2 IS NULL OR a.at >= ?2) ORDER BY a.id", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, child_id);
		db_bind_day_opt(st, 2, has_since, since);
	}
	rc = db_rows_read(db, st, &audit_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free audit rows. */
void audit_free(struct audit_row *r, int n)
{
	for (int i = 0; i < n; i++)
		audit_drop(&r[i]);
	free(r);
}

/* Add one row to the audit trail in its own transaction. */
int audit_record(sqlite3 *db, long long child_id, const char *action, const char *detail,
		 struct tdl_err *err)
{
	sqlite3_stmt *st = db_write_begin(db,
		"INSERT INTO audit(at, who, child_id, action, detail) VALUES(?1, ?2, ?3, ?4, ?5)", err);
	char now[21];

	if (!st)
		return TDL_EDATA;
	db_now(now);
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	if (child_id > 0)
		sqlite3_bind_int64(st, 3, child_id);
	else
		sqlite3_bind_null(st, 3);
	db_bind_text(st, 4, action);
	db_bind_text(st, 5, detail ? detail : "");
	return db_write_end(db, st, "cannot record it in the audit trail", err);
}

/* Run one draft statement in its own transaction. */
static int draft_write(sqlite3 *db, const char *sql, long long child_id, const char *form, const char *body,
		       struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];

	db_now(now);
	st = db_write_begin(db, sql, err);
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, db_user());
	db_bind_text(st, 2, form);
	db_bind_text(st, 3, body ? body : "");
	db_bind_text(st, 4, now);
	if (child_id > 0)
		sqlite3_bind_int64(st, 5, child_id);
	return db_write_end(db, st, "cannot keep the draft", err);
}

/* Keep the current user's unsaved text for a form. */
int draft_save(sqlite3 *db, long long child_id, const char *form, const char *body, struct tdl_err *err)
{
	/* a child removed meanwhile cannot own the draft: it is kept without one */
	return draft_write(db, "INSERT OR REPLACE INTO draft(who, form, body, saved_at, child_id)"
			   " VALUES(?1, ?2, ?3, ?4, (SELECT id FROM child WHERE id = ?5))", child_id, form, body, err);
}

/* The current user's draft for a form about child_id, or NULL. */
char *draft_get(sqlite3 *db, long long child_id, const char *form, char saved_at[21])
{
	sqlite3_stmt *st = NULL;
	char *body = NULL;

	if (sqlite3_prepare_v2(db, "SELECT body, saved_at FROM draft WHERE who = ?1 AND form = ?2 AND child_id IS ?3",
			       -1, &st, NULL) != SQLITE_OK)
		return NULL;
	db_bind_text(st, 1, db_user());
	db_bind_text(st, 2, form);
	if (child_id > 0)
		sqlite3_bind_int64(st, 3, child_id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		body = db_column_dup(st, 0);
		snprintf(saved_at, 21, "%s", (const char *)sqlite3_column_text(st, 1));
	}
	sqlite3_finalize(st);
	return body;
}

/* Forget the current user's draft for a form about child_id. */
int draft_drop(sqlite3 *db, long long child_id, const char *form, struct tdl_err *err)
{
	return draft_write(db, "DELETE FROM draft WHERE who = ?1 AND form = ?2 AND child_id IS ?5"
			   " AND ?3 = ?3 AND ?4 = ?4", child_id, form, NULL, err);
}
