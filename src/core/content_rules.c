/* The rules every content record must follow, by type, and across records. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"
#include "toddle/week.h"

/* Keys each type allows: '!' required, '*' required and repeatable, '+' repeatable. */
static const char *const week_keys[] = { "title!", "typical!", "focus!", "can_wait!", "source!", NULL };
static const char *const activity_keys[] = { "title!", "weeks!", "domain!", "discipline!", "minutes!",
	"materials!", "step*", "why!", "builds!", "easier!", "harder!", "safety", "tags", NULL };
static const char *const milestone_keys[] = { "age_months!", "domain!", "text!", "source!", NULL };
static const char *const window_keys[] = { "text!", "p1_months!", "p99_months!", "criteria!", "source!", NULL };
static const char *const guide_keys[] = { "title!", "discipline!", "para*", "source!", NULL };
static const char *const concern_keys[] = { "title!", "helps!", "about!", "domains!", NULL };
static const char *const sign_keys[] = { "concern!", "age_months!", "text!", "source!", NULL };
static const char *const class_keys[] = { "title!", "audience!", "weeks!", "minutes!", "read*", "try*",
	"video", "source!", NULL };
static const char *const video_keys[] = { "url!", NULL };

static const struct {
	const char *type;
	const char *const *keys;
} types[] = {
	{ "week", week_keys }, { "activity", activity_keys }, { "milestone", milestone_keys },
	{ "window", window_keys }, { "guide", guide_keys }, { "concern", concern_keys },
	{ "sign", sign_keys }, { "class", class_keys }, { "video", video_keys },
};

static const char *const activity_domains[] = { "gross-motor", "fine-motor", "sensory", "communication",
	"social-emotional", "cognitive", "daily-routines", NULL };
static const char *const disciplines[] = { "pt", "ot", "speech", "general", NULL };
static const char *const milestone_domains[] = { "social-emotional", "language", "cognitive",
	"movement", NULL };
static const int checklist_ages[] = { 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 0 };

static int in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(v, *list))
			return 1;
	return 0;
}

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

/* Say which value of r broke which rule, quoting the value. */
static int bad(const struct rec *r, const char *key, const char *rule, struct tdl_err *err)
{
	return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': %s = '%.60s': %s", r->file, rec_line(r, key),
		       r->type, r->id, key, rec_get(r, key) ? rec_get(r, key) : "", rule);
}

/* Values of the types with more than keys to check. */
static int check_values(const struct rec *r, struct tdl_err *err)
{
	int from, to, age;
	double p1, p99;

	if (!strcmp(r->type, "activity")) {
		if (rules_range(rec_get(r, "weeks"), WEEK_MAX, &from, &to))
			return bad(r, "weeks", "'weeks' must be a range like 4-8 within 0-104", err);
		if (!in_list(rec_get(r, "domain"), activity_domains))
			return bad(r, "domain", "unknown domain (see content/FORMAT)", err);
		if (!in_list(rec_get(r, "discipline"), disciplines))
			return bad(r, "discipline", "discipline must be pt, ot, speech or general", err);
		if (rules_num(rec_get(r, "minutes"), 1, 60) < 0)
			return bad(r, "minutes", "minutes must be 1 to 60", err);
	} else if (!strcmp(r->type, "milestone")) {
		int known = 0;

		age = rules_num(rec_get(r, "age_months"), 1, 72);
		for (int i = 0; checklist_ages[i]; i++)
			known |= checklist_ages[i] == age;
		if (!known)
			return bad(r, "age_months", "age_months must be a CDC checklist age (2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48 or 60)", err);
		if (!in_list(rec_get(r, "domain"), milestone_domains))
			return bad(r, "domain", "domain must be social-emotional, language, cognitive or movement", err);
	} else if (!strcmp(r->type, "window")) {
		if (rules_decimal(rec_get(r, "p1_months"), 0, 72, &p1) ||
		    rules_decimal(rec_get(r, "p99_months"), 0, 72, &p99) || p99 <= p1)
			return bad(r, "p1_months", "p1_months and p99_months must be months like 3.8 and 9.2, in order", err);
	} else if (!strcmp(r->type, "guide")) {
		if (!in_list(rec_get(r, "discipline"), disciplines))
			return bad(r, "discipline", "discipline must be pt, ot, speech or general", err);
	} else if (!strcmp(r->type, "concern")) {
		if (!in_list(rec_get(r, "helps"), disciplines))
			return bad(r, "helps", "helps must be pt, ot, speech or general", err);
	} else if (!strcmp(r->type, "sign")) {
		if (rules_num(rec_get(r, "age_months"), 0, 72) < 0)
			return bad(r, "age_months", "age_months must be 0 to 72", err);
	} else if (!strcmp(r->type, "class")) {
		if (rules_range(rec_get(r, "weeks"), 260, &from, &to))
			return bad(r, "weeks", "'weeks' must be a range like 0-12 within 0-260", err);
		if (rules_num(rec_get(r, "minutes"), 1, 60) < 0)
			return bad(r, "minutes", "minutes must be 1 to 60", err);
		for (int i = 0; i < r->nfields; i++)
			if (!strcmp(r->keys[i], "read") && !strstr(r->values[i], ": "))
				return err_set(err, TDL_EINPUT, "%s:%d: class '%s': a 'read' line must be 'Heading: text'",
					       r->file, r->lines[i], r->id);
	}
	return TDL_OK;
}

/* Check one record's keys and values by its type. */
int rules_check_rec(const struct rec *r, struct tdl_err *err)
{
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++) {
		if (strcmp(r->type, types[i].type))
			continue;
		if (!strcmp(r->type, "week")) {
			if (rules_num(r->id, 0, WEEK_MAX) < 0)
				return err_set(err, TDL_EINPUT, "%s:%d: week '%s' must be a number from 0 to %d, without leading zeros",
					       r->file, r->line, r->id, WEEK_MAX);
		} else if (!id_ok(r->id)) {
			return err_set(err, TDL_EINPUT, "%s:%d: id '%.64s' may hold only a-z, 0-9 and '-'",
				       r->file, r->line, r->id);
		}
		if (check_keys(r, types[i].keys, err))
			return TDL_EINPUT;
		return check_values(r, err);
	}
	return err_set(err, TDL_EINPUT,
		       "%s:%d: unknown record type '%.20s' (see content/FORMAT for the types)",
		       r->file, r->line, r->type);
}

/* Index of the record of a type and id, or -1 (a linear scan: libraries are small). */
static int find(const struct lib *l, const char *type, const char *id, size_t idlen)
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

		if (len && find(l, type, p, len) < 0)
			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': '%.*s' in '%s' is no %s",
				       r->file, rec_line(r, key), r->type, r->id, (int)len, p, key, type);
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
		int j = find(l, r->type, r->id, strlen(r->id));

		if (j != i) {
			const struct rec *o = &l->recs[j];

			return err_set(err, TDL_EINPUT, "%s:%d: %s '%s' %s %s:%d", r->file, r->line, r->type,
				       r->id, r->extra && !o->extra ? "clashes with the shipped one at"
								 : "is defined twice; first at",
				       o->file, o->line);
		}
		if (!strcmp(r->type, "activity") && check_refs(l, r, "builds", "milestone", err))
			return TDL_EINPUT;
		if (!strcmp(r->type, "sign") && check_refs(l, r, "concern", "concern", err))
			return TDL_EINPUT;
		if (!strcmp(r->type, "video")) {
			int c = find(l, "class", r->id, strlen(r->id));

			if (c < 0)
				return err_set(err, TDL_EINPUT, "%s:%d: video '%s' names no class", r->file, r->line, r->id);
			if (rec_get(&l->recs[c], "video"))
				return err_set(err, TDL_EINPUT, "%s:%d: video '%s': the class already has a video (%s:%d)",
					       r->file, r->line, r->id, l->recs[c].file, l->recs[c].line);
		}
	}
	return TDL_OK;
}
