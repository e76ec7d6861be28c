/* Where the person left the full-screen view: read at start, kept at the end. */
#ifndef TODDLE_TUI_RESUME_H
#define TODDLE_TUI_RESUME_H

#include "tui/tui.h"

/* Before the children are read: show the remembered view and ask their read
 * for the remembered child (a child no longer there falls back to the first;
 * a therapist with nothing remembered starts on the caseload). A damaged file
 * is one message. */
void resume_start(struct tui *t);

/* Keep the shown child and view for next time (quietly: nothing to say at the end). */
void resume_save(struct tui *t);

#endif
