/* CSV exports: one table per kind of record, every column straight from the file. */
#include <sqlite3.h>
#include "toddle/db.h"
#include "toddle/export.h"

/* One kind of export: its header row and the query that gives its rows (?1: the child). */
struct csv_table {
	const char *head;
	const char *sql;
};

/* Indexed by enum export_what. Columns of older versions keep their place;
 * new ones come after them. */
static const struct csv_table tables[] = {
	[EXPORT_MILESTONES] = {
		"entry_id,date,status,domain,text,note,recorded_by,recorded_at,item_id,kind,"
		"checklist_months,window_from_months,window_to_months,state,corrects_entry,changed_by,changed_at,uuid",
		"SELECT l.id, l.observed, l.status, COALESCE(m.domain, 'movement'),"
		" COALESCE(m.text, w.text, l.milestone_id), l.note, l.created_by, l.created_at, l.milestone_id,"
		" CASE WHEN m.id IS NOT NULL THEN 'cdc' WHEN w.id IS NOT NULL THEN 'who' END, m.age_months,"
		" CASE WHEN w.id IS NOT NULL THEN round(w.p1, 1) END,"
		" CASE WHEN w.id IS NOT NULL THEN round(w.p99, 1) END,"
		" CASE WHEN x.id IS NULL THEN 'in-force' WHEN x.removed THEN 'removed' ELSE 'corrected' END,"
		" l.corrects, x.created_by, x.created_at, l.uuid"
		" FROM milestone_log l LEFT JOIN milestone_log x ON x.corrects = l.id"
		" LEFT JOIN milestone m ON m.id = l.milestone_id LEFT JOIN who_window w ON w.id = l.milestone_id"
		" WHERE l.child_id = ?1 AND l.removed = 0 ORDER BY l.id" },
	[EXPORT_ACTIVITIES] = {
		"id,date,activity_id,title,result,minutes,note,recorded_by,recorded_at,version,uuid",
		"SELECT l.id, l.day, l.activity_id, COALESCE(a.title, l.activity_id), l.result,"
		" CASE WHEN l.minutes > 0 THEN l.minutes END, l.note, COALESCE(l.updated_by, l.created_by),"
		" COALESCE(l.updated_at, l.created_at), l.version, l.uuid"
		" FROM activity_log l LEFT JOIN activity a ON a.id = l.activity_id"
		" WHERE l.child_id = ?1 AND l.deleted_at IS NULL ORDER BY l.day, l.id" },
	[EXPORT_APPOINTMENTS] = {
		"id,date,time,minutes,title,place,with,uuid,version,recorded_by,recorded_at",
		"SELECT id, day, time, minutes, title, place, with_whom, uuid, version, updated_by, updated_at"
		" FROM appointment WHERE child_id = ?1 AND deleted_at IS NULL ORDER BY day, time, id" },
	[EXPORT_GOALS] = {
		"id,text,target,status,version,added_by,added_at,changed_by,changed_at,uuid",
		"SELECT id, text, target, status, version, created_by, created_at, updated_by, updated_at, uuid"
		" FROM goal WHERE child_id = ?1 ORDER BY id" },
	[EXPORT_NOTES] = {
		"id,note_uuid,version,date,minutes,discipline,subjective,objective,assessment,plan,"
		"written_by,written_at,uuid",
		"SELECT id, note_uuid, version, day, minutes, discipline, subjective, objective, assessment, plan,"
		" created_by, created_at, uuid FROM session_note WHERE child_id = ?1 ORDER BY id" },
	[EXPORT_PROGRAM] = {
		"id,activity_id,title,times,per,start,stop,version,added_by,added_at,ended,ended_by,ended_at,uuid",
		"SELECT p.id, p.activity_id, COALESCE(a.title, p.activity_id), p.times, p.per, p.start, p.stop,"
		" p.version, p.created_by, p.created_at, CASE WHEN p.ended_at IS NULL THEN 'no' ELSE 'yes' END,"
		" p.ended_by, p.ended_at, p.uuid FROM program p LEFT JOIN activity a ON a.id = p.activity_id"
		" WHERE p.child_id = ?1 ORDER BY p.start, p.id" },
	[EXPORT_AUDIT] = {
		"id,at,who,action,detail",
		"SELECT id, at, who, action, detail FROM audit WHERE child_id = ?1 ORDER BY id" },
};

/* Append the current row of st as CSV cells (NULL: an empty cell), ending in CRLF. */
static void csv_row(struct buf *out, sqlite3_stmt *st)
{
	int n = sqlite3_column_count(st);

	for (int i = 0; i < n; i++) {
		const char *v = (const char *)sqlite3_column_text(st, i);

		if (i)
			buf_add(out, ",");
		buf_csv_cell(out, v ? v : "");
	}
	buf_add(out, "\r\n");
}

/* A header row and one row per record of child c. */
int export_csv(sqlite3 *db, const struct child *c, enum export_what what, int bom, struct buf *out,
	       struct tdl_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((unsigned)what >= sizeof tables / sizeof tables[0])
		return err_set(err, TDL_EINPUT, "export: unknown kind of records");
	st = db_prepare(db, tables[what].sql, err);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	if (bom)
		buf_add(out, "\xEF\xBB\xBF");
	buf_add(out, tables[what].head);
	buf_add(out, "\r\n");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW && !out->failed)
		csv_row(out, st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, "cannot read the records to export", err);
	return buf_status(out, err);
}
