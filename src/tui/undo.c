/* `u`: this session's changes, newest first, each taken back as a new change
 * through the model (a new version, or a row that corrects the last one), so
 * the history and the audit trail show the change, who made it and when. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/goal.h"
#include "toddle/restore.h"
#include "tui/undo.h"

#define UNDO_MAX 64 /* the oldest are forgotten past this */

enum undo_kind {
	U_ACT_REMOVED, U_ACT_CORRECTED, U_APPT_REMOVED, U_MS_REMOVED, U_MS_CORRECTED,
	U_APPT_EDITED, U_CHILD_EDITED, U_GOAL_SET, U_ASSIGN_ENDED, U_PROGRAM_ENDED
};

/* One change of this session. */
struct undo_item {
	enum undo_kind kind;
	long long id;               /* the entry, appointment, or milestone row that made the change */
	int version;                /* the version the change made */
	enum act_result result;     /* a corrected activity entry's earlier values */
	int minutes;
	char *note;
	enum ms_status was;         /* a corrected milestone entry's earlier status */
	struct appointment appt;    /* an edited appointment's earlier fields (title, place, with_whom owned) */
	struct child child;         /* an edited child's earlier details; the ended assignment's child (id) */
	char status[16];            /* a goal's earlier status */
	char what[120];             /* what it was about, for the status line */
};

/* The session's changes, oldest first. */
struct undo_log {
	struct undo_item item[UNDO_MAX];
	int n;
};

/* Free what one item owns. */
static void undo_item_clear(struct undo_item *u)
{
	free(u->note);
	free(u->appt.title);
	free(u->appt.place);
	free(u->appt.with_whom);
}

/* A new item at the top of the log (the oldest dropped when full), or NULL. */
static struct undo_item *undo_push(struct tui *t, enum undo_kind kind, long long id, int version,
				   const char *what)
{
	struct undo_item *u;

	if (!t->undo && !(t->undo = calloc(1, sizeof *t->undo)))
		return NULL;
	if (t->undo->n == UNDO_MAX) {
		undo_item_clear(&t->undo->item[0]);
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

/* Note an appointment's edit to `version`, from the fields in old. */
void undo_note_appointment_edited(struct tui *t, const struct appointment *old, int version)
{
	struct undo_item *u = undo_push(t, U_APPT_EDITED, old->id, version, old->title);

	if (!u)
		return;
	u->appt = *old;
	u->appt.child_name = NULL;
	u->appt.title = strdup(old->title ? old->title : "");
	u->appt.place = strdup(old->place ? old->place : "");
	u->appt.with_whom = strdup(old->with_whom ? old->with_whom : "");
	if (!u->appt.title || !u->appt.place || !u->appt.with_whom) {
		undo_item_clear(u);
		t->undo->n--;
	}
}

/* Note a child's edit to `version`, from the details in old. */
void undo_note_child_edited(struct tui *t, const struct child *old, int version)
{
	struct undo_item *u = undo_push(t, U_CHILD_EDITED, old->id, version, old->name);

	if (u)
		u->child = *old;
}

/* Note a goal's status change to `version`, from status `was`. */
void undo_note_goal_set(struct tui *t, long long id, int version, const char *was, const char *what)
{
	struct undo_item *u = undo_push(t, U_GOAL_SET, id, version, what);

	if (u)
		snprintf(u->status, sizeof u->status, "%s", was);
}

/* Note the end of assignment row id of child c. */
void undo_note_assignment_ended(struct tui *t, const struct child *c, long long id, const char *what)
{
	struct undo_item *u = undo_push(t, U_ASSIGN_ENDED, id, 0, what);

	if (u)
		u->child.id = c->id;
}

/* Note that a home program entry was ended: u says it cannot take that back. */
void undo_note_program_ended(struct tui *t, const char *what)
{
	undo_push(t, U_PROGRAM_ENDED, 0, 0, what);
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
	case U_APPT_EDITED: {
		struct appointment a = u->appt;

		snprintf(done, donesz, "the edit of the appointment %s: it says what it said before", u->what);
		a.version = u->version;
		return appointment_update(db, &a, NULL, err);
	}
	case U_CHILD_EDITED: {
		struct child c = u->child;

		snprintf(done, donesz, "the edit of %s: the name and dates are as they were", u->what);
		c.version = u->version;
		return child_update(db, &c, t->app->today, NULL, err);
	}
	case U_GOAL_SET:
		snprintf(done, donesz, "the status of the goal '%s': it is %s again", u->what, u->status);
		return goal_set(db, u->id, u->version, u->status, NULL, err);
	case U_ASSIGN_ENDED:
		snprintf(done, donesz, "the end of %s: assigned again", u->what);
		return assignment_restore(db, &u->child, u->id, t->admin, err);
	case U_PROGRAM_ENDED: /* a program entry keeps no who and when for a re-opening */
		return err_set(err, TDL_EINPUT, "an ended home program entry (%s) cannot be opened again; add the "
			       "activity to the home program anew with P (u again undoes the change before)", u->what);
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
	undo_item_clear(&u);
	return u.kind == U_CHILD_EDITED ? R_RELOAD | R_MENU : R_RELOAD; /* a child's name is in the menu */
}

/* Forget the session's changes. */
void undo_free(struct tui *t)
{
	if (!t->undo)
		return;
	for (int i = 0; i < t->undo->n; i++)
		undo_item_clear(&t->undo->item[i]);
	free(t->undo);
	t->undo = NULL;
}
