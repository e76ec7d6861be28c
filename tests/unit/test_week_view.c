/* Unit tests: the week view that `toddle week` prints and the week pane draws,
 * read from a real SQLite file with the shipped library loaded. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/appointment.h"
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/program.h"
#include "toddle/week_view.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)  /* a Thursday */
#define LATER D(2030, 1, 1)    /* "today" for adding children and logs */
#define CU 24                  /* correct_until_months, the default setting */
#define TUMMY_ID "tummy-on-chest"
#define TUMMY_TEXT "Tummy time: %d of 30 minutes (WHO: at least 30 a day, spread out, while awake)"

/* ---- helpers -------------------------------------------------------------- */

/* The view of c on day (week -1: the child's own); fails the test on error. */
static void load(sqlite3 *db, const struct child *c, day_t day, int week, struct week_view *v,
		 const char *tc)
{
	struct tdl_err err = { "" };
	char d[11];
	int rc = week_view_load(db, c, day, week, CU, v, &err);

	date_format(day, d);
	ck_assert_msg(rc == TDL_OK, "%s: week_view_load(%s on %s, week %d) failed: rc %d: %s", tc,
		      c->name, d, week, rc, err.msg);
}

/* Log minutes of an activity for c on day. */
static void log_act(sqlite3 *db, const struct child *c, const char *id, day_t day, enum act_result r,
		    int minutes)
{
	struct tdl_err err = { "" };
	int rc = activity_log(db, c, &(struct activity_done){ .id = id, .day = day, .result = r, .minutes = minutes, .note = NULL }, LATER, &err);

	ck_assert_msg(rc == TDL_OK, "activity_log(%s, %d min) failed: %s", id, minutes, err.msg);
}

/* The tummy line of the view, in a static buffer. */
static const char *tummy_of(const struct week_view *v)
{
	static char line[WEEK_VIEW_LINE_MAX];

	week_view_tummy_line(v, line, sizeof line);
	return line;
}

/* ---- 1. age facts ----------------------------------------------------------- */

START_TEST(term_age)
{
	const char *tc = "term_age";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, LATER);
	struct week_view v;
	char line[WEEK_VIEW_LINE_MAX], want[WEEK_VIEW_LINE_MAX];

	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.own_week == 11 && v.week == 11, "%s: born 2026-09-10, on 2026-11-26: own week %d, "
		      "shown week %d, expected 11 and 11", tc, v.own_week, v.week);
	ck_assert_msg(!v.age.corrected && v.cage_words[0] == '\0',
		      "%s: a term child has a corrected age ('%s')", tc, v.cage_words);
	week_view_age_line(&v, line, sizeof line);
	ck_assert_msg(!strcmp(line, "Cy: 11 weeks"), "%s: age line '%s', expected 'Cy: 11 weeks'", tc, line);
	ck_assert_msg(v.has_note, "%s: the library has no note for week 11", tc);
	week_view_title_line(&v, line, sizeof line);
	snprintf(want, sizeof want, "Week 11: %s", v.note.title);
	ck_assert_msg(!strcmp(line, want), "%s: title line '%s', expected '%s'", tc, line, want);
	ck_assert_msg(week_view_corrected_line(&v, line, sizeof line) == 0 && line[0] == '\0',
		      "%s: a term child says '%s' about the corrected age", tc, line);
	week_view_free(&v);
	db_close(db);
}
END_TEST

START_TEST(preterm_age)
{
	const char *tc = "preterm_age";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Ada", D(2026, 7, 1), 1, D(2026, 8, 26), LATER); /* born at 32 weeks */
	struct week_view v;
	char line[WEEK_VIEW_LINE_MAX];
	const char *want = "Ada: 4 months (21 weeks); corrected age 13 weeks 1 day (born at 32 weeks)";

	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.age.corrected && v.age.ga_weeks == 32, "%s: corrected %d, born at %d weeks; "
		      "expected corrected at 32 weeks", tc, v.age.corrected, v.age.ga_weeks);
	week_view_age_line(&v, line, sizeof line);
	ck_assert_msg(!strcmp(line, want), "%s: age line '%s', expected '%s'", tc, line, want);
	ck_assert_msg(v.own_week == 13 && v.week == 13,
		      "%s: own week %d, shown %d; expected the corrected week 13", tc, v.own_week, v.week);
	ck_assert_msg(week_view_corrected_line(&v, line, sizeof line) > 0 && strstr(line, "corrected age"),
		      "%s: no sentence says the week follows the corrected age ('%s')", tc, line);
	week_view_free(&v);
	/* past correct_until_months the correction stops: 2029-01-01 is 30 months */
	load(db, &c, D(2029, 1, 1), -1, &v, tc);
	week_view_age_line(&v, line, sizeof line);
	ck_assert_msg(!v.age.corrected && !strstr(line, "corrected"),
		      "%s: at 30 months the age line still corrects: '%s'", tc, line);
	week_view_free(&v);
	db_close(db);
}
END_TEST

/* ---- 2. tummy time ------------------------------------------------------------ */

START_TEST(tummy_minutes)
{
	const char *tc = "tummy_minutes";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, LATER);
	struct week_view v;
	char want[200];

	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.tummy.applies && v.tummy.minutes == 0 && v.tummy.target == 30,
		      "%s: nothing logged: applies %d, minutes %d, target %d; expected 1, 0, 30", tc,
		      v.tummy.applies, v.tummy.minutes, v.tummy.target);
	snprintf(want, sizeof want, TUMMY_TEXT, 0);
	ck_assert_msg(!strcmp(tummy_of(&v), want), "%s: line '%s', expected '%s'", tc, tummy_of(&v), want);
	week_view_free(&v);
	log_act(db, &c, TUMMY_ID, TODAY, ACT_DONE, 10);
	log_act(db, &c, TUMMY_ID, TODAY, ACT_HARD, 5);
	log_act(db, &c, TUMMY_ID, TODAY, ACT_SKIPPED, 20);   /* skipped: not counted */
	log_act(db, &c, TUMMY_ID, TODAY - 1, ACT_DONE, 7);   /* yesterday: not counted */
	log_act(db, &c, "read-aloud", TODAY, ACT_DONE, 9);   /* not tummy time */
	load(db, &c, TODAY, -1, &v, tc);
	snprintf(want, sizeof want, TUMMY_TEXT, 15);
	ck_assert_msg(v.tummy.minutes == 15 && !strcmp(tummy_of(&v), want),
		      "%s: 10 done + 5 hard today: minutes %d, line '%s'; expected 15, '%s'", tc,
		      v.tummy.minutes, tummy_of(&v), want);
	week_view_free(&v);
	db_close(db);
}
END_TEST

START_TEST(tummy_until_mobile)
{
	const char *tc = "tummy_until_mobile";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 3, 1), 0, 0, LATER);
	struct child old = tu_add_child(db, "Old", D(2025, 11, 1), 0, 0, LATER);   /* 12 months on TODAY */
	struct tdl_err err = { "" };
	struct week_view v;

	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.tummy.applies && tummy_of(&v)[0], "%s: at 8 months, not crawling: no tummy line", tc);
	week_view_free(&v);
	ck_assert_msg(milestone_log(db, &c, &(struct milestone_seen){ .id = "who-crawling", .status = MS_EMERGING, .has_date = 0, .date = 0, .note = NULL }, LATER, &err) == TDL_OK,
		      "%s: milestone_log emerging: %s", tc, err.msg);
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.tummy.applies, "%s: crawling only emerging: the tummy line went away", tc);
	week_view_free(&v);
	ck_assert_msg(milestone_log(db, &c, &(struct milestone_seen){ .id = "who-crawling", .status = MS_ACHIEVED, .has_date = 0, .date = 0, .note = NULL }, LATER, &err) == TDL_OK,
		      "%s: milestone_log achieved: %s", tc, err.msg);
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(!v.tummy.applies && tummy_of(&v)[0] == '\0',
		      "%s: crawling achieved: the tummy line is still shown: '%s'", tc, tummy_of(&v));
	week_view_free(&v);
	load(db, &old, TODAY, -1, &v, tc);
	ck_assert_msg(!v.tummy.applies && tummy_of(&v)[0] == '\0',
		      "%s: at 12 months the tummy line is still shown: '%s'", tc, tummy_of(&v));
	week_view_free(&v);
	db_close(db);
}
END_TEST

/* ---- 3. activities, appointments and the program ------------------------------ */

/* The view's activities are the library's for the week, in the same order. */
static void expect_acts(sqlite3 *db, const struct week_view *v, int week, const char *tc)
{
	struct tdl_err err = { "" };
	struct activity *a;
	int n;

	ck_assert_msg(activity_for_week(db, week, &a, &n, &err) == TDL_OK, "%s: activity_for_week: %s", tc,
		      err.msg);
	ck_assert_msg(v->nacts == n && n >= 3, "%s: week %d: %d activities, the library has %d (3+ expected)",
		      tc, week, v->nacts, n);
	for (int i = 0; i < n; i++) {
		ck_assert_msg(!strcmp(v->acts[i].id, a[i].id), "%s: week %d: activity %d is %s, expected %s", tc,
			      week, i, v->acts[i].id, a[i].id);
		ck_assert_msg(v->acts[i].week_from <= week && v->acts[i].week_to >= week,
			      "%s: %s (weeks %d-%d) is not for week %d", tc, a[i].id, v->acts[i].week_from,
			      v->acts[i].week_to, week);
	}
	activity_free_all(a, n);
}

START_TEST(week_activities)
{
	const char *tc = "week_activities";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, LATER);
	struct week_view v;
	char line[WEEK_VIEW_LINE_MAX], want[WEEK_VIEW_LINE_MAX];

	load(db, &c, TODAY, -1, &v, tc);
	expect_acts(db, &v, 11, tc);
	week_view_activity_line(&v, 0, line, sizeof line);
	snprintf(want, sizeof want, "%s  (%s, %d min)", v.acts[0].title, v.acts[0].domain, v.acts[0].minutes);
	ck_assert_msg(!strcmp(line, want), "%s: activity line '%s', expected '%s'", tc, line, want);
	week_view_free(&v);
	load(db, &c, TODAY, 30, &v, tc);
	ck_assert_msg(v.week == 30 && v.own_week == 11, "%s: asked for week 30: shown %d, own %d", tc, v.week,
		      v.own_week);
	expect_acts(db, &v, 30, tc);
	week_view_free(&v);
	load(db, &c, TODAY, WEEK_MAX + 1, &v, tc);
	ck_assert_msg(v.week == 11, "%s: week %d is out of range: shown %d, expected the own week 11", tc,
		      WEEK_MAX + 1, v.week);
	week_view_free(&v);
	db_close(db);
}
END_TEST

START_TEST(appointments_program)
{
	const char *tc = "appointments_program";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, LATER);
	struct tdl_err err = { "" };
	struct appointment a = { .minutes = 30 };
	struct week_view v;
	char line[WEEK_VIEW_LINE_MAX];
	const char *when[] = { "Today 09:30: Physio, Clinic", "Tomorrow 14:00: Check-up" };
	day_t days[] = { TODAY, TODAY + 1, TODAY + 2 };
	int times[] = { 570, 840, 600 };

	for (int i = 0; i < 3; i++) {
		a.day = days[i];
		a.time = times[i];
		a.title = i == 0 ? "Physio" : "Check-up";
		a.place = i == 0 ? "Clinic" : "";
		a.with_whom = "";
		ck_assert_msg(appointment_add(db, &c, &a, &err) == TDL_OK, "%s: appointment_add: %s", tc, err.msg);
	}
	ck_assert_msg(program_add(db, &c, &(struct program_plan){ .activity_id = TUMMY_ID, .times = 2, .per_week = 0, .start = D(2026, 11, 23), .has_stop = 0, .stop = 0 }, NULL, &err) == TDL_OK,
		      "%s: program_add: %s", tc, err.msg);
	log_act(db, &c, TUMMY_ID, TODAY, ACT_DONE, 5);
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(v.nappts == 2, "%s: %d appointments, expected today's and tomorrow's (2)", tc, v.nappts);
	for (int i = 0; i < v.nappts; i++) {
		week_view_appointment_line(&v, i, line, sizeof line);
		ck_assert_msg(!strcmp(line, when[i]), "%s: appointment %d: '%s', expected '%s'", tc, i, line, when[i]);
	}
	ck_assert_msg(v.nprog == 1, "%s: %d program entries, expected 1", tc, v.nprog);
	week_view_program_line(&v, 0, line, sizeof line);
	ck_assert_msg(strstr(line, ": 2 a day, this week 1 of 14"),
		      "%s: program line '%s', expected '...: 2 a day, this week 1 of 14'", tc, line);
	week_view_free(&v);
	ck_assert_msg(v.acts == NULL && v.nacts == 0 && v.appts == NULL && v.prog == NULL,
		      "%s: week_view_free left lists behind", tc);
	week_view_free(&v);   /* twice is harmless */
	db_close(db);
}
END_TEST

static Suite *week_view_suite(void)
{
	Suite *s = suite_create("week_view");

	TU_CASE(s, term_age);
	TU_CASE(s, preterm_age);
	TU_CASE(s, tummy_minutes);
	TU_CASE(s, tummy_until_mobile);
	TU_CASE(s, week_activities);
	TU_CASE(s, appointments_program);
	return s;
}

int main(void)
{
	return tu_run(week_view_suite());
}
