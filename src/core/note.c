/* Session notes: SOAP fields, date and length; corrections are new versions. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/caseload.h"
#include "toddle/db.h"
#include "toddle/note.h"
#include "toddle/text.h"

/* Check the fields of a note. */
static int note_validate(const struct session_note *n, const struct child *c, struct tdl_err *err)
{
	static const char *const names[] = { "Subjective", "Objective", "Assessment", "Plan" };
	const char *v[] = { n->subjective, n->objective, n->assessment, n->plan };

	for (int i = 0; i < 4; i++) {
		int rc = text_check_lines(v[i], names[i], NOTE_FIELD_MAX, 1, err);

		if (rc)
			return rc;
	}
	if (n->minutes < NOTE_MINUTES_MIN || n->minutes > NOTE_MINUTES_MAX)
		return err_set(err, TDL_EINPUT, "the session length must be %d to %d minutes", NOTE_MINUTES_MIN,
			       NOTE_MINUTES_MAX);
	if (n->day < c->born)
		return child_check_born(c, n->day, "the session date", err);
	if (n->discipline && *n->discipline && !caseload_discipline_ok(n->discipline))
		return err_set(err, TDL_EINPUT, "discipline must be pt, ot or speech");
	return TDL_OK;
}

/* What a correction found about the note it corrects. */
struct note_base {
	int version, newest; /* the corrected row's version, and the note's newest */
	int same;            /* the correction equals the corrected row */
	char who[64], when[24], discipline[16];
};

/* Bind a note's date, minutes, discipline and SOAP fields to ?3..?9. */
static void note_bind_fields(sqlite3_stmt *st, const struct session_note *n)
{
	db_bind_day(st, 3, n->day);
	sqlite3_bind_int(st, 4, n->minutes);
	db_bind_text(st, 5, n->discipline && *n->discipline ? n->discipline : NULL);
	db_bind_text(st, 6, n->subjective);
	db_bind_text(st, 7, n->objective);
	db_bind_text(st, 8, n->assessment);
	db_bind_text(st, 9, n->plan);
}

/* Inside the write: the note holding row `row` for this child, its newest version and author. */
static int note_base_read(sqlite3 *db, long long row, long long child_id, const struct session_note *n,
			  char uuid[37], struct note_base *b, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT r.note_uuid, r.version, m.version, m.created_by, m.created_at,"
				      " r.day = ?3 AND r.minutes = ?4 AND (?5 IS NULL OR r.discipline IS ?5)"
				      " AND r.subjective = ?6 AND r.objective = ?7 AND r.assessment = ?8 AND r.plan = ?9,"
				      " COALESCE(r.discipline, '') FROM session_note r JOIN session_note m"
				      " ON m.note_uuid = r.note_uuid AND m.version = (SELECT max(version) FROM session_note s"
				      " WHERE s.note_uuid = r.note_uuid) WHERE r.id = ?1 AND r.child_id = ?2", err);
	int rc;

	memset(b, 0, sizeof *b);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, row);
	sqlite3_bind_int64(st, 2, child_id);
	note_bind_fields(st, n);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		snprintf(uuid, 37, "%s", (const char *)sqlite3_column_text(st, 0));
		b->version = sqlite3_column_int(st, 1);
		b->newest = sqlite3_column_int(st, 2);
		snprintf(b->who, sizeof b->who, "%s", (const char *)sqlite3_column_text(st, 3));
		db_when((const char *)sqlite3_column_text(st, 4), b->when);
		b->same = sqlite3_column_int(st, 5);
		snprintf(b->discipline, sizeof b->discipline, "%s", (const char *)sqlite3_column_text(st, 6));
		rc = TDL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TDL_EINPUT, "there is no note %lld for this child: see 'toddle note list'", row);
	} else {
		rc = db_fail(db, "cannot read the notes", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Inside the write: refuse a correction of a version that is no longer the newest. */
static int note_base_check(sqlite3 *db, long long row, long long child_id, struct session_note *n,
			   struct note_base *b, struct tdl_err *err)
{
	int rc = note_base_read(db, row, child_id, n, n->note_uuid, b, err);

	if (rc)
		return rc;
	if (b->newest > b->version)
		return err_set(err, TDL_EINPUT, "this note was corrected meanwhile by %s at %s (version %d); "
			       "nothing was saved", b->who, b->when, b->newest);
	return TDL_OK;
}

/* Insert version `version` of note n for child c; fills n->id. */
static int note_insert(sqlite3 *db, const struct child *c, struct session_note *n, int version,
		       const char *discipline, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO session_note(uuid, note_uuid, version, child_id, day, minutes,"
				      " discipline, subjective, objective, assessment, plan, created_at, created_by)"
				      " VALUES(?1,?2,?10,?11,?3,?4,?5,?6,?7,?8,?9,?12,?13)", err);
	char uuid[37], now[21];
	int rc;

	if (!st)
		return TDL_EDATA;
	db_uuid(uuid);
	db_now(now);
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, n->note_uuid);
	note_bind_fields(st, n);
	db_bind_text(st, 5, discipline && *discipline ? discipline : NULL);
	sqlite3_bind_int(st, 10, version);
	sqlite3_bind_int64(st, 11, c->id);
	db_bind_text(st, 12, now);
	db_bind_text(st, 13, db_user());
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot save the note", err);
	sqlite3_finalize(st);
	if (!rc)
		n->id = sqlite3_last_insert_rowid(db);
	return rc;
}

/* Write a new note or a new version of one. */
int note_add(sqlite3 *db, const struct child *c, long long corrects, struct session_note *n, day_t today,
	     int *changed, struct tdl_err *err)
{
	struct note_base b;
	const char *discipline = n->discipline;
	int rc = note_validate(n, c, err);

	if (changed)
		*changed = 0;
	if (!rc)
		rc = date_check_past(n->day, today, "the session date", err);
	if (rc)
		return rc;
	if (db_begin(db, err))
		return TDL_EDATA;
	memset(&b, 0, sizeof b);
	rc = child_check_present(db, c, err);
	if (!rc && corrects)
		rc = note_base_check(db, corrects, c->id, n, &b, err);
	if (rc || b.same) {
		db_rollback(db);
		if (!rc) {
			n->id = corrects;
			n->version = b.version;
		}
		return rc;
	}
	if (!corrects)
		db_uuid(n->note_uuid);
	else if (!discipline || !*discipline)
		discipline = b.discipline; /* a correction that does not name one keeps it */
	rc = note_insert(db, c, n, b.version + 1, discipline, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	n->version = b.version + 1;
	rc = db_commit(db, err);
	if (!rc && changed)
		*changed = 1;
	return rc;
}

/* Fill the note elem from the current row (a db_rows fill). */
static int note_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct session_note *x = elem;

	(void)ctx;
	x->id = sqlite3_column_int64(st, 0);
	snprintf(x->note_uuid, sizeof x->note_uuid, "%s", (const char *)sqlite3_column_text(st, 1));
	x->version = sqlite3_column_int(st, 2);
	x->day = db_column_day(st, 3);
	x->minutes = sqlite3_column_int(st, 4);
	x->discipline = db_column_dup(st, 5);
	x->subjective = db_column_dup(st, 6);
	x->objective = db_column_dup(st, 7);
	x->assessment = db_column_dup(st, 8);
	x->plan = db_column_dup(st, 9);
	x->created_at = db_column_dup(st, 10);
	x->created_by = db_column_dup(st, 11);
	return 0;
}

/* Free a note's strings (a db_rows drop). */
static void note_drop(void *elem)
{
	struct session_note *x = elem;

	free(x->discipline);
	free(x->subjective);
	free(x->objective);
	free(x->assessment);
	free(x->plan);
	free(x->created_at);
	free(x->created_by);
}

static const struct db_rows note_rows = { sizeof(struct session_note), note_from_row, note_drop, "the notes" };

/* A child's notes, newest first. */
int note_list(sqlite3 *db, const struct child *c, int all, struct session_note **out, int *n,
	      struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, note_uuid, version, day, minutes, COALESCE(discipline, ''), subjective, objective,"
		" assessment, plan, created_at, created_by FROM session_note n WHERE child_id = ?1"
		" AND (?2 OR version = (SELECT max(version) FROM session_note s WHERE s.note_uuid = n.note_uuid))"
		" ORDER BY day DESC, note_uuid, version DESC", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, all);
	}
	rc = db_rows_read(db, st, &note_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free notes. */
void note_free(struct session_note *n, int count)
{
	for (int i = 0; i < count; i++)
		note_drop(&n[i]);
	free(n);
}
