/* Milestones: the checklist library and each child's log. */
#ifndef TODDLE_MILESTONE_H
#define TODDLE_MILESTONE_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define MILESTONE_NOTE_MAX 2000

enum ms_status { MS_NONE = 0, MS_ACHIEVED, MS_EMERGING, MS_NOT_YET };

/* One checklist item and the child's latest record of it. */
struct milestone_entry {
	char *id, *domain, *text, *source;
	int age_months;
	enum ms_status status;   /* MS_NONE when nothing is recorded */
	int has_date;
	day_t observed;
	char *note, *who;
};

/* Parse "achieved", "emerging" or "not-yet". */
int milestone_status_parse(const char *s, enum ms_status *out);

/* The word for a status ("-" for none). */
const char *milestone_status_name(enum ms_status st);

/* "achieved", "emerging", "not-yet", NULL: entry i is status i + MS_ACHIEVED. */
const char *const *milestone_status_choices(void);

/* Items up to age_months and those of the next checklist age, with the
 * child's latest record; *out is freed with milestone_entries_free. */
int milestone_list(sqlite3 *db, const struct child *c, int age_months,
		   struct milestone_entry **out, int *n, struct tdl_err *err);

/* Items of the checklists from age from_months to to_months (inclusive). */
int milestone_range(sqlite3 *db, const struct child *c, int from_months, int to_months,
		    struct milestone_entry **out, int *n, struct tdl_err *err);

/* Checklist ages present in the library, ascending; *out for free(). */
int milestone_ages(sqlite3 *db, int **out, int *n, struct tdl_err *err);

/* What was seen of one checklist item (or WHO window), to log. */
struct milestone_seen {
	const char *id;
	enum ms_status status;
	int has_date;             /* else: no date given */
	day_t date;
	const char *note;         /* may be NULL */
};

/* Record a status for one item; a new record never overwrites an old one. */
int milestone_log(sqlite3 *db, const struct child *c, const struct milestone_seen *m, day_t today,
		  struct tdl_err *err);

/* The text of one checklist item into out; 0 when it exists. */
int milestone_text(sqlite3 *db, const char *id, char *out, size_t outsz);

/* Free the strings of one entry (not the entry). */
void milestone_entry_clear(struct milestone_entry *e);

/* Free an array from milestone_list or milestone_range. */
void milestone_entries_free(struct milestone_entry *e, int n);

#endif
