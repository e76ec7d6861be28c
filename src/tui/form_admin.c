/* A clinic's admin forms on the record: assign a therapist to the shown
 * child, and delete the child (confirmed by typing the name). The model
 * keeps the CLI's rules (who may) and writes the same audit rows. */
#include <stdio.h>
#include <string.h>
#include "toddle/caseload.h"
#include "toddle/clinic.h"
#include "toddle/db.h"
#include "tui/form.h"
#include "tui/pane.h"

static const char *const disciplines[] = { "pt", "ot", "speech", NULL };

/* Check and save an assignment (fields: therapist's login, discipline). */
static int save_assign(struct tui *t, struct form_state *f)
{
	const char *who = f->value[0], *what = disciplines[f->choice[1]];
	struct tdl_err err;

	if (!*who)
		return form_refuse(t, 0, "Therapist: write their login on this server, like alice");
	if (t->app->set.group[0] && clinic_login_check(t->app->set.group, who, &err))
		return form_refuse(t, 0, err.msg);
	if (caseload_assign(t->app->db, &f->child, who, what, t->admin, &err))
		return form_refuse_model(t, 0, &err, NULL);
	tui_message(t, T_OK, "Assigned %s to %s for %s.", who, f->child.name, what);
	form_close(t); /* frees f: who and the child's name with it */
	return R_RELOAD | R_DRAW;
}

/* Open the form that assigns a therapist to the shown child. */
int form_assign_open(struct tui *t)
{
	struct form_state *f;

	if (!tui_child(t))
		return R_NONE;
	if (!t->admin) {
		tui_message(t, T_DIM, "Only a clinic admin (clinic.admins) assigns therapists; ask one.");
		return R_DRAW;
	}
	f = form_new(t, "Assign a therapist", save_assign);
	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "Who works with %s, and for what (replaces that discipline's).",
		 tui_child(t)->name);
	snprintf(f->record, sizeof f->record, "assign");
	form_field(f, "Therapist", FK_TEXT, 32, 32, NULL, "");
	form_field(f, "Discipline", FK_CHOICE, 6, 6, disciplines, NULL);
	return form_show(t);
}

/* Delete the child when the name typed is theirs (field: name). */
static int save_delete(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	char name[sizeof f->child.name];

	snprintf(name, sizeof name, "%s", f->child.name);
	if (strcmp(f->value[0], name))
		return form_refuse(t, 0, "Name: type the child's name exactly as shown to delete; Esc keeps the child");
	if (child_delete(t->app->db, &f->child, t->admin, &err))
		return form_refuse_model(t, 0, &err, NULL);
	form_close(t);
	tui_message(t, T_OK, "Deleted %s and everything recorded about them; the audit trail keeps that it was done.",
		    name);
	t->cur = -1;
	tui_view_show(t, t->clinic ? V_CASELOAD : V_WEEK);
	return R_RELOAD | R_MENU | R_DRAW;
}

/* Open the form that deletes the shown child. */
int form_delete_child_open(struct tui *t)
{
	struct form_state *f;

	if (!tui_child(t))
		return R_NONE;
	if (!t->admin) {
		tui_message(t, T_DIM, "Only a clinic admin (clinic.admins) deletes a child.");
		return R_DRAW;
	}
	f = form_new(t, "Delete a child", save_delete);
	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "Deletes %s and all their records; cannot be undone.",
		 tui_child(t)->name);
	snprintf(f->record, sizeof f->record, "delete");
	form_field(f, "Type the name", FK_TEXT, 40, CHILD_NAME_MAX, NULL, "");
	return form_show(t);
}
