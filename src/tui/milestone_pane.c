/* The milestone pane: one checklist age at a time ([ and ] move between
 * them), the calm "worth talking about" list, the WHO motor windows drawn on
 * an age axis, and progress by domain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/guide.h"
#include "toddle/progress.h"
#include "toddle/week_view.h"
#include "tui/pane.h"

#define AXIS_MONTHS 24

/* One checklist item's history, read at load. */
struct ms_history {
	struct milestone_entry *h;
	int n;
};

/* The milestone pane's own state: all read at load, so drawing and moving read nothing. */
struct ms_state {
	int check;                    /* the checklist age shown; 0: pick the latest reached */
	int age;                      /* the child's checklist age (from the week view) */
	int *ages, nages;             /* the library's checklist ages */
	struct milestone_entry *ms;   /* the items of the checklist shown */
	struct ms_history *hist;      /* and each item's history */
	int nms;
	struct flag *flags;           /* worth talking about */
	int nflags;
	struct who_window *win;       /* the WHO motor windows */
	int nwin;
	struct progress *prog;        /* achieved by domain */
	int nprog;
};

/* The mark for a status, in UTF-8 or plain ASCII. */
static const char *status_mark(struct tui *t, enum ms_status st)
{
	static const char *const utf8[] = { "·", "✓", "◐", "○" };
	static const char *const ascii[] = { "[ ]", "[x]", "[~]", "[-]" };

	return t->ascii ? ascii[st] : utf8[st];
}

/* The checklist items, with the selected one's history under it. */
static void build_checklist(struct tui *t, const struct ms_state *s, int width)
{
	const char *last_domain = "";

	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "By %d months%s   ([ earlier  ] later)", s->check,
		s->check > s->age ? " (coming next)" : "");
	for (int i = 0; i < s->nms; i++) {
		const struct milestone_entry *e = &s->ms[i];
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
		if (i == t->doc.sel) {
			const struct milestone_entry *h = s->hist[i].h;

			for (int k = 0; k < s->hist[i].n; k++) {
				char hd[11] = "-", hl[2300];

				if (h[k].has_date)
					date_format(h[k].observed, hd);
				snprintf(hl, sizeof hl, "%s %s, by %s%s%s", hd, milestone_status_name(h[k].status),
					 h[k].who, h[k].note[0] ? ": " : "", h[k].note);
				doc_wrap(&t->doc, T_DIM, i, "        ", hl, width);
			}
		}
	}
	if (s->nms == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no milestones loaded.");
}

/* The "worth talking about" list, calmly. */
static void build_flags(struct tui *t, const struct ms_state *s, const struct child *c, int width)
{
	const struct flag *f = s->flags;
	int n = s->nflags;

	if (n) {
		char line[600];

		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_add(&t->doc, T_HEADING, -1, "Worth talking about (%d)", n);
		snprintf(line, sizeof line, "Talk these over with %s's doctor. They are things to ask about, "
			 "not a diagnosis.", c->name);
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
		snprintf(line, sizeof line, "%s (%s usually helps)", f[i].area, guide_discipline_name(f[i].helps));
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", line, width);
		for (int j = i; j < n; j++) {
			if (strcmp(f[j].area, f[i].area))
				continue;
			if (f[j].kind == FLAG_LOST)
				snprintf(line, sizeof line, "Seen before, not now: %s", f[j].text);
			else if (f[j].kind == FLAG_WINDOW)
				snprintf(line, sizeof line, "%s (most children by %.1f months)", f[j].text, f[j].p99);
			else
				snprintf(line, sizeof line, "%s (%d-month list, %s)", f[j].text, f[j].age_months,
					 f[j].status == MS_NOT_YET ? "not yet" : "not recorded");
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
static void build_windows(struct tui *t, const struct ms_state *s, const struct child *c, int width)
{
	const struct who_window *w = s->win;
	struct child_age a;
	int n = s->nwin, cols = width - 22 - 14;
	double age;
	char axis[200], line[600], bar[400];

	if (n == 0)
		return;
	if (cols < 12)
		cols = 12;
	child_age(c, t->app->today, t->app->set.correct_until_months, &a);
	age = progress_age_months(a.use_days < 0 ? 0 : a.use_days);
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
	snprintf(line, sizeof line, "| marks %s now: %.1f months%s. Wide windows are normal.", c->name, age,
		 a.corrected ? " (corrected)" : "");
	doc_wrap(&t->doc, T_DIM, -1, "", line, width);
}

/* Achieved of all items up to the child's checklist age, by domain. */
static void build_progress(struct tui *t, const struct ms_state *s)
{
	const struct progress *p = s->prog;

	if (s->nprog == 0)
		return;
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Progress up to %d months", s->age);
	for (int i = 0; i < s->nprog; i++)
		doc_add(&t->doc, T_NORMAL, -1, "  %-18s %d of %d achieved", p[i].domain, p[i].achieved, p[i].total);
}

/* Draw the milestone document for the shown child from what load read. */
static void ms_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct ms_state *s = state;
	struct child *c = tui_child(t);
	int tw = width - 4;

	doc_reset(&t->doc);
	if (t->doc.sel >= s->nms)
		t->doc.sel = s->nms - 1;
	doc_add(&t->doc, T_DIM, -1, "%s achieved  %s emerging  %s not yet  %s not recorded",
		status_mark(t, MS_ACHIEVED), status_mark(t, MS_EMERGING), status_mark(t, MS_NOT_YET),
		status_mark(t, MS_NONE));
	build_checklist(t, s, tw);
	build_flags(t, s, c, tw);
	build_windows(t, s, c, tw);
	build_progress(t, s);
	pane_doc_draw(t, &t->doc, w, height, width);
}

/* Free what load read. */
static void ms_free(void *state)
{
	struct ms_state *s = state;

	for (int i = 0; s->hist && i < s->nms; i++)
		milestone_entries_free(s->hist[i].h, s->hist[i].n);
	free(s->hist);
	s->hist = NULL;
	milestone_entries_free(s->ms, s->nms);
	s->ms = NULL;
	s->nms = 0;
	free(s->ages);
	s->ages = NULL;
	s->nages = 0;
	flags_free(s->flags, s->nflags);
	s->flags = NULL;
	s->nflags = 0;
	progress_windows_free(s->win, s->nwin);
	s->win = NULL;
	s->nwin = 0;
	progress_free(s->prog, s->nprog);
	s->prog = NULL;
	s->nprog = 0;
}

/* The checklist age to show first: the latest one reached, or the first. */
static int checklist_for(const struct ms_state *s)
{
	int pick;

	if (s->nages == 0)
		return 2;
	pick = s->ages[0];
	for (int i = 0; i < s->nages; i++)
		if (s->ages[i] <= s->age)
			pick = s->ages[i];
	return pick;
}

/* Read each checklist item's history, so that moving the cursor reads nothing. */
static void load_histories(struct tui *t, struct ms_state *s, const struct child *c)
{
	struct tdl_err err;

	s->hist = calloc((size_t)s->nms + 1, sizeof *s->hist);
	for (int i = 0; s->hist && i < s->nms; i++)
		if (progress_history(t->app->db, c, s->ms[i].id, &s->hist[i].h, &s->hist[i].n, &err))
			s->hist[i].n = 0, s->hist[i].h = NULL;
}

/* Read the checklist shown, its histories, the flags, the WHO windows and progress. */
static int ms_load(struct tui *t, void *state)
{
	struct ms_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;

	ms_free(s);
	if (!c)
		return 0;
	s->age = week_pane_view(t)->age.use_months;
	if (milestone_ages(t->app->db, &s->ages, &s->nages, &err))
		s->ages = NULL, s->nages = 0;
	if (!s->check)
		s->check = checklist_for(s);
	if (milestone_range(t->app->db, c, s->check, s->check, &s->ms, &s->nms, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	load_histories(t, s, c);
	if (flags_compute(t->app->db, c, t->app->today, t->app->set.correct_until_months, &s->flags,
			  &s->nflags, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->flags = NULL, s->nflags = 0;
	}
	if (progress_windows(t->app->db, c, &s->win, &s->nwin, &err))
		s->win = NULL, s->nwin = 0;
	if (progress_by_domain(t->app->db, c, s->age, &s->prog, &s->nprog, &err))
		s->prog = NULL, s->nprog = 0;
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
	int target = -1;

	for (int i = 0; i < s->nages; i++)
		if (s->ages[i] == s->check && i + dir >= 0 && i + dir < s->nages)
			target = s->ages[i + dir];
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
		if (t->doc.sel >= 0 && t->doc.sel < s->nms)
			return form_milestone_open(t, &s->ms[t->doc.sel]);
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
