/* Unit tests: one age everywhere. The months the header shows (the week view's
 * age words) are the whole part of the months the milestone chart shows, for
 * many birth dates and days: month ends, leap days, babies born early. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/milestone_view.h"
#include "toddle/week_view.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define CU 24

/* Months in age words ("20 months (87 weeks)", "2 years 3 months"), or -1 when
 * the words count weeks or days. */
static int words_months(const char *w)
{
	int a = -1, b = 0;
	char unit[16] = "";

	if (strstr(w, "year")) {
		if (sscanf(w, "%d years %d", &a, &b) < 1)
			return -2;
		return a * 12 + b;
	}
	if (sscanf(w, "%d %15s", &a, unit) == 2 && !strcmp(unit, "months"))
		return a;
	return -1;
}

/* The chart's months in tenths, read from its "now" line. */
static int chart_tenths(const char *line)
{
	const char *p = strstr(line, " now: ");
	int whole = -1, tenth = -1;

	if (!p || sscanf(p, " now: %d.%d months", &whole, &tenth) != 2 || tenth < 0 || tenth > 9)
		return -1;
	return whole * 10 + tenth;
}

/* Header months == floor(chart months) for child c on day `on`. */
static void check_day(sqlite3 *db, const struct child *c, day_t on, const char *what)
{
	const struct milestone_view_ask ask = { 0, 0, CU };
	struct week_view wv;
	struct milestone_view mv;
	struct tdl_err err = { "" };
	char line[600], d[11];
	const char *words;
	int hm, tenths;

	date_format(on, d);
	ck_assert_msg(week_view_load(db, c, on, -1, CU, &wv, &err) == TDL_OK, "%s %s: week view: %s", what, d,
		      err.msg);
	ck_assert_msg(milestone_view_load(db, c, on, &ask, &mv, &err) == TDL_OK, "%s %s: milestone view: %s",
		      what, d, err.msg);
	milestone_view_now_line(&mv, line, sizeof line);
	tenths = chart_tenths(line);
	ck_assert_msg(tenths >= 0, "%s %s: no months in the chart's line: %s", what, d, line);
	ck_assert_msg(!!wv.age.corrected == !!strstr(line, "(corrected)"),
		      "%s %s: header corrected %d, chart line: %s", what, d, wv.age.corrected, line);
	words = wv.age.corrected ? wv.cage_words : wv.age_words;
	hm = words_months(words);
	if (hm == -1) /* the header counts weeks or days: it still means these months */
		hm = wv.age.use_days < 0 ? 0 : wv.age.use_months;
	ck_assert_msg(hm >= 0, "%s %s: cannot read the header's age \"%s\"", what, d, words);
	ck_assert_msg(hm == tenths / 10, "%s %s: header says \"%s\" (%d months), chart says %d.%d months",
		      what, d, words, hm, tenths / 10, tenths % 10);
	week_view_free(&wv);
	milestone_view_free(&mv);
}

/* To `months`: the day of the month of the birth (or due date) and the day
 * before, each month's last day, and every 29th day (a few milliseconds each). */
static void check_child(sqlite3 *db, const struct child *c, int months, const char *what)
{
	int y, m, anchor, d;

	date_to_ymd(c->has_due ? c->due : c->born, &y, &m, &anchor);
	for (day_t on = c->born; on <= c->born + months * 31; on++) {
		date_to_ymd(on, &y, &m, &d);
		if (d == anchor || d == anchor - 1 || d == date_days_in_month(y, m) || (on - c->born) % 29 == 0)
			check_day(db, c, on, what);
	}
}

/* Births on month ends and leap days, and on an ordinary day. */
START_TEST(header_equals_chart_term)
{
	static const struct { int y, m, d; } born[] = {
		{ 2024, 1, 31 }, { 2024, 2, 29 }, { 2023, 3, 31 }, { 2024, 8, 30 },
		{ 2023, 12, 31 }, { 2025, 1, 28 }, { 2024, 3, 1 },
	};
	sqlite3 *db = tu_open_library();

	for (size_t i = 0; i < sizeof born / sizeof born[0]; i++) {
		char name[32];
		struct child c;

		snprintf(name, sizeof name, "Term %zu", i);
		c = tu_add_child(db, name, D(born[i].y, born[i].m, born[i].d), 0, 0,
				 D(born[i].y, born[i].m, born[i].d));
		check_child(db, &c, 26, name);
	}
	db_close(db);
}
END_TEST

/* Babies born early: the corrected age drives both, until the correction stops at 24 months. */
START_TEST(header_equals_chart_preterm)
{
	static const struct { int y, m, d, ga_weeks; } born[] = {
		{ 2024, 1, 31, 31 }, { 2023, 12, 29, 28 }, { 2024, 2, 29, 34 }, { 2024, 10, 31, 36 },
	};
	sqlite3 *db = tu_open_library();

	for (size_t i = 0; i < sizeof born / sizeof born[0]; i++) {
		char name[32];
		day_t b = D(born[i].y, born[i].m, born[i].d);
		struct child c;

		snprintf(name, sizeof name, "Early %zu (%d weeks)", i, born[i].ga_weeks);
		c = tu_add_child(db, name, b, 1, b + (40 - born[i].ga_weeks) * 7, b);
		check_child(db, &c, 28, name);
	}
	db_close(db);
}
END_TEST

/* Tenths are cut, never rounded up into the next month; they count the month under way. */
START_TEST(tenths_cut)
{
	static const struct { int y1, m1, d1, y2, m2, d2, tenths; } t[] = {
		{ 2025, 3, 1, 2026, 11, 30, 209 },   /* 20 months 29 days: 20.9, never 21.0 */
		{ 2025, 3, 1, 2026, 12, 1, 210 },
		{ 2025, 3, 1, 2026, 11, 1, 200 },
		{ 2024, 1, 31, 2024, 2, 29, 10 },    /* the month ends first: 1 month on Feb 29 */
		{ 2024, 1, 31, 2024, 2, 28, 9 },
		{ 2024, 2, 29, 2025, 2, 28, 120 },   /* a leap-day birthday in a common year */
		{ 2024, 2, 29, 2025, 2, 27, 119 },
		{ 2026, 1, 15, 2026, 1, 15, 0 },
		{ 2026, 1, 15, 2026, 1, 30, 4 },     /* 15 of 31 days: 0.48 cut to 0.4 */
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		day_t a = D(t[i].y1, t[i].m1, t[i].d1), b = D(t[i].y2, t[i].m2, t[i].d2);
		int got = date_month_tenths(a, b);

		ck_assert_msg(got == t[i].tenths, "%d-%02d-%02d to %d-%02d-%02d: %d tenths, expected %d",
			      t[i].y1, t[i].m1, t[i].d1, t[i].y2, t[i].m2, t[i].d2, got, t[i].tenths);
	}
	for (day_t a = D(2023, 12, 1); a < D(2024, 4, 1); a++)
		for (day_t b = a; b < a + 800; b += 3)
			ck_assert_msg(date_month_tenths(a, b) / 10 == date_months_between(a, b),
				      "day %d to %d: %d tenths but %d whole months", (int)a, (int)b,
				      date_month_tenths(a, b), date_months_between(a, b));
}
END_TEST

/* The model holds a changed birth date to the 6-year limit, not one kept as it was. */
START_TEST(update_born_limit)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ada", D(2020, 12, 1), 0, 0, D(2021, 1, 10)), moved;
	struct tdl_err err = { "" };
	day_t later = D(2027, 6, 1);
	int changed = -1, rc;

	snprintf(c.name, sizeof c.name, "Adalina");
	rc = child_update(db, &c, later, &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 1, "a rename keeping an old birth date: rc %d: %s", rc, err.msg);
	moved = c;
	moved.born = D(2020, 11, 1);
	rc = child_update(db, &moved, later, &changed, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "more than 6 years ago"), "an old birth date moved: rc %d: %s",
		      rc, err.msg);
	ck_assert_msg(child_find(db, "Adalina", &moved, &err) == TDL_OK && moved.born == D(2020, 12, 1) &&
		      moved.version == c.version, "the refused edit changed the child");
	db_close(db);
}
END_TEST

static Suite *age_suite(void)
{
	Suite *s = suite_create("age");

	TU_CASE(s, tenths_cut);
	TU_CASE(s, update_born_limit);
	TU_CASE(s, header_equals_chart_term);
	TU_CASE(s, header_equals_chart_preterm);
	return s;
}

int main(void)
{
	return tu_run(age_suite());
}
