/* Weekly notes: what is typical now, what to focus on, what can wait. */
#ifndef TODDLE_WEEK_H
#define TODDLE_WEEK_H

#include <sqlite3.h>
#include "toddle/err.h"

#define WEEK_MAX 104

struct week_note {
	int week;
	char *title, *typical, *focus, *can_wait, *source;
};

/* The note for a week; *found is 0 when the library has none. */
int week_note_get(sqlite3 *db, int week, struct week_note *out, int *found,
		  struct tdl_err *err);

/* Free the strings of a note. */
void week_note_clear(struct week_note *w);

#endif
