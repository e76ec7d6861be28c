/* `u`: take back this session's changes, newest first, each as a new change
 * (a new version or a correction row), never by deleting what was written. */
#ifndef TODDLE_TUI_UNDO_H
#define TODDLE_TUI_UNDO_H

#include "toddle/activity.h"
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

/* Undo the newest change not yet undone; the status line says what was undone. */
int undo_last(struct tui *t);

/* Forget the session's changes (at the end). */
void undo_free(struct tui *t);

#endif
