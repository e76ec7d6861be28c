/* Home programs: activities a therapist assigns, and how often they were done. */
#ifndef TODDLE_PROGRAM_H
#define TODDLE_PROGRAM_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define PROGRAM_TIMES_MIN 1
#define PROGRAM_TIMES_MAX 20   /* times a day or a week */

struct program {
	long long id;
	char *activity_id, *title, *created_by;
	int times;          /* times per `per` */
	int per_week;       /* 1: times a week; 0: times a day */
	day_t start;
	int has_stop;
	day_t stop;
	int planned, done;  /* in the week asked for */
	int version;
};

/* A home program entry to add: an activity, how often, from when (until when). */
struct program_plan {
	const char *activity_id;
	int times, per_week;      /* times a day, or a week when per_week */
	day_t start;
	int has_stop;
	day_t stop;
};

/* Add an activity to a child's home program from start (to stop, when has_stop). */
int program_add(sqlite3 *db, const struct child *c, const struct program_plan *p, long long *id,
		struct tdl_err *err);

/* End a program entry read at `version` (0: the current one) on a day; an
 * entry already ended is refused naming who ended it and when. */
int program_end(sqlite3 *db, long long id, int version, day_t day, struct tdl_err *err);

/* The child's program entries active at some point in the week starting
 * `monday`, with planned and done counts for that week (all entries when
 * `all`). */
int program_list(sqlite3 *db, const struct child *c, day_t monday, int all, struct program **out,
		 int *n, struct tdl_err *err);

/* Planned and done for the whole program in the week starting `monday`. */
int program_adherence(sqlite3 *db, const struct child *c, day_t monday, int *planned, int *done,
		      struct tdl_err *err);

/* "day", "week", NULL: entry i is per_week == i. */
const char *const *program_per_choices(void);

/* Parse "day" or "week" into per_week; 0 on success, -1 otherwise. */
int program_per_parse(const char *s, int *per_week);

/* The Monday of the week holding day. */
day_t program_monday(day_t day);

/* Free program entries. */
void program_free(struct program *p, int n);

#endif
