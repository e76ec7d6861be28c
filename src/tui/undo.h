/* `u`: take back this session's changes, newest first, each as a new change
 * (a new version or a correction row), never by deleting what was written. */
#ifndef TODDLE_TUI_UNDO_H
#define TODDLE_TUI_UNDO_H

#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/milestone.h"
#include "tui/tui.h"

/* Note that activity entry id was removed; its removal made `version`. */
void undo_note_activity_removed(struct tui *t, long long id, int version, const char *what);

/* Note that activity entry id was corrected to `version` from the values in old. */
void undo_note_activity_corrected(struct tui *t, const struct activity_entry *old, int version);

/* Note that appointment id was removed; its removal made `version`. */
void undo_note_appointment_removed(struct tui *t, long long id, int version, const char *what);

/* Note that milestone row `removal` removed an entry of item `what`. */
void undo_note_milestone_removed(struct tui *t, long long removal, const char *what);

/* Note that milestone row `fix` corrected an entry of item `what` that said `was`. */
void undo_note_milestone_corrected(struct tui *t, long long fix, enum ms_status was, const char *what);

/* Note that an appointment was edited to `version` from the fields in old. */
void undo_note_appointment_edited(struct tui *t, const struct appointment *old, int version);

/* Note that a child's name or dates were edited to `version` from those in old. */
void undo_note_child_edited(struct tui *t, const struct child *old, int version);

/* Note that goal id's status was set (making `version`) from status `was`. */
void undo_note_goal_set(struct tui *t, long long id, int version, const char *was, const char *what);

/* Note that assignment row id of child c was ended; what: "alice's assignment (pt)". */
void undo_note_assignment_ended(struct tui *t, const struct child *c, long long id, const char *what);

/* Note that a home program entry was ended; u says it cannot take that back
 * (rather than taking back an older change instead). */
void undo_note_program_ended(struct tui *t, const char *what);

/* Undo the newest change not yet undone; the status line says what was undone. */
int undo_last(struct tui *t);

/* Forget the session's changes (at the end). */
void undo_free(struct tui *t);

#endif
