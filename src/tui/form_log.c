/* The forms: add or edit a child, log a milestone or an activity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "tui/form.h"
#include "tui/pane.h"
#include "tui/undo.h"

/* Check and save the child form: the due date may be given as the weeks at birth. */
static int save_child(struct tui *t, struct form_state *f)
{
	const struct child *was = f->row_id ? &f->child : NULL; /* an edit: a kept birth date stays */
	struct tdl_err err;
	struct child c;
	day_t born = 0, due = 0;
	int has_due = f->value[2][0] != '\0', given, changed = 1, rc, added = f->row_id == 0;

	if (text_check(f->value[0], "Name", CHILD_NAME_MAX, 1, &err))
		return form_refuse(t, 0, err.msg);
	if (form_date(f, 1, 0, &born, &given))
		return form_refuse(t, 1, given ? "Born: not a real date; write it as YYYY-MM-DD, like 2026-03-14"
					       : "Born: please give the birth date as YYYY-MM-DD");
	if (child_validate_edit(was, f->value[0], born, 0, 0, t->app->today, &err))
		return form_refuse(t, 1, err.msg);
	if (has_due && child_due_parse(f->value[2], born, &due, "Due date or weeks", &err))
		return form_refuse(t, 2, err.msg);
	if (child_validate_edit(was, f->value[0], born, has_due, due, t->app->today, &err))
		return form_refuse(t, 2, err.msg);
	if (f->row_id == 0) {
		rc = child_add(t->app->db, f->value[0], born, has_due, due, t->app->today, &c, &err);
	} else {
		memset(&c, 0, sizeof c);
		c.id = f->row_id;
		c.version = f->row_version;
		snprintf(c.name, sizeof c.name, "%.*s", CHILD_NAME_MAX, f->value[0]);
		c.born = born;
		c.has_due = has_due;
		c.due = due;
		rc = child_update(t->app->db, &c, t->app->today, &changed, &err);
	}
	if (rc)
		return form_refuse_model(t, 0, &err, "Esc shows the child as they are now");
	if (changed && was && was->id == c.id && was->version == f->row_version)
		undo_note_child_edited(t, was, c.version);
	form_close(t);
	if (changed)
		tui_message(t, T_OK, added ? "Saved %s." : "Saved %s (u undoes the edit).", c.name);
	else
		tui_message(t, T_DIM, "Nothing changed: %s already has these details.", c.name);
	week_pane_today(t);
	/* show the new child */
	tui_reload(t);
	for (int i = 0; i < t->nchildren; i++)
		if (t->children[i] == c.id)
			tui_select_child(t, i);
	/* a child who starts late: offer to go through the checklists they have passed */
	return R_RELOAD | R_MENU | R_DRAW | (added ? catchup_open(t, 1) : R_NONE);
}

/* Check and save the milestone form. */
static int save_milestone(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	enum ms_status st;
	day_t d;
	int given, rc;

	milestone_status_parse(milestone_status_choices()[f->choice[0]], &st);
	if (form_date(f, 1, 0, &d, &given))
		return form_refuse(t, 1, "Date seen: write it as YYYY-MM-DD, like 2026-03-14");
	if (text_check_lines(f->value[2], "Note", MILESTONE_NOTE_MAX, 0, &err))
		return form_refuse(t, 2, err.msg);
	rc = milestone_log(t->app->db, &f->child, &(struct milestone_seen){
			.id = f->item_id, .status = st, .has_date = 1, .date = d,
			.note = f->value[2] }, t->app->today, &err);
	if (rc)
		return form_refuse_model(t, strstr(err.msg, "date") ? 1 : 0, &err, NULL);
	form_close(t);
	tui_message(t, T_OK, "Saved: %s.", milestone_status_name(st));
	return R_RELOAD | R_DRAW;
}

/* Check and save the activity form. */
static int save_activity(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	enum act_result r;
	day_t d;
	char *end;
	long minutes;
	int given, rc;

	activity_result_parse(activity_result_choices()[f->choice[0]], &r);
	if (form_date(f, 1, 0, &d, &given))
		return form_refuse(t, 1, "Date: write it as YYYY-MM-DD, like 2026-03-14");
	minutes = f->value[2][0] ? strtol(f->value[2], &end, 10) : 0;
	if (f->value[2][0] && (*end || minutes < 0 || minutes > 600))
		return form_refuse(t, 2, "Minutes: a whole number from 0 to 600");
	if (text_check_lines(f->value[3], "Note", ACTIVITY_NOTE_MAX, 0, &err))
		return form_refuse(t, 3, err.msg);
	rc = activity_log(t->app->db, &f->child, &(struct activity_done){
			.id = f->item_id, .day = d, .result = r, .minutes = (int)minutes,
			.note = f->value[3] }, t->app->today, &err);
	if (rc)
		return form_refuse_model(t, strstr(err.msg, "date") ? 1 : 0, &err, NULL);
	form_close(t);
	tui_message(t, T_OK, "Logged: %s.", activity_result_name(r));
	return R_RELOAD | R_DRAW;
}

/* Open the form to add a child, or (edit) to change the shown one. */
int form_child_open(struct tui *t, int edit)
{
	struct child *c = tui_child(t);
	struct form_state *f;
	char born[11] = "", due[11] = "";

	if (edit && !c)
		return R_NONE;
	if (edit) {
		date_format(c->born, born);
		if (c->has_due)
			date_format(c->due, due);
	}
	f = form_new(t, edit ? "Edit child" : "Add a child", save_child);
	if (!f)
		return R_NONE;
	if (!edit)
		form_no_child(f);
	snprintf(f->intro, sizeof f->intro, "Dates as YYYY-MM-DD. Born early? Due date, or weeks at birth (32+4).");
	form_field(f, "Name", FK_TEXT, 30, CHILD_NAME_CHARS, NULL, edit ? c->name : "");
	form_field(f, "Born", FK_TEXT, 10, 10, NULL, born);
	form_field(f, "Due date or weeks", FK_TEXT, 10, 10, NULL, due);
	if (edit) {
		f->row_id = c->id;
		f->row_version = c->version;
	}
	return form_show(t);
}

/* Open the form to log a milestone for the shown child. */
int form_milestone_open(struct tui *t, const struct milestone_entry *m)
{
	struct form_state *f = form_new(t, "Log a milestone", save_milestone);
	char today[11];

	if (!f)
		return R_NONE;
	text_sanitize(m->text, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", m->id);
	date_format(t->app->today, today);
	form_field(f, "Status", FK_CHOICE, 10, 10, milestone_status_choices(), NULL);
	f->choice[0] = m->status == MS_ACHIEVED ? 0 : m->status == MS_NOT_YET ? 2 : m->status == MS_EMERGING ? 1 : 0;
	form_field(f, "Date seen", FK_TEXT, 10, 10, NULL, today);
	form_field(f, "Note", FK_NOTE, 40, MILESTONE_NOTE_MAX, NULL, "");
	return form_show(t);
}

/* Open the form to log an activity on a day. */
int form_activity_open(struct tui *t, const struct activity *a, day_t day)
{
	struct form_state *f = form_new(t, "Log an activity", save_activity);
	char d[11], min[12];

	if (!f)
		return R_NONE;
	text_sanitize(a->title, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", a->id);
	date_format(day, d);
	snprintf(min, sizeof min, "%d", a->minutes);
	form_field(f, "How it went", FK_CHOICE, 10, 10, activity_result_choices(), NULL);
	form_field(f, "Date", FK_TEXT, 10, 10, NULL, d);
	form_field(f, "Minutes", FK_TEXT, 4, 4, NULL, min);
	form_field(f, "Note", FK_NOTE, 40, ACTIVITY_NOTE_MAX, NULL, "");
	return form_show(t);
}

