/* Home programs: assigned activities with a frequency, and adherence by week. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/db.h"
#include "toddle/program.h"

static const char *const per_names[] = { "day", "week", NULL };

/* "day", "week", NULL: entry i is per_week == i. */
const char *const *program_per_choices(void)
{
	return per_names;
}

/* Parse "day" or "week" into per_week. */
int program_per_parse(const char *s, int *per_week)
{
	for (int i = 0; s && per_names[i]; i++)
		if (!strcmp(s, per_names[i])) {
			*per_week = i;
			return 0;
		}
	return -1;
}

/* The Monday of the week holding day. */
day_t program_monday(day_t day)
{
	return day - date_weekday(day);
}

/* Add an activity to a child's home program. */
int program_add(sqlite3 *db, const struct child *c, const struct program_plan *p, long long *id,
		struct tdl_err *err)
{
	const char *activity_id = p->activity_id;
	int times = p->times, per_week = p->per_week, has_stop = p->has_stop;
	day_t start = p->start, stop = p->stop;
	struct activity a;
	sqlite3_stmt *st;
	char uuid[37], now[21], real[ACTIVITY_ID_MAX + 1];
	int rc;

	if (times < PROGRAM_TIMES_MIN || times > PROGRAM_TIMES_MAX)
		return err_set(err, TDL_EINPUT, "times must be %d to %d (a day or a week)", PROGRAM_TIMES_MIN,
			       PROGRAM_TIMES_MAX);
	if (has_stop && stop < start)
		return err_set(err, TDL_EINPUT, "the end date is before the start date");
	rc = child_check_born(c, start, "the start date", err);
	if (rc)
		return rc;
	rc = activity_get(db, activity_id, &a, err);
	if (rc)
		return rc;
	snprintf(real, sizeof real, "%s", a.id);
	activity_id = real;
	activity_clear(&a);
	db_uuid(uuid);
	db_now(now);
	rc = child_write_begin(db, c, "INSERT INTO program(uuid, child_id, activity_id, times, per, start, stop,"
			       " created_at, created_by) VALUES(?,?,?,?,?,?,?,?,?)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_text(st, 3, activity_id);
	sqlite3_bind_int(st, 4, times);
	db_bind_text(st, 5, per_week ? "week" : "day");
	db_bind_day(st, 6, start);
	db_bind_day_opt(st, 7, has_stop, stop);
	db_bind_text(st, 8, now);
	db_bind_text(st, 9, db_user());
	rc = db_write_end(db, st, "cannot save the program", err);
	if (rc)
		return rc;
	if (id)
		*id = sqlite3_last_insert_rowid(db);
	return TDL_OK;
}

/* Inside a write: refuse when entry id is gone, already ended, past `version`
 * (0: any), or starts after `day`. */
static int program_check(sqlite3 *db, long long id, int version, day_t day, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT version, created_by, created_at, ended_by, ended_at,"
				      " start <= ?2 FROM program WHERE id = ?1", err);
	struct db_row row;
	char d[11];
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	db_bind_day(st, 2, day);
	rc = db_row_read(db, st, &row, err);
	if (rc)
		return rc;
	if (!row.found)
		return err_set(err, TDL_EINPUT, "there is no program entry %lld: see 'toddle program list'", id);
	if (row.removed)
		return err_set(err, TDL_EINPUT, "program entry %lld was already ended by %s at %s; nothing was changed",
			       id, row.who, row.when);
	if (version > 0 && row.version != version)
		return err_set(err, TDL_EINPUT, "program entry %lld was changed meanwhile (version %d); nothing was "
			       "changed: look at the home program again", id, row.version);
	date_format(day, d);
	if (!row.same)
		return err_set(err, TDL_EINPUT, "program entry %lld starts after %s: end it on or after its start",
			       id, d);
	return TDL_OK;
}

/* End a program entry on a day. */
int program_end(sqlite3 *db, long long id, int version, day_t day, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = program_check(db, id, version, day, err);
	st = db_write_checked(db, rc, "UPDATE program SET stop = CASE WHEN stop IS NULL OR stop > ?1 THEN ?1"
			" ELSE stop END, ended_at = ?2, ended_by = ?3, version = version + 1"
			" WHERE id = ?4 AND ended_at IS NULL", err);
	if (!st)
		return rc ? rc : TDL_EDATA;
	db_bind_day(st, 1, day);
	db_bind_text(st, 2, now);
	db_bind_text(st, 3, db_user());
	sqlite3_bind_int64(st, 4, id);
	return db_write_end_one(db, st, "cannot end the program", "the program entry was ended meanwhile", err);
}

/* Days of entry p inside the week starting monday. */
static void overlap(const struct program *p, day_t monday, day_t *from, day_t *to)
{
	*from = p->start > monday ? p->start : monday;
	*to = monday + 6;
	if (p->has_stop && p->stop < *to)
		*to = p->stop;
}

/* Done tries (done or hard) of an activity between two days. */
static int done_between(sqlite3 *db, long long child_id, const char *activity_id, day_t from, day_t to)
{
	sqlite3_stmt *st = NULL;
	int n = 0;

	if (sqlite3_prepare_v2(db, "SELECT count(*) FROM activity_log WHERE child_id = ?1"
			       " AND " ACTIVITY_REAL_SQL("activity_id") " = " ACTIVITY_REAL_SQL("?2")
			       " AND day BETWEEN ?3 AND ?4 AND deleted_at IS NULL AND result <> 'skipped'",
			       -1, &st, NULL) != SQLITE_OK)
		return 0;
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_text(st, 2, activity_id);
	db_bind_day(st, 3, from);
	db_bind_day(st, 4, to);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* What program_from_row needs besides the row: the week and whose it is. */
struct program_week {
	sqlite3 *db;
	long long child_id;
	day_t monday;
};

/* Fill the program elem from the current row, with its week's counts (a db_rows fill). */
static int program_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	const struct program_week *w = ctx;
	struct program *p = elem;
	day_t from, to;
	int days;

	p->id = sqlite3_column_int64(st, 0);
	p->activity_id = db_column_dup(st, 1);
	p->title = db_column_dup(st, 2);
	p->created_by = db_column_dup(st, 3);
	p->times = sqlite3_column_int(st, 4);
	p->per_week = !strcmp((const char *)sqlite3_column_text(st, 5), "week");
	p->start = db_column_day(st, 6);
	p->has_stop = db_column_day_opt(st, 7, &p->stop);
	p->version = sqlite3_column_int(st, 8);
	overlap(p, w->monday, &from, &to);
	days = to >= from ? to - from + 1 : 0;
	p->planned = p->per_week ? (p->times * days + 6) / 7 : p->times * days;
	p->done = days ? done_between(w->db, w->child_id, p->activity_id, from, to) : 0;
	return 0;
}

/* Free a program entry's strings (a db_rows drop). */
static void program_drop(void *elem)
{
	struct program *p = elem;

	free(p->activity_id);
	free(p->title);
	free(p->created_by);
}

static const struct db_rows program_rows = {
	sizeof(struct program), program_from_row, program_drop, "the home program"
};

/* The child's program entries for a week, with planned and done. */
int program_list(sqlite3 *db, const struct child *c, day_t monday, int all, struct program **out,
		 int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT p.id, p.activity_id, COALESCE(a.title, p.activity_id), p.created_by, p.times, p.per,"
		" p.start, p.stop, p.version FROM program p LEFT JOIN activity a ON a.id = p.activity_id"
		" WHERE p.child_id = ?1 AND (?2 OR (p.start <= ?4 AND (p.stop IS NULL OR p.stop >= ?3)))"
		" ORDER BY p.start, p.id", err);
	struct program_week w = { db, c->id, monday };
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, all);
		db_bind_day(st, 3, monday);
		db_bind_day(st, 4, monday + 6);
	}
	rc = db_rows_read(db, st, &program_rows, &w, &rows, n, err);
	*out = rows;
	return rc;
}

/* Planned and done for the whole program in a week. */
int program_adherence(sqlite3 *db, const struct child *c, day_t monday, int *planned, int *done,
		      struct tdl_err *err)
{
	struct program *p;
	int n, rc = program_list(db, c, monday, 0, &p, &n, err);

	*planned = *done = 0;
	if (rc)
		return rc;
	for (int i = 0; i < n; i++) {
		*planned += p[i].planned;
		*done += p[i].done < p[i].planned ? p[i].done : p[i].planned;
	}
	program_free(p, n);
	return TDL_OK;
}

/* Free program entries. */
void program_free(struct program *p, int n)
{
	for (int i = 0; i < n; i++)
		program_drop(&p[i]);
	free(p);
}
