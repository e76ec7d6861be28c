/* The day window of the calendar: its entries, to correct or remove, and
 * activities to log on that day; tummy time against the WHO guidance. Load
 * reads the day; drawing reads only what load kept. */
#include <stdio.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/program.h"
#include "toddle/tummy.h"
#include "toddle/week_view.h"
#include "tui/pane.h"
#include "tui/undo.h"

/* The tummy-time line for a day (worded in core), or "" when it does not apply. */
void tummy_line(struct tui *t, day_t day, char *out, size_t outsz)
{
	struct child *c = tui_child(t);
	struct tummy tm;
	struct tdl_err err;

	out[0] = '\0';
	if (c && tummy_get(t->app->db, c, day, t->app->set.correct_until_months, &tm, &err) == TDL_OK)
		tummy_format(&tm, out, outsz);
}

/* The day overlay's own state. */
struct day_state {
	day_t day;               /* the calendar's cursor when it was read */
	struct cal_entry *e;     /* the day's entries (items 0..n-1) */
	int n;
	struct program *prog;    /* the home program entries that run on the day */
	int nprog;
	char tummy[200];
	long long confirm_id;    /* an entry waiting for a second x to be removed */
};

/* Free what load read. */
static void day_free(void *state)
{
	struct day_state *s = state;

	calendar_entries_free(s->e, s->n);
	s->e = NULL;
	s->n = 0;
	program_free(s->prog, s->nprog);
	s->prog = NULL;
	s->nprog = 0;
}

/* Read the calendar's day: tummy time, the home program and the entries. */
static int day_load(struct tui *t, void *state)
{
	struct day_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;

	day_free(s);
	s->day = calendar_pane_day(t);
	s->tummy[0] = '\0';
	if (!c)
		return 0;
	tummy_line(t, s->day, s->tummy, sizeof s->tummy);
	if (program_list(t->app->db, c, program_monday(s->day), 0, &s->prog, &s->nprog, &err))
		s->prog = NULL, s->nprog = 0;
	if (calendar_day(t->app->db, c->id, s->day, &s->e, &s->n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->e = NULL, s->n = 0;
	}
	return 0;
}

/* A freshly opened day asks nothing yet. */
static void day_reset(struct tui *t, void *state)
{
	struct day_state *s = state;

	(void)t;
	s->confirm_id = 0;
}

/* The home program entries that run on the open day. */
static void day_program(struct tui *t, const struct day_state *s, int width)
{
	const struct program *p = s->prog;
	char line[300];

	for (int i = 0; i < s->nprog; i++) {
		if (p[i].start > s->day || (p[i].has_stop && p[i].stop < s->day))
			continue;
		snprintf(line, sizeof line, "Home program: %s, %d a %s (this week %d of %d)", p[i].title, p[i].times,
			 p[i].per_week ? "week" : "day", p[i].done, p[i].planned);
		doc_wrap(&t->over_doc, T_HEADING, -1, "", line, width);
	}
}

/* Draw the day window: entries (items 0..n-1), then activities to log. */
static void day_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct day_state *s = state;
	const struct week_view *v = week_pane_view(t);
	int tw = width - 4;
	char d[11], line[300];

	doc_reset(&t->over_doc);
	if (tui_child_shown(t)) {
		date_format(s->day, d);
		doc_add(&t->over_doc, T_HEADING, -1, "%s%s", d, s->day == t->app->today ? " (today)" : "");
		if (s->tummy[0])
			doc_wrap(&t->over_doc, T_DIM, -1, "", s->tummy, tw);
		day_program(t, s, tw);
		doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
		for (int i = 0; i < s->n; i++) {
			const char *mark = s->e[i].kind == CAL_MILESTONE ? "* " : s->e[i].kind == CAL_ACTIVITY ? "+ " : "@ ";

			snprintf(line, sizeof line, "%s%s", s->e[i].text,
				 s->confirm_id == s->e[i].id ? "   (press x again to remove)" : "");
			doc_wrap(&t->over_doc, T_NORMAL, i, mark, line, tw);
		}
		if (s->n == 0)
			doc_add(&t->over_doc, T_DIM, -1, "Nothing logged on this day yet.");
		doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
		if (s->day > t->app->today) {
			char nk[16];

			keys_name(DO_NEW, KM_OVERLAY, nk, sizeof nk);
			snprintf(line, sizeof line, "This day is still to come: activities can be logged on it from "
				 "that day. %s adds an appointment.", nk);
			doc_wrap(&t->over_doc, T_DIM, -1, "", line, tw);
			pane_doc_draw(t, &t->over_doc, w, height, width);
			return;
		}
		doc_add(&t->over_doc, T_HEADING, -1, "Log an activity on this day");
		for (int i = 0; i < v->nacts; i++) {
			week_view_activity_line(v, i, line, sizeof line);
			doc_wrap(&t->over_doc, T_NORMAL, s->n + i, "  ", line, tw);
		}
	}
	pane_doc_draw(t, &t->over_doc, w, height, width);
}

/* Remove the selected entry after a second press. */
static int day_delete(struct tui *t, struct day_state *s, const struct cal_entry *e)
{
	struct tdl_err err;
	int rc;

	if (e->kind == CAL_MILESTONE) {
		tui_message(t, T_DIM, "Milestone records are kept as history: log a new status from the milestones view.");
		return R_DRAW;
	}
	if (s->confirm_id != e->id) {
		s->confirm_id = e->id;
		tui_message(t, T_NORMAL, "Press x again to remove this entry.");
		return R_DRAW;
	}
	s->confirm_id = 0;
	rc = e->kind == CAL_APPOINTMENT ? appointment_delete(t->app->db, e->id, e->version, &err)
					: activity_entry_delete(t->app->db, e->id, e->version, &err);
	if (rc) {
		tui_message(t, T_ERROR, "%s", err.msg);
	} else {
		char d[11], what[200];

		date_format(s->day, d);
		snprintf(what, sizeof what, "%.160s on %s", e->text, d);
		if (e->kind == CAL_APPOINTMENT)
			undo_note_appointment_removed(t, e->id, e->version + 1, what);
		else
			undo_note_activity_removed(t, e->id, e->version + 1, what);
		tui_message(t, T_OK, "Removed. u undoes it.");
	}
	return R_RELOAD;
}

/* Keys while a day is open. */
static int day_key(struct tui *t, void *state, enum action a)
{
	struct day_state *s = state;
	int h = getmaxy(t->over) - 2, sel;
	const struct activity *act;

	if (a != DO_DELETE)
		s->confirm_id = 0;
	if (pane_nav(&t->over_doc, a, h, NAV_PICK(DO_OPEN) | NAV_PICK(DO_DELETE), 0))
		return R_DRAW;
	sel = t->over_doc.sel;
	switch (a) {
	case DO_NEW:
		return form_appointment_open(t, 0, s->day);
	case DO_DELETE:
		if (sel >= 0 && sel < s->n)
			return day_delete(t, s, &s->e[sel]);
		return R_NONE;
	case DO_OPEN:
		if (sel >= 0 && sel < s->n) {
			if (s->e[sel].kind == CAL_APPOINTMENT)
				return form_appointment_open(t, s->e[sel].id, s->day);
			if (s->e[sel].kind == CAL_ACTIVITY)
				return form_entry_open(t, s->e[sel].id);
			tui_message(t, T_DIM, "Milestone records are kept as history: log a new status from the milestones view.");
			return R_DRAW;
		}
		act = s->day > t->app->today ? NULL : week_pane_activity(t, sel - s->n);
		return sel >= s->n && act ? form_activity_open(t, act, s->day) : R_NONE;
	case DO_BACK:
	case DO_QUIT:
		tui_overlay_hide(t);
		return R_DRAW;
	default:
		return R_NONE;
	}
}

const struct pane_ops day_overlay = {
	.title = "Day",
	.hints = HP_DAY,
	.state_size = sizeof(struct day_state),
	.reset = day_reset,
	.load = day_load,
	.draw = day_draw,
	.key = day_key,
	.free = day_free,
};
