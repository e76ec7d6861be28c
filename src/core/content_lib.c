/* Reading content folders into records that own their strings. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "content_lib.h"
#include "toddle/file.h"

#define CONTENT_FILE_MAX (4 << 20)

/* The first value of key in r, or NULL. */
const char *rec_get(const struct rec *r, const char *key)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			return r->values[i];
	return NULL;
}

/* The line of the first key in r, or the header's line. */
int rec_line(const struct rec *r, const char *key)
{
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			return r->lines[i];
	return r->line;
}

/* Every value of key joined with newlines. */
char *rec_join(const struct rec *r, const char *key)
{
	size_t len = 1;
	char *out, *p;

	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], key))
			len += strlen(r->values[i]) + 1;
	out = p = calloc(len, 1);
	for (int i = 0; out && i < r->nfields; i++) {
		size_t n;

		if (strcmp(r->keys[i], key))
			continue;
		if (p != out)
			*p++ = '\n';
		n = strlen(r->values[i]);
		memcpy(p, r->values[i], n + 1);
		p += n;
	}
	return out;
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

/* Free every record. */
void lib_free(struct lib *l)
{
	for (int i = 0; i < l->n; i++)
		rec_free(&l->recs[i]);
	free(l->recs);
	l->recs = NULL;
	l->n = l->cap = 0;
}

/* Free the records from index n on. */
void lib_truncate(struct lib *l, int n)
{
	while (l->n > n)
		rec_free(&l->recs[--l->n]);
}

struct collect_ctx {
	struct lib *lib;
	int extra;
};

/* Parser callback: copy the record into the library and check it. */
static int collect(const struct content_record *cr, void *ctx, struct tdl_err *err)
{
	struct collect_ctx *c = ctx;
	struct lib *l = c->lib;
	struct rec *r;

	if (l->n == l->cap) {
		int cap = l->cap ? l->cap * 2 : 256;
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
	r->extra = c->extra;
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
	return rules_check_rec(r, err);
}

static int cmp_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The sorted .ini names of dir. */
int lib_list_files(const char *dir, char ***out, int *n, struct tdl_err *err)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **names = NULL;
	int cnt = 0, cap = 0;

	*out = NULL;
	*n = 0;
	if (!d)
		return err_set(err, TDL_EDATA, "cannot read the content folder %s: %s", dir, strerror(errno));
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

/* Free a list from lib_list_files. */
void lib_free_names(char **names, int n)
{
	for (int i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

/* Read one whole file into a heap buffer. */
static int read_file(const char *path, char **buf, size_t *len, struct tdl_err *err)
{
	struct stat st;
	int fd = file_open_regular(path, "content file", &st, err);
	FILE *f;
	long size;

	*buf = NULL;
	*len = 0;
	if (fd < 0)
		return TDL_EDATA;
	if (!(f = fdopen(fd, "rb"))) {
		close(fd);
		return err_set(err, TDL_EDATA, "cannot read %s: %s", path, strerror(errno));
	}
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

/* Append every record of dir's .ini files, checking each. */
int lib_read_dir(const char *dir, int extra, struct lib *l, struct tdl_err *err)
{
	struct collect_ctx ctx = { l, extra };
	char **names, path[4096];
	int n, rc = lib_list_files(dir, &names, &n, err);

	if (rc)
		return rc;
	if (n == 0)
		rc = err_set(err, TDL_EDATA, "the content folder %s holds no .ini files", dir);
	for (int i = 0; i < n && !rc; i++) {
		char *buf;
		size_t len;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		rc = read_file(path, &buf, &len, err);
		if (!rc)
			rc = content_parse(buf, len, path, collect, &ctx, err);
		free(buf);
	}
	lib_free_names(names, n);
	return rc;
}
