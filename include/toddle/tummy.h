/* Tummy time against the WHO guidance, while a baby is not yet moving about. */
#ifndef TODDLE_TUMMY_H
#define TODDLE_TUMMY_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define TUMMY_WHO_MINUTES 30   /* WHO: at least 30 minutes a day, spread out, while awake */
#define TUMMY_MOBILE_MONTHS 12 /* from this (corrected) age a baby counts as mobile anyway */
#define TUMMY_RANGE_MAX 31     /* the most days tummy_range reads at once (a month) */

/* A child's tummy time on one day. */
struct tummy {
	int applies;   /* 1 while the child is not yet mobile on that day */
	int minutes;   /* logged that day (activities tagged tummy-time, done or hard) */
	int target;    /* TUMMY_WHO_MINUTES */
};

/* The tummy time of child c on day: the guidance applies while the child is
 * born, under TUMMY_MOBILE_MONTHS (corrected) and neither crawling nor walking
 * has been recorded as achieved. */
int tummy_get(sqlite3 *db, const struct child *c, day_t day, int correct_until_months,
	      struct tummy *out, struct tdl_err *err);

/* The tummy time of child c on each day from..from+ndays-1 (1 to TUMMY_RANGE_MAX
 * days; out[i] for day from+i), reading whether the child moves about once. */
int tummy_range(sqlite3 *db, const struct child *c, day_t from, int ndays, int correct_until_months,
		struct tummy *out, struct tdl_err *err);

/* "Tummy time: 15 of 30 minutes (WHO: ...)", or "" when it does not apply;
 * returns the length the whole line needs, as snprintf does. */
int tummy_format(const struct tummy *t, char *out, size_t outsz);

#endif
