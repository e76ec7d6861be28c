/* The calendar: which days have entries, and what they are. */
#ifndef TODDLE_CALENDAR_H
#define TODDLE_CALENDAR_H

#include <sqlite3.h>
#include "toddle/date.h"
#include "toddle/err.h"

enum { CAL_MILESTONE = 1, CAL_ACTIVITY = 2, CAL_APPOINTMENT = 4 };

struct cal_entry {
	int kind;        /* CAL_MILESTONE, CAL_ACTIVITY or CAL_APPOINTMENT */
	long long id;    /* the row in its table */
	char *text;      /* one line: what happened */
	char *who;
	int version;     /* the version it was read at (a removal names it) */
};

/* For each day from..from+ndays-1 set marks[i] to the kinds logged that day. */
int calendar_marks(sqlite3 *db, long long child_id, day_t from, int ndays,
		   unsigned char *marks, struct tdl_err *err);

/* Entries of one day for a child, appointments first; free with calendar_entries_free. */
int calendar_day(sqlite3 *db, long long child_id, day_t day, struct cal_entry **out,
		 int *n, struct tdl_err *err);

/* Entries of each day from..from+ndays-1 (1 to 31 days) in one read: out[i] and n[i]
 * for day from+i; free each with calendar_entries_free. */
int calendar_range(sqlite3 *db, long long child_id, day_t from, int ndays, struct cal_entry **out,
		   int *n, struct tdl_err *err);

/* Free entries from calendar_day or calendar_range. */
void calendar_entries_free(struct cal_entry *e, int n);

#endif
