/* The milestone pane: one checklist age at a time ([ and ] move between
 * them) with the selected item's history (each entry can be corrected or
 * removed), the calm "worth talking about" list, the WHO motor windows drawn
 * on an age axis, and progress by domain. Items, history entries, flags and
 * windows can all be selected; Enter logs the item, window or flagged item. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/milestone_view.h"
#include "toddle/text.h"
#include "tui/pane.h"
#include "tui/undo.h"

#define AXIS_MONTHS 24

/* What a selectable line of the document is. */
enum pick_kind { PK_ITEM, PK_HISTORY, PK_FLAG, PK_WINDOW };

struct pick {
	enum pick_kind kind;
	int idx;                      /* into items, history, flags or windows */
};

#define MS_PICKS 512

/* The milestone pane's own state: the core view, read at load, so drawing and moving read nothing. */
struct ms_state {
	int check;                    /* the checklist age asked for; 0: the latest reached */
	struct milestone_view v;
	int open;                     /* the item whose history is shown, or -1 */
	struct pick picks[MS_PICKS];  /* the document's items as the last draw numbered them */
	int npicks;
	long long confirm;            /* an entry waiting for a second x to be removed */
	int detail;                   /* the window whose state is spelled out, or -1 */
	int recheck;                  /* 1: the next load reads only the checklist asked for */
};

/* Number the next selectable line as kind/idx; -1 (not selectable) when full. */
static int pick_add(struct ms_state *s, enum pick_kind kind, int idx)
{
	if (s->npicks >= MS_PICKS)
		return -1;
	s->picks[s->npicks].kind = kind;
	s->picks[s->npicks].idx = idx;
	return s->npicks++;
}

/* What the selection points at, or NULL. */
static const struct pick *pick_sel(const struct tui *t, const struct ms_state *s)
{
	return t->doc.sel >= 0 && t->doc.sel < s->npicks ? &s->picks[t->doc.sel] : NULL;
}

/* The mark for a status, in UTF-8 or plain ASCII. */
static const char *status_mark(struct tui *t, enum ms_status st)
{
	static const char *const utf8[] = { "·", "✓", "◐", "○" };
	static const char *const ascii[] = { "[ ]", "[x]", "[~]", "[-]" };

	return t->ascii ? ascii[st] : utf8[st];
}

/* The checklist items, with the open one's history under it. */
static void build_checklist(struct tui *t, struct ms_state *s, const struct milestone_view *v, int width)
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
		snprintf(line, sizeof line, "%s%s%s%s%s%s", e->text, e->has_date ? "  " : "", d,
			 e->via[0] ? " (as " : "", e->via, e->via[0] ? ")" : "");
		snprintf(prefix, sizeof prefix, "  %s ", status_mark(t, e->status));
		doc_wrap(&t->doc, e->status == MS_ACHIEVED ? T_OK : T_NORMAL, pick_add(s, PK_ITEM, i), prefix, line,
			 width);
		if (i != s->open)
			continue;
		for (int k = 0; k < v->nhistory; k++) {
			const struct milestone_entry *h = &v->history[k];
			char hl[2400];

			if (strcmp(h->id, e->id))
				continue;
			milestone_view_history_line(h, hl + snprintf(hl, 32, "#%lld ", h->entry), sizeof hl - 32);
			doc_wrap(&t->doc, T_DIM, pick_add(s, PK_HISTORY, k), "        ", hl,
				 width);
			if (s->confirm == h->entry)
				doc_add(&t->doc, T_ERROR, -1, "        (press x again to remove this entry)");
		}
	}
	if (v->nitems == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no milestones loaded.");
}

/* The "worth talking about" list, calmly; each flag can be selected and logged. */
static void build_flags(struct tui *t, struct ms_state *s, const struct milestone_view *v, int width)
{
	const struct flag *f = v->flags;
	int n = v->nflags;

	if (n) {
		char line[CHILD_NAME_MAX + 600];

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
			doc_wrap(&t->doc, f[j].kind == FLAG_LOST ? T_ERROR : T_DIM, pick_add(s, PK_FLAG, j), "    - ",
				 line, width);
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

/* The six WHO windows as bars, with the child's age and any dates reached;
 * each can be selected and logged. The labels take the width of the longest
 * and the bars the rest (on a narrow pane each label has its own line). */
static void build_windows(struct tui *t, struct ms_state *s, const struct milestone_view *v, int width)
{
	const struct who_window *w = v->windows;
	int n = v->nwindows, lw = 4, x0, cols, own_line;
	double age = v->age_months;
	char axis[300], line[CHILD_NAME_MAX + 200], bar[400];

	if (n == 0)
		return;
	for (int i = 0; i < n; i++)
		if (text_width(w[i].text) > lw)
			lw = text_width(w[i].text);
	own_line = width - lw - 1 - 14 < 24;
	x0 = own_line ? 2 : lw + 1;
	cols = width - x0 - 14;
	if (cols > 96)
		cols = 96;
	if (cols < 12)
		cols = 12;
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_HEADING, -1, "", "WHO motor windows (1st to 99th percentile, months)", width);
	memset(axis, ' ', sizeof axis);
	for (int m = 0; m <= AXIS_MONTHS; m += 6) {
		int x = m * cols / AXIS_MONTHS;
		char num[8];

		snprintf(num, sizeof num, "%d", m);
		if (x + (int)strlen(num) > cols)
			x = cols - (int)strlen(num);
		memcpy(axis + x0 + x, num, strlen(num));
	}
	axis[x0 + cols] = '\0';
	doc_add(&t->doc, T_DIM, -1, "%s", axis);
	for (int i = 0; i < n; i++) {
		int item = pick_add(s, PK_WINDOW, i), retired = w[i].status != MS_ACHIEVED && w[i].retired_by[0];
		int role = w[i].status == MS_ACHIEVED ? T_OK : T_NORMAL;
		char d[11];

		window_bar(t, &w[i], age, cols, bar, sizeof bar);
		if (w[i].status == MS_ACHIEVED && w[i].has_date)
			date_format(w[i].day, d);
		if (own_line)
			doc_wrap(&t->doc, role, item, "", w[i].text, width);
		snprintf(line, sizeof line, "%s%*s %s %s%s", own_line ? "" : w[i].text,
			 own_line ? 1 : lw - text_width(w[i].text), "", bar,
			 w[i].status == MS_ACHIEVED ? (t->ascii ? "ok " : "✓ ") : retired ? "passed" : "",
			 w[i].status == MS_ACHIEVED && w[i].has_date ? d : "");
		doc_add(&t->doc, role, item, "%s", line);
		if (i == s->detail) {
			char st[600], full[1200];

			milestone_view_window_state(v, &w[i], st, sizeof st);
			snprintf(full, sizeof full, "%s: %s", w[i].text, st);
			doc_wrap(&t->doc, T_DIM, item, "  ", full, width);
		}
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

/* The document's number for kind/idx after a rebuild, or -1. */
static int pick_find(const struct ms_state *s, enum pick_kind kind, int idx)
{
	for (int i = 0; i < s->npicks; i++)
		if (s->picks[i].kind == kind && s->picks[i].idx == idx)
			return i;
	return -1;
}

/* Build the document; the selection (read before) decides whose history is
 * open, and opening it renumbers what follows. */
static void ms_build(struct tui *t, struct ms_state *s, int tw)
{
	const struct milestone_view *v = &s->v;

	doc_reset(&t->doc);
	s->npicks = 0;
	doc_add(&t->doc, T_DIM, -1, "%s achieved  %s emerging  %s not yet  %s not recorded",
		status_mark(t, MS_ACHIEVED), status_mark(t, MS_EMERGING), status_mark(t, MS_NOT_YET),
		status_mark(t, MS_NONE));
	catchup_invite(t, &t->doc, tw);
	build_checklist(t, s, v, tw);
	build_flags(t, s, v, tw);
	build_windows(t, s, v, tw);
	build_progress(t, v);
}

/* Draw the milestone document for the shown child from what load read. */
static void ms_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct ms_state *s = state;
	const struct pick *p = pick_sel(t, s);
	struct pick want = p ? *p : (struct pick){ PK_ITEM, -1 };
	int tw = width - 4;

	if (s->open >= s->v.nitems)
		s->open = -1;
	if (p && p->kind == PK_ITEM && s->open != p->idx) {
		s->open = p->idx;
		s->confirm = 0;
	}
	s->detail = want.kind == PK_WINDOW ? want.idx : -1;
	ms_build(t, s, tw);
	if (want.idx >= 0) {
		t->doc.sel = pick_find(s, want.kind, want.idx);
		if (t->doc.sel < 0 && s->npicks)
			t->doc.sel = 0;
	} else if (t->doc.sel >= s->npicks) {
		t->doc.sel = s->npicks - 1;
	}
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
	int recheck = s->recheck;

	s->recheck = 0;
	/* a step between checklist ages reads only the new checklist's items */
	if (recheck && c && s->check > 0 && s->v.child.id == c->id && s->v.today == t->app->today) {
		if (milestone_view_recheck(t->app->db, &s->v, s->check, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		return 0;
	}
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
	s->open = -1;
	s->npicks = 0;
	s->confirm = 0;
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
	s->open = -1;
	s->npicks = 0;
	s->recheck = 1;
	return R_SELF;
}

/* An entry for the log form, naming a window's or a flag's item (strings borrowed). */
static struct milestone_entry entry_for(const char *id, const char *text, enum ms_status st)
{
	struct milestone_entry e;

	memset(&e, 0, sizeof e);
	e.id = (char *)id;
	e.text = (char *)text;
	e.status = st;
	return e;
}

/* Remove a history entry after a second x. */
static int remove_entry(struct tui *t, struct ms_state *s, const struct milestone_entry *h)
{
	struct tdl_err err;
	long long made;

	if (s->confirm != h->entry) {
		s->confirm = h->entry;
		tui_message(t, T_NORMAL, "Press x again to remove this entry; it stays in the history as removed.");
		return R_DRAW;
	}
	s->confirm = 0;
	if (milestone_correct(t->app->db, tui_child(t), &(struct milestone_fix){ h->entry, 1, MS_NONE }, &made, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
	} else {
		undo_note_milestone_removed(t, made, h->text);
		tui_message(t, T_OK, "Removed; the history keeps it as removed (u undoes it).");
	}
	return R_RELOAD;
}

/* Log, correct or remove what the selection points at. */
static int act_on_pick(struct tui *t, struct ms_state *s, enum action a)
{
	const struct pick *p = pick_sel(t, s);
	const struct milestone_view *v = &s->v;
	struct milestone_entry e;

	if (!p)
		return R_NONE;
	if (p->kind == PK_HISTORY) {
		if (a == DO_DELETE)
			return remove_entry(t, s, &v->history[p->idx]);
		if (a == DO_OPEN || a == DO_CORRECT)
			return form_milestone_fix_open(t, &v->history[p->idx]);
		return s->open >= 0 ? form_milestone_open(t, &v->items[s->open]) : R_NONE;
	}
	if (a == DO_DELETE || a == DO_CORRECT) {
		tui_message(t, T_DIM, "Open an item's history (select the item, then move down) to correct or remove an entry.");
		return R_DRAW;
	}
	if (p->kind == PK_ITEM)
		return form_milestone_open(t, &v->items[p->idx]);
	if (p->kind == PK_FLAG)
		e = entry_for(v->flags[p->idx].id, v->flags[p->idx].text, v->flags[p->idx].status);
	else
		e = entry_for(v->windows[p->idx].id, v->windows[p->idx].text, v->windows[p->idx].status);
	return form_milestone_open(t, &e);
}

/* Handle a key in the milestone pane. */
static int ms_key(struct tui *t, void *state, enum action a)
{
	struct ms_state *s = state;
	int h = getmaxy(t->main) - 2;

	if (a != DO_DELETE)
		s->confirm = 0;
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
		s->open = -1;
		s->npicks = 0;
		return R_RELOAD;
	case DO_OPEN:
	case DO_LOG:
	case DO_CORRECT:
	case DO_DELETE:
		return act_on_pick(t, s, a);
	default:
		return R_NONE;
	}
}

/* The status line's hints: an entry of the history is corrected or removed, the rest logged. */
static enum hint_place ms_hint_place(const struct tui *t, const void *state)
{
	const struct pick *p = pick_sel(t, state);

	return p && p->kind == PK_HISTORY ? HP_MS_ENTRY : HP_MILESTONES;
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
	.hint_place = ms_hint_place,
	.free = ms_free,
};
