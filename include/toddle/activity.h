/* Activities: the library of things to try, and the log of what was done. */
#ifndef TODDLE_ACTIVITY_H
#define TODDLE_ACTIVITY_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define ACTIVITY_NOTE_MAX 2000

enum act_result { ACT_DONE = 1, ACT_HARD, ACT_SKIPPED };

#define ACTIVITY_ID_MAX 64 /* the library refuses longer ids */
/* SQL: the activity an id stands for now (an id merged into another gives that one). */
#define ACTIVITY_REAL_SQL(col) "COALESCE((SELECT alias_of FROM activity WHERE id = " col "), " col ")"

struct activity {
	char *id, *title, *domain, *discipline, *materials;
	char *steps;  /* one step a line */
	char *why, *builds, *easier, *harder, *safety, *tags;
	char *source;       /* the guidelines behind it, or NULL */
	char *next, *before; /* what it leads to / follows: "Title (weeks 4-8)", "; " between, or NULL */
	int week_from, week_to, minutes;
};

/* Activities whose weeks include `week`, by domain and title. */
int activity_for_week(sqlite3 *db, int week, struct activity **out, int *n,
		      struct tdl_err *err);

/* Activities for a week (-1: all) and a domain (NULL: all), by first week. */
int activity_list(sqlite3 *db, int week, const char *domain, struct activity **out, int *n,
		  struct tdl_err *err);

/* One activity by id (an id merged into another gives that one); TDL_EINPUT when there is none. */
int activity_get(sqlite3 *db, const char *id, struct activity *out, struct tdl_err *err);

/* Parse "done", "hard" or "skipped". */
int activity_result_parse(const char *s, enum act_result *out);

/* The word for a result. */
const char *activity_result_name(enum act_result r);

/* "done", "hard", "skipped", NULL: entry i is result i + ACT_DONE. */
const char *const *activity_result_choices(void);

/* One try of an activity, to log. */
struct activity_done {
	const char *id;           /* the activity */
	day_t day;
	enum act_result result;
	int minutes;              /* 0: not given */
	const char *note;         /* may be NULL */
	long long *made;          /* when not NULL: gets the new log entry's id */
};

/* Log that an activity was tried on a day. */
int activity_log(sqlite3 *db, const struct child *c, const struct activity_done *e, day_t today,
		 struct tdl_err *err);

/* One logged try of an activity. */
struct activity_entry {
	long long id;
	char *activity_id, *title, *note, *who, *tags;
	day_t day;
	enum act_result result;
	int minutes;
	int version;    /* a correction or removal names the version it started from */
};

/* The log entries of a child from..to (inclusive), oldest first; removed ones are left out. */
int activity_entries(sqlite3 *db, const struct child *c, day_t from, day_t to,
		     struct activity_entry **out, int *n, struct tdl_err *err);

/* One log entry by its row id. */
int activity_entry_get(sqlite3 *db, long long id, struct activity_entry *out, struct tdl_err *err);

/* Correct a log entry (result, minutes, note) read at `version` (0: the
 * current one); a newer version refuses with who made it and when. *changed
 * (may be NULL) is 0 when the entry already says this and nothing was written. */
int activity_entry_update(sqlite3 *db, long long id, int version, enum act_result r, int minutes,
			  const char *note, int *changed, struct tdl_err *err);

/* Remove a log entry read at `version` (0: the current one): it stays in the
 * file, marked removed, with who and when. */
int activity_entry_delete(sqlite3 *db, long long id, int version, struct tdl_err *err);

/* Minutes of tummy time (activities tagged tummy-time, done or hard) on each day
 * from..from+ndays-1: minutes[i] for day from+i. */
int activity_tummy_minutes(sqlite3 *db, long long child_id, day_t from, int ndays, int *minutes,
			   struct tdl_err *err);

/* Free the strings of one entry. */
void activity_entry_clear(struct activity_entry *e);

/* Free entries. */
void activity_entries_free(struct activity_entry *e, int n);

/* Free the strings of one activity. */
void activity_clear(struct activity *a);

/* Free an array of n activities. */
void activity_free_all(struct activity *a, int n);

#endif
