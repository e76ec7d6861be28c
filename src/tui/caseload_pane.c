/* The therapist's caseload: mine (or every child), sorted; / searches it as every list. */
#include <stdio.h>
#include <string.h>
#include "toddle/text.h"
#include "toddle/db.h"
#include "tui/pane.h"

static const char *const sort_names[] = { "name", "age", "worth talking", "days since practice", "next visit" };

/* The caseload's own state. */
struct case_state {
	struct caseload_row *cases; /* the spine read at load; the other columns a page at a time */
	int n, ok;                  /* ok: the last load worked */
	int sort, all;              /* the order, and every child rather than mine */
	int full;                   /* every row's columns were read (a sort or search needed them) */
	int nw, tw;                 /* the Name column's width; the Team column's: the widest read so far */
	int built_width;            /* the width t->doc was built for while it is ours (doc.built_by); 0: build again */
};

/* Free the caseload read. */
static void caseload_free_state(void *state)
{
	struct case_state *s = state;

	caseload_free(s->cases, s->n);
	s->cases = NULL;
	s->n = 0;
}

/* Widen the Team column to the teams of rows from..to-1 that were read. */
static void team_width(struct case_state *s, int from, int to)
{
	for (int i = from < 0 ? 0 : from; i < to && i < s->n; i++)
		if (s->cases[i].filled && text_width(s->cases[i].team) > s->tw)
			s->tw = text_width(s->cases[i].team);
}

/* Read the columns of the rows that the next draw can show (those around
 * the view and the selection) that are not read yet: a statement a page.
 * 1 when rows were read (their lines change). */
static int caseload_fill_view(struct tui *t, struct case_state *s)
{
	const struct doc *d = &t->doc;
	int h = t->main ? getmaxy(t->main) - 2 : 24, top = d->top, lo = -1, hi = -1, ahead = CASELOAD_PAGE;
	struct tdl_err err;
	int unread = 0;

	if (!s->ok || s->full || !s->n)
		return 0;
	if (h < 1)
		h = 1;
	if (top > d->n - h)
		top = d->n - h; /* End leaves top past the end until the draw */
	for (int i = top - h < 0 ? 0 : top - h; i < top + 2 * h && i < d->n; i++) {
		int it = d->line[i].item;

		if (it < 0 || it >= s->n)
			continue;
		lo = lo < 0 || it < lo ? it : lo;
		hi = it > hi ? it : hi;
	}
	if (lo < 0 && s->n > CASELOAD_PAGE) /* no document yet: the first screen alone, shown sooner */
		lo = 0, hi = h, ahead = 0;
	else if (lo < 0) /* a caseload of one page: all of it, and a sort needs no more */
		lo = 0, hi = h;
	if (hi < (top > 0 ? top : 0) + h) /* the document may be the last view's: a screenful at least */
		hi = (top > 0 ? top : 0) + h;
	if (d->sel >= 0 && d->sel < s->n) {
		lo = d->sel - h < lo ? d->sel - h : lo;
		hi = d->sel + h > hi ? d->sel + h : hi;
	}
	for (int i = lo < 0 ? 0 : lo; i <= hi && i < s->n && !unread; i++)
		unread = !s->cases[i].filled;
	if (!unread)
		return 0;
	if (caseload_fill(t->app->db, s->cases, s->n, lo, hi + 1, ahead, t->app->today, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	team_width(s, lo, hi + 1 + ahead);
	return 1;
}

/* Read every row's columns once (a sort by idle days or next visit, a
 * search); 1 when rows were read (their lines change). */
static int caseload_fill_every(struct tui *t, struct case_state *s)
{
	struct tdl_err err;
	int every = 1;

	if (!s->ok || s->full)
		return 0;
	for (int i = 0; i < s->n && every; i++)
		every = s->cases[i].filled;
	if (every) { /* a caseload of a page or two: read already */
		s->full = 1;
		return 0;
	}
	if (caseload_fill_all(t->app->db, s->all ? NULL : db_user(), s->cases, s->n, t->app->today, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return 1;
	}
	s->full = 1;
	team_width(s, 0, s->n);
	return 1;
}

/* Read the caseload's spine in the scope asked for (every child's name, age
 * and flags: one statement), then the other columns of the rows in view. */
static int caseload_load(struct tui *t, void *state)
{
	struct case_state *s = state;
	struct tdl_err err;

	caseload_free_state(s);
	s->full = 0;
	s->nw = s->tw = 4;
	s->built_width = 0;
	s->ok = caseload_spine(t->app->db, s->all ? NULL : db_user(), t->app->today,
			       t->app->set.correct_until_months, &s->cases, &s->n, &err) == 0;
	if (!s->ok) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->cases = NULL, s->n = 0;
		return 0;
	}
	for (int i = 0; i < s->n; i++)
		if (text_width(s->cases[i].child.name) > s->nw)
			s->nw = text_width(s->cases[i].child.name);
	if (s->sort >= SORT_IDLE)
		(void)caseload_fill_every(t, s);
	if (s->sort != SORT_NAME) /* the spine comes by name */
		caseload_sort(s->cases, s->n, (enum caseload_sort)s->sort);
	(void)caseload_fill_view(t, s);
	return 0;
}

/* The caseload's rows read, for the search (search.c) of text in every row. */
void caseload_pane_search_open(struct tui *t)
{
	struct case_state *s;

	if (t->view != V_CASELOAD)
		return;
	s = pane_state(t, P_CASELOAD);
	if (caseload_fill_every(t, s))
		s->built_width = 0; /* every row's lines change */
}

/* After a resize: read the rows the taller view now shows. */
void caseload_pane_resized(struct tui *t)
{
	struct case_state *s;

	if (t->view != V_CASELOAD)
		return;
	s = pane_state(t, P_CASELOAD);
	if (caseload_fill_view(t, s))
		s->built_width = 0;
}

/* Append s to out padded with blanks to cols columns (display width). */
static void cell(char *out, size_t outsz, const char *s, int cols)
{
	size_t o = strlen(out);
	int pad = cols - text_width(s);

	snprintf(out + o, outsz - o, "%s%*s ", s, pad > 0 ? pad : 0, "");
}

/* The short texts of one row: age, next visit, days idle, week's practice. */
static void row_texts(const struct caseload_row *r, char *age, char *next, char *idle, char *week)
{
	int m = r->age.corrected ? r->age.cmonths : r->age.months;
	int wk = (r->age.corrected ? r->age.cdays : r->age.days) / 7;

	/* short ages: weeks under 3 months, then months; * marks corrected age */
	if (m < 3)
		snprintf(age, 16, "%dw%s", wk < 0 ? 0 : wk, r->age.corrected ? "*" : "");
	else
		snprintf(age, 16, "%dm%s", m, r->age.corrected ? "*" : "");
	if (!r->filled) { /* not read yet: the next key reads it */
		snprintf(next, 16, "..");
		snprintf(idle, 16, "..");
		snprintf(week, 16, "..");
		return;
	}
	snprintf(next, 16, "-");
	if (r->has_next) {
		char d[11];

		date_format(r->next_day, d);
		snprintf(next, 16, "%s", d + 5);
	}
	snprintf(idle, 16, "-");
	if (r->idle_days >= 0)
		snprintf(idle, 16, "%dd", r->idle_days);
	snprintf(week, 16, "-");
	if (r->planned)
		snprintf(week, 16, "%d/%d", r->done, r->planned);
}

/* The caseload as a table whose Name and Team columns are as wide as their
 * longest text; when that is wider than the pane, each child takes two
 * wrapped lines instead, so no name or team is cut. */
static int caseload_rows(struct tui *t, struct case_state *s, int width)
{
	int nw = s->nw, tw = s->tw, shown = 0, table;

	table = nw + tw + 5 + 5 + 4 + 4 + 5 + 6 <= width;
	if (table)
		doc_add(&t->doc, T_HEADING, -1, "%-*s %-5s %-*s %-5s %4s %4s %5s", nw, "Name", "Age", tw, "Team",
			"Next", "Talk", "Idle", "Week");
	for (int i = 0; i < s->n; i++) {
		const struct caseload_row *r = &s->cases[i];
		char age[16], next[16], idle[16], week[16], line[1200] = "";
		const char *team = !r->filled ? ".." : r->team[0] ? r->team : "-";

		shown++;
		row_texts(r, age, next, idle, week);
		if (table) {
			cell(line, sizeof line, r->child.name, nw);
			cell(line, sizeof line, age, 5);
			cell(line, sizeof line, team, tw);
			snprintf(line + strlen(line), sizeof line - strlen(line), "%-5s %4d %4s %5s", next, r->flags,
				 idle, week);
			doc_add(&t->doc, T_NORMAL, i, "%s", line);
			continue;
		}
		snprintf(line, sizeof line, "%s, %s, next %s", r->child.name, age, next);
		doc_wrap(&t->doc, T_NORMAL, i, "", line, width);
		snprintf(line, sizeof line, "team %s; talk %d; idle %s; week %s", team,
			 r->flags, idle, week);
		doc_wrap(&t->doc, T_NORMAL, i, "  ", line, width);
	}
	return shown;
}

/* Draw the caseload read at load. */
static void caseload_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct case_state *s = state;
	int width = wd - 4, shown;

	/* a move or a search draws the lines built: ten thousand rows are not made again for a key */
	if (t->doc.built_by == s && s->built_width == width) {
		pane_doc_draw(t, &t->doc, w, height, wd);
		return;
	}
	doc_reset(&t->doc);
	if (!s->ok) {
		pane_doc_draw(t, &t->doc, w, height, wd);
		return;
	}
	{
		char head[300];

		snprintf(head, sizeof head, "%s, by %s.  A: mine/all  s: sort  /: search",
			 s->all ? "Every child" : "Children assigned to you", sort_names[s->sort]);
		doc_wrap(&t->doc, T_DIM, -1, "", head, width);
	}
	shown = caseload_rows(t, s, width);
	if (!shown)
		doc_wrap(&t->doc, T_DIM, -1, "", s->all ? "No children yet."
			 : "No children are assigned to you yet: A shows every child; 'toddle assign' assigns one.",
			 width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_DIM, -1, "", "Age: w weeks, m months, * corrected. Next: next visit. Talk: items worth talking about. "
		 "Idle: days since the home program was last practised. Week: home program done of planned.", width);
	t->doc.built_by = s;
	s->built_width = width;
	pane_doc_draw(t, &t->doc, w, height, wd);
}

/* Handle a key in the caseload. */
static int caseload_key(struct tui *t, void *state, enum action a)
{
	struct case_state *s = state;

	if (pane_nav(&t->doc, a, getmaxy(t->main) - 2, NAV_PICK(DO_OPEN), 0)) {
		if (caseload_fill_view(t, s)) /* the rows come into view read: their lines change */
			s->built_width = 0;
		return R_DRAW;
	}
	switch (a) {
	case DO_SORT:
		/* name, age and flags are in the spine; idle days and next visit are
		 * read for every row once, at the first sort that needs them */
		s->sort = (s->sort + 1) % 5;
		if (s->sort >= SORT_IDLE)
			(void)caseload_fill_every(t, s);
		caseload_sort(s->cases, s->n, (enum caseload_sort)s->sort);
		(void)caseload_fill_view(t, s);
		s->built_width = 0;
		return R_DRAW;
	case DO_MINE:
		/* only the caseload changes: nothing else is read again */
		s->all = !s->all;
		t->doc.sel = -1;
		return R_SELF;
	case DO_OPEN:
		if (t->doc.sel >= 0 && t->doc.sel < s->n) {
			long long id = s->cases[t->doc.sel].child.id;

			for (int i = 0; i < t->nchildren; i++)
				if (t->children[i] == id)
					tui_select_child(t, i);
			tui_view_show(t, V_RECORD);
			return R_MENU | R_RELOAD;
		}
		return R_NONE;
	default:
		return R_NONE;
	}
}

const struct pane_ops caseload_pane = {
	.title = "Caseload",
	.hints = HP_CASELOAD,
	.state_size = sizeof(struct case_state),
	.load = caseload_load,
	.draw = caseload_draw,
	.key = caseload_key,
	.free = caseload_free_state,
};
