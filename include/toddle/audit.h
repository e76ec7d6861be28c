/* The audit trail (who changed what, when) and personal drafts. */
#ifndef TODDLE_AUDIT_H
#define TODDLE_AUDIT_H

#include <sqlite3.h>
#include "toddle/date.h"
#include "toddle/err.h"

struct audit_row {
	char *at, *who, *child, *action, *detail;
};

/* Changes for a child (child_id < 0: all) from a day on (has_since), oldest first. */
int audit_list(sqlite3 *db, long long child_id, int has_since, day_t since, struct audit_row **out,
	       int *n, struct tdl_err *err);

/* Free audit rows. */
void audit_free(struct audit_row *r, int n);

/* Add one row to the audit trail, by the current user, now, in its own
 * transaction: child_id (0 or less: no child), action like 'exported', and
 * what was done in detail. */
int audit_record(sqlite3 *db, long long child_id, const char *action, const char *detail,
		 struct tdl_err *err);

/* Drafts are keyed by login, form and child: `form` names the form and the
 * record it edits; child_id (0: a form about no child) ties the draft to the
 * child, so it goes when the child is deleted and is never offered for another. */

/* Keep the current user's unsaved text for a form (replacing an older draft). */
int draft_save(sqlite3 *db, long long child_id, const char *form, const char *body, struct tdl_err *err);

/* The current user's draft for a form about child_id (a new heap string), or
 * NULL; saved_at receives when it was kept. */
char *draft_get(sqlite3 *db, long long child_id, const char *form, char saved_at[21]);

/* Forget the current user's draft for a form about child_id. */
int draft_drop(sqlite3 *db, long long child_id, const char *form, struct tdl_err *err);

#endif
