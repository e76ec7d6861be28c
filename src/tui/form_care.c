/* The therapist's forms: session notes (SOAP), goals, home program entries. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/program.h"
#include "toddle/text.h"
#include "tui/form.h"
#include "tui/pane.h"
#include "tui/undo.h"

/* Refuse field i of f: "<label>: a whole number from <min> to <max>". */
static int refuse_range(struct tui *t, int i, const char *label, int min, int max)
{
	char msg[80];

	snprintf(msg, sizeof msg, "%s: a whole number from %d to %d", label, min, max);
	return form_refuse(t, i, msg);
}

/* Check and save a note (fields: date, minutes, S, O, A, P); a correction is a new version. */
static int save_note(struct tui *t, struct form_state *f)
{
	static const char *const names[] = { "Subjective", "Objective", "Assessment", "Plan" };
	struct session_note n;
	struct tdl_err err;
	int given, changed, rc;

	memset(&n, 0, sizeof n);
	if (form_date(f, 0, 0, &n.day, &given))
		return form_refuse(t, 0, "Date: write it as YYYY-MM-DD, like 2026-03-14");
	if (form_number(f, 1, NOTE_MINUTES_MIN, NOTE_MINUTES_MAX, NOTE_MINUTES_DEFAULT, &n.minutes))
		return refuse_range(t, 1, "Minutes", NOTE_MINUTES_MIN, NOTE_MINUTES_MAX);
	for (int i = 0; i < 4; i++)
		if (text_check_lines(f->value[2 + i], names[i], NOTE_FIELD_MAX, 1, &err))
			return form_refuse(t, 2 + i, err.msg);
	n.discipline = "";
	n.subjective = f->value[2];
	n.objective = f->value[3];
	n.assessment = f->value[4];
	n.plan = f->value[5];
	rc = note_add(t->app->db, &f->child, f->row_id, &n, t->app->today, &changed, &err);
	if (rc)
		return form_refuse_model(t, strstr(err.msg, "date") ? 0 : 1, &err,
					 "Esc, then Enter on the note shows the newer version and offers your text again");
	form_close(t);
	if (!changed)
		tui_message(t, T_DIM, "Nothing changed: the note already says this (version %d).", n.version);
	else
		tui_message(t, T_OK, n.version > 1 ? "Saved the correction as version %d; the earlier one is kept."
						   : "Saved the session note.", n.version);
	return R_RELOAD | R_DRAW;
}

/* Open the note form: a new note, or a correction of note row `corrects`. */
int form_note_open(struct tui *t, long long corrects)
{
	struct child *c = tui_child(t);
	struct session_note *notes = NULL, *old = NULL;
	struct tdl_err err;
	struct form_state *f;
	char d[11], min[12];
	int n = 0;

	snprintf(min, sizeof min, "%d", NOTE_MINUTES_DEFAULT);

	if (!c)
		return R_NONE;
	if (corrects && note_list(t->app->db, c, 0, &notes, &n, &err) == 0)
		for (int i = 0; i < n; i++)
			if (notes[i].id == corrects)
				old = &notes[i];
	f = form_new(t, old ? "Correct a session note" : "Session note", save_note);
	if (!f) {
		note_free(notes, n);
		return R_NONE;
	}
	snprintf(f->intro, sizeof f->intro, "%s. %s Ctrl-E writes a field in your editor.", c->name,
		 old ? "The note you correct is kept as it was." : "SOAP: what you heard, saw, think, and plan.");
	f->row_id = old ? corrects : 0;
	if (old) /* a draft follows the note across its versions */
		snprintf(f->record, sizeof f->record, "%s", old->note_uuid);
	date_format(old ? old->day : t->app->today, d);
	if (old)
		snprintf(min, sizeof min, "%d", old->minutes);
	form_field(f, "Date", FK_TEXT, 10, 10, NULL, d);
	form_field(f, "Minutes", FK_TEXT, 3, 3, NULL, min);
	form_field(f, "Subjective", FK_NOTE, 46, NOTE_FIELD_MAX, NULL, old ? old->subjective : "");
	form_field(f, "Objective", FK_NOTE, 46, NOTE_FIELD_MAX, NULL, old ? old->objective : "");
	form_field(f, "Assessment", FK_NOTE, 46, NOTE_FIELD_MAX, NULL, old ? old->assessment : "");
	form_field(f, "Plan", FK_NOTE, 46, NOTE_FIELD_MAX, NULL, old ? old->plan : "");
	note_free(notes, n);
	return form_show(t);
}

/* Check and save a new goal (fields: text, target date). */
static int save_goal(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	day_t target = 0;
	int has, rc;

	if (text_check_lines(f->value[0], "Goal", GOAL_TEXT_MAX, 1, &err))
		return form_refuse(t, 0, err.msg);
	if (form_date(f, 1, 1, &target, &has))
		return form_refuse(t, 1, "Target date: write it as YYYY-MM-DD or leave it empty");
	rc = goal_add(t->app->db, &f->child, f->value[0], has, target, NULL, &err);
	if (rc)
		return form_refuse_model(t, 0, &err, NULL);
	form_close(t);
	tui_message(t, T_OK, "Saved the goal.");
	return R_RELOAD | R_DRAW;
}

/* Open the form for a new goal. */
int form_goal_open(struct tui *t)
{
	struct form_state *f;

	if (!tui_child(t))
		return R_NONE;
	f = form_new(t, "New goal", save_goal);
	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "A goal for %s, in words the family can use.", tui_child(t)->name);
	form_field(f, "Goal", FK_NOTE, 46, GOAL_TEXT_MAX, NULL, "");
	form_field(f, "Target date", FK_TEXT, 10, 10, NULL, "");
	return form_show(t);
}

/* The status (into was) and the text's first line (into what) of goal id
 * while it is at `version`; "" when it is not. */
static void goal_before(struct tui *t, struct form_state *f, char *was, size_t wassz, char *what, size_t whatsz)
{
	struct goal *g = NULL;
	struct tdl_err err;
	int n = 0;

	was[0] = what[0] = '\0';
	if (goal_list(t->app->db, &f->child, &g, &n, &err))
		return;
	for (int i = 0; i < n; i++)
		if (g[i].id == f->row_id && g[i].version == f->row_version) {
			snprintf(was, wassz, "%s", g[i].status);
			snprintf(what, whatsz, "%.*s", (int)strcspn(g[i].text, "\n"), g[i].text);
		}
	goal_free(g, n);
}

/* Save a goal's status (field: status). */
static int save_goal_status(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	char was[16], what[120];
	int changed;

	goal_before(t, f, was, sizeof was, what, sizeof what); /* for u: before the save, which checks the version */
	if (goal_set(t->app->db, f->row_id, f->row_version, goal_status_choices()[f->choice[0]], &changed, &err))
		return form_refuse_model(t, 0, &err, "Esc shows the goal as it is now");
	if (changed && was[0])
		undo_note_goal_set(t, f->row_id, f->row_version + 1, was, what);
	form_close(t);
	if (changed)
		tui_message(t, T_OK, "Saved the goal's status (u undoes it).");
	else
		tui_message(t, T_DIM, "Nothing changed: the goal already had that status.");
	return R_RELOAD | R_DRAW;
}

/* Open the form that sets the status of a goal read at `version`, starting
 * on the status it has (so saving it unchanged changes nothing). */
int form_goal_status_open(struct tui *t, long long id, int version, const char *status, const char *text)
{
	struct form_state *f = form_new(t, "Goal status", save_goal_status);

	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "%s", text && *text ? text : "Where does this goal stand?");
	f->row_id = id;
	f->row_version = version;
	form_field(f, "Status", FK_CHOICE, 10, 10, goal_status_choices(), NULL);
	for (int i = 0; status && goal_status_choices()[i]; i++)
		if (!strcmp(goal_status_choices()[i], status))
			f->choice[0] = i;
	return form_show(t);
}

/* Check and save a home program entry (fields: times, per, from, to). */
static int save_program(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	day_t from, to = 0;
	int times, given, has_to, rc;

	if (form_number(f, 0, PROGRAM_TIMES_MIN, PROGRAM_TIMES_MAX, 1, &times))
		return refuse_range(t, 0, "Times", PROGRAM_TIMES_MIN, PROGRAM_TIMES_MAX);
	if (form_date(f, 2, 0, &from, &given))
		return form_refuse(t, 2, "From: write it as YYYY-MM-DD");
	if (form_date(f, 3, 1, &to, &has_to))
		return form_refuse(t, 3, "To: write it as YYYY-MM-DD or leave it empty");
	rc = program_add(t->app->db, &f->child, &(struct program_plan){
			.activity_id = f->item_id, .times = times, .per_week = f->choice[1] == 1,
			.start = from, .has_stop = has_to, .stop = to }, NULL, &err);
	if (rc)
		return form_refuse_model(t, strstr(err.msg, "end") ? 3 : strstr(err.msg, "start") ? 2 : 0, &err, NULL);
	tui_message(t, T_OK, "Added to %s's home program.", f->child.name);
	form_close(t); /* frees f */
	return R_RELOAD | R_DRAW;
}

/* Open the form that adds an activity to the child's home program. */
int form_program_open(struct tui *t, const struct activity *a)
{
	struct form_state *f;
	char d[11];

	if (!tui_child(t))
		return R_NONE;
	f = form_new(t, "Add to the home program", save_program);
	if (!f)
		return R_NONE;
	text_sanitize(a->title, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", a->id);
	date_format(t->app->today, d);
	form_field(f, "Times", FK_TEXT, 2, 2, NULL, "1");
	form_field(f, "Per", FK_CHOICE, 4, 4, program_per_choices(), NULL);
	form_field(f, "From", FK_TEXT, 10, 10, NULL, d);
	form_field(f, "To", FK_TEXT, 10, 10, NULL, "");
	return form_show(t);
}
