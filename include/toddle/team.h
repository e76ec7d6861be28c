/* A child's team: the therapists assigned now, each for a discipline. */
#ifndef TODDLE_TEAM_H
#define TODDLE_TEAM_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

struct team_member {
	char *therapist, *discipline;
	char *since, *by;     /* when the assignment was made (YYYY-MM-DDTHH:MM:SSZ) and by whom */
	long long id;         /* the assignment row */
};

/* The current assignments of child c, by discipline then therapist. */
int team_list(sqlite3 *db, const struct child *c, struct team_member **out, int *n, struct tdl_err *err);

/* Free a team. */
void team_free(struct team_member *m, int n);

#endif
