/* The rules every content record follows: its keys and id (each type's own rules
 * are its row in content_types.c), and the rules across records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"

/* A whole number in [min, max], or -1. */
int rules_num(const char *v, int min, int max)
{
	char *end;
	long x;

	if (!v || !*v || strspn(v, "0123456789") != strlen(v) || (v[0] == '0' && v[1]))
		return -1;
	x = strtol(v, &end, 10);
	return *end || x < min || x > max ? -1 : (int)x;
}

/* "FROM-TO" within 0..max. */
int rules_range(const char *v, int max, int *from, int *to)
{
	char a[8], b[8];
	const char *dash = v ? strchr(v, '-') : NULL;

	if (!dash || dash == v || (size_t)(dash - v) >= sizeof a || strlen(dash + 1) >= sizeof b)
		return -1;
	memcpy(a, v, (size_t)(dash - v));
	a[dash - v] = '\0';
	strcpy(b, dash + 1);
	*from = rules_num(a, 0, max);
	*to = rules_num(b, 0, max);
	return *from < 0 || *to < *from ? -1 : 0;
}

/* A decimal like 3.8 within [min, max]. */
int rules_decimal(const char *v, double min, double max, double *out)
{
	char *end;

	if (!v || !*v || strspn(v, "0123456789.") != strlen(v))
		return -1;
	*out = strtod(v, &end);
	return *end || *out < min || *out > max ? -1 : 0;
}

/* Keys of r against the allowed list: unknown, missing, repeated, empty. */
static int check_keys(const struct rec *r, const char *const *allowed, struct tdl_err *err)
{
	for (int i = 0; i < r->nfields; i++) {
		const char *k = r->keys[i];
		int ok = 0, repeat = 0;

		for (const char *const *a = allowed; *a; a++) {
			size_t n = strcspn(*a, "!*+");

			if (strlen(k) == n && !strncmp(*a, k, n)) {
				ok = 1;
				repeat = (*a)[n] == '*' || (*a)[n] == '+';
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
		size_t n = strcspn(*a, "!*+");
		char key[32];

		if ((*a)[n] != '!' && (*a)[n] != '*')
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

/* Check one record's keys and values by its type. */
int rules_check_rec(const struct rec *r, struct tdl_err *err)
{
	const struct content_type *t = content_type_find(r->type);

	if (!t)
		return err_set(err, TDL_EINPUT,
			       "%s:%d: unknown record type '%.20s' (see content/FORMAT for the types)",
			       r->file, r->line, r->type);
	if (t->check_id) {
		if (t->check_id(r, err))
			return TDL_EINPUT;
	} else if (!id_ok(r->id)) {
		return err_set(err, TDL_EINPUT, "%s:%d: id '%.64s' may hold only a-z, 0-9 and '-'",
			       r->file, r->line, r->id);
	}
	if (check_keys(r, t->keys, err))
		return TDL_EINPUT;
	return t->check ? t->check(r, err) : TDL_OK;
}

/* Index of the record of a type and id, or -1 (a linear scan: libraries are small). */
int rules_find(const struct lib *l, const char *type, const char *id, size_t idlen)
{
	for (int j = 0; j < l->n; j++)
		if (!strcmp(l->recs[j].type, type) && strlen(l->recs[j].id) == idlen &&
		    !strncmp(l->recs[j].id, id, idlen))
			return j;
	return -1;
}

/* Every id in a space separated list names a record of type. */
static int check_refs(const struct lib *l, const struct rec *r, const char *key, const char *type,
		      struct tdl_err *err)
{
	for (const char *p = rec_get(r, key); p && *p;) {
		size_t len = strcspn(p, " ,");

		if (len && rules_find(l, type, p, len) < 0)
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': '%.*s' in '%s' is no %s",
				       r->file, rec_line(r, key), r->type, r->id, (int)len, p, key, type);
		p += len;
		p += strspn(p, " ,");
	}
	return TDL_OK;
}

/* A window's same_as names a milestone no other window claims, and it is
 * never implied by itself. */
static int window_links(const struct lib *l, const struct rec *r, struct tdl_err *err)
{
	const char *same = rec_get(r, "same_as"), *imp = rec_get(r, "implied_by");

	if (same && check_refs(l, r, "same_as", "milestone", err))
		return TDL_EINPUT;
	for (int j = 0; same && j < l->n; j++) {
		const struct rec *o = &l->recs[j];
		const char *os = rec_get(o, "same_as");

		if (o != r && !strcmp(o->type, "window") && os && !strcmp(os, same))
			return err_set(err, TDL_EINPUT, "%s:%d: window '%s': '%s' is already the same skill as window '%s'",
				       r->file, rec_line(r, "same_as"), r->id, same, o->id);
	}
	for (const char *p = imp; p && *p;) {
		size_t len = strcspn(p, " ,");

		if (len == strlen(r->id) && !strncmp(p, r->id, len))
			return err_set(err, TDL_EINPUT, "%s:%d: window '%s' cannot be implied by itself",
				       r->file, rec_line(r, "implied_by"), r->id);
		p += len;
		p += strspn(p, " ,");
	}
	return TDL_OK;
}

/* An activity's next and before name other activities, and the ids it
 * replaces name none (they live on as aliases) nor one another's. */
static int activity_links(const struct lib *l, const struct rec *r, struct tdl_err *err)
{
	static const char *const keys[] = { "next", "before" };

	for (int k = 0; k < 2; k++) {
		const char *v = rec_get(r, keys[k]);

		if (v && check_refs(l, r, keys[k], "activity", err))
			return TDL_EINPUT;
		for (const char *p = v; p && *p;) {
			size_t len = strcspn(p, " ,");

			if (len == strlen(r->id) && !strncmp(p, r->id, len))
				return err_set(err, TDL_EINPUT, "%s:%d: activity '%s' cannot name itself in '%s'",
					       r->file, rec_line(r, keys[k]), r->id, keys[k]);
			p += len;
			p += strspn(p, " ,");
		}
	}
	for (const char *p = rec_get(r, "replaces"); p && *p;) {
		size_t len = strcspn(p, " ,");

		if (len && rules_find(l, "activity", p, len) >= 0)
			return err_set(err, TDL_EINPUT, "%s:%d: activity '%s' replaces '%.*s', which is still an "
				       "activity: remove that record or the id from 'replaces'",
				       r->file, rec_line(r, "replaces"), r->id, (int)len, p);
		for (int j = 0; len && j < l->n; j++) {
			const struct rec *o = &l->recs[j];
			const char *q = rec_get(o, "replaces");

			for (; o != r && !strcmp(o->type, "activity") && q && *q;) {
				size_t ql = strcspn(q, " ,");

				if (ql == len && !strncmp(p, q, len))
					return err_set(err, TDL_EINPUT, "%s:%d: activity '%s' replaces '%.*s', which "
						       "'%s' (%s:%d) replaces too", r->file, rec_line(r, "replaces"),
						       r->id, (int)len, p, o->id, o->file, o->line);
				q += ql;
				q += strspn(q, " ,");
			}
		}
		p += len;
		p += strspn(p, " ,");
	}
	return TDL_OK;
}

/* Ids unique per type, and every reference resolves. */
int rules_cross_check(const struct lib *l, struct tdl_err *err)
{
	for (int i = 0; i < l->n; i++) {
		const struct rec *r = &l->recs[i];
		const struct content_type *t;
		int j = rules_find(l, r->type, r->id, strlen(r->id));

		if (j != i) {
			const struct rec *o = &l->recs[j];

			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s' %s %s:%d", r->file, r->line, r->type,
				       r->id, r->extra && !o->extra ? "clashes with the shipped one at"
								 : "is defined twice; first at",
				       o->file, o->line);
		}
		t = content_type_find(r->type);
		if (t && t->ref_key && check_refs(l, r, t->ref_key, t->ref_type, err))
			return TDL_EINPUT;
		if (!strcmp(r->type, "window") && window_links(l, r, err))
			return TDL_EINPUT;
		if (!strcmp(r->type, "activity") && activity_links(l, r, err))
			return TDL_EINPUT;
		if (!strcmp(r->type, "video")) {
			int c = rules_find(l, "class", r->id, strlen(r->id));

			if (c < 0)
				return err_set(err, TDL_EINPUT, "%s:%d: video '%s' names no class", r->file, r->line, r->id);
			if (rec_get(&l->recs[c], "video"))
				return err_set(err, TDL_EINPUT, "%s:%d: video '%s': the class already has a video (%s:%d)",
					       r->file, r->line, r->id, l->recs[c].file, l->recs[c].line);
		}
	}
	return TDL_OK;
}
