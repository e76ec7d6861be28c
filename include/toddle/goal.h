/* Goals per child: text, target date and status. */
#ifndef TODDLE_GOAL_H
#define TODDLE_GOAL_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define GOAL_TEXT_MAX 1000

struct goal {
	long long id;
	char *text, *status, *created_by;
	int has_target;
	day_t target;           /* may be in the future */
	int version;
};

/* True for open, met, partly-met, not-met or dropped. */
int goal_status_ok(const char *s);

/* "open", "met", "partly-met", "not-met", "dropped", NULL. */
const char *const *goal_status_choices(void);

/* Add a goal (has_target: with a target date). */
int goal_add(sqlite3 *db, const struct child *c, const char *text, int has_target, day_t target,
	     long long *id, struct tdl_err *err);

/* Set the status of a goal read at `version` (0: the current one); a newer
 * version refuses with who made it and when. *changed (may be NULL) is 0 when
 * the goal already had that status and nothing was written. */
int goal_set(sqlite3 *db, long long id, int version, const char *status, int *changed,
	     struct tdl_err *err);

/* A child's goals, open ones first. */
int goal_list(sqlite3 *db, const struct child *c, struct goal **out, int *n, struct tdl_err *err);

/* Free goals. */
void goal_free(struct goal *g, int n);

#endif
