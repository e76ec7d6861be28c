/* The milestone pane: one checklist age at a time ([ and ] move between
 * them), the calm "worth talking about" list, the WHO motor windows drawn on
 * an age axis, and progress by domain. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/guide.h"
#include "toddle/progress.h"
#include "tui/tui.h"

#define AXIS_MONTHS 24

/* The mark for a status, in UTF-8 or plain ASCII. */
static const char *status_mark(struct tui *t, enum ms_status st)
{
	static const char *const utf8[] = { "·", "✓", "◐", "○" };
	static const char *const ascii[] = { "[ ]", "[x]", "[~]", "[-]" };

	return t->ascii ? ascii[st] : utf8[st];
}

/* The checklist items, with the selected one's history under it. */
static void build_checklist(struct tui *t, const struct child *c, int width)
{
	const char *last_domain = "";

	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "By %d months%s   ([ earlier  ] later)", t->ms_check,
		t->ms_check > t->ms_age ? " (coming next)" : "");
	for (int i = 0; i < t->nms; i++) {
		const struct milestone_entry *e = &t->ms[i];
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
			struct milestone_entry *h;
			struct tdl_err err;
			int nh;

			if (progress_history(t->app->db, c, e->id, &h, &nh, &err) == 0) {
				for (int k = 0; k < nh; k++) {
					char hd[11] = "-", hl[2300];

					if (h[k].has_date)
						date_format(h[k].observed, hd);
					snprintf(hl, sizeof hl, "%s %s, by %s%s%s", hd, milestone_status_name(h[k].status),
						 h[k].who, h[k].note[0] ? ": " : "", h[k].note);
					doc_wrap(&t->doc, T_DIM, i, "        ", hl, width);
				}
				milestone_entries_free(h, nh);
			}
		}
	}
	if (t->nms == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no milestones loaded.");
}

/* The "worth talking about" list, calmly. */
static void build_flags(struct tui *t, const struct child *c, int width)
{
	struct flag *f;
	struct tdl_err err;
	int n;

	if (flags_compute(t->app->db, c, t->app->today, t->app->set.correct_until_months, &f, &n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return;
	}
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
	flags_free(f, n);
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
static void build_windows(struct tui *t, const struct child *c, int width)
{
	struct who_window *w;
	struct child_age a;
	struct tdl_err err;
	int n, cols = width - 22 - 14;
	double age;
	char axis[200], line[600], bar[400];

	if (progress_windows(t->app->db, c, &w, &n, &err) || n == 0)
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
	progress_windows_free(w, n);
}

/* Achieved of all items up to the child's checklist age, by domain. */
static void build_progress(struct tui *t, const struct child *c)
{
	struct progress *p;
	struct tdl_err err;
	int n;

	if (progress_by_domain(t->app->db, c, t->ms_age, &p, &n, &err) || n == 0)
		return;
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Progress up to %d months", t->ms_age);
	for (int i = 0; i < n; i++)
		doc_add(&t->doc, T_NORMAL, -1, "  %-18s %d of %d achieved", p[i].domain, p[i].achieved, p[i].total);
	progress_free(p, n);
}

/* Build the milestone document for the shown child. */
void milestone_pane_build(struct tui *t)
{
	struct child *c = tui_child(t);
	int width = getmaxx(t->main) - 4;

	doc_reset(&t->doc);
	if (!c)
		return;
	if (t->doc.sel >= t->nms)
		t->doc.sel = t->nms - 1;
	doc_add(&t->doc, T_DIM, -1, "%s achieved  %s emerging  %s not yet  %s not recorded",
		status_mark(t, MS_ACHIEVED), status_mark(t, MS_EMERGING), status_mark(t, MS_NOT_YET),
		status_mark(t, MS_NONE));
	build_checklist(t, c, width);
	build_flags(t, c, width);
	build_windows(t, c, width);
	build_progress(t, c);
}

/* Move to the previous or next checklist age. */
static int step_age(struct tui *t, int dir)
{
	int *ages, n, target = -1;
	struct tdl_err err;

	if (milestone_ages(t->app->db, &ages, &n, &err))
		return R_NONE;
	for (int i = 0; i < n; i++)
		if (ages[i] == t->ms_check && i + dir >= 0 && i + dir < n)
			target = ages[i + dir];
	free(ages);
	if (target < 0)
		return R_NONE;
	t->ms_check = target;
	t->doc.sel = -1;
	t->doc.top = 0;
	return R_RELOAD;
}

/* Handle a key in the milestone pane. */
int milestone_pane_key(struct tui *t, enum action a)
{
	int h = getmaxy(t->main) - 2;

	if ((a == DO_OPEN || a == DO_LOG) && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_HOME:
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_DRAW;
	case DO_END:
		doc_scroll(&t->doc, t->doc.n, h);
		return R_DRAW;
	case DO_PREV:
	case DO_LEFT:
		return step_age(t, -1);
	case DO_NEXT:
	case DO_RIGHT:
		return step_age(t, 1);
	case DO_TODAY:
		t->ms_check = 0;
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_RELOAD;
	case DO_OPEN:
	case DO_LOG:
		if (t->doc.sel >= 0 && t->doc.sel < t->nms)
			return form_milestone_open(t, &t->ms[t->doc.sel]);
		return R_NONE;
	default:
		return R_NONE;
	}
}
