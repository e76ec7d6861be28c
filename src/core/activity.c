/* Activities: reading the library and logging what was tried. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/db.h"
#include "toddle/text.h"

#define ACT_COLS "id, title, domain, discipline, materials, steps, why, builds, easier," \
		 " harder, safety, tags, week_from, week_to, minutes, source, " LINKS("next") ", " LINKS("before")

/* SQL: the titles and weeks of the activities a's key names, joined by "; ". */
#define LINKS(key) "CASE WHEN a." key " IS NULL THEN NULL ELSE (SELECT group_concat(b.title" \
		   " || ' (weeks ' || b.week_from || '-' || b.week_to || ')', '; ') FROM activity b" \
		   " WHERE b.alias_of IS NULL AND instr(' ' || a." key " || ' ', ' ' || b.id || ' ') > 0) END"

/* Fill the activity elem from a row of ACT_COLS (a db_rows fill). */
static int act_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct activity *a = elem;
	char **f[] = { &a->id, &a->title, &a->domain, &a->discipline, &a->materials, &a->steps,
		       &a->why, &a->builds, &a->easier, &a->harder, &a->safety, &a->tags };

	(void)ctx;
	for (int i = 0; i < 12; i++)
		*f[i] = db_column_dup(st, i);
	a->week_from = sqlite3_column_int(st, 12);
	a->week_to = sqlite3_column_int(st, 13);
	a->minutes = sqlite3_column_int(st, 14);
	a->source = db_column_dup(st, 15);
	a->next = db_column_dup(st, 16);
	a->before = db_column_dup(st, 17);
	return 0;
}

/* Free an activity's strings (a db_rows drop). */
static void act_drop(void *elem)
{
	activity_clear(elem);
}

static const struct db_rows act_rows = { sizeof(struct activity), act_from_row, act_drop, "the activities" };

/* Run an activity query with its week and domain bound. */
static int activity_query(sqlite3 *db, const char *sql, int week, const char *domain,
			  struct activity **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int(st, 1, week);
		db_bind_text(st, 2, domain);
	}
	rc = db_rows_read(db, st, &act_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Activities whose weeks include `week`. */
int activity_for_week(sqlite3 *db, int week, struct activity **out, int *n, struct tdl_err *err)
{
	return activity_query(db, "SELECT " ACT_COLS " FROM activity a"
			      " WHERE week_from <= ?1 AND week_to >= ?1 AND ?2 IS NULL AND alias_of IS NULL"
			      " ORDER BY domain, title", week, NULL, out, n, err);
}

/* Activities for a week (-1: all) and a domain (NULL: all). */
int activity_list(sqlite3 *db, int week, const char *domain, struct activity **out, int *n,
		  struct tdl_err *err)
{
	return activity_query(db, "SELECT " ACT_COLS " FROM activity a"
			      " WHERE (?1 < 0 OR (week_from <= ?1 AND week_to >= ?1))"
			      " AND (?2 IS NULL OR domain = ?2) AND alias_of IS NULL ORDER BY week_from, week_to, domain, title",
			      week, domain, out, n, err);
}

/* One activity by id. */
int activity_get(sqlite3 *db, const char *id, struct activity *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " ACT_COLS " FROM activity a"
				      " WHERE id = COALESCE((SELECT alias_of FROM activity WHERE id = ?1), ?1)", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		act_from_row(st, out, NULL);
		rc = TDL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TDL_EINPUT, "no activity '%.64s': see 'toddle week' for this week's", id);
	} else {
		rc = db_fail(db, "cannot read the activity", err);
	}
	sqlite3_finalize(st);
	return rc;
}

static const char *const results[] = { NULL, "done", "hard", "skipped", NULL };

/* The result words in the order of enum act_result, NULL-terminated: choices for a face. */
const char *const *activity_result_choices(void)
{
	return results + ACT_DONE;
}

/* Parse "done", "hard" or "skipped". */
int activity_result_parse(const char *s, enum act_result *out)
{
	for (int i = ACT_DONE; i <= ACT_SKIPPED; i++)
		if (s && !strcmp(s, results[i])) {
			*out = (enum act_result)i;
			return 0;
		}
	return -1;
}

/* The word for a result. */
const char *activity_result_name(enum act_result r)
{
	return r >= ACT_DONE && r <= ACT_SKIPPED ? results[r] : "?";
}

/* Log that an activity was tried on a day. */
int activity_log(sqlite3 *db, const struct child *c, const struct activity_done *e, day_t today,
		 struct tdl_err *err)
{
	const char *id = e->id, *note = e->note;
	enum act_result r = e->result;
	int minutes = e->minutes;
	day_t day = e->day;
	struct activity a;
	sqlite3_stmt *st;
	char uuid[37], now[21], real[ACTIVITY_ID_MAX + 1];
	int rc;

	rc = date_check_past(day, today, "the activity date", err);
	if (rc)
		return rc;
	rc = child_check_born(c, day, "the activity date", err);
	if (rc)
		return rc;
	if (minutes < 0 || minutes > 600)
		return err_set(err, TDL_EINPUT, "minutes must be from 0 to 600");
	rc = text_check_lines(note, "the note", ACTIVITY_NOTE_MAX, 0, err);
	if (rc)
		return rc;
	rc = activity_get(db, id, &a, err);
	if (rc)
		return rc;
	snprintf(real, sizeof real, "%s", a.id);
	id = real;
	activity_clear(&a);
	db_uuid(uuid);
	db_now(now);
	rc = child_write_begin(db, c, "INSERT INTO activity_log(uuid, child_id, activity_id, day, result, minutes,"
			       " note, created_at, created_by) VALUES(?,?,?,?,?,?,?,?,?)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_text(st, 3, id);
	db_bind_day(st, 4, day);
	db_bind_text(st, 5, activity_result_name(r));
	if (minutes > 0)
		sqlite3_bind_int(st, 6, minutes);
	db_bind_text(st, 7, note && *note ? note : NULL);
	db_bind_text(st, 8, now);
	db_bind_text(st, 9, db_user());
	rc = db_write_end(db, st, "cannot save the activity", err);
	if (!rc && e->made)
		*e->made = sqlite3_last_insert_rowid(db);
	return rc;
}

#define ENTRY_COLS "l.id, l.activity_id, COALESCE(a.title, l.activity_id), COALESCE(l.note, ''), " \
	"COALESCE(l.updated_by, l.created_by), COALESCE(a.tags, ''), l.day, l.result, COALESCE(l.minutes, 0), " \
	"l.version"

/* Fill the entry elem from a row of ENTRY_COLS (a db_rows fill). */
static int entry_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct activity_entry *e = elem;

	(void)ctx;
	memset(e, 0, sizeof *e);
	e->id = sqlite3_column_int64(st, 0);
	e->activity_id = db_column_dup(st, 1);
	e->title = db_column_dup(st, 2);
	e->note = db_column_dup(st, 3);
	e->who = db_column_dup(st, 4);
	e->tags = db_column_dup(st, 5);
	e->day = db_column_day(st, 6);
	if (activity_result_parse((const char *)sqlite3_column_text(st, 7), &e->result))
		e->result = ACT_DONE;
	e->minutes = sqlite3_column_int(st, 8);
	e->version = sqlite3_column_int(st, 9);
	return 0;
}

/* Free an entry's strings (a db_rows drop). */
static void entry_drop(void *elem)
{
	activity_entry_clear(elem);
}

static const struct db_rows entry_rows = {
	sizeof(struct activity_entry), entry_from_row, entry_drop, "the activity log"
};

/* The log entries of a child from..to. */
int activity_entries(sqlite3 *db, const struct child *c, day_t from, day_t to,
		     struct activity_entry **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " ENTRY_COLS " FROM activity_log l"
				      " LEFT JOIN activity a ON a.id = l.activity_id WHERE l.child_id = ?1"
				      " AND l.day BETWEEN ?2 AND ?3 AND l.deleted_at IS NULL ORDER BY l.day, l.id", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		db_bind_day(st, 2, from);
		db_bind_day(st, 3, to);
	}
	rc = db_rows_read(db, st, &entry_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* One log entry by its row id. */
int activity_entry_get(sqlite3 *db, long long id, struct activity_entry *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " ENTRY_COLS " FROM activity_log l"
				      " LEFT JOIN activity a ON a.id = l.activity_id"
				      " WHERE l.id = ?1 AND l.deleted_at IS NULL", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		entry_from_row(st, out, NULL);
		rc = TDL_OK;
	} else {
		rc = rc == SQLITE_DONE ? err_set(err, TDL_EINPUT, "that entry was removed meanwhile")
				       : db_fail(db, "cannot read the activity log", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Inside a write: refuse when entry id is gone, removed, or past `version`
 * (0: any); *same when it already holds r, minutes and note. */
static int entry_check(sqlite3 *db, long long id, int version, enum act_result r, int minutes,
		       const char *note, int *same, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT version, COALESCE(updated_by, created_by),"
				      " COALESCE(updated_at, created_at), deleted_by, deleted_at,"
				      " result = ?2 AND minutes IS ?3 AND note IS ?4 FROM activity_log WHERE id = ?1", err);
	struct db_row row;
	int rc;

	*same = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	db_bind_text(st, 2, activity_result_name(r));
	if (minutes > 0)
		sqlite3_bind_int(st, 3, minutes);
	db_bind_text(st, 4, note && *note ? note : NULL);
	rc = db_row_read(db, st, &row, err);
	if (rc)
		return rc;
	if (!row.found)
		return err_set(err, TDL_EINPUT, "there is no activity entry %lld: look at the day again", id);
	if (row.removed)
		return err_set(err, TDL_EINPUT, "that entry was removed by %s at %s; nothing was saved",
			       row.who, row.when);
	if (version > 0 && row.version != version)
		return err_set(err, TDL_EINPUT, "that entry was corrected meanwhile by %s at %s (version %d); "
			       "nothing was saved", row.who, row.when, row.version);
	*same = row.same;
	return TDL_OK;
}

/* Correct a log entry. */
int activity_entry_update(sqlite3 *db, long long id, int version, enum act_result r, int minutes,
			  const char *note, int *changed, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int same, rc = text_check_lines(note, "the note", ACTIVITY_NOTE_MAX, 0, err);

	if (changed)
		*changed = 0;
	if (rc)
		return rc;
	if (minutes < 0 || minutes > 600)
		return err_set(err, TDL_EINPUT, "minutes must be from 0 to 600");
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = entry_check(db, id, version, r, minutes, note, &same, err);
	if (rc || same) {
		db_rollback(db);
		return rc;
	}
	st = db_prepare(db, "UPDATE activity_log SET result=?1, minutes=?2, note=?3, updated_at=?4,"
			" updated_by=?5, version=version+1 WHERE id=?6 AND deleted_at IS NULL", err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, activity_result_name(r));
	if (minutes > 0)
		sqlite3_bind_int(st, 2, minutes);
	db_bind_text(st, 3, note && *note ? note : NULL);
	db_bind_text(st, 4, now);
	db_bind_text(st, 5, db_user());
	sqlite3_bind_int64(st, 6, id);
	rc = db_write_end_one(db, st, "cannot save", "that entry was removed meanwhile", err);
	if (!rc && changed)
		*changed = 1;
	return rc;
}

/* Remove a log entry, keeping a trace. */
int activity_entry_delete(sqlite3 *db, long long id, int version, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int same, rc;

	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = entry_check(db, id, version, ACT_DONE, 0, NULL, &same, err);
	st = db_write_checked(db, rc, "UPDATE activity_log SET deleted_at=?1, deleted_by=?2, version=version+1"
			" WHERE id=?3 AND deleted_at IS NULL", err);
	if (!st)
		return rc ? rc : TDL_EDATA;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	sqlite3_bind_int64(st, 3, id);
	return db_write_end_one(db, st, "cannot save", "that entry was removed meanwhile", err);
}

/* Minutes of tummy time on each day from..from+ndays-1 (minutes[i] for day from+i),
 * in one read. */
int activity_tummy_minutes(sqlite3 *db, long long child_id, day_t from, int ndays, int *minutes,
			   struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT l.day, sum(l.minutes) FROM activity_log l"
				      " JOIN activity a ON a.id = l.activity_id WHERE l.child_id = ?1"
				      " AND l.day BETWEEN ?2 AND ?3 AND l.deleted_at IS NULL AND l.result <> 'skipped'"
				      " AND ' ' || COALESCE(a.tags, '') || ' ' LIKE '% tummy-time %' GROUP BY l.day", err);
	int rc;

	for (int i = 0; i < ndays; i++)
		minutes[i] = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_day(st, 2, from);
	db_bind_day(st, 3, from + ndays - 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d;

		if (db_column_day_opt(st, 0, &d) && d >= from && d < from + ndays)
			minutes[d - from] = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the activity log", err);
}

/* Free the strings of one entry. */
void activity_entry_clear(struct activity_entry *e)
{
	free(e->activity_id);
	free(e->title);
	free(e->note);
	free(e->who);
	free(e->tags);
	memset(e, 0, sizeof *e);
}

/* Free entries. */
void activity_entries_free(struct activity_entry *e, int n)
{
	for (int i = 0; i < n; i++)
		activity_entry_clear(&e[i]);
	free(e);
}

/* Free the strings of one activity. */
void activity_clear(struct activity *a)
{
	char *f[] = { a->id, a->title, a->domain, a->discipline, a->materials, a->steps, a->why,
		      a->builds, a->easier, a->harder, a->safety, a->tags, a->source, a->next, a->before };

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(a, 0, sizeof *a);
}

/* Free an array of n activities. */
void activity_free_all(struct activity *a, int n)
{
	for (int i = 0; i < n; i++)
		activity_clear(&a[i]);
	free(a);
}
