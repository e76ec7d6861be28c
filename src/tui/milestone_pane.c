/* The milestone pane: one checklist age at a time ([ and ] move between
 * them), the calm "worth talking about" list, the WHO motor windows drawn on
 * an age axis, and progress by domain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/milestone_view.h"
#include "tui/pane.h"

#define AXIS_MONTHS 24

/* The milestone pane's own state: the core view, read at load, so drawing and moving read nothing. */
struct ms_state {
	int check;                    /* the checklist age asked for; 0: the latest reached */
	struct milestone_view v;
};

/* The mark for a status, in UTF-8 or plain ASCII. */
static const char *status_mark(struct tui *t, enum ms_status st)
{
	static const char *const utf8[] = { "·", "✓", "◐", "○" };
	static const char *const ascii[] = { "[ ]", "[x]", "[~]", "[-]" };

	return t->ascii ? ascii[st] : utf8[st];
}

/* The checklist items, with the selected one's history under it. */
static void build_checklist(struct tui *t, const struct milestone_view *v, int width)
{
	const char *last_domain = "";

	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "By %d months%s   ([ earlier  ] later)", v->check_age,
		v->check_age > v->own_age ? " (coming next)" : "");
	for (int i = 0; i < v->nitems; i++) {
		const struct milestone_entry *e = &v->items[i];
		char line[400], d[11] = "", prefix[16];

		if (strcmp(e->domain, last_domain)) {
			doc_add(&t->doc, T_DIM, -1, " %s", e->domain);
			last_domain = e->domain;
		}
		if (e->has_date)
			date_format(e->observed, d);
		snprintf(line, sizeof line, "%s%s%s", e->text, e->has_date ? "  " : "", d);
		snprintf(prefix, sizeof prefix, "  %s ", status_mark(t, e->status));
		doc_wrap(&t->doc, e->status == MS_ACHIEVED ? T_OK : T_NORMAL, i, prefix, line, width);
		if (i != t->doc.sel)
			continue;
		for (int k = 0; k < v->nhistory; k++) {
			char hl[2300];

			if (strcmp(v->history[k].id, e->id))
				continue;
			milestone_view_history_line(&v->history[k], hl, sizeof hl);
			doc_wrap(&t->doc, T_DIM, i, "        ", hl, width);
		}
	}
	if (v->nitems == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no milestones loaded.");
}

/* The "worth talking about" list, calmly. */
static void build_flags(struct tui *t, const struct milestone_view *v, int width)
{
	const struct flag *f = v->flags;
	int n = v->nflags;

	if (n) {
		char line[600];

		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_add(&t->doc, T_HEADING, -1, "Worth talking about (%d)", n);
		snprintf(line, sizeof line, "Talk these over with %s's doctor. They are things to ask about, "
			 "not a diagnosis.", v->child.name);
		doc_wrap(&t->doc, T_DIM, -1, "  ", line, width);
	}
	/* grouped by area, in the order the areas first appear (lost skills first) */
	for (int i = 0; i < n; i++) {
		char line[600];
		int seen = 0;

		for (int j = 0; j < i; j++)
			seen |= !strcmp(f[j].area, f[i].area);
		if (seen)
			continue;
		milestone_view_area_line(&f[i], line, sizeof line);
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", line, width);
		for (int j = i; j < n; j++) {
			if (strcmp(f[j].area, f[i].area))
				continue;
			milestone_view_flag_line(&f[j], line, sizeof line);
			doc_wrap(&t->doc, f[j].kind == FLAG_LOST ? T_ERROR : T_DIM, -1, "    - ", line, width);
		}
	}
}

/* One WHO window as a bar on the 0-24 month axis, with the child's age marked. */
static void window_bar(struct tui *t, const struct who_window *w, double age, int cols, char *out,
		       size_t outsz)
{
	const char *bg = t->ascii ? "." : "·", *on = t->ascii ? "=" : "█", *mark = "|";
	int at = (int)(age / AXIS_MONTHS * cols + 0.5);
	size_t o = 0;

	if (at >= cols)
		at = cols - 1;
	for (int x = 0; x < cols && o + 4 < outsz; x++) {
		double m = (x + 0.5) * AXIS_MONTHS / cols;
		const char *s = x == at ? mark : (m >= w->p1 && m <= w->p99) ? on : bg;

		o += (size_t)snprintf(out + o, outsz - o, "%s", s);
	}
}

/* The six WHO windows as bars, with the child's age and any dates reached. */
static void build_windows(struct tui *t, const struct milestone_view *v, int width)
{
	const struct who_window *w = v->windows;
	int n = v->nwindows, cols = width - 22 - 14;
	double age = v->age_months;
	char axis[200], line[600], bar[400];

	if (n == 0)
		return;
	if (cols < 12)
		cols = 12;
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "WHO motor windows (1st to 99th percentile, months)");
	memset(axis, ' ', sizeof axis);
	for (int m = 0; m <= AXIS_MONTHS; m += 6) {
		int x = m * cols / AXIS_MONTHS;
		char num[8];

		snprintf(num, sizeof num, "%d", m);
		if (x + (int)strlen(num) > cols)
			x = cols - (int)strlen(num);
		memcpy(axis + 22 + x, num, strlen(num));
	}
	axis[22 + cols] = '\0';
	doc_add(&t->doc, T_DIM, -1, "%s", axis);
	for (int i = 0; i < n; i++) {
		char d[11];

		window_bar(t, &w[i], age, cols, bar, sizeof bar);
		if (w[i].status == MS_ACHIEVED && w[i].has_date)
			date_format(w[i].day, d);
		snprintf(line, sizeof line, "%-21.21s %s %s%s", w[i].text, bar,
			 w[i].status == MS_ACHIEVED ? (t->ascii ? "ok " : "✓ ") : "",
			 w[i].status == MS_ACHIEVED && w[i].has_date ? d : "");
		doc_add(&t->doc, w[i].status == MS_ACHIEVED ? T_OK : T_NORMAL, -1, "%s", line);
	}
	milestone_view_now_line(v, line, sizeof line);
	doc_wrap(&t->doc, T_DIM, -1, "", line, width);
}

/* Achieved of all items up to the child's checklist age, by domain. */
static void build_progress(struct tui *t, const struct milestone_view *v)
{
	if (v->nprogress == 0)
		return;
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Progress up to %d months", v->own_age);
	for (int i = 0; i < v->nprogress; i++) {
		char line[300];

		milestone_view_progress_line(&v->progress[i], line, sizeof line);
		doc_add(&t->doc, T_NORMAL, -1, "  %s", line);
	}
}

/* Draw the milestone document for the shown child from what load read. */
static void ms_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	const struct milestone_view *v = &((struct ms_state *)state)->v;
	int tw = width - 4;

	doc_reset(&t->doc);
	if (t->doc.sel >= v->nitems)
		t->doc.sel = v->nitems - 1;
	doc_add(&t->doc, T_DIM, -1, "%s achieved  %s emerging  %s not yet  %s not recorded",
		status_mark(t, MS_ACHIEVED), status_mark(t, MS_EMERGING), status_mark(t, MS_NOT_YET),
		status_mark(t, MS_NONE));
	catchup_invite(t, &t->doc, tw);
	build_checklist(t, v, tw);
	build_flags(t, v, tw);
	build_windows(t, v, tw);
	build_progress(t, v);
	pane_doc_draw(t, &t->doc, w, height, width);
}

/* Free what load read. */
static void ms_free(void *state)
{
	milestone_view_free(&((struct ms_state *)state)->v);
}

/* Read the milestone view of the shown child: one core call. */
static int ms_load(struct tui *t, void *state)
{
	struct ms_state *s = state;
	struct child *c = tui_child(t);
	const struct milestone_view_ask ask = { s->check, 0, t->app->set.correct_until_months };
	struct tdl_err err;

	ms_free(s);
	if (c && milestone_view_load(t->app->db, c, t->app->today, &ask, &s->v, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	return 0;
}

/* Back to the checklist for the child's age. */
static void ms_reset(struct tui *t, void *state)
{
	struct ms_state *s = state;

	(void)t;
	s->check = 0;
}

/* Move to the previous or next checklist age. */
static int step_age(struct tui *t, struct ms_state *s, int dir)
{
	int target = milestone_view_step(&s->v, dir);

	if (target < 0)
		return R_NONE;
	s->check = target;
	t->doc.sel = -1;
	t->doc.top = 0;
	return R_RELOAD;
}

/* Handle a key in the milestone pane. */
static int ms_key(struct tui *t, void *state, enum action a)
{
	struct ms_state *s = state;
	int h = getmaxy(t->main) - 2;

	if (pane_nav(&t->doc, a, h, NAV_PICK(DO_OPEN) | NAV_PICK(DO_LOG), NAV_HOME | NAV_END_LINE))
		return R_DRAW;
	switch (a) {
	case DO_PREV:
	case DO_LEFT:
		return step_age(t, s, -1);
	case DO_NEXT:
	case DO_RIGHT:
		return step_age(t, s, 1);
	case DO_TODAY:
		s->check = 0;
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_RELOAD;
	case DO_OPEN:
	case DO_LOG:
		if (t->doc.sel >= 0 && t->doc.sel < s->v.nitems)
			return form_milestone_open(t, &s->v.items[t->doc.sel]);
		return R_NONE;
	default:
		return R_NONE;
	}
}

const struct pane_ops milestone_pane = {
	.title = "Milestones",
	.hints = HP_MILESTONES,
	.state_size = sizeof(struct ms_state),
	.needs_child = 1,
	.reset = ms_reset,
	.load = ms_load,
	.draw = ms_draw,
	.key = ms_key,
	.free = ms_free,
};
