/* Milestones: the checklist library and each child's log. */
#ifndef TODDLE_MILESTONE_H
#define TODDLE_MILESTONE_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define MILESTONE_NOTE_MAX 2000

enum ms_status { MS_NONE = 0, MS_ACHIEVED, MS_EMERGING, MS_NOT_YET };

/* Where one entry of an item's history stands. */
enum ms_entry_state { MS_IN_FORCE = 0, MS_CORRECTED, MS_REMOVED };

/* One checklist item and the child's latest record of it (in force); or, in
 * a history, one entry. */
struct milestone_entry {
	char *id, *domain, *text, *source;
	int age_months;
	enum ms_status status;   /* MS_NONE when nothing is recorded */
	int has_date;
	day_t observed;
	char *note, *who;
	char *via;               /* the WHO window whose record gives the status, or "" */
	/* in a history only (else 0 and NULL): */
	long long entry;         /* the entry's ENTRY_ID */
	enum ms_entry_state state;
	char *at;                /* when it was logged (YYYY-MM-DDTHH:MM:SSZ) */
	char *changed_by, *changed_at; /* who corrected or removed it, and when ("" when in force) */
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
	long long *made;          /* when not NULL: gets the new entry's id */
};

/* Record a status for one item; a new record never overwrites an old one. */
int milestone_log(sqlite3 *db, const struct child *c, const struct milestone_seen *m, day_t today,
		  struct tdl_err *err);

/* A correction of one log entry: the status it should have had, or its removal. */
struct milestone_fix {
	long long entry;          /* the ENTRY_ID to correct */
	int remove;               /* 1: take the entry out (status is not used) */
	enum ms_status status;
};

/* Correct or remove one entry by adding a row that names it, keeping the old
 * date seen and note; the entry stays in the history as corrected or removed.
 * c: the entry must be this child's (NULL: any child's). *made (may be NULL):
 * the new row's id. Refused with TDL_EINPUT and nothing saved: no such entry,
 * a removed entry, one already corrected (says by whom, when, and which entry
 * is in force now), the status it already has. */
int milestone_correct(sqlite3 *db, const struct child *c, const struct milestone_fix *fix, long long *made,
		      struct tdl_err *err);

/* The text of one checklist item into out; 0 when it exists. */
int milestone_text(sqlite3 *db, const char *id, char *out, size_t outsz);

/* One checklist item's (or WHO window's) id and text. */
struct milestone_name {
	char *id, *text;
};

/* The texts of the items and WHO windows named in ids (separated by spaces
 * or commas, as an activity's builds; NULL: all of them), read in one
 * statement into *out (NULL and 0 when none), freed with milestone_names_free. */
int milestone_names(sqlite3 *db, const char *ids, struct milestone_name **out, int *n,
		    struct tdl_err *err);

/* The text of the id of idlen bytes among n names read, or NULL. */
const char *milestone_name_find(const struct milestone_name *m, int n, const char *id, size_t idlen);

/* Free what milestone_names read. */
void milestone_names_free(struct milestone_name *m, int n);

/* Free the strings of one entry (not the entry). */
void milestone_entry_clear(struct milestone_entry *e);

/* Free an array from milestone_list or milestone_range. */
void milestone_entries_free(struct milestone_entry *e, int n);

#endif
