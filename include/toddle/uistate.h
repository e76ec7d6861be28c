/* Where a person left the full-screen view (the child and the view), kept
 * per user in $XDG_STATE_HOME/toddle/state (default ~/.local/state). */
#ifndef TODDLE_UISTATE_H
#define TODDLE_UISTATE_H

#include <stddef.h>
#include "toddle/err.h"

struct ui_state {
	char child[37];   /* the child's uuid, or "" */
	char view[16];    /* the view's name (week, milestones, ...), or "" */
};

/* The state file's path into out: TDL_EINPUT when neither XDG_STATE_HOME nor HOME
 * says where, TDL_EDATA when the path is too long (the message says which). */
int ui_state_path(char *out, size_t outsz, struct tdl_err *err);

/* Read the state file at path into *s, as the person (never with toddle's
 * clinic group). A missing file gives an empty state and TDL_OK; a file that
 * cannot be read or makes no sense gives an empty state and TDL_EINPUT with
 * a one-line message. */
int ui_state_read(const char *path, struct ui_state *s, struct tdl_err *err);

/* Write *s to path atomically, as the person, making its folder (0700) when
 * missing; the file is the person's own, mode 0600. */
int ui_state_write(const char *path, const struct ui_state *s, struct tdl_err *err);

#endif
