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
	char a[11], b[11];
	int rc;

	memset(marks, 0, (size_t)ndays);
	if (!st)
		return TDL_EDATA;
	date_format(from, a);
	date_format(from + ndays - 1, b);
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_text(st, 2, a);
	db_bind_text(st, 3, b);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d;

		if (date_parse((const char *)sqlite3_column_text(st, 0), &d) == 0 && d >= from &&
		    d < from + ndays)
			marks[d - from] |= (unsigned char)sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the calendar", err);
}

/* Entries logged on one day for a child. */
int calendar_day(sqlite3 *db, long long child_id, day_t day, struct cal_entry **out, int *n,
		 struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT 4 AS kind, a.time || ' ' || a.title || COALESCE(', ' || a.place, '')"
		"   || COALESCE(' with ' || a.with_whom, '') || ' (' || a.minutes || ' min)',"
		"   a.updated_by, a.id, 0 AS o, a.version FROM appointment a"
		" WHERE a.child_id=?1 AND a.day=?2 AND a.deleted_at IS NULL"
		" UNION ALL SELECT 1, 'Milestone ' || l.status || ': ' || COALESCE(m.text, w.text, l.milestone_id)"
		"   || COALESCE(' (' || l.note || ')', ''), l.created_by, l.id, 1, 1"
		" FROM milestone_log l LEFT JOIN milestone m ON m.id = l.milestone_id"
		" LEFT JOIN who_window w ON w.id = l.milestone_id"
		" WHERE l.child_id=?1 AND l.observed=?2"
		" UNION ALL SELECT 2, 'Activity ' || l.result || ': ' || COALESCE(a.title, l.activity_id)"
		"   || COALESCE(', ' || l.minutes || ' min', '') || COALESCE(' (' || l.note || ')', ''),"
		"   COALESCE(l.updated_by, l.created_by), l.id, 2, l.version"
		" FROM activity_log l LEFT JOIN activity a ON a.id = l.activity_id"
		" WHERE l.child_id=?1 AND l.day=?2 AND l.deleted_at IS NULL ORDER BY 5, 2, 4", err);
	struct cal_entry *arr = NULL;
	char d[11];
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	date_format(day, d);
	sqlite3_bind_int64(st, 1, child_id);
	db_bind_text(st, 2, d);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct cal_entry *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g);

		if (!g)
			break;
		arr = g;
		arr[cnt].kind = sqlite3_column_int(st, 0);
		arr[cnt].id = sqlite3_column_int64(st, 3);
		arr[cnt].text = db_column_dup(st, 1);
		arr[cnt].who = db_column_dup(st, 2);
		arr[cnt].version = sqlite3_column_int(st, 5);
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		calendar_entries_free(arr, cnt);
		return db_fail(db, "cannot read the calendar", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Free entries from calendar_day. */
void calendar_entries_free(struct cal_entry *e, int n)
{
	for (int i = 0; i < n; i++) {
		free(e[i].text);
		free(e[i].who);
	}
	free(e);
}
