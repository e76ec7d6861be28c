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

/* The team of a child as "pt:alice ot:bob". */
static char *team_of(sqlite3 *db, long long child_id)
{
	sqlite3_stmt *st = NULL;
	char *team = NULL;

	if (sqlite3_prepare_v2(db, "SELECT group_concat(discipline || ':' || therapist, ' ') FROM"
			       " (SELECT discipline, therapist FROM assignment WHERE child_id = ?1 AND ended_at IS NULL"
			       " ORDER BY discipline)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, child_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			team = db_column_dup(st, 0);
	}
	sqlite3_finalize(st);
	return team ? team : strdup("");
}

/* Days since any program activity was last logged, or -1. */
static int idle_days(sqlite3 *db, long long child_id, day_t today)
{
	sqlite3_stmt *st = NULL;
	int days = -1;

	if (sqlite3_prepare_v2(db, "SELECT max(l.day) FROM activity_log l WHERE l.child_id = ?1"
			       " AND l.deleted_at IS NULL AND " ACTIVITY_REAL_SQL("l.activity_id") " IN (SELECT "
			       ACTIVITY_REAL_SQL("p.activity_id") " FROM program p WHERE p.child_id = ?1)", -1, &st, NULL) == SQLITE_OK) {
		sqlite3_bind_int64(st, 1, child_id);
		if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_type(st, 0) != SQLITE_NULL) {
			day_t d;

			if (db_column_day_opt(st, 0, &d))
				days = today - d;
		}
	}
	sqlite3_finalize(st);
	return days;
}

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

/* The caseload of a therapist (NULL: every child), sorted. */
int caseload_list(sqlite3 *db, const char *therapist, day_t today, int correct_until_months,
		  enum caseload_sort sort, struct caseload_row **out, int *n, struct tdl_err *err)
{
	struct child *all;
	struct caseload_row *rows;
	int nall, cnt = 0, rc = child_list(db, &all, &nall, err);

	*out = NULL;
	*n = 0;
	if (rc)
		return rc;
	rows = calloc((size_t)nall + 1, sizeof *rows);
	if (!rows) {
		free(all);
		return err_set(err, TDL_EDATA, "out of memory");
	}
	for (int i = 0; i < nall; i++) {
		struct caseload_row *r = &rows[cnt];
		struct appointment *a;
		struct flag *f;
		char *team = team_of(db, all[i].id);
		char mine[48];
		int na, nf;

		snprintf(mine, sizeof mine, "%s", therapist ? therapist : "");
		if (therapist) {
			int hit = 0;

			for (char *p = team; p && *p;) {
				char *colon = strchr(p, ':'), *end = strchr(p, ' ');
				size_t len = end ? (size_t)(end - colon - 1) : strlen(colon + 1);

				hit |= colon && len == strlen(mine) && !strncmp(colon + 1, mine, len);
				p = end ? end + 1 : p + strlen(p);
			}
			if (!hit) {
				free(team);
				continue;
			}
		}
		r->child = all[i];
		r->team = team;
		child_age(&all[i], today, correct_until_months, &r->age);
		if (appointment_list(db, all[i].id, today, today + 3660, &a, &na, err) == 0) {
			if (na) {
				r->has_next = 1;
				r->next_day = a[0].day;
				r->next_time = a[0].time;
				r->next_title = strdup(a[0].title);
			}
			appointment_free_all(a, na);
		}
		if (flags_compute(db, &all[i], today, correct_until_months, &f, &nf, err) == 0) {
			r->flags = nf;
			flags_free(f, nf);
		}
		r->idle_days = idle_days(db, all[i].id, today);
		program_adherence(db, &all[i], program_monday(today), &r->planned, &r->done, err);
		cnt++;
	}
	free(all);
	qsort_r(rows, (size_t)cnt, sizeof *rows, cmp_rows, &sort);
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
