/* The calm "worth talking about" list: lost skills, passed checklists, closed WHO windows. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/progress.h"

/* Fill the flag elem from a row of a flag query; ctx holds its kind (a db_rows fill). */
static int flag_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct flag *f = elem;
	const char *status = (const char *)sqlite3_column_text(st, 3);

	f->kind = *(const enum flag_kind *)ctx;
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

/* Free a flag's strings (a db_rows drop). */
static void flag_drop(void *elem)
{
	struct flag *f = elem;

	free(f->id);
	free(f->text);
	free(f->domain);
	free(f->area);
	free(f->helps);
}

static const struct db_rows flag_rows = { sizeof(struct flag), flag_from_row, flag_drop, "the list" };

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

/* Move the np flags of part to the end of *arr (*n of them); frees part. */
static int flags_append(struct flag **arr, int *n, struct flag *part, int np, struct tdl_err *err)
{
	struct flag *g;

	if (!np)
		return TDL_OK;
	g = realloc(*arr, (size_t)(*n + np) * sizeof *g);
	if (!g) {
		flags_free(part, np);
		return err_set(err, TDL_EDATA, "out of memory while reading the list");
	}
	memcpy(g + *n, part, (size_t)np * sizeof *g);
	free(part);
	*arr = g;
	*n += np;
	return TDL_OK;
}

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
	for (enum flag_kind k = 0; k < 3; k++) {
		sqlite3_stmt *st = db_prepare(db, queries[k], err);
		void *part;
		int np, rc;

		if (st) {
			sqlite3_bind_int64(st, 1, c->id);
			sqlite3_bind_int(st, 2, a.use_months);
			sqlite3_bind_int(st, 3, a.use_days);
		}
		rc = db_rows_read(db, st, &flag_rows, &k, &part, &np, err);
		if (!rc)
			rc = flags_append(&arr, &cnt, part, np, err);
		if (rc) {
			flags_free(arr, cnt);
			return rc;
		}
	}
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
