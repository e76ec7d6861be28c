/* Unit tests: the milestone view that `toddle milestone list` prints and the
 * milestone pane draws, read from a real SQLite file with the shipped library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/milestone_view.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)
#define LATER D(2030, 1, 1)
#define CU 24

/* The view of c today; fails the test on error. */
static void load(sqlite3 *db, const struct child *c, int check_age, int up_to, struct milestone_view *v)
{
	const struct milestone_view_ask ask = { check_age, up_to, CU };
	struct tdl_err err = { "" };

	ck_assert_msg(milestone_view_load(db, c, TODAY, &ask, v, &err) == TDL_OK, "load: %s", err.msg);
}

/* A 5-month-old is shown the 4-month checklist; [ and ] step through the library's ages. */
START_TEST(checklist_age_and_steps)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Mia", TODAY - 160, 0, 0, LATER);
	struct milestone_view v;

	load(db, &c, 0, 0, &v);
	ck_assert_msg(v.own_age == 5 && v.check_age == 4, "own %d, shown %d (want 5 and 4)", v.own_age, v.check_age);
	ck_assert_msg(v.nitems > 0, "the 4-month checklist has items");
	for (int i = 0; i < v.nitems; i++)
		ck_assert_msg(v.items[i].age_months == 4, "item %s is for %d months", v.items[i].id, v.items[i].age_months);
	ck_assert_int_eq(milestone_view_step(&v, -1), 2);
	ck_assert_int_eq(milestone_view_step(&v, 1), 6);
	ck_assert_msg(v.nwindows == 6, "six WHO windows, got %d", v.nwindows);
	milestone_view_free(&v);
	ck_assert_msg(v.items == NULL && v.nitems == 0, "free leaves the view empty");
	db_close(db);
}
END_TEST

/* up_to lists every item through the checklist the child is working towards. */
START_TEST(up_to_next_checklist)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Mia", TODAY - 160, 0, 0, LATER);
	struct milestone_view v;
	int max = 0;

	load(db, &c, 0, 1, &v);
	for (int i = 0; i < v.nitems; i++)
		if (v.items[i].age_months > max)
			max = v.items[i].age_months;
	ck_assert_msg(v.check_age == 6 && max == 6 && v.items[0].age_months == 2,
		      "up_to: shown %d, items from %d to %d (want 2..6)", v.check_age, v.items[0].age_months, max);
	milestone_view_free(&v);
	db_close(db);
}
END_TEST

/* Every record is in the history, and a lost skill is worded once, calmly. */
START_TEST(history_and_flags)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Mia", TODAY - 160, 0, 0, LATER);
	struct milestone_view v;
	struct tdl_err err = { "" };
	char line[600];
	int lost = -1;

	ck_assert(milestone_log(db, &c, &(struct milestone_seen){ .id = "cdc-2m-se-smiles-back",
		.status = MS_ACHIEVED, .has_date = 1, .date = TODAY - 30, .note = "at bath" }, TODAY, &err) == 0);
	ck_assert(milestone_log(db, &c, &(struct milestone_seen){ .id = "cdc-2m-se-smiles-back",
		.status = MS_NOT_YET, .has_date = 1, .date = TODAY }, TODAY, &err) == 0);
	load(db, &c, 0, 0, &v);
	ck_assert_msg(v.nhistory == 2, "two records in the history, got %d", v.nhistory);
	milestone_view_history_line(&v.history[0], line, sizeof line);
	ck_assert_msg(strstr(line, "achieved, by ") && strstr(line, ": at bath"), "history line: %s", line);
	for (int i = 0; i < v.nflags; i++)
		if (v.flags[i].kind == FLAG_LOST)
			lost = i;
	ck_assert_msg(lost >= 0, "the lost skill is worth talking about");
	milestone_view_flag_line(&v.flags[lost], line, sizeof line);
	ck_assert_msg(!strncmp(line, "Seen before, not now: ", 22), "flag line: %s", line);
	ck_assert_str_eq(milestone_view_flag_kind(FLAG_LOST), "lost-skill");
	milestone_view_now_line(&v, line, sizeof line);
	ck_assert_msg(strstr(line, "Mia now: ") && strstr(line, "months"), "now line: %s", line);
	milestone_view_free(&v);
	db_close(db);
}
END_TEST

/* The number from one SQL query (a count). */
static int count_of(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int n = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return n;
}

/* milestone_names reads the texts of the ids named (whole ids only, items and
 * WHO windows), or of every one; milestone_name_find looks one up. */
START_TEST(names_by_id)
{
	sqlite3 *db = tu_open_library();
	struct milestone_name *m = NULL;
	struct tdl_err err = { "" };
	char ms[80], who[80], ids[300], text[300];
	int n = -1;
	sqlite3_stmt *st = NULL;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT (SELECT id FROM milestone ORDER BY id LIMIT 1),"
					    " (SELECT id FROM who_window ORDER BY id LIMIT 1)", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	snprintf(ms, sizeof ms, "%s", (const char *)sqlite3_column_text(st, 0));
	snprintf(who, sizeof who, "%s", (const char *)sqlite3_column_text(st, 1));
	sqlite3_finalize(st);
	/* a piece of an id, an unknown id, commas and spaces as an activity's builds has them */
	snprintf(ids, sizeof ids, "%.3s, %s,no-such-item  %s", ms, ms, who);
	ck_assert_msg(milestone_names(db, ids, &m, &n, &err) == TDL_OK, "milestone_names: %s", err.msg);
	ck_assert_msg(n == 2, "'%s' names 2 whole ids, read %d", ids, n);
	ck_assert_int_eq(milestone_text(db, ms, text, sizeof text), 0);
	ck_assert_str_eq(milestone_name_find(m, n, ms, strlen(ms)), text);
	ck_assert_int_eq(milestone_text(db, who, text, sizeof text), 0);
	ck_assert_str_eq(milestone_name_find(m, n, who, strlen(who)), text);
	ck_assert_msg(milestone_name_find(m, n, ms, 3) == NULL, "a piece of an id finds nothing");
	ck_assert_msg(milestone_name_find(m, n, "no-such-item", 12) == NULL, "an unknown id finds nothing");
	milestone_names_free(m, n);
	ck_assert_msg(milestone_names(db, NULL, &m, &n, &err) == TDL_OK, "milestone_names(NULL): %s", err.msg);
	ck_assert_int_eq(n, count_of(db, "SELECT (SELECT count(*) FROM milestone) + (SELECT count(*) FROM who_window)"));
	milestone_names_free(m, n);
	db_close(db);
}
END_TEST

static Suite *milestone_view_suite(void)
{
	Suite *s = suite_create("milestone_view");

	TU_CASE(s, checklist_age_and_steps);
	TU_CASE(s, up_to_next_checklist);
	TU_CASE(s, history_and_flags);
	TU_CASE(s, names_by_id);
	return s;
}

int main(void)
{
	return tu_run(milestone_view_suite());
}
