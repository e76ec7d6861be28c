/* iCalendar export: appointments as RFC 5545 events, in UTC, cancelled when removed. */
#include <stdio.h>
#include <string.h>
#include <time.h>
#include "toddle/appointment.h"
#include "toddle/db.h"
#include "toddle/export.h"

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

/* The moment that `minutes` after midnight of day is on this machine's clock (TZ). */
static time_t local_moment(day_t day, int minutes)
{
	struct tm tm;
	int y, m, d;

	memset(&tm, 0, sizeof tm);
	date_to_ymd(day, &y, &m, &d);
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = minutes / 60;
	tm.tm_min = minutes % 60;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

/* Append NAME:YYYYMMDDTHHMMSSZ for moment t. */
static void ics_utc_line(struct buf *out, const char *name, time_t t)
{
	struct tm g;

	if (!gmtime_r(&t, &g)) {
		out->failed = 1;
		return;
	}
	buf_printf(out, "%s:%04d%02d%02dT%02d%02d%02dZ\r\n", name, g.tm_year + 1900, g.tm_mon + 1, g.tm_mday,
		   g.tm_hour, g.tm_min, g.tm_sec);
}

/* Append NAME;VALUE=DATE:YYYYMMDD for day. */
static void ics_date_line(struct buf *out, const char *name, day_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	buf_printf(out, "%s;VALUE=DATE:%04d%02d%02d\r\n", name, y, m, d);
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

/* Append DTSTART and DTEND of an appointment on day: an all-day event when it
 * has no time (stored as ""), else UTC moments from the local time. */
static void ics_when(struct buf *out, sqlite3_stmt *st, day_t day)
{
	const char *time_text = (const char *)sqlite3_column_text(st, 2);
	int minutes = sqlite3_column_int(st, 3), time;
	time_t start;

	if (!time_text || !*time_text || appointment_parse_time(time_text, &time)) {
		ics_date_line(out, "DTSTART", day);
		ics_date_line(out, "DTEND", day + 1);
		return;
	}
	if (minutes < 1 || minutes > 24 * 60)
		minutes = 30;
	start = local_moment(day, time);
	ics_utc_line(out, "DTSTART", start);
	ics_utc_line(out, "DTEND", start + (time_t)minutes * 60);
}

/* Append one VEVENT from a row of the query in export_ics; 1 when written. */
static int ics_event(struct buf *out, sqlite3_stmt *st)
{
	const char *uuid = (const char *)sqlite3_column_text(st, 0);
	const char *place = (const char *)sqlite3_column_text(st, 5);
	const char *with = (const char *)sqlite3_column_text(st, 6);
	int version = sqlite3_column_int(st, 9), removed = sqlite3_column_int(st, 10);
	struct buf summary;
	day_t day;

	if (!db_column_day_opt(st, 1, &day))
		return 0;
	buf_add(out, "BEGIN:VEVENT\r\n");
	buf_printf(out, "UID:%s@toddle\r\n", uuid ? uuid : "");
	ics_stamp_line(out, (const char *)sqlite3_column_text(st, 8));
	/* each change adds one to version; a removal sends one more than any copy had */
	buf_printf(out, "SEQUENCE:%d\r\n", removed ? (version > 0 ? version : 1) : (version > 0 ? version - 1 : 0));
	ics_when(out, st, day);
	if (removed)
		buf_add(out, "STATUS:CANCELLED\r\n");
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
	return 1;
}

/* The component that keeps a calendar without events valid (RFC 5545 asks for
 * one): the UTC zone the events are written in, which no program shows. */
static void ics_empty_component(struct buf *out)
{
	buf_add(out, "BEGIN:VTIMEZONE\r\nTZID:UTC\r\nBEGIN:STANDARD\r\nDTSTART:19700101T000000\r\n"
		     "TZOFFSETFROM:+0000\r\nTZOFFSETTO:+0000\r\nTZNAME:UTC\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n");
}

/* An RFC 5545 calendar of the appointments of c (NULL: every child). */
int export_ics(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT a.uuid, a.day, a.time, a.minutes, a.title, COALESCE(a.place, ''),"
		" COALESCE(a.with_whom, ''), c.name, COALESCE(a.deleted_at, a.updated_at, a.created_at), a.version,"
		" a.deleted_at IS NOT NULL FROM appointment a JOIN child c ON c.id = a.child_id"
		" WHERE (?1 < 0 OR a.child_id = ?1) ORDER BY a.day, a.time, a.id", err);
	int rc, events = 0;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c ? c->id : -1);
	tzset();
	buf_add(out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//toddle//toddle 0.1//EN\r\n"
		     "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
	ics_text_line(out, "X-WR-CALNAME", c ? "toddle: " : "toddle", c ? c->name : "");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !out->failed)
		events += ics_event(out, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "cannot read the appointments", err);
	if (!events)
		ics_empty_component(out);
	buf_add(out, "END:VCALENDAR\r\n");
	return buf_status(out, err);
}
