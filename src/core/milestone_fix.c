/* Correcting a milestone entry: a new row names the entry it corrects (or
 * removes), so the history keeps what changed, who changed it and when. */
#include <stdio.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/milestone.h"

/* An entry as a correction finds it, inside its own transaction. */
struct fix_target {
	int found, is_removal;
	long long child_id;
	char item[80], status[16];
	int fixed, fixed_removed;     /* a row already corrects it; that row removes it */
	char who[64], when[24];       /* who corrected or removed it, and when */
	long long now_entry;          /* the entry in force now for it, 0 when removed */
};

/* Read entry id and what already corrects it into *t. */
static int fix_read(sqlite3 *db, long long id, struct fix_target *t, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"WITH RECURSIVE fwd(id) AS (SELECT ?1 UNION ALL SELECT m.id FROM milestone_log m"
		"  JOIN fwd ON m.corrects = fwd.id)"
		" SELECT l.child_id, l.milestone_id, l.status, l.removed, x.removed, x.created_by, x.created_at,"
		" (SELECT CASE WHEN e.removed THEN 0 ELSE e.id END FROM milestone_log e WHERE e.id = (SELECT max(id) FROM fwd))"
		" FROM milestone_log l LEFT JOIN milestone_log x ON x.corrects = l.id WHERE l.id = ?1", err);
	int rc;

	memset(t, 0, sizeof *t);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		t->found = 1;
		t->child_id = sqlite3_column_int64(st, 0);
		snprintf(t->item, sizeof t->item, "%s", (const char *)sqlite3_column_text(st, 1));
		snprintf(t->status, sizeof t->status, "%s", (const char *)sqlite3_column_text(st, 2));
		t->is_removal = sqlite3_column_int(st, 3);
		t->fixed = sqlite3_column_type(st, 4) != SQLITE_NULL;
		t->fixed_removed = sqlite3_column_int(st, 4);
		if (t->fixed) {
			snprintf(t->who, sizeof t->who, "%s", (const char *)sqlite3_column_text(st, 5));
			db_when((const char *)sqlite3_column_text(st, 6), t->when);
		}
		t->now_entry = sqlite3_column_int64(st, 7);
		rc = TDL_OK;
	} else {
		rc = rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the milestone entry", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Refuse what cannot be corrected, in one line; TDL_OK when fix may go ahead. */
static int fix_refuse(const struct fix_target *t, const struct child *c, const struct milestone_fix *fix,
		      struct tdl_err *err)
{
	long long id = fix->entry;

	if (!t->found || (c && t->child_id != c->id))
		return err_set(err, TDL_EINPUT, "there is no milestone entry %lld%s%s: 'toddle milestone list --history ID'"
			       " shows the entry ids", id, c && t->found ? " for " : "", c && t->found ? c->name : "");
	if (t->is_removal)
		return err_set(err, TDL_EINPUT, "entry %lld only records a removal: there is nothing in it to correct", id);
	if (t->fixed && t->fixed_removed)
		return err_set(err, TDL_EINPUT, "entry %lld was removed by %s at %s; nothing was saved", id, t->who, t->when);
	if (t->fixed && t->now_entry)
		return err_set(err, TDL_EINPUT, "entry %lld was already corrected by %s at %s; entry %lld is in force now:"
			       " correct that one; nothing was saved", id, t->who, t->when, t->now_entry);
	if (t->fixed)
		return err_set(err, TDL_EINPUT, "entry %lld was already corrected by %s at %s, and that entry was removed"
			       " since; nothing was saved", id, t->who, t->when);
	if (!fix->remove && !strcmp(t->status, milestone_status_name(fix->status)))
		return err_set(err, TDL_EINPUT, "entry %lld already says %s: nothing to change", id, t->status);
	return TDL_OK;
}

/* Correct or remove one entry by adding a row that names it. */
int milestone_correct(sqlite3 *db, const struct child *c, const struct milestone_fix *fix, long long *made,
		      struct tdl_err *err)
{
	struct fix_target t;
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc;

	if (made)
		*made = 0;
	if (!fix->remove && (fix->status < MS_ACHIEVED || fix->status > MS_NOT_YET))
		return err_set(err, TDL_EINPUT, "status must be achieved, emerging or not-yet");
	db_uuid(uuid);
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = fix_read(db, fix->entry, &t, err);
	if (!rc)
		rc = fix_refuse(&t, c, fix, err);
	st = db_write_checked(db, rc, "INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed, note,"
			" created_at, created_by, corrects, removed) SELECT ?1, child_id, milestone_id, ?2, observed, note,"
			" ?3, ?4, id, ?5 FROM milestone_log WHERE id = ?6", err);
	if (!st)
		return rc ? rc : TDL_EDATA;
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, fix->remove ? t.status : milestone_status_name(fix->status));
	db_bind_text(st, 3, now);
	db_bind_text(st, 4, db_user());
	sqlite3_bind_int(st, 5, fix->remove ? 1 : 0);
	sqlite3_bind_int64(st, 6, fix->entry);
	rc = db_write_end_one(db, st, "cannot save the correction", "that entry was removed meanwhile", err);
	if (!rc && made)
		*made = sqlite3_last_insert_rowid(db);
	return rc;
}
