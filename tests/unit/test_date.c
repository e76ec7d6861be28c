/* Unit tests: civil dates, ages, corrected age, child checks. */
#include <stdio.h>
#include <string.h>
#include <check.h>
#include "toddle/child.h"
#include "toddle/date.h"
#include "util.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))

/* A fixed "today" so the tests do not depend on the clock. */
#define TODAY D(2026, 11, 26)

/* ---- date_parse ------------------------------------------------------- */

START_TEST(parse_valid)
{
	static const struct { const char *s; int y, m, d; day_t expect; } ok[] = {
		{ "1970-01-01", 1970, 1, 1, 0 },
		{ "2026-11-26", 2026, 11, 26, 20783 },
		{ "2024-02-29", 2024, 2, 29, 19782 },  /* leap year */
		{ "2000-02-29", 2000, 2, 29, 11016 },  /* divisible by 400: leap */
		{ "1900-01-01", 1900, 1, 1, -25567 },  /* first supported day */
		{ "2999-12-31", 2999, 12, 31, 376199 }, /* last supported day */
	};

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		day_t got = -1;
		int rc = date_parse(ok[i].s, &got);

		ck_assert_msg(rc == 0, "date_parse(\"%s\") refused a real date (rc %d)", ok[i].s, rc);
		ck_assert_msg(got == ok[i].expect, "date_parse(\"%s\") gave day %d, expected %d",
			      ok[i].s, (int)got, (int)ok[i].expect);
		ck_assert_msg(got == D(ok[i].y, ok[i].m, ok[i].d),
			      "date_parse(\"%s\") disagrees with date_from_ymd", ok[i].s);
	}
}
END_TEST

START_TEST(parse_invalid)
{
	static const char *const bad[] = {
		"2026-02-30",   /* no such day */
		"2026-13-01",   /* no such month */
		"2026-00-10",   /* month 0 */
		"2026-01-00",   /* day 0 */
		"2026-04-31",   /* April has 30 */
		"2023-02-29",   /* not a leap year */
		"1900-02-29",   /* divisible by 100, not by 400 */
		"2100-02-29",
		"1899-12-31",   /* before the supported years */
		"3000-01-01",   /* after them */
		"words",
		"yesterday",
		"",
		"2026-1-01",    /* not zero-padded */
		"2026-01-1",
		"26-01-01",
		"2026-01-01x",  /* trailing characters */
		"2026-01-01 ",
		" 2026-01-01",  /* leading blank */
		"2026-01-011",
		"2026/01/01",
		"2026-01-0a",
		"+026-01-01",
		"-026-01-01",
		"2026-+1-01",
		"2026-01- 1",
		"2026-01-01\n",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		day_t got = 12345;
		int rc = date_parse(bad[i], &got);

		ck_assert_msg(rc == -1, "date_parse(\"%s\") accepted a non-date (rc %d, day %d)",
			      bad[i], rc, (int)got);
	}
	ck_assert_msg(date_parse(NULL, &(day_t){ 0 }) == -1, "date_parse(NULL) did not fail");
}
END_TEST

START_TEST(ymd_round_trip)
{
	day_t prev = D(DATE_MIN_YEAR, 1, 1) - 1;

	for (int y = DATE_MIN_YEAR; y <= DATE_MAX_YEAR; y++)
		for (int m = 1; m <= 12; m++)
			for (int d = 1; d <= date_days_in_month(y, m); d++) {
				day_t day = D(y, m, d);
				int y2, m2, d2;
				char s[11];
				day_t back;

				ck_assert_msg(day == prev + 1,
					      "%04d-%02d-%02d is day %d, expected %d (one after the previous)",
					      y, m, d, (int)day, (int)prev + 1);
				date_to_ymd(day, &y2, &m2, &d2);
				ck_assert_msg(y2 == y && m2 == m && d2 == d,
					      "day %d gave %04d-%02d-%02d, expected %04d-%02d-%02d",
					      (int)day, y2, m2, d2, y, m, d);
				date_format(day, s);
				ck_assert_msg(date_parse(s, &back) == 0 && back == day,
					      "format/parse of %04d-%02d-%02d gave \"%s\"", y, m, d, s);
				prev = day;
			}
}
END_TEST

START_TEST(days_in_month)
{
	ck_assert_int_eq(date_days_in_month(2023, 2), 28);
	ck_assert_int_eq(date_days_in_month(2024, 2), 29);
	ck_assert_int_eq(date_days_in_month(1900, 2), 28);
	ck_assert_int_eq(date_days_in_month(2000, 2), 29);
	ck_assert_int_eq(date_days_in_month(2026, 4), 30);
	ck_assert_int_eq(date_days_in_month(2026, 12), 31);
	ck_assert_msg(date_days_in_month(2026, 0) == 0 && date_days_in_month(2026, 13) == 0,
		      "months 0 and 13 should have 0 days");
}
END_TEST

START_TEST(weekday)
{
	ck_assert_msg(date_weekday(0) == 3, "1970-01-01 should be Thursday (3), got %d",
		      date_weekday(0));
	ck_assert_msg(date_weekday(D(2026, 11, 26)) == 3,
		      "2026-11-26 should be Thursday (3), got %d", date_weekday(D(2026, 11, 26)));
	ck_assert_msg(date_weekday(D(2000, 1, 1)) == 5, "2000-01-01 should be Saturday (5), got %d",
		      date_weekday(D(2000, 1, 1)));
	ck_assert_msg(date_weekday(D(1969, 12, 31)) == 2,
		      "1969-12-31 (negative day) should be Wednesday (2), got %d",
		      date_weekday(D(1969, 12, 31)));
	ck_assert_msg(date_weekday(D(1900, 1, 1)) == 0, "1900-01-01 should be Monday (0), got %d",
		      date_weekday(D(1900, 1, 1)));
	for (day_t d = D(1900, 1, 1); d < D(1900, 1, 1) + 5000; d++)
		ck_assert_msg(date_weekday(d + 1) == (date_weekday(d) + 1) % 7,
			      "weekday does not advance by one after day %d", (int)d);
}
END_TEST

/* ---- date_months_between ---------------------------------------------- */

START_TEST(months_between)
{
	static const struct { int y1, m1, d1, y2, m2, d2, expect; const char *why; } t[] = {
		{ 2026, 1, 15, 2026, 1, 15, 0, "same day" },
		{ 2026, 1, 15, 2026, 2, 14, 0, "Jan 15 -> Feb 14: day not reached" },
		{ 2026, 1, 15, 2026, 2, 15, 1, "Jan 15 -> Feb 15: day reached" },
		{ 2023, 1, 31, 2023, 2, 27, 0, "Jan 31 -> Feb 27 (non-leap)" },
		{ 2023, 1, 31, 2023, 2, 28, 1, "Jan 31 -> Feb 28 (non-leap): month ended" },
		{ 2024, 1, 31, 2024, 2, 28, 0, "Jan 31 -> Feb 28 (leap): Feb 29 still to come" },
		{ 2024, 1, 31, 2024, 2, 29, 1, "Jan 31 -> Feb 29 (leap): month ended" },
		{ 2023, 1, 31, 2023, 3, 1, 1, "Jan 31 -> Mar 1" },
		{ 2023, 1, 31, 2023, 3, 30, 1, "Jan 31 -> Mar 30" },
		{ 2023, 1, 31, 2023, 3, 31, 2, "Jan 31 -> Mar 31" },
		{ 2026, 3, 31, 2026, 4, 30, 1, "Mar 31 -> Apr 30: month ended" },
		{ 2025, 11, 30, 2026, 1, 29, 1, "across a year, day not reached" },
		{ 2025, 11, 30, 2026, 1, 30, 2, "across a year, day reached" },
		{ 2025, 12, 31, 2026, 1, 1, 0, "New Year's Eve -> New Year's Day" },
		{ 2020, 6, 15, 2026, 6, 15, 72, "six years" },
		{ 2020, 6, 15, 2026, 6, 14, 71, "six years less a day" },
		{ 2024, 2, 29, 2024, 3, 28, 0, "leap-day birth: Mar 28" },
		{ 2024, 2, 29, 2024, 3, 29, 1, "leap-day birth: Mar 29" },
		{ 2024, 2, 29, 2025, 2, 27, 11, "leap-day birth: Feb 27 next year" },
		{ 2024, 2, 29, 2025, 2, 28, 12, "leap-day birth: Feb 28 next year is one year" },
		{ 2024, 2, 29, 2028, 2, 28, 47, "leap-day birth: Feb 28 of the next leap year" },
		{ 2024, 2, 29, 2028, 2, 29, 48, "leap-day birth: Feb 29 of the next leap year" },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		int got = date_months_between(D(t[i].y1, t[i].m1, t[i].d1), D(t[i].y2, t[i].m2, t[i].d2));

		ck_assert_msg(got == t[i].expect, "%s: %04d-%02d-%02d -> %04d-%02d-%02d gave %d months, expected %d",
			      t[i].why, t[i].y1, t[i].m1, t[i].d1, t[i].y2, t[i].m2, t[i].d2, got,
			      t[i].expect);
	}
}
END_TEST

START_TEST(months_between_monotonic)
{
	/* Over many births, the month count never goes down and steps by at most one a day. */
	for (day_t born = D(2023, 1, 1); born < D(2025, 1, 1); born += 3) {
		int last = 0;

		for (day_t on = born; on < born + 800; on++) {
			int m = date_months_between(born, on);

			ck_assert_msg(m == last || m == last + 1,
				      "born day %d: months went from %d to %d on day %d", (int)born, last,
				      m, (int)on);
			last = m;
		}
	}
}
END_TEST

/* ---- child_age and child_week ------------------------------------------ */

static struct child make_child(day_t born, int has_due, day_t due)
{
	struct child c;

	memset(&c, 0, sizeof c);
	strcpy(c.name, "Test");
	c.born = born;
	c.has_due = has_due;
	c.due = due;
	return c;
}

START_TEST(age_term_no_due)
{
	struct child c = make_child(D(2026, 1, 31), 0, 0);
	struct child_age a;

	child_age(&c, D(2026, 3, 3), 24, &a);
	ck_assert_msg(a.days == 31 && a.weeks == 4, "days/weeks: got %d/%d, expected 31/4", a.days,
		      a.weeks);
	ck_assert_msg(a.months == 1, "months: got %d, expected 1 (Jan 31 -> Mar 3)", a.months);
	ck_assert_msg(!a.corrected && a.ga_weeks == 0, "no due date: corrected %d ga_weeks %d",
		      a.corrected, a.ga_weeks);
	ck_assert_msg(a.use_days == a.days && a.use_weeks == a.weeks && a.use_months == a.months,
		      "without correction use_* must equal chronological age");
	ck_assert_int_eq(child_week(&a), 4);
	child_age(&c, c.born, 24, &a);
	ck_assert_msg(a.days == 0 && a.weeks == 0 && a.months == 0 && child_week(&a) == 0,
		      "on the birth day: days %d weeks %d months %d week %d", a.days, a.weeks,
		      a.months, child_week(&a));
}
END_TEST

START_TEST(age_ga_from_due)
{
	day_t born = D(2026, 1, 10);
	struct child_age a;
	/* due - born = 280 - GA days */
	static const struct { int due_after, w, d; } t[] = {
		{ 56, 32, 0 }, { 52, 32, 4 }, { 0, 40, 0 }, { 21, 37, 0 }, { 22, 36, 6 },
		{ 140, 20, 0 }, { -14, 42, 0 }, { -28, 44, 0 }, { 1, 39, 6 },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct child c = make_child(born, 1, born + t[i].due_after);

		child_age(&c, born + 10, 24, &a);
		ck_assert_msg(a.ga_weeks == t[i].w && a.ga_days == t[i].d,
			      "due %d days after birth: GA %d+%d, expected %d+%d", t[i].due_after,
			      a.ga_weeks, a.ga_days, t[i].w, t[i].d);
	}
}
END_TEST

START_TEST(age_37_weeks_not_corrected)
{
	day_t born = D(2026, 1, 10);
	struct child c = make_child(born, 1, born + 21); /* 37+0 */
	struct child_age a;

	child_age(&c, born + 30, 24, &a);
	ck_assert_msg(a.ga_weeks == 37 && a.ga_days == 0, "GA %d+%d, expected 37+0", a.ga_weeks,
		      a.ga_days);
	ck_assert_msg(!a.corrected, "born at 37+0 must not use corrected age");
	ck_assert_msg(a.use_days == 30 && child_week(&a) == 4,
		      "37+0 at 30 days: use_days %d week %d, expected 30 and 4", a.use_days,
		      child_week(&a));
}
END_TEST

START_TEST(age_36_6_corrected)
{
	day_t born = D(2026, 1, 10);
	struct child c = make_child(born, 1, born + 22); /* 36+6 */
	struct child_age a;

	child_age(&c, born + 30, 24, &a);
	ck_assert_msg(a.ga_weeks == 36 && a.ga_days == 6, "GA %d+%d, expected 36+6", a.ga_weeks,
		      a.ga_days);
	ck_assert_msg(a.corrected, "born at 36+6 must use corrected age");
	/* correction = (40 - 36) * 7 = 28 days */
	ck_assert_msg(a.cdays == 2 && a.cweeks == 0 && a.use_days == 2,
		      "36+6 at 30 days: cdays %d cweeks %d use_days %d, expected 2, 0, 2", a.cdays,
		      a.cweeks, a.use_days);
	ck_assert_msg(a.days == 30 && a.weeks == 4, "chronological age must stay 30 days, got %d",
		      a.days);
}
END_TEST

START_TEST(age_corrected_shift)
{
	day_t born = D(2026, 1, 10);
	struct child c = make_child(born, 1, born + 52); /* 32+4: shift (40-32)*7 = 56 */
	struct child_age a;

	child_age(&c, born + 100, 24, &a);
	ck_assert_msg(a.corrected, "32+4 at 100 days must be corrected");
	ck_assert_msg(a.cdays == 44 && a.cweeks == 6, "32+4 at 100 days: cdays %d cweeks %d, expected 44 and 6",
		      a.cdays, a.cweeks);
	ck_assert_msg(a.use_days == 44 && a.use_weeks == 6 && child_week(&a) == 6,
		      "use_days %d use_weeks %d week %d, expected 44, 6, 6", a.use_days,
		      a.use_weeks, child_week(&a));
	ck_assert_msg(a.cmonths == date_months_between(born + 56, born + 100),
		      "cmonths %d should count from birth + 56 days", a.cmonths);
	ck_assert_msg(a.use_months == a.cmonths, "use_months %d != cmonths %d", a.use_months,
		      a.cmonths);
}
END_TEST

START_TEST(age_before_due)
{
	day_t born = D(2026, 1, 10);
	struct child c = make_child(born, 1, born + 56); /* 32+0: due = born + 56 = shift */
	struct child_age a;

	child_age(&c, born + 3, 24, &a);
	ck_assert_msg(a.corrected && a.cdays == -53 && a.cweeks == -8,
		      "3 days old, 53 days before due: corrected %d cdays %d cweeks %d", a.corrected,
		      a.cdays, a.cweeks);
	ck_assert_msg(child_week(&a) == 0, "before the due date child_week must be 0, got %d",
		      child_week(&a));
	child_age(&c, born + 55, 24, &a);
	ck_assert_msg(a.cdays == -1 && a.cweeks == -1 && child_week(&a) == 0,
		      "day before due: cdays %d cweeks %d week %d, expected -1, -1, 0", a.cdays,
		      a.cweeks, child_week(&a));
	child_age(&c, born + 56, 24, &a);
	ck_assert_msg(a.cdays == 0 && child_week(&a) == 0, "on the due date: cdays %d week %d",
		      a.cdays, child_week(&a));
	child_age(&c, born + 63, 24, &a);
	ck_assert_msg(a.cdays == 7 && child_week(&a) == 1, "a week after due: cdays %d week %d",
		      a.cdays, child_week(&a));
}
END_TEST

START_TEST(age_correction_stops)
{
	day_t born = D(2024, 3, 10);
	struct child c = make_child(born, 1, born + 70); /* 30+0 */
	struct child_age a;

	child_age(&c, D(2026, 3, 9), 24, &a);
	ck_assert_msg(a.months == 23 && a.corrected,
		      "the day before 24 months: months %d corrected %d, expected 23 and 1", a.months,
		      a.corrected);
	ck_assert_msg(a.use_days == a.days - 70, "use_days %d, expected %d", a.use_days, a.days - 70);
	child_age(&c, D(2026, 3, 10), 24, &a);
	ck_assert_msg(a.months == 24 && !a.corrected,
		      "on reaching 24 months: months %d corrected %d, expected 24 and 0", a.months,
		      a.corrected);
	ck_assert_msg(a.use_days == a.days && a.use_weeks == a.weeks && a.use_months == 24,
		      "after correction stops use_* must be chronological (use_days %d days %d)",
		      a.use_days, a.days);
	ck_assert_msg(a.ga_weeks == 30, "GA is still known after correction stops: %d", a.ga_weeks);

	/* Another limit: 12 months. */
	child_age(&c, D(2025, 3, 9), 12, &a);
	ck_assert_msg(a.corrected, "11 months with limit 12 should be corrected");
	child_age(&c, D(2025, 3, 10), 12, &a);
	ck_assert_msg(!a.corrected, "12 months with limit 12 should not be corrected");
	/* Limit 0: never corrected. */
	child_age(&c, born + 5, 0, &a);
	ck_assert_msg(!a.corrected, "limit 0 must turn correction off");
}
END_TEST

START_TEST(week_capped)
{
	day_t born = D(2022, 1, 1);
	struct child c = make_child(born, 0, 0);
	struct child_age a;

	child_age(&c, born + 104 * 7 + 6, 24, &a);
	ck_assert_msg(child_week(&a) == 104, "week 104 + 6 days: got week %d", child_week(&a));
	child_age(&c, born + 105 * 7, 24, &a);
	ck_assert_msg(child_week(&a) == 104, "week 105 must be capped at 104, got %d", child_week(&a));
	child_age(&c, born + 4 * 365, 24, &a);
	ck_assert_msg(child_week(&a) == 104, "four years must be capped at 104, got %d",
		      child_week(&a));
	child_age(&c, born + 103 * 7, 24, &a);
	ck_assert_msg(child_week(&a) == 103, "week 103: got %d", child_week(&a));
}
END_TEST

/* ---- child_due_from_ga -------------------------------------------------- */

START_TEST(due_from_ga)
{
	static const struct { const char *ga; int ok; int after; } t[] = {
		{ "32", 1, 56 }, { "32+4", 1, 52 }, { "32+0", 1, 56 }, { "32+6", 1, 50 },
		{ "22", 1, 126 }, { "44", 1, -28 }, { "40", 1, 0 },
		{ "21", 0, 0 }, { "45", 0, 0 }, { "32+7", 0, 0 }, { "abc", 0, 0 }, { "32+", 0, 0 },
		{ "", 0, 0 }, { "+32", 0, 0 }, { "32+4x", 0, 0 }, { "32+45", 0, 0 }, { "320", 0, 0 },
		{ "32+-1", 0, 0 }, { "32.5", 0, 0 }, { "-32", 0, 0 }, { "32 weeks", 0, 0 },
	};
	day_t born = D(2026, 6, 1);

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		struct tdl_err err = { "" };
		day_t due = 777;
		int rc = child_due_from_ga(t[i].ga, born, &due, &err);

		if (t[i].ok) {
			ck_assert_msg(rc == TDL_OK, "GA \"%s\" refused: %s", t[i].ga, err.msg);
			ck_assert_msg(due == born + t[i].after, "GA \"%s\": due %d days after birth, expected %d",
				      t[i].ga, (int)(due - born), t[i].after);
		} else {
			ck_assert_msg(rc == TDL_EINPUT, "GA \"%s\" accepted (rc %d, due %+d days)", t[i].ga,
				      rc, (int)(due - born));
			ck_assert_msg(strstr(err.msg, "32+4") != NULL,
				      "GA \"%s\": message should show an example: %s", t[i].ga, err.msg);
			ck_assert_msg(due == 777, "GA \"%s\": due was written although refused", t[i].ga);
		}
	}
	ck_assert_msg(child_due_from_ga(NULL, born, &(day_t){ 0 }, NULL) == TDL_EINPUT,
		      "GA NULL must be refused");
}
END_TEST

/* ---- child_validate ----------------------------------------------------- */

static int validate(const char *name, day_t born, int has_due, day_t due, struct tdl_err *err)
{
	err_clear(err);
	return child_validate(name, born, has_due, due, TODAY, err);
}

START_TEST(validate_dates)
{
	struct tdl_err err;
	int rc;

	rc = validate("Ada", TODAY, 0, 0, &err);
	ck_assert_msg(rc == TDL_OK, "born today must be fine: %s", err.msg);
	rc = validate("Ada", TODAY + 1, 0, 0, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a birth date tomorrow was accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "future") && strstr(err.msg, "2026-11-27"),
		      "future birth: message should say future and the date: %s", err.msg);
	rc = validate("Ada", TODAY - 10, 1, TODAY - 10 + 140, &err);
	ck_assert_msg(rc == TDL_OK, "due exactly 140 days after birth refused: %s", err.msg);
	rc = validate("Ada", TODAY - 10, 1, TODAY - 10 + 141, &err);
	ck_assert_msg(rc == TDL_EINPUT, "due 141 days after birth accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "20 weeks") != NULL, "due too late: message: %s", err.msg);
	rc = validate("Ada", TODAY - 10, 1, TODAY - 10 - 28, &err);
	ck_assert_msg(rc == TDL_OK, "due exactly 28 days before birth refused: %s", err.msg);
	rc = validate("Ada", TODAY - 10, 1, TODAY - 10 - 29, &err);
	ck_assert_msg(rc == TDL_EINPUT, "due 29 days before birth accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "4 weeks") != NULL, "due too early: message: %s", err.msg);
	rc = validate("Ada", TODAY - 10, 0, TODAY + 5000, &err);
	ck_assert_msg(rc == TDL_OK, "without has_due the due date must be ignored: %s", err.msg);
}
END_TEST

/* Birth dates more than 6 years ago are refused, unless an edit keeps the stored one. */
START_TEST(validate_born_limit)
{
	struct child was = { .born = D(2010, 1, 1) };
	struct tdl_err err;
	int rc;

	ck_assert_msg(child_born_min(TODAY) == D(2020, 11, 26), "earliest birth date on 2026-11-26");
	rc = validate("Ada", D(2020, 11, 26), 0, 0, &err);
	ck_assert_msg(rc == TDL_OK, "born exactly 6 years ago must be fine: %s", err.msg);
	rc = validate("Ada", D(2020, 11, 25), 0, 0, &err);
	ck_assert_msg(rc == TDL_EINPUT, "born 6 years and a day ago was accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "2020-11-25 is more than 6 years ago") && strstr(err.msg, "5 years") &&
		      strstr(err.msg, "2020-11-26"), "6-year message: %s", err.msg);
	rc = validate("Ada", D(2010, 5, 1), 1, D(2010, 6, 1), &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "6 years"), "born 2010 accepted or wrong message: %s",
		      err.msg);
	err_clear(&err);
	rc = child_validate_edit(&was, "Ada", D(2010, 1, 1), 0, 0, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "an edit keeping an old birth date must pass: %s", err.msg);
	rc = child_validate_edit(&was, "Ada", D(2010, 1, 2), 0, 0, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "6 years"), "a changed old birth date passed: %s", err.msg);
	rc = child_validate_edit(&was, "Ada", TODAY + 1, 0, 0, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "future"), "a future birth date passed an edit: %s",
		      err.msg);
	rc = child_validate_edit(NULL, "Ada", D(2010, 1, 1), 0, 0, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "without `was` the limit applies (rc %d)", rc);
}
END_TEST

/* A due date written as a date or as the weeks at birth; anything else names both forms. */
START_TEST(due_parse)
{
	static const char *const bad[] = { "", "45", "21", "32+7", "2026-02-30", "abc", "-32", "2026-10", NULL };
	day_t born = D(2026, 6, 1), due = 0;
	struct tdl_err err;

	ck_assert_msg(child_due_parse("2026-07-20", born, &due, "Due", &err) == TDL_OK && due == D(2026, 7, 20),
		      "a date: %s", err.msg);
	ck_assert_msg(child_due_parse("32+4", born, &due, "Due", &err) == TDL_OK && due == born + 52,
		      "32+4: %s", err.msg);
	ck_assert_msg(child_due_parse("40", born, &due, "Due", &err) == TDL_OK && due == born, "40: %s", err.msg);
	for (int i = 0; bad[i]; i++) {
		due = 777;
		ck_assert_msg(child_due_parse(bad[i], born, &due, "Due date or weeks", &err) == TDL_EINPUT,
			      "\"%s\" accepted", bad[i]);
		ck_assert_msg(strstr(err.msg, "Due date or weeks: ") && strstr(err.msg, "YYYY-MM-DD") &&
			      strstr(err.msg, "32+4"), "\"%s\": message: %s", bad[i], err.msg);
	}
	ck_assert_msg(child_due_parse(NULL, born, &due, "Due", &err) == TDL_EINPUT, "NULL accepted");
}
END_TEST

/* Months added and taken away land on the same day, or the month's last. */
START_TEST(add_months)
{
	static const struct { int y, m, d, months, ey, em, ed; } t[] = {
		{ 2024, 1, 31, 1, 2024, 2, 29 }, { 2025, 1, 31, 1, 2025, 2, 28 }, { 2026, 3, 31, -1, 2026, 2, 28 },
		{ 2030, 2, 28, -72, 2024, 2, 28 }, { 2024, 2, 29, 12, 2025, 2, 28 }, { 2026, 11, 26, -72, 2020, 11, 26 },
		{ 2026, 12, 15, 1, 2027, 1, 15 }, { 2027, 1, 15, -1, 2026, 12, 15 }, { 2026, 5, 31, 0, 2026, 5, 31 },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		day_t got = date_add_months(D(t[i].y, t[i].m, t[i].d), t[i].months);
		char g[11];

		date_format(got, g);
		ck_assert_msg(got == D(t[i].ey, t[i].em, t[i].ed), "%d-%02d-%02d %+d months: %s, expected %d-%02d-%02d",
			      t[i].y, t[i].m, t[i].d, t[i].months, g, t[i].ey, t[i].em, t[i].ed);
	}
}
END_TEST

START_TEST(validate_names)
{
	static const struct { const char *name; int ok; const char *what; } t[] = {
		{ "Ada", 1, "plain" },
		{ "Zoë Ørsted", 1, "accented UTF-8" },
		{ "小明", 1, "CJK" },
		{ "O'Brien \"Bob\"; DROP TABLE child;--", 1, "quotes and SQL" },
		{ "", 0, "empty" },
		{ "Ana\xff", 0, "invalid UTF-8" },
		{ "Ana\xc3", 0, "truncated UTF-8" },
		{ "\033[31mRed", 0, "ESC" },
		{ "Ana\nBob", 0, "newline" },
		{ "Ana\x7f", 0, "DEL" },
		{ "Ana\xc2\x85", 0, "C1 NEL" },
		{ "Ana\xe2\x80\xae" "evil", 0, "bidi override U+202E" },
	};
	struct tdl_err err;
	char name[500];
	int rc;

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		rc = validate(t[i].name, TODAY, 0, 0, &err);
		if (t[i].ok)
			ck_assert_msg(rc == TDL_OK, "name (%s) refused: %s", t[i].what, err.msg);
		else
			ck_assert_msg(rc == TDL_EINPUT && err.msg[0],
				      "name (%s) accepted or no message (rc %d)", t[i].what, rc);
	}
	memset(name, 'a', 200);
	name[200] = '\0';
	rc = validate(name, TODAY, 0, 0, &err);
	ck_assert_msg(rc == TDL_OK, "a 200-character name must be allowed: %s", err.msg);
	name[200] = 'a';
	name[201] = '\0';
	rc = validate(name, TODAY, 0, 0, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a 201-character name was accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "too long (201 characters): at most 200") != NULL,
		      "201-character name: message: %s", err.msg);
	for (int i = 0; i < 200; i++)
		memcpy(name + 2 * i, "\xc3\xa9", 2); /* é: 400 bytes, 200 characters */
	name[400] = '\0';
	rc = validate(name, TODAY, 0, 0, &err);
	ck_assert_msg(rc == TDL_OK, "a 200-character name of 400 bytes must be allowed: %s", err.msg);
	ck_assert_msg(validate(NULL, TODAY, 0, 0, &err) == TDL_EINPUT, "a NULL name was accepted");
}
END_TEST

/* ---- child_age_words ---------------------------------------------------- */

START_TEST(age_words)
{
	static const struct { int days, months; const char *expect; } t[] = {
		{ 0, 0, "0 days" },
		{ 1, 0, "1 day" },
		{ 13, 0, "13 days" },
		{ 14, 0, "2 weeks" },
		{ 15, 0, "2 weeks 1 day" },
		{ 72, 2, "10 weeks 2 days" },
		{ 111, 3, "15 weeks 6 days" },
		{ 112, 3, "3 months (16 weeks)" },
		{ 400, 13, "13 months (57 weeks)" },
		{ 731, 24, "2 years" },
		{ 762, 25, "2 years 1 month" },
		{ 1100, 36 + 2, "3 years 2 months" },
		{ -1, 0, "1 day before the due date" },
		{ -3, 0, "3 days before the due date" },
		{ -10, 0, "1 week 3 days before the due date" },
		{ -16, 0, "2 weeks 2 days before the due date" },
	};
	char out[64];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		child_age_words(t[i].days, t[i].months, out, sizeof out);
		ck_assert_msg(!strcmp(out, t[i].expect), "days %d months %d: got \"%s\", expected \"%s\"",
			      t[i].days, t[i].months, out, t[i].expect);
	}
	memset(out, 'Z', sizeof out);
	child_age_words(72, 2, out, 6);
	ck_assert_msg(strlen(out) == 5 && out[6] == 'Z',
		      "a 6-byte buffer must hold a 5-byte string and nothing past it: \"%s\"", out);
}
END_TEST

static Suite *date_suite(void)
{
	Suite *s = suite_create("date");

	TU_CASE(s, parse_valid);
	TU_CASE(s, parse_invalid);
	TU_CASE(s, ymd_round_trip);
	TU_CASE(s, days_in_month);
	TU_CASE(s, weekday);
	TU_CASE(s, months_between);
	TU_CASE(s, months_between_monotonic);
	TU_CASE(s, age_term_no_due);
	TU_CASE(s, age_ga_from_due);
	TU_CASE(s, age_37_weeks_not_corrected);
	TU_CASE(s, age_36_6_corrected);
	TU_CASE(s, age_corrected_shift);
	TU_CASE(s, age_before_due);
	TU_CASE(s, age_correction_stops);
	TU_CASE(s, week_capped);
	TU_CASE(s, due_from_ga);
	TU_CASE(s, validate_dates);
	TU_CASE(s, validate_born_limit);
	TU_CASE(s, due_parse);
	TU_CASE(s, add_months);
	TU_CASE(s, validate_names);
	TU_CASE(s, age_words);
	return s;
}

int main(void)
{
	return tu_run(date_suite());
}
