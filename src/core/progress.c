/* WHO windows, progress by domain and item history for one child. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/progress.h"

/* The latest record of an item for a child, as SQL for a correlated subquery. */
#define LATEST(item) "(SELECT id FROM milestone_log WHERE child_id = ?1 AND milestone_id = " item \
		     " ORDER BY id DESC LIMIT 1)"

/* The child's age in months with a fraction. */
double progress_age_months(int days)
{
	return days / DAYS_PER_MONTH;
}

/* The six WHO windows with the child's records. */
int progress_windows(sqlite3 *db, const struct child *c, struct who_window **out, int *n,
		     struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT w.id, w.text, w.criteria, w.source, w.p1, w.p99, l.status, l.observed"
		" FROM who_window w LEFT JOIN milestone_log l ON l.id = " LATEST("w.id")
		" ORDER BY w.sort", err);
	struct who_window *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c ? c->id : -1);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct who_window *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g), *w;
		const char *status = (const char *)sqlite3_column_text(st, 6);
		const char *obs = (const char *)sqlite3_column_text(st, 7);

		if (!g)
			break;
		arr = g;
		w = &arr[cnt++];
		memset(w, 0, sizeof *w);
		w->id = db_column_dup(st, 0);
		w->text = db_column_dup(st, 1);
		w->criteria = db_column_dup(st, 2);
		w->source = db_column_dup(st, 3);
		w->p1 = sqlite3_column_double(st, 4);
		w->p99 = sqlite3_column_double(st, 5);
		if (!status || milestone_status_parse(status, &w->status))
			w->status = MS_NONE;
		w->has_date = obs && date_parse(obs, &w->day) == 0;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		progress_windows_free(arr, cnt);
		return db_fail(db, "cannot read the WHO windows", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Achieved and total checklist items up to age_months, by domain. */
int progress_by_domain(sqlite3 *db, const struct child *c, int age_months, struct progress **out,
		       int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT m.domain, sum(l.status IS 'achieved'), count(*) FROM milestone m"
		" LEFT JOIN milestone_log l ON l.id = " LATEST("m.id")
		" WHERE m.age_months <= ?2 GROUP BY m.domain ORDER BY min(m.sort)", err);
	struct progress *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	sqlite3_bind_int(st, 2, age_months);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct progress *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g);

		if (!g)
			break;
		arr = g;
		arr[cnt].domain = db_column_dup(st, 0);
		arr[cnt].achieved = sqlite3_column_int(st, 1);
		arr[cnt].total = sqlite3_column_int(st, 2);
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		progress_free(arr, cnt);
		return db_fail(db, "cannot read the progress", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Every record of one item for a child, oldest first. */
int progress_history(sqlite3 *db, const struct child *c, const char *id,
		     struct milestone_entry **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT l.milestone_id, l.status, l.observed, COALESCE(l.note, ''), l.created_by,"
		" COALESCE(m.text, w.text, l.milestone_id), COALESCE(m.domain, 'movement'),"
		" COALESCE(m.age_months, 0) FROM milestone_log l"
		" LEFT JOIN milestone m ON m.id = l.milestone_id LEFT JOIN who_window w ON w.id = l.milestone_id"
		" WHERE l.child_id = ?1 AND l.milestone_id = ?2 ORDER BY l.id", err);
	struct milestone_entry *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct milestone_entry *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g), *e;
		const char *obs = (const char *)sqlite3_column_text(st, 2);

		if (!g)
			break;
		arr = g;
		e = &arr[cnt++];
		memset(e, 0, sizeof *e);
		e->id = db_column_dup(st, 0);
		if (milestone_status_parse((const char *)sqlite3_column_text(st, 1), &e->status))
			e->status = MS_NONE;
		e->has_date = obs && date_parse(obs, &e->observed) == 0;
		e->note = db_column_dup(st, 3);
		e->who = db_column_dup(st, 4);
		e->text = db_column_dup(st, 5);
		e->domain = db_column_dup(st, 6);
		e->age_months = sqlite3_column_int(st, 7);
		e->source = strdup("");
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		milestone_entries_free(arr, cnt);
		return db_fail(db, "cannot read the history", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

void progress_windows_free(struct who_window *w, int n)
{
	for (int i = 0; i < n; i++) {
		free(w[i].id);
		free(w[i].text);
		free(w[i].criteria);
		free(w[i].source);
	}
	free(w);
}

void progress_free(struct progress *p, int n)
{
	for (int i = 0; i < n; i++)
		free(p[i].domain);
	free(p);
}
