/* Loading the content library into the database when its files change. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "content_lib.h"
#include "toddle/db.h"

#define CONTENT_FORMAT 4 /* bump when the loader's rules or tables change */

/* FNV-1a over bytes, continuing from h. */
static unsigned long long fnv(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

/* Mix one folder's file names, sizes and change times into h: no file is read. */
static int stamp_dir(const char *dir, unsigned long long *h, struct tdl_err *err)
{
	char **names, path[4096];
	int n;

	if (lib_list_files(dir, &names, &n, err))
		return TDL_EDATA;
	*h = fnv(*h, dir, strlen(dir) + 1);
	for (int i = 0; i < n; i++) {
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (stat(path, &st) != 0)
			continue;
		*h = fnv(*h, names[i], strlen(names[i]) + 1);
		*h = fnv(*h, &st.st_size, sizeof st.st_size);
		*h = fnv(*h, &st.st_mtim, sizeof st.st_mtim);
		*h = fnv(*h, &st.st_ino, sizeof st.st_ino);
	}
	lib_free_names(names, n);
	return TDL_OK;
}

/* Store one record with its type's statement; 0 on success. */
static int store_rec(sqlite3_stmt *s, const struct content_type *t, const struct rec *r, int sort)
{
	int rc;

	t->bind(s, r, sort);
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Each id an activity replaces becomes a row copying it that names it
 * (alias_of): lists leave such rows out, logs and programs keep their title. */
static int lib_store_aliases(sqlite3 *db, const struct lib *l, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT INTO activity(id, title, domain, discipline, materials,"
				      " why, builds, easier, harder, safety, tags, week_from, week_to, minutes,"
				      " steps, file, source, next, before, alias_of) SELECT ?1, title, domain,"
				      " discipline, materials, why, builds, easier, harder, safety, tags, week_from,"
				      " week_to, minutes, steps, file, source, next, before, id FROM activity"
				      " WHERE id = ?2", err);
	int rc = st ? TDL_OK : TDL_EDATA;

	for (int i = 0; i < l->n && !rc; i++) {
		const struct rec *r = &l->recs[i];

		for (const char *p = strcmp(r->type, "activity") ? NULL : rec_get(r, "replaces"); p && *p && !rc;) {
			size_t len = strcspn(p, " ,");

			sqlite3_bind_text(st, 1, p, (int)len, SQLITE_TRANSIENT);
			db_bind_text(st, 2, r->id);
			if (len && sqlite3_step(st) != SQLITE_DONE)
				rc = db_fail(db, "cannot store the content library", err);
			sqlite3_reset(st);
			p += len;
			p += strspn(p, " ,");
		}
	}
	sqlite3_finalize(st);
	return rc;
}

/* Replace the library tables with l and record the stamp, inside the caller's transaction. */
static int lib_store(sqlite3 *db, const struct lib *l, const char *stamp, struct tdl_err *err)
{
	int rc = db_exec(db, "DELETE FROM week_note; DELETE FROM activity; DELETE FROM milestone;"
			 "DELETE FROM who_window; DELETE FROM guide; DELETE FROM concern;"
			 "DELETE FROM sign; DELETE FROM class;", err);

	for (const struct content_type *t = content_types; t->type && !rc; t++) {
		sqlite3_stmt *st = db_prepare(db, t->sql, err);

		if (!st)
			return TDL_EDATA;
		for (int i = 0; i < l->n && !rc; i++)
			if (!strcmp(l->recs[i].type, t->type) && store_rec(st, t, &l->recs[i], i))
				rc = db_fail(db, "cannot store the content library", err);
		sqlite3_finalize(st);
	}
	if (!rc)
		rc = lib_store_aliases(db, l, err);
	return rc ? rc : db_meta_set(db, "content_stamp", stamp, err);
}

/* Read the shipped folder and, when given, the extra one, with every rule; a
 * problem in the extra folder leaves it out (*left_out) and is described in xerr. */
static int lib_gather(const char *dir, const char *extra, struct lib *l, int *left_out,
		      struct tdl_err *xerr, struct tdl_err *err)
{
	int n0, rc;

	memset(l, 0, sizeof *l);
	rc = lib_read_dir(dir, 0, l, err);
	if (!rc)
		rc = rules_cross_check(l, err);
	if (rc || !extra || !*extra) {
		if (rc)
			lib_free(l);
		return rc;
	}
	n0 = l->n;
	if ((*left_out = lib_read_dir(extra, 1, l, xerr)) != 0 || (*left_out = rules_cross_check(l, xerr)) != 0)
		lib_truncate(l, n0);
	return TDL_OK;
}

/* The loader, for the start and for content check alike: load dir and extra into db
 * when they changed since the last load. A problem in extra leaves it out: *left_out
 * is its status (0: none) and xerr says why. */
static int content_load(sqlite3 *db, const char *dir, const char *extra, int *reloaded, int *left_out,
			struct tdl_err *xerr, struct tdl_err *err)
{
	char stamp[32], old[32] = "";
	unsigned long long h = 1469598103934665603ULL;
	int fmt = CONTENT_FORMAT, rc;
	struct lib l;

	*reloaded = 0;
	*left_out = 0;
	h = fnv(h, &fmt, sizeof fmt);
	if (stamp_dir(dir, &h, err))
		return TDL_EDATA;
	if (extra && *extra && (*left_out = stamp_dir(extra, &h, xerr)) != 0)
		extra = NULL;
	snprintf(stamp, sizeof stamp, "%016llx", h);
	if (db_meta_get(db, "content_stamp", old, sizeof old) == 0 && !strcmp(old, stamp))
		return TDL_OK;
	rc = lib_gather(dir, extra, &l, left_out, xerr, err);
	if (rc)
		return rc;
	rc = db_begin(db, err);
	if (!rc) {
		old[0] = '\0';
		if (db_meta_get(db, "content_stamp", old, sizeof old) == 0 && !strcmp(old, stamp)) {
			db_rollback(db); /* another toddle loaded it meanwhile */
		} else if ((rc = lib_store(db, &l, stamp, err))) {
			db_rollback(db);
		} else if (!(rc = db_commit(db, err))) {
			*reloaded = 1;
		}
	}
	lib_free(&l);
	return rc;
}

/* Check the folders by loading them, as a start would, into a scratch database in
 * memory: a problem the loader would warn about and leave out is an error here. */
int content_check_with(const char *dir, const char *extra, struct tdl_err *err)
{
	struct tdl_err xerr;
	sqlite3 *db = NULL;
	int reloaded, left_out = 0, rc = db_open_memory(&db, err);

	err_clear(&xerr);
	if (!rc)
		rc = content_load(db, dir, extra, &reloaded, &left_out, &xerr, err);
	db_close(db);
	if (!rc && left_out)
		rc = err_set(err, left_out, "%s (toddle would leave the folder %.200s out)", xerr.msg, extra);
	return rc;
}

/* Check a folder as the shipped library, the same way. */
int content_check_dir(const char *dir, struct tdl_err *err)
{
	return content_check_with(dir, NULL, err);
}

/* Load the folders into db when they changed since the last load. */
int content_sync_with(sqlite3 *db, const char *dir, const char *extra, int *reloaded, char *warn,
		      size_t warnsz, struct tdl_err *err)
{
	struct tdl_err xerr;
	int left_out = 0, rc;

	err_clear(&xerr);
	if (warn && warnsz)
		warn[0] = '\0';
	rc = content_load(db, dir, extra, reloaded, &left_out, &xerr, err);
	if (left_out && warn && warnsz)
		snprintf(warn, warnsz, "your own library folder was left out: %s", xerr.msg);
	return rc;
}

/* Load the shipped folder into db when it changed since the last load. */
int content_sync(sqlite3 *db, const char *dir, int *reloaded, struct tdl_err *err)
{
	char warn[4];

	return content_sync_with(db, dir, NULL, reloaded, warn, sizeof warn, err);
}
