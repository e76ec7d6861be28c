/* A plan for the week: a few of the week's activities picked for one child,
 * the same for a child, a week and the log; and when each was done lately. */
#include <stdio.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/picks.h"

#define PICKS_CANDIDATES 128 /* the picking reads the first this many (a week holds 15 to 48) */
#define FACTS_AREAS 8        /* milestone areas the facts can name (the library has 4) */

/* The next number of a splitmix64 sequence (small, fast, and the same everywhere). */
static uint64_t mix_next(uint64_t *state)
{
	uint64_t z = (*state += 0x9E3779B97F4A7C15ULL);

	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
	return z ^ (z >> 31);
}

/* The seed of a child's plan for a week, from the uuid and the week only. */
uint64_t picks_seed(const char *uuid, int week)
{
	uint64_t h = 0xCBF29CE484222325ULL; /* FNV-1a over the uuid */
	uint64_t s;

	for (const unsigned char *p = (const unsigned char *)(uuid ? uuid : ""); *p; p++)
		h = (h ^ *p) * 0x100000001B3ULL;
	s = h ^ ((uint64_t)(unsigned)week * 0xD6E8FEB86659FD93ULL);
	return mix_next(&s);
}

/* A number in 0..2^53-1 for candidate id under the seed, draw j: the same
 * for the same three, whatever the other candidates are. */
static uint64_t draw_key(uint64_t seed, const char *id, int j)
{
	uint64_t s = seed;

	for (const unsigned char *p = (const unsigned char *)(id ? id : ""); *p; p++)
		s = (s ^ *p) * 0x100000001B3ULL;
	s ^= (uint64_t)(unsigned)j * 0xA0761D6478BD642FULL;
	return mix_next(&s) >> 11;
}

/* The candidate's place in the draw: the largest of 1 + lean uniform draws,
 * so a candidate leaning k has the chances of k + 1 plain ones (weighted
 * sampling without replacement, Efraimidis and Spirakis), and one
 * candidate's key never depends on the others. */
static uint64_t cand_key(const struct pick_candidate *c, uint64_t seed)
{
	int w = 1 + (c->lean > 0 ? (c->lean > 50 ? 50 : c->lean) : 0);
	uint64_t best = 0;

	for (int j = 0; j < w; j++) {
		uint64_t k = draw_key(seed, c->id, j);

		if (k > best)
			best = k;
	}
	return best;
}

/* How many of the picks so far are of domain dom. */
static int domain_count(const struct pick_candidate *cand, const int *out, int count, const char *dom)
{
	int k = 0;

	for (int i = 0; i < count; i++)
		k += !strcmp(cand[out[i]].domain, dom);
	return k;
}

/* May candidate i join the picks in this pass (0: only fresh ones, two a
 * domain; 1: done lately too; 2: any domain, for a week of few domains)? */
static int eligible(const struct pick_candidate *cand, int i, const int *out, int count, int pass)
{
	for (int k = 0; k < count; k++)
		if (out[k] == i)
			return 0;
	if (pass == 0 && cand[i].recent)
		return 0;
	return pass == 2 || domain_count(cand, out, count, cand[i].domain) < PICKS_PER_DOMAIN;
}

/* Sort a few ints ascending by key (by value when key is NULL), largest key first. */
static void sort_ints(int *a, int n, const uint64_t *key)
{
	for (int i = 1; i < n; i++)
		for (int j = i; j > 0; j--) {
			int t = a[j];

			if (key ? key[a[j - 1]] > key[t] || (key[a[j - 1]] == key[t] && a[j - 1] < t)
				: a[j - 1] < t)
				break;
			a[j] = a[j - 1];
			a[j - 1] = t;
		}
}

/* Pick from n candidates by the seed: up to PICKS_WANT indexes, ascending. */
int picks_choose(const struct pick_candidate *cand, int n, uint64_t seed, int out[PICKS_MAX])
{
	uint64_t key[PICKS_CANDIDATES];
	int order[PICKS_CANDIDATES], count = 0;

	if (n > PICKS_CANDIDATES)
		n = PICKS_CANDIDATES;
	for (int i = 0; i < n; i++) {
		key[i] = cand_key(&cand[i], seed);
		order[i] = i;
	}
	sort_ints(order, n, key);
	for (int pass = 0; pass < 3 && count < PICKS_WANT; pass++)
		for (int k = 0; k < n && count < PICKS_WANT; k++)
			if (eligible(cand, order[k], out, count, pass))
				out[count++] = order[k];
	sort_ints(out, count, NULL);
	return count;
}

static const char *const area_of[][2] = {
	{ "gross-motor", "movement" }, { "fine-motor", "movement" },
	{ "communication", "language" },
	{ "cognitive", "cognitive" }, { "sensory", "cognitive" },
	{ "social-emotional", "social-emotional" }, { "daily-routines", "social-emotional" },
};

/* The milestone area an activity domain works on, or NULL. */
const char *picks_area(const char *domain)
{
	for (size_t i = 0; domain && i < sizeof area_of / sizeof area_of[0]; i++)
		if (!strcmp(area_of[i][0], domain))
			return area_of[i][1];
	return NULL;
}

/* The weight the picking gives an activity: its area's unseen items and twice its own. */
int picks_lean(const char *dom, const char *const *areas, const int *area_unseen, int nareas,
	       int builds_unseen)
{
	const char *area = picks_area(dom);
	int lean = 2 * (builds_unseen > 0 ? builds_unseen : 0);

	for (int i = 0; area && i < nareas; i++)
		if (areas[i] && !strcmp(areas[i], area))
			lean += area_unseen[i] > 0 ? area_unseen[i] : 0;
	return lean;
}

/* The log rows that count as done this week (done or hard, not removed, ?2
 * to ?3 = today): the last day, and 1 when one of them was before today. */
#define DONE_ROWS "SELECT 'done', " ACTIVITY_REAL_SQL("activity_id") ", max(day), max(day < ?3)" \
	" FROM activity_log WHERE child_id = ?1 AND day BETWEEN ?2 AND ?3 AND deleted_at IS NULL" \
	" AND result IN ('done', 'hard') GROUP BY 2"

/* The area of the table named key (a pointer that outlives the row), or NULL. */
static const char *area_name(const char *key)
{
	for (size_t k = 0; k < sizeof area_of / sizeof area_of[0]; k++)
		if (!strcmp(area_of[k][1], key))
			return area_of[k][1];
	return NULL;
}

/* The index of the activity with this id among n, or -1. */
static int act_index(const struct activity *acts, int n, const char *id)
{
	for (int i = 0; id && i < n; i++)
		if (!strcmp(acts[i].id, id))
			return i;
	return -1;
}

/* What the facts statement says beyond the done days. */
struct facts {
	const char *areas[FACTS_AREAS]; /* milestone areas with unseen items ... */
	int area_unseen[FACTS_AREAS], nareas; /* ... and how many */
	int max;                      /* builds and recent hold this many */
	int *builds;                  /* per activity: unseen items it builds toward */
	int *recent;                  /* per activity: 1 when done before today this week */
};

/* Read the rows of st: 'done' rows into done, 'area' and 'builds' into f
 * (may be NULL); releases st. */
static int facts_read(sqlite3 *db, sqlite3_stmt *st, const struct activity *acts, int n,
		      day_t *done, struct facts *f, struct tdl_err *err)
{
	int rc;

	for (int i = 0; i < n; i++)
		done[i] = -1;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *kind = (const char *)sqlite3_column_text(st, 0);
		const char *key = (const char *)sqlite3_column_text(st, 1);
		int i = act_index(acts, n, key);

		if (!kind)
			continue;
		if (!strcmp(kind, "done") && i >= 0) {
			done[i] = db_column_day(st, 2);
			if (f && i < f->max)
				f->recent[i] = sqlite3_column_int(st, 3);
		} else if (!strcmp(kind, "builds") && f && i >= 0 && i < f->max) {
			f->builds[i] = sqlite3_column_int(st, 3);
		} else if (!strcmp(kind, "area") && f && key && f->nareas < FACTS_AREAS) {
			f->areas[f->nareas] = area_name(key);
			f->area_unseen[f->nareas++] = sqlite3_column_int(st, 3);
		}
	}
	rc = rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the activity log", err);
	db_release(st);
	return rc;
}

/* For each activity: the last day it was done this week, or -1. */
int picks_done_read(sqlite3 *db, const struct child *c, day_t today, const struct activity *acts,
		    int n, day_t *done, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, DONE_ROWS, err);

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_day(st, 2, today - (PICKS_WEEK_DAYS - 1));
	db_bind_day(st, 3, today);
	return facts_read(db, st, acts, n, done, NULL, err);
}

/* The checklist the child is working towards (the first age past ?5 months,
 * else the last), its items whose latest live record is not 'achieved', and
 * per area and per activity of week ?4 how many of those there are. A record
 * of a WHO window counts for the CDC item of the same criterion (same_as);
 * each item's latest record is found once (the bare status beside max(id)
 * comes from that row in SQLite), not by a scan of the log per item. */
#define FACTS_SQL "WITH target(age) AS (SELECT COALESCE((SELECT min(age_months) FROM milestone" \
	" WHERE age_months > ?5), (SELECT max(age_months) FROM milestone)))," \
	" recs(item, id, status) AS (SELECT l.milestone_id, l.id, l.status FROM milestone_live l" \
	" WHERE l.child_id = ?1 UNION ALL SELECT w.same_as, l.id, l.status FROM milestone_live l" \
	" JOIN who_window w ON w.id = l.milestone_id WHERE l.child_id = ?1 AND w.same_as IS NOT NULL)," \
	" seen(item) AS (SELECT item FROM (SELECT item, status, max(id) FROM recs GROUP BY item)" \
	" WHERE status = 'achieved')," \
	" unseen(id, domain) AS (SELECT m.id, m.domain FROM milestone m JOIN target t ON m.age_months = t.age" \
	" WHERE m.id NOT IN (SELECT item FROM seen)) " \
	DONE_ROWS \
	" UNION ALL SELECT 'area', domain, NULL, count(*) FROM unseen GROUP BY domain" \
	" UNION ALL SELECT 'builds', a.id, NULL, count(*) FROM activity a JOIN unseen u" \
	" ON instr(' ' || a.builds || ' ', ' ' || u.id || ' ') > 0" \
	" WHERE a.week_from <= ?4 AND a.week_to >= ?4 AND a.alias_of IS NULL GROUP BY a.id"

/* Read the facts of the week's activities in one statement and pick. */
int picks_read(sqlite3 *db, const struct child *c, day_t today, int week, int months,
	       const struct activity *acts, int n, day_t *done, int out[PICKS_MAX], int *npicks,
	       struct tdl_err *err)
{
	struct pick_candidate cand[PICKS_CANDIDATES];
	int builds[PICKS_CANDIDATES] = { 0 }, recent[PICKS_CANDIDATES] = { 0 };
	int m = n < PICKS_CANDIDATES ? n : PICKS_CANDIDATES, rc;
	struct facts f = { .nareas = 0, .max = m, .builds = builds, .recent = recent };
	sqlite3_stmt *st;

	*npicks = 0;
	st = db_prepare_cached(db, FACTS_SQL, err);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_day(st, 2, today - (PICKS_WEEK_DAYS - 1));
	db_bind_day(st, 3, today);
	sqlite3_bind_int(st, 4, week);
	sqlite3_bind_int(st, 5, months);
	rc = facts_read(db, st, acts, n, done, &f, err);
	if (rc)
		return rc;
	for (int i = 0; i < m; i++) {
		cand[i].id = acts[i].id;
		cand[i].domain = acts[i].domain ? acts[i].domain : "";
		cand[i].lean = picks_lean(acts[i].domain, f.areas, f.area_unseen, f.nareas, builds[i]);
		cand[i].recent = recent[i];
	}
	*npicks = picks_choose(cand, m, picks_seed(c->uuid, week), out);
	return TDL_OK;
}

/* The mark for an activity last done on day done: "done today", "done Mon", or "". */
int picks_done_words(day_t done, day_t today, char *out, size_t outsz)
{
	static const char *const names[] = { "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun" };

	if (done < 0 || done > today || done <= today - PICKS_WEEK_DAYS)
		return snprintf(out, outsz, "%s", "");
	if (done == today)
		return snprintf(out, outsz, "done today");
	return snprintf(out, outsz, "done %s", names[date_weekday(done)]);
}
