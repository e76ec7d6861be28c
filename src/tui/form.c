/* The form pane (libform): add or edit a child, log a milestone or an activity.
 * Fields are checked on save; nothing is written until every field is valid. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "tui/tui.h"

#define FORM_FIELDS 5
#define CTRL_KEY(c) ((c) & 0x1f)

enum form_type { FT_CHILD_ADD, FT_CHILD_EDIT, FT_MILESTONE, FT_ACTIVITY };
enum field_kind { FK_TEXT, FK_CHOICE };

struct field_spec {
	const char *label;
	enum field_kind kind;
	int width, max;
	const char *const *choices;
};

struct form_state {
	enum form_type type;
	char title[120], intro[400];
	int nf, focus;
	struct field_spec spec[FORM_FIELDS];
	char value[FORM_FIELDS][2100];   /* kept across a resize */
	int choice[FORM_FIELDS];
	FIELD *fields[FORM_FIELDS + 1];
	FORM *form;
	WINDOW *sub;
	char error[300];
	char item_id[80];
	long long child_id;
	int child_version;
	day_t born;
};

static const char *const ms_choices[] = { "achieved", "emerging", "not-yet", NULL };
static const char *const act_choices[] = { "done", "hard", "skipped", NULL };

/* The window keys are read from while the form is open. */
WINDOW *form_window(struct tui *t)
{
	return t->form && t->form->form ? t->over : NULL;
}

/* Copy the fields' text into the state (before a resize or a save). */
static void form_collect(struct form_state *f)
{
	if (!f->form)
		return;
	form_driver(f->form, REQ_VALIDATION);
	for (int i = 0; i < f->nf; i++) {
		snprintf(f->value[i], sizeof f->value[i], "%s", field_buffer(f->fields[i], 0));
		text_trim(f->value[i]);
	}
	f->focus = field_index(current_field(f->form));
}

/* Unpost and free the libform parts, keeping the typed text. */
void form_suspend(struct tui *t)
{
	struct form_state *f = t->form;

	if (!f || !f->form)
		return;
	form_collect(f);
	unpost_form(f->form);
	free_form(f->form);
	f->form = NULL;
	for (int i = 0; i < f->nf; i++) {
		free_field(f->fields[i]);
		f->fields[i] = NULL;
	}
	if (f->sub)
		delwin(f->sub);
	f->sub = NULL;
	overlay_close(t);
}

/* Width of the label column. */
static int label_width(const struct form_state *f)
{
	int w = 0;

	for (int i = 0; i < f->nf; i++)
		if ((int)strlen(f->spec[i].label) > w)
			w = (int)strlen(f->spec[i].label);
	return w + 2;
}

/* Make the overlay, fields and form for the current screen size. */
void form_resume(struct tui *t)
{
	struct form_state *f = t->form;
	int lw, w, fw, rc;

	if (!f || f->form || t->too_small)
		return;
	if (overlay_open(t, 8 + 2 * f->nf, 72))
		return;
	lw = label_width(f);
	w = getmaxx(t->over);
	fw = w - 4 - lw;
	for (int i = 0; i < f->nf; i++) {
		int width = f->spec[i].width < fw ? f->spec[i].width : fw;

		f->fields[i] = new_field(1, width, i * 2, 0, 0, 0);
		if (!f->fields[i])
			return;
		set_field_back(f->fields[i], theme_attr(T_SELECTED_DIM));
		field_opts_off(f->fields[i], O_AUTOSKIP);
		if (f->spec[i].kind == FK_CHOICE) {
			field_opts_off(f->fields[i], O_EDIT);
			set_field_buffer(f->fields[i], 0, f->spec[i].choices[f->choice[i]]);
		} else {
			if (f->spec[i].max > width) {
				field_opts_off(f->fields[i], O_STATIC);
				set_max_field(f->fields[i], f->spec[i].max);
			}
			set_field_buffer(f->fields[i], 0, f->value[i]);
		}
	}
	f->fields[f->nf] = NULL;
	f->form = new_form(f->fields);
	f->sub = derwin(t->over, 2 * f->nf, fw, 4, 2 + lw);
	if (!f->form || !f->sub)
		return;
	set_form_win(f->form, t->over);
	set_form_sub(f->form, f->sub);
	rc = post_form(f->form);
	if (rc != E_OK) {
		free_form(f->form);
		f->form = NULL;
		return;
	}
	if (f->focus > 0 && f->focus < f->nf)
		set_current_field(f->form, f->fields[f->focus]);
	form_driver(f->form, REQ_END_LINE);
	curs_set(1);
}

/* Close the form without saving. */
void form_close(struct tui *t)
{
	if (!t->form)
		return;
	form_suspend(t);
	free(t->form);
	t->form = NULL;
	t->modal = M_NONE;
	curs_set(0);
}

/* Start a form of a type with a title; fields are added next. */
static struct form_state *form_new(struct tui *t, enum form_type type, const char *title)
{
	struct form_state *f;

	form_close(t);
	overlay_close(t);
	t->modal = M_NONE;
	f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->type = type;
	text_sanitize(title, f->title, sizeof f->title);
	t->form = f;
	return f;
}

/* Add one field with an initial value. */
static void form_field(struct form_state *f, const char *label, enum field_kind kind, int width,
		       int max, const char *const *choices, const char *value)
{
	struct field_spec *s = &f->spec[f->nf];

	s->label = label;
	s->kind = kind;
	s->width = width;
	s->max = max;
	s->choices = choices;
	snprintf(f->value[f->nf], sizeof f->value[0], "%s", value ? value : "");
	f->nf++;
}

/* Show the form that was just described. */
static int form_show(struct tui *t)
{
	t->modal = M_FORM;
	form_resume(t);
	if (!t->form->form) {
		form_close(t);
		tui_message(t, T_ERROR, "The terminal is too small for this form.");
	}
	return R_DRAW;
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
	f = form_new(t, edit ? FT_CHILD_EDIT : FT_CHILD_ADD, edit ? "Edit child" : "Add a child");
	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "Dates as YYYY-MM-DD. Give the due date if the baby came early.");
	form_field(f, "Name", FK_TEXT, 30, CHILD_NAME_MAX, NULL, edit ? c->name : "");
	form_field(f, "Born", FK_TEXT, 10, 10, NULL, born);
	form_field(f, "Due date", FK_TEXT, 10, 10, NULL, due);
	if (edit) {
		f->child_id = c->id;
		f->child_version = c->version;
	}
	return form_show(t);
}

/* Open the form to log a milestone for the shown child. */
int form_milestone_open(struct tui *t, const struct milestone_entry *m)
{
	struct form_state *f = form_new(t, FT_MILESTONE, "Log a milestone");
	char today[11];

	if (!f)
		return R_NONE;
	text_sanitize(m->text, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", m->id);
	date_format(t->app->today, today);
	form_field(f, "Status", FK_CHOICE, 10, 10, ms_choices, NULL);
	f->choice[0] = m->status == MS_ACHIEVED ? 0 : m->status == MS_NOT_YET ? 2 : m->status == MS_EMERGING ? 1 : 0;
	form_field(f, "Date seen", FK_TEXT, 10, 10, NULL, today);
	form_field(f, "Note", FK_TEXT, 40, MILESTONE_NOTE_MAX, NULL, "");
	return form_show(t);
}

/* Open the form to log an activity on a day. */
int form_activity_open(struct tui *t, const struct activity *a, day_t day)
{
	struct form_state *f = form_new(t, FT_ACTIVITY, "Log an activity");
	char d[11], min[12];

	if (!f)
		return R_NONE;
	text_sanitize(a->title, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", a->id);
	date_format(day, d);
	snprintf(min, sizeof min, "%d", a->minutes);
	form_field(f, "How it went", FK_CHOICE, 10, 10, act_choices, NULL);
	form_field(f, "Date", FK_TEXT, 10, 10, NULL, d);
	form_field(f, "Minutes", FK_TEXT, 4, 4, NULL, min);
	form_field(f, "Note", FK_TEXT, 40, ACTIVITY_NOTE_MAX, NULL, "");
	return form_show(t);
}

/* Point at a field with a message; returns R_DRAW so the form stays open. */
static int form_refuse(struct tui *t, int field, const char *msg)
{
	struct form_state *f = t->form;

	text_sanitize(msg, f->error, sizeof f->error);
	if (f->form && field >= 0 && field < f->nf) {
		set_current_field(f->form, f->fields[field]);
		form_driver(f->form, REQ_END_LINE);
	}
	return R_DRAW;
}

/* Parse a date field; empty is allowed when optional. */
static int field_date(struct form_state *f, int i, int optional, day_t *out, int *given)
{
	*given = f->value[i][0] != '\0';
	if (!*given)
		return optional ? 0 : -1;
	return date_parse(f->value[i], out);
}

/* Check and save the child form. */
static int save_child(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	struct child c;
	day_t born = 0, due = 0;
	int has_due, given, rc;

	if (text_check(f->value[0], "Name", CHILD_NAME_MAX, 1, &err))
		return form_refuse(t, 0, err.msg);
	if (field_date(f, 1, 0, &born, &given))
		return form_refuse(t, 1, given ? "Born: not a real date; write it as YYYY-MM-DD, like 2026-03-14"
					       : "Born: please give the birth date as YYYY-MM-DD");
	if ((rc = child_validate(f->value[0], born, 0, 0, t->app->today, &err)))
		return form_refuse(t, 1, err.msg);
	if (field_date(f, 2, 1, &due, &has_due))
		return form_refuse(t, 2, "Due date: not a real date; write it as YYYY-MM-DD or leave it empty");
	if ((rc = child_validate(f->value[0], born, has_due, due, t->app->today, &err)))
		return form_refuse(t, 2, err.msg);
	if (f->type == FT_CHILD_ADD) {
		rc = child_add(t->app->db, f->value[0], born, has_due, due, t->app->today, &c, &err);
	} else {
		memset(&c, 0, sizeof c);
		c.id = f->child_id;
		c.version = f->child_version;
		snprintf(c.name, sizeof c.name, "%.*s", CHILD_NAME_MAX, f->value[0]);
		c.born = born;
		c.has_due = has_due;
		c.due = due;
		rc = child_update(t->app->db, &c, t->app->today, &err);
	}
	if (rc)
		return form_refuse(t, 0, err.msg);
	form_close(t);
	tui_message(t, T_OK, "Saved %s.", c.name);
	t->week_locked = 0;
	/* show the new child */
	tui_reload(t);
	for (int i = 0; i < t->nchildren; i++)
		if (t->children[i].id == c.id)
			tui_select_child(t, i);
	return R_RELOAD | R_MENU | R_DRAW;
}

/* Check and save the milestone form. */
static int save_milestone(struct tui *t, struct form_state *f)
{
	struct child *c = tui_child(t);
	struct tdl_err err;
	enum ms_status st;
	day_t d;
	int given, rc;

	if (!c)
		return form_refuse(t, 0, "No child is shown.");
	milestone_status_parse(ms_choices[f->choice[0]], &st);
	if (field_date(f, 1, 0, &d, &given))
		return form_refuse(t, 1, "Date seen: write it as YYYY-MM-DD, like 2026-03-14");
	if (text_check(f->value[2], "Note", MILESTONE_NOTE_MAX, 0, &err))
		return form_refuse(t, 2, err.msg);
	rc = milestone_log(t->app->db, c, f->item_id, st, 1, d, f->value[2], t->app->today, &err);
	if (rc)
		return form_refuse(t, strstr(err.msg, "date") ? 1 : 0, err.msg);
	form_close(t);
	tui_message(t, T_OK, "Saved: %s.", ms_choices[(int)st - 1]);
	return R_RELOAD | R_DRAW;
}

/* Check and save the activity form. */
static int save_activity(struct tui *t, struct form_state *f)
{
	struct child *c = tui_child(t);
	struct tdl_err err;
	enum act_result r;
	day_t d;
	char *end;
	long minutes;
	int given, rc;

	if (!c)
		return form_refuse(t, 0, "No child is shown.");
	activity_result_parse(act_choices[f->choice[0]], &r);
	if (field_date(f, 1, 0, &d, &given))
		return form_refuse(t, 1, "Date: write it as YYYY-MM-DD, like 2026-03-14");
	minutes = f->value[2][0] ? strtol(f->value[2], &end, 10) : 0;
	if (f->value[2][0] && (*end || minutes < 0 || minutes > 600))
		return form_refuse(t, 2, "Minutes: a whole number from 0 to 600");
	if (text_check(f->value[3], "Note", ACTIVITY_NOTE_MAX, 0, &err))
		return form_refuse(t, 3, err.msg);
	rc = activity_log(t->app->db, c, f->item_id, d, r, (int)minutes, f->value[3], t->app->today, &err);
	if (rc)
		return form_refuse(t, strstr(err.msg, "date") ? 1 : 0, err.msg);
	form_close(t);
	tui_message(t, T_OK, "Logged: %s.", act_choices[(int)r - 1]);
	return R_RELOAD | R_DRAW;
}

/* Check every field and save through the model. */
static int form_save(struct tui *t)
{
	struct form_state *f = t->form;

	form_collect(f);
	f->error[0] = '\0';
	switch (f->type) {
	case FT_CHILD_ADD:
	case FT_CHILD_EDIT:
		return save_child(t, f);
	case FT_MILESTONE:
		return save_milestone(t, f);
	default:
		return save_activity(t, f);
	}
}

/* Step a choice field forwards or backwards. */
static void choice_step(struct form_state *f, int i, int delta)
{
	int n = 0;

	while (f->spec[i].choices[n])
		n++;
	f->choice[i] = (f->choice[i] + delta + n) % n;
	set_field_buffer(f->fields[i], 0, f->spec[i].choices[f->choice[i]]);
}

/* Handle one key while the form is open. */
int form_key(struct tui *t, int is_key, wint_t ch)
{
	struct form_state *f = t->form;
	int cur, last;

	if (!f || !f->form)
		return R_DRAW;
	cur = field_index(current_field(f->form));
	last = cur == f->nf - 1;
	if (!is_key && ch == 27) {
		form_close(t);
		tui_message(t, T_DIM, "Closed without saving.");
		return R_DRAW;
	}
	if ((!is_key && (ch == '\n' || ch == '\r')) || (is_key && ch == KEY_ENTER)) {
		if (last)
			return form_save(t);
		form_driver(f->form, REQ_NEXT_FIELD);
		form_driver(f->form, REQ_END_LINE);
		return R_DRAW;
	}
	if (!is_key && ch == CTRL_KEY('s'))
		return form_save(t);
	if (f->spec[cur].kind == FK_CHOICE &&
	    ((!is_key && ch == ' ') || (is_key && (ch == KEY_LEFT || ch == KEY_RIGHT)))) {
		choice_step(f, cur, is_key && ch == KEY_LEFT ? -1 : 1);
		return R_DRAW;
	}
	if (is_key) {
		int req = ch == KEY_DOWN ? REQ_NEXT_FIELD
			: ch == KEY_UP || ch == KEY_BTAB ? REQ_PREV_FIELD
			: ch == KEY_LEFT ? REQ_LEFT_CHAR : ch == KEY_RIGHT ? REQ_RIGHT_CHAR
			: ch == KEY_BACKSPACE ? REQ_DEL_PREV : ch == KEY_DC ? REQ_DEL_CHAR
			: ch == KEY_HOME ? REQ_BEG_LINE : ch == KEY_END ? REQ_END_LINE : 0;

		if (req) {
			form_driver(f->form, req);
			if (req == REQ_NEXT_FIELD || req == REQ_PREV_FIELD)
				form_driver(f->form, REQ_END_LINE);
		}
		return R_DRAW;
	}
	if (ch == '\t') {
		form_driver(f->form, REQ_NEXT_FIELD);
		form_driver(f->form, REQ_END_LINE);
	} else if (ch == 127 || ch == 8) {
		form_driver(f->form, REQ_DEL_PREV);
	} else if (ch == CTRL_KEY('u')) {
		form_driver(f->form, REQ_CLR_FIELD);
	} else if (ch >= 32 && f->spec[cur].kind == FK_TEXT) {
		form_driver_w(f->form, OK, ch);
	}
	return R_DRAW;
}

/* Draw the form's frame, labels and message; libform draws the fields. */
void form_draw(struct tui *t)
{
	struct form_state *f = t->form;
	int w, lw;

	if (!f || !f->form || !t->over)
		return;
	w = getmaxx(t->over);
	lw = label_width(f);
	draw_box(t, t->over, f->title, 1);
	draw_text(t->over, 1, 2, w - 4, T_HEADING, f->intro);
	draw_text(t->over, 2, 2, w - 4, T_DIM, "");
	for (int i = 0; i < f->nf; i++) {
		draw_text(t->over, 4 + 2 * i, 2, lw, T_NORMAL, f->spec[i].label);
	}
	draw_text(t->over, 4 + 2 * f->nf, 2, w - 4, T_ERROR, f->error);
	draw_text(t->over, 5 + 2 * f->nf, 2, w - 4, T_DIM,
		  f->spec[field_index(current_field(f->form))].kind == FK_CHOICE
		  ? "Space or Left/Right: change   Enter: next   Esc: cancel"
		  : "Enter: next field, save on the last   Esc: cancel");
	pos_form_cursor(f->form);
	wnoutrefresh(t->over);
}
