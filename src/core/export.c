/* Exports: the milestone records, the kinds of export, writing and recording them. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/audit.h"
#include "toddle/db.h"
#include "toddle/export.h"
#include "toddle/file.h"
#include "toddle/priv.h"

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

static const char *const what_names[] = { "milestones", "activities", "appointments", "goals", "notes",
					  "program", "audit" };

#define WHAT_COUNT ((int)(sizeof what_names / sizeof what_names[0]))

/* Parse the name of a kind of records (what_names). */
int export_what_parse(const char *s, enum export_what *out)
{
	for (int i = 0; i < WHAT_COUNT; i++)
		if (s && !strcmp(s, what_names[i])) {
			*out = (enum export_what)i;
			return 0;
		}
	return -1;
}

/* The kinds of records, for messages. */
const char *export_what_names(void)
{
	return "milestones, activities, appointments, goals, notes, program or audit";
}

/* Record in the audit trail that an export went to file (NULL: standard output). */
int export_record(sqlite3 *db, const struct child *c, enum export_kind kind, enum export_what what,
		  const char *file, struct tdl_err *err)
{
	char where[4096], detail[4200];

	file_where(file, where, sizeof where);
	if (kind == EXPORT_ICS)
		snprintf(detail, sizeof detail, "ics appointments%s to %s", c ? "" : " of every child", where);
	else
		snprintf(detail, sizeof detail, "csv %s to %s", what_names[what], where);
	return audit_record(db, c ? c->id : 0, "exported", detail, err);
}
