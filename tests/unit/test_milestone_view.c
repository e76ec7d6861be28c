/* Unit tests: the milestone view that `toddle milestone list` prints and the
 * milestone pane draws, read from a real SQLite file with the shipped library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/content.h"
#include "toddle/db.h"
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

static Suite *milestone_view_suite(void)
{
	Suite *s = suite_create("milestone_view");

	TU_CASE(s, checklist_age_and_steps);
	TU_CASE(s, up_to_next_checklist);
	TU_CASE(s, history_and_flags);
	return s;
}

int main(void)
{
	return tu_run(milestone_view_suite());
}
