/* Writing a child's portable record (format "toddle-record", version 1). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "record_rows.h"
#include "toddle/audit.h"
#include "toddle/db.h"
#include "toddle/file.h"
#include "toddle/priv.h"

/* Every row of kind for child c as a JSON array, or NULL with err. */
static json_t *kind_rows(sqlite3 *db, const struct rec_kind *kind, const struct child *c, struct tdl_err *err)
{
	char sql[2048];
	sqlite3_stmt *st;
	json_t *arr = json_array();
	int rc;

	if (!arr || rec_select_sql(kind, "", !strcmp(kind->table, "child") ? "t.id = ?1" : "t.child_id = ?1",
				   sql, sizeof sql)) {
		json_decref(arr);
		err_set(err, TDL_EDATA, "out of memory while writing the record");
		return NULL;
	}
	if (!(st = db_prepare(db, sql, err))) {
		json_decref(arr);
		return NULL;
	}
	sqlite3_bind_int64(st, 1, c->id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *bad = NULL;
		json_t *row = rec_row_json(kind, st, &bad);

		if (!row && bad) {
			sqlite3_finalize(st);
			json_decref(arr);
			err_set(err, TDL_EDATA, "a stored text in %s.%s of %s is not valid UTF-8: correct it in toddle "
				"and export again", kind->table, bad, c->name);
			return NULL;
		}
		if (!row || json_array_append_new(arr, row)) {
			rc = SQLITE_NOMEM;
			break;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		json_decref(arr);
		err_set(err, TDL_EDATA, "cannot read the %s: %s", kind->many, rc == SQLITE_NOMEM ? "out of memory" : sqlite3_errmsg(db));
		return NULL;
	}
	return arr;
}

/* Append child c's record as JSON to out. */
int record_export(sqlite3 *db, const struct child *c, int with_notes, struct buf *out,
		  struct tdl_err *err)
{
	json_t *doc = json_object(), *rows;
	char now[21], *text;
	int rc = TDL_OK;

	db_now(now);
	if (!doc || json_object_set_new(doc, "format", json_string(RECORD_FORMAT)) ||
	    json_object_set_new(doc, "version", json_integer(RECORD_VERSION)) ||
	    json_object_set_new(doc, "exported_at", json_string(now)) ||
	    json_object_set_new(doc, "exported_by", json_string(db_user())))
		rc = err_set(err, TDL_EDATA, "out of memory while writing the record");
	/* one read transaction, so every kind comes from the same moment */
	if (!rc && db_exec(db, "BEGIN", err))
		rc = TDL_EDATA;
	for (int k = 0; !rc && k < RK_COUNT; k++) {
		const struct rec_kind *kind = rec_kind_get((enum record_kind)k);

		if (k == RK_NOTES && !with_notes)
			continue;
		if (!(rows = kind_rows(db, kind, c, err)))
			rc = TDL_EDATA;
		else if (k == RK_CHILD && json_array_size(rows) != 1) {
			json_decref(rows);
			rc = err_set(err, TDL_EINPUT, "%s is no longer in the database", c->name);
		} else if (json_object_set(doc, kind->key, k == RK_CHILD ? json_array_get(rows, 0) : rows)) {
			json_decref(rows);
			rc = err_set(err, TDL_EDATA, "out of memory while writing the record");
		} else
			json_decref(rows);
	}
	if (sqlite3_get_autocommit(db) == 0)
		db_exec(db, "COMMIT", NULL);
	if (!rc) {
		text = json_dumps(doc, JSON_INDENT(1) | JSON_PRESERVE_ORDER);
		if (!text)
			rc = err_set(err, TDL_EDATA, "out of memory while writing the record");
		else {
			buf_add(out, text);
			buf_add(out, "\n");
			free(text);
			rc = buf_status(out, err);
		}
	}
	json_decref(doc);
	return rc;
}

/* Read the whole file at path into *out. */
static int read_all(const char *path, char **out, size_t *len, struct tdl_err *err)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
	struct stat st;
	char *data;
	size_t got = 0;

	if (fd < 0)
		return err_set(err, TDL_EINPUT, "cannot open %s: %s", path, strerror(errno));
	if (fstat(fd, &st) || !S_ISREG(st.st_mode) || st.st_size > RECORD_FILE_MAX) {
		int rc = fstat(fd, &st) ? err_set(err, TDL_EDATA, "cannot read %s: %s", path, strerror(errno))
			: S_ISDIR(st.st_mode) ? err_set(err, TDL_EINPUT, "%s is a folder, not a record file", path)
			: !S_ISREG(st.st_mode) ? err_set(err, TDL_EINPUT, "%s is not a regular file", path)
			: err_set(err, TDL_EINPUT, "%s is too large for a record (more than 64 MB)", path);

		close(fd);
		return rc;
	}
	if (!(data = malloc((size_t)st.st_size + 1))) {
		close(fd);
		return err_set(err, TDL_EDATA, "out of memory while reading %s", path);
	}
	while (got < (size_t)st.st_size) {
		ssize_t n = read(fd, data + got, (size_t)st.st_size - got);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*out = data;
	*len = got;
	return TDL_OK;
}

/* Read a record file as the person. */
int record_read_file(const char *path, char **out, size_t *len, struct tdl_err *err)
{
	int rc;

	*out = NULL;
	*len = 0;
	priv_suspend();
	rc = read_all(path, out, len, err);
	priv_resume();
	return rc;
}

/* Record in the audit trail that c's record went to file. */
int record_export_audit(sqlite3 *db, const struct child *c, int with_notes, const char *file,
			struct tdl_err *err)
{
	char where[4096], detail[4200];

	file_where(file, where, sizeof where);
	snprintf(detail, sizeof detail, "record%s, to %s", with_notes ? " with session notes" : "", where);
	return audit_record(db, c->id, "exported", detail, err);
}
