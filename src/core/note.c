/* Session notes: SOAP fields, date and length; corrections are new versions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/caseload.h"
#include "toddle/db.h"
#include "toddle/note.h"
#include "toddle/text.h"

/* Check the fields of a note. */
static int note_validate(const struct session_note *n, day_t born, struct tdl_err *err)
{
	static const char *const names[] = { "Subjective", "Objective", "Assessment", "Plan" };
	const char *v[] = { n->subjective, n->objective, n->assessment, n->plan };

	for (int i = 0; i < 4; i++) {
		int rc = text_check(v[i], names[i], NOTE_FIELD_MAX, 1, err);

		if (rc)
			return rc;
	}
	if (n->minutes < 1 || n->minutes > 600)
		return err_set(err, TDL_EINPUT, "the session length must be 1 to 600 minutes");
	if (n->day < born)
		return err_set(err, TDL_EINPUT, "the session date is before the child was born");
	if (n->discipline && *n->discipline && !caseload_discipline_ok(n->discipline))
		return err_set(err, TDL_EINPUT, "discipline must be pt, ot or speech");
	return TDL_OK;
}

/* The note_uuid and latest version of the note holding row id, for this child. */
static int note_of(sqlite3 *db, long long row, long long child_id, char uuid[37], int *version,
		   struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT note_uuid, (SELECT max(version) FROM session_note s"
				      " WHERE s.note_uuid = n.note_uuid) FROM session_note n WHERE id = ?1 AND child_id = ?2", err);
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_int64(st, 2, child_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(uuid, 37, "%s", (const char *)sqlite3_column_text(st, 0));
		*version = sqlite3_column_int(st, 1);
		rc = TDL_OK;
	} else {
		rc = err_set(err, TDL_EINPUT, "there is no note %lld for this child: see 'toddle note list'", row);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Write a new note or a new version of one. */
int note_add(sqlite3 *db, const struct child *c, long long corrects, struct session_note *n,
	     struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21], d[11];
	int rc = note_validate(n, c->born, err), version = 0;

	if (rc)
		return rc;
	db_now(now);
	date_format(n->day, d);
	if (db_begin(db, err))
		return TDL_EDATA;
	if (corrects) {
		rc = note_of(db, corrects, c->id, n->note_uuid, &version, err);
		if (rc) {
			db_rollback(db);
			return rc;
		}
	} else {
		db_uuid(n->note_uuid);
	}
	db_uuid(uuid);
	st = db_prepare(db, "INSERT INTO session_note(uuid, note_uuid, version, child_id, day, minutes, discipline,"
			" subjective, objective, assessment, plan, created_at, created_by)"
			" VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?)", err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, n->note_uuid);
	sqlite3_bind_int(st, 3, version + 1);
	sqlite3_bind_int64(st, 4, c->id);
	db_bind_text(st, 5, d);
	sqlite3_bind_int(st, 6, n->minutes);
	db_bind_text(st, 7, n->discipline && *n->discipline ? n->discipline : NULL);
	db_bind_text(st, 8, n->subjective);
	db_bind_text(st, 9, n->objective);
	db_bind_text(st, 10, n->assessment);
	db_bind_text(st, 11, n->plan);
	db_bind_text(st, 12, now);
	db_bind_text(st, 13, db_user());
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot save the note", err);
	sqlite3_finalize(st);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	n->id = sqlite3_last_insert_rowid(db);
	n->version = version + 1;
	return db_commit(db, err);
}

/* A child's notes, newest first. */
int note_list(sqlite3 *db, const struct child *c, int all, struct session_note **out, int *n,
	      struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, note_uuid, version, day, minutes, COALESCE(discipline, ''), subjective, objective,"
		" assessment, plan, created_at, created_by FROM session_note n WHERE child_id = ?1"
		" AND (?2 OR version = (SELECT max(version) FROM session_note s WHERE s.note_uuid = n.note_uuid))"
		" ORDER BY day DESC, note_uuid, version DESC", err);
	struct session_note *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int(st, 2, all);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct session_note *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g), *x;

		if (!g)
			break;
		arr = g;
		x = &arr[cnt++];
		memset(x, 0, sizeof *x);
		x->id = sqlite3_column_int64(st, 0);
		snprintf(x->note_uuid, sizeof x->note_uuid, "%s", (const char *)sqlite3_column_text(st, 1));
		x->version = sqlite3_column_int(st, 2);
		if (date_parse((const char *)sqlite3_column_text(st, 3), &x->day))
			x->day = 0;
		x->minutes = sqlite3_column_int(st, 4);
		x->discipline = db_column_dup(st, 5);
		x->subjective = db_column_dup(st, 6);
		x->objective = db_column_dup(st, 7);
		x->assessment = db_column_dup(st, 8);
		x->plan = db_column_dup(st, 9);
		x->created_at = db_column_dup(st, 10);
		x->created_by = db_column_dup(st, 11);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		note_free(arr, cnt);
		return db_fail(db, "cannot read the notes", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Free notes. */
void note_free(struct session_note *n, int count)
{
	for (int i = 0; i < count; i++) {
		free(n[i].discipline);
		free(n[i].subjective);
		free(n[i].objective);
		free(n[i].assessment);
		free(n[i].plan);
		free(n[i].created_at);
		free(n[i].created_by);
	}
	free(n);
}
