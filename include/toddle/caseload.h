/* Caseloads: which therapist works with which child, and how each child is doing. */
#ifndef TODDLE_CASELOAD_H
#define TODDLE_CASELOAD_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

/* The child of a caseload row: what the list shows and its age needs, with
 * the name on the heap (a struct child holds 800 bytes for any name, and a
 * region's caseload is 10,000 rows). */
struct caseload_child {
	long long id;
	char *name;
	day_t born;
	int has_due;
	day_t due;
};

/* One row of a caseload. */
struct caseload_row {
	struct caseload_child child;
	struct child_age age;
	char *team;          /* "pt:alice ot:bob", or "" */
	int has_next;
	day_t next_day;      /* next appointment from today */
	int next_time;       /* minutes after midnight, or APPOINTMENT_ALL_DAY */
	char *next_title;
	int flags;           /* items worth talking about */
	int idle_days;       /* days since the home program was last logged; -1 never */
	int planned, done;   /* home program this week (Monday to Sunday) */
	int filled;          /* team, next, idle and the week were read (caseload_spine leaves them to caseload_fill) */
};

/* How many rows caseload_fill reads in one statement. */
#define CASELOAD_PAGE 64

enum caseload_sort { SORT_NAME, SORT_AGE, SORT_FLAGS, SORT_IDLE, SORT_NEXT };

/* Parse "pt", "ot" or "speech"; 0 on success. */
int caseload_discipline_ok(const char *d);

/* Assign a therapist to a child for a discipline. Replacing another
 * therapist's assignment needs an admin (is_admin). */
int caseload_assign(sqlite3 *db, const struct child *c, const char *therapist, const char *discipline,
		    int is_admin, struct tdl_err *err);

/* End a therapist's assignment to a child (their own, or anyone's for an admin). */
int caseload_unassign(sqlite3 *db, const struct child *c, const char *therapist, const char *discipline,
		      int is_admin, struct tdl_err *err);

/* The caseload of a therapist (NULL: every child) on day `today`, sorted. */
int caseload_list(sqlite3 *db, const char *therapist, day_t today, int correct_until_months,
		  enum caseload_sort sort, struct caseload_row **out, int *n, struct tdl_err *err);

/* The caseload (therapist NULL: every child) with only its cheap columns
 * (child, age, flag count: a sort by name, age or flags needs no more),
 * sorted by name, in one statement; the other columns wait for caseload_fill. */
int caseload_spine(sqlite3 *db, const char *therapist, day_t today, int correct_until_months,
		   struct caseload_row **out, int *n, struct tdl_err *err);

/* Read team, next visit, idle days and the week for rows from..to-1 of a
 * spine not read yet: one statement a page of CASELOAD_PAGE rows, a page
 * read completed with up to `ahead` more rows after `to`. */
int caseload_fill(sqlite3 *db, struct caseload_row *rows, int n, int from, int to, int ahead, day_t today,
		  struct tdl_err *err);

/* Read those columns for every row of a spine in one statement (a sort by
 * idle days or next visit, a search, needs them all). */
int caseload_fill_all(sqlite3 *db, const char *therapist, struct caseload_row *rows, int n, day_t today,
		      struct tdl_err *err);

/* Sort a caseload again, by another key (no read). */
void caseload_sort(struct caseload_row *rows, int n, enum caseload_sort sort);

/* Free a caseload. */
void caseload_free(struct caseload_row *r, int n);

/* Delete a child and everything recorded about them (admins only in a clinic). */
int child_delete(sqlite3 *db, const struct child *c, int is_admin, struct tdl_err *err);

#endif
