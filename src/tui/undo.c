/* `u`: this session's changes, newest first, each taken back as a new change
 * through the model (a new version, or a row that corrects the last one), so
 * the history and the audit trail show the change, who made it and when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/restore.h"
#include "tui/undo.h"

#define UNDO_MAX 64 /* the oldest are forgotten past this */

enum undo_kind { U_ACT_REMOVED, U_ACT_CORRECTED, U_APPT_REMOVED, U_MS_REMOVED, U_MS_CORRECTED };

/* One change of this session. */
struct undo_item {
	enum undo_kind kind;
	long long id;               /* the entry, appointment, or milestone row that made the change */
	int version;                /* the version the change made */
	enum act_result result;     /* a corrected activity entry's earlier values */
	int minutes;
	char *note;
	enum ms_status was;         /* a corrected milestone entry's earlier status */
	char what[120];             /* what it was about, for the status line */
};

/* The session's changes, oldest first. */
struct undo_log {
	struct undo_item item[UNDO_MAX];
	int n;
};

/* A new item at the top of the log (the oldest dropped when full), or NULL. */
static struct undo_item *undo_push(struct tui *t, enum undo_kind kind, long long id, int version,
				   const char *what)
{
	struct undo_item *u;

	if (!t->undo && !(t->undo = calloc(1, sizeof *t->undo)))
		return NULL;
	if (t->undo->n == UNDO_MAX) {
		free(t->undo->item[0].note);
		memmove(&t->undo->item[0], &t->undo->item[1], (UNDO_MAX - 1) * sizeof t->undo->item[0]);
		t->undo->n--;
	}
	u = &t->undo->item[t->undo->n++];
	memset(u, 0, sizeof *u);
	u->kind = kind;
	u->id = id;
	u->version = version;
	snprintf(u->what, sizeof u->what, "%s", what ? what : "");
	return u;
}

/* Note an activity entry's removal. */
void undo_note_activity_removed(struct tui *t, long long id, int version, const char *what)
{
	undo_push(t, U_ACT_REMOVED, id, version, what);
}

/* Note an activity entry's correction, with its earlier values. */
void undo_note_activity_corrected(struct tui *t, const struct activity_entry *old, int version)
{
	struct undo_item *u = undo_push(t, U_ACT_CORRECTED, old->id, version, old->title);

	if (!u)
		return;
	u->result = old->result;
	u->minutes = old->minutes;
	u->note = old->note ? strdup(old->note) : NULL;
}

/* Note an appointment's removal. */
void undo_note_appointment_removed(struct tui *t, long long id, int version, const char *what)
{
	undo_push(t, U_APPT_REMOVED, id, version, what);
}

/* Note a milestone entry's removal (by row `removal`). */
void undo_note_milestone_removed(struct tui *t, long long removal, const char *what)
{
	undo_push(t, U_MS_REMOVED, removal, 0, what);
}

/* Note a milestone entry's correction (by row `fix`), with its earlier status. */
void undo_note_milestone_corrected(struct tui *t, long long fix, enum ms_status was, const char *what)
{
	struct undo_item *u = undo_push(t, U_MS_CORRECTED, fix, 0, what);

	if (u)
		u->was = was;
}

/* Take back one change through the model; the words for the status line into done. */
static int undo_apply(struct tui *t, const struct undo_item *u, char *done, size_t donesz, struct tdl_err *err)
{
	sqlite3 *db = t->app->db;

	switch (u->kind) {
	case U_ACT_REMOVED:
		snprintf(done, donesz, "the removal of %s: it is back", u->what);
		return activity_entry_restore(db, u->id, u->version, err);
	case U_ACT_CORRECTED:
		snprintf(done, donesz, "the correction of %s: it says %s again", u->what,
			 activity_result_name(u->result));
		return activity_entry_update(db, u->id, u->version, u->result, u->minutes, u->note, NULL, err);
	case U_APPT_REMOVED:
		snprintf(done, donesz, "the removal of the appointment %s: it is back", u->what);
		return appointment_restore(db, u->id, u->version, err);
	case U_MS_REMOVED:
		snprintf(done, donesz, "the removal of '%s': the entry is in force again", u->what);
		return milestone_restore(db, u->id, NULL, err);
	case U_MS_CORRECTED:
		snprintf(done, donesz, "the correction of '%s': it says %s again", u->what,
			 milestone_status_name(u->was));
		return milestone_correct(db, NULL, &(struct milestone_fix){ u->id, 0, u->was }, NULL, err);
	}
	return err_set(err, TDL_EINPUT, "nothing to undo");
}

/* Undo the newest change not yet undone. */
int undo_last(struct tui *t)
{
	struct undo_item u;
	struct tdl_err err;
	char done[300];

	if (!t->undo || t->undo->n == 0) {
		tui_message(t, T_DIM, "Nothing more to undo in this session.");
		return R_DRAW;
	}
	u = t->undo->item[--t->undo->n];
	if (undo_apply(t, &u, done, sizeof done, &err))
		tui_message(t, T_ERROR, "Cannot undo: %s", err.msg);
	else
		tui_message(t, T_OK, "Undone %s (saved as a new change; u again undoes the one before).", done);
	free(u.note);
	return R_RELOAD;
}

/* Forget the session's changes. */
void undo_free(struct tui *t)
{
	if (!t->undo)
		return;
	for (int i = 0; i < t->undo->n; i++)
		free(t->undo->item[i].note);
	free(t->undo);
	t->undo = NULL;
}
