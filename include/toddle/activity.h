/* Activities: the library of things to try, and the log of what was done. */
#ifndef TODDLE_ACTIVITY_H
#define TODDLE_ACTIVITY_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define ACTIVITY_NOTE_MAX 2000

enum act_result { ACT_DONE = 1, ACT_HARD, ACT_SKIPPED };

struct activity {
	char *id, *title, *domain, *discipline, *materials;
	char *steps;  /* one step a line */
	char *why, *builds, *easier, *harder, *safety, *tags;
	int week_from, week_to, minutes;
};

/* Activities whose weeks include `week`, by domain and title. */
int activity_for_week(sqlite3 *db, int week, struct activity **out, int *n,
		      struct tdl_err *err);

/* Activities for a week (-1: all) and a domain (NULL: all), by first week. */
int activity_list(sqlite3 *db, int week, const char *domain, struct activity **out, int *n,
		  struct tdl_err *err);

/* One activity by id; TDL_EINPUT when there is none. */
int activity_get(sqlite3 *db, const char *id, struct activity *out, struct tdl_err *err);

/* Parse "done", "hard" or "skipped". */
int activity_result_parse(const char *s, enum act_result *out);

/* The word for a result. */
const char *activity_result_name(enum act_result r);

/* Log that an activity was tried on a day. */
int activity_log(sqlite3 *db, const struct child *c, const char *id, day_t day,
		 enum act_result r, int minutes, const char *note, day_t today,
		 struct tdl_err *err);

/* Free the strings of one activity. */
void activity_clear(struct activity *a);

/* Free an array of n activities. */
void activity_free_all(struct activity *a, int n);

#endif
