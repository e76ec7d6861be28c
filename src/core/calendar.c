/* The calendar: days with entries and what they hold. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/calendar.h"
#include "toddle/db.h"

/* For each day of the range set marks[i] to the kinds logged that day. */
int calendar_marks(sqlite3 *db, long long child_id, day_t from, int ndays, unsigned char *marks,
		   struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT observed, 1 FROM milestone_log WHERE child_id=?1 AND observed BETWEEN ?2 AND ?3"
		" UNION ALL SELECT day, 2 FROM activity_log WHERE child_id=?1 AND day BETWEEN ?2 AND ?3"
		" AND deleted_at IS NULL"
		" UNION ALL SELECT day, 4 FROM appointment WHERE child_id=?1 AND day BETWEEN ?2 AND ?3"
		" AND deleted_at IS NULL", err);
	int rc;

	memset(marks, 0, (size_t)ndays);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_day(st, 2, from);
	db_bind_day(st, 3, from + ndays - 1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d;

		if (db_column_day_opt(st, 0, &d) && d >= from && d < from + ndays)
			marks[d - from] |= (unsigned char)sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the calendar", err);
}

/* Fill the calendar entry elem from the current row (a db_rows fill). */
static int entry_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct cal_entry *e = elem;

	(void)ctx;
	e->kind = sqlite3_column_int(st, 0);
	e->id = sqlite3_column_int64(st, 3);
	e->text = db_column_dup(st, 1);
	e->who = db_column_dup(st, 2);
	e->version = sqlite3_column_int(st, 5);
	return 0;
}

/* Free a calendar entry's strings (a db_rows drop). */
static void entry_drop(void *elem)
{
	struct cal_entry *e = elem;

	free(e->text);
	free(e->who);
}


/* Where calendar_range's rows go: one growing array per day of the range. */
struct range_fill {
	day_t from;
	int ndays;
	struct cal_entry **out;
	int *n, *cap;
};

/* Put the current row in its day's array; rows outside the range are left out. */
static int range_add(sqlite3_stmt *st, struct range_fill *f)
{
	struct cal_entry *grown, *e;
	day_t d;
	int i;

	if (!db_column_day_opt(st, 6, &d) || d < f->from || d >= f->from + f->ndays)
		return 0;
	i = (int)(d - f->from);
	if (f->n[i] == f->cap[i]) {
		int want = f->cap[i] ? 2 * f->cap[i] : 4;

		grown = realloc(f->out[i], (size_t)want * sizeof *grown);
		if (!grown)
			return -1;
		f->out[i] = grown;
		f->cap[i] = want;
	}
	e = &f->out[i][f->n[i]];
	memset(e, 0, sizeof *e);
	f->n[i]++;
	entry_from_row(st, e, NULL);
	return e->text && e->who ? 0 : -1;
}

/* Entries of each day from..from+ndays-1 for a child, in one read: out[i] and
 * n[i] for day from+i, appointments first (all-day ones before timed ones);
 * free each with calendar_entries_free. */
int calendar_range(sqlite3 *db, long long child_id, day_t from, int ndays, struct cal_entry **out,
		   int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db,
		"SELECT 4 AS kind, CASE a.time WHEN '' THEN 'All day: ' || a.title ELSE a.time || ' ' || a.title END"
		"   || COALESCE(', ' || a.place, '') || COALESCE(' with ' || a.with_whom, '')"
		"   || CASE a.time WHEN '' THEN '' ELSE ' (' || a.minutes || ' min)' END,"
		"   a.updated_by, a.id, CASE a.time WHEN '' THEN -1 ELSE 0 END AS o, a.version, a.day FROM appointment a"
		" WHERE a.child_id=?1 AND a.day BETWEEN ?2 AND ?3 AND a.deleted_at IS NULL"
		" UNION ALL SELECT 1, 'Milestone ' || l.status || ': ' || COALESCE(m.text, w.text, l.milestone_id)"
		"   || COALESCE(' (' || l.note || ')', ''), l.created_by, l.id, 1, 1, l.observed"
		" FROM milestone_log l LEFT JOIN milestone m ON m.id = l.milestone_id"
		" LEFT JOIN who_window w ON w.id = l.milestone_id"
		" WHERE l.child_id=?1 AND l.observed BETWEEN ?2 AND ?3"
		" UNION ALL SELECT 2, 'Activity ' || l.result || ': ' || COALESCE(a.title, l.activity_id)"
		"   || COALESCE(', ' || l.minutes || ' min', '') || COALESCE(' (' || l.note || ')', ''),"
		"   COALESCE(l.updated_by, l.created_by), l.id, 2, l.version, l.day"
		" FROM activity_log l LEFT JOIN activity a ON a.id = l.activity_id"
		" WHERE l.child_id=?1 AND l.day BETWEEN ?2 AND ?3 AND l.deleted_at IS NULL ORDER BY 7, 5, 2, 4", err);
	int cap[31] = { 0 }, rc, oom = 0;
	struct range_fill f = { from, ndays, out, n, cap };

	if (ndays < 1 || ndays > 31) {
		if (st)
			db_release(st);
		return err_set(err, TDL_EINPUT, "a calendar range is 1 to 31 days, not %d", ndays);
	}
	for (int i = 0; i < ndays; i++)
		out[i] = NULL, n[i] = 0;
	if (!st)
		return TDL_EDATA; /* db_prepare said why */
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_day(st, 2, from);
	db_bind_day(st, 3, from + ndays - 1);
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW)
		oom = range_add(st, &f) != 0;
	db_release(st);
	if (!oom && rc == SQLITE_DONE)
		return TDL_OK;
	for (int i = 0; i < ndays; i++) {
		calendar_entries_free(out[i], n[i]);
		out[i] = NULL, n[i] = 0;
	}
	return oom ? err_set(err, TDL_EDATA, "out of memory while reading the calendar")
		   : db_fail(db, "cannot read the calendar", err);
}

/* Entries logged on one day for a child. */
int calendar_day(sqlite3 *db, long long child_id, day_t day, struct cal_entry **out, int *n,
		 struct tdl_err *err)
{
	return calendar_range(db, child_id, day, 1, out, n, err);
}

/* Free entries from calendar_day. */
void calendar_entries_free(struct cal_entry *e, int n)
{
	if (!e)
		return; /* like free(NULL): a day that had no entries */
	for (int i = 0; i < n; i++)
		entry_drop(&e[i]);
	free(e);
}
