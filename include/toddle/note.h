/* Session notes in SOAP form; a correction is a new version, never an edit. */
#ifndef TODDLE_NOTE_H
#define TODDLE_NOTE_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

#define NOTE_FIELD_MAX 8000
#define NOTE_MINUTES_MIN 1
#define NOTE_MINUTES_MAX 600
#define NOTE_MINUTES_DEFAULT 45   /* a session's length when none is given */

struct session_note {
	long long id;           /* this version's row */
	char note_uuid[37];     /* the note, across versions */
	int version;
	day_t day;
	int minutes;
	char *discipline;       /* "" when not given */
	char *subjective, *objective, *assessment, *plan;
	char *created_at, *created_by;
};

/* Write a new note (corrects = 0) or a new version of note row `corrects`,
 * which must still be the note's newest version (else TDL_EINPUT names who
 * corrected it and when). The session day cannot be after today. A correction
 * without a discipline keeps the corrected one's. *changed (may be NULL) is 0
 * when the correction equals the corrected version: nothing is written, and
 * n->id and n->version name that version. */
int note_add(sqlite3 *db, const struct child *c, long long corrects, struct session_note *n, day_t today,
	     int *changed, struct tdl_err *err);

/* A child's notes, newest first: the latest version of each (all: every version). */
int note_list(sqlite3 *db, const struct child *c, int all, struct session_note **out, int *n,
	      struct tdl_err *err);

/* Free notes. */
void note_free(struct session_note *n, int count);

#endif
