/* Unit tests: "Not answered yet", the items of passed checklist ages with no
 * record in force, read from a real SQLite file with the shipped library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/catchup.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define LATER D(2030, 1, 1)
#define CU 24
#define ITEMS_2M 11   /* the shipped 2-month checklist */
#define ITEMS_4M 13

/* The passed ages of c on day; fails the test on error. */
static struct catchup_age *ages_on(sqlite3 *db, const struct child *c, day_t day, int cu, int *n)
{
	struct catchup_age *a;
	struct tdl_err err = { "" };

	ck_assert_msg(catchup_ages(db, c, day, cu, &a, n, &err) == TDL_OK, "catchup_ages: %s", err.msg);
	return a;
}

/* The passed ages of c on day as "2:11/11 4:13/13" (age:unanswered/total). */
static const char *ages_text(sqlite3 *db, const struct child *c, day_t day, int cu)
{
	static char out[300];
	int n;
	struct catchup_age *a = ages_on(db, c, day, cu, &n);

	out[0] = '\0';
	for (int i = 0; i < n; i++)
		snprintf(out + strlen(out), sizeof out - strlen(out), "%s%d:%d/%d", i ? " " : "", a[i].age_months,
			 a[i].unanswered, a[i].total);
	free(a);
	return out;
}

/* Whether item id is in c's unanswered list on day. */
static int unanswered(sqlite3 *db, const struct child *c, day_t day, const char *id)
{
	struct catchup_item *it;
	struct tdl_err err = { "" };
	int n, found = 0;

	ck_assert_msg(catchup_items(db, c, day, CU, &it, &n, &err) == TDL_OK, "catchup_items: %s", err.msg);
	for (int i = 0; i < n; i++)
		found |= !strcmp(it[i].id, id);
	catchup_items_free(it, n);
	return found;
}

/* Insert a milestone_log row straight into the file, as another toddle
 * (or a correction) would; returns its id. */
static long long raw_log(sqlite3 *db, const struct child *c, const char *id, const char *status,
			 long long corrects, int removed)
{
	sqlite3_stmt *st;
	static int k;
	char uuid[40];

	snprintf(uuid, sizeof uuid, "raw-%d", ++k);
	ck_assert(sqlite3_prepare_v2(db, "INSERT INTO milestone_log(uuid, child_id, milestone_id, status,"
		  " observed, created_at, created_by, corrects, removed) VALUES(?,?,?,?,'2026-10-01',"
		  " '2026-10-01T10:00:00Z', 'tester', ?, ?)", -1, &st, NULL) == SQLITE_OK);
	sqlite3_bind_text(st, 1, uuid, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, c->id);
	sqlite3_bind_text(st, 3, id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 4, status, -1, SQLITE_STATIC);
	if (corrects)
		sqlite3_bind_int64(st, 5, corrects);
	else
		sqlite3_bind_null(st, 5);
	sqlite3_bind_int(st, 6, removed);
	ck_assert_msg(sqlite3_step(st) == SQLITE_DONE, "insert %s: %s", id, sqlite3_errmsg(db));
	sqlite3_finalize(st);
	return sqlite3_last_insert_rowid(db);
}

/* A checklist age counts once the child has more completed months than it:
 * at 2 months nothing, at 3 the 2-month list, at exactly 4 still only it. */
START_TEST(passed_age_boundaries)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Mia", D(2026, 7, 26), 0, 0, LATER);

	ck_assert_str_eq(ages_text(db, &c, D(2026, 10, 25), CU), "");
	ck_assert_str_eq(ages_text(db, &c, D(2026, 10, 26), CU), "2:11/11");
	ck_assert_str_eq(ages_text(db, &c, D(2026, 11, 26), CU), "2:11/11");
	ck_assert_str_eq(ages_text(db, &c, D(2026, 12, 25), CU), "2:11/11");
	ck_assert_str_eq(ages_text(db, &c, D(2026, 12, 26), CU), "2:11/11 4:13/13");
	db_close(db);
}
END_TEST

/* Born nine weeks early: the corrected age decides, until the settings' age. */
START_TEST(passed_age_by_corrected_age)
{
	sqlite3 *db = tu_open_library();
	/* 31+2 weeks at birth: corrected age runs from 2026-07-03 */
	struct child c = tu_add_child(db, "Leo", D(2026, 5, 1), 1, D(2026, 7, 1), LATER);

	ck_assert_str_eq(ages_text(db, &c, D(2026, 10, 2), CU), "");
	ck_assert_str_eq(ages_text(db, &c, D(2026, 10, 3), CU), "2:11/11");
	/* with correction only until 3 months, the 5-month-old is judged by birth */
	ck_assert_str_eq(ages_text(db, &c, D(2026, 10, 3), 3), "2:11/11 4:13/13");
	db_close(db);
}
END_TEST

/* Any record in force answers an item (achieved, emerging or not yet);
 * another child's records do not. */
START_TEST(answered_items_leave)
{
	sqlite3 *db = tu_open_library();
	day_t today = D(2026, 12, 26);
	struct child c = tu_add_child(db, "Mia", D(2026, 7, 26), 0, 0, LATER);
	struct child other = tu_add_child(db, "Ann", D(2026, 7, 26), 0, 0, LATER);
	struct tdl_err err = { "" };

	ck_assert(unanswered(db, &c, today, "cdc-2m-se-smiles-back"));
	ck_assert(milestone_log(db, &c, &(struct milestone_seen){ .id = "cdc-2m-se-smiles-back",
		  .status = MS_ACHIEVED }, today, &err) == TDL_OK);
	ck_assert(milestone_log(db, &c, &(struct milestone_seen){ .id = "cdc-2m-se-calms",
		  .status = MS_NOT_YET, .has_date = 1, .date = today }, today, &err) == TDL_OK);
	ck_assert(milestone_log(db, &c, &(struct milestone_seen){ .id = "cdc-4m-se-smiles-for-attention",
		  .status = MS_EMERGING, .has_date = 1, .date = today }, today, &err) == TDL_OK);
	ck_assert(!unanswered(db, &c, today, "cdc-2m-se-smiles-back"));
	ck_assert(!unanswered(db, &c, today, "cdc-2m-se-calms"));
	ck_assert(!unanswered(db, &c, today, "cdc-4m-se-smiles-for-attention"));
	ck_assert(unanswered(db, &other, today, "cdc-2m-se-smiles-back"));
	ck_assert_str_eq(ages_text(db, &other, today, CU), "2:11/11 4:13/13");
	{
		int n, u, t;
		struct catchup_age *a = ages_on(db, &c, today, CU, &n);

		catchup_totals(a, n, &u, &t);
		ck_assert_msg(u == ITEMS_2M + ITEMS_4M - 3 && t == ITEMS_2M + ITEMS_4M,
			      "after three answers: %d of %d unanswered", u, t);
		free(a);
	}
	db_close(db);
}
END_TEST

/* A corrected entry still answers the item (the correction is in force); a
 * removed one leaves it unanswered again, until the item is logged anew. */
START_TEST(corrected_and_removed_entries)
{
	sqlite3 *db = tu_open_library();
	day_t today = D(2026, 11, 26);
	struct child c = tu_add_child(db, "Mia", D(2026, 7, 26), 0, 0, LATER);
	long long a, b;

	a = raw_log(db, &c, "cdc-2m-se-calms", "achieved", 0, 0);
	raw_log(db, &c, "cdc-2m-se-calms", "not-yet", a, 0);
	ck_assert_msg(!unanswered(db, &c, today, "cdc-2m-se-calms"), "a corrected entry answers the item");
	b = raw_log(db, &c, "cdc-2m-se-smiles-back", "achieved", 0, 0);
	ck_assert(!unanswered(db, &c, today, "cdc-2m-se-smiles-back"));
	raw_log(db, &c, "cdc-2m-se-smiles-back", "achieved", b, 1);
	ck_assert_msg(unanswered(db, &c, today, "cdc-2m-se-smiles-back"), "a removed entry answers nothing");
	/* removed, then logged again: answered */
	raw_log(db, &c, "cdc-2m-se-smiles-back", "emerging", 0, 0);
	ck_assert(!unanswered(db, &c, today, "cdc-2m-se-smiles-back"));
	ck_assert_str_eq(ages_text(db, &c, today, CU), "2:9/11");
	db_close(db);
}
END_TEST

/* A record of a WHO window answers the CDC item of the same criterion
 * (who_window.same_as): logging "sits without support" on the chart is an answer. */
START_TEST(who_window_answers_its_twin)
{
	sqlite3 *db = tu_open_library();
	day_t today = D(2027, 5, 26); /* 10 months: the 9-month checklist has passed */
	struct child c = tu_add_child(db, "Mia", D(2026, 7, 26), 0, 0, LATER);
	char twin[100] = "";
	sqlite3_stmt *st;

	ck_assert(sqlite3_prepare_v2(db, "SELECT same_as FROM who_window WHERE id = 'who-sitting'", -1, &st,
		  NULL) == SQLITE_OK);
	ck_assert(sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0));
	snprintf(twin, sizeof twin, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	ck_assert_msg(unanswered(db, &c, today, twin), "%s is unanswered before the window is logged", twin);
	raw_log(db, &c, "who-sitting", "achieved", 0, 0);
	ck_assert_msg(!unanswered(db, &c, today, twin), "logging who-sitting answers %s", twin);
	db_close(db);
}
END_TEST

/* The items come oldest checklist first, and the invitation is worded calmly. */
START_TEST(items_order_and_line)
{
	sqlite3 *db = tu_open_library();
	day_t today = D(2028, 3, 26); /* 20 months */
	struct child c = tu_add_child(db, "Mia", D(2026, 7, 26), 0, 0, LATER);
	struct catchup_item *it;
	struct catchup_age *a;
	struct tdl_err err = { "" };
	char line[200];
	int n, na, u;

	ck_assert(catchup_items(db, &c, today, CU, &it, &n, &err) == TDL_OK);
	a = ages_on(db, &c, today, CU, &na);
	catchup_totals(a, na, &u, NULL);
	ck_assert_msg(na == 7 && a[0].age_months == 2 && a[6].age_months == 18, "%d ages", na);
	ck_assert_msg(n == u && n > 80, "%d items, %d counted", n, u);
	for (int i = 1; i < n; i++)
		ck_assert_msg(it[i - 1].age_months <= it[i].age_months, "item %d out of order", i);
	ck_assert_msg(it[0].text[0] && it[0].domain[0], "items carry text and domain");
	catchup_items_free(it, n);
	catchup_line(a, na, line, sizeof line);
	snprintf(line + 100, 50, "Not answered yet: 7 checklists (%d items)", u);
	ck_assert_str_eq(line, line + 100);
	ck_assert_msg(strlen(line) <= 50, "the line fits: %s", line);
	free(a);
	{
		struct catchup_age one[] = { { 2, 0, 11 }, { 4, 9, 13 } }, none[] = { { 2, 0, 11 } },
				   single[] = { { 9, 1, 13 } };

		catchup_line(one, 2, line, sizeof line);
		ck_assert_str_eq(line, "Not answered yet: the 4-month checklist (9 items)");
		catchup_line(single, 1, line, sizeof line);
		ck_assert_str_eq(line, "Not answered yet: the 9-month checklist (1 item)");
		ck_assert_int_eq(catchup_line(none, 1, line, sizeof line), 0);
		ck_assert_str_eq(line, "");
		ck_assert_int_eq(catchup_line(NULL, 0, line, sizeof line), 0);
	}
	db_close(db);
}
END_TEST

static Suite *catchup_suite(void)
{
	Suite *s = suite_create("catchup");

	TU_CASE(s, passed_age_boundaries);
	TU_CASE(s, passed_age_by_corrected_age);
	TU_CASE(s, answered_items_leave);
	TU_CASE(s, corrected_and_removed_entries);
	TU_CASE(s, items_order_and_line);
	TU_CASE(s, who_window_answers_its_twin);
	return s;
}

int main(void)
{
	return tu_run(catchup_suite());
}
