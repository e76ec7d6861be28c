/* Unit tests: records therapists can trust with several people on one database.
 * Every correction names the version it started from (a stale one is refused
 * naming who changed it), a correction that changes nothing writes nothing, a
 * write for a deleted child is refused naming who deleted it, logs and notes
 * cannot be dated in the future, and drafts belong to one child. Every test
 * uses a real SQLite file; "someone else" is a second connection to it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/audit.h"
#include "toddle/caseload.h"
#include "toddle/child.h"
#include "toddle/class.h"
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/goal.h"
#include "toddle/milestone.h"
#include "toddle/note.h"
#include "toddle/program.h"
#include "util.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)
#define BORN D(2026, 9, 1)
#define MS_ID "cdc-2m-se-calms"
#define ACT_ID "tummy-on-chest"
#define CLASS_ID "tummy-time-day-one"

/* ---- helpers -------------------------------------------------------------- */

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

static long long query_ll(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	long long v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A fingerprint of every row that people write (and the audit), to prove a refusal wrote nothing. */
static long long rows_sum(sqlite3 *db)
{
	static const char *const sql =
		"SELECT CAST((SELECT count(*) FROM child) * 1 + (SELECT count(*) FROM session_note) * 10"
		" + (SELECT count(*) FROM audit) * 100 + (SELECT total(version) FROM activity_log) * 1000"
		" + (SELECT total(version) FROM goal) * 10000 + (SELECT total(version) FROM program) * 100000"
		" + (SELECT total(version) FROM appointment) * 1000000 + (SELECT count(*) FROM draft) * 10000000"
		" + (SELECT count(*) FROM milestone_log) * 100000000 + (SELECT count(*) FROM class_log) * 1000000000 AS INTEGER)";

	return query_ll(db, sql);
}

/* The shipped library in a new database; *other is a second connection (another person). */
static sqlite3 *open_two(sqlite3 **other)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int reloaded = -1, rc;

	tu_path(path, sizeof path, "toddle.db");
	rc = db_open(path, DB_CREATE, &db, &err);
	ck_assert_msg(rc == TDL_OK, "db_open(%s): %s", path, err.msg);
	rc = content_sync(db, TOP_SRCDIR "/content", &reloaded, &err);
	ck_assert_msg(rc == TDL_OK, "content_sync: %s", err.msg);
	rc = db_open(path, DB_OPEN_ONLY, other, &err);
	ck_assert_msg(rc == TDL_OK, "second db_open(%s): %s", path, err.msg);
	return db;
}

static struct child add_child(sqlite3 *db, const char *name)
{
	struct child c;
	struct tdl_err err = { "" };
	int rc = child_add(db, name, BORN, 0, 0, TODAY, &c, &err);

	ck_assert_msg(rc == TDL_OK, "child_add(%s): %s", name, err.msg);
	return c;
}

/* A note with fixed fields and the given assessment. */
static struct session_note note_of(const char *assessment)
{
	struct session_note n;

	memset(&n, 0, sizeof n);
	n.day = TODAY - 1;
	n.minutes = 45;
	n.discipline = "pt";
	n.subjective = "Mum says rolling";
	n.objective = "Rolled both ways";
	n.assessment = (char *)assessment;
	n.plan = "Keep floor time";
	return n;
}

/* A refusal: TDL_EINPUT, a message holding `want`, no transaction left open, nothing written. */
static void expect_refused(sqlite3 *db, int rc, const struct tdl_err *err, long long before, const char *want,
			   const char *what)
{
	ck_assert_msg(rc == TDL_EINPUT, "%s: rc %d, expected TDL_EINPUT (%s)", what, rc, err->msg);
	ck_assert_msg(strstr(err->msg, want) != NULL, "%s: message '%s' does not say '%s'", what, err->msg, want);
	ck_assert_msg(sqlite3_get_autocommit(db), "%s: a transaction is still open", what);
	ck_assert_msg(rows_sum(db) == before, "%s: something was written (%lld, before %lld)", what, rows_sum(db),
		      before);
}

/* ---- notes ------------------------------------------------------------------ */

START_TEST(note_stale_correction_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct session_note v1 = note_of("On track"), mine, theirs;
	char who[80];
	long long before;
	int changed = -1, rc;

	ck_assert_int_eq(note_add(db, &c, 0, &v1, TODAY, &changed, &err), TDL_OK);
	ck_assert_msg(v1.version == 1 && changed == 1, "first note: version %d changed %d", v1.version, changed);
	/* both open version 1; the other person saves first */
	theirs = note_of("Ahead of what we hoped");
	rc = note_add(bob, &c, v1.id, &theirs, TODAY, &changed, &err);
	ck_assert_msg(rc == TDL_OK && theirs.version == 2, "the other correction: rc %d version %d (%s)", rc,
		      theirs.version, err.msg);
	mine = note_of("Behind on tummy time");
	before = rows_sum(db);
	rc = note_add(db, &c, v1.id, &mine, TODAY, &changed, &err);
	snprintf(who, sizeof who, "corrected meanwhile by %s at ", db_user());
	expect_refused(db, rc, &err, before, who, "a correction of version 1 after version 2");
	ck_assert_msg(strstr(err.msg, "(version 2)") && err_is_conflict(&err),
		      "the refusal should name version 2 and be a conflict: %s", err.msg);
	ck_assert_msg(changed == 0, "a refused correction reports changed=%d", changed);
	/* correcting the newest version works */
	rc = note_add(db, &c, theirs.id, &mine, TODAY, &changed, &err);
	ck_assert_msg(rc == TDL_OK && mine.version == 3 && changed == 1, "correcting version 2: rc %d version %d (%s)",
		      rc, mine.version, err.msg);
	db_close(bob);
	db_close(db);
}
END_TEST

START_TEST(note_identical_correction_writes_nothing)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct session_note v1 = note_of("On track"), same = note_of("On track");
	long long before;
	int changed = -1, rc;

	ck_assert_int_eq(note_add(db, &c, 0, &v1, TODAY, &changed, &err), TDL_OK);
	before = rows_sum(db);
	same.discipline = ""; /* not naming one keeps the corrected one's */
	rc = note_add(db, &c, v1.id, &same, TODAY, &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 0, "an identical correction: rc %d changed %d (%s)", rc, changed,
		      err.msg);
	ck_assert_msg(same.id == v1.id && same.version == 1, "it should name version 1 (row %lld), got row %lld v%d",
		      v1.id, same.id, same.version);
	ck_assert_msg(rows_sum(db) == before, "an identical correction wrote something");
	ck_assert_msg(query_int(db, "SELECT count(*) FROM audit WHERE action = 'note corrected'") == 0,
		      "an identical correction left an audit row");
	ck_assert_msg(sqlite3_get_autocommit(db), "a transaction is still open");
	db_close(bob);
	db_close(db);
}
END_TEST

START_TEST(note_for_deleted_child_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *admin, *db = open_two(&admin);
	struct child mia = add_child(db, "Mia");
	struct child leo = add_child(db, "Leo");
	struct session_note n = note_of("On track");
	char want[120];
	long long before;
	int changed = -1, rc;

	rc = child_delete(admin, &mia, 1, &err);
	ck_assert_msg(rc == TDL_OK, "child_delete: %s", err.msg);
	before = rows_sum(db);
	rc = note_add(db, &mia, 0, &n, TODAY, &changed, &err);
	snprintf(want, sizeof want, "Mia was removed by %s at ", db_user());
	expect_refused(db, rc, &err, before, want, "a note for a deleted child");
	ck_assert_msg(strstr(err.msg, "UTC") && err_is_conflict(&err), "the refusal should say when: %s", err.msg);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM session_note") == 0, "a note reached another child");
	/* the other writes that are about a child say the same */
	rc = milestone_log(db, &mia, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = TODAY, .note = NULL }, TODAY, &err);
	expect_refused(db, rc, &err, before, want, "a milestone for a deleted child");
	rc = activity_log(db, &mia, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err);
	expect_refused(db, rc, &err, before, want, "an activity for a deleted child");
	rc = goal_add(db, &mia, "Rolls over", 0, 0, NULL, &err);
	expect_refused(db, rc, &err, before, want, "a goal for a deleted child");
	rc = note_add(db, &leo, 0, &n, TODAY, &changed, &err);
	ck_assert_msg(rc == TDL_OK, "a note for the child still there: %s", err.msg);
	db_close(admin);
	db_close(db);
}
END_TEST

/* ---- activity entries, goals, programs, appointments, children -------------- */

START_TEST(activity_entry_stale_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct activity_entry e;
	long long before;
	int changed = -1, rc;

	ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = 5, .note = "ok" }, TODAY, &err), TDL_OK);
	ck_assert_int_eq(activity_entry_get(db, 1, &e, &err), TDL_OK);
	ck_assert_msg(e.version == 1, "a new entry is version %d", e.version);
	activity_entry_clear(&e);
	rc = activity_entry_update(bob, 1, 1, ACT_HARD, 10, "fussy", &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 1, "the other correction: rc %d (%s)", rc, err.msg);
	ck_assert_msg(query_int(db, "SELECT version FROM activity_log WHERE id = 1") == 2, "a correction did not "
		      "raise the version");
	before = rows_sum(db);
	rc = activity_entry_update(db, 1, 1, ACT_SKIPPED, 0, NULL, &changed, &err);
	expect_refused(db, rc, &err, before, "corrected meanwhile by", "a stale entry correction");
	ck_assert_msg(strstr(err.msg, "(version 2)"), "the refusal should name version 2: %s", err.msg);
	rc = activity_entry_delete(db, 1, 1, &err);
	expect_refused(db, rc, &err, before, "corrected meanwhile by", "a stale entry removal");
	/* the same text again writes nothing */
	rc = activity_entry_update(db, 1, 2, ACT_HARD, 10, "fussy", &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 0 && rows_sum(db) == before,
		      "an identical correction: rc %d changed %d, written %d", rc, changed, rows_sum(db) != before);
	ck_assert_int_eq(activity_entry_delete(bob, 1, 2, &err), TDL_OK);
	rc = activity_entry_update(db, 1, 2, ACT_DONE, 1, NULL, &changed, &err);
	expect_refused(db, rc, &err, rows_sum(db), "removed by", "a correction of a removed entry");
	db_close(bob);
	db_close(db);
}
END_TEST

START_TEST(goal_stale_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct goal *g;
	long long id, before;
	int n, changed = -1, rc;

	ck_assert_int_eq(goal_add(db, &c, "Rolls both ways", 1, TODAY + 60, &id, &err), TDL_OK);
	ck_assert_int_eq(goal_list(db, &c, &g, &n, &err), TDL_OK);
	ck_assert_msg(n == 1 && g[0].version == 1, "goal_list: %d goals, version %d", n, n ? g[0].version : -1);
	goal_free(g, n);
	ck_assert_int_eq(goal_set(bob, id, 1, "met", &changed, &err), TDL_OK);
	before = rows_sum(db);
	rc = goal_set(db, id, 1, "dropped", &changed, &err);
	expect_refused(db, rc, &err, before, "changed meanwhile by", "a stale goal status");
	ck_assert_msg(strstr(err.msg, "(version 2)") && strstr(err.msg, db_user()), "who and which version: %s",
		      err.msg);
	rc = goal_set(db, id, 2, "met", &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 0 && rows_sum(db) == before,
		      "setting the status it has: rc %d changed %d", rc, changed);
	db_close(bob);
	db_close(db);
}
END_TEST

START_TEST(program_end_twice_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct program *p;
	long long id, before;
	int n, rc;

	ck_assert_int_eq(program_add(db, &c, &(struct program_plan){ .activity_id = ACT_ID, .times = 2, .per_week = 0, .start = TODAY - 7, .has_stop = 0, .stop = 0 }, &id, &err), TDL_OK);
	ck_assert_int_eq(program_list(db, &c, program_monday(TODAY), 1, &p, &n, &err), TDL_OK);
	ck_assert_msg(n == 1 && p[0].version == 1, "program_list: %d entries, version %d", n, n ? p[0].version : -1);
	program_free(p, n);
	ck_assert_int_eq(program_end(bob, id, 1, TODAY, &err), TDL_OK);
	before = rows_sum(db);
	rc = program_end(db, id, 1, TODAY, &err);
	expect_refused(db, rc, &err, before, "already ended by", "ending an ended entry");
	ck_assert_msg(strstr(err.msg, db_user()) && strstr(err.msg, "UTC"), "who and when: %s", err.msg);
	rc = program_end(db, id, 2, TODAY, &err);
	expect_refused(db, rc, &err, before, "already ended by", "ending it again at its new version");
	db_close(bob);
	db_close(db);
}
END_TEST

/* An appointment for child c on day. */
static struct appointment appt(sqlite3 *db, const struct child *c, day_t day, const char *title)
{
	struct tdl_err err = { "" };
	struct appointment a;

	memset(&a, 0, sizeof a);
	a.day = day;
	a.time = 9 * 60;
	a.minutes = 30;
	a.title = (char *)title;
	a.place = "";
	a.with_whom = "";
	ck_assert_msg(appointment_add(db, c, &a, &err) == TDL_OK, "appointment_add: %s", err.msg);
	return a;
}

START_TEST(appointment_stale_refused)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct appointment mine = appt(db, &c, TODAY + 5, "Check-up"), theirs = mine;
	long long before;
	int changed = -1, rc;

	theirs.time = 10 * 60;
	ck_assert_int_eq(appointment_update(bob, &theirs, &changed, &err), TDL_OK);
	mine.title = "Check-up and jabs";
	before = rows_sum(db);
	rc = appointment_update(db, &mine, &changed, &err);
	expect_refused(db, rc, &err, before, "changed meanwhile by", "a stale appointment edit");
	ck_assert_msg(strstr(err.msg, "(version 2)") && mine.version == 1, "version 2 named, mine kept at 1: %s",
		      err.msg);
	rc = appointment_delete(db, mine.id, 1, &err);
	expect_refused(db, rc, &err, before, "changed meanwhile by", "a stale appointment removal");
	rc = appointment_update(bob, &theirs, &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 0 && theirs.version == 2 && rows_sum(db) == before,
		      "an identical edit: rc %d changed %d version %d", rc, changed, theirs.version);
	ck_assert_int_eq(appointment_delete(bob, theirs.id, 2, &err), TDL_OK);
	rc = appointment_delete(db, theirs.id, 3, &err);
	expect_refused(db, rc, &err, rows_sum(db), "removed by", "removing a removed appointment");
	db_close(bob);
	db_close(db);
}
END_TEST

START_TEST(child_stale_names_who)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child mine = add_child(db, "Mia"), theirs = mine;
	long long before;
	int changed = -1, rc;

	snprintf(theirs.name, sizeof theirs.name, "Mia Rose");
	ck_assert_int_eq(child_update(bob, &theirs, TODAY, &changed, &err), TDL_OK);
	snprintf(mine.name, sizeof mine.name, "Mia R");
	before = rows_sum(db);
	rc = child_update(db, &mine, TODAY, &changed, &err);
	expect_refused(db, rc, &err, before, "changed meanwhile by", "a stale child edit");
	ck_assert_msg(strstr(err.msg, db_user()) && strstr(err.msg, "(version 2)"), "who and version: %s", err.msg);
	rc = child_update(bob, &theirs, TODAY, &changed, &err);
	ck_assert_msg(rc == TDL_OK && changed == 0 && theirs.version == 2 && rows_sum(db) == before,
		      "an identical edit: rc %d changed %d version %d", rc, changed, theirs.version);
	db_close(bob);
	db_close(db);
}
END_TEST

/* ---- dates ------------------------------------------------------------------ */

START_TEST(future_dates_one_rule)
{
	struct tdl_err err = { "" };
	sqlite3 *bob, *db = open_two(&bob);
	struct child c = add_child(db, "Mia");
	struct session_note n = note_of("On track");
	long long before = rows_sum(db), id;
	int changed, rc;

	n.day = TODAY + 1;
	rc = note_add(db, &c, 0, &n, TODAY, &changed, &err);
	expect_refused(db, rc, &err, before, "session date 2026-11-27 is in the future (today is 2026-11-26)",
		       "a note dated tomorrow");
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = TODAY + 1, .note = NULL }, TODAY, &err);
	expect_refused(db, rc, &err, before, "date seen 2026-11-27 is in the future (today is 2026-11-26)",
		       "a milestone seen tomorrow");
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY + 1, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err);
	expect_refused(db, rc, &err, before, "activity date 2026-11-27 is in the future (today is 2026-11-26)",
		       "an activity done tomorrow");
	rc = class_mark_watched(db, &c, CLASS_ID, TODAY + 1, TODAY, &err);
	expect_refused(db, rc, &err, before, "date watched 2026-11-27 is in the future (today is 2026-11-26)",
		       "a class watched tomorrow");
	/* today itself is fine for each, and plans may be in the future */
	n.day = TODAY;
	ck_assert_msg(note_add(db, &c, 0, &n, TODAY, &changed, &err) == TDL_OK, "a note today: %s", err.msg);
	ck_assert_msg(milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = TODAY, .note = NULL }, TODAY, &err) == TDL_OK,
		      "a milestone today: %s", err.msg);
	ck_assert_msg(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err) == TDL_OK,
		      "an activity today: %s", err.msg);
	ck_assert_msg(class_mark_watched(db, &c, CLASS_ID, TODAY, TODAY, &err) == TDL_OK, "a class today: %s",
		      err.msg);
	appt(db, &c, TODAY + 30, "Check-up");
	ck_assert_msg(goal_add(db, &c, "Sits alone", 1, TODAY + 90, &id, &err) == TDL_OK,
		      "a goal with a target in three months: %s", err.msg);
	db_close(bob);
	db_close(db);
}
END_TEST

/* ---- drafts ------------------------------------------------------------------ */

START_TEST(drafts_per_child_and_gone_with_child)
{
	struct tdl_err err = { "" };
	sqlite3 *admin, *db = open_two(&admin);
	struct child mia = add_child(db, "Mia"), leo = add_child(db, "Leo");
	const char *form = "Session note|record 0|";
	char at[21], *body;

	ck_assert_int_eq(draft_save(db, mia.id, form, "about Mia", &err), TDL_OK);
	ck_assert_int_eq(draft_save(db, 0, "Add a child|record 0|", "New baby", &err), TDL_OK);
	body = draft_get(db, leo.id, form, at);
	ck_assert_msg(body == NULL, "Mia's draft was offered for Leo: %s", body ? body : "");
	body = draft_get(db, mia.id, form, at);
	ck_assert_msg(body && !strcmp(body, "about Mia"), "Mia's draft: %s", body ? body : "(none)");
	free(body);
	body = draft_get(db, 0, "Add a child|record 0|", at);
	ck_assert_msg(body && !strcmp(body, "New baby"), "a draft about no child: %s", body ? body : "(none)");
	free(body);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM draft WHERE child_id IS NULL") == 1,
		      "the 'add a child' draft should have no child");
	ck_assert_int_eq(child_delete(admin, &mia, 1, &err), TDL_OK);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM draft") == 1,
		      "deleting Mia should remove her draft and keep the other: %d drafts",
		      query_int(db, "SELECT count(*) FROM draft"));
	ck_assert_msg(draft_get(db, mia.id, form, at) == NULL, "a deleted child's draft is still offered");
	ck_assert_int_eq(draft_drop(db, 0, "Add a child|record 0|", &err), TDL_OK);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM draft") == 0, "draft_drop left the draft");
	db_close(admin);
	db_close(db);
}
END_TEST

static Suite *versions_suite(void)
{
	Suite *s = suite_create("versions");

	TU_CASE(s, note_stale_correction_refused);
	TU_CASE(s, note_identical_correction_writes_nothing);
	TU_CASE(s, note_for_deleted_child_refused);
	TU_CASE(s, activity_entry_stale_refused);
	TU_CASE(s, goal_stale_refused);
	TU_CASE(s, program_end_twice_refused);
	TU_CASE(s, appointment_stale_refused);
	TU_CASE(s, child_stale_names_who);
	TU_CASE(s, future_dates_one_rule);
	TU_CASE(s, drafts_per_child_and_gone_with_child);
	return s;
}

int main(void)
{
	return tu_run(versions_suite());
}
