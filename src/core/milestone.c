/* Milestones: checklist items with each child's latest record. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/text.h"
#include "ms_live.h"

static const char *const status_names[] = { "-", "achieved", "emerging", "not-yet", NULL };

/* The status words a person can log, in enum order, NULL-terminated. */
const char *const *milestone_status_choices(void)
{
	return status_names + MS_ACHIEVED;
}

/* Parse "achieved", "emerging" or "not-yet". */
int milestone_status_parse(const char *s, enum ms_status *out)
{
	for (int i = MS_ACHIEVED; i <= MS_NOT_YET; i++)
		if (s && !strcmp(s, status_names[i])) {
			*out = (enum ms_status)i;
			return 0;
		}
	return -1;
}

/* The word for a status ("-" for none). */
const char *milestone_status_name(enum ms_status st)
{
	return st >= MS_NONE && st <= MS_NOT_YET ? status_names[st] : "-";
}

/* Fill the entry elem from a row of milestone_range's query (a db_rows fill). */
static int entry_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct milestone_entry *e = elem;
	const char *status = (const char *)sqlite3_column_text(st, 5);

	(void)ctx;
	e->id = db_column_dup(st, 0);
	e->domain = db_column_dup(st, 1);
	e->text = db_column_dup(st, 2);
	e->source = db_column_dup(st, 3);
	e->age_months = sqlite3_column_int(st, 4);
	if (!status || milestone_status_parse(status, &e->status))
		e->status = MS_NONE;
	e->has_date = db_column_day_opt(st, 6, &e->observed);
	e->note = db_column_dup(st, 7);
	e->who = db_column_dup(st, 8);
	e->via = db_column_dup(st, 9);
	return 0;
}

/* Free an entry's strings (a db_rows drop). */
static void entry_drop(void *elem)
{
	milestone_entry_clear(elem);
}

static const struct db_rows entry_rows = {
	sizeof(struct milestone_entry), entry_from_row, entry_drop, "the milestones"
};

/* Items from age `from` to `to` with the latest record of each for child c. */
int milestone_range(sqlite3 *db, const struct child *c, int from, int to,
		    struct milestone_entry **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db, MS_LIVE_CTE
		"SELECT m.id, m.domain, m.text, m.source, m.age_months, l.status, l.observed, v.note,"
		" v.created_by, CASE WHEN l.item <> m.id THEN l.item END FROM milestone m"
		" LEFT JOIN latest l ON l.skill = " MS_SKILL_OF("m.id")
		" LEFT JOIN milestone_log v ON v.id = l.id"
		" WHERE m.age_months BETWEEN ?2 AND ?3 ORDER BY m.age_months, m.sort", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c ? c->id : -1);
		sqlite3_bind_int(st, 2, from);
		sqlite3_bind_int(st, 3, to);
	}
	rc = db_rows_read(db, st, &entry_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Fill the int elem from column 0 (a db_rows fill). */
static int age_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	(void)ctx;
	*(int *)elem = sqlite3_column_int(st, 0);
	return 0;
}

static const struct db_rows age_rows = { sizeof(int), age_from_row, NULL, "the milestones" };

/* Checklist ages present in the library, ascending. */
int milestone_ages(sqlite3 *db, int **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT DISTINCT age_months FROM milestone ORDER BY 1", err);
	void *rows;
	int rc = db_rows_read(db, st, &age_rows, NULL, &rows, n, err);

	*out = rows;
	return rc;
}

/* Items up to age_months and those of the next checklist age. */
int milestone_list(sqlite3 *db, const struct child *c, int age_months,
		   struct milestone_entry **out, int *n, struct tdl_err *err)
{
	int *ages, nages, upto = age_months, rc = milestone_ages(db, &ages, &nages, err);

	if (rc)
		return rc;
	for (int i = 0; i < nages; i++)
		if (ages[i] > age_months) {
			upto = ages[i];
			break;
		}
	free(ages);
	return milestone_range(db, c, 0, upto, out, n, err);
}

/* Record a status for one item; earlier records stay as history. */
int milestone_log(sqlite3 *db, const struct child *c, const struct milestone_seen *m, day_t today,
		  struct tdl_err *err)
{
	const char *id = m->id, *note = m->note;
	enum ms_status status = m->status;
	int has_date = m->has_date;
	day_t date = m->date;
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc;

	if (status < MS_ACHIEVED || status > MS_NOT_YET)
		return err_set(err, TDL_EINPUT, "status must be achieved, emerging or not-yet");
	if (has_date) {
		rc = date_check_past(date, today, "the date seen", err);
		if (rc)
			return rc;
		rc = child_check_born(c, date, "the date seen", err);
		if (rc)
			return rc;
	}
	rc = text_check_lines(note, "the note", MILESTONE_NOTE_MAX, 0, err);
	if (rc)
		return rc;
	st = db_prepare(db, "SELECT 1 FROM milestone WHERE id=?1 UNION ALL SELECT 1 FROM who_window WHERE id=?1", err);
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW)
		return err_set(err, TDL_EINPUT,
			       "no milestone '%.64s': see 'toddle milestone list' for the ids", id);
	db_uuid(uuid);
	db_now(now);
	rc = child_write_begin(db, c, "INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed,"
			       " note, created_at, created_by) VALUES(?,?,?,?,?,?,?,?)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_text(st, 3, id);
	db_bind_text(st, 4, milestone_status_name(status));
	db_bind_day_opt(st, 5, has_date, date);
	db_bind_text(st, 6, note && *note ? note : NULL);
	db_bind_text(st, 7, now);
	db_bind_text(st, 8, db_user());
	rc = db_write_end(db, st, "cannot save the milestone", err);
	if (!rc && m->made)
		*m->made = sqlite3_last_insert_rowid(db);
	return rc;
}

/* The text of one checklist item into out; 0 when it exists. */
int milestone_text(sqlite3 *db, const char *id, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT text FROM milestone WHERE id=?1 UNION ALL"
			       " SELECT text FROM who_window WHERE id=?1", -1, &st, NULL) != SQLITE_OK)
		return -1;
	db_bind_text(st, 1, id);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Free the strings of one entry. */
void milestone_entry_clear(struct milestone_entry *e)
{
	free(e->id);
	free(e->domain);
	free(e->text);
	free(e->source);
	free(e->note);
	free(e->who);
	free(e->via);
	free(e->at);
	free(e->changed_by);
	free(e->changed_at);
}

/* Free an array from milestone_list or milestone_range. */
void milestone_entries_free(struct milestone_entry *e, int n)
{
	for (int i = 0; i < n; i++)
		milestone_entry_clear(&e[i]);
	free(e);
}
