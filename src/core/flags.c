/* The calm "worth talking about" list: concerns only (lost skills, not yet after a
 * passed checklist age, closed WHO windows), never a gap in the record. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/progress.h"
#include "ms_live.h"

/* Fill the flag elem from a row of flags_sql (a db_rows fill). */
static int flag_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct flag *f = elem;
	const char *status = (const char *)sqlite3_column_text(st, 3);

	(void)ctx;
	f->kind = (enum flag_kind)sqlite3_column_int(st, 10);
	f->id = db_column_dup(st, 0);
	f->text = db_column_dup(st, 1);
	f->domain = db_column_dup(st, 2);
	if (!status || milestone_status_parse(status, &f->status))
		f->status = MS_NONE;
	f->age_months = sqlite3_column_int(st, 4);
	f->p99 = sqlite3_column_double(st, 5);
	f->area = db_column_dup(st, 6);
	f->helps = db_column_dup(st, 7);
	f->same_as = sqlite3_column_type(st, 8) == SQLITE_NULL ? NULL : db_column_dup(st, 8);
	f->added = sqlite3_column_type(st, 9) == SQLITE_NULL ? 0 : db_column_day(st, 9);
	return 0;
}

/* Free a flag's strings (a db_rows drop). */
static void flag_drop(void *elem)
{
	struct flag *f = elem;

	free(f->id);
	free(f->text);
	free(f->domain);
	free(f->area);
	free(f->helps);
	free(f->same_as);
}

static const struct db_rows flag_rows = { sizeof(struct flag), flag_from_row, flag_drop, "the list" };

/* Columns every flag query returns: id, text, domain, status, age, p99, area, helps, same_as,
 * and for a window the day the child was added.
 * The area is the most specific concern (fewest domains, then library order) that names the item's domain. */
#define SPECIFIC " ORDER BY length(domains) - length(replace(domains, ' ', '')), sort LIMIT 1)"
#define AREA(domain) \
	"COALESCE((SELECT title FROM concern WHERE ' ' || domains || ' ' LIKE '% ' || " domain " || ' %'" \
	SPECIFIC ", " domain "), COALESCE((SELECT helps FROM concern WHERE ' ' ||" \
	" domains || ' ' LIKE '% ' || " domain " || ' %'" SPECIFIC ", 'general')"

/* The three kinds of concern in one statement, so the child's milestone
 * entries are gathered once (the CTE); column 10 is the kind, 11 the order
 * within it. */
static const char flags_sql[] =
	/* FLAG_LOST: achieved on one day, and the latest entry in force says not yet
	 * on a later day (a same-day change is a correction, not a lost skill) */
	MS_LIVE_CTE "SELECT l.item, COALESCE(m.text, w.text, l.item), COALESCE(m.domain, 'movement'),"
	" l.status, COALESCE(m.age_months, 0), COALESCE(w.p99, 0), " AREA("COALESCE(m.domain, 'movement')")
	", NULL, NULL, 0, 0 FROM lost l LEFT JOIN milestone m ON m.id = l.item LEFT JOIN who_window w ON w.id = l.item"
	" WHERE l.skill NOT IN (SELECT id FROM retired)"
	/* FLAG_CHECKLIST: a passed checklist age whose latest entry says not yet
	 * (an item with no entry is not answered yet, never a concern) */
	" UNION ALL SELECT m.id, m.text, m.domain, l.status, m.age_months, 0, " AREA("m.domain")
	", NULL, NULL, 1, m.sort FROM milestone m JOIN latest l ON l.skill = " MS_SKILL_OF("m.id")
	" WHERE m.age_months < ?2 AND l.status = 'not-yet'"
	" AND l.skill NOT IN (SELECT skill FROM lost) AND l.skill NOT IN (SELECT id FROM retired)"
	/* FLAG_WINDOW: the 99th percentile has passed without the skill (?3: the
	 * child's age in tenths of a month, as the chart shows it); a window with no
	 * entry counts only if it closed after the child was added (flags_compute) */
	" UNION ALL SELECT w.id, w.text, 'movement', l.status, 0, w.p99, " AREA("'movement'")
	", w.same_as, (SELECT substr(created_at, 1, 10) FROM child WHERE id = ?1), 2, CAST(w.p99 * 100 AS INTEGER)"
	" FROM who_window w LEFT JOIN latest l ON l.skill = w.id"
	" WHERE CAST(round(w.p99 * 10) AS INTEGER) < ?3 AND (l.status IS NULL OR l.status <> 'achieved')"
	" AND w.id NOT IN (SELECT skill FROM lost) AND w.id NOT IN (SELECT id FROM retired)"
	" ORDER BY 11, 5, 12, 1";

/* Drop the checklist flags of CDC items whose WHO window is flagged too: one skill, one flag. */
static void flags_dedupe(struct flag *f, int *n)
{
	int k = 0;

	for (int i = 0; i < *n; i++) {
		int dup = 0;

		for (int j = 0; j < *n && f[i].kind == FLAG_CHECKLIST && !dup; j++)
			dup = f[j].kind == FLAG_WINDOW && f[j].same_as && !strcmp(f[j].same_as, f[i].id);
		if (dup)
			flag_drop(&f[i]);
		else
			f[k++] = f[i];
	}
	*n = k;
}

/* Drop the windows with no entry that had closed before the child was added:
 * nobody could have logged them, so they are a gap, not a concern (start: the
 * day the child's age, as used, was 0). */
static void flags_drop_before_added(struct flag *f, int *n, day_t start)
{
	int k = 0;

	for (int i = 0; i < *n; i++) {
		int gap = f[i].kind == FLAG_WINDOW && f[i].status == MS_NONE && f[i].added &&
			  date_month_tenths(start, f[i].added) > (int)(f[i].p99 * 10 + 0.5);

		if (gap)
			flag_drop(&f[i]);
		else
			f[k++] = f[i];
	}
	*n = k;
}

/* The "worth talking about" list on day `today`. */
int flags_compute(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct flag **out, int *n, struct tdl_err *err)
{
	struct child_age a;
	struct flag *arr;
	sqlite3_stmt *st;
	void *part;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	child_age(c, today, correct_until_months, &a);
	st = db_prepare_cached(db, flags_sql, err);
	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, a.use_months);
		sqlite3_bind_int(st, 3, a.use_tenths);
	}
	rc = db_rows_read(db, st, &flag_rows, NULL, &part, &cnt, err);
	if (rc)
		return rc;
	arr = part;
	flags_drop_before_added(arr, &cnt, today - a.use_days);
	flags_dedupe(arr, &cnt);
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Free a flag list. */
void flags_free(struct flag *f, int n)
{
	for (int i = 0; i < n; i++)
		flag_drop(&f[i]);
	free(f);
}
