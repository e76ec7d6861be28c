/* Appointments: visits to the doctor or therapist, on the calendar. */
#ifndef TODDLE_APPOINTMENT_H
#define TODDLE_APPOINTMENT_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define APPOINTMENT_TEXT_MAX 200
#define APPOINTMENT_ALL_DAY (-1) /* time of an appointment with no time (stored as '') */

struct appointment {
	long long id, child_id;
	char uuid[37];
	day_t day;
	int time;          /* minutes after midnight, or APPOINTMENT_ALL_DAY */
	int minutes;       /* length */
	char *title, *place, *with_whom; /* place and with_whom may be "" */
	char *child_name;
	int version;
};

/* Parse a strict HH:MM (00:00-23:59) into minutes after midnight; 0 on success. */
int appointment_parse_time(const char *s, int *out);

/* Write HH:MM as stored (6 bytes with the NUL); "" for APPOINTMENT_ALL_DAY. */
void appointment_format_time(int time, char out[6]);

/* The time as a person reads it: HH:MM, or `all_day` ("all day", "all-day")
 * for an appointment without a time. */
const char *appointment_time_words(int time, const char *all_day, char buf[6]);

/* Check the fields of an appointment. */
int appointment_validate(const struct appointment *a, struct tdl_err *err);

/* Add an appointment for child c; a->id and a->uuid are filled in. */
int appointment_add(sqlite3 *db, const struct child *c, struct appointment *a, struct tdl_err *err);

/* Save edits if nobody changed it since it was read (a->version); a newer
 * version refuses with who made it and when. *changed (may be NULL) is 0 when
 * the appointment already says this and nothing was written. */
int appointment_update(sqlite3 *db, struct appointment *a, int *changed, struct tdl_err *err);

/* Remove an appointment read at `version` (0: the current one); it is kept in
 * the file, marked deleted, with who and when. */
int appointment_delete(sqlite3 *db, long long id, int version, struct tdl_err *err);

/* Appointments from..to (inclusive) for a child (child_id < 0: everyone), by time. */
int appointment_list(sqlite3 *db, long long child_id, day_t from, day_t to,
		     struct appointment **out, int *n, struct tdl_err *err);

/* The first max appointments from..to (inclusive) of every child, by time: a
 * clinic's day may hold hundreds, and a one-line reminder needs a few. */
int appointment_first(sqlite3 *db, day_t from, day_t to, int max, struct appointment **out, int *n,
		      struct tdl_err *err);

/* Read appointment id (not removed) into a new *a, freed with
 * appointment_free_all(*a, 1); TDL_EINPUT when it is gone or removed. */
int appointment_get(sqlite3 *db, long long id, struct appointment **a, struct tdl_err *err);

/* Free an array of appointments. */
void appointment_free_all(struct appointment *a, int n);

#endif
