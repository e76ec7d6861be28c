/* Exports: a child's records as CSV for a spreadsheet, appointments as iCalendar. */
#ifndef TODDLE_EXPORT_H
#define TODDLE_EXPORT_H

#include <sqlite3.h>
#include "toddle/buf.h"
#include "toddle/child.h"
#include "toddle/err.h"
#include "toddle/milestone.h"

enum export_what { EXPORT_MILESTONES, EXPORT_ACTIVITIES, EXPORT_APPOINTMENTS, EXPORT_GOALS, EXPORT_NOTES,
		   EXPORT_PROGRAM, EXPORT_AUDIT };
enum export_kind { EXPORT_CSV, EXPORT_ICS };

/* One stored milestone record (history included). */
struct milestone_record {
	long long id;
	char *item;           /* checklist item or WHO window id */
	enum ms_status status;
	int has_date;
	day_t observed;
	char *domain, *text, *note, *who;
	char *at;             /* when it was recorded, YYYY-MM-DDTHH:MM:SSZ */
};

/* Every milestone record of a child, oldest first; free with milestone_records_free. */
int milestone_records(sqlite3 *db, const struct child *c, struct milestone_record **out, int *n,
		      struct tdl_err *err);

/* Free an array from milestone_records. */
void milestone_records_free(struct milestone_record *r, int n);

/* Parse milestones, activities, appointments, goals, notes, program or audit. */
int export_what_parse(const char *s, enum export_what *out);

/* The list of export_what names for messages: "milestones, activities, ... or audit". */
const char *export_what_names(void);

/* A header row and one CRLF-ended row per record of child c, appended to out
 * (bom: a UTF-8 byte-order mark first). Cells are RFC 4180; a cell whose text,
 * after any leading apostrophes, begins with = + - @ tab or CR gets one more
 * apostrophe in front, so no spreadsheet runs it and the text can be had back. */
int export_csv(sqlite3 *db, const struct child *c, enum export_what what, int bom, struct buf *out,
	       struct tdl_err *err);

/* An RFC 5545 calendar of the appointments of c (NULL: every child), appended
 * to out: times in UTC from the local time zone, all-day events for those
 * without a time, removed ones as cancelled events. */
int export_ics(sqlite3 *db, const struct child *c, struct buf *out, struct tdl_err *err);

/* Record in the audit trail (action 'exported') that a kind export (for CSV,
 * of what) of child c (NULL: every child) went to file (NULL: standard output). */
int export_record(sqlite3 *db, const struct child *c, enum export_kind kind, enum export_what what,
		  const char *file, struct tdl_err *err);

#endif
