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
#define CASE_MINE "(?1 IS NULL OR c.id IN (SELECT s.child_id FROM assignment s WHERE s.therapist = ?1" \
	" AND s.ended_at IS NULL))"
#define CASE_BODY \
	" team AS (SELECT child_id, group_concat(discipline || ':' || therapist, ' ') AS team FROM" \
	"  (SELECT s.child_id, s.discipline, s.therapist FROM kids k JOIN assignment s ON s.child_id = k.id" \
	"   WHERE s.ended_at IS NULL ORDER BY s.child_id, s.discipline, s.id) GROUP BY child_id)," \
	" acts AS (SELECT DISTINCT p.child_id AS kid, " ACTIVITY_REAL_SQL("p.activity_id") " AS real" \
	"  FROM kids k JOIN program p ON p.child_id = k.id)," \
	" logged AS (SELECT kid, real AS id FROM acts WHERE " ACTIVITY_REAL_SQL("real") " = real" \
	"  UNION SELECT x.kid, a.id FROM acts x JOIN activity a ON a.alias_of = x.real)," \
	" idle AS (SELECT g.kid, max((SELECT max(l.day) FROM activity_log l WHERE l.child_id = g.kid" \
	"  AND l.activity_id = g.id AND l.deleted_at IS NULL)) AS last FROM logged g GROUP BY g.kid)," \
	" week AS (SELECT p.child_id AS kid, p.activity_id, p.times, p.per, max(p.start, ?3) AS f," \
	"  min(COALESCE(p.stop, ?4), ?4) AS t FROM kids k JOIN program p ON p.child_id = k.id" \
	"  WHERE p.start <= ?4 AND (p.stop IS NULL OR p.stop >= ?3))," \
	" entry AS (SELECT kid, CASE per WHEN 'week' THEN (times * days + 6) / 7 ELSE times * days END AS planned," \
	"  (SELECT count(*) FROM activity_log l WHERE l.child_id = e.kid AND l.day BETWEEN e.f AND e.t" \
	"   AND l.deleted_at IS NULL AND l.result <> 'skipped'" \
	"   AND " ACTIVITY_REAL_SQL("l.activity_id") " = " ACTIVITY_REAL_SQL("e.activity_id") ") AS done" \
	"  FROM (SELECT *, CAST(julianday(t) - julianday(f) AS INTEGER) + 1 AS days FROM week WHERE t >= f) e)," \
	" adherence AS (SELECT kid, sum(planned) AS planned, sum(min(done, planned)) AS done FROM entry GROUP BY kid)" \
	" SELECT k.id, k.uuid, k.name, k.born, k.due, k.version, COALESCE(t.team, ''), n.day, n.time, n.title," \
	" i.last, COALESCE(a.planned, 0), COALESCE(a.done, 0), f.flags" \
	" FROM kids k LEFT JOIN team t ON t.child_id = k.id LEFT JOIN idle i ON i.kid = k.id" \
	" LEFT JOIN adherence a ON a.kid = k.id" \
	" LEFT JOIN flag_count f ON f.child_id = k.id AND f.since <= ?2 AND f.until > ?2 AND f.correct_until = ?6" \
	" LEFT JOIN appointment n ON n.id = (SELECT x.id FROM appointment x WHERE x.child_id = k.id" \
	"  AND x.day BETWEEN ?2 AND ?5 AND x.deleted_at IS NULL ORDER BY x.day, x.time, x.id LIMIT 1)"
static const char caseload_sql[] =
	"WITH kids AS (SELECT c.id, c.uuid, c.name, c.born, c.due, c.version FROM child c WHERE " CASE_MINE "),"
	CASE_BODY " ORDER BY k.name COLLATE NOCASE, k.id";

/* The same columns for the children of one page, their ids bound to ?7 to
 * ?70 (NULL where the page has fewer): read for the rows on screen. */
static const char caseload_page_sql[] =
	"WITH kids AS (SELECT c.id, c.uuid, c.name, c.born, c.due, c.version FROM child c WHERE c.id IN ("
	"?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,?21,?22,"
	"?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37,?38,"
	"?39,?40,?41,?42,?43,?44,?45,?46,?47,?48,?49,?50,?51,?52,?53,?54,"
	"?55,?56,?57,?58,?59,?60,?61,?62,?63,?64,?65,?66,?67,?68,?69,?70"
	")),"
	CASE_BODY;

/* The cheap part of every row: the child (name, birth and due day for the
 * age) and the stored flag count (?2 today, ?6 correct_until; NULL when none
 * holds). The child table is read in its own order, page after page (by the
 * name index it is a lookup a row, which a small page cache reads again and
 * again), and sorted by name in memory (SQLite's sorter took 8-14 ms of the
 * 18 at 10,000 children; names are unique, ignoring case). */
static const char caseload_spine_sql[] =
	"SELECT c.id, c.uuid, c.name, c.born, c.due, c.version, f.flags FROM child c NOT INDEXED"
	" LEFT JOIN flag_count f ON f.child_id = c.id AND f.since <= ?2 AND f.until > ?2 AND f.correct_until = ?6"
	" WHERE " CASE_MINE;

/* The day a caseload is read for, and until when ages are corrected. */
struct case_day {
	day_t today;
	int correct_until;
};

/* Fill the columns past the spine (team, next visit, idle days, the week)
 * of r from a row of caseload_sql or caseload_page_sql, read on day today;
 * nonzero: out of memory. */
static int case_columns(sqlite3_stmt *st, struct caseload_row *r, day_t today)
{
	const char *tm;
	day_t last;

	r->filled = 1;
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
		       ? today - last : -1;
	r->planned = sqlite3_column_int(st, 11);
	r->done = sqlite3_column_int(st, 12);
	return 0;
}

/* The struct child of a caseload child, for what needs one (its age, its flags): the dates and
 * the id; the name and uuid are left empty. */
static void case_child_full(const struct caseload_child *k, struct child *c)
{
	c->id = k->id;
	c->uuid[0] = '\0';
	c->name[0] = '\0';
	c->born = k->born;
	c->has_due = k->has_due;
	c->due = k->due;
	c->version = 0;
}

/* Read the child of a caseload row (columns as child_read_row's: id, uuid,
 * name, born, due) and its age on day cd; 1 when out of memory. */
static int case_child_read(sqlite3_stmt *st, struct caseload_row *r, const struct case_day *cd)
{
	struct child c;

	r->child.id = sqlite3_column_int64(st, 0);
	r->child.name = db_column_dup(st, 2);
	r->child.born = db_column_day(st, 3);
	r->child.has_due = db_column_day_opt(st, 4, &r->child.due);
	case_child_full(&r->child, &c);
	child_age(&c, cd->today, cd->correct_until, &r->age);
	return r->child.name == NULL;
}

/* Fill the caseload row elem from a row of caseload_sql, its age on day *ctx (a db_rows fill). */
static int case_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	const struct case_day *cd = ctx;
	struct caseload_row *r = elem;

	if (case_child_read(st, r, cd) || case_columns(st, r, cd->today))
		return 1;
	r->flags = sqlite3_column_type(st, 13) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 13);
	return 0;
}

/* Fill a spine row elem from a row of caseload_spine_sql: the child, its age
 * on day *ctx and the stored flag count (-1: none); the rest is not read (a db_rows fill). */
static int spine_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	const struct case_day *cd = ctx;
	struct caseload_row *r = elem;

	if (case_child_read(st, r, cd))
		return 1;
	r->flags = sqlite3_column_type(st, 6) == SQLITE_NULL ? -1 : sqlite3_column_int(st, 6);
	r->idle_days = -1;
	return 0;
}

/* Free a caseload row's strings (a db_rows drop). */
static void case_drop(void *elem)
{
	struct caseload_row *r = elem;

	free(r->child.name);
	free(r->team);
	free(r->next_title);
}

static const struct db_rows case_rows = { sizeof(struct caseload_row), case_from_row, case_drop, "the caseload" };
static const struct db_rows spine_rows = { sizeof(struct caseload_row), spine_from_row, case_drop, "the caseload" };

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

/* A caseload and the key it is sorted by (for cmp_at). */
struct sort_by {
	const struct caseload_row *rows;
	enum caseload_sort sort;
};

/* Order two row indexes as cmp_rows orders their rows (for qsort_r). */
static int cmp_at(const void *pa, const void *pb, void *ctx)
{
	const struct sort_by *by = ctx;
	enum caseload_sort sort = by->sort;

	return cmp_rows(&by->rows[*(const int *)pa], &by->rows[*(const int *)pb], &sort);
}

/* Sort a caseload read by caseload_list again, by another key: the indexes
 * are sorted, then the rows put in place along the permutation's cycles, each
 * moved once (a row is half a kilobyte: sorting the rows themselves moved
 * them log n times, and a sorted copy costs its fresh pages). */
void caseload_sort(struct caseload_row *rows, int n, enum caseload_sort sort)
{
	struct sort_by by = { rows, sort };
	int *at;

	if (n < 2) /* an empty caseload has no rows (NULL), and qsort_r may not take NULL */
		return;
	at = malloc((size_t)n * sizeof *at);
	if (!at) { /* no room for the indexes: sort the rows themselves */
		qsort_r(rows, (size_t)n, sizeof *rows, cmp_rows, &sort);
		return;
	}
	for (int i = 0; i < n; i++)
		at[i] = i;
	qsort_r(at, (size_t)n, sizeof *at, cmp_at, &by);
	for (int i = 0; i < n; i++) { /* place i gets row at[i]; a place done holds its own index */
		struct caseload_row hold;
		int j = i;

		if (at[i] == i)
			continue;
		hold = rows[i];
		for (;;) {
			int k = at[j];

			at[j] = j;
			if (k == i) {
				rows[j] = hold;
				break;
			}
			rows[j] = rows[k];
			j = k;
		}
	}
	free(at);
}

/* Count the flags of the rows with no stored count and store them (count_missing, once one is missing). */
static int count_these(sqlite3 *db, struct caseload_row *rows, int cnt, day_t today, int correct_until_months,
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
			case_child_full(&rows[i].child, &kids[m++]);
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

/* Count the flags of the rows with no stored count (flags -1), and store
 * those counts for next time when that can be done without waiting. */
static int count_missing(sqlite3 *db, struct caseload_row *rows, int cnt, day_t today, int correct_until_months,
			 struct tdl_err *err)
{
	int missing = 0;

	for (int i = 0; i < cnt && !missing; i++)
		missing = rows[i].flags < 0;
	if (!missing) /* every count stored: nothing to allocate */
		return TDL_OK;
	return count_these(db, rows, cnt, today, correct_until_months, err);
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

/* Every child of the caseload (therapist NULL: every child) with only the
 * cheap columns (name, age, flag count), in name order: one statement, and
 * the flag counts not stored counted and stored as caseload_list does. */
int caseload_spine(sqlite3 *db, const char *therapist, day_t today, int correct_until_months,
		   struct caseload_row **out, int *n, struct tdl_err *err)
{
	struct case_day cd = { today, correct_until_months };
	int own = sqlite3_get_autocommit(db) && db_read_begin(db) == 0;
	sqlite3_stmt *st = db_prepare_cached(db, caseload_spine_sql, err);
	int cnt = 0, rc;
	void *part;

	*out = NULL;
	*n = 0;
	if (st) {
		db_bind_text(st, 1, therapist);
		db_bind_day(st, 2, today);
		sqlite3_bind_int(st, 6, correct_until_months);
	}
	rc = db_rows_read(db, st, &spine_rows, &cd, &part, &cnt, err);
	if (!rc)
		rc = count_missing(db, part, cnt, today, correct_until_months, err);
	if (own)
		db_read_end(db);
	if (rc) {
		caseload_free(part, cnt);
		return rc;
	}
	caseload_sort(part, cnt, SORT_NAME);
	*out = part;
	*n = cnt;
	err_clear(err);
	return TDL_OK;
}

/* Read the page of rows at[0..m) (indexes into rows) in one statement: each
 * row read is filled, and one whose child has gone since is filled empty. */
static int fill_page(sqlite3 *db, struct caseload_row *rows, const int *at, int m, day_t today,
		     struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db, caseload_page_sql, err);
	int rc = TDL_OK, step = SQLITE_DONE;

	if (!st)
		return TDL_EDATA;
	db_bind_day(st, 2, today);
	db_bind_day(st, 3, program_monday(today));
	db_bind_day(st, 4, program_monday(today) + 6);
	db_bind_day(st, 5, today + 3660);
	sqlite3_bind_int(st, 6, 0);
	for (int i = 0; i < CASELOAD_PAGE; i++) {
		if (i < m)
			sqlite3_bind_int64(st, 7 + i, rows[at[i]].child.id);
		else
			sqlite3_bind_null(st, 7 + i);
	}
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);

		for (int i = 0; i < m; i++) {
			struct caseload_row *r = &rows[at[i]];

			if (r->child.id != id || r->filled)
				continue;
			if (case_columns(st, r, today))
				rc = err_set(err, TDL_EDATA, "out of memory while reading the caseload");
			break;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(db, "cannot read the caseload", err);
	db_release(st);
	for (int i = 0; !rc && i < m; i++)
		rows[at[i]].filled = 1;
	return rc;
}

/* Read the columns past the spine for the rows from..to-1 not read yet, a
 * page (CASELOAD_PAGE rows) a statement; when one is read, up to `ahead`
 * rows after `to` not read yet complete its page, so the next rows down are
 * ready. */
int caseload_fill(sqlite3 *db, struct caseload_row *rows, int n, int from, int to, int ahead, day_t today,
		  struct tdl_err *err)
{
	int at[CASELOAD_PAGE], m = 0, rc = TDL_OK;

	if (from < 0)
		from = 0;
	for (int i = from; !rc && i < n; i++) {
		if (i >= to && (m == 0 || i - to >= ahead))
			break;
		if (!rows[i].filled)
			at[m++] = i;
		if (m == CASELOAD_PAGE) {
			rc = fill_page(db, rows, at, m, today, err);
			m = 0;
		}
	}
	if (!rc && m)
		rc = fill_page(db, rows, at, m, today, err);
	return rc;
}

/* Order two row indexes by their child's id (for qsort_r over a caseload). */
static int cmp_by_id(const void *pa, const void *pb, void *ctx)
{
	const struct caseload_row *rows = ctx;
	long long a = rows[*(const int *)pa].child.id, b = rows[*(const int *)pb].child.id;

	return (a > b) - (a < b);
}

/* Read the columns past the spine for every row at once (the statement
 * caseload_list reads), for a sort or a search that needs them all. */
int caseload_fill_all(sqlite3 *db, const char *therapist, struct caseload_row *rows, int n, day_t today,
		      struct tdl_err *err)
{
	int *by_id, rc = TDL_OK, step = SQLITE_DONE;
	sqlite3_stmt *st;

	if (n < 1) /* no rows to fill */
		return TDL_OK;
	by_id = calloc((size_t)n, sizeof *by_id);
	if (!by_id)
		return err_set(err, TDL_EDATA, "out of memory");
	for (int i = 0; i < n; i++)
		by_id[i] = i;
	if (n > 1)
		qsort_r(by_id, (size_t)n, sizeof *by_id, cmp_by_id, rows);
	st = db_prepare_cached(db, caseload_sql, err);
	if (!st) {
		free(by_id);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, therapist);
	db_bind_day(st, 2, today);
	db_bind_day(st, 3, program_monday(today));
	db_bind_day(st, 4, program_monday(today) + 6);
	db_bind_day(st, 5, today + 3660);
	sqlite3_bind_int(st, 6, 0);
	while (!rc && (step = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);
		int lo = 0, hi = n - 1;

		while (lo <= hi) { /* the row of this child, by id */
			int mid = lo + (hi - lo) / 2;
			long long at = rows[by_id[mid]].child.id;

			if (at == id) {
				struct caseload_row *r = &rows[by_id[mid]];

				if (!r->filled && case_columns(st, r, today))
					rc = err_set(err, TDL_EDATA, "out of memory while reading the caseload");
				break;
			}
			if (at < id)
				lo = mid + 1;
			else
				hi = mid - 1;
		}
	}
	if (!rc && step != SQLITE_DONE)
		rc = db_fail(db, "cannot read the caseload", err);
	db_release(st);
	free(by_id);
	for (int i = 0; !rc && i < n; i++)
		rows[i].filled = 1;
	return rc;
}

/* Free a caseload. */
void caseload_free(struct caseload_row *r, int n)
{
	for (int i = 0; i < n; i++)
		case_drop(&r[i]);
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
