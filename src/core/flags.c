/* The calm "worth talking about" list: lost skills, passed checklists, closed WHO windows. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/progress.h"

/* Append one flag; the strings are copied. */
static int flag_add(struct flag **arr, int *n, enum flag_kind kind, sqlite3_stmt *st)
{
	struct flag *g = realloc(*arr, (size_t)(*n + 1) * sizeof *g), *f;
	const char *status = (const char *)sqlite3_column_text(st, 3);

	if (!g)
		return -1;
	*arr = g;
	f = &g[(*n)++];
	memset(f, 0, sizeof *f);
	f->kind = kind;
	f->id = db_column_dup(st, 0);
	f->text = db_column_dup(st, 1);
	f->domain = db_column_dup(st, 2);
	if (!status || milestone_status_parse(status, &f->status))
		f->status = MS_NONE;
	f->age_months = sqlite3_column_int(st, 4);
	f->p99 = sqlite3_column_double(st, 5);
	f->area = db_column_dup(st, 6);
	f->helps = db_column_dup(st, 7);
	return 0;
}

/* Columns every flag query returns: id, text, domain, status, age, p99, area, helps.
 * The area is the most specific concern (fewest domains, then library order) that names the item's domain. */
#define SPECIFIC " ORDER BY length(domains) - length(replace(domains, ' ', '')), sort LIMIT 1)"
#define AREA(domain) \
	"COALESCE((SELECT title FROM concern WHERE ' ' || domains || ' ' LIKE '% ' || " domain " || ' %'" \
	SPECIFIC ", " domain "), COALESCE((SELECT helps FROM concern WHERE ' ' ||" \
	" domains || ' ' LIKE '% ' || " domain " || ' %'" SPECIFIC ", 'general')"

static const char *const queries[] = {
	/* FLAG_LOST: achieved once, and the latest record says not yet */
	"SELECT l.milestone_id, COALESCE(m.text, w.text, l.milestone_id), COALESCE(m.domain, 'movement'),"
	" l.status, COALESCE(m.age_months, 0), COALESCE(w.p99, 0), " AREA("COALESCE(m.domain, 'movement')")
	" FROM milestone_log l LEFT JOIN milestone m ON m.id = l.milestone_id"
	" LEFT JOIN who_window w ON w.id = l.milestone_id"
	" WHERE l.child_id = ?1 AND l.status = 'not-yet'"
	" AND l.id = (SELECT max(id) FROM milestone_log WHERE child_id = ?1 AND milestone_id = l.milestone_id)"
	" AND EXISTS (SELECT 1 FROM milestone_log e WHERE e.child_id = ?1"
	"   AND e.milestone_id = l.milestone_id AND e.status = 'achieved' AND e.id < l.id)"
	" ORDER BY COALESCE(m.age_months, 0), l.milestone_id",
	/* FLAG_CHECKLIST: a passed checklist age, not yet or not recorded */
	"SELECT m.id, m.text, m.domain, l.status, m.age_months, 0, " AREA("m.domain")
	" FROM milestone m LEFT JOIN milestone_log l ON l.id = (SELECT max(id) FROM milestone_log"
	"   WHERE child_id = ?1 AND milestone_id = m.id)"
	" WHERE m.age_months < ?2 AND (l.status IS NULL OR l.status = 'not-yet')"
	" AND NOT (l.status IS 'not-yet' AND EXISTS (SELECT 1 FROM milestone_log e WHERE e.child_id = ?1"
	"   AND e.milestone_id = m.id AND e.status = 'achieved'))"
	" ORDER BY m.age_months, m.sort",
	/* FLAG_WINDOW: the 99th percentile has passed without the milestone */
	"SELECT w.id, w.text, 'movement', l.status, 0, w.p99, " AREA("'movement'")
	" FROM who_window w LEFT JOIN milestone_log l ON l.id = (SELECT max(id) FROM milestone_log"
	"   WHERE child_id = ?1 AND milestone_id = w.id)"
	" WHERE w.p99 * " "30.4375" " < ?3 AND (l.status IS NULL OR l.status <> 'achieved')"
	" AND NOT (l.status IS 'not-yet' AND EXISTS (SELECT 1 FROM milestone_log e WHERE e.child_id = ?1"
	"   AND e.milestone_id = w.id AND e.status = 'achieved'))"
	" ORDER BY w.p99",
};

/* The "worth talking about" list on day `today`. */
int flags_compute(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct flag **out, int *n, struct tdl_err *err)
{
	struct child_age a;
	struct flag *arr = NULL;
	int cnt = 0;

	*out = NULL;
	*n = 0;
	child_age(c, today, correct_until_months, &a);
	for (int k = 0; k < 3; k++) {
		sqlite3_stmt *st = db_prepare(db, queries[k], err);
		int rc;

		if (!st) {
			flags_free(arr, cnt);
			return TDL_EDATA;
		}
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, a.use_months);
		sqlite3_bind_int(st, 3, a.use_days);
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			if (flag_add(&arr, &cnt, (enum flag_kind)k, st)) {
				sqlite3_finalize(st);
				flags_free(arr, cnt);
				return err_set(err, TDL_EDATA, "out of memory");
			}
		sqlite3_finalize(st);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			flags_free(arr, cnt);
			return db_fail(db, "cannot work out the list", err);
		}
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* Free a flag list. */
void flags_free(struct flag *f, int n)
{
	for (int i = 0; i < n; i++) {
		free(f[i].id);
		free(f[i].text);
		free(f[i].domain);
		free(f[i].area);
		free(f[i].helps);
	}
	free(f);
}
