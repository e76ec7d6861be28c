/* The shipped library's own rules: every week covered, enough of everything,
 * sensible lengths, unique titles, safety notes where they matter. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"
#include "toddle/week.h"

#define LINT_ACTIVITIES 300
#define LINT_CLASSES 24
#define LINT_PER_WEEK 4
#define LINT_DOMAINS_PER_WEEK 3
#define LINT_TITLE_MAX 60
#define LINT_TEXT_MAX 600
/* Above this similarity (content_similar.c: title-word overlap plus twice the
 * body's TF-IDF cosine, over 3), two activities in the same weeks are
 * near-duplicates. Measured on the library before the issue 14 curation
 * (801a50e): the pairs flagged scored 0.55 to 0.91, the most alike pair left
 * (one-step-requests / bring-me-requests, merged since) 0.49, and on the curated library
 * nothing unlinked scores above 0.49; 0.52 sits in that gap. */
#define LINT_SIMILAR 0.52

struct lint {
	const struct lib *l;
	content_problem_fn fn;
	void *ctx;
	int count;
};

static void problem(struct lint *k, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Report one problem. */
static void problem(struct lint *k, const char *fmt, ...)
{
	char buf[600];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	k->count++;
	if (k->fn)
		k->fn(buf, k->ctx);
}

/* The weeks of an activity. */
static void weeks_of(const struct rec *r, int *from, int *to)
{
	if (rules_range(rec_get(r, "weeks"), WEEK_MAX, from, to))
		*from = 1, *to = 0;
}

/* True when the space separated ids in list hold id. */
static int ids_hold(const char *list, const char *id)
{
	size_t n = strlen(id);

	for (const char *p = list; p && *p;) {
		size_t len = strcspn(p, " ,");

		if (len == n && !strncmp(p, id, n))
			return 1;
		p += len;
		p += strspn(p, " ,");
	}
	return 0;
}

/* A's next names b exactly when b's before names a, and b starts no earlier. */
static void lint_links(struct lint *k, const struct rec *a)
{
	static const char *const keys[] = { "next", "before" };

	for (int d = 0; d < 2; d++)
		for (const char *p = rec_get(a, keys[d]); p && *p;) {
			size_t len = strcspn(p, " ,");
			int bi = rules_find(k->l, "activity", p, len);
			const struct rec *b = bi < 0 ? NULL : &k->l->recs[bi];
			int af, at, bf, bt;

			if (b && !ids_hold(rec_get(b, keys[!d]), a->id))
				problem(k, "%s:%d: activity '%s' has '%s' in %s, but '%s' lacks %s = %s", a->file,
					rec_line(a, keys[d]), a->id, b->id, keys[d], b->id, keys[!d], a->id);
			weeks_of(a, &af, &at);
			weeks_of(b ? b : a, &bf, &bt);
			if (b && d == 0 && bf < af)
				problem(k, "%s:%d: activity '%s' leads on to '%s', which starts earlier (week %d, "
					   "not %d or later)", a->file, rec_line(a, "next"), a->id, b->id, bf, af);
			p += len;
			p += strspn(p, " ,");
		}
}

/* An activity that mentions food, water or small objects carries that tag and a safety note. */
static void lint_safety_words(struct lint *k, const struct rec *r)
{
	static const char *const fields[] = { "title", "materials", "step", "easier", "harder" };
	const char *tags = rec_get(r, "tags");

	for (const struct safety_words *s = safety_words; s->tag; s++)
		for (int f = 0; f < r->nfields; f++) {
			const char *w = NULL;

			for (size_t j = 0; j < sizeof fields / sizeof fields[0] && !w; j++)
				if (!strcmp(r->keys[f], fields[j]))
					w = words_find(r->values[f], s->words);
			if (!w)
				continue;
			if (!ids_hold(tags, s->tag) || !rec_get(r, "safety"))
				problem(k, "%s:%d: activity '%s' mentions '%s' in '%s': tag it %s and give it a "
					   "safety note", r->file, r->lines[f], r->id, w, r->keys[f], s->tag);
			break;
		}
}

/* Every activity names its sources, links both ways, and has the safety its words call for. */
static void lint_activities(struct lint *k)
{
	for (int i = 0; i < k->l->n; i++) {
		const struct rec *r = &k->l->recs[i];

		if (strcmp(r->type, "activity"))
			continue;
		if (!rec_get(r, "source"))
			problem(k, "%s:%d: activity '%s' has no source: add 'source = ' naming the guideline or "
				   "paper behind its claims (content/FORMAT)", r->file, r->line, r->id);
		lint_links(k, r);
		lint_safety_words(k, r);
	}
}

/* Every week 0..104 has a note and enough activities in enough domains. */
static void lint_weeks(struct lint *k)
{
	static const char *const domains[] = { "gross-motor", "fine-motor", "sensory", "communication",
		"social-emotional", "cognitive", "daily-routines" };

	for (int w = 0; w <= WEEK_MAX; w++) {
		int note = 0, acts = 0, seen[7] = { 0 }, nd = 0;
		char id[8];

		snprintf(id, sizeof id, "%d", w);
		for (int i = 0; i < k->l->n; i++) {
			const struct rec *r = &k->l->recs[i];
			int from, to;

			if (!strcmp(r->type, "week") && !strcmp(r->id, id))
				note = 1;
			if (strcmp(r->type, "activity"))
				continue;
			weeks_of(r, &from, &to);
			if (w < from || w > to)
				continue;
			acts++;
			for (int d = 0; d < 7; d++)
				if (!strcmp(rec_get(r, "domain"), domains[d]) && !seen[d]++)
					nd++;
		}
		if (!note)
			problem(k, "week %d: no weekly note ([week %d] is missing)", w, w);
		if (acts < LINT_PER_WEEK || nd < LINT_DOMAINS_PER_WEEK)
			problem(k, "week %d: %d activities in %d domains; needs at least %d in %d", w, acts, nd,
				LINT_PER_WEEK, LINT_DOMAINS_PER_WEEK);
	}
}

/* First and last week of month m (0-based) of life. */
static void month_weeks(int m, int *from, int *to)
{
	*from = (int)(m * 30.44 / 7);
	*to = (int)((m + 1) * 30.44 / 7) - 1;
}

/* True when the activity overlaps the weeks from..to. */
static int overlaps(const struct rec *r, int from, int to)
{
	int a, b;

	weeks_of(r, &a, &b);
	return a <= to && b >= from;
}

/* Neighbouring months never offer exactly the same list. */
static void lint_months(struct lint *k)
{
	for (int m = 0; m < 23; m++) {
		int f1, t1, f2, t2, same = 1, any = 0;

		month_weeks(m, &f1, &t1);
		month_weeks(m + 1, &f2, &t2);
		for (int i = 0; i < k->l->n && same; i++) {
			const struct rec *r = &k->l->recs[i];

			if (strcmp(r->type, "activity"))
				continue;
			any |= overlaps(r, f1, t1);
			same = overlaps(r, f1, t1) == overlaps(r, f2, t2);
		}
		if (same && any)
			problem(k, "months %d and %d offer exactly the same activities", m, m + 1);
	}
}

/* Counts of each kind of record. */
static void lint_counts(struct lint *k)
{
	static const int ages[] = { 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60 };
	int acts = 0, classes = 0, windows = 0;

	for (int i = 0; i < k->l->n; i++) {
		acts += !strcmp(k->l->recs[i].type, "activity");
		classes += !strcmp(k->l->recs[i].type, "class");
		windows += !strcmp(k->l->recs[i].type, "window");
	}
	if (acts < LINT_ACTIVITIES)
		problem(k, "library: %d activities; needs at least %d", acts, LINT_ACTIVITIES);
	if (classes < LINT_CLASSES)
		problem(k, "library: %d classes; needs at least %d", classes, LINT_CLASSES);
	if (windows != 6)
		problem(k, "library: %d WHO motor windows; needs the 6 of the WHO study", windows);
	for (size_t a = 0; a < sizeof ages / sizeof ages[0]; a++) {
		int n = 0;
		char age[8];

		snprintf(age, sizeof age, "%d", ages[a]);
		for (int i = 0; i < k->l->n; i++)
			n += !strcmp(k->l->recs[i].type, "milestone") &&
			     !strcmp(rec_get(&k->l->recs[i], "age_months"), age);
		if (n == 0)
			problem(k, "library: no milestones for the %d-month checklist", ages[a]);
	}
}

/* Lengths, unique titles, safety notes, no shipped video links, signs per concern. */
static void lint_records(struct lint *k)
{
	static const char *const needs_safety[] = { "tummy-time", "water", "food", "small-objects" };

	for (int i = 0; i < k->l->n; i++) {
		const struct rec *r = &k->l->recs[i];
		const char *title = rec_get(r, "title"), *tags = rec_get(r, "tags");

		for (int f = 0; f < r->nfields; f++) {
			size_t len = strlen(r->values[f]);
			int max = !strcmp(r->keys[f], "title") ? LINT_TITLE_MAX : LINT_TEXT_MAX;

			if (len > (size_t)max)
				problem(k, "%s:%d: %s '%s': '%s' is %zu bytes; keep it under %d", r->file,
					r->lines[f], r->type, r->id, r->keys[f], len, max);
			if (strchr(r->values[f], '"'))
				problem(k, "%s:%d: %s '%s': '%s' holds a straight double quote", r->file,
					r->lines[f], r->type, r->id, r->keys[f]);
		}
		for (int j = 0; title && j < i; j++) {
			const char *other = rec_get(&k->l->recs[j], "title");

			if (other && !strcmp(k->l->recs[j].type, r->type) && !strcasecmp(other, title))
				problem(k, "%s:%d: %s '%s': title '%s' is also used at %s:%d", r->file,
					rec_line(r, "title"), r->type, r->id, title, k->l->recs[j].file,
					k->l->recs[j].line);
		}
		for (size_t t = 0; tags && t < sizeof needs_safety / sizeof needs_safety[0]; t++)
			if (strstr(tags, needs_safety[t]) && !rec_get(r, "safety"))
				problem(k, "%s:%d: activity '%s' is tagged %s but has no safety note", r->file,
					r->line, r->id, needs_safety[t]);
		if (!strcmp(r->type, "class") && rec_get(r, "video"))
			problem(k, "%s:%d: class '%s': the shipped library invents no video links", r->file,
				rec_line(r, "video"), r->id);
		if (!strcmp(r->type, "concern")) {
			int signs = 0;

			for (int j = 0; j < k->l->n; j++)
				signs += !strcmp(k->l->recs[j].type, "sign") &&
					 !strcmp(rec_get(&k->l->recs[j], "concern"), r->id);
			if (!signs)
				problem(k, "%s:%d: concern '%s' has no signs", r->file, r->line, r->id);
		}
	}
}

/* True if a and b are linked as a progression (next or before names the other). */
static int progression(const struct rec *a, const struct rec *b)
{
	return ids_hold(rec_get(a, "next"), b->id) || ids_hold(rec_get(a, "before"), b->id) ||
	       ids_hold(rec_get(b, "next"), a->id) || ids_hold(rec_get(b, "before"), a->id);
}

/* Two activities whose weeks overlap never read nearly the same (merge them or make a progression). */
static void lint_similar(struct lint *k)
{
	struct similar s;

	if (similar_prepare(k->l, &s)) {
		problem(k, "library: out of memory comparing activities");
		return;
	}
	for (int i = 0; i < k->l->n; i++) {
		const struct rec *a = &k->l->recs[i];
		int from, to;

		if (strcmp(a->type, "activity"))
			continue;
		weeks_of(a, &from, &to);
		for (int j = i + 1; j < k->l->n; j++) {
			const struct rec *b = &k->l->recs[j];
			double v;

			if (strcmp(b->type, "activity") || !overlaps(b, from, to) || progression(a, b))
				continue;
			v = similar_score(&s, i, j);
			if (v > LINT_SIMILAR)
				problem(k, "%s:%d: activities '%s' and '%s' (%s:%d) share weeks and read alike "
					   "(similarity %.2f, limit %.2f): merge them or make one build on the other "
					   "(next = / before =)",
					a->file, a->line, a->id, b->id, b->file, b->line, v, LINT_SIMILAR);
		}
	}
	similar_free(&s);
}

/* Check the library-wide rules; returns the number of problems. */
int content_lint_dir(const char *dir, content_problem_fn fn, void *ctx, struct tdl_err *err)
{
	struct lib l = { 0 };
	struct lint k = { &l, fn, ctx, 0 };
	int rc = lib_read_dir(dir, 0, &l, err);

	if (!rc)
		rc = rules_cross_check(&l, err);
	if (rc) {
		lib_free(&l);
		return -1;
	}
	lint_weeks(&k);
	lint_months(&k);
	lint_counts(&k);
	lint_activities(&k);
	lint_records(&k);
	lint_similar(&k);
	lib_free(&l);
	return k.count;
}
