/* Loading the content library folder into the database when it changes. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/week.h"

#define CONTENT_FORMAT 1          /* bump when the loader's rules change */
#define CONTENT_FILE_MAX (4 << 20)

/* A record copied out of the parser, owning its strings. */
struct rec {
	char *file, *type, *id;
	int line, nfields;
	char **keys, **values;
	int *lines;
};

struct lib {
	struct rec *recs;
	int n, cap;
};

/* Value of the first `key` in r, or NULL. */
static const char *rec_get(const struct rec *r, const char *key)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			return r->values[i];
	return NULL;
}

/* Line of the first `key` in r, or the header's line. */
static int rec_line(const struct rec *r, const char *key)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			return r->lines[i];
	return r->line;
}

static void rec_free(struct rec *r)
{
	for (int i = 0; i < r->nfields; i++) {
		free(r->keys[i]);
		free(r->values[i]);
	}
	free(r->keys);
	free(r->values);
	free(r->lines);
	free(r->file);
	free(r->type);
	free(r->id);
}

static void lib_free(struct lib *l)
{
	for (int i = 0; i < l->n; i++)
		rec_free(&l->recs[i]);
	free(l->recs);
	l->recs = NULL;
	l->n = l->cap = 0;
}

/* Keys each type allows; a trailing '!' marks required, '*' repeatable+required. */
static const char *const week_keys[] = { "title!", "typical!", "focus!", "can_wait!", "source", NULL };
static const char *const activity_keys[] = {
	"title!", "weeks!", "domain!", "discipline!", "minutes!", "materials!", "step*", "why!",
	"builds", "easier", "harder", "safety", "tags", NULL
};
static const char *const milestone_keys[] = { "age_months!", "domain!", "text!", "source!", NULL };

static const char *const activity_domains[] = { "gross-motor", "fine-motor", "sensory", "communication",
	"social-emotional", "cognitive", "daily-routines", NULL };
static const char *const disciplines[] = { "pt", "ot", "speech", "general", NULL };
static const char *const milestone_domains[] = { "social-emotional", "language", "cognitive",
	"movement", NULL };

static int in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(v, *list))
			return 1;
	return 0;
}

/* Whole number in [min, max] or -1. */
static int parse_num(const char *v, int min, int max)
{
	char *end;
	long x = strtol(v, &end, 10);

	if (!*v || *end || x < min || x > max)
		return -1;
	return (int)x;
}

/* Parse "FROM-TO" weeks within 0..WEEK_MAX. */
static int parse_weeks(const char *v, int *from, int *to)
{
	char a[8], b[8];
	const char *dash = strchr(v, '-');

	if (!dash || dash == v || (size_t)(dash - v) >= sizeof a || strlen(dash + 1) >= sizeof b)
		return -1;
	memcpy(a, v, (size_t)(dash - v));
	a[dash - v] = '\0';
	strcpy(b, dash + 1);
	*from = parse_num(a, 0, WEEK_MAX);
	*to = parse_num(b, 0, WEEK_MAX);
	return *from < 0 || *to < *from ? -1 : 0;
}

/* Keys of r against the allowed list: unknown, missing, repeated. */
static int check_keys(const struct rec *r, const char *const *allowed, struct tdl_err *err)
{
	for (int i = 0; i < r->nfields; i++) {
		const char *k = r->keys[i];
		int ok = 0, repeat = 0;

		for (const char *const *a = allowed; *a; a++) {
			size_t n = strcspn(*a, "!*");

			if (strlen(k) == n && !strncmp(*a, k, n)) {
				ok = 1;
				repeat = (*a)[n] == '*';
			}
		}
		if (!ok)
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': unknown key '%s'", r->file,
				       r->lines[i], r->type, r->id, k);
		if (!r->values[i][0])
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': '%s' is empty", r->file,
				       r->lines[i], r->type, r->id, k);
		if (!repeat && rec_line(r, k) != r->lines[i])
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': '%s' appears twice", r->file,
				       r->lines[i], r->type, r->id, k);
	}
	for (const char *const *a = allowed; *a; a++) {
		size_t n = strcspn(*a, "!*");
		char key[32];

		if (!(*a)[n])
			continue;
		snprintf(key, sizeof key, "%.*s", (int)n, *a);
		if (!rec_get(r, key))
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': '%s' is missing", r->file,
				       r->line, r->type, r->id, key);
	}
	return TDL_OK;
}

/* Ids: lower-case letters, digits and '-'. */
static int id_ok(const char *id)
{
	if (!*id || strlen(id) > 64)
		return 0;
	for (; *id; id++)
		if (!((*id >= 'a' && *id <= 'z') || (*id >= '0' && *id <= '9') || *id == '-'))
			return 0;
	return 1;
}

/* Check one record by its type. */
static int check_rec(const struct rec *r, struct tdl_err *err)
{
	int from, to;

	if (!strcmp(r->type, "week")) {
		if (parse_num(r->id, 0, WEEK_MAX) < 0 || strspn(r->id, "0123456789") != strlen(r->id) ||
		    (r->id[0] == '0' && r->id[1]))
			return err_set(err, TDL_EINPUT, "%s:%d: week '%s' must be a number from 0 to %d",
				       r->file, r->line, r->id, WEEK_MAX);
		return check_keys(r, week_keys, err);
	}
	if (!id_ok(r->id))
		return err_set(err, TDL_EINPUT, "%s:%d: id '%.64s' may hold only a-z, 0-9 and '-'",
			       r->file, r->line, r->id);
	if (!strcmp(r->type, "activity")) {
		if (check_keys(r, activity_keys, err))
			return TDL_EINPUT;
		if (parse_weeks(rec_get(r, "weeks"), &from, &to))
			return err_set(err, TDL_EINPUT, "%s:%d: activity '%s': 'weeks' must be a range like 4-8 within 0-%d",
				       r->file, rec_line(r, "weeks"), r->id, WEEK_MAX);
		if (!in_list(rec_get(r, "domain"), activity_domains))
			return err_set(err, TDL_EINPUT, "%s:%d: activity '%s': unknown domain '%s'",
				       r->file, rec_line(r, "domain"), r->id, rec_get(r, "domain"));
		if (!in_list(rec_get(r, "discipline"), disciplines))
			return err_set(err, TDL_EINPUT, "%s:%d: activity '%s': discipline must be pt, ot, speech or general",
				       r->file, rec_line(r, "discipline"), r->id);
		if (parse_num(rec_get(r, "minutes"), 1, 60) < 0)
			return err_set(err, TDL_EINPUT, "%s:%d: activity '%s': minutes must be 1 to 60",
				       r->file, rec_line(r, "minutes"), r->id);
		return TDL_OK;
	}
	if (!strcmp(r->type, "milestone")) {
		if (check_keys(r, milestone_keys, err))
			return TDL_EINPUT;
		if (parse_num(rec_get(r, "age_months"), 1, 72) < 0)
			return err_set(err, TDL_EINPUT, "%s:%d: milestone '%s': age_months must be 1 to 72",
				       r->file, rec_line(r, "age_months"), r->id);
		if (!in_list(rec_get(r, "domain"), milestone_domains))
			return err_set(err, TDL_EINPUT, "%s:%d: milestone '%s': unknown domain '%s'",
				       r->file, rec_line(r, "domain"), r->id, rec_get(r, "domain"));
		return TDL_OK;
	}
	return err_set(err, TDL_EINPUT, "%s:%d: unknown record type '%.20s' (use week, activity or milestone)",
		       r->file, r->line, r->type);
}

/* Parser callback: copy the record into the library and check it. */
static int collect(const struct content_record *cr, void *ctx, struct tdl_err *err)
{
	struct lib *l = ctx;
	struct rec *r;

	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 64;
		struct rec *g = realloc(l->recs, (size_t)cap * sizeof *g);

		if (!g)
			return err_set(err, TDL_EDATA, "out of memory");
		l->recs = g;
		l->cap = cap;
	}
	r = &l->recs[l->n++];
	memset(r, 0, sizeof *r);
	r->file = strdup(cr->file);
	r->type = strdup(cr->type);
	r->id = strdup(cr->id);
	r->line = cr->line;
	r->keys = calloc((size_t)cr->nfields + 1, sizeof *r->keys);
	r->values = calloc((size_t)cr->nfields + 1, sizeof *r->values);
	r->lines = calloc((size_t)cr->nfields + 1, sizeof *r->lines);
	if (!r->file || !r->type || !r->id || !r->keys || !r->values || !r->lines)
		return err_set(err, TDL_EDATA, "out of memory");
	for (int i = 0; i < cr->nfields; i++) {
		r->keys[i] = strdup(cr->fields[i].key);
		r->values[i] = strdup(cr->fields[i].value);
		r->lines[i] = cr->fields[i].line;
		r->nfields = i + 1;
		if (!r->keys[i] || !r->values[i])
			return err_set(err, TDL_EDATA, "out of memory");
	}
	return check_rec(r, err);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted list of "*.ini" names in dir; *out freed by the caller. */
static int list_files(const char *dir, char ***out, int *n, struct tdl_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	int cnt = 0, cap = 0;

	*out = NULL;
	*n = 0;
	if (!d)
		return err_set(err, TDL_EDATA,
			       "cannot read the content folder %s: %s (reinstall toddle or set library.content)",
			       dir, strerror(errno));
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (e->d_name[0] == '.' || len < 5 || strcmp(e->d_name + len - 4, ".ini"))
			continue;
		if (cnt == cap) {
			char **g = realloc(names, (size_t)(cap = cap ? cap * 2 : 16) * sizeof *g);

			if (!g)
				break;
			names = g;
		}
		names[cnt] = strdup(e->d_name);
		if (names[cnt])
			cnt++;
	}
	closedir(d);
	if (cnt > 1)
		qsort(names, (size_t)cnt, sizeof *names, cmp_name);
	*out = names;
	*n = cnt;
	return TDL_OK;
}

static void free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* FNV-1a over bytes, continuing from h. */
static unsigned long long fnv(unsigned long long h, const void *p, size_t n)
{
	const unsigned char *b = p;

	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 1099511628211ULL;
	return h;
}

/* A stamp from the folder's file names, sizes and change times: no file is read. */
static int folder_stamp(const char *dir, char *out, size_t outsz, struct tdl_err *err)
{
	char **names, path[4096];
	int n, fmt = CONTENT_FORMAT;
	unsigned long long h = 1469598103934665603ULL;

	if (list_files(dir, &names, &n, err))
		return TDL_EDATA;
	h = fnv(h, &fmt, sizeof fmt);
	h = fnv(h, dir, strlen(dir) + 1);
	for (int i = 0; i < n; i++) {
		struct stat st;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		if (stat(path, &st) != 0)
			continue;
		h = fnv(h, names[i], strlen(names[i]) + 1);
		h = fnv(h, &st.st_size, sizeof st.st_size);
		h = fnv(h, &st.st_mtim, sizeof st.st_mtim);
		h = fnv(h, &st.st_ino, sizeof st.st_ino);
	}
	free_names(names, n);
	snprintf(out, outsz, "%016llx", h);
	return TDL_OK;
}

/* Read one whole file into a heap buffer. */
static int read_file(const char *path, char **buf, size_t *len, struct tdl_err *err)
{
	FILE *f = fopen(path, "rb");
	long size;

	*buf = NULL;
	if (!f)
		return err_set(err, TDL_EDATA, "cannot read %s: %s", path, strerror(errno));
	if (fseek(f, 0, SEEK_END) || (size = ftell(f)) < 0 || size > CONTENT_FILE_MAX ||
	    fseek(f, 0, SEEK_SET)) {
		fclose(f);
		return err_set(err, TDL_EINPUT, "%s is too large or unreadable", path);
	}
	*buf = malloc((size_t)size + 1);
	if (!*buf || fread(*buf, 1, (size_t)size, f) != (size_t)size) {
		fclose(f);
		free(*buf);
		*buf = NULL;
		return err_set(err, TDL_EDATA, "cannot read %s", path);
	}
	fclose(f);
	*len = (size_t)size;
	return TDL_OK;
}

/* Unique ids per type, and every "builds" reference names a milestone. */
static int cross_check(const struct lib *l, struct tdl_err *err)
{
	for (int i = 0; i < l->n; i++) {
		const struct rec *r = &l->recs[i];
		const char *builds;

		for (int j = 0; j < i; j++)
			if (!strcmp(l->recs[j].type, r->type) && !strcmp(l->recs[j].id, r->id))
				return err_set(err, TDL_EINPUT, "%s:%d: %s '%s' is defined twice (first at %s:%d)",
					       r->file, r->line, r->type, r->id, l->recs[j].file, l->recs[j].line);
		builds = strcmp(r->type, "activity") ? NULL : rec_get(r, "builds");
		while (builds && *builds) {
			size_t len = strcspn(builds, " ,");
			int found = 0;

			for (int j = 0; j < l->n && len; j++)
				found |= !strcmp(l->recs[j].type, "milestone") &&
					 strlen(l->recs[j].id) == len && !strncmp(l->recs[j].id, builds, len);
			if (len && !found)
				return err_set(err, TDL_EINPUT, "%s:%d: activity '%s' builds on '%.*s', which is no milestone",
					       r->file, rec_line(r, "builds"), r->id, (int)len, builds);
			builds += len;
			builds += strspn(builds, " ,");
		}
	}
	return TDL_OK;
}

/* Parse and check every file of dir into l. */
static int lib_read(const char *dir, struct lib *l, struct tdl_err *err)
{
	char **names, path[4096];
	int n, rc;

	memset(l, 0, sizeof *l);
	rc = list_files(dir, &names, &n, err);
	if (rc)
		return rc;
	if (n == 0)
		rc = err_set(err, TDL_EDATA, "the content folder %s holds no .ini files", dir);
	for (int i = 0; i < n && !rc; i++) {
		char *buf = NULL;
		size_t len = 0;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = read_file(path, &buf, &len, err);
		if (!rc)
			rc = content_parse(buf, len, path, collect, l, err);
		free(buf);
	}
	free_names(names, n);
	if (!rc)
		rc = cross_check(l, err);
	if (rc)
		lib_free(l);
	return rc;
}

/* Check a folder without a database. */
int content_check_dir(const char *dir, struct tdl_err *err)
{
	struct lib l;
	int rc = lib_read(dir, &l, err);

	lib_free(&l);
	return rc;
}

/* Join every `key` value of r with newlines (for steps). */
static char *rec_join(const struct rec *r, const char *key)
{
	size_t len = 1;
	char *out;

	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			len += strlen(r->values[i]) + 1;
	out = calloc(len, 1);
	for (int i = 0; out && i < r->nfields; i++) {
		if (strcmp(r->keys[i], key))
			continue;
		if (*out)
			strcat(out, "\n");
		strcat(out, r->values[i]);
	}
	return out;
}

/* Insert one record with a prepared statement for its type. */
static int insert_rec(const struct rec *r, sqlite3_stmt *const st[3], int sort)
{
	sqlite3_stmt *s;
	int from = 0, to = 0, rc;

	if (!strcmp(r->type, "week")) {
		s = st[0];
		sqlite3_bind_int(s, 1, atoi(r->id));
		db_bind_text(s, 2, rec_get(r, "title"));
		db_bind_text(s, 3, rec_get(r, "typical"));
		db_bind_text(s, 4, rec_get(r, "focus"));
		db_bind_text(s, 5, rec_get(r, "can_wait"));
		db_bind_text(s, 6, rec_get(r, "source"));
	} else if (!strcmp(r->type, "activity")) {
		char *steps = rec_join(r, "step");

		s = st[1];
		parse_weeks(rec_get(r, "weeks"), &from, &to);
		db_bind_text(s, 1, r->id);
		db_bind_text(s, 2, rec_get(r, "title"));
		sqlite3_bind_int(s, 3, from);
		sqlite3_bind_int(s, 4, to);
		db_bind_text(s, 5, rec_get(r, "domain"));
		db_bind_text(s, 6, rec_get(r, "discipline"));
		sqlite3_bind_int(s, 7, atoi(rec_get(r, "minutes")));
		db_bind_text(s, 8, rec_get(r, "materials"));
		db_bind_text(s, 9, steps ? steps : "");
		db_bind_text(s, 10, rec_get(r, "why"));
		db_bind_text(s, 11, rec_get(r, "builds"));
		db_bind_text(s, 12, rec_get(r, "easier"));
		db_bind_text(s, 13, rec_get(r, "harder"));
		db_bind_text(s, 14, rec_get(r, "safety"));
		db_bind_text(s, 15, rec_get(r, "tags"));
		db_bind_text(s, 16, r->file);
		free(steps);
	} else {
		s = st[2];
		db_bind_text(s, 1, r->id);
		sqlite3_bind_int(s, 2, atoi(rec_get(r, "age_months")));
		db_bind_text(s, 3, rec_get(r, "domain"));
		db_bind_text(s, 4, rec_get(r, "text"));
		db_bind_text(s, 5, rec_get(r, "source"));
		sqlite3_bind_int(s, 6, sort);
	}
	rc = sqlite3_step(s);
	sqlite3_reset(s);
	sqlite3_clear_bindings(s);
	return rc == SQLITE_DONE ? 0 : -1;
}

/* Replace the library tables with l and record the stamp, all or nothing. */
static int lib_store(sqlite3 *db, const struct lib *l, const char *stamp, struct tdl_err *err)
{
	static const char *const sql[3] = {
		"INSERT INTO week_note VALUES(?,?,?,?,?,?)",
		"INSERT INTO activity VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
		"INSERT INTO milestone VALUES(?,?,?,?,?,?)",
	};
	sqlite3_stmt *st[3] = { NULL, NULL, NULL };
	int rc = TDL_OK;

	if (db_exec(db, "DELETE FROM week_note; DELETE FROM activity; DELETE FROM milestone;", err))
		return TDL_EDATA;
	for (int i = 0; i < 3 && !rc; i++)
		if (!(st[i] = db_prepare(db, sql[i], err)))
			rc = TDL_EDATA;
	for (int i = 0; i < l->n && !rc; i++)
		if (insert_rec(&l->recs[i], st, i))
			rc = db_fail(db, "cannot store the content library", err);
	for (int i = 0; i < 3; i++)
		sqlite3_finalize(st[i]);
	if (!rc)
		rc = db_meta_set(db, "content_stamp", stamp, err);
	return rc;
}

/* Load the folder into db when it changed since the last load. */
int content_sync(sqlite3 *db, const char *dir, int *reloaded, struct tdl_err *err)
{
	char stamp[32], old[32] = "";
	struct lib l;
	int rc;

	*reloaded = 0;
	rc = folder_stamp(dir, stamp, sizeof stamp, err);
	if (rc)
		return rc;
	if (db_meta_get(db, "content_stamp", old, sizeof old) == 0 && !strcmp(old, stamp))
		return TDL_OK;
	rc = lib_read(dir, &l, err);
	if (rc)
		return rc;
	rc = db_begin(db, err);
	if (!rc) {
		old[0] = '\0';
		if (db_meta_get(db, "content_stamp", old, sizeof old) == 0 && !strcmp(old, stamp)) {
			db_rollback(db); /* another toddle loaded it meanwhile */
		} else {
			rc = lib_store(db, &l, stamp, err);
			if (rc)
				db_rollback(db);
			else if (!(rc = db_commit(db, err)))
				*reloaded = 1;
		}
	}
	lib_free(&l);
	return rc;
}
