/* Drafts kept on a hang-up in private files of the person's own (one file a
 * draft, in $XDG_STATE_HOME/toddle/drafts), merged into the database later.
 *
 * A file holds length-prefixed fields, so any text survives byte for byte:
 *   toddle draft 1\n  then, for each field, "name LENGTH\n" LENGTH bytes "\n"
 * with the fields db (the database's file name), who, form, child (its id),
 * uuid (the child's), saved (when) and body. The merge trusts none of it: the
 * login is the real one, the child must exist with that id and uuid, the text
 * must be valid UTF-8, and only the person's own regular files are read. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "toddle/db.h"
#include "toddle/draft_file.h"
#include "toddle/file.h"
#include "toddle/priv.h"
#include "toddle/settings.h"
#include "toddle/text.h"

#define DRAFT_MAGIC "toddle draft 1\n"
#define DRAFT_FILE_MAX (1 << 20)  /* bytes a draft file may hold */
#define DRAFT_FORM_MAX 300        /* bytes of a form's key (the form's own limit) */

/* The drafts folder. */
int draft_file_dir(char *out, size_t outsz, struct tdl_err *err)
{
	return settings_xdg_path("XDG_STATE_HOME", ".local/state", "toddle/drafts", out, outsz, err);
}

/* Append the field "name LEN\n" value "\n" at *o in out (sized by the caller). */
static void field_put(char *out, size_t *o, const char *name, const char *value)
{
	size_t len = strlen(value);

	*o += (size_t)sprintf(out + *o, "%s %zu\n", name, len);
	memcpy(out + *o, value, len);
	*o += len;
	out[(*o)++] = '\n';
}

/* Keep d in a new private file of the drafts folder. */
int draft_file_keep(sqlite3 *db, const struct draft_note *d, char *path, size_t pathsz,
		    struct tdl_err *err)
{
	const char *dbname = db ? sqlite3_db_filename(db, "main") : NULL;
	const char *uuid = d->child_uuid ? d->child_uuid : "";
	char dir[4000], child[24], now[21], *data;
	struct timespec ts;
	size_t cap, o = 0;
	int n, rc;

	if (!dbname || !*dbname)
		return err_set(err, TDL_EDATA, "the database has no file to name");
	if (draft_file_dir(dir, sizeof dir, err))
		return TDL_EDATA; /* the message names the variable: unset, or too long */
	clock_gettime(CLOCK_REALTIME, &ts);
	n = snprintf(path, pathsz, "%s/draft-%lld%09ld-%ld", dir, (long long)ts.tv_sec, ts.tv_nsec, (long)getpid());
	if (n < 0 || (size_t)n >= pathsz)
		return err_set(err, TDL_EDATA, "the drafts folder's name is too long: %.200s", dir);
	snprintf(child, sizeof child, "%lld", d->child_id > 0 ? d->child_id : 0);
	db_now(now);
	cap = sizeof DRAFT_MAGIC + strlen(dbname) + strlen(db_user()) + strlen(d->form) + strlen(child) +
	      strlen(uuid) + strlen(now) + strlen(d->body) + 7 * 32;
	data = malloc(cap);
	if (!data)
		return err_set(err, TDL_EDATA, "out of memory");
	memcpy(data, DRAFT_MAGIC, sizeof DRAFT_MAGIC - 1);
	o = sizeof DRAFT_MAGIC - 1;
	field_put(data, &o, "db", dbname);
	field_put(data, &o, "who", db_user());
	field_put(data, &o, "form", d->form);
	field_put(data, &o, "child", child);
	field_put(data, &o, "uuid", uuid);
	field_put(data, &o, "saved", now);
	field_put(data, &o, "body", d->body);
	priv_suspend();
	file_make_parents(path);
	rc = file_write_atomic(path, data, o, 0600, err);
	priv_resume();
	free(data);
	return rc;
}

/* Remove a kept file, as the person. */
void draft_file_forget(const char *path)
{
	priv_suspend();
	if (unlink(path) == 0)
		file_sync_folder(path);
	priv_resume();
}

/* One draft read back from a file (pointers into the file's bytes). */
struct draft_read {
	const char *db, *who, *form, *child, *uuid, *saved, *body;
};

/* Take the field called name at *p (before end), NUL-terminating its value in place. */
static const char *field_take(char **p, char *end, const char *name)
{
	size_t nl = strlen(name), len = 0;
	char *q = *p, *v;

	if ((size_t)(end - q) < nl + 2 || memcmp(q, name, nl) != 0 || q[nl] != ' ')
		return NULL;
	q += nl + 1;
	if (q >= end || *q < '0' || *q > '9')
		return NULL;
	while (q < end && *q >= '0' && *q <= '9') {
		len = len * 10 + (size_t)(*q++ - '0');
		if (len > DRAFT_FILE_MAX)
			return NULL;
	}
	if (q >= end || *q++ != '\n' || (size_t)(end - q) < len + 1 || q[len] != '\n')
		return NULL;
	v = q;
	if (memchr(v, '\0', len))
		return NULL;
	v[len] = '\0';
	*p = q + len + 1;
	return v;
}

/* Parse the bytes of a draft file (NUL-terminated at len) into r; -1 when malformed. */
static int draft_parse(char *data, size_t len, struct draft_read *r)
{
	char *p = data, *end = data + len;

	if (len < sizeof DRAFT_MAGIC - 1 || memcmp(data, DRAFT_MAGIC, sizeof DRAFT_MAGIC - 1) != 0)
		return -1;
	p += sizeof DRAFT_MAGIC - 1;
	if (!(r->db = field_take(&p, end, "db")) || !(r->who = field_take(&p, end, "who")) ||
	    !(r->form = field_take(&p, end, "form")) || !(r->child = field_take(&p, end, "child")) ||
	    !(r->uuid = field_take(&p, end, "uuid")) || !(r->saved = field_take(&p, end, "saved")) ||
	    !(r->body = field_take(&p, end, "body")) || p != end)
		return -1;
	if (!*r->form || strlen(r->form) >= DRAFT_FORM_MAX || !text_utf8_valid(r->form, strlen(r->form)) ||
	    !text_utf8_valid(r->body, strlen(r->body)) || strlen(r->saved) != 20 ||
	    strspn(r->saved, "0123456789-:TZ") != 20 || !*r->child || strlen(r->child) > 18 ||
	    strspn(r->child, "0123456789") != strlen(r->child) || strlen(r->uuid) > 36 ||
	    strspn(r->uuid, "0123456789abcdef-") != strlen(r->uuid))
		return -1;
	return 0;
}

/* Read the person's own private regular file at path (at most DRAFT_FILE_MAX
 * bytes, NUL-terminated) as the person; NULL when it is not one. */
static char *draft_slurp(const char *path, size_t *len)
{
	struct stat st;
	char *data = NULL;
	ssize_t got = 0;
	int fd;

	priv_suspend();
	fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd >= 0 && fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == getuid() &&
	    (st.st_mode & 077) == 0 && st.st_size <= DRAFT_FILE_MAX && (data = malloc((size_t)st.st_size + 1))) {
		size_t o = 0;

		while (o < (size_t)st.st_size && (got = read(fd, data + o, (size_t)st.st_size - o)) > 0)
			o += (size_t)got;
		if (o != (size_t)st.st_size) {
			free(data);
			data = NULL;
		} else {
			data[o] = '\0';
			*len = o;
		}
	}
	if (fd >= 0)
		close(fd);
	priv_resume();
	return data;
}

/* Put one draft read back into the database: 1 merged, 0 dropped (its child is gone). */
static int draft_put(sqlite3 *db, const struct draft_read *r, struct tdl_err *err)
{
	long long child_id = strtoll(r->child, NULL, 10);
	sqlite3_stmt *st;
	int rc;

	if (db_begin(db, err))
		return -1;
	if (child_id > 0) {
		st = db_prepare(db, "SELECT 1 FROM child WHERE id = ?1 AND uuid = ?2", err);
		if (!st) {
			db_rollback(db);
			return -1;
		}
		sqlite3_bind_int64(st, 1, child_id);
		db_bind_text(st, 2, r->uuid);
		rc = sqlite3_step(st);
		sqlite3_finalize(st);
		if (rc != SQLITE_ROW) {
			db_rollback(db);
			if (rc != SQLITE_DONE) {
				db_fail(db, "cannot read the database", err);
				return -1;
			}
			return 0;
		}
	}
	/* the login is the real one, never the file's; a newer draft already there wins */
	st = db_prepare(db, "INSERT OR REPLACE INTO draft(who, form, body, saved_at, child_id)"
			" SELECT ?1, ?2, ?3, ?4, ?5 WHERE NOT EXISTS"
			" (SELECT 1 FROM draft WHERE who = ?1 AND form = ?2 AND saved_at > ?4)", err);
	if (!st) {
		db_rollback(db);
		return -1;
	}
	db_bind_text(st, 1, db_user());
	db_bind_text(st, 2, r->form);
	db_bind_text(st, 3, r->body);
	db_bind_text(st, 4, r->saved);
	if (child_id > 0)
		sqlite3_bind_int64(st, 5, child_id);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		db_fail(db, "cannot keep the draft", err);
		db_rollback(db);
		return -1;
	}
	return db_commit(db, err) ? -1 : 1;
}

/* Take one kept file into the database; -1 when the database failed (err set). */
static int draft_merge_one(sqlite3 *db, const char *path, const char *dbname, struct draft_merge *m,
			   struct tdl_err *err)
{
	struct draft_read r;
	size_t len = 0;
	char *data = draft_slurp(path, &len);
	int rc = 0;

	if (!data || draft_parse(data, len, &r)) {
		m->bad++;
		snprintf(m->bad_path, sizeof m->bad_path, "%.500s", path);
	} else if (strcmp(r.db, dbname) != 0 || strcmp(r.who, db_user()) != 0) {
		m->left++; /* another database's, or another login's sharing this home */
	} else {
		rc = draft_put(db, &r, err);
		if (rc >= 0) {
			draft_file_forget(path);
			if (rc)
				m->merged++;
			else
				m->dropped++;
		}
	}
	free(data);
	return rc < 0 ? -1 : 0;
}

/* Take every kept draft of this person for db into the database. */
int draft_file_merge(sqlite3 *db, struct draft_merge *out, struct tdl_err *err)
{
	const char *dbname = sqlite3_db_filename(db, "main");
	char dir[4000], path[4400];
	struct dirent *e;
	DIR *d;
	int rc = TDL_OK;

	memset(out, 0, sizeof *out);
	if (!dbname || !*dbname || draft_file_dir(dir, sizeof dir, NULL))
		return TDL_OK; /* no folder, no drafts: keeping one said why */
	priv_suspend();
	d = opendir(dir);
	priv_resume();
	if (!d)
		return TDL_OK;
	while (!rc && (e = readdir(d))) {
		/* a file still being written has a '.' in its name (the temporary one) */
		if (strncmp(e->d_name, "draft-", 6) != 0 || strchr(e->d_name, '.'))
			continue;
		if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= sizeof path)
			continue;
		if (draft_merge_one(db, path, dbname, out, err))
			rc = TDL_EDATA;
	}
	closedir(d);
	return rc;
}
