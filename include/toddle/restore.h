/* Taking a change back: never by deleting or rewriting history, always as a
 * new change by the current user, now, that the audit trail records. */
#ifndef TODDLE_RESTORE_H
#define TODDLE_RESTORE_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

/* Put back a removed activity log entry that is still at `version` (the one
 * its removal made): a new version, by the current user, now. Refused with
 * TDL_EINPUT (nothing saved) when it is not removed or changed since. */
int activity_entry_restore(sqlite3 *db, long long id, int version, struct tdl_err *err);

/* The same for a removed appointment. */
int appointment_restore(sqlite3 *db, long long id, int version, struct tdl_err *err);

/* Take back the milestone removal row `removal` (it removed an entry) by a
 * new row that corrects it with the removed entry's status, date and note,
 * so the entry is in force again; the removal stays in the history. *made
 * (may be NULL): the new row's id. Refused with TDL_EINPUT when `removal` is
 * not a removal or something already corrects it. */
int milestone_restore(sqlite3 *db, long long removal, long long *made, struct tdl_err *err);

/* Take back the end of assignment row `ended` of child c by a new assignment
 * of the same therapist for the same discipline, by the current user, now
 * (the therapist themself, or an admin). Refused with TDL_EINPUT, naming who
 * and when, when that discipline was assigned or ended again since. */
int assignment_restore(sqlite3 *db, const struct child *c, long long ended, int is_admin, struct tdl_err *err);

#endif
