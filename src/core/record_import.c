/* Merging a portable record into the database: one transaction, nothing
 * overwritten (a replaced or conflicting version is kept in row_version). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record_rows.h"
#include "toddle/db.h"
#include "toddle/text.h"

/* One import in progress. */
struct merge {
	sqlite3 *db;
	long long child_id;
	const char *source;
	char now[21];
	struct record_summary *sum;
	struct tdl_err *err;
};

static const char *const top_keys[] = { "format", "version", "exported_at", "exported_by" };

/* Parse data and check that it is a record this toddle reads; the document or NULL with err. */
static json_t *record_parse(const char *data, size_t len, struct tdl_err *err)
{
	json_error_t je;
	json_t *doc = json_loadb(data, len, JSON_REJECT_DUPLICATES, &je), *v;
	const char *key;

	if (!doc) {
		err_set(err, TDL_EINPUT, "not a readable toddle record: line %d, column %d: %s", je.line, je.column, je.text);
		return NULL;
	}
	v = json_object_get(doc, "format");
	if (!json_is_object(doc) || !json_is_string(v) || strcmp(json_string_value(v), RECORD_FORMAT)) {
		err_set(err, TDL_EINPUT, "not a toddle record (its \"format\" is not \"%s\")", RECORD_FORMAT);
		goto fail;
	}
	v = json_object_get(doc, "version");
	if (!json_is_integer(v) || json_integer_value(v) < 1) {
		err_set(err, TDL_EINPUT, "version must be a whole number from 1");
		goto fail;
	}
	if (json_integer_value(v) > RECORD_VERSION) {
		err_set(err, TDL_EINPUT, "written by a newer toddle (record format version %lld; this one reads %d): "
			"install the newer toddle", (long long)json_integer_value(v), RECORD_VERSION);
		goto fail;
	}
	json_object_foreach(doc, key, v) {
		int known = 0;

		for (size_t i = 0; i < sizeof top_keys / sizeof top_keys[0] && !known; i++)
			known = !strcmp(key, top_keys[i]);
		for (int k = 0; k < RK_COUNT && !known; k++)
			known = !strcmp(key, rec_kind_get((enum record_kind)k)->key);
		if (!known) {
			err_set(err, TDL_EINPUT, "unknown field '%.40s' at the top of the record", key);
			goto fail;
		}
	}
	for (size_t i = 2; i < sizeof top_keys / sizeof top_keys[0]; i++)
		if (!json_is_string(json_object_get(doc, top_keys[i]))) {
			err_set(err, TDL_EINPUT, "%s must be a string", top_keys[i]);
			goto fail;
		}
	for (int k = RK_MILESTONES; k < RK_COUNT; k++) {
		const char *name = rec_kind_get((enum record_kind)k)->key;

		v = json_object_get(doc, name);
		if (!(k == RK_NOTES && !v) && !json_is_array(v)) {
			err_set(err, TDL_EINPUT, "%s must be a list (JSON array)%s", name, v ? "" : " and is missing");
			goto fail;
		}
	}
	return doc;
fail:
	json_decref(doc);
	return NULL;
}

/* The row of kind with uuid here as JSON (*local, NULL when none) and its child. */
static int local_row(struct merge *m, const struct rec_kind *kind, const char *uuid, json_t **local,
		     long long *child_id)
{
	int is_child = !strcmp(kind->table, "child"), rc;
	char sql[2048];
	sqlite3_stmt *st;

	*local = NULL;
	if (rec_select_sql(kind, is_child ? ", t.id" : ", t.child_id", "t.uuid = ?1", sql, sizeof sql))
		return err_set(m->err, TDL_EDATA, "the query for %s is too long", kind->many);
	if (!(st = db_prepare(m->db, sql, m->err)))
		return TDL_EDATA;
	db_bind_text(st, 1, uuid);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		const char *bad = NULL;

		*child_id = sqlite3_column_int64(st, kind->ncols);
		if (!(*local = rec_row_json(kind, st, &bad)) && bad) {
			sqlite3_finalize(st);
			return err_set(m->err, TDL_EDATA, "a stored text in %s.%s here (uuid %s) is not valid UTF-8: "
				       "correct it in toddle and import again", kind->table, bad, uuid);
		}
		if (!*local)
			rc = SQLITE_NOMEM;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW || rc == SQLITE_DONE)
		return TDL_OK;
	return rc == SQLITE_NOMEM ? err_set(m->err, TDL_EDATA, "out of memory while importing")
		: db_fail(m->db, "cannot read the database", m->err);
}

/* The string value of key in row. */
static const char *str(json_t *row, const char *key)
{
	return json_string_value(json_object_get(row, key));
}

/* Keep body as a version (kind 'replaced' or 'conflict') of row uuid, unless
 * the very same one is kept already; *kept says whether it was added. */
static int keep_version(struct merge *m, const struct rec_kind *kind, json_t *body, const char *what, int *kept)
{
	char *text = json_dumps(body, JSON_COMPACT | JSON_SORT_KEYS);
	sqlite3_stmt *st;
	int rc = TDL_OK;

	*kept = 0;
	if (!text)
		return err_set(m->err, TDL_EDATA, "out of memory while importing");
	st = db_prepare(m->db, "SELECT 1 FROM row_version WHERE tbl = ?1 AND uuid = ?2 AND version = ?3 AND body = ?4", m->err);
	if (!st)
		rc = TDL_EDATA;
	else {
		db_bind_text(st, 1, kind->table);
		db_bind_text(st, 2, str(body, "uuid"));
		sqlite3_bind_int64(st, 3, json_integer_value(json_object_get(body, "version")));
		db_bind_text(st, 4, text);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		rc = rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? TDL_OK : db_fail(m->db, "cannot read the kept versions", m->err);
	}
	if (rc == 1)
		rc = TDL_OK;
	else if (!rc && !(st = db_prepare(m->db, "INSERT INTO row_version(child_id, tbl, uuid, version, kind, body,"
					  " source, at, who) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)", m->err)))
		rc = TDL_EDATA;
	else if (!rc) {
		sqlite3_bind_int64(st, 1, m->child_id);
		db_bind_text(st, 2, kind->table);
		db_bind_text(st, 3, str(body, "uuid"));
		sqlite3_bind_int64(st, 4, json_integer_value(json_object_get(body, "version")));
		db_bind_text(st, 5, what);
		db_bind_text(st, 6, text);
		db_bind_text(st, 7, m->source);
		db_bind_text(st, 8, m->now);
		db_bind_text(st, 9, db_user());
		rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(m->db, "cannot keep a version", m->err);
		sqlite3_finalize(st);
		*kept = !rc;
	}
	free(text);
	return rc;
}

/* The id here of the row of kind whose uuid is ref, for this child; 0 when none. */
static long long ref_id(struct merge *m, const struct rec_kind *kind, const char *ref)
{
	char sql[160];
	sqlite3_stmt *st;
	long long id = 0;

	snprintf(sql, sizeof sql, "SELECT id FROM %s WHERE uuid = ?1 AND child_id = ?2", kind->table);
	if (sqlite3_prepare_v2(m->db, sql, -1, &st, NULL) != SQLITE_OK)
		return 0;
	db_bind_text(st, 1, ref);
	sqlite3_bind_int64(st, 2, m->child_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		id = sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return id;
}

/* Bind row's columns (all but skip) to the parameters from first on. */
static int bind_row(struct merge *m, const struct rec_kind *kind, json_t *row, sqlite3_stmt *st, int first,
		    const char *skip, const char *path)
{
	int p = first;

	for (int i = 0; i < kind->ncols; i++) {
		const struct rec_col *c = &kind->cols[i];
		json_t *v = json_object_get(row, c->name);

		if (skip && !strcmp(c->name, skip))
			continue;
		if (json_is_null(v))
			sqlite3_bind_null(st, p);
		else if (c->type == RT_REF) {
			long long id = ref_id(m, kind, json_string_value(v));

			if (!id)
				return err_set(m->err, TDL_EINPUT, "%s.%s: no %s with uuid %s comes before it", path, c->name,
					       kind->one, json_string_value(v));
			sqlite3_bind_int64(st, p, id);
		} else if (json_is_integer(v))
			sqlite3_bind_int64(st, p, json_integer_value(v));
		else if (json_is_boolean(v))
			sqlite3_bind_int(st, p, json_is_true(v));
		else if (json_is_object(v)) {
			char *b;
			size_t n;

			/* a text that is not UTF-8, checked by rec_row_check: stored byte for byte */
			if (rec_bytes_decode(v, &b, &n))
				return err_set(m->err, TDL_EDATA, "out of memory while importing");
			sqlite3_bind_text(st, p, b, (int)n, SQLITE_TRANSIENT);
			free(b);
		} else
			sqlite3_bind_text(st, p, json_string_value(v), (int)json_string_length(v), SQLITE_TRANSIENT);
		p++;
	}
	return TDL_OK;
}

/* Insert or (replace) update row of kind; *clash is 1 when a uniqueness rule
 * here (one correction per entry, one note per version) refused the insert. */
static int write_row(struct merge *m, const struct rec_kind *kind, json_t *row, int replace, const char *path,
		     int *clash)
{
	int is_child = !strcmp(kind->table, "child"), len, rc;
	char sql[2048], vals[600];
	sqlite3_stmt *st;

	*clash = 0;
	if (replace) {
		len = snprintf(sql, sizeof sql, "UPDATE %s SET ", kind->table);
		for (int i = 1, p = 2; i < kind->ncols; i++, p++)
			len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s = ?%d", i > 1 ? ", " : "",
					kind->cols[i].name, p);
		snprintf(sql + len, sizeof sql - (size_t)len, " WHERE uuid = ?1");
	} else {
		int vl = snprintf(vals, sizeof vals, "%s", is_child ? "" : "?1");

		len = snprintf(sql, sizeof sql, "INSERT INTO %s(%s", kind->table, is_child ? "" : "child_id");
		for (int i = 0; i < kind->ncols; i++) {
			len += snprintf(sql + len, sizeof sql - (size_t)len, "%s%s", i || !is_child ? ", " : "",
					kind->cols[i].name);
			vl += snprintf(vals + vl, sizeof vals - (size_t)vl, "%s?%d", i || !is_child ? ", " : "",
				       i + 1 + !is_child);
		}
		snprintf(sql + len, sizeof sql - (size_t)len, ") VALUES(%s)", vals);
	}
	if (!(st = db_prepare(m->db, sql, m->err)))
		return TDL_EDATA;
	if (!is_child && !replace)
		sqlite3_bind_int64(st, 1, m->child_id);
	if (replace)
		db_bind_text(st, 1, str(row, "uuid"));
	rc = bind_row(m, kind, row, st, replace || !is_child ? 2 : 1, replace ? "uuid" : NULL, path);
	if (!rc && sqlite3_step(st) != SQLITE_DONE) {
		if (sqlite3_extended_errcode(m->db) == SQLITE_CONSTRAINT_UNIQUE && !is_child)
			*clash = 1;
		else if (sqlite3_extended_errcode(m->db) == SQLITE_CONSTRAINT_UNIQUE)
			rc = err_set(m->err, TDL_EINPUT, "%s.name: another child here is called '%.80s': rename one of them first",
				     path, str(row, "name"));
		else
			rc = db_fail(m->db, "cannot import the record", m->err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Note a conflict kept as a version in the summary. */
static void note_conflict(struct merge *m, const struct rec_kind *kind, json_t *row)
{
	size_t len = strlen(m->sum->conflict_list);
	char label[200];

	m->sum->conflicts++;
	rec_row_label(kind, row, label, sizeof label);
	if (len + 4 < sizeof m->sum->conflict_list)
		snprintf(m->sum->conflict_list + len, sizeof m->sum->conflict_list - len, "%s%s %s",
			 len ? "; " : "", kind->one, label);
}

/* Keep row as a conflicting version and count it (or count it skipped when kept already). */
static int conflict(struct merge *m, enum record_kind k, json_t *row)
{
	const struct rec_kind *kind = rec_kind_get(k);
	int kept, rc = keep_version(m, kind, row, "conflict", &kept);

	if (!rc && kept)
		note_conflict(m, kind, row);
	else if (!rc)
		m->sum->skipped[k]++;
	return rc;
}

/* Merge one checked row of kind k (the child's row comes with local already read). */
static int merge_checked(struct merge *m, enum record_kind k, json_t *row, json_t *local, const char *path)
{
	const struct rec_kind *kind = rec_kind_get(k);
	json_int_t vin, vhere;
	int clash, kept, rc;

	if (!local) {
		rc = write_row(m, kind, row, 0, path, &clash);
		if (!rc && clash)
			return conflict(m, k, row);
		if (!rc)
			m->sum->added[k]++;
		return rc;
	}
	if (json_equal(local, row)) {
		m->sum->skipped[k]++;
		return TDL_OK;
	}
	if (!kind->versioned)
		return conflict(m, k, row);
	vin = json_integer_value(json_object_get(row, "version"));
	vhere = json_integer_value(json_object_get(local, "version"));
	if (vin < vhere) {
		m->sum->skipped[k]++;
		return TDL_OK;
	}
	if (vin == vhere)
		return conflict(m, k, row);
	if ((rc = keep_version(m, kind, local, "replaced", &kept)) || (rc = write_row(m, kind, row, 1, path, &clash)))
		return rc;
	m->sum->newer[k]++;
	return TDL_OK;
}

/* Merge the rows of one kind (a list in doc). */
static int merge_kind(struct merge *m, enum record_kind k, json_t *rows)
{
	const struct rec_kind *kind = rec_kind_get(k);
	char path[64];
	size_t i;
	json_t *v;

	json_array_foreach(rows, i, v) {
		json_t *row, *local;
		long long owner = 0;
		int rc;

		snprintf(path, sizeof path, "%s[%zu]", kind->key, i);
		if (!(row = rec_row_check(m->db, kind, v, path, m->err)))
			return m->err->msg[0] ? TDL_EINPUT : TDL_EDATA;
		rc = local_row(m, kind, str(row, "uuid"), &local, &owner);
		if (!rc && local && owner != m->child_id)
			rc = err_set(m->err, TDL_EINPUT, "%s: uuid %s belongs to another child here", path, str(row, "uuid"));
		if (!rc)
			rc = merge_checked(m, k, row, local, path);
		json_decref(row);
		json_decref(local);
		if (rc)
			return rc;
	}
	return TDL_OK;
}

/* Find or add the record's child; m->child_id is set on success. */
static int merge_child(struct merge *m, json_t *doc, const char *as_name)
{
	const struct rec_kind *kind = rec_kind_get(RK_CHILD);
	json_t *row = rec_row_check(m->db, kind, json_object_get(doc, "child") ? json_object_get(doc, "child")
				    : json_null(), "child", m->err), *local = NULL;
	int rc;

	if (!row)
		return m->err->msg[0] ? TDL_EINPUT : TDL_EDATA;
	rc = local_row(m, kind, str(row, "uuid"), &local, &m->child_id);
	if (!rc && local) {
		/* a child's name here is its own: a record never renames it */
		json_object_set(row, "name", json_object_get(local, "name"));
		rc = merge_checked(m, RK_CHILD, row, local, "child");
	} else if (!rc) {
		sqlite3_stmt *st;

		if (as_name)
			json_object_set_new(row, "name", json_string(as_name));
		if (!(st = db_prepare(m->db, "SELECT 1 FROM child WHERE name = ?1 COLLATE NOCASE", m->err)))
			rc = TDL_EDATA;
		else {
			db_bind_text(st, 1, str(row, "name"));
			if (sqlite3_step(st) == SQLITE_ROW)
				rc = err_set(m->err, TDL_EINPUT, "another child here is already called '%.80s': "
					     "import with --as NAME to give this one another name", str(row, "name"));
			sqlite3_finalize(st);
		}
		if (!rc && !(rc = merge_checked(m, RK_CHILD, row, NULL, "child"))) {
			m->child_id = sqlite3_last_insert_rowid(m->db);
			m->sum->child_added = 1;
		}
	}
	if (!rc)
		snprintf(m->sum->child, sizeof m->sum->child, "%s", str(row, "name"));
	json_decref(row);
	json_decref(local);
	return rc;
}

/* The audit row saying who imported what from where (inside the transaction). */
static int audit_import(struct merge *m)
{
	const struct record_summary *s = m->sum;
	int added = 0, newer = 0, skipped = 0;
	char detail[4400];
	sqlite3_stmt *st;
	int rc;

	for (int k = 0; k < RK_COUNT; k++) {
		added += s->added[k];
		newer += s->newer[k];
		skipped += s->skipped[k];
	}
	if (!added && !newer && !s->conflicts)
		return TDL_OK;
	snprintf(detail, sizeof detail, "from %.4000s: %d added, %d newer versions, %d conflicts kept as versions, %d already here",
		 m->source, added, newer, s->conflicts, skipped);
	if (!(st = db_prepare(m->db, "INSERT INTO audit(at, who, child_id, action, detail) VALUES(?1, ?2, ?3, 'record imported', ?4)",
			      m->err)))
		return TDL_EDATA;
	db_bind_text(st, 1, m->now);
	db_bind_text(st, 2, db_user());
	sqlite3_bind_int64(st, 3, m->child_id);
	db_bind_text(st, 4, detail);
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(m->db, "cannot record the import", m->err);
	sqlite3_finalize(st);
	return rc;
}

/* Merge the record in data into the database in one transaction. */
int record_import(sqlite3 *db, const char *data, size_t len, const struct record_import_opts *opts,
		  struct record_summary *sum, struct tdl_err *err)
{
	struct merge m = { .db = db, .source = opts->source ? opts->source : "?", .sum = sum, .err = err };
	json_t *doc;
	int rc;

	memset(sum, 0, sizeof *sum);
	err_clear(err);
	if (opts->as_name && text_check(opts->as_name, "--as", CHILD_NAME_MAX, 1, err))
		return TDL_EINPUT;
	if (!(doc = record_parse(data, len, err)))
		return TDL_EINPUT;
	db_now(m.now);
	if (db_begin(db, err)) {
		json_decref(doc);
		return TDL_EDATA;
	}
	rc = merge_child(&m, doc, opts->as_name);
	for (int k = RK_MILESTONES; !rc && k < RK_COUNT; k++) {
		json_t *rows = json_object_get(doc, rec_kind_get((enum record_kind)k)->key);

		if (rows)
			rc = merge_kind(&m, (enum record_kind)k, rows);
	}
	if (!rc)
		rc = audit_import(&m);
	json_decref(doc);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}
