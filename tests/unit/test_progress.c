/* Unit tests: the "worth talking about" list, WHO windows, progress by domain and
 * item history. Every test uses a real SQLite file in its own temp folder with the
 * shipped library loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/progress.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define BORN D(2026, 1, 15)
#define LATER D(2030, 1, 1) /* "today" for adding children and logs: nothing is in the future */
#define CU 24               /* correct_until_months, the default setting */
#define PRETERM_SHIFT 56    /* born at 32 weeks: (40 - 32) * 7 days */
#define NEAR(x, y) ((x) - (y) < 1e-9 && (y) - (x) < 1e-9)

/* ---- helpers -------------------------------------------------------------- */

/* A list of ids read with SQL. */
struct ids {
	char **v;
	int n;
};

static void ids_free(struct ids *l)
{
	for (int i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = 0;
}

/* Column 0 of every row of sql, as strings. */
static struct ids query_ids(sqlite3 *db, const char *sql)
{
	struct ids l = { NULL, 0 };
	sqlite3_stmt *st = NULL;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	while (sqlite3_step(st) == SQLITE_ROW) {
		l.v = realloc(l.v, (size_t)(l.n + 1) * sizeof *l.v);
		ck_assert_msg(l.v != NULL, "out of memory");
		l.v[l.n++] = strdup((const char *)sqlite3_column_text(st, 0));
	}
	sqlite3_finalize(st);
	return l;
}

static int query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static double query_double(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	double v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void query_text(sqlite3 *db, const char *sql, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

static void log_ms(sqlite3 *db, const struct child *c, const char *id, enum ms_status st,
		   int has_date, day_t date, const char *note)
{
	struct tdl_err err = { "" };
	int rc = milestone_log(db, c, &(struct milestone_seen){ .id = id, .status = st, .has_date = has_date, .date = date, .note = note }, LATER, &err);

	ck_assert_msg(rc == TDL_OK, "milestone_log(%s, %s) failed: rc %d: %s", id,
		      milestone_status_name(st), rc, err.msg);
}

/* Say the child was added to toddle on day `on` (created_at is the real clock otherwise). */
static void set_added(sqlite3 *db, const struct child *c, day_t on)
{
	char d[11], sql[160];

	date_format(on, d);
	snprintf(sql, sizeof sql, "UPDATE child SET created_at = '%sT09:00:00Z' WHERE id = %lld", d, c->id);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, NULL) == SQLITE_OK, "cannot set created_at: %s",
		      sqlite3_errmsg(db));
}

/* Log not-yet for every item of the rows of sql (column 0: ids) on day `on`. */
static void log_all_not_yet(sqlite3 *db, const struct child *c, const char *sql, day_t on)
{
	struct ids l = query_ids(db, sql);

	for (int i = 0; i < l.n; i++)
		log_ms(db, c, l.v[i], MS_NOT_YET, 1, on, NULL);
	ids_free(&l);
}

/* The flag list on day `on`; fails the test when flags_compute fails. */
static struct flag *flags_on(sqlite3 *db, const struct child *c, day_t on, int cu, int *n,
			     const char *tcase)
{
	struct flag *f = NULL;
	struct tdl_err err = { "" };
	char d[11];
	int rc = flags_compute(db, c, on, cu, &f, n, &err);

	date_format(on, d);
	ck_assert_msg(rc == TDL_OK, "%s: flags_compute on %s failed: rc %d: %s", tcase, d, rc, err.msg);
	return f;
}

/* How many flags name id (of any kind), and the index of the first. */
static int flag_count(const struct flag *f, int n, const char *id, int *first)
{
	int cnt = 0;

	if (first)
		*first = -1;
	for (int i = 0; i < n; i++)
		if (!strcmp(f[i].id, id)) {
			if (first && *first < 0)
				*first = i;
			cnt++;
		}
	return cnt;
}

static const char *kind_name(enum flag_kind k)
{
	return k == FLAG_LOST ? "FLAG_LOST" : k == FLAG_CHECKLIST ? "FLAG_CHECKLIST"
				: k == FLAG_WINDOW ? "FLAG_WINDOW" : "?";
}

/* Assert id is listed exactly once with kind k; returns its index. */
static int expect_flag(const struct flag *f, int n, const char *id, enum flag_kind k,
		       const char *tcase, const char *when)
{
	int i, cnt = flag_count(f, n, id, &i);

	ck_assert_msg(cnt == 1, "%s: %s: %s is listed %d times, expected once as %s", tcase, when, id,
		      cnt, kind_name(k));
	ck_assert_msg(f[i].kind == k, "%s: %s: %s is listed as %s, expected %s", tcase, when, id,
		      kind_name(f[i].kind), kind_name(k));
	return i;
}

static void expect_no_flag(const struct flag *f, int n, const char *id, const char *tcase,
			   const char *when)
{
	int i, cnt = flag_count(f, n, id, &i);

	ck_assert_msg(cnt == 0, "%s: %s: %s is listed (%d times, first as %s), expected not listed",
		      tcase, when, id, cnt, cnt ? kind_name(f[i].kind) : "-");
}

static int count_kind(const struct flag *f, int n, enum flag_kind k)
{
	int cnt = 0;

	for (int i = 0; i < n; i++)
		cnt += f[i].kind == k;
	return cnt;
}

/* ---- 1. checklist flags at their boundary -------------------------------------- */

START_TEST(checklist_boundary)
{
	const char *tc = "checklist_boundary";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ada", BORN, 0, 0, LATER);
	struct ids two = query_ids(db, "SELECT id FROM milestone WHERE age_months = 2 ORDER BY sort");
	struct ids four = query_ids(db, "SELECT id FROM milestone WHERE age_months = 4 ORDER BY sort");
	day_t before = D(2026, 4, 14), at = D(2026, 4, 15);
	struct child_age a;
	struct flag *f;
	int n;

	ck_assert_msg(two.n >= 4 && four.n > 0, "%s: the library has %d 2-month and %d 4-month items",
		      tc, two.n, four.n);
	child_age(&c, before, CU, &a);
	ck_assert_msg(a.use_months == 2 && !a.corrected, "%s: age on 2026-04-14 is %d months (corrected %d), expected 2",
		      tc, a.use_months, a.corrected);
	child_age(&c, at, CU, &a);
	ck_assert_msg(a.use_months == 3, "%s: age on 2026-04-15 is %d months, expected 3", tc,
		      a.use_months);

	log_ms(db, &c, two.v[0], MS_ACHIEVED, 1, D(2026, 3, 10), NULL);
	log_ms(db, &c, two.v[1], MS_EMERGING, 1, D(2026, 3, 10), NULL);
	log_ms(db, &c, two.v[2], MS_NOT_YET, 1, D(2026, 3, 10), NULL);

	/* The day before 3 completed months: the 2-month checklist has not passed. */
	f = flags_on(db, &c, before, CU, &n, tc);
	for (int i = 0; i < two.n; i++)
		expect_no_flag(f, n, two.v[i], tc, "on 2026-04-14 (2 completed months)");
	ck_assert_msg(count_kind(f, n, FLAG_CHECKLIST) == 0,
		      "%s: on 2026-04-14 %d checklist items are listed (first %s), expected none", tc,
		      count_kind(f, n, FLAG_CHECKLIST), n ? f[0].id : "-");
	flags_free(f, n);

	/* 3 completed months: the not-yet one only; an item with no record is not
	 * answered yet, never a concern. */
	f = flags_on(db, &c, at, CU, &n, tc);
	expect_no_flag(f, n, two.v[0], tc, "on 2026-04-15, logged achieved");
	expect_no_flag(f, n, two.v[1], tc, "on 2026-04-15, logged emerging");
	{
		int i = expect_flag(f, n, two.v[2], FLAG_CHECKLIST, tc, "on 2026-04-15, logged not-yet");

		ck_assert_msg(f[i].status == MS_NOT_YET, "%s: %s logged not-yet has status %s, expected not-yet",
			      tc, two.v[2], milestone_status_name(f[i].status));
		ck_assert_msg(f[i].age_months == 2, "%s: %s has age_months %d, expected 2", tc, two.v[2],
			      f[i].age_months);
	}
	for (int k = 3; k < two.n; k++)
		expect_no_flag(f, n, two.v[k], tc, "on 2026-04-15, unrecorded (not answered yet)");
	ck_assert_msg(count_kind(f, n, FLAG_CHECKLIST) == 1,
		      "%s: on 2026-04-15 %d checklist items are listed, expected 1 (the not-yet one)",
		      tc, count_kind(f, n, FLAG_CHECKLIST));
	for (int k = 0; k < four.n; k++)
		expect_no_flag(f, n, four.v[k], tc, "on 2026-04-15 (4-month checklist not passed)");
	for (int i = 0; i < n; i++)
		ck_assert_msg(f[i].kind != FLAG_CHECKLIST || f[i].age_months == 2,
			      "%s: on 2026-04-15 %s of age %d is listed, expected only 2-month items", tc,
			      f[i].id, f[i].age_months);
	flags_free(f, n);
	ids_free(&two);
	ids_free(&four);
	db_close(db);
}
END_TEST

/* ---- 2. corrected age shifts the boundary ------------------------------------- */

START_TEST(corrected_boundary)
{
	const char *tc = "corrected_boundary";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ben", BORN, 1, BORN + PRETERM_SHIFT, LATER);
	struct ids two = query_ids(db, "SELECT id FROM milestone WHERE age_months = 2 ORDER BY sort");
	day_t at = D(2026, 4, 15), first = 0;
	struct child_age a;
	struct flag *f;
	char d[11];
	int n;

	log_all_not_yet(db, &c, "SELECT id FROM milestone WHERE age_months = 2", D(2026, 3, 20));
	child_age(&c, at, CU, &a);
	ck_assert_msg(a.ga_weeks == 32 && a.corrected && a.cmonths == 1 && a.use_months == 1,
		      "%s: on 2026-04-15 ga %d weeks, corrected %d, cmonths %d, use_months %d; expected 32, 1, 1, 1",
		      tc, a.ga_weeks, a.corrected, a.cmonths, a.use_months);

	f = flags_on(db, &c, at, CU, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_no_flag(f, n, two.v[k], tc, "on 2026-04-15 (corrected age 1 month)");
	flags_free(f, n);

	/* The first day corrected completed months exceed 2. */
	for (day_t day = at; day < at + 365; day++) {
		child_age(&c, day, CU, &a);
		if (a.use_months > 2) {
			first = day;
			break;
		}
	}
	date_format(first, d);
	ck_assert_msg(first == D(2026, 6, 12),
		      "%s: corrected age first exceeds 2 months on %s, expected 2026-06-12 (3 months after the due date 2026-03-12)",
		      tc, d);
	child_age(&c, first, CU, &a);
	ck_assert_msg(a.corrected && a.cmonths == 3, "%s: on %s corrected %d cmonths %d, expected 1, 3",
		      tc, d, a.corrected, a.cmonths);

	f = flags_on(db, &c, first - 1, CU, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_no_flag(f, n, two.v[k], tc, "the day before corrected 3 months (2026-06-11)");
	flags_free(f, n);
	f = flags_on(db, &c, first, CU, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_flag(f, n, two.v[k], FLAG_CHECKLIST, tc, "on corrected 3 months (2026-06-12)");
	flags_free(f, n);

	/* Born at 32+3 weeks: only completed weeks count, so the boundary is the same day. */
	{
		struct child c3 = tu_add_child(db, "Bea", BORN, 1, BORN + PRETERM_SHIFT - 3, LATER);

		log_all_not_yet(db, &c3, "SELECT id FROM milestone WHERE age_months = 2", D(2026, 3, 20));
		child_age(&c3, first, CU, &a);
		ck_assert_msg(a.ga_weeks == 32 && a.ga_days == 3 && a.corrected && a.cdays == first - BORN - PRETERM_SHIFT,
			      "%s: born at 32+3 weeks, on 2026-06-12: ga %d+%d, corrected %d, cdays %d; expected 32+3, 1, %d",
			      tc, a.ga_weeks, a.ga_days, a.corrected, a.cdays, first - BORN - PRETERM_SHIFT);
		f = flags_on(db, &c3, first - 1, CU, &n, tc);
		for (int k = 0; k < two.n; k++)
			expect_no_flag(f, n, two.v[k], tc, "born at 32+3 weeks, on 2026-06-11");
		flags_free(f, n);
		f = flags_on(db, &c3, first, CU, &n, tc);
		for (int k = 0; k < two.n; k++)
			expect_flag(f, n, two.v[k], FLAG_CHECKLIST, tc, "born at 32+3 weeks, on 2026-06-12");
		flags_free(f, n);
	}

	/* correct_until_months = 0: the chronological boundary applies. */
	child_age(&c, at, 0, &a);
	ck_assert_msg(!a.corrected && a.use_months == 3,
		      "%s: with correct_until_months 0 on 2026-04-15 corrected %d use_months %d, expected 0, 3",
		      tc, a.corrected, a.use_months);
	f = flags_on(db, &c, at - 1, 0, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_no_flag(f, n, two.v[k], tc, "correct_until_months 0, on 2026-04-14");
	flags_free(f, n);
	f = flags_on(db, &c, at, 0, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_flag(f, n, two.v[k], FLAG_CHECKLIST, tc, "correct_until_months 0, on 2026-04-15");
	flags_free(f, n);

	/* correct_until_months = 3: corrected at 2 chronological months, not at 3. */
	child_age(&c, at - 1, 3, &a);
	ck_assert_msg(a.corrected, "%s: with correct_until_months 3, on 2026-04-14 (2 months) not corrected", tc);
	child_age(&c, at, 3, &a);
	ck_assert_msg(!a.corrected, "%s: with correct_until_months 3, on 2026-04-15 (3 months) still corrected", tc);
	f = flags_on(db, &c, at - 1, 3, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_no_flag(f, n, two.v[k], tc, "correct_until_months 3, on 2026-04-14");
	flags_free(f, n);
	f = flags_on(db, &c, at, 3, &n, tc);
	for (int k = 0; k < two.n; k++)
		expect_flag(f, n, two.v[k], FLAG_CHECKLIST, tc, "correct_until_months 3, on 2026-04-15");
	flags_free(f, n);
	ids_free(&two);
	db_close(db);
}
END_TEST

/* ---- 3. WHO window flags at the boundary -------------------------------------- */

/* The first day child c's age, as the chart shows it (tenths of a calendar
 * month, cut; corrected where it applies), is past the 99th percentile. */
static day_t first_closed_day(const struct child *c, double p99)
{
	struct child_age a;
	day_t d = c->born;

	do
		child_age(c, ++d, CU, &a);
	while (a.use_tenths <= (int)(p99 * 10 + 0.5));
	return d;
}

START_TEST(window_boundary)
{
	const char *tc = "window_boundary";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cleo", BORN, 0, 0, LATER);
	struct child p = tu_add_child(db, "Dan", BORN, 1, BORN + PRETERM_SHIFT, LATER);
	struct child late = tu_add_child(db, "Eve", BORN, 0, 0, LATER);
	double p99 = query_double(db, "SELECT p99 FROM who_window WHERE id = 'who-walking-alone'");
	day_t closed = first_closed_day(&c, p99), pclosed = first_closed_day(&p, p99);
	struct child_age a;
	struct flag *f;
	int i, n;

	set_added(db, &c, BORN);
	set_added(db, &p, BORN);
	ck_assert_msg(NEAR(p99, 17.6), "%s: who-walking-alone p99 is %g, expected 17.6", tc, p99);
	/* born 2026-01-15: 17 months on 2027-06-15; 21 of that month's 30 days later the chart shows 17.7 */
	ck_assert_msg(closed == D(2027, 7, 6), "%s: the window closes on day %d, expected 2027-07-06 (day 537)", tc,
		      (int)(closed - BORN));
	child_age(&c, closed - 1, CU, &a);
	ck_assert_msg(a.use_tenths == 176, "%s: the day before, the chart shows %d tenths, expected 176", tc,
		      a.use_tenths);

	f = flags_on(db, &c, closed - 1, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "term child, the chart at 17.6");
	flags_free(f, n);
	f = flags_on(db, &c, closed, CU, &n, tc);
	i = expect_flag(f, n, "who-walking-alone", FLAG_WINDOW, tc, "term child, the chart at 17.7");
	ck_assert_msg(NEAR(f[i].p99, 17.6) && f[i].status == MS_NONE,
		      "%s: the flag has p99 %g status %s, expected 17.6 and -", tc, f[i].p99,
		      milestone_status_name(f[i].status));
	flags_free(f, n);

	log_ms(db, &c, "who-walking-alone", MS_ACHIEVED, 1, closed, NULL);
	f = flags_on(db, &c, closed, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "term child, logged achieved");
	flags_free(f, n);
	f = flags_on(db, &c, closed + 200, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "term child, 200 days later, logged achieved");
	flags_free(f, n);

	/* Born at 32 weeks: the window closes by the corrected age. */
	/* corrected age runs from 2026-03-12: 17 months on 2027-08-12, 17.7 22 of 31 days later */
	ck_assert_msg(pclosed == D(2027, 9, 3), "%s: preterm child's window closes %d days after the term"
		      " child's, expected 2027-09-03", tc, (int)(pclosed - closed));
	f = flags_on(db, &p, closed, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "preterm child, chronologically past");
	flags_free(f, n);
	f = flags_on(db, &p, pclosed - 1, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "preterm child, corrected 17.6");
	flags_free(f, n);
	f = flags_on(db, &p, pclosed, CU, &n, tc);
	expect_flag(f, n, "who-walking-alone", FLAG_WINDOW, tc, "preterm child, corrected 17.7");
	flags_free(f, n);

	/* Added on the day the chart first shows 17.7: the window had closed, a gap, not a concern;
	 * added the day before: it closed while the child was in toddle. */
	set_added(db, &late, closed);
	f = flags_on(db, &late, closed + 30, CU, &n, tc);
	expect_no_flag(f, n, "who-walking-alone", tc, "child added the day the window closed");
	flags_free(f, n);
	set_added(db, &late, closed - 1);
	f = flags_on(db, &late, closed + 30, CU, &n, tc);
	expect_flag(f, n, "who-walking-alone", FLAG_WINDOW, tc, "child added the day before it closed");
	flags_free(f, n);
	db_close(db);
}
END_TEST

/* ---- 4. a lost skill ------------------------------------------------------------ */

START_TEST(lost_skill)
{
	const char *tc = "lost_skill";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Eve", BORN, 0, 0, LATER);
	struct ids six = query_ids(db, "SELECT id FROM milestone WHERE age_months = 6 ORDER BY sort");
	struct ids two = query_ids(db, "SELECT id FROM milestone WHERE age_months = 2 ORDER BY sort");
	day_t three = D(2026, 4, 15), late = D(2026, 12, 1);
	struct flag *f;
	int i, n;

	ck_assert_msg(six.n > 0 && two.n > 0, "%s: no 6- or 2-month items", tc);
	log_ms(db, &c, six.v[0], MS_ACHIEVED, 1, D(2026, 3, 1), NULL);
	log_ms(db, &c, six.v[0], MS_NOT_YET, 1, D(2026, 4, 10), NULL);
	log_ms(db, &c, two.v[0], MS_ACHIEVED, 1, D(2026, 3, 1), NULL);
	log_ms(db, &c, two.v[0], MS_NOT_YET, 1, D(2026, 4, 10), NULL);

	f = flags_on(db, &c, three, CU, &n, tc);
	i = expect_flag(f, n, six.v[0], FLAG_LOST, tc, "3-month-old, 6-month item achieved then not-yet");
	ck_assert_msg(f[i].status == MS_NOT_YET, "%s: lost %s has status %s, expected not-yet", tc,
		      six.v[0], milestone_status_name(f[i].status));
	expect_flag(f, n, two.v[0], FLAG_LOST, tc, "3-month-old, 2-month item achieved then not-yet");
	ck_assert_msg(count_kind(f, n, FLAG_LOST) == 2 && f[0].kind == FLAG_LOST && f[1].kind == FLAG_LOST,
		      "%s: expected the 2 lost skills first, got %d lost, first kinds %s %s", tc,
		      count_kind(f, n, FLAG_LOST), n > 0 ? kind_name(f[0].kind) : "-",
		      n > 1 ? kind_name(f[1].kind) : "-");
	flags_free(f, n);

	/* Achieved again: no longer listed at all. */
	log_ms(db, &c, six.v[0], MS_ACHIEVED, 1, D(2026, 4, 12), NULL);
	log_ms(db, &c, two.v[0], MS_ACHIEVED, 1, D(2026, 4, 12), NULL);
	f = flags_on(db, &c, three, CU, &n, tc);
	expect_no_flag(f, n, six.v[0], tc, "6-month item achieved again");
	expect_no_flag(f, n, two.v[0], tc, "2-month item achieved again");
	ck_assert_msg(count_kind(f, n, FLAG_LOST) == 0, "%s: %d lost skills after achieving again, expected 0",
		      tc, count_kind(f, n, FLAG_LOST));
	flags_free(f, n);

	/* A WHO window achieved then not-yet: lost, before and after its p99. */
	log_ms(db, &c, "who-sitting", MS_ACHIEVED, 1, D(2026, 7, 1), NULL);
	log_ms(db, &c, "who-sitting", MS_NOT_YET, 1, D(2026, 8, 1), NULL);
	f = flags_on(db, &c, D(2026, 8, 2), CU, &n, tc);
	expect_flag(f, n, "who-sitting", FLAG_LOST, tc, "who-sitting lost before its p99 (6 months)");
	flags_free(f, n);
	f = flags_on(db, &c, late, CU, &n, tc);
	i = expect_flag(f, n, "who-sitting", FLAG_LOST, tc, "who-sitting lost after its p99 (10 months)");
	ck_assert_msg(!strcmp(f[i].domain, "movement") && f[i].text && *f[i].text,
		      "%s: lost who-sitting has domain '%s' text '%s', expected movement and the window text",
		      tc, f[i].domain, f[i].text);
	flags_free(f, n);
	ids_free(&six);
	ids_free(&two);
	db_close(db);
}
END_TEST

/* ---- 5. each flag names an area and who helps ------------------------------------- */

START_TEST(flag_areas)
{
	const char *tc = "flag_areas";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Finn", BORN, 0, 0, LATER);
	char mv[200], lang[200], cog[200];
	int seen_mv = 0, seen_lang = 0, seen_cog = 0, seen_win = 0, n;
	struct flag *f;

	query_text(db, "SELECT title FROM concern WHERE id = 'movement'", mv, sizeof mv);
	query_text(db, "SELECT title FROM concern WHERE id = 'hearing-and-speech'", lang, sizeof lang);
	query_text(db, "SELECT title FROM concern WHERE domains = 'cognitive'", cog, sizeof cog);
	ck_assert_msg(*mv && *lang && *cog, "%s: the library lacks the movement, hearing or cognitive concern", tc);

	log_ms(db, &c, "cdc-2m-mp-lifts-head", MS_ACHIEVED, 1, D(2026, 3, 1), NULL);
	log_ms(db, &c, "cdc-2m-mp-lifts-head", MS_NOT_YET, 1, D(2026, 4, 1), NULL);
	log_all_not_yet(db, &c, "SELECT id FROM milestone WHERE age_months <= 18 AND id <> 'cdc-2m-mp-lifts-head'",
			D(2027, 12, 1));
	set_added(db, &c, BORN);
	f = flags_on(db, &c, D(2028, 1, 15), CU, &n, tc);
	ck_assert_msg(n > 50, "%s: only %d flags at 2 years with every item not yet", tc, n);
	for (int i = 0; i < n; i++) {
		const char *dom = f[i].domain;

		ck_assert_msg(f[i].area && *f[i].area, "%s: %s (%s) has an empty area", tc, f[i].id,
			      kind_name(f[i].kind));
		ck_assert_msg(f[i].helps && (!strcmp(f[i].helps, "pt") || !strcmp(f[i].helps, "ot") ||
					     !strcmp(f[i].helps, "speech") || !strcmp(f[i].helps, "general")),
			      "%s: %s has helps '%s', expected pt, ot, speech or general", tc, f[i].id,
			      f[i].helps ? f[i].helps : "(null)");
		if (f[i].kind == FLAG_LOST)
			continue;
		if (!strcmp(dom, "movement")) {
			seen_mv++;
			seen_win += f[i].kind == FLAG_WINDOW;
			ck_assert_msg(!strcmp(f[i].helps, "pt") && !strcmp(f[i].area, mv),
				      "%s: movement item %s: helps '%s' area '%s', expected pt and '%s'", tc,
				      f[i].id, f[i].helps, f[i].area, mv);
		} else if (!strcmp(dom, "language")) {
			seen_lang++;
			ck_assert_msg(!strcmp(f[i].helps, "speech") && !strcmp(f[i].area, lang),
				      "%s: language item %s: helps '%s' area '%s', expected speech and '%s'", tc,
				      f[i].id, f[i].helps, f[i].area, lang);
		} else if (!strcmp(dom, "cognitive")) {
			seen_cog++;
			ck_assert_msg(!strcmp(f[i].helps, "general") && !strcmp(f[i].area, cog),
				      "%s: cognitive item %s: helps '%s' area '%s', expected general and '%s'", tc,
				      f[i].id, f[i].helps, f[i].area, cog);
		}
	}
	ck_assert_msg(seen_mv && seen_lang && seen_cog && seen_win == 6,
		      "%s: flags seen: %d movement, %d language, %d cognitive, %d windows; expected some of each and 6 windows",
		      tc, seen_mv, seen_lang, seen_cog, seen_win);
	ck_assert_msg(count_kind(f, n, FLAG_LOST) == 1, "%s: %d lost flags, expected 1", tc,
		      count_kind(f, n, FLAG_LOST));
	flags_free(f, n);
	db_close(db);
}
END_TEST

/* ---- 6. progress by domain ------------------------------------------------------- */

static void check_progress(sqlite3 *db, const struct child *c, int age, const char *tc,
			   const char *const *ach_dom, const int *ach_n, int nach)
{
	struct progress *p;
	struct tdl_err err = { "" };
	char sql[256];
	int n, rc = progress_by_domain(db, c, age, &p, &n, &err), ndom;

	ck_assert_msg(rc == TDL_OK, "%s: progress_by_domain(%d) failed: %s", tc, age, err.msg);
	snprintf(sql, sizeof sql, "SELECT count(DISTINCT domain) FROM milestone WHERE age_months <= %d", age);
	ndom = query_int(db, sql);
	ck_assert_msg(n == ndom, "%s: age %d: %d domains, expected %d", tc, age, n, ndom);
	for (int i = 0; i < n; i++) {
		int total, want = 0;

		for (int j = 0; j < i; j++)
			ck_assert_msg(strcmp(p[i].domain, p[j].domain), "%s: age %d: domain %s listed twice",
				      tc, age, p[i].domain);
		snprintf(sql, sizeof sql,
			 "SELECT count(*) FROM milestone WHERE age_months <= %d AND domain = '%s'", age,
			 p[i].domain);
		total = query_int(db, sql);
		ck_assert_msg(p[i].total == total, "%s: age %d, %s: total %d, expected %d", tc, age,
			      p[i].domain, p[i].total, total);
		for (int k = 0; k < nach; k++)
			if (!strcmp(ach_dom[k], p[i].domain))
				want = ach_n[k];
		ck_assert_msg(p[i].achieved == want, "%s: age %d, %s: achieved %d, expected %d", tc, age,
			      p[i].domain, p[i].achieved, want);
	}
	progress_free(p, n);
}

START_TEST(progress_domains)
{
	const char *tc = "progress_domains";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Gus", BORN, 0, 0, LATER);
	struct child other = tu_add_child(db, "Hal", BORN, 0, 0, LATER);

	/* movement: 2m achieved; 4m emerging; 9m achieved (beyond age 6) */
	log_ms(db, &c, "cdc-2m-mp-lifts-head", MS_ACHIEVED, 0, 0, NULL);
	log_ms(db, &c, "cdc-4m-mp-head-steady", MS_EMERGING, 0, 0, NULL);
	/* language: achieved then not-yet counts as not achieved */
	log_ms(db, &c, "cdc-2m-lc-sounds", MS_ACHIEVED, 0, 0, NULL);
	log_ms(db, &c, "cdc-2m-lc-sounds", MS_NOT_YET, 0, 0, NULL);
	/* cognitive: not-yet then achieved counts */
	log_ms(db, &c, "cdc-4m-cg-studies-hands", MS_NOT_YET, 0, 0, NULL);
	log_ms(db, &c, "cdc-4m-cg-studies-hands", MS_ACHIEVED, 0, 0, NULL);
	/* a WHO window is not a checklist item */
	log_ms(db, &c, "who-sitting", MS_ACHIEVED, 0, 0, NULL);
	/* another child's records do not count */
	log_ms(db, &other, "cdc-2m-se-calms", MS_ACHIEVED, 0, 0, NULL);
	log_ms(db, &other, "cdc-2m-lc-loud-sounds", MS_ACHIEVED, 0, 0, NULL);
	{
		struct ids nine = query_ids(db, "SELECT id FROM milestone WHERE age_months = 9 AND domain = 'movement' ORDER BY sort");

		ck_assert_msg(nine.n > 0, "%s: no 9-month movement item", tc);
		log_ms(db, &c, nine.v[0], MS_ACHIEVED, 0, 0, NULL);
		ids_free(&nine);
	}
	{
		const char *dom2[] = { "movement" };
		const int n2[] = { 1 };
		const char *dom6[] = { "movement", "cognitive" };
		const int n6[] = { 1, 1 };
		const int n60[] = { 3, 1 }; /* who-sitting counts for cdc-9m-mp-sits-alone, the same skill */

		check_progress(db, &c, 2, tc, dom2, n2, 1);
		check_progress(db, &c, 6, tc, dom6, n6, 2);
		check_progress(db, &c, 60, tc, dom6, n60, 2);
		check_progress(db, &c, 1, tc, NULL, NULL, 0);
	}
	{
		const char *domo[] = { "social-emotional", "language" };
		const int no[] = { 1, 1 };

		check_progress(db, &other, 6, tc, domo, no, 2);
	}
	db_close(db);
}
END_TEST

/* ---- 7. the WHO windows ---------------------------------------------------------- */

START_TEST(windows_list)
{
	const char *tc = "windows_list";
	static const char *const order[] = { "who-sitting", "who-standing-assisted", "who-crawling",
		"who-walking-assisted", "who-standing-alone", "who-walking-alone" };
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ivy", BORN, 0, 0, LATER);
	struct child other = tu_add_child(db, "Jo", BORN, 0, 0, LATER);
	struct who_window *w;
	struct tdl_err err = { "" };
	int n, rc;

	log_ms(db, &c, "who-sitting", MS_EMERGING, 1, D(2026, 7, 1), NULL);
	log_ms(db, &c, "who-sitting", MS_ACHIEVED, 1, D(2026, 8, 1), "sat alone");
	log_ms(db, &c, "who-crawling", MS_EMERGING, 0, 0, NULL);
	log_ms(db, &c, "who-walking-alone", MS_ACHIEVED, 1, D(2027, 1, 10), NULL);
	log_ms(db, &c, "who-walking-alone", MS_NOT_YET, 1, D(2027, 2, 20), NULL);
	log_ms(db, &other, "who-standing-alone", MS_ACHIEVED, 1, D(2027, 1, 1), NULL);

	rc = progress_windows(db, &c, &w, &n, &err);
	ck_assert_msg(rc == TDL_OK, "%s: progress_windows failed: %s", tc, err.msg);
	ck_assert_msg(n == 6, "%s: %d windows, expected 6", tc, n);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(!strcmp(w[i].id, order[i]), "%s: window %d is %s, expected %s", tc, i,
			      w[i].id, order[i]);
		ck_assert_msg(w[i].p1 > 0 && w[i].p1 < w[i].p99, "%s: %s has p1 %g p99 %g", tc, w[i].id,
			      w[i].p1, w[i].p99);
		ck_assert_msg(i == 0 || w[i - 1].p99 <= w[i].p99, "%s: %s p99 %g below the previous %g", tc,
			      w[i].id, w[i].p99, w[i - 1].p99);
		ck_assert_msg(*w[i].text && *w[i].criteria && *w[i].source,
			      "%s: %s has an empty text, criteria or source", tc, w[i].id);
	}
	ck_assert_msg(NEAR(w[0].p1, 3.8) && NEAR(w[0].p99, 9.2) &&
			      NEAR(w[5].p1, 8.2) && NEAR(w[5].p99, 17.6),
		      "%s: sitting %g-%g, walking alone %g-%g; expected 3.8-9.2 and 8.2-17.6", tc, w[0].p1,
		      w[0].p99, w[5].p1, w[5].p99);
	ck_assert_msg(w[0].status == MS_ACHIEVED && w[0].has_date && w[0].day == D(2026, 8, 1),
		      "%s: who-sitting status %s has_date %d; expected the latest record, achieved on 2026-08-01",
		      tc, milestone_status_name(w[0].status), w[0].has_date);
	ck_assert_msg(w[2].status == MS_EMERGING && !w[2].has_date,
		      "%s: who-crawling status %s has_date %d; expected emerging without a date", tc,
		      milestone_status_name(w[2].status), w[2].has_date);
	ck_assert_msg(w[5].status == MS_NOT_YET && w[5].has_date && w[5].day == D(2027, 2, 20),
		      "%s: who-walking-alone status %s has_date %d; expected not-yet on 2027-02-20", tc,
		      milestone_status_name(w[5].status), w[5].has_date);
	ck_assert_msg(w[1].status == MS_NONE && !w[1].has_date && w[3].status == MS_NONE &&
			      w[4].status == MS_NONE && !w[4].has_date,
		      "%s: unrecorded windows have statuses %s %s %s (standing-alone is only the other child's)",
		      tc, milestone_status_name(w[1].status), milestone_status_name(w[3].status),
		      milestone_status_name(w[4].status));
	progress_windows_free(w, n);
	db_close(db);
}
END_TEST

/* ---- 8. item history -------------------------------------------------------------- */

START_TEST(item_history)
{
	const char *tc = "item_history";
	const char *id = "cdc-2m-se-calms";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Kit", BORN, 0, 0, LATER);
	struct child other = tu_add_child(db, "Lou", BORN, 0, 0, LATER);
	struct milestone_entry *e;
	struct tdl_err err = { "" };
	char text[300];
	int n, rc;

	query_text(db, "SELECT text FROM milestone WHERE id = 'cdc-2m-se-calms'", text, sizeof text);
	log_ms(db, &c, id, MS_ACHIEVED, 1, D(2026, 3, 1), "first calm");
	log_ms(db, &other, id, MS_NOT_YET, 1, D(2026, 3, 2), "other child");
	log_ms(db, &c, "cdc-2m-se-looks-at-face", MS_ACHIEVED, 1, D(2026, 3, 2), "other item");
	log_ms(db, &c, id, MS_NOT_YET, 0, 0, NULL);

	rc = progress_history(db, &c, id, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 2, "%s: rc %d, %d records after 2 logs, expected 2: %s", tc, rc,
		      n, err.msg);
	milestone_entries_free(e, n);

	log_ms(db, &c, id, MS_ACHIEVED, 1, D(2026, 5, 3), "again");
	rc = progress_history(db, &c, id, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 3, "%s: rc %d, %d records after 3 logs, expected 3: %s", tc, rc,
		      n, err.msg);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(!strcmp(e[i].id, id) && !strcmp(e[i].text, text),
			      "%s: record %d is %s '%s', expected %s '%s'", tc, i, e[i].id, e[i].text, id, text);
		ck_assert_msg(e[i].who && !strcmp(e[i].who, db_user()), "%s: record %d who '%s', expected '%s'",
			      tc, i, e[i].who ? e[i].who : "(null)", db_user());
	}
	ck_assert_msg(e[0].status == MS_ACHIEVED && e[0].has_date && e[0].observed == D(2026, 3, 1) &&
			      !strcmp(e[0].note, "first calm"),
		      "%s: record 0: %s has_date %d note '%s'; expected achieved 2026-03-01 'first calm' (never overwritten)",
		      tc, milestone_status_name(e[0].status), e[0].has_date, e[0].note);
	ck_assert_msg(e[1].status == MS_NOT_YET && !e[1].has_date && !strcmp(e[1].note, ""),
		      "%s: record 1: %s has_date %d note '%s'; expected not-yet, no date, no note", tc,
		      milestone_status_name(e[1].status), e[1].has_date, e[1].note);
	ck_assert_msg(e[2].status == MS_ACHIEVED && e[2].has_date && e[2].observed == D(2026, 5, 3) &&
			      !strcmp(e[2].note, "again"),
		      "%s: record 2: %s has_date %d note '%s'; expected achieved 2026-05-03 'again'", tc,
		      milestone_status_name(e[2].status), e[2].has_date, e[2].note);
	milestone_entries_free(e, n);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM milestone_log WHERE milestone_id = 'cdc-2m-se-calms'") == 4,
		      "%s: milestone_log holds %d rows of the item, expected 4 (3 + the other child's)", tc,
		      query_int(db, "SELECT count(*) FROM milestone_log WHERE milestone_id = 'cdc-2m-se-calms'"));

	/* A WHO window's history, with the window's text. */
	query_text(db, "SELECT text FROM who_window WHERE id = 'who-crawling'", text, sizeof text);
	log_ms(db, &c, "who-crawling", MS_EMERGING, 1, D(2026, 9, 1), "rocking");
	log_ms(db, &c, "who-crawling", MS_ACHIEVED, 1, D(2026, 10, 1), "off she goes");
	rc = progress_history(db, &c, "who-crawling", &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 2, "%s: who-crawling: rc %d, %d records, expected 2", tc, rc, n);
	ck_assert_msg(e[0].status == MS_EMERGING && !strcmp(e[0].note, "rocking") &&
			      e[1].status == MS_ACHIEVED && !strcmp(e[1].note, "off she goes") &&
			      !strcmp(e[0].text, text),
		      "%s: who-crawling records: %s '%s', %s '%s', text '%s'", tc,
		      milestone_status_name(e[0].status), e[0].note, milestone_status_name(e[1].status),
		      e[1].note, e[0].text);
	milestone_entries_free(e, n);
	rc = progress_history(db, &c, "cdc-4m-lc-coos", &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 0, "%s: an unrecorded item has %d records, expected 0", tc, n);
	milestone_entries_free(e, n);
	db_close(db);
}
END_TEST

/* ---- 9. a stable list at 2 years ------------------------------------------------------ */

static void expect_list(const struct flag *f, int n, const struct ids *lost, const struct ids *cl,
			const struct ids *win, const char *tc, const char *who)
{
	int want = lost->n + cl->n + win->n;

	ck_assert_msg(n == want, "%s: %s: %d flags, expected %d (%d lost + %d checklist + %d windows)", tc,
		      who, n, want, lost->n, cl->n, win->n);
	for (int i = 0; i < n; i++) {
		enum flag_kind k = i < lost->n ? FLAG_LOST : i < lost->n + cl->n ? FLAG_CHECKLIST : FLAG_WINDOW;
		const char *id = k == FLAG_LOST ? lost->v[i]
				 : k == FLAG_CHECKLIST ? cl->v[i - lost->n] : win->v[i - lost->n - cl->n];

		ck_assert_msg(f[i].kind == k && !strcmp(f[i].id, id),
			      "%s: %s: flag %d is %s %s, expected %s %s", tc, who, i, kind_name(f[i].kind),
			      f[i].id, kind_name(k), id);
		if (k == FLAG_CHECKLIST && i > lost->n)
			ck_assert_msg(f[i - 1].age_months <= f[i].age_months,
				      "%s: %s: %s (age %d) after %s (age %d)", tc, who, f[i].id,
				      f[i].age_months, f[i - 1].id, f[i - 1].age_months);
		if (k == FLAG_WINDOW && i > lost->n + cl->n)
			ck_assert_msg(f[i - 1].p99 <= f[i].p99, "%s: %s: %s (p99 %g) after %s (p99 %g)", tc,
				      who, f[i].id, f[i].p99, f[i - 1].id, f[i - 1].p99);
	}
}

START_TEST(stable_list)
{
	const char *tc = "stable_list";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Max", BORN, 0, 0, LATER);
	struct child b = tu_add_child(db, "Nia", BORN, 0, 0, LATER);
	struct ids none = { NULL, 0 };
	struct child late = tu_add_child(db, "Ola", BORN, 0, 0, LATER);
	/* every item not yet, less the CDC items that are one skill with a WHO window
	 * (listed once, as the window) */
	struct ids cl = query_ids(db, "SELECT id FROM milestone WHERE age_months BETWEEN 2 AND 18"
				  " AND id NOT IN (SELECT same_as FROM who_window WHERE same_as IS NOT NULL)"
				  " ORDER BY age_months, sort");
	struct ids win = query_ids(db, "SELECT id FROM who_window WHERE p99 < 24 ORDER BY p99");
	struct ids ages = query_ids(db, "SELECT group_concat(age_months, ',') FROM"
				    " (SELECT DISTINCT age_months FROM milestone WHERE age_months < 24 ORDER BY 1)");
	struct ids lost = query_ids(db, "SELECT 'cdc-9m-mp-sits-alone'");
	day_t two = D(2028, 1, 15);
	struct child_age a;
	struct flag *f, *g;
	int n, m;

	set_added(db, &c, BORN);
	set_added(db, &b, BORN);
	set_added(db, &late, two);
	child_age(&c, two, CU, &a);
	ck_assert_msg(a.use_months == 24, "%s: age on 2028-01-15 is %d months, expected 24", tc, a.use_months);
	ck_assert_msg(ages.n == 1 && !strcmp(ages.v[0], "2,4,6,9,12,15,18"),
		      "%s: checklist ages below 24 months are %s, expected 2,4,6,9,12,15,18", tc,
		      ages.n ? ages.v[0] : "-");
	ck_assert_msg(win.n == 6, "%s: %d windows with p99 below 24 months, expected 6", tc, win.n);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM milestone WHERE id = 'cdc-9m-mp-sits-alone'") == 1,
		      "%s: the library lacks cdc-9m-mp-sits-alone", tc);

	/* Another child's records must not change this child's list. */
	log_ms(db, &b, "cdc-9m-mp-sits-alone", MS_ACHIEVED, 1, D(2026, 10, 1), NULL);
	log_ms(db, &b, "cdc-9m-mp-sits-alone", MS_NOT_YET, 1, D(2026, 11, 1), NULL);
	log_ms(db, &b, "cdc-2m-se-calms", MS_EMERGING, 0, 0, NULL);
	log_ms(db, &b, "who-walking-alone", MS_ACHIEVED, 0, 0, NULL);
	log_all_not_yet(db, &c, "SELECT id FROM milestone WHERE age_months BETWEEN 2 AND 18", D(2027, 12, 1));

	/* Added at 2 years with nothing answered: nothing is worth talking about. */
	f = flags_on(db, &late, two, CU, &n, tc);
	expect_list(f, n, &none, &none, &none, tc, "child added at 2 years with no records");
	flags_free(f, n);

	f = flags_on(db, &c, two, CU, &n, tc);
	expect_list(f, n, &none, &cl, &win, tc, "child added at birth, every item not yet at 2 years");
	g = flags_on(db, &c, two, CU, &m, tc);
	ck_assert_msg(m == n, "%s: a second call lists %d flags, the first %d", tc, m, n);
	for (int i = 0; i < n; i++)
		ck_assert_msg(!strcmp(f[i].id, g[i].id) && f[i].kind == g[i].kind,
			      "%s: a second call differs at %d: %s vs %s", tc, i, g[i].id, f[i].id);
	flags_free(f, n);
	flags_free(g, m);

	/* The other child: the lost skill only; walking alone retires the other
	 * windows, and who-sitting is the lost skill itself. */
	f = flags_on(db, &b, two, CU, &n, tc);
	expect_list(f, n, &lost, &none, &none, tc, "child with a lost skill who walks, at 2 years");
	flags_free(f, n);
	ids_free(&cl);
	ids_free(&win);
	ids_free(&ages);
	ids_free(&lost);
	db_close(db);
}
END_TEST


/* ---- 10. what is not a concern ------------------------------------------------------ */

START_TEST(not_concerns)
{
	const char *tc = "not_concerns";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Pia", BORN, 0, 0, LATER);
	day_t twenty = D(2027, 9, 20), i;
	struct child_age a;
	struct flag *f;
	int n;

	child_age(&c, twenty, CU, &a);
	ck_assert_msg(a.use_months == 20, "%s: age on 2027-09-20 is %d months, expected 20", tc, a.use_months);
	/* Added at 20 months, nothing answered: no concerns at all. */
	set_added(db, &c, twenty);
	f = flags_on(db, &c, twenty, CU, &n, tc);
	ck_assert_msg(n == 0, "%s: a 20-month-old just added has %d flags (first %s), expected none", tc, n,
		      n ? f[0].id : "-");
	flags_free(f, n);
	/* Answering not yet for a passed item makes it one. */
	log_ms(db, &c, "cdc-12m-lc-waves-bye", MS_NOT_YET, 1, twenty, NULL);
	f = flags_on(db, &c, twenty, CU, &n, tc);
	ck_assert_msg(n == 1, "%s: after one not-yet, %d flags, expected 1", tc, n);
	expect_flag(f, n, "cdc-12m-lc-waves-bye", FLAG_CHECKLIST, tc, "not yet at 20 months");
	flags_free(f, n);
	/* Emerging after the age is not a concern. */
	log_ms(db, &c, "cdc-12m-lc-names-parent", MS_EMERGING, 1, twenty, NULL);
	f = flags_on(db, &c, twenty, CU, &n, tc);
	expect_no_flag(f, n, "cdc-12m-lc-names-parent", tc, "emerging at 20 months");
	flags_free(f, n);
	/* A window that closes after the child was added, with no record, is one. */
	i = D(2027, 6, 1);
	set_added(db, &c, i);
	f = flags_on(db, &c, twenty, CU, &n, tc);
	expect_flag(f, n, "who-walking-alone", FLAG_WINDOW, tc, "added 2027-06-01, before walking alone's p99 closed");
	expect_no_flag(f, n, "who-walking-assisted", tc, "added 2027-06-01, after walking with help closed (13.7 months)");
	flags_free(f, n);
	db_close(db);
}
END_TEST

/* ---- 11. a same-day change is a correction, not a lost skill ----------------------- */

START_TEST(same_day_not_lost)
{
	const char *tc = "same_day_not_lost";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Quin", BORN, 0, 0, LATER);
	struct flag *f;
	int n;

	log_ms(db, &c, "cdc-6m-se-laughs", MS_ACHIEVED, 1, D(2026, 6, 1), NULL);
	log_ms(db, &c, "cdc-6m-se-laughs", MS_NOT_YET, 1, D(2026, 6, 1), NULL);
	f = flags_on(db, &c, D(2026, 6, 20), CU, &n, tc);
	expect_no_flag(f, n, "cdc-6m-se-laughs", tc, "achieved then not yet on one day, before the age");
	flags_free(f, n);
	f = flags_on(db, &c, D(2026, 9, 1), CU, &n, tc);
	expect_flag(f, n, "cdc-6m-se-laughs", FLAG_CHECKLIST, tc, "same day, then the 6-month age passed");
	flags_free(f, n);
	/* Without dates the day logged counts: both today, so no lost skill either. */
	log_ms(db, &c, "cdc-4m-lc-coos", MS_ACHIEVED, 0, 0, NULL);
	log_ms(db, &c, "cdc-4m-lc-coos", MS_NOT_YET, 0, 0, NULL);
	f = flags_on(db, &c, D(2026, 5, 1), CU, &n, tc);
	ck_assert_msg(count_kind(f, n, FLAG_LOST) == 0, "%s: %d lost skills from same-day entries", tc,
		      count_kind(f, n, FLAG_LOST));
	flags_free(f, n);
	db_close(db);
}
END_TEST

/* ---- 12. CDC items and WHO windows of the same criterion, and retired windows ------ */

START_TEST(same_skill_and_retired)
{
	const char *tc = "same_skill_and_retired";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ray", BORN, 0, 0, LATER);
	struct milestone_entry *e;
	struct who_window *w;
	struct tdl_err err = { "" };
	struct flag *f;
	int n, sits = -1;

	set_added(db, &c, BORN);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM who_window WHERE same_as IS NOT NULL") == 3,
		      "%s: %d windows name a CDC item, expected 3 (sitting, walking with help, walking alone)", tc,
		      query_int(db, "SELECT count(*) FROM who_window WHERE same_as IS NOT NULL"));
	/* The CDC item satisfies the window. */
	log_ms(db, &c, "cdc-9m-mp-sits-alone", MS_ACHIEVED, 1, D(2026, 8, 1), NULL);
	ck_assert_int_eq(progress_windows(db, &c, &w, &n, &err), TDL_OK);
	ck_assert_msg(w[0].status == MS_ACHIEVED && w[0].day == D(2026, 8, 1) &&
			      !strcmp(w[0].via, "cdc-9m-mp-sits-alone"),
		      "%s: who-sitting is %s via '%s', expected achieved via cdc-9m-mp-sits-alone", tc,
		      milestone_status_name(w[0].status), w[0].via);
	progress_windows_free(w, n);
	/* The window satisfies the CDC item. */
	log_ms(db, &c, "who-walking-alone", MS_ACHIEVED, 1, D(2027, 1, 20), NULL);
	ck_assert_int_eq(milestone_range(db, &c, 18, 18, &e, &n, &err), TDL_OK);
	for (int i = 0; i < n; i++)
		if (!strcmp(e[i].id, "cdc-18m-mp-walks-alone"))
			sits = i;
	ck_assert_msg(sits >= 0 && e[sits].status == MS_ACHIEVED && !strcmp(e[sits].via, "who-walking-alone"),
		      "%s: cdc-18m-mp-walks-alone is %s via '%s', expected achieved via who-walking-alone", tc,
		      sits >= 0 ? milestone_status_name(e[sits].status) : "missing", sits >= 0 ? e[sits].via : "");
	milestone_entries_free(e, n);
	/* Walking alone retires crawling, even recorded not yet, and the standing windows. */
	log_ms(db, &c, "who-crawling", MS_NOT_YET, 1, D(2026, 12, 1), NULL);
	f = flags_on(db, &c, D(2028, 1, 1), CU, &n, tc);
	ck_assert_msg(n == 0, "%s: a child who walks and sits has %d flags (first %s), expected none", tc, n,
		      n ? f[0].id : "-");
	flags_free(f, n);
	ck_assert_int_eq(progress_windows(db, &c, &w, &n, &err), TDL_OK);
	ck_assert_msg(!strcmp(w[2].id, "who-crawling") && w[2].status == MS_NOT_YET &&
			      !strcmp(w[2].retired_by, "who-walking-alone"),
		      "%s: %s is %s retired by '%s', expected who-crawling not-yet retired by who-walking-alone", tc,
		      w[2].id, milestone_status_name(w[2].status), w[2].retired_by);
	ck_assert_msg(!w[0].retired_by[0], "%s: who-sitting is retired by '%s', expected not retired", tc,
		      w[0].retired_by);
	progress_windows_free(w, n);
	/* Not walking yet: crawling not yet past its window is a concern, once. */
	{
		struct child d = tu_add_child(db, "Sam", BORN, 0, 0, LATER);

		set_added(db, &d, BORN);
		log_ms(db, &d, "who-crawling", MS_NOT_YET, 1, D(2027, 2, 1), NULL);
		log_ms(db, &d, "cdc-18m-mp-walks-alone", MS_NOT_YET, 1, D(2027, 8, 1), NULL);
		f = flags_on(db, &d, D(2027, 9, 1), CU, &n, tc);
		expect_flag(f, n, "who-crawling", FLAG_WINDOW, tc, "crawling not yet at 19 months, not walking");
		expect_flag(f, n, "who-walking-alone", FLAG_WINDOW, tc, "walking alone not yet at 19 months");
		expect_no_flag(f, n, "cdc-18m-mp-walks-alone", tc, "the CDC item of the flagged window");
		flags_free(f, n);
	}
	db_close(db);
}
END_TEST

/* ---- 13. corrections ------------------------------------------------------------ */

static long long last_entry(sqlite3 *db)
{
	return query_int(db, "SELECT max(id) FROM milestone_log");
}

static int fix(sqlite3 *db, const struct child *c, long long id, int remove, enum ms_status st, struct tdl_err *err)
{
	return milestone_correct(db, c, &(struct milestone_fix){ .entry = id, .remove = remove, .status = st }, NULL, err);
}

START_TEST(corrections)
{
	const char *tc = "corrections";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Tia", BORN, 0, 0, LATER);
	struct child o = tu_add_child(db, "Uma", BORN, 0, 0, LATER);
	struct milestone_entry *e;
	struct tdl_err err = { "" };
	struct flag *f;
	long long a, b, made = 0;
	int n, rows;

	log_ms(db, &c, "cdc-2m-lc-sounds", MS_ACHIEVED, 1, D(2026, 3, 1), "cooing");
	a = last_entry(db);
	log_ms(db, &c, "cdc-2m-lc-sounds", MS_NOT_YET, 1, D(2026, 4, 1), NULL);
	b = last_entry(db);
	f = flags_on(db, &c, D(2026, 5, 1), CU, &n, tc);
	expect_flag(f, n, "cdc-2m-lc-sounds", FLAG_LOST, tc, "before the correction");
	flags_free(f, n);

	/* A mis-tap corrected: the not-yet becomes achieved; nothing is lost. */
	ck_assert_int_eq(milestone_correct(db, &c, &(struct milestone_fix){ .entry = b, .status = MS_ACHIEVED },
					   &made, &err), TDL_OK);
	ck_assert_msg(made == last_entry(db) && made > b, "%s: made %lld, expected the new row", tc, made);
	f = flags_on(db, &c, D(2026, 5, 1), CU, &n, tc);
	expect_no_flag(f, n, "cdc-2m-lc-sounds", tc, "after correcting the not-yet to achieved");
	flags_free(f, n);

	/* Refusals write nothing, each with its reason. */
	rows = query_int(db, "SELECT count(*) FROM milestone_log");
	ck_assert_int_eq(fix(db, &c, 9999, 0, MS_EMERGING, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "no milestone entry 9999"), "%s: unknown: '%s'", tc, err.msg);
	ck_assert_int_eq(fix(db, &c, b, 0, MS_EMERGING, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "already corrected by") && strstr(err.msg, "is in force now"),
		      "%s: stale: '%s'", tc, err.msg);
	ck_assert_int_eq(fix(db, &c, made, 0, MS_ACHIEVED, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "nothing to change"), "%s: same status: '%s'", tc, err.msg);
	ck_assert_int_eq(fix(db, &o, made, 0, MS_EMERGING, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "no milestone entry"), "%s: another child's entry: '%s'", tc, err.msg);
	ck_assert_int_eq(fix(db, &c, made, 0, MS_NONE, &err), TDL_EINPUT);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM milestone_log"), rows);

	/* Remove the first entry: the old date and note go with the removal row. */
	ck_assert_int_eq(fix(db, NULL, a, 1, MS_NONE, &err), TDL_OK);
	ck_assert_int_eq(query_int(db, "SELECT count(*) FROM milestone_log WHERE corrects = (SELECT min(id) FROM milestone_log)"
				   " AND removed = 1 AND observed = '2026-03-01' AND note = 'cooing'"), 1);
	ck_assert_int_eq(fix(db, &c, a, 0, MS_EMERGING, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "was removed by"), "%s: removed: '%s'", tc, err.msg);
	ck_assert_int_eq(fix(db, &c, last_entry(db), 1, MS_NONE, &err), TDL_EINPUT);
	ck_assert_msg(strstr(err.msg, "only records a removal"), "%s: removal row: '%s'", tc, err.msg);

	/* The history: each entry once, with its state and who changed it. */
	ck_assert_int_eq(progress_history(db, &c, "cdc-2m-lc-sounds", &e, &n, &err), TDL_OK);
	ck_assert_msg(n == 3, "%s: history has %d entries, expected 3 (removal rows are not entries)", tc, n);
	ck_assert_msg(e[0].entry == a && e[0].state == MS_REMOVED && !strcmp(e[0].changed_by, db_user()) &&
			      e[1].entry == b && e[1].state == MS_CORRECTED && e[2].entry == made &&
			      e[2].state == MS_IN_FORCE && e[2].status == MS_ACHIEVED && e[2].observed == D(2026, 4, 1),
		      "%s: history states %d %d %d (entries %lld %lld %lld)", tc, e[0].state, e[1].state, e[2].state,
		      e[0].entry, e[1].entry, e[2].entry);
	milestone_entries_free(e, n);
	db_close(db);
}
END_TEST

/* Check the counts from flags_count_each for children kids[0..nk) from day
 * `from` to day `to`: each child's count, stored on a day T, must be
 * flags_compute's on every day from T until the day flags_until gives; the
 * count is then taken again on that day. Returns the number of counts taken. */
static int until_walk(sqlite3 *db, const struct child *kid, day_t from, day_t to, int cu, const char *tc)
{
	int taken = 0;

	for (day_t t = from; t < to; taken++) {
		struct tdl_err err = { "" };
		int count = -1, n;
		day_t until = 0;
		char d[11], u[11];

		ck_assert_msg(flags_count_each(db, kid, 1, t, cu, &count, &until, &err) == TDL_OK,
			      "%s: flags_count_each failed: %s", tc, err.msg);
		date_format(t, d);
		date_format(until, u);
		ck_assert_msg(until > t && until <= t + FLAGS_FAR, "%s: %s counted on %s holds until %s", tc, kid->name, d, u);
		for (day_t day = t; day < until && day < to; day++) {
			struct flag *f = flags_on(db, kid, day, cu, &n, tc);
			char dd[11];

			flags_free(f, n);
			date_format(day, dd);
			ck_assert_msg(n == count, "%s: %s counted %d flags on %s, said to hold until %s, but has %d on %s",
				      tc, kid->name, count, d, u, n, dd);
		}
		t = until;
	}
	return taken;
}

/* flags_until: a count holds, day by day, until the day it gives, through
 * checklist ages, closing windows, windows closed before the child was added,
 * a lost skill, a CDC item giving way to its window, and the end of the
 * corrected age; and it holds for more than a day at a time. */
START_TEST(flag_count_until)
{
	const char *tc = "flag_count_until";
	sqlite3 *db = tu_open_library();
	struct child ben = tu_add_child(db, "Ben", BORN, 1, BORN + PRETERM_SHIFT, LATER);
	struct child ana = tu_add_child(db, "Ana", BORN, 0, 0, LATER);
	struct child none = tu_add_child(db, "Cleo", BORN, 0, 0, LATER);
	int taken;

	log_all_not_yet(db, &ben, "SELECT id FROM milestone WHERE age_months IN (2, 9, 12, 18, 30)", D(2026, 3, 20));
	log_ms(db, &ben, "who-walking-alone", MS_NOT_YET, 1, D(2026, 4, 1), NULL);
	log_ms(db, &ben, "cdc-4m-lc-coos", MS_ACHIEVED, 1, D(2026, 5, 1), NULL);
	log_ms(db, &ben, "cdc-4m-lc-coos", MS_NOT_YET, 1, D(2026, 6, 1), NULL);
	/* added at 16.5 months corrected, 18.3 chronological: standing alone (16.9) closes
	 * after it while the age is corrected, and had closed before it once it is not */
	set_added(db, &ben, BORN + PRETERM_SHIFT + 502);
	log_all_not_yet(db, &ana, "SELECT id FROM milestone WHERE age_months IN (6, 12, 24)", D(2026, 3, 20));
	set_added(db, &ana, D(2027, 1, 1)); /* windows closed before it (sitting, 9.2 months) are a gap */
	/* from birth to 3 years, across the end of Ben's corrected age at 24 months */
	taken = until_walk(db, &ben, BORN, D(2029, 2, 1), CU, tc);
	ck_assert_msg(taken < 40, "%s: Ben's count was taken %d times in three years", tc, taken);
	taken = until_walk(db, &ana, BORN, D(2029, 2, 1), CU, tc);
	ck_assert_msg(taken < 40, "%s: Ana's count was taken %d times in three years", tc, taken);
	/* no correction at all (correct_until 0), and a child with no entries */
	until_walk(db, &ben, BORN, D(2028, 6, 1), 0, tc);
	taken = until_walk(db, &none, BORN, D(2029, 2, 1), CU, tc);
	ck_assert_msg(taken < 10, "%s: Cleo's count (no entries) was taken %d times", tc, taken);
	sqlite3_close(db);
}
END_TEST

static Suite *progress_suite(void)
{
	Suite *s = suite_create("progress");

	TU_CASE(s, checklist_boundary);
	TU_CASE(s, corrected_boundary);
	TU_CASE(s, window_boundary);
	TU_CASE(s, lost_skill);
	TU_CASE(s, flag_areas);
	TU_CASE(s, progress_domains);
	TU_CASE(s, windows_list);
	TU_CASE(s, item_history);
	TU_CASE(s, stable_list);
	TU_CASE(s, not_concerns);
	TU_CASE(s, same_day_not_lost);
	TU_CASE(s, same_skill_and_retired);
	TU_CASE(s, corrections);
	TU_CASE(s, flag_count_until);
	return s;
}

int main(void)
{
	return tu_run(progress_suite());
}
