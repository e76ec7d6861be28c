/* A demo family, so a new user sees toddle with something in it. */
#ifndef TODDLE_DEMO_H
#define TODDLE_DEMO_H

#include <sqlite3.h>
#include "toddle/date.h"
#include "toddle/err.h"

/* Add two demo children with a few logged milestones and activities. */
int demo_populate(sqlite3 *db, day_t today, struct tdl_err *err);

#endif
