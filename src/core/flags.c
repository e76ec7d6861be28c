/* The calm "worth talking about" list: concerns only (lost skills, not yet after a
 * passed checklist age, closed WHO windows), never a gap in the record. */
#include <stdio.h>
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

/* The three kinds of concern for every child of a set (kids: see
 * MS_LIVE_SET_CTE) in one statement, so the entries are gathered once (the
 * CTE); column 10 is the kind, 11 the order within it, 12 the child. The
 * child's age is not in it: flags_keep applies it, so one text serves one
 * child (the milestones, the report) and a whole caseload alike. */
#define FLAGS_SQL(kids) \
	/* FLAG_LOST: achieved on one day, and the latest entry in force says not yet \
	 * on a later day (a same-day change is a correction, not a lost skill) */ \
	MS_LIVE_SET_CTE(kids) "SELECT l.item, COALESCE(m.text, w.text, l.item), COALESCE(m.domain, 'movement')," \
	" l.status, COALESCE(m.age_months, 0), COALESCE(w.p99, 0), " AREA("COALESCE(m.domain, 'movement')") \
	", NULL, NULL, 0, 0, l.kid FROM lost l LEFT JOIN milestone m ON m.id = l.item LEFT JOIN who_window w ON w.id = l.item" \
	" WHERE NOT EXISTS (SELECT 1 FROM retired r WHERE r.kid = l.kid AND r.id = l.skill)" \
	/* FLAG_CHECKLIST: a checklist item whose latest entry says not yet (an \
	 * item with no entry is not answered yet, never a concern); flags_keep \
	 * keeps those of the checklist ages the child has passed */ \
	" UNION ALL SELECT m.id, m.text, m.domain, l.status, m.age_months, 0, " AREA("m.domain") \
	", NULL, NULL, 1, m.sort, l.kid FROM milestone m JOIN latest l ON l.skill = " MS_SKILL_OF("m.id") \
	" WHERE l.status = 'not-yet'" \
	" AND NOT EXISTS (SELECT 1 FROM lost x WHERE x.kid = l.kid AND x.skill = l.skill)" \
	" AND NOT EXISTS (SELECT 1 FROM retired r WHERE r.kid = l.kid AND r.id = l.skill)" \
	/* FLAG_WINDOW: a window without the skill; flags_keep keeps those whose \
	 * 99th percentile has passed, and drops the ones with no entry that closed \
	 * before the child was added (column 9) */ \
	" UNION ALL SELECT w.id, w.text, 'movement', l.status, 0, w.p99, " AREA("'movement'") \
	", w.same_as, (SELECT substr(created_at, 1, 10) FROM child WHERE id = k.kid), 2, CAST(w.p99 * 100 AS INTEGER), k.kid" \
	" FROM kids k JOIN who_window w LEFT JOIN latest l ON l.kid = k.kid AND l.skill = w.id" \
	" WHERE (l.status IS NULL OR l.status <> 'achieved')" \
	" AND NOT EXISTS (SELECT 1 FROM lost x WHERE x.kid = k.kid AND x.skill = w.id)" \
	" AND NOT EXISTS (SELECT 1 FROM retired r WHERE r.kid = k.kid AND r.id = w.id)" \
	" ORDER BY 13, 11, 5, 12, 1"

/* One child (?1). */
static const char flags_one_sql[] = FLAGS_SQL(MS_LIVE_ONE);
/* The children with ids ?1 to ?2 named in the list ?3 (",4,9,12,"): only
 * those, however far apart their ids are. */
static const char flags_set_sql[] = FLAGS_SQL("SELECT id FROM child WHERE id BETWEEN ?1 AND ?2"
					      " AND instr(?3, ',' || id || ',') > 0");

/* Children a run of flags_set_sql covers: their entries are gathered in
 * memory (temp_store is memory), so a caseload of thousands is read in runs
 * of this many children, not all at once. */
#define FLAGS_RUN 50

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

/* True when flag f is a concern at age a: a checklist age the child has
 * passed, a window whose 99th percentile has passed (in tenths of a month,
 * as the chart shows it: SQLite's round), and not a window with no entry
 * that had closed before the child was added (nobody could have logged it:
 * a gap, not a concern; start: the day the child's age, as used, was 0). */
static int flags_keep(const struct flag *f, const struct child_age *a, day_t start)
{
	int p99_tenths = (int)(f->p99 * 10 + 0.5);

	if (f->kind == FLAG_CHECKLIST)
		return f->age_months < a->use_months;
	if (f->kind != FLAG_WINDOW)
		return 1;
	if (p99_tenths >= a->use_tenths)
		return 0;
	return !(f->status == MS_NONE && f->added && date_month_tenths(start, f->added) > p99_tenths);
}

/* Keep the flags of f[0..n) that are concerns for child c on day today. */
static void flags_filter(struct flag *f, int *n, const struct child *c, day_t today, int correct_until_months)
{
	struct child_age a;
	int k = 0;

	child_age(c, today, correct_until_months, &a);
	for (int i = 0; i < *n; i++) {
		if (flags_keep(&f[i], &a, today - a.use_days))
			f[k++] = f[i];
		else
			flag_drop(&f[i]);
	}
	*n = k;
	flags_dedupe(f, n);
}

/* How many of f[0..n) flags_keep keeps for child c on day d (before the dedupe). */
static int flags_kept(const struct flag *f, int n, const struct child *c, day_t d, int correct_until_months)
{
	struct child_age a;
	int k = 0;

	child_age(c, d, correct_until_months, &a);
	for (int i = 0; i < n; i++)
		k += flags_keep(&f[i], &a, d - a.use_days);
	return k;
}

/* The first day after today on which child c's count of flags from the
 * unfiltered rows f[0..n) may differ from today's. While the age in use is of
 * one kind (corrected, or not), a day can only add flags: checklist ages and
 * closed windows only grow with the age, and the day the age counts from is
 * fixed. So the count holds until the first day one more row is kept (a
 * binary search), or until the day the correction ends (the age then counts
 * from the birth date, which can add or drop flags), at most FLAGS_FAR days.
 * The dedupe drops a checklist flag only for a window kept too: with the same
 * rows kept, the same count. */
day_t flags_until(const struct flag *f, int n, const struct child *c, day_t today, int correct_until_months)
{
	struct child_age a;
	day_t lo = today + 1, hi = today + FLAGS_FAR;
	int base;

	child_age(c, today, correct_until_months, &a);
	if (a.corrected) { /* the first day without correction: it ends once and for all */
		while (lo < hi) {
			day_t mid = lo + (hi - lo) / 2;

			child_age(c, mid, correct_until_months, &a);
			if (a.corrected)
				lo = mid + 1;
			else
				hi = mid;
		}
		lo = today + 1;
	}
	base = flags_kept(f, n, c, today, correct_until_months);
	while (lo < hi) {
		day_t mid = lo + (hi - lo) / 2;

		if (flags_kept(f, n, c, mid, correct_until_months) > base)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The "worth talking about" list on day `today`. */
int flags_compute(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct flag **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st;
	void *part;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	st = db_prepare_cached(db, flags_one_sql, err);
	if (st)
		sqlite3_bind_int64(st, 1, c->id);
	rc = db_rows_read(db, st, &flag_rows, NULL, &part, &cnt, err);
	if (rc)
		return rc;
	flags_filter(part, &cnt, c, today, correct_until_months);
	*out = part;
	*n = cnt;
	return TDL_OK;
}

/* The index of the child with id in kids (by[]: indexes of kids by id), or -1. */
static int kid_find(const struct child *kids, const int *by, int n, long long id)
{
	int lo = 0, hi = n - 1;

	while (lo <= hi) {
		int mid = lo + (hi - lo) / 2;
		long long at = kids[by[mid]].id;

		if (at == id)
			return by[mid];
		if (at < id)
			lo = mid + 1;
		else
			hi = mid - 1;
	}
	return -1;
}

/* Order two indexes of kids by the children's ids (for qsort_r). */
static int by_id(const void *pa, const void *pb, void *ctx)
{
	const struct child *kids = ctx;
	long long a = kids[*(const int *)pa].id, b = kids[*(const int *)pb].id;

	return (a > b) - (a < b);
}

/* Count the flags of one child's rows (f[0..nf), freed) into counts, and the
 * day the count may change into untils (may be NULL). */
static void flags_count_one(struct flag *f, int nf, const struct child *kids, const int *by, int n,
			    long long kid, day_t today, int correct_until_months, int *counts, day_t *untils)
{
	int i = kid_find(kids, by, n, kid);

	if (i >= 0) {
		if (untils)
			untils[i] = flags_until(f, nf, &kids[i], today, correct_until_months);
		flags_filter(f, &nf, &kids[i], today, correct_until_months);
		counts[i] = nf;
	}
	for (int j = 0; j < nf; j++)
		flag_drop(&f[j]);
}

/* Read the flags of the children kids[by[from..to]] and count each one's
 * into counts (by: indexes of kids by id). */
static int flags_count_run(sqlite3 *db, sqlite3_stmt *st, int from, int to, const struct child *kids,
			   const int *by, int n, day_t today, int correct_until_months, int *counts, day_t *untils,
			   struct tdl_err *err)
{
	struct flag *f = NULL;
	char list[FLAGS_RUN * 21 + 2];
	size_t len = 1;
	int nf = 0, cap = 0, rc = SQLITE_DONE, fail = 0;
	long long kid = -1;

	list[0] = ',';
	for (int i = from; i <= to; i++)
		len += (size_t)snprintf(list + len, sizeof list - len, "%lld,", kids[by[i]].id);
	sqlite3_bind_int64(st, 1, kids[by[from]].id);
	sqlite3_bind_int64(st, 2, kids[by[to]].id);
	sqlite3_bind_text(st, 3, list, (int)len, SQLITE_STATIC);
	while (!fail && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long row_kid = sqlite3_column_int64(st, 12);

		if (row_kid != kid && nf) {
			flags_count_one(f, nf, kids, by, n, kid, today, correct_until_months, counts, untils);
			nf = 0;
		}
		kid = row_kid;
		if (nf == cap) {
			struct flag *more = realloc(f, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *f);

			if (!more) {
				fail = 1;
				break;
			}
			f = more;
		}
		memset(&f[nf], 0, sizeof f[nf]);
		fail = flag_from_row(st, &f[nf], NULL) || !f[nf].id;
		nf++;
	}
	if (nf)
		flags_count_one(f, nf, kids, by, n, kid, today, correct_until_months, counts, untils);
	free(f);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	if (fail)
		return err_set(err, TDL_EDATA, "out of memory");
	return rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the list", err);
}

/* The number of flags of each child of kids[0..n) (into counts) and the day
 * it may change (into untils, may be NULL): one statement for every FLAGS_RUN
 * children, by id. */
int flags_count_each(sqlite3 *db, const struct child *kids, int n, day_t today, int correct_until_months,
		     int *counts, day_t *untils, struct tdl_err *err)
{
	int *by = malloc(((size_t)n + 1) * sizeof *by), rc = TDL_OK;
	sqlite3_stmt *st;

	if (!by)
		return err_set(err, TDL_EDATA, "out of memory");
	for (int i = 0; i < n; i++) {
		by[i] = i;
		counts[i] = 0;
		if (untils)
			untils[i] = today + FLAGS_FAR;
	}
	qsort_r(by, (size_t)n, sizeof *by, by_id, (void *)kids);
	st = n ? db_prepare_cached(db, flags_set_sql, err) : NULL;
	if (n && !st)
		rc = TDL_EDATA;
	for (int i = 0; !rc && i < n; i += FLAGS_RUN) {
		int last = i + FLAGS_RUN < n ? i + FLAGS_RUN - 1 : n - 1;

		rc = flags_count_run(db, st, i, last, kids, by, n, today, correct_until_months, counts, untils, err);
	}
	if (st)
		db_release(st);
	free(by);
	return rc;
}

/* Free a flag list. */
void flags_free(struct flag *f, int n)
{
	for (int i = 0; i < n; i++)
		flag_drop(&f[i]);
	free(f);
}
