/* Children: who they are, when they were born, and how old they are. */
#ifndef TODDLE_CHILD_H
#define TODDLE_CHILD_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/date.h"
#include "toddle/err.h"

#define CHILD_NAME_CHARS 200   /* characters */
#define CHILD_NAME_MAX (CHILD_NAME_CHARS * 4) /* bytes of UTF-8 */
#define CHILD_DUE_MAX_DAYS 140 /* a due date at most 20 weeks after birth */
#define CHILD_DUE_MIN_DAYS (-28) /* and at most 4 weeks before it */
#define PRETERM_WEEKS 37
#define CHILD_MAX_YEARS 6      /* a birth date at most this long ago: toddle follows children to 5 */

struct child {
	long long id;
	char uuid[37];
	char name[CHILD_NAME_MAX + 1];
	day_t born;
	int has_due;
	day_t due;
	int version;
};

/* A child's age on one day, with the corrected age where it applies. */
struct child_age {
	int days, weeks, months;       /* chronological */
	int corrected;                 /* 1 when corrected age applies on this day */
	int cdays, cweeks, cmonths;    /* corrected (cdays may be < 0 before due) */
	int ga_weeks, ga_days;         /* gestational age at birth, when known */
	int use_days, use_weeks, use_months; /* what drives content: corrected or not */
	int tenths, ctenths, use_tenths; /* the same ages in tenths of a month, cut:
					  * tenths / 10 == months everywhere it is shown */
};

/* Check name and dates for a new child: a birth date neither in the future
 * nor more than CHILD_MAX_YEARS ago, a due date near it. */
int child_validate(const char *name, day_t born, int has_due, day_t due,
		   day_t today, struct tdl_err *err);

/* As child_validate for an edit of child `was` (NULL: a new child): a birth
 * date kept as it was is not held to the CHILD_MAX_YEARS limit. */
int child_validate_edit(const struct child *was, const char *name, day_t born, int has_due, day_t due,
			day_t today, struct tdl_err *err);

/* The earliest birth date accepted on day today (CHILD_MAX_YEARS before it). */
day_t child_born_min(day_t today);

/* The last day toddle follows child c: CHILD_MAX_YEARS after the birth. */
day_t child_day_max(const struct child *c);

/* Refuse a day before c's birth (TDL_EINPUT): "WHAT DAY is before NAME's birth
 * date BORN" — the one message for every dated entry about a child. */
int child_check_born(const struct child *c, day_t day, const char *what, struct tdl_err *err);

/* Refuse a day that c's age is worked out for (a week page, a --today) before
 * the birth or after child_day_max (TDL_EINPUT, naming both dates). */
int child_check_day(const struct child *c, day_t day, const char *what, struct tdl_err *err);

/* Add a child; fills out (may be NULL) with the stored row. */
int child_add(sqlite3 *db, const char *name, day_t born, int has_due, day_t due,
	      day_t today, struct child *out, struct tdl_err *err);

/* Save edits to c if nobody changed it since it was read (c->version);
 * *changed (may be NULL) is 0 when the edits match the stored child and
 * nothing was written. */
int child_update(sqlite3 *db, struct child *c, day_t today, int *changed, struct tdl_err *err);

/* Inside a write transaction: TDL_OK while child c is still in the database;
 * when it was deleted, TDL_EINPUT saying who removed it and when. */
int child_check_present(sqlite3 *db, const struct child *c, struct tdl_err *err);

/* Begin a write about child c (BEGIN IMMEDIATE), check the child is still
 * there, and prepare sql; on failure nothing is begun and the status says why. */
int child_write_begin(sqlite3 *db, const struct child *c, const char *sql, sqlite3_stmt **st,
		      struct tdl_err *err);

/* All children, by name; *out is a heap array for free(). */
int child_list(sqlite3 *db, struct child **out, int *n, struct tdl_err *err);

/* The children as the side menu lists them, from one statement on the name
 * index: every child's id in name order (a clinic's ten thousand children are
 * 80 KB), the names of only a window of them (the rows on screen), and where
 * one child, by uuid, stands. */
struct child_index {
	long long *ids;     /* out: n ids by name, a heap array for free() */
	int n;
	int first, count;   /* in: the window whose names to read */
	char **names;       /* in: count slots; out: names[i] of child first + i (heap), NULL past the end */
	const char *uuid;   /* in: the child to find, or NULL */
	int found;          /* out: its index in ids, or -1 */
};

/* Read ix (see struct child_index); on failure ids is NULL and no name is kept. */
int child_index_read(sqlite3 *db, struct child_index *ix, struct tdl_err *err);

/* The names of count children by id (heap strings; NULL for a child no longer
 * here), in one statement; count at most CHILD_NAMES_MAX. */
#define CHILD_NAMES_MAX 500
int child_names(sqlite3 *db, const long long *ids, int count, char **names, struct tdl_err *err);

/* The child of that id, whole; TDL_EINPUT when there is none (any more). */
int child_get(sqlite3 *db, long long id, struct child *out, struct tdl_err *err);

/* Fill out from columns 0-5 of a row: id, uuid, name, born, due, version. */
void child_read_row(sqlite3_stmt *st, struct child *out);

/* Find by exact id or name (case-insensitive); with name NULL, the only child. */
int child_find(sqlite3 *db, const char *name, struct child *out, struct tdl_err *err);

/* Due date from a gestational age at birth ("32" or "32+4" weeks+days). */
int child_due_from_ga(const char *ga, day_t born, day_t *due, struct tdl_err *err);

/* Due date from what a person wrote: a date (YYYY-MM-DD) or a gestational
 * age at birth (32 or 32+4); `what` names the field in the message. */
int child_due_parse(const char *text, day_t born, day_t *due, const char *what, struct tdl_err *err);

/* Compute the age on day `on`; correction stops at correct_until_months. */
void child_age(const struct child *c, day_t on, int correct_until_months,
	       struct child_age *out);

/* Describe an age in words, e.g. "10 weeks 2 days" or "1 year 3 months". */
void child_age_words(int days, int months, char *out, size_t outsz);

/* The library week (0..104) that fits this age. */
int child_week(const struct child_age *a);

#endif
