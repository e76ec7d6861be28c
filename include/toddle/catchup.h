/* Not answered yet: the items of the checklist ages a child has passed that
 * have no record in force. An invitation to go through them (the catch-up),
 * never a concern: nothing here is "worth talking about". */
#ifndef TODDLE_CATCHUP_H
#define TODDLE_CATCHUP_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

/* One passed checklist age: how many of its items have no answer. */
struct catchup_age {
	int age_months;
	int unanswered;
	int total;
};

/* One unanswered checklist item. */
struct catchup_item {
	char *id, *domain, *text;
	int age_months;
};

/* The checklist ages child c has passed on day today (completed months, by
 * corrected age where it applies, greater than the checklist age; the rule
 * the flags use), oldest first, each with its unanswered and total items.
 * Ages with nothing unanswered are included; *out is for free(). */
int catchup_ages(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		 struct catchup_age **out, int *n, struct tdl_err *err);

/* The unanswered items of those ages, oldest checklist first, in library
 * order; *out is freed with catchup_items_free. */
int catchup_items(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct catchup_item **out, int *n, struct tdl_err *err);

/* Free an array from catchup_items. */
void catchup_items_free(struct catchup_item *it, int n);

/* Unanswered and total items over the ages (either pointer may be NULL). */
void catchup_totals(const struct catchup_age *ages, int n, int *unanswered, int *total);

/* The invitation, calmly, in at most 50 columns: "Not answered yet: the
 * 4-month checklist (9 items)" or "Not answered yet: 7 checklists (92 items)";
 * "" when nothing is unanswered. Returns the length the line needs, as snprintf. */
int catchup_line(const struct catchup_age *ages, int n, char *out, size_t outsz);

#endif
