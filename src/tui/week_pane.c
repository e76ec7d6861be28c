/* The week pane: the weekly note and the week's activities, drawn from the
 * week view read at reload (this file reads no database). */
#include <stdio.h>
#include <string.h>
#include "toddle/week_view.h"
#include "tui/tui.h"

/* Usable text width of the main pane. */
static int pane_width(struct tui *t)
{
	int h, w;

	getmaxyx(t->main, h, w);
	(void)h;
	return w - 4;
}

/* Height of the main pane's inside. */
static int pane_height(struct tui *t)
{
	int h, w;

	getmaxyx(t->main, h, w);
	(void)w;
	return h - 2;
}

/* The welcome text when there is no child yet. */
static void build_welcome(struct tui *t, int width)
{
	doc_add(&t->doc, T_HEADING, -1, "Welcome to toddle");
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_NORMAL, -1, "",
		 "Toddle shows what fits your baby's age this week: a short note on what is typical "
		 "now and what can wait, and a few playful activities to try together.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_HEADING, -1, "", "Press a (or Enter) to add your child.", width);
}

/* The home program from the child's therapist, with this week's count. */
static void build_program(struct tui *t, int width)
{
	const struct week_view *v = &t->wv;
	char line[WEEK_VIEW_LINE_MAX];

	if (v->nprog == 0)
		return;
	doc_add(&t->doc, T_HEADING, -1, "Home program");
	for (int i = 0; i < v->nprog; i++) {
		week_view_program_line(v, i, line, sizeof line);
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", line, width);
	}
}

/* Today's and tomorrow's appointments and today's tummy time, for the child. */
static void build_upcoming(struct tui *t, int width)
{
	const struct week_view *v = &t->wv;
	char line[WEEK_VIEW_LINE_MAX];

	for (int i = 0; i < v->nappts; i++) {
		week_view_appointment_line(v, i, line, sizeof line);
		doc_wrap(&t->doc, T_HEADING, -1, "@ ", line, width);
	}
	if (week_view_tummy_line(v, line, sizeof line) > 0)
		doc_wrap(&t->doc, T_DIM, -1, "", line, width);
	build_program(t, width);
}

/* The weekly note's three parts, or the sentence for a week without one. */
static void build_note(struct tui *t, int width)
{
	const struct week_view *v = &t->wv;

	if (!v->has_note) {
		char line[200];

		snprintf(line, sizeof line, "(%s)", week_view_no_note());
		doc_wrap(&t->doc, T_DIM, -1, "  ", line, width);
		return;
	}
	doc_add(&t->doc, T_HEADING, -1, "Typical now");
	doc_wrap(&t->doc, T_NORMAL, -1, "  ", v->note.typical, width);
	doc_add(&t->doc, T_HEADING, -1, "Focus on");
	doc_wrap(&t->doc, T_NORMAL, -1, "  ", v->note.focus, width);
	doc_add(&t->doc, T_HEADING, -1, "Can wait");
	doc_wrap(&t->doc, T_NORMAL, -1, "  ", v->note.can_wait, width);
}

/* Build the week document for the shown child from the view read at reload. */
void week_pane_build(struct tui *t)
{
	const struct week_view *v = &t->wv;
	char line[WEEK_VIEW_LINE_MAX];
	int width = pane_width(t);

	doc_reset(&t->doc);
	if (!tui_child(t)) {
		build_welcome(t, width);
		return;
	}
	week_view_title_line(v, line, sizeof line);
	doc_add(&t->doc, T_HEADING, -1, "%s", line);
	if (week_view_corrected_line(v, line, sizeof line) > 0)
		doc_wrap(&t->doc, T_DIM, -1, "", line, width);
	if (v->week != v->own_week)
		doc_add(&t->doc, T_DIM, -1, "(%s is in week %d: press t to go back)", v->child.name, v->own_week);
	build_upcoming(t, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	build_note(t, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Activities to try (%d)", v->nacts);
	for (int i = 0; i < v->nacts; i++) {
		week_view_activity_line(v, i, line, sizeof line);
		doc_wrap(&t->doc, T_NORMAL, i, "  ", line, width);
	}
	if (t->doc.sel >= v->nacts)
		t->doc.sel = v->nacts - 1;
}

/* Open the selected activity's details. */
static int open_detail(struct tui *t)
{
	if (t->doc.sel < 0 || t->doc.sel >= t->wv.nacts)
		return R_NONE;
	if (overlay_open(t, t->rows - 4, t->cols - 8))
		return R_NONE;
	detail_build(t, &t->wv.acts[t->doc.sel]);
	t->modal = M_DETAIL;
	return R_DRAW;
}

/* Show another week. */
static int go_week(struct tui *t, int week)
{
	if (week < 0 || week > WEEK_MAX)
		return R_NONE;
	t->week = week;
	t->week_locked = 1;
	t->doc.sel = -1;
	t->doc.top = 0;
	return R_RELOAD;
}

/* Handle a key in the week pane. */
int week_pane_key(struct tui *t, enum action a)
{
	int h = pane_height(t);

	if ((a == DO_OPEN || a == DO_LOG) && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_HOME:
		t->doc.top = 0;
		t->doc.sel = -1;
		return R_DRAW;
	case DO_END:
		doc_move(&t->doc, t->wv.nacts, h);
		return R_DRAW;
	case DO_LEFT:
	case DO_PREV:
		return go_week(t, t->week - 1);
	case DO_RIGHT:
	case DO_NEXT:
		return go_week(t, t->week + 1);
	case DO_TODAY:
		t->week_locked = 0;
		return R_RELOAD;
	case DO_OPEN:
		return open_detail(t);
	case DO_LOG:
		if (t->doc.sel >= 0 && t->doc.sel < t->wv.nacts)
			return form_activity_open(t, &t->wv.acts[t->doc.sel], t->app->today);
		return R_NONE;
	case DO_PROGRAM:
		if (t->doc.sel < 0)
			doc_move(&t->doc, 0, h);
		if (t->doc.sel >= 0 && t->doc.sel < t->wv.nacts)
			return form_program_open(t, &t->wv.acts[t->doc.sel]);
		return R_NONE;
	default:
		return R_NONE;
	}
}
