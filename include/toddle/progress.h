/* Where a child is: WHO motor windows, progress by domain, one item's history,
 * and the calm "worth talking about" list. Never a diagnosis. */
#ifndef TODDLE_PROGRESS_H
#define TODDLE_PROGRESS_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"
#include "toddle/milestone.h"

#define DAYS_PER_MONTH 30.4375

/* One WHO motor window and whether the child reached it. */
struct who_window {
	char *id, *text, *criteria, *source;
	double p1, p99;          /* months */
	enum ms_status status;   /* the skill's latest record in force, MS_NONE if none */
	int has_date;
	day_t day;               /* when it was seen, if recorded */
	char *via;               /* the CDC item whose record gives the status, or "" */
	char *same_as;           /* the CDC item of the same criterion, or "" */
	char *same_reason;       /* why it is the same skill, or "" */
	char *retired_by;        /* the later window achieved that retires this one, or "" */
};

/* Achieved items of the checklists up to an age, per domain. */
struct progress {
	char *domain;
	int achieved, total;
};

enum flag_kind { FLAG_LOST, FLAG_CHECKLIST, FLAG_WINDOW };

/* One item worth talking about with the child's doctor. */
struct flag {
	enum flag_kind kind;
	char *id, *text, *domain;
	char *area;              /* the area of concern's title */
	char *helps;             /* pt | ot | speech | general */
	int age_months;          /* checklist age (FLAG_CHECKLIST) */
	double p99;              /* the window's 99th percentile (FLAG_WINDOW) */
	enum ms_status status;   /* the latest record in force (MS_NONE: none) */
	char *same_as;           /* a window's CDC item of the same criterion, or NULL */
	day_t added;             /* FLAG_WINDOW: the day the child was added (0: unknown) */
};

/* The six WHO windows with the child's records (c NULL: none); a record of the
 * CDC item of the same criterion counts; free with progress_windows_free. */
int progress_windows(sqlite3 *db, const struct child *c, struct who_window **out, int *n,
		     struct tdl_err *err);

/* Achieved and total checklist items up to age_months, by domain. */
int progress_by_domain(sqlite3 *db, const struct child *c, int age_months, struct progress **out,
		       int *n, struct tdl_err *err);

/* Every entry of one item (id NULL: of every item) for a child, oldest first,
 * with its ENTRY_ID and state: in force, corrected or removed, and by whom and
 * when (the rows that only remove an entry are not listed). */
int progress_history(sqlite3 *db, const struct child *c, const char *id,
		     struct milestone_entry **out, int *n, struct tdl_err *err);

/* The "worth talking about" list on day `today`: concerns only, read from the
 * entries in force; a CDC item and its WHO window of the same criterion are
 * one skill (listed once), and windows retired by a later skill never appear.
 * - FLAG_LOST: achieved on one day, and the latest entry not yet on a later
 *   day (a same-day change is a correction);
 * - FLAG_CHECKLIST: an item of a checklist age the child has passed (completed
 *   months greater than the checklist age) whose latest entry is not yet;
 *   an item with no entry is not answered yet, never listed here;
 * - FLAG_WINDOW: a WHO window whose 99th percentile has passed without the
 *   skill: with an entry that is not achieved, or with none when the window
 *   closed after the child was added to toddle. */
int flags_compute(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct flag **out, int *n, struct tdl_err *err);

/* Days ahead flags_until looks at most: beyond them a count is counted again. */
#define FLAGS_FAR 36525

/* The number of flags_compute's flags of each child of kids[0..n) (into
 * counts) and the first day each count may change (into untils, may be
 * NULL), read for every FLAGS_RUN children in one statement. */
int flags_count_each(sqlite3 *db, const struct child *kids, int n, day_t today, int correct_until_months,
		     int *counts, day_t *untils, struct tdl_err *err);

/* The first day after today on which the count of child c's flags, from its
 * rows before flags_compute's filter (f[0..n)), may differ from today's:
 * today's count holds on every day before it (at most today + FLAGS_FAR). */
day_t flags_until(const struct flag *f, int n, const struct child *c, day_t today, int correct_until_months);

/* Keep the flag counts of children ids[0..n) counted on day today, each
 * holding until untils[i], if that can be done without waiting (called in the
 * read transaction they were counted in); 0 when kept. */
int flag_count_store(sqlite3 *db, const long long *ids, const int *counts, const day_t *untils, int n,
		     day_t today, int correct_until_months);

void progress_windows_free(struct who_window *w, int n);
void progress_free(struct progress *p, int n);
void flags_free(struct flag *f, int n);

#endif
