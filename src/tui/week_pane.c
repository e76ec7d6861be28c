/* The week pane: the plan for the week, the weekly note and all the week's
 * activities. Its load reads the week view (built once in core); drawing
 * reads only that view. Items 0..npicks-1 are the plan, then the whole list. */
#include <stdio.h>
#include <string.h>
#include "toddle/week_view.h"
#include "tui/pane.h"

/* The week pane's own state. */
struct week_state {
	struct week_view wv; /* read at load; drawing reads only this */
	int week;            /* the week shown */
	int locked;          /* 1 once the person moved away from the child's own week */
	struct week_search found; /* while searching: every activity, and those matching */
	struct week_side side;    /* the open activity beside the list on a wide terminal */
	long long told_id;        /* the child last told that --today is past the years followed */
};

/* The welcome text when there is no child yet. */
static void build_welcome(struct tui *t, int width)
{
	doc_reset(&t->doc);
	doc_add(&t->doc, T_HEADING, -1, "Welcome to toddle");
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_NORMAL, -1, "",
		 "Toddle shows what fits your baby's age this week: a short note on what is typical "
		 "now and what can wait, and a few playful activities to try together.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_HEADING, -1, "", "Press a (or Enter) to add your child.", width);
}

/* The home program from the child's therapist, with this week's count. */
static void build_program(struct tui *t, const struct week_view *v, int width)
{
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
static void build_upcoming(struct tui *t, const struct week_view *v, int width)
{
	char line[WEEK_VIEW_LINE_MAX];

	for (int i = 0; i < v->nappts; i++) {
		week_view_appointment_line(v, i, line, sizeof line);
		doc_wrap(&t->doc, T_HEADING, -1, "@ ", line, width);
	}
	if (week_view_tummy_line(v, line, sizeof line) > 0)
		doc_wrap(&t->doc, T_DIM, -1, "", line, width);
	build_program(t, v, width);
}

/* The weekly note's three parts, or the sentence for a week without one. */
static void build_note(struct tui *t, const struct week_view *v, int width)
{

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

/* The plan for the week: a few activities picked for the child, items first. */
static void build_picks(struct tui *t, const struct week_view *v, int width)
{
	char line[WEEK_VIEW_LINE_MAX];

	if (v->npicks == 0)
		return;
	week_view_picks_heading(v, line, sizeof line);
	doc_wrap(&t->doc, T_HEADING, -1, "", line, width);
	for (int k = 0; k < v->npicks; k++) {
		week_view_activity_line(v, v->picks[k], line, sizeof line);
		doc_wrap(&t->doc, T_NORMAL, k, "  ", line, width);
	}
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
}

/* The welcome, drawn in place of a pane that needs a child when there is none. */
void week_pane_welcome(struct tui *t, WINDOW *w, int height, int width)
{
	build_welcome(t, width - 4);
	pane_doc_draw(t, &t->doc, w, height, width);
}

/* While searching: every activity of every age that matches, one item each. */
static void build_hits(struct tui *t, const struct week_search *s, int width)
{
	const char *q = t->search[0].query;

	doc_reset(&t->doc);
	if (!q[0])
		doc_wrap(&t->doc, T_DIM, -1, "", "Type to search every activity, of every age: a word of its "
			 "title, its area or what it needs.", width);
	else
		doc_add(&t->doc, T_HEADING, -1, "Activities of every age matching \"%s\" (%d)", q, s->nhits);
	for (int k = 0; k < s->nhits; k++) {
		const struct activity *a = &s->all[s->hits[k]];
		char line[WEEK_VIEW_LINE_MAX];

		snprintf(line, sizeof line, "%s  (%s, weeks %d-%d, %d min)", a->title, a->domain, a->week_from,
			 a->week_to, a->minutes);
		doc_wrap(&t->doc, T_NORMAL, k, "  ", line, width);
	}
	if (q[0] && !s->nhits)
		doc_add(&t->doc, T_DIM, -1, "  No activity matches: Backspace changes the search, Esc goes back.");
}

/* Draw the week for the shown child from the view read at load. */
static void week_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct week_state *s = state;
	const struct week_view *v = &s->wv;
	char line[WEEK_VIEW_LINE_MAX];
	int side = week_side_width(t, width), tw;

	if (side) {
		week_side_draw(t, &s->side, w, height, width - side - 1, side + 1);
		width -= side;
	}
	tw = width - 4;
	if (t->search[0].all_ages) {
		build_hits(t, &s->found, tw);
		pane_doc_draw(t, &t->doc, w, height, width);
		return;
	}
	doc_reset(&t->doc);
	week_view_title_line(v, line, sizeof line);
	doc_add(&t->doc, T_HEADING, -1, "%s", line);
	if (week_view_corrected_line(v, line, sizeof line) > 0)
		doc_wrap(&t->doc, T_DIM, -1, "", line, tw);
	if (v->week != v->own_week)
		doc_add(&t->doc, T_DIM, -1, "(%s is in week %d: press t to go back)", v->child.name, v->own_week);
	catchup_invite(t, &t->doc, tw);
	build_upcoming(t, v, tw);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	build_picks(t, v, tw);
	build_note(t, v, tw);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	week_view_all_heading(v, line, sizeof line);
	doc_add(&t->doc, T_HEADING, -1, "%s", line);
	for (int i = 0; i < v->nacts; i++) {
		week_view_activity_line(v, i, line, sizeof line);
		doc_wrap(&t->doc, T_NORMAL, v->npicks + i, "  ", line, tw);
	}
	if (v->has_note && v->note.source && *v->note.source) {
		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_wrap(&t->doc, T_DIM, -1, "This week's note: ", v->note.source, tw);
	}
	if (t->doc.sel >= v->npicks + v->nacts)
		t->doc.sel = v->npicks + v->nacts - 1;
	pane_doc_draw(t, &t->doc, w, height, width);
}

/* Read the shown child's week: their own, or the one the person moved to. */
static int week_load(struct tui *t, void *state)
{
	struct week_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;
	day_t on = t->app->today;

	week_view_free(&s->wv);
	if (!c)
		return 0;
	/* a --today past the years toddle follows the child showed "973 years": say so,
	 * and show the child as on the last day followed */
	if (t->app->today_given && on > child_day_max(c) && child_check_day(c, on, "--today", &err)) {
		if (s->told_id != c->id) /* once a child: a save's own message must not be hidden */
			tui_message(t, T_ERROR, "%s", err.msg);
		s->told_id = c->id;
		on = child_day_max(c);
	}
	if (week_view_load(t->app->db, c, on, s->locked ? s->week : -1,
			   t->app->set.correct_until_months, &s->wv, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	s->week = s->wv.week;
	catchup_invite_load(t);
	week_side_load(t, &s->side);
	return 0;
}

/* Back to the child's own week. */
static void week_reset(struct tui *t, void *state)
{
	struct week_state *s = state;

	(void)t;
	s->locked = 0;
}

/* Free the week view. */
static void week_free(void *state)
{
	struct week_state *s = state;

	week_view_free(&s->wv);
	week_search_free(&s->found);
	week_side_free(&s->side);
}

/* After a resize: read the week again when its side column now shows unread. */
void week_pane_resized(struct tui *t)
{
	struct week_state *s = pane_state(t, P_WEEK);

	if (week_side_missing(t, &s->side))
		t->pane[P_WEEK].stale = 1;
}

/* The column of the main pane where the side column starts, or -1 when there is none. */
int week_pane_side_x(struct tui *t)
{
	int width = t->main ? getmaxx(t->main) : 0, side = week_side_width(t, width);

	return t->view == V_WEEK && tui_child(t) && side ? width - side - 1 : -1;
}

/* The week pane's search of every activity (week_search.c reads and matches it). */
struct week_search *week_pane_found(struct tui *t)
{
	struct week_state *s = pane_state(t, P_WEEK);

	return &s->found;
}

/* The week view read at the last load. */
const struct week_view *week_pane_view(struct tui *t)
{
	struct week_state *s = pane_state(t, P_WEEK);

	return &s->wv;
}

/* Activity i of the week shown (in the whole list's order), or NULL. */
const struct activity *week_pane_activity(struct tui *t, int i)
{
	const struct week_view *v = week_pane_view(t);

	return i >= 0 && i < v->nacts ? &v->acts[i] : NULL;
}

/* The activity (its index in the whole list) that item `item` of the week
 * pane shows: a pick, or a row of the whole list; -1 for none. */
int week_pane_item_activity(struct tui *t, int item)
{
	const struct week_view *v = week_pane_view(t);

	if (item >= 0 && item < v->npicks)
		return v->picks[item];
	item -= v->npicks;
	return item >= 0 && item < v->nacts ? item : -1;
}

/* Go back to the child's own week at the next load. */
void week_pane_today(struct tui *t)
{
	week_reset(t, pane_state(t, P_WEEK));
}

/* Open the selected activity's details. */
static int open_detail(struct tui *t)
{
	int week;

	if (!week_pane_selected(t, &week))
		return R_NONE;
	return tui_overlay_show(t, M_DETAIL);
}

/* Show another week. */
static int go_week(struct tui *t, struct week_state *s, int week)
{
	if (week < 0 || week > WEEK_MAX)
		return R_NONE;
	s->week = week;
	s->locked = 1;
	t->doc.sel = -1;
	t->doc.top = 0;
	return R_RELOAD;
}

/* Handle a key in the week pane. */
static int week_key(struct tui *t, void *state, enum action a)
{
	struct week_state *s = state;
	const struct activity *act;
	int h = getmaxy(t->main) - 2, week;

	if (pane_nav(&t->doc, a, h, NAV_PICK(DO_OPEN) | NAV_PICK(DO_LOG) | NAV_PICK(DO_PROGRAM),
		     NAV_HOME | NAV_END_ITEM))
		return R_DRAW;
	act = week_pane_selected(t, &week);
	if (t->search[0].all_ages && a != DO_OPEN && a != DO_LOG && a != DO_PROGRAM)
		return R_NONE; /* the week's own keys wait until the search ends (Esc) */
	switch (a) {
	case DO_LEFT:
	case DO_PREV:
		return go_week(t, s, s->week - 1);
	case DO_RIGHT:
	case DO_NEXT:
		return go_week(t, s, s->week + 1);
	case DO_TODAY:
		s->locked = 0;
		return R_RELOAD;
	case DO_OPEN:
		return open_detail(t);
	case DO_LOG:
		return act ? form_activity_open(t, act, t->app->today) : R_NONE;
	case DO_PROGRAM:
		return act ? form_program_open(t, act) : R_NONE;
	default:
		return R_NONE;
	}
}

const struct pane_ops week_pane = {
	.title = "This week",
	.hints = HP_WEEK,
	.state_size = sizeof(struct week_state),
	.needs_child = 1,
	.reset = week_reset,
	.load = week_load,
	.draw = week_draw,
	.key = week_key,
	.free = week_free,
};
