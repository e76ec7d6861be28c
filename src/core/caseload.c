/* Caseloads: assignments of therapists to children, and the caseload overview. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/caseload.h"
#include "toddle/activity.h"
#include "toddle/db.h"
#include "toddle/program.h"
#include "toddle/progress.h"

/* True for "pt", "ot" or "speech". */
int caseload_discipline_ok(const char *d)
{
	return d && (!strcmp(d, "pt") || !strcmp(d, "ot") || !strcmp(d, "speech"));
}

/* Run one statement with child, therapist and discipline bound, inside a transaction. */
static int assign_step(sqlite3 *db, const char *sql, const struct child *c, const char *therapist,
		       const char *discipline, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, sql, err);
	char uuid[37], now[21];
	int rc;

	if (!st)
		return TDL_EDATA;
	db_uuid(uuid);
	db_now(now);
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, therapist);
	db_bind_text(st, 3, discipline);
	db_bind_text(st, 4, now);
	db_bind_text(st, 5, db_user());
	db_bind_text(st, 6, uuid);
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot save the assignment", err);
	sqlite3_finalize(st);
	return rc;
}

/* The therapist now assigned to a child for a discipline (into out), or "" . */
static void current_therapist(sqlite3 *db, const struct child *c, const char *discipline, char *out,
			      size_t outsz)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	if (sqlite3_prepare_v2(db, "SELECT therapist FROM assignment WHERE child_id = ?1 AND discipline = ?2"
			       " AND ended_at IS NULL ORDER BY id DESC LIMIT 1", -1, &st, NULL) != SQLITE_OK)
		return;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, discipline);
	if (sqlite3_step(st) == SQLITE_ROW)
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Assign a therapist to a child for a discipline. */
int caseload_assign(sqlite3 *db, const struct child *c, const char *therapist, const char *discipline,
		    int is_admin, struct tdl_err *err)
{
	char now_t[64];
	int rc;

	if (!caseload_discipline_ok(discipline))
		return err_set(err, TDL_EINPUT, "discipline must be pt, ot or speech");
	if (!therapist || !*therapist || strlen(therapist) > 32 || strspn(therapist,
	    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != strlen(therapist))
		return err_set(err, TDL_EINPUT, "'%.40s' is not a Unix login", therapist ? therapist : "");
	if (db_begin(db, err))
		return TDL_EDATA;
	current_therapist(db, c, discipline, now_t, sizeof now_t);
	if (!strcmp(now_t, therapist)) {
		db_rollback(db);
		return err_set(err, TDL_EINPUT, "%s is already assigned to %s for %s", therapist, c->name, discipline);
	}
	if (now_t[0] && !is_admin) {
		db_rollback(db);
		return err_set(err, TDL_EINPUT, "%s is assigned to %s for %s; only a clinic admin (clinic.admins) may reassign",
			       c->name, now_t, discipline);
	}
	rc = assign_step(db, "UPDATE assignment SET ended_at = ?4, ended_by = ?5 WHERE child_id = ?1"
			 " AND discipline = ?3 AND ended_at IS NULL AND ?2 = ?2 AND ?6 = ?6", c, therapist, discipline, err);
	if (!rc)
		rc = assign_step(db, "INSERT INTO assignment(child_id, therapist, discipline, created_at, created_by, uuid)"
				 " VALUES(?1, ?2, ?3, ?4, ?5, ?6)", c, therapist, discipline, err);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* End a therapist's assignment to a child. */
int caseload_unassign(sqlite3 *db, const struct child *c, const char *therapist, const char *discipline,
		      int is_admin, struct tdl_err *err)
{
	int rc;

	if (!is_admin && strcmp(therapist, db_user()))
		return err_set(err, TDL_EINPUT, "only %s or a clinic admin (clinic.admins) may end %s's assignment",
			       therapist, therapist);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = assign_step(db, "UPDATE assignment SET ended_at = ?4, ended_by = ?5 WHERE child_id = ?1"
			 " AND therapist = ?2 AND discipline = ?3 AND ended_at IS NULL AND ?6 = ?6",
			 c, therapist, discipline, err);
	if (!rc && sqlite3_changes(db) == 0)
		rc = err_set(err, TDL_EINPUT, "%s is not assigned to %s for %s", therapist, c->name, discipline);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Every child of the caseload with all its overview, in one statement whose
 * cost grows with the caseload only through indexes (?1 the therapist, NULL:
 * every child; ?2 today; ?3 and ?4 the week's Monday and Sunday; ?5 the
 * last day a next appointment is looked for):
 * - team: the open assignments, by discipline, as "pt:alice ot:bob";
 * - next: the first appointment from today (an all-day one, time '', first on
 *   its day), one step of appointment_next per child;
 * - idle: the last day any activity of the home program (ended entries too)
 *   was logged, its id or an id merged into it: one step of activity_log_live
 *   per child and activity;
 * - the week: for each program entry, planned from its days inside the week
 *   and done (done or hard) on those days, at most planned, as
 *   program_adherence counts them;
 * - flags: the stored count, when it holds on ?2 for correct_until ?6 (else NULL). */
static const char caseload_sql[] =
	"WITH kids AS (SELECT c.id, c.uuid, c.name, c.born, c.due, c.version FROM child c WHERE ?1 IS NULL"
	"  OR c.id IN (SELECT s.child_id FROM assignment s WHERE s.therapist = ?1 AND s.ended_at IS NULL)),"
	" team AS (SELECT child_id, group_concat(discipline || ':' || therapist, ' ') AS team FROM"
	"  (SELECT s.child_id, s.discipline, s.therapist FROM kids k JOIN assignment s ON s.child_id = k.id"
	"   WHERE s.ended_at IS NULL ORDER BY s.child_id, s.discipline, s.id) GROUP BY child_id),"
	" acts AS (SELECT DISTINCT p.child_id AS kid, " ACTIVITY_REAL_SQL("p.activity_id") " AS real"
	"  FROM kids k JOIN program p ON p.child_id = k.id),"
	" logged AS (SELECT kid, real AS id FROM acts WHERE " ACTIVITY_REAL_SQL("real") " = real"
	"  UNION SELECT x.kid, a.id FROM acts x JOIN activity a ON a.alias_of = x.real),"
	" idle AS (SELECT g.kid, max((SELECT max(l.day) FROM activity_log l WHERE l.child_id = g.kid"
	"  AND l.activity_id = g.id AND l.deleted_at IS NULL)) AS last FROM logged g GROUP BY g.kid),"
	" week AS (SELECT p.child_id AS kid, p.activity_id, p.times, p.per, max(p.start, ?3) AS f,"
	"  min(COALESCE(p.stop, ?4), ?4) AS t FROM kids k JOIN program p ON p.child_id = k.id"
	"  WHERE p.start <= ?4 AND (p.stop IS NULL OR p.stop >= ?3)),"
	" entry AS (SELECT kid, CASE per WHEN 'week' THEN (times * days + 6) / 7 ELSE times * days END AS planned,"
	"  (SELECT count(*) FROM activity_log l WHERE l.child_id = e.kid AND l.day BETWEEN e.f AND e.t"
	"   AND l.deleted_at IS NULL AND l.result <> 'skipped'"
	"   AND " ACTIVITY_REAL_SQL("l.activity_id") " = " ACTIVITY_REAL_SQL("e.activity_id") ") AS done"
	"  FROM (SELECT *, CAST(julianday(t) - julianday(f) AS INTEGER) + 1 AS days FROM week WHERE t >= f) e),"
	" adherence AS (SELECT kid, sum(planned) AS planned, sum(min(done, planned)) AS done FROM entry GROUP BY kid)"
	" SELECT k.id, k.uuid, k.name, k.born, k.due, k.version, COALESCE(t.team, ''), n.day, n.time, n.title,"
	" i.last, COALESCE(a.planned, 0), COALESCE(a.done, 0), f.flags"
	" FROM kids k LEFT JOIN team t ON t.child_id = k.id LEFT JOIN idle i ON i.kid = k.id"
	" LEFT JOIN adherence a ON a.kid = k.id"
	" LEFT JOIN flag_count f ON f.child_id = k.id AND f.since <= ?2 AND f.until > ?2 AND f.correct_until = ?6"
	" LEFT JOIN appointment n ON n.id = (SELECT x.id FROM appointment x WHERE x.child_id = k.id"
	"  AND x.day BETWEEN ?2 AND ?5 AND x.deleted_at IS NULL ORDER BY x.day, x.time, x.id LIMIT 1)"
	" ORDER BY k.name COLLATE NOCASE, k.id";

/* The day a caseload is read for, and until when ages are corrected. */
struct case_day {
	day_t today;
	int correct_until;
};

/* Fill the caseload row elem from a row of caseload_sql, its age on day *ctx (a db_rows fill). */
static int case_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	const struct case_day *cd = ctx;
	struct caseload_row *r = elem;
	const char *tm;
	day_t last;

	child_read_row(st, &r->child);
	child_age(&r->child, cd->today, cd->correct_until, &r->age);
	r->team = db_column_dup(st, 6);
	if (!r->team)
		return 1;
	if (sqlite3_column_type(st, 7) != SQLITE_NULL) {
		r->has_next = 1;
		r->next_day = db_column_day(st, 7);
		tm = (const char *)sqlite3_column_text(st, 8);
		if (!tm || !*tm)
			r->next_time = APPOINTMENT_ALL_DAY;
		else if (appointment_parse_time(tm, &r->next_time))
			r->next_time = 0;
		r->next_title = db_column_dup(st, 9);
		if (!r->next_title)
			return 1;
	}
	r->idle_days = sqlite3_column_type(st, 10) != SQLITE_NULL && db_column_day_opt(st, 10, &last)
		       ? cd->today - last : -1;
	r->planned = sqlite3_column_int(st, 11);
	r->done = sqlite3_column_int(st, 12);
	r->flags = sqlite3_column_type(st, 13) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 13);
	return 0;
}

/* Free a caseload row's strings (a db_rows drop). */
static void case_drop(void *elem)
{
	struct caseload_row *r = elem;

	free(r->team);
	free(r->next_title);
}

static const struct db_rows case_rows = { sizeof(struct caseload_row), case_from_row, case_drop, "the caseload" };

/* Order two caseload rows by the key ctx points to, then by name (for qsort_r). */
static int cmp_rows(const void *pa, const void *pb, void *ctx)
{
	const struct caseload_row *a = pa, *b = pb;
	int d = 0;

	switch (*(const enum caseload_sort *)ctx) {
	case SORT_AGE:
		d = b->age.days - a->age.days;
		break;
	case SORT_FLAGS:
		d = b->flags - a->flags;
		break;
	case SORT_IDLE:
		d = (b->idle_days < 0 ? 1 << 20 : b->idle_days) - (a->idle_days < 0 ? 1 << 20 : a->idle_days);
		break;
	case SORT_NEXT:
		/* all-day (next_time -1) first on its day, never tied with the day before */
		d = (a->has_next ? a->next_day * 1441 + a->next_time + 1 : 1 << 30) -
		    (b->has_next ? b->next_day * 1441 + b->next_time + 1 : 1 << 30);
		break;
	default:
		break;
	}
	return d ? d : strcasecmp(a->child.name, b->child.name);
}

/* Sort a caseload read by caseload_list again, by another key. */
void caseload_sort(struct caseload_row *rows, int n, enum caseload_sort sort)
{
	if (n > 1) /* an empty caseload has no rows (NULL), and qsort_r may not take NULL */
		qsort_r(rows, (size_t)n, sizeof *rows, cmp_rows, &sort);
}

/* Count the flags of the rows with no stored count (flags -1), and store
 * those counts for next time when that can be done without waiting. */
static int count_missing(sqlite3 *db, struct caseload_row *rows, int cnt, day_t today, int correct_until_months,
			 struct tdl_err *err)
{
	struct child *kids = malloc(((size_t)cnt + 1) * sizeof *kids);
	long long *ids = malloc(((size_t)cnt + 1) * sizeof *ids);
	int *counts = malloc(((size_t)cnt + 1) * sizeof *counts), *at = malloc(((size_t)cnt + 1) * sizeof *at);
	day_t *untils = malloc(((size_t)cnt + 1) * sizeof *untils);
	int m = 0, rc = TDL_OK;

	if (!kids || !ids || !counts || !at || !untils) {
		free(kids);
		free(ids);
		free(counts);
		free(at);
		free(untils);
		return err_set(err, TDL_EDATA, "out of memory");
	}
	for (int i = 0; i < cnt; i++)
		if (rows[i].flags < 0) {
			at[m] = i;
			ids[m] = rows[i].child.id;
			kids[m++] = rows[i].child;
		}
	if (m)
		rc = flags_count_each(db, kids, m, today, correct_until_months, counts, untils, err);
	for (int i = 0; !rc && i < m; i++)
		rows[at[i]].flags = counts[i];
	if (!rc && m)
		flag_count_store(db, ids, counts, untils, m, today, correct_until_months);
	free(kids);
	free(ids);
	free(counts);
	free(at);
	free(untils);
	return rc;
}

/* The caseload of a therapist (NULL: every child), sorted: one statement for
 * the rows with the stored flag counts; the counts not stored (new entries,
 * a new day past a count's last) are counted and stored, in the same read
 * transaction, so a count is kept only for the data it was counted from. */
int caseload_list(sqlite3 *db, const char *therapist, day_t today, int correct_until_months,
		  enum caseload_sort sort, struct caseload_row **out, int *n, struct tdl_err *err)
{
	struct case_day cd = { today, correct_until_months };
	int own = sqlite3_get_autocommit(db) && db_read_begin(db) == 0;
	sqlite3_stmt *st = db_prepare_cached(db, caseload_sql, err);
	struct caseload_row *rows;
	int cnt = 0, rc;
	void *part;

	*out = NULL;
	*n = 0;
	if (st) {
		db_bind_text(st, 1, therapist);
		db_bind_day(st, 2, today);
		db_bind_day(st, 3, program_monday(today));
		db_bind_day(st, 4, program_monday(today) + 6);
		db_bind_day(st, 5, today + 3660);
		sqlite3_bind_int(st, 6, correct_until_months);
	}
	rc = db_rows_read(db, st, &case_rows, &cd, &part, &cnt, err);
	rows = part;
	if (!rc)
		rc = count_missing(db, rows, cnt, today, correct_until_months, err);
	if (own)
		db_read_end(db);
	if (rc) {
		caseload_free(rows, cnt);
		return rc;
	}
	caseload_sort(rows, cnt, sort);
	*out = rows;
	*n = cnt;
	err_clear(err);
	return TDL_OK;
}

/* Free a caseload. */
void caseload_free(struct caseload_row *r, int n)
{
	for (int i = 0; i < n; i++) {
		free(r[i].team);
		free(r[i].next_title);
	}
	free(r);
}

/* Delete a child and everything recorded about them. */
int child_delete(sqlite3 *db, const struct child *c, int is_admin, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int rc;

	if (!is_admin)
		return err_set(err, TDL_EINPUT, "only a clinic admin (clinic.admins) may delete a child");
	db_now(now);
	st = db_write_begin(db, "INSERT INTO audit(at, who, child_id, action, detail) VALUES(?, ?, ?, 'child deleted', ?)", err);
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, now);
	db_bind_text(st, 2, db_user());
	sqlite3_bind_int64(st, 3, c->id);
	db_bind_text(st, 4, c->name);
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot delete", err);
	sqlite3_finalize(st);
	if (!rc) {
		/* ids are never given again, so a new child never inherits this audit trail */
		st = db_prepare(db, "INSERT OR REPLACE INTO meta(key, value) SELECT 'child_seq', max(?1,"
				" COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'child_seq'), 0));"
				, err);
		if (st) {
			sqlite3_bind_int64(st, 1, c->id);
			rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot delete", err);
			sqlite3_finalize(st);
		} else {
			rc = TDL_EDATA;
		}
	}
	if (!rc) {
		st = db_prepare(db, "DELETE FROM child WHERE id = ?", err);
		if (!st)
			rc = TDL_EDATA;
		else {
			sqlite3_bind_int64(st, 1, c->id);
			rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot delete", err);
			sqlite3_finalize(st);
		}
	}
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
