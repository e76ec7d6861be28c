/* Unit tests: the plan for the week. The picking on its own (domains, counts,
 * the seed, skipping what was done lately, leaning), then through the week
 * view on a real SQLite file with the shipped library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/picks.h"
#include "toddle/week_view.h"
#include "util.h"
#include "dbutil.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)  /* a Thursday */
#define CU 24
#define NDOM 7

static const char *const doms[NDOM] = { "cognitive", "communication", "daily-routines", "fine-motor",
					"gross-motor", "sensory", "social-emotional" };

/* ---- helpers -------------------------------------------------------------- */

/* n candidates, `per` a domain in turn, ids "a0".."aN" (ids[] keeps the text). */
static void make_cands(struct pick_candidate *c, char ids[][16], int n, int per)
{
	for (int i = 0; i < n; i++) {
		snprintf(ids[i], 16, "a%d", i);
		c[i] = (struct pick_candidate){ .id = ids[i], .domain = doms[(i / per) % NDOM], .lean = 0, .recent = 0 };
	}
}

/* How many different domains the picks span; *most gets the largest count of one. */
static int domains_of(const struct pick_candidate *c, const int *out, int n, int *most)
{
	int seen = 0;

	*most = 0;
	for (int i = 0; i < n; i++) {
		int same = 0, first = 1;

		for (int k = 0; k < n; k++)
			same += !strcmp(c[out[k]].domain, c[out[i]].domain);
		for (int k = 0; k < i; k++)
			if (!strcmp(c[out[k]].domain, c[out[i]].domain))
				first = 0;
		seen += first;
		if (same > *most)
			*most = same;
	}
	return seen;
}

/* The view of c on day for week (-1: own); fails the test on error. */
static void load(sqlite3 *db, const struct child *c, day_t day, int week, struct week_view *v, const char *tc)
{
	struct tdl_err err = { "" };
	int rc = week_view_load(db, c, day, week, CU, v, &err);

	ck_assert_msg(rc == TDL_OK, "%s: week_view_load(%s, week %d) failed: %s", tc, c->name, week, err.msg);
}

/* Log activity id for c on day with result r. */
static long long log_act(sqlite3 *db, const struct child *c, const char *id, day_t day, enum act_result r)
{
	struct tdl_err err = { "" };
	int rc = activity_log(db, c, &(struct activity_done){ .id = id, .day = day, .result = r, .minutes = 0, .note = NULL }, TODAY, &err);

	ck_assert_msg(rc == TDL_OK, "activity_log(%s) failed: %s", id, err.msg);
	return sqlite3_last_insert_rowid(db);
}

/* 1 when the view's picks hold activity id. */
static int picked(const struct week_view *v, const char *id)
{
	for (int k = 0; k < v->npicks; k++)
		if (!strcmp(v->acts[v->picks[k]].id, id))
			return 1;
	return 0;
}

/* The picks' ids joined by spaces, into out. */
static const char *pick_ids(const struct week_view *v, char *out, size_t outsz)
{
	out[0] = '\0';
	for (int k = 0; k < v->npicks; k++) {
		strncat(out, v->acts[v->picks[k]].id, outsz - strlen(out) - 1);
		strncat(out, " ", outsz - strlen(out) - 1);
	}
	return out;
}

/* ---- 1. the picking on its own ------------------------------------------------ */

START_TEST(counts_and_domains)
{
	struct pick_candidate c[40];
	char ids[40][16];
	int out[PICKS_MAX], most;

	for (int n = 0; n <= 40; n++)
		for (int per = 1; per <= 6; per++) {
			make_cands(c, ids, n, per);
			for (uint64_t seed = 1; seed < 40; seed++) {
				int k = picks_choose(c, n, seed * 7919, out), span = domains_of(c, out, k, &most);
				int want = n < PICKS_WANT ? n : PICKS_WANT;
				int spans = (n + per - 1) / per < NDOM ? (n + per - 1) / per : NDOM;

				ck_assert_msg(k == want, "%d candidates, %d a domain: %d picks, expected %d", n, per, k, want);
				for (int i = 1; i < k; i++)
					ck_assert_msg(out[i - 1] < out[i], "picks not ascending or repeated at %d", i);
				if (k == PICKS_WANT && spans >= 3)
					ck_assert_msg(span >= 3 && most <= PICKS_PER_DOMAIN,
						      "%d candidates, %d a domain, seed %llu: %d domains, %d of one",
						      n, per, (unsigned long long)seed, span, most);
			}
		}
}
END_TEST

START_TEST(same_inputs_same_picks)
{
	struct pick_candidate c[30];
	char ids[30][16];
	int a[PICKS_MAX], b[PICKS_MAX], na, nb, differ = 0;

	make_cands(c, ids, 30, 4);
	ck_assert_msg(picks_seed("0b7c9f7e-0000-4000-8000-000000000001", 11) ==
		      picks_seed("0b7c9f7e-0000-4000-8000-000000000001", 11), "the seed is not a function of uuid and week");
	ck_assert_msg(picks_seed("0b7c9f7e-0000-4000-8000-000000000001", 11) !=
		      picks_seed("0b7c9f7e-0000-4000-8000-000000000001", 12), "weeks 11 and 12 share a seed");
	ck_assert_msg(picks_seed("0b7c9f7e-0000-4000-8000-000000000001", 11) !=
		      picks_seed("0b7c9f7e-0000-4000-8000-000000000002", 11), "two children share a seed");
	for (int week = 0; week <= 104; week++) {
		uint64_t s = picks_seed("0b7c9f7e-0000-4000-8000-000000000001", week);

		na = picks_choose(c, 30, s, a);
		nb = picks_choose(c, 30, s, b);
		ck_assert_msg(na == nb && !memcmp(a, b, sizeof a[0] * (size_t)na), "week %d: two runs differ", week);
		if (week > 0) {
			int prev[PICKS_MAX], np = picks_choose(c, 30, picks_seed("0b7c9f7e-0000-4000-8000-000000000001", week - 1), prev);

			differ += np != na || memcmp(prev, a, sizeof a[0] * (size_t)na);
		}
	}
	ck_assert_msg(differ >= 90, "only %d of 104 weeks pick differently from the week before", differ);
}
END_TEST

START_TEST(one_candidate_moves_only_itself)
{
	struct pick_candidate c[30], fewer[29];
	char ids[30][16];
	int a[PICKS_MAX], b[PICKS_MAX], na, nb, gone = -1;

	make_cands(c, ids, 30, 4);
	na = picks_choose(c, 30, 424242, a);
	for (int i = 0, in; i < 30 && gone < 0; i++) { /* drop the first one not picked */
		in = 0;
		for (int k = 0; k < na; k++)
			in |= a[k] == i;
		if (!in)
			gone = i;
	}
	for (int i = 0, j = 0; i < 30; i++)
		if (i != gone)
			fewer[j++] = c[i];
	nb = picks_choose(fewer, 29, 424242, b);
	ck_assert_msg(na == nb, "%d picks, then %d", na, nb);
	for (int k = 0; k < na; k++)
		ck_assert_msg(!strcmp(c[a[k]].id, fewer[b[k]].id), "leaving out %s (not picked) changed pick %d: %s -> %s",
			      c[gone].id, k, c[a[k]].id, fewer[b[k]].id);
}
END_TEST

START_TEST(recent_skipped_when_others_exist)
{
	struct pick_candidate c[28];
	char ids[28][16];
	int out[PICKS_MAX], k;

	make_cands(c, ids, 28, 4);
	for (uint64_t seed = 1; seed < 200; seed++) {
		for (int i = 0; i < 28; i++)
			c[i].recent = i % 2;  /* half done lately, 14 fresh in 7 domains */
		k = picks_choose(c, 28, seed, out);
		for (int j = 0; j < k; j++)
			ck_assert_msg(!c[out[j]].recent, "seed %llu: %s was done lately but picked with 14 fresh ones",
				      (unsigned long long)seed, c[out[j]].id);
	}
	/* three fresh ones only: the plan takes them and fills up with ones done lately */
	for (int i = 0; i < 28; i++)
		c[i].recent = !(i == 0 || i == 9 || i == 20);
	k = picks_choose(c, 28, 99, out);
	ck_assert_msg(k == PICKS_WANT, "with 3 fresh of 28: %d picks, expected %d", k, PICKS_WANT);
	for (int i = 0; i < 3; i++) {
		int fresh[] = { 0, 9, 20 }, in = 0;

		for (int j = 0; j < k; j++)
			in |= out[j] == fresh[i];
		ck_assert_msg(in, "with 3 fresh of 28: fresh %s is not picked", c[fresh[i]].id);
	}
	/* all done lately: still a plan */
	for (int i = 0; i < 28; i++)
		c[i].recent = 1;
	ck_assert_msg(picks_choose(c, 28, 7, out) == PICKS_WANT, "every candidate done lately: no full plan");
}
END_TEST

START_TEST(leans_to_unseen_areas)
{
	struct pick_candidate c[28];
	char ids[28][16];
	int out[PICKS_MAX], plain = 0, leaning = 0;
	const int runs = 400;

	make_cands(c, ids, 28, 4);   /* gross-motor: a16..a19 */
	for (uint64_t seed = 1; seed <= (uint64_t)runs; seed++) {
		int k;

		for (int i = 0; i < 28; i++)
			c[i].lean = 0;
		k = picks_choose(c, 28, seed * 1000003, out);
		for (int j = 0; j < k; j++)
			plain += !strcmp(c[out[j]].domain, "gross-motor");
		for (int i = 16; i < 20; i++)
			c[i].lean = 6;
		k = picks_choose(c, 28, seed * 1000003, out);
		for (int j = 0; j < k; j++)
			leaning += !strcmp(c[out[j]].domain, "gross-motor");
	}
	ck_assert_msg(plain < runs && plain > 0, "without leaning gross-motor is picked %d times in %d plans", plain, runs);
	ck_assert_msg(leaning * 10 >= runs * 17, "leaning 6, gross-motor is picked %d times in %d plans "
		      "(expected 1.7 a plan or more; %d without leaning)", leaning, runs, plain);
	ck_assert_msg(leaning <= runs * PICKS_PER_DOMAIN, "more than %d gross-motor picks a plan", PICKS_PER_DOMAIN);
}
END_TEST

START_TEST(lean_and_words)
{
	const char *areas[] = { "language", "movement" };
	int unseen[] = { 3, 0 };
	char w[40];

	ck_assert_msg(picks_lean("communication", areas, unseen, 2, 1) == 5, "communication: 3 unseen + 2 x 1 builds");
	ck_assert_msg(picks_lean("gross-motor", areas, unseen, 2, 0) == 0, "gross-motor: all of movement seen");
	ck_assert_msg(picks_lean("sensory", areas, unseen, 2, 0) == 0, "sensory: cognitive not listed");
	ck_assert_msg(!strcmp(picks_area("daily-routines"), "social-emotional") && picks_area("juggling") == NULL,
		      "picks_area");
	picks_done_words(TODAY, TODAY, w, sizeof w);
	ck_assert_msg(!strcmp(w, "done today"), "today: '%s'", w);
	picks_done_words(TODAY - 3, TODAY, w, sizeof w);
	ck_assert_msg(!strcmp(w, "done Mon"), "2026-11-23: '%s', expected 'done Mon'", w);
	picks_done_words(TODAY - 6, TODAY, w, sizeof w);
	ck_assert_msg(!strcmp(w, "done Fri"), "2026-11-20: '%s', expected 'done Fri'", w);
	ck_assert_msg(picks_done_words(TODAY - 7, TODAY, w, sizeof w) == 0 && !w[0], "a week ago: '%s'", w);
	ck_assert_msg(picks_done_words(-1, TODAY, w, sizeof w) == 0 && !w[0], "never: '%s'", w);
}
END_TEST

/* ---- 2. through the week view ------------------------------------------------- */

START_TEST(every_week_of_the_library)
{
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Old", D(2024, 1, 10), 0, 0, TODAY);
	struct pick_candidate cand[PICKS_MAX];
	struct week_view v;
	int most;

	for (int week = 0; week <= 104; week++) {
		load(db, &c, TODAY, week, &v, "every_week");
		ck_assert_msg(v.npicks >= PICKS_MIN && v.npicks <= PICKS_MAX, "week %d: %d picks of %d", week,
			      v.npicks, v.nacts);
		for (int k = 0; k < v.npicks; k++) {
			ck_assert_msg(v.picks[k] >= 0 && v.picks[k] < v.nacts, "week %d: pick %d out of range", week, k);
			cand[k] = (struct pick_candidate){ .id = v.acts[v.picks[k]].id, .domain = v.acts[v.picks[k]].domain };
		}
		for (int k = 0; k < v.npicks; k++)
			v.picks[k] = k;
		ck_assert_msg(domains_of(cand, v.picks, v.npicks, &most) >= 3 && most <= PICKS_PER_DOMAIN,
			      "week %d: the plan spans fewer than 3 domains or has %d of one", week, most);
		week_view_free(&v);
	}
	db_close(db);
}
END_TEST

START_TEST(same_all_day_and_marked)
{
	const char *tc = "same_all_day";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, TODAY);
	struct week_view v;
	char before[400], after[400], line[WEEK_VIEW_LINE_MAX], id[80], want[200];
	int i;

	load(db, &c, TODAY, -1, &v, tc);
	pick_ids(&v, before, sizeof before);
	i = v.picks[0];
	snprintf(id, sizeof id, "%s", v.acts[i].id);
	week_view_activity_line(&v, i, line, sizeof line);
	ck_assert_msg(!strstr(line, "done"), "%s: nothing logged yet, but '%s'", tc, line);
	week_view_free(&v);
	log_act(db, &c, id, TODAY, ACT_DONE);
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(!strcmp(pick_ids(&v, after, sizeof after), before),
		      "%s: logging pick %s today changed the plan: '%s' -> '%s'", tc, id, before, after);
	week_view_activity_line(&v, i, line, sizeof line);
	snprintf(want, sizeof want, "%s  (%s, %d min; done today)", v.acts[i].title, v.acts[i].domain, v.acts[i].minutes);
	ck_assert_msg(!strcmp(line, want), "%s: '%s', expected '%s'", tc, line, want);
	ck_assert_msg(v.done[i] == TODAY, "%s: done day of %s is not today", tc, id);
	week_view_free(&v);
	db_close(db);
}
END_TEST

START_TEST(skips_done_last_week)
{
	const char *tc = "skips_done_last_week";
	sqlite3 *db = tu_open_library();
	struct child c = tu_add_child(db, "Cy", D(2026, 9, 10), 0, 0, TODAY);
	struct tdl_err err = { "" };
	struct week_view v;
	char ids[PICKS_MAX][80], line[WEEK_VIEW_LINE_MAX], before[400], now[400];
	long long entry;
	int n, i;

	load(db, &c, TODAY, -1, &v, tc);
	n = v.npicks;
	for (int k = 0; k < n; k++)
		snprintf(ids[k], sizeof ids[k], "%s", v.acts[v.picks[k]].id);
	pick_ids(&v, before, sizeof before);
	week_view_free(&v);

	entry = log_act(db, &c, ids[0], TODAY - 1, ACT_DONE);   /* yesterday, Wednesday */
	log_act(db, &c, ids[1], TODAY - 6, ACT_HARD);           /* hard counts as tried */
	log_act(db, &c, ids[2], TODAY - 2, ACT_SKIPPED);        /* skipped does not */
	log_act(db, &c, ids[3], TODAY - 7, ACT_DONE);           /* a week ago: not this week */
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(!picked(&v, ids[0]) && !picked(&v, ids[1]),
		      "%s: %s (done yesterday) or %s (hard 6 days ago) is still picked: %s", tc, ids[0], ids[1],
		      pick_ids(&v, now, sizeof now));
	ck_assert_msg(picked(&v, ids[2]) && picked(&v, ids[3]) && picked(&v, ids[4]),
		      "%s: a pick skipped 2 days ago, done 7 days ago, or not logged left the plan: %s -> %s", tc,
		      before, pick_ids(&v, now, sizeof now));
	ck_assert_msg(v.npicks == n, "%s: %d picks, then %d", tc, n, v.npicks);
	for (i = 0; i < v.nacts && strcmp(v.acts[i].id, ids[0]); i++)
		;
	week_view_activity_line(&v, i, line, sizeof line);
	ck_assert_msg(strstr(line, "; done Wed)") != NULL, "%s: the whole list says '%s' for yesterday", tc, line);
	week_view_free(&v);

	/* the entry removed: it no longer counts, and the plan is what it was */
	ck_assert_msg(activity_entry_delete(db, entry, 0, &err) == TDL_OK, "%s: delete: %s", tc, err.msg);
	load(db, &c, TODAY, -1, &v, tc);
	ck_assert_msg(picked(&v, ids[0]), "%s: a removed entry still keeps %s out of the plan", tc, ids[0]);
	week_view_free(&v);
	db_close(db);
}
END_TEST

/* Log every item of the 4-month checklist outside the language area as achieved. */
static void achieve_but_language(sqlite3 *db, const struct child *c)
{
	struct tdl_err err = { "" };
	struct milestone_entry *e;
	int n;

	ck_assert_msg(milestone_range(db, c, 4, 4, &e, &n, &err) == TDL_OK && n > 0, "milestone_range: %s", err.msg);
	for (int i = 0; i < n; i++)
		if (strcmp(e[i].domain, "language"))
			ck_assert_msg(milestone_log(db, c, &(struct milestone_seen){ .id = e[i].id, .status = MS_ACHIEVED, .has_date = 0, .note = NULL }, TODAY, &err) == TDL_OK,
				      "milestone_log(%s): %s", e[i].id, err.msg);
	milestone_entries_free(e, n);
}

START_TEST(leans_to_the_checklist)
{
	const char *tc = "leans_to_the_checklist";
	sqlite3 *db = tu_open_library();
	enum { KIDS = 40 };
	struct child kids[KIDS];
	char before[KIDS][400], now[400], name[20];
	struct week_view v;
	int plain = 0, leaning = 0, changed = 0;

	for (int k = 0; k < KIDS; k++) {
		snprintf(name, sizeof name, "Kid %02d", k);
		kids[k] = tu_add_child(db, name, D(2026, 9, 10), 0, 0, TODAY); /* 11 weeks: working towards 4 months */
		load(db, &kids[k], TODAY, -1, &v, tc);
		pick_ids(&v, before[k], sizeof before[k]);
		for (int j = 0; j < v.npicks; j++)
			plain += !strcmp(v.acts[v.picks[j]].domain, "communication");
		week_view_free(&v);
		achieve_but_language(db, &kids[k]);
		load(db, &kids[k], TODAY, -1, &v, tc);
		for (int j = 0; j < v.npicks; j++)
			leaning += !strcmp(v.acts[v.picks[j]].domain, "communication");
		changed += strcmp(pick_ids(&v, now, sizeof now), before[k]) != 0;
		week_view_free(&v);
	}
	ck_assert_msg(leaning > plain && leaning * 10 >= KIDS * 15,
		      "%s: with only language unseen, %d communication picks in %d plans (%d before)", tc, leaning,
		      KIDS, plain);
	ck_assert_msg(changed > KIDS / 2, "%s: only %d of %d plans changed after the checklist was seen", tc, changed, KIDS);

	/* "seen" is the latest live record: removing every record brings the first plans back */
	ck_assert_msg(sqlite3_exec(db, "INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed,"
				   " created_at, created_by, corrects, removed) SELECT uuid || '-x', child_id, milestone_id,"
				   " status, observed, created_at, created_by, id, 1 FROM milestone_log", NULL, NULL, NULL) == SQLITE_OK,
		      "%s: removing the records: %s", tc, sqlite3_errmsg(db));
	for (int k = 0; k < KIDS; k++) {
		load(db, &kids[k], TODAY, -1, &v, tc);
		ck_assert_msg(!strcmp(pick_ids(&v, now, sizeof now), before[k]),
			      "%s: %s: with every record removed the plan is '%s', first it was '%s'", tc,
			      kids[k].name, now, before[k]);
		week_view_free(&v);
	}
	db_close(db);
}
END_TEST

static Suite *picks_suite(void)
{
	Suite *s = suite_create("picks");

	TU_CASE(s, counts_and_domains);
	TU_CASE(s, same_inputs_same_picks);
	TU_CASE(s, one_candidate_moves_only_itself);
	TU_CASE(s, recent_skipped_when_others_exist);
	TU_CASE(s, leans_to_unseen_areas);
	TU_CASE(s, lean_and_words);
	TU_CASE(s, every_week_of_the_library);
	TU_CASE(s, same_all_day_and_marked);
	TU_CASE(s, skips_done_last_week);
	TU_CASE(s, leans_to_the_checklist);
	return s;
}

int main(void)
{
	return tu_run(picks_suite());
}
