/* Appointments: add, edit, remove and list, every change traced. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/db.h"
#include "toddle/text.h"

/* Parse a strict HH:MM into minutes after midnight. */
int appointment_parse_time(const char *s, int *out)
{
	if (!s || strlen(s) != 5 || s[2] != ':' || s[0] < '0' || s[0] > '2' || s[1] < '0' ||
	    s[1] > '9' || s[3] < '0' || s[3] > '5' || s[4] < '0' || s[4] > '9')
		return -1;
	*out = ((s[0] - '0') * 10 + (s[1] - '0')) * 60 + (s[3] - '0') * 10 + (s[4] - '0');
	return *out < 24 * 60 ? 0 : -1;
}

/* Write HH:MM as stored; "" for an all-day appointment. */
void appointment_format_time(int time, char out[6])
{
	if (time == APPOINTMENT_ALL_DAY) {
		out[0] = '\0';
		return;
	}
	if (time < 0 || time >= 24 * 60)
		time = 0;
	snprintf(out, 6, "%02d:%02d", (time / 60) % 24, time % 60);
}

/* The time as shown: HH:MM, or the caller's words for all day. */
const char *appointment_time_words(int time, const char *all_day, char buf[6])
{
	if (time == APPOINTMENT_ALL_DAY)
		return all_day;
	appointment_format_time(time, buf);
	return buf;
}

/* Check the fields of an appointment. */
int appointment_validate(const struct appointment *a, struct tdl_err *err)
{
	int rc = text_check(a->title, "the title", APPOINTMENT_TEXT_MAX, 1, err);

	if (!rc)
		rc = text_check(a->place, "the place", APPOINTMENT_TEXT_MAX, 0, err);
	if (!rc)
		rc = text_check(a->with_whom, "'with'", APPOINTMENT_TEXT_MAX, 0, err);
	if (rc)
		return rc;
	if (a->time != APPOINTMENT_ALL_DAY && (a->time < 0 || a->time >= 24 * 60))
		return err_set(err, TDL_EINPUT, "the time must be HH:MM, from 00:00 to 23:59, or none (all day)");
	if (a->minutes < 1 || a->minutes > 24 * 60)
		return err_set(err, TDL_EINPUT, "the length must be 1 to 1440 minutes");
	return TDL_OK;
}

/* Add an appointment for child c. */
int appointment_add(sqlite3 *db, const struct child *c, struct appointment *a, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21], tm[6];
	int rc = appointment_validate(a, err);

	if (!rc)
		rc = child_check_born(c, a->day, "the appointment date", err);
	if (rc)
		return rc;
	db_uuid(a->uuid);
	db_now(now);
	appointment_format_time(a->time, tm);
	rc = child_write_begin(db, c, "INSERT INTO appointment(uuid, child_id, day, time, minutes, title, place,"
			       " with_whom, created_at, created_by, updated_at, updated_by)"
			       " VALUES(?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?9,?10)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, a->uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_day(st, 3, a->day);
	db_bind_text(st, 4, tm);
	sqlite3_bind_int(st, 5, a->minutes);
	db_bind_text(st, 6, a->title);
	db_bind_text(st, 7, a->place && *a->place ? a->place : NULL);
	db_bind_text(st, 8, a->with_whom && *a->with_whom ? a->with_whom : NULL);
	db_bind_text(st, 9, now);
	db_bind_text(st, 10, db_user());
	rc = db_write_end(db, st, "cannot save the appointment", err);
	if (rc)
		return rc;
	a->id = sqlite3_last_insert_rowid(db);
	a->child_id = c->id;
	a->version = 1;
	return TDL_OK;
}

#define APPOINTMENT_GONE "the appointment was changed or removed by someone else: look again"

/* Inside a write: refuse when appointment a->id is gone, removed or past
 * `version` (0: any); *same when it already holds a's fields (a->title NULL:
 * a removal, never the same). */
static int appointment_check(sqlite3 *db, const struct appointment *a, int version, int *same,
			     struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT version, updated_by, updated_at, deleted_by, deleted_at,"
				      " ?2 IS NOT NULL AND day = ?2 AND time = ?3 AND minutes = ?4 AND title = ?5"
				      " AND place IS ?6 AND with_whom IS ?7 FROM appointment WHERE id = ?1", err);
	char tm[6];
	struct db_row row;
	int rc;

	*same = 0;
	if (!st)
		return TDL_EDATA;
	appointment_format_time(a->time, tm);
	sqlite3_bind_int64(st, 1, a->id);
	db_bind_day_opt(st, 2, a->title != NULL, a->day);
	db_bind_text(st, 3, tm);
	sqlite3_bind_int(st, 4, a->minutes);
	db_bind_text(st, 5, a->title);
	db_bind_text(st, 6, a->place && *a->place ? a->place : NULL);
	db_bind_text(st, 7, a->with_whom && *a->with_whom ? a->with_whom : NULL);
	rc = db_row_read(db, st, &row, err);
	if (rc)
		return rc;
	if (!row.found)
		return err_set(err, TDL_EINPUT, "there is no appointment %lld: see 'toddle event list'", a->id);
	if (row.removed)
		return err_set(err, TDL_EINPUT, "the appointment was removed by %s at %s; nothing was saved",
			       row.who, row.when);
	if (version > 0 && row.version != version)
		return err_set(err, TDL_EINPUT, "the appointment was changed meanwhile by %s at %s (version %d); "
			       "nothing was saved", row.who, row.when, row.version);
	*same = row.same;
	return TDL_OK;
}

/* Bind an appointment's fields to ?1..?6 of an UPDATE or INSERT. */
static void appointment_bind(sqlite3_stmt *st, const struct appointment *a)
{
	char tm[6];

	appointment_format_time(a->time, tm);
	db_bind_day(st, 1, a->day);
	db_bind_text(st, 2, tm);
	sqlite3_bind_int(st, 3, a->minutes);
	db_bind_text(st, 4, a->title);
	db_bind_text(st, 5, a->place && *a->place ? a->place : NULL);
	db_bind_text(st, 6, a->with_whom && *a->with_whom ? a->with_whom : NULL);
}

/* Inside a write: refuse a new day before the birth of the appointment's child. */
static int appointment_check_born(sqlite3 *db, const struct appointment *a, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT child_id FROM appointment WHERE id = ?1", err);
	struct child c;
	long long cid = -1;
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, a->id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		cid = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "cannot read the database", err);
	if (cid < 0)
		return err_set(err, TDL_EINPUT, APPOINTMENT_GONE);
	rc = child_get(db, cid, &c, err);
	return rc ? rc : child_check_born(&c, a->day, "the appointment date", err);
}

/* Save edits if nobody changed it since it was read. */
int appointment_update(sqlite3 *db, struct appointment *a, int *changed, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int same, rc = appointment_validate(a, err);

	if (changed)
		*changed = 0;
	if (rc)
		return rc;
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = appointment_check(db, a, a->version, &same, err);
	if (!rc && !same)
		rc = appointment_check_born(db, a, err);
	if (rc || same) {
		db_rollback(db);
		return rc;
	}
	st = db_prepare(db, "UPDATE appointment SET day=?1, time=?2, minutes=?3, title=?4, place=?5,"
			" with_whom=?6, version=version+1, updated_at=?7, updated_by=?8"
			" WHERE id=?9 AND version=?10 AND deleted_at IS NULL", err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	appointment_bind(st, a);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, db_user());
	sqlite3_bind_int64(st, 9, a->id);
	sqlite3_bind_int(st, 10, a->version);
	rc = db_write_end_one(db, st, "cannot save the appointment", APPOINTMENT_GONE, err);
	if (!rc) {
		a->version++;
		if (changed)
			*changed = 1;
	}
	return rc;
}

/* Remove an appointment read at `version`, keeping a trace of who removed it. */
int appointment_delete(sqlite3 *db, long long id, int version, struct tdl_err *err)
{
	struct appointment key;
	sqlite3_stmt *st;
	char now[21];
	int same, rc;

	memset(&key, 0, sizeof key);
	key.id = id;
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = appointment_check(db, &key, version, &same, err);
	st = db_write_checked(db, rc, "UPDATE appointment SET deleted_at=?1, deleted_by=?2, version=version+1"
			" WHERE id=?3 AND deleted_at IS NULL", err);
	if (!st)
		return rc ? rc : TDL_EDATA;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	sqlite3_bind_int64(st, 3, id);
	return db_write_end_one(db, st, "cannot remove the appointment", APPOINTMENT_GONE, err);
}

#define APPT_SELECT "SELECT a.id, a.child_id, a.uuid, a.day, a.time, a.minutes, a.title," \
	" COALESCE(a.place, ''), COALESCE(a.with_whom, ''), c.name, a.version" \
	" FROM appointment a JOIN child c ON c.id = a.child_id"

/* Fill the appointment elem from a row of APPT_SELECT (a db_rows fill). */
static int appt_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct appointment *a = elem;
	const char *tm;

	(void)ctx;
	a->id = sqlite3_column_int64(st, 0);
	a->child_id = sqlite3_column_int64(st, 1);
	snprintf(a->uuid, sizeof a->uuid, "%s", (const char *)sqlite3_column_text(st, 2));
	a->day = db_column_day(st, 3);
	tm = (const char *)sqlite3_column_text(st, 4);
	if (!tm || !*tm)
		a->time = APPOINTMENT_ALL_DAY;
	else if (appointment_parse_time(tm, &a->time))
		a->time = 0;
	a->minutes = sqlite3_column_int(st, 5);
	a->title = db_column_dup(st, 6);
	a->place = db_column_dup(st, 7);
	a->with_whom = db_column_dup(st, 8);
	a->child_name = db_column_dup(st, 9);
	a->version = sqlite3_column_int(st, 10);
	return 0;
}

/* Free an appointment's strings (a db_rows drop). */
static void appt_drop(void *elem)
{
	struct appointment *a = elem;

	free(a->title);
	free(a->place);
	free(a->with_whom);
	free(a->child_name);
}

static const struct db_rows appt_rows = { sizeof(struct appointment), appt_from_row, appt_drop, "the appointments" };

/* Appointments from..to for a child (child_id < 0: everyone), at most max (< 0: all). */
static int appointment_read(sqlite3 *db, long long child_id, day_t from, day_t to, int max,
			    struct appointment **out, int *n, struct tdl_err *err)
{
	/* one statement per case, so each uses its index: (child_id, day) or (day, time);
	 * an all-day appointment's time '' sorts it first on its day; the (day, time)
	 * index holds the id too, so a LIMIT stops the read early */
	sqlite3_stmt *st = db_prepare(db, child_id >= 0
		? APPT_SELECT " WHERE a.child_id = ?1 AND a.day BETWEEN ?2 AND ?3 AND a.deleted_at IS NULL"
		  " ORDER BY a.day, a.time, a.id LIMIT ?4"
		: APPT_SELECT " WHERE ?1 < 0 AND a.day BETWEEN ?2 AND ?3 AND a.deleted_at IS NULL"
		  " ORDER BY a.day, a.time, a.id LIMIT ?4", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, child_id);
		db_bind_day(st, 2, from);
		db_bind_day(st, 3, to);
		sqlite3_bind_int(st, 4, max);
	}
	rc = db_rows_read(db, st, &appt_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Appointments from..to for a child (child_id < 0: everyone). */
int appointment_list(sqlite3 *db, long long child_id, day_t from, day_t to,
		     struct appointment **out, int *n, struct tdl_err *err)
{
	return appointment_read(db, child_id, from, to, -1, out, n, err);
}

/* The first max appointments from..to of every child, by time. */
int appointment_first(sqlite3 *db, day_t from, day_t to, int max, struct appointment **out, int *n,
		      struct tdl_err *err)
{
	return appointment_read(db, -1, from, to, max, out, n, err);
}

/* Read appointment id, not removed, into a (appointment_free_all(a, 1) frees it). */
int appointment_get(sqlite3 *db, long long id, struct appointment **a, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, APPT_SELECT " WHERE a.id = ?1 AND a.deleted_at IS NULL", err);
	void *rows;
	int n = 0, rc;

	if (st)
		sqlite3_bind_int64(st, 1, id);
	rc = db_rows_read(db, st, &appt_rows, NULL, &rows, &n, err);
	*a = rows;
	if (!rc && n != 1) {
		appointment_free_all(*a, n);
		*a = NULL;
		return err_set(err, TDL_EINPUT, APPOINTMENT_GONE);
	}
	return rc;
}

/* Free an array of appointments. */
void appointment_free_all(struct appointment *a, int n)
{
	for (int i = 0; i < n; i++)
		appt_drop(&a[i]);
	free(a);
}
