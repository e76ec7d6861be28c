/* The therapist's caseload: mine (or every child), searched and sorted. */
#include <stdio.h>
#include <string.h>
#include "toddle/db.h"
#include "tui/pane.h"

static const char *const sort_names[] = { "name", "age", "worth talking", "days since practice", "next visit" };

/* The caseload's own state. */
struct case_state {
	struct caseload_row *cases; /* read at load: at clinic scale it reads every child's records */
	int n, ok;                  /* ok: the last load worked */
	int sort, all;              /* the order, and every child rather than mine */
	char filter[80];            /* the search text */
};

/* True when the name holds the search text (ignoring case). */
static int matches(const char *name, const char *filter)
{
	return !*filter || strcasestr(name, filter) != NULL;
}

/* Free the caseload read. */
static void caseload_free_state(void *state)
{
	struct case_state *s = state;

	caseload_free(s->cases, s->n);
	s->cases = NULL;
	s->n = 0;
}

/* Read the caseload in the order and scope asked for. */
static int caseload_load(struct tui *t, void *state)
{
	struct case_state *s = state;
	struct tdl_err err;

	caseload_free_state(s);
	s->ok = caseload_list(t->app->db, s->all ? NULL : db_user(), t->app->today,
			      t->app->set.correct_until_months, (enum caseload_sort)s->sort, &s->cases, &s->n,
			      &err) == 0;
	if (!s->ok) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->cases = NULL, s->n = 0;
	}
	return 0;
}

/* Draw the caseload read at load, searched. */
static void caseload_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct case_state *s = state;
	int width = wd - 4, shown = 0;

	doc_reset(&t->doc);
	if (!s->ok) {
		pane_doc_draw(t, &t->doc, w, height, wd);
		return;
	}
	doc_add(&t->doc, T_DIM, -1, "%s, by %s%s%s.  A: mine/all  s: sort  /: search",
		s->all ? "Every child" : "Children assigned to you", sort_names[s->sort],
		s->filter[0] ? ", matching " : "", s->filter);
	doc_add(&t->doc, T_HEADING, -1, "%-14.14s %-7.7s %-11.11s %-5.5s %4s %4s %5s", "Name", "Age",
		"Team", "Next", "Talk", "Idle", "Week");
	for (int i = 0; i < s->n; i++) {
		const struct caseload_row *r = &s->cases[i];
		char age[80], next[20] = "-", idle[12] = "-", week[16] = "-", line[400];

		if (!matches(r->child.name, s->filter))
			continue;
		shown++;
		{
			int m = r->age.corrected ? r->age.cmonths : r->age.months;
			int wk = (r->age.corrected ? r->age.cdays : r->age.days) / 7;

			/* short ages: weeks under 3 months, then months; * marks corrected age */
			if (m < 3)
				snprintf(age, sizeof age, "%dw%s", wk < 0 ? 0 : wk, r->age.corrected ? "*" : "");
			else
				snprintf(age, sizeof age, "%dm%s", m, r->age.corrected ? "*" : "");
		}
		if (r->has_next) {
			char d[11];

			date_format(r->next_day, d);
			snprintf(next, sizeof next, "%s", d + 5);
		}
		if (r->idle_days >= 0)
			snprintf(idle, sizeof idle, "%dd", r->idle_days);
		if (r->planned)
			snprintf(week, sizeof week, "%d/%d", r->done, r->planned);
		snprintf(line, sizeof line, "%-14.14s %-7.7s %-11.11s %-5.5s %4d %4s %5s", r->child.name,
			 age, r->team[0] ? r->team : "-", next, r->flags, idle, week);
		doc_add(&t->doc, T_NORMAL, i, "%s", line);
		(void)width;
	}
	if (!shown)
		doc_wrap(&t->doc, T_DIM, -1, "", s->all || s->filter[0] ? "No children match."
			 : "No children are assigned to you yet: A shows every child; 'toddle assign' assigns one.",
			 width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_DIM, -1, "", "Age: w weeks, m months, * corrected. Next: next visit. Talk: items worth talking about. "
		 "Idle: days since the home program was last practised. Week: home program done of planned.", width);
	pane_doc_draw(t, &t->doc, w, height, wd);
}

/* The caseload's search text. */
const char *caseload_pane_filter(struct tui *t)
{
	struct case_state *s = pane_state(t, P_CASELOAD);

	return s->filter;
}

/* Search the caseload for text (names holding it). */
void caseload_pane_set_filter(struct tui *t, const char *text)
{
	struct case_state *s = pane_state(t, P_CASELOAD);

	snprintf(s->filter, sizeof s->filter, "%.79s", text);
}

/* Handle a key in the caseload. */
static int caseload_key(struct tui *t, void *state, enum action a)
{
	struct case_state *s = state;

	if (pane_nav(&t->doc, a, getmaxy(t->main) - 2, NAV_PICK(DO_OPEN), 0))
		return R_DRAW;
	switch (a) {
	case DO_SORT:
		s->sort = (s->sort + 1) % 5;
		return R_RELOAD;
	case DO_MINE:
		s->all = !s->all;
		t->doc.sel = -1;
		return R_RELOAD;
	case DO_SEARCH:
		return form_search_open(t);
	case DO_OPEN:
		if (t->doc.sel >= 0 && t->doc.sel < s->n) {
			long long id = s->cases[t->doc.sel].child.id;

			for (int i = 0; i < t->nchildren; i++)
				if (t->children[i].id == id)
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
