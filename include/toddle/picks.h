/* A plan for the week: a few of the week's activities picked for one child
 * (across domains, leaning to the areas of the checklist not yet seen, the
 * same all day), and when each activity was done this week. */
#ifndef TODDLE_PICKS_H
#define TODDLE_PICKS_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "toddle/activity.h"
#include "toddle/child.h"
#include "toddle/err.h"

#define PICKS_MIN 4          /* the plan holds 4 to 6 activities ... */
#define PICKS_MAX 6
#define PICKS_WANT 5         /* ... five when the week offers that many */
#define PICKS_PER_DOMAIN 2   /* at most two of one domain: five span 3+ domains */
#define PICKS_WEEK_DAYS 7    /* "this week": today and the 6 days before */

/* One activity of the week as the picking sees it. */
struct pick_candidate {
	const char *id;       /* its draw depends on its id, not on the others */
	const char *domain;
	int lean;     /* 0 and up: how much it works on what the child has not shown yet */
	int recent;   /* 1 when done on one of the 6 days before today */
};

/* The seed of a child's plan for a week: from the child's uuid and the week
 * number only, so the plan never depends on the clock. */
uint64_t picks_seed(const char *uuid, int week);

/* Pick from n candidates by the seed: fills out with up to PICKS_MAX
 * candidate indexes, ascending, and returns how many (PICKS_WANT when n is
 * that many). At most PICKS_PER_DOMAIN share a domain; candidates done lately
 * are taken only when too few others exist. */
int picks_choose(const struct pick_candidate *cand, int n, uint64_t seed, int out[PICKS_MAX]);

/* The weight the picking gives an activity of domain dom: how many items of
 * the checklist the child is working towards are not yet seen in the area of
 * dom (area_unseen: counts by milestone domain, nareas of them) plus twice the
 * unseen items the activity itself builds toward. */
int picks_lean(const char *dom, const char *const *areas, const int *area_unseen, int nareas,
	       int builds_unseen);

/* The milestone area (movement, language, cognitive, social-emotional) that
 * an activity domain works on, or NULL for an unknown domain. */
const char *picks_area(const char *domain);

/* For each of the n activities: the last day it was done (or found hard) this
 * week, i.e. from today - 6 to today, or -1; one statement. */
int picks_done_read(sqlite3 *db, const struct child *c, day_t today, const struct activity *acts,
		    int n, day_t *done, struct tdl_err *err);

/* Read what picking needs for the n activities of week `week` (the child
 * `months` old, corrected where it applies) in one statement, fill done[i] as
 * picks_done_read does, and pick: out gets the indexes into acts, the count
 * is returned in *npicks. */
int picks_read(sqlite3 *db, const struct child *c, day_t today, int week, int months,
	       const struct activity *acts, int n, day_t *done, int out[PICKS_MAX], int *npicks,
	       struct tdl_err *err);

/* The mark for an activity last done on day done: "done today", "done Mon"
 * (a day of this week), or "" (-1, or before this week). ASCII only. */
int picks_done_words(day_t done, day_t today, char *out, size_t outsz);

#endif
