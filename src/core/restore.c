/* Taking a change back as a new change: a removed row gets a new version that
 * is no longer removed; a milestone removal gets a row that corrects it. */
#include <stdio.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/restore.h"

/* Why a restore of a row found no removed row at `version`, into err. */
static int restore_refused(sqlite3 *db, const char *sql_state, long long id, int version, const char *what,
			   struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, sql_state, err);
	struct db_row row;
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	rc = db_row_read(db, st, &row, err);
	if (rc)
		return rc;
	if (!row.found)
		return err_set(err, TDL_EINPUT, "the %s is no longer there; nothing was undone", what);
	if (!row.removed)
		return err_set(err, TDL_EINPUT, "the %s is not removed (put back by %s at %s); nothing was undone",
			       what, row.who, row.when);
	return err_set(err, TDL_EINPUT, "the %s was changed meanwhile by %s at %s (version %d, not %d); "
		       "nothing was undone", what, row.who, row.when, row.version, version);
}

/* Clear the removal of row id at version with update (bound: now, user, id,
 * version), or say why not with state. */
static int restore_row(sqlite3 *db, const char *update, const char *state, long long id, int version,
		       const char *what, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	st = db_prepare(db, update, err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	sqlite3_bind_int64(st, 3, id);
	sqlite3_bind_int(st, 4, version);
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot put the entry back", err);
	sqlite3_finalize(st);
	if (!rc && sqlite3_changes(db) != 1)
		rc = restore_refused(db, state, id, version, what, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Put back a removed activity log entry. */
int activity_entry_restore(sqlite3 *db, long long id, int version, struct tdl_err *err)
{
	return restore_row(db, "UPDATE activity_log SET deleted_at = NULL, deleted_by = NULL, updated_at = ?1,"
			   " updated_by = ?2, version = version + 1 WHERE id = ?3 AND version = ?4"
			   " AND deleted_at IS NOT NULL",
			   "SELECT version, COALESCE(updated_by, created_by), COALESCE(updated_at, created_at),"
			   " deleted_by, deleted_at, 0 FROM activity_log WHERE id = ?1",
			   id, version, "activity entry", err);
}

/* Put back a removed appointment. */
int appointment_restore(sqlite3 *db, long long id, int version, struct tdl_err *err)
{
	return restore_row(db, "UPDATE appointment SET deleted_at = NULL, deleted_by = NULL, updated_at = ?1,"
			   " updated_by = ?2, version = version + 1 WHERE id = ?3 AND version = ?4"
			   " AND deleted_at IS NOT NULL",
			   "SELECT version, COALESCE(updated_by, created_by), COALESCE(updated_at, created_at),"
			   " deleted_by, deleted_at, 0 FROM appointment WHERE id = ?1",
			   id, version, "appointment", err);
}

/* Take back a milestone removal by a row that corrects it. */
int milestone_restore(sqlite3 *db, long long removal, long long *made, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc;

	if (made)
		*made = 0;
	db_uuid(uuid);
	db_now(now);
	st = db_write_begin(db, "INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed, note,"
			" created_at, created_by, corrects, removed) SELECT ?1, child_id, milestone_id, status, observed,"
			" note, ?2, ?3, id, 0 FROM milestone_log r WHERE r.id = ?4 AND r.removed = 1"
			" AND NOT EXISTS (SELECT 1 FROM milestone_log x WHERE x.corrects = r.id)", err);
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, db_user());
	sqlite3_bind_int64(st, 4, removal);
	rc = db_write_end_one(db, st, "cannot put the milestone entry back",
			      "that removal was already taken back, or is not a removal; nothing was undone", err);
	if (!rc && made)
		*made = sqlite3_last_insert_rowid(db);
	return rc;
}

/* Inside a write: refuse when assignment `ended` of child c is gone, still in
 * force, not the user's to take back, or when its discipline was assigned or
 * ended again since. */
static int assignment_restore_check(sqlite3 *db, long long child_id, long long ended, int is_admin,
				    struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT therapist, discipline, ended_at IS NOT NULL FROM assignment"
				      " WHERE id = ?1 AND child_id = ?2", err);
	struct db_row row;
	char therapist[64], discipline[16];
	int rc, is_ended = 0, found;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, ended);
	sqlite3_bind_int64(st, 2, child_id);
	rc = sqlite3_step(st);
	found = rc == SQLITE_ROW;
	if (found) {
		snprintf(therapist, sizeof therapist, "%s", (const char *)sqlite3_column_text(st, 0));
		snprintf(discipline, sizeof discipline, "%s", (const char *)sqlite3_column_text(st, 1));
		is_ended = sqlite3_column_int(st, 2);
	}
	sqlite3_finalize(st);
	if (!found)
		return rc == SQLITE_DONE ? err_set(err, TDL_EINPUT, "the assignment is no longer there; nothing was undone")
					 : db_fail(db, "cannot read the assignment", err);
	if (!is_ended)
		return err_set(err, TDL_EINPUT, "%s's assignment (%s) is in force; nothing was undone", therapist,
			       discipline);
	if (!is_admin && strcmp(therapist, db_user()))
		return err_set(err, TDL_EINPUT, "only %s or a clinic admin (clinic.admins) may assign %s again",
			       therapist, therapist);
	st = db_prepare(db, "SELECT 0, created_by, created_at, ended_by, ended_at, 0 FROM assignment"
			" WHERE child_id = ?1 AND discipline = ?2 AND id > ?3 ORDER BY id DESC LIMIT 1", err);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_text(st, 2, discipline);
	sqlite3_bind_int64(st, 3, ended);
	rc = db_row_read(db, st, &row, err);
	if (!rc && row.found)
		rc = err_set(err, TDL_EINPUT, "the %s assignment was changed meanwhile by %s at %s; nothing was undone",
			     discipline, row.who, row.when);
	return rc;
}

/* Assign again the therapist of an ended assignment, as a new assignment. */
int assignment_restore(sqlite3 *db, const struct child *c, long long ended, int is_admin, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc;

	db_uuid(uuid);
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = assignment_restore_check(db, c->id, ended, is_admin, err);
	st = db_write_checked(db, rc, "INSERT INTO assignment(child_id, therapist, discipline, created_at, created_by, uuid)"
			" SELECT child_id, therapist, discipline, ?1, ?2, ?3 FROM assignment WHERE id = ?4", err);
	if (!st)
		return rc ? rc : TDL_EDATA;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	db_bind_text(st, 3, uuid);
	sqlite3_bind_int64(st, 4, ended);
	return db_write_end_one(db, st, "cannot assign again", "the assignment is no longer there; nothing was undone",
				err);
}
