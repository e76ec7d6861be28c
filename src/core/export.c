/* Exports: CSV rows for a spreadsheet and an iCalendar file of appointments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/audit.h"
#include "toddle/db.h"
#include "toddle/export.h"

/* Fill the milestone record elem from the current row (a db_rows fill). */
static int record_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct milestone_record *r = elem;

	(void)ctx;
	r->id = sqlite3_column_int64(st, 0);
	r->item = db_column_dup(st, 1);
	if (milestone_status_parse((const char *)sqlite3_column_text(st, 2), &r->status))
		r->status = MS_NONE;
	r->has_date = db_column_day_opt(st, 3, &r->observed);
	r->domain = db_column_dup(st, 4);
	r->text = db_column_dup(st, 5);
	r->note = db_column_dup(st, 6);
	r->who = db_column_dup(st, 7);
	r->at = db_column_dup(st, 8);
	return 0;
}

/* Free a milestone record's strings (a db_rows drop). */
static void record_drop(void *elem)
{
	struct milestone_record *r = elem;

	free(r->item);
	free(r->domain);
	free(r->text);
	free(r->note);
	free(r->who);
	free(r->at);
}

static const struct db_rows record_rows = {
	sizeof(struct milestone_record), record_from_row, record_drop, "the milestones"
};

/* Every milestone record of a child, oldest first. */
int milestone_records(sqlite3 *db, const struct child *c, struct milestone_record **out, int *n,
		      struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT l.id, l.milestone_id, l.status, l.observed, COALESCE(m.domain, 'movement'),"
		" COALESCE(m.text, w.text, l.milestone_id), COALESCE(l.note, ''), l.created_by, l.created_at"
		" FROM milestone_log l LEFT JOIN milestone m ON m.id = l.milestone_id"
		" LEFT JOIN who_window w ON w.id = l.milestone_id WHERE l.child_id = ?1 ORDER BY l.id", err);
	void *rows;
	int rc;

	if (st)
		sqlite3_bind_int64(st, 1, c->id);
	rc = db_rows_read(db, st, &record_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free an array from milestone_records. */
void milestone_records_free(struct milestone_record *r, int n)
{
	for (int i = 0; i < n; i++)
		record_drop(&r[i]);
	free(r);
}

static const char *const what_names[] = { "milestones", "activities", "appointments" };

/* Parse "milestones", "activities" or "appointments". */
int export_what_parse(const char *s, enum export_what *out)
{
	for (int i = 0; i < 3; i++)
		if (s && !strcmp(s, what_names[i])) {
			*out = (enum export_what)i;
			return 0;
		}
	return -1;
}

/* Append one row of n cells, each through buf_csv_cell, ending in CRLF. */
static void csv_row(struct buf *out, const char *const *cells, int n)
{
	for (int i = 0; i < n; i++) {
		if (i)
			buf_add(out, ",");
		buf_csv_cell(out, cells[i]);
	}
	buf_add(out, "\r\n");
}

/* Milestone records as CSV rows. */
static int csv_milestones(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err)
{
	static const char *const head[] = { "id", "date", "status", "domain", "text", "note",
					    "recorded_by", "recorded_at" };
	struct milestone_record *r;
	int n, rc = milestone_records(db, c, &r, &n, err);

	if (rc)
		return rc;
	csv_row(out, head, 8);
	for (int i = 0; i < n; i++) {
		char id[24], d[11] = "";
		const char *cells[8] = { id, d, milestone_status_name(r[i].status), r[i].domain,
					 r[i].text, r[i].note, r[i].who, r[i].at };

		snprintf(id, sizeof id, "%lld", r[i].id);
		if (r[i].has_date)
			date_format(r[i].observed, d);
		csv_row(out, cells, 8);
	}
	milestone_records_free(r, n);
	return TDL_OK;
}

/* Activity log entries (removed ones left out) as CSV rows. */
static int csv_activities(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err)
{
	static const char *const head[] = { "id", "date", "activity_id", "title", "result", "minutes",
					    "note", "recorded_by" };
	struct activity_entry *e;
	int n, rc = activity_entries(db, c, date_from_ymd(DATE_MIN_YEAR, 1, 1),
				     date_from_ymd(DATE_MAX_YEAR, 12, 31), &e, &n, err);

	if (rc)
		return rc;
	csv_row(out, head, 8);
	for (int i = 0; i < n; i++) {
		char id[24], d[11], min[12] = "";
		const char *cells[8] = { id, d, e[i].activity_id, e[i].title,
					 activity_result_name(e[i].result), min, e[i].note, e[i].who };

		snprintf(id, sizeof id, "%lld", e[i].id);
		date_format(e[i].day, d);
		if (e[i].minutes > 0)
			snprintf(min, sizeof min, "%d", e[i].minutes);
		csv_row(out, cells, 8);
	}
	activity_entries_free(e, n);
	return TDL_OK;
}

/* Appointments (removed ones left out) as CSV rows. */
static int csv_appointments(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err)
{
	static const char *const head[] = { "id", "date", "time", "minutes", "title", "place", "with" };
	struct appointment *a;
	int n, rc = appointment_list(db, c->id, date_from_ymd(DATE_MIN_YEAR, 1, 1),
				     date_from_ymd(DATE_MAX_YEAR, 12, 31), &a, &n, err);

	if (rc)
		return rc;
	csv_row(out, head, 7);
	for (int i = 0; i < n; i++) {
		char id[24], d[11], tm[6], min[12];
		const char *cells[7] = { id, d, tm, min, a[i].title, a[i].place, a[i].with_whom };

		snprintf(id, sizeof id, "%lld", a[i].id);
		date_format(a[i].day, d);
		appointment_format_time(a[i].time, tm);
		snprintf(min, sizeof min, "%d", a[i].minutes);
		csv_row(out, cells, 7);
	}
	appointment_free_all(a, n);
	return TDL_OK;
}

/* A header row and one row per record of child c. */
int export_csv(sqlite3 *db, const struct child *c, enum export_what what, struct buf *out,
	       struct tdl_err *err)
{
	int rc;

	if (what == EXPORT_MILESTONES)
		rc = csv_milestones(db, c, out, err);
	else if (what == EXPORT_ACTIVITIES)
		rc = csv_activities(db, c, out, err);
	else if (what == EXPORT_APPOINTMENTS)
		rc = csv_appointments(db, c, out, err);
	else
		rc = err_set(err, TDL_EINPUT, "export: unknown kind of records");
	return rc ? rc : buf_status(out, err);
}

/* Append NAME:VALUE as a folded line, with value escaped as TEXT (prefix, then text). */
static void ics_text_line(struct buf *out, const char *name, const char *prefix, const char *text)
{
	struct buf line;

	buf_init(&line);
	buf_add(&line, name);
	buf_add(&line, ":");
	buf_ics_text(&line, prefix);
	buf_ics_text(&line, text);
	if (line.failed)
		out->failed = 1;
	else
		buf_ics_line(out, buf_str(&line));
	buf_free(&line);
}

/* Append NAME:YYYYMMDDTHHMMSS, a floating local time, for day and minutes after midnight. */
static void ics_time_line(struct buf *out, const char *name, day_t day, int minutes)
{
	int y, m, d;

	day += minutes / (24 * 60);
	minutes %= 24 * 60;
	date_to_ymd(day, &y, &m, &d);
	buf_printf(out, "%s:%04d%02d%02dT%02d%02d00\r\n", name, y, m, d, minutes / 60, minutes % 60);
}

/* Split YYYY-MM-DDTHH:MM:SSZ into v[6]; 0 when it has that shape. */
static int utc_parse(const char *at, int v[6])
{
	int used = 0;

	return at && sscanf(at, "%4d-%2d-%2dT%2d:%2d:%2dZ%n", &v[0], &v[1], &v[2], &v[3], &v[4],
			    &v[5], &used) == 6 && used == 20 && !at[used] ? 0 : -1;
}

/* Append DTSTAMP (UTC) from when the appointment was last changed, or now. */
static void ics_stamp_line(struct buf *out, const char *at)
{
	char now[21];
	int v[6];

	if (utc_parse(at, v)) {
		db_now(now);
		if (utc_parse(now, v))
			memset(v, 0, sizeof v);
	}
	buf_printf(out, "DTSTAMP:%04d%02d%02dT%02d%02d%02dZ\r\n", v[0], v[1], v[2], v[3], v[4], v[5]);
}

/* Append one VEVENT from a row of the query in export_ics. */
static void ics_event(struct buf *out, sqlite3_stmt *st)
{
	const char *uuid = (const char *)sqlite3_column_text(st, 0);
	const char *place = (const char *)sqlite3_column_text(st, 5);
	const char *with = (const char *)sqlite3_column_text(st, 6);
	struct buf summary;
	day_t day;
	int time, minutes = sqlite3_column_int(st, 3);

	if (!db_column_day_opt(st, 1, &day) ||
	    appointment_parse_time((const char *)sqlite3_column_text(st, 2), &time))
		return;
	if (minutes < 1 || minutes > 24 * 60)
		minutes = 30;
	buf_add(out, "BEGIN:VEVENT\r\n");
	buf_printf(out, "UID:%s@toddle\r\n", uuid ? uuid : "");
	ics_stamp_line(out, (const char *)sqlite3_column_text(st, 8));
	buf_printf(out, "SEQUENCE:%d\r\n", sqlite3_column_int(st, 9) > 0 ? sqlite3_column_int(st, 9) - 1 : 0);
	ics_time_line(out, "DTSTART", day, time);
	ics_time_line(out, "DTEND", day, time + minutes);
	buf_init(&summary);
	buf_add(&summary, (const char *)sqlite3_column_text(st, 7));
	buf_add(&summary, ": ");
	ics_text_line(out, "SUMMARY", buf_str(&summary), (const char *)sqlite3_column_text(st, 4));
	if (summary.failed)
		out->failed = 1;
	buf_free(&summary);
	if (place && *place)
		ics_text_line(out, "LOCATION", "", place);
	if (with && *with)
		ics_text_line(out, "DESCRIPTION", "With: ", with);
	buf_add(out, "END:VEVENT\r\n");
}

/* An RFC 5545 calendar of the appointments of c (NULL: every child). */
int export_ics(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.uuid, a.day, a.time, a.minutes, a.title, COALESCE(a.place, ''),"
		" COALESCE(a.with_whom, ''), c.name, COALESCE(a.updated_at, a.created_at), a.version"
		" FROM appointment a JOIN child c ON c.id = a.child_id"
		" WHERE (?1 < 0 OR a.child_id = ?1) AND a.deleted_at IS NULL ORDER BY a.day, a.time, a.id", err);
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c ? c->id : -1);
	buf_add(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//toddle//toddle 0.1//EN\r\n"
		     "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !out->failed)
		ics_event(out, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "cannot read the appointments", err);
	buf_add(out, "END:VCALENDAR\r\n");
	return buf_status(out, err);
}

/* Record in the audit trail that an export went to standard output. */
int export_record(sqlite3 *db, const struct child *c, enum export_kind kind, enum export_what what,
		  struct tdl_err *err)
{
	char detail[200];

	if (kind == EXPORT_ICS)
		snprintf(detail, sizeof detail, "ics appointments%s to standard output", c ? "" : " of every child");
	else
		snprintf(detail, sizeof detail, "csv %s to standard output", what_names[what]);
	return audit_record(db, c ? c->id : 0, "exported", detail, err);
}
