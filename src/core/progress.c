/* WHO windows, progress by domain and item history for one child. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/progress.h"
#include "ms_live.h"

/* Fill the WHO window elem from the current row (a db_rows fill). */
static int window_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct who_window *w = elem;
	const char *status = (const char *)sqlite3_column_text(st, 6);

	(void)ctx;
	w->id = db_column_dup(st, 0);
	w->text = db_column_dup(st, 1);
	w->criteria = db_column_dup(st, 2);
	w->source = db_column_dup(st, 3);
	w->p1 = sqlite3_column_double(st, 4);
	w->p99 = sqlite3_column_double(st, 5);
	if (!status || milestone_status_parse(status, &w->status))
		w->status = MS_NONE;
	w->has_date = db_column_day_opt(st, 7, &w->day);
	w->via = db_column_dup(st, 8);
	w->same_as = db_column_dup(st, 9);
	w->same_reason = db_column_dup(st, 10);
	w->retired_by = db_column_dup(st, 11);
	return 0;
}

/* Free a WHO window's strings (a db_rows drop). */
static void window_drop(void *elem)
{
	struct who_window *w = elem;

	free(w->id);
	free(w->text);
	free(w->criteria);
	free(w->source);
	free(w->via);
	free(w->same_as);
	free(w->same_reason);
	free(w->retired_by);
}

static const struct db_rows window_rows = { sizeof(struct who_window), window_from_row, window_drop, "the WHO windows" };

/* The six WHO windows with the child's records. */
int progress_windows(sqlite3 *db, const struct child *c, struct who_window **out, int *n,
		     struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db, MS_LIVE_CTE
		"SELECT w.id, w.text, w.criteria, w.source, w.p1, w.p99, l.status, l.observed,"
		" CASE WHEN l.item <> w.id THEN l.item END, w.same_as, w.same_reason, r.by"
		" FROM who_window w LEFT JOIN latest l ON l.skill = w.id LEFT JOIN retired r ON r.id = w.id"
		" ORDER BY w.sort", err);
	void *rows;
	int rc;

	if (st)
		sqlite3_bind_int64(st, 1, c ? c->id : -1);
	rc = db_rows_read(db, st, &window_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Fill the progress elem from the current row (a db_rows fill). */
static int progress_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct progress *p = elem;

	(void)ctx;
	p->domain = db_column_dup(st, 0);
	p->achieved = sqlite3_column_int(st, 1);
	p->total = sqlite3_column_int(st, 2);
	return 0;
}

/* Free a progress row's string (a db_rows drop). */
static void progress_drop(void *elem)
{
	free(((struct progress *)elem)->domain);
}

static const struct db_rows progress_rows = { sizeof(struct progress), progress_from_row, progress_drop, "the progress" };

/* Achieved and total checklist items up to age_months, by domain. */
int progress_by_domain(sqlite3 *db, const struct child *c, int age_months, struct progress **out,
		       int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db, MS_LIVE_CTE
		"SELECT m.domain, sum(l.status IS 'achieved'), count(*) FROM milestone m"
		" LEFT JOIN latest l ON l.skill = " MS_SKILL_OF("m.id")
		" WHERE m.age_months <= ?2 GROUP BY m.domain ORDER BY min(m.sort)", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, age_months);
	}
	rc = db_rows_read(db, st, &progress_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Fill the entry elem from a row of progress_history's query (a db_rows fill). */
static int history_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct milestone_entry *e = elem;

	(void)ctx;
	e->id = db_column_dup(st, 0);
	if (milestone_status_parse((const char *)sqlite3_column_text(st, 1), &e->status))
		e->status = MS_NONE;
	e->has_date = db_column_day_opt(st, 2, &e->observed);
	e->note = db_column_dup(st, 3);
	e->who = db_column_dup(st, 4);
	e->text = db_column_dup(st, 5);
	e->domain = db_column_dup(st, 6);
	e->age_months = sqlite3_column_int(st, 7);
	e->source = strdup("");
	e->entry = sqlite3_column_int64(st, 8);
	e->state = (enum ms_entry_state)sqlite3_column_int(st, 9);
	e->at = db_column_dup(st, 10);
	e->changed_by = db_column_dup(st, 11);
	e->changed_at = db_column_dup(st, 12);
	e->via = strdup("");
	return 0;
}

/* Free an entry's strings (a db_rows drop). */
static void history_drop(void *elem)
{
	milestone_entry_clear(elem);
}

static const struct db_rows history_rows = {
	sizeof(struct milestone_entry), history_from_row, history_drop, "the history"
};

/* Every record of one item for a child, oldest first. */
int progress_history(sqlite3 *db, const struct child *c, const char *id,
		     struct milestone_entry **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT l.milestone_id, l.status, l.observed, COALESCE(l.note, ''), l.created_by,"
		" COALESCE(m.text, w.text, l.milestone_id), COALESCE(m.domain, 'movement'),"
		" COALESCE(m.age_months, 0), l.id, CASE WHEN x.id IS NULL THEN 0 WHEN x.removed THEN 2 ELSE 1 END,"
		" l.created_at, x.created_by, x.created_at FROM milestone_log l"
		" LEFT JOIN milestone_log x ON x.corrects = l.id"
		" LEFT JOIN milestone m ON m.id = l.milestone_id LEFT JOIN who_window w ON w.id = l.milestone_id"
		" WHERE l.child_id = ?1 AND l.removed = 0 AND (?2 IS NULL OR l.milestone_id = ?2) ORDER BY l.id", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		db_bind_text(st, 2, id);
	}
	rc = db_rows_read(db, st, &history_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free WHO windows. */
void progress_windows_free(struct who_window *w, int n)
{
	for (int i = 0; i < n; i++)
		window_drop(&w[i]);
	free(w);
}

/* Free progress rows. */
void progress_free(struct progress *p, int n)
{
	for (int i = 0; i < n; i++)
		progress_drop(&p[i]);
	free(p);
}
