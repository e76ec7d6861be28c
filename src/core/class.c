/* Classes: reading lessons and marking them watched. */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include "toddle/class.h"
#include "toddle/db.h"

#define CLASS_COLS "c.id, c.title, c.audience, c.sections, c.steps, COALESCE(c.video, ''), c.source," \
	" c.week_from, c.week_to, c.minutes," \
	" (SELECT count(*) FROM class_log l WHERE l.child_id = ?1 AND l.class_id = c.id AND l.unwatched = 0" \
	"  AND l.id > COALESCE((SELECT max(u.id) FROM class_log u WHERE u.child_id = ?1 AND u.class_id = c.id" \
	"  AND u.unwatched = 1), 0))"

/* Fill the class elem from a row of CLASS_COLS (a db_rows fill). */
static int class_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct class_info *k = elem;
	char **f[] = { &k->id, &k->title, &k->audience, &k->sections, &k->steps, &k->video, &k->source };

	(void)ctx;
	for (int i = 0; i < 7; i++)
		*f[i] = db_column_dup(st, i);
	k->week_from = sqlite3_column_int(st, 7);
	k->week_to = sqlite3_column_int(st, 8);
	k->minutes = sqlite3_column_int(st, 9);
	k->watched = sqlite3_column_int(st, 10);
	return 0;
}

/* Free a class's strings (a db_rows drop). */
static void class_drop(void *elem)
{
	class_clear(elem);
}

static const struct db_rows class_rows = { sizeof(struct class_info), class_from_row, class_drop, "the classes" };

/* All classes by age. */
int class_list(sqlite3 *db, const struct child *c, struct class_info **out, int *n,
	       struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CLASS_COLS " FROM class c"
				      " ORDER BY c.week_from, c.week_to, c.sort", err);
	void *rows;
	int rc;

	if (st)
		sqlite3_bind_int64(st, 1, c ? c->id : -1);
	rc = db_rows_read(db, st, &class_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* One class by id. */
int class_get(sqlite3 *db, const char *id, const struct child *c, struct class_info *out,
	      struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CLASS_COLS " FROM class c WHERE c.id = ?2", err);
	int rc;

	memset(out, 0, sizeof *out);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c ? c->id : -1);
	db_bind_text(st, 2, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		class_from_row(st, out, NULL);
		rc = TDL_OK;
	} else if (rc == SQLITE_DONE) {
		rc = err_set(err, TDL_EINPUT, "no class '%.64s': see 'toddle class list'", id);
	} else {
		rc = db_fail(db, "cannot read the class", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Add a class_log row: watched on day, or (unwatched) marked not watched. */
static int class_log_add(sqlite3 *db, const struct child *c, const char *id, day_t day, int unwatched,
			 struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc;

	db_uuid(uuid);
	db_now(now);
	rc = child_write_begin(db, c, "INSERT INTO class_log(uuid, child_id, class_id, day, created_at, created_by,"
			       " unwatched) VALUES(?,?,?,?,?,?,?)", &st, err);
	if (rc)
		return rc;
	db_bind_text(st, 1, uuid);
	sqlite3_bind_int64(st, 2, c->id);
	db_bind_text(st, 3, id);
	db_bind_day(st, 4, day);
	db_bind_text(st, 5, now);
	db_bind_text(st, 6, db_user());
	sqlite3_bind_int(st, 7, unwatched);
	return db_write_end(db, st, "cannot save", err);
}

/* Take back "watched" for a class: a new row says so; the earlier ones stay. */
int class_unmark_watched(sqlite3 *db, const struct child *c, const char *id, day_t today, struct tdl_err *err)
{
	struct class_info k;
	int rc = class_get(db, id, c, &k, err);

	if (rc)
		return rc;
	class_clear(&k);
	return class_log_add(db, c, id, today, 1, err);
}

/* Record that a class was watched on a day. */
int class_mark_watched(sqlite3 *db, const struct child *c, const char *id, day_t day, day_t today,
		       struct tdl_err *err)
{
	struct class_info k;
	int rc;

	rc = date_check_past(day, today, "the date watched", err);
	if (rc)
		return rc;
	rc = class_get(db, id, c, &k, err);
	if (rc)
		return rc;
	class_clear(&k);
	return class_log_add(db, c, id, day, 0, err);
}

/* True when url is an http:// or https:// link a player may be given. */
int class_video_ok(const char *url)
{
	size_t skip;

	if (!url)
		return 0;
	if (!strncasecmp(url, "https://", 8))
		skip = 8;
	else if (!strncasecmp(url, "http://", 7))
		skip = 7;
	else
		return 0;
	if (!url[skip])
		return 0;
	for (const unsigned char *p = (const unsigned char *)url; *p; p++)
		if (*p < 0x20 || *p == 0x7f)
			return 0;
	return 1;
}

/* Free the strings of one class. */
void class_clear(struct class_info *k)
{
	char *f[] = { k->id, k->title, k->audience, k->sections, k->steps, k->video, k->source };

	for (size_t i = 0; i < sizeof f / sizeof f[0]; i++)
		free(f[i]);
	memset(k, 0, sizeof *k);
}

/* Free an array of n classes. */
void class_free_all(struct class_info *k, int n)
{
	for (int i = 0; i < n; i++)
		class_clear(&k[i]);
	free(k);
}
