/* The activity detail overlay: steps, why it helps, and what it builds toward,
 * for the activity selected in the week pane (or found by its search). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/week_view.h"
#include "tui/pane.h"

/* The detail overlay's own state. */
struct detail_state {
	int act;                          /* the activity shown: its index in the week's whole list, or -1 */
	int hit;                          /* or the week pane's search match shown, or -1 */
	struct milestone_name *builds;    /* the texts of what it builds toward, read at load */
	int nbuilds;
};

/* The activity the overlay shows, or NULL. */
static const struct activity *shown(struct tui *t, const struct detail_state *s)
{
	return s->hit >= 0 ? week_pane_hit(t, s->hit) : week_pane_activity(t, s->act);
}

/* Free the milestone texts read. */
static void detail_free(void *state)
{
	struct detail_state *s = state;

	milestone_names_free(s->builds, s->nbuilds);
	s->builds = NULL;
	s->nbuilds = 0;
}

/* Read the texts of the milestones the selected activity builds toward (one
 * statement); -1 when none is selected. */
static int detail_load(struct tui *t, void *state)
{
	struct detail_state *s = state;
	int i;
	const struct activity *a = week_pane_selected(t, &i);
	struct tdl_err err;

	detail_free(s);
	if (!a)
		return -1;
	s->act = i;
	s->hit = t->search[0].all_ages ? t->doc.sel : -1;
	if (a->builds && *a->builds && milestone_names(t->app->db, a->builds, &s->builds, &s->nbuilds, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	return 0;
}

/* The milestones activity a builds toward, one line each, from the texts read. */
static void detail_doc_builds(struct doc *d, const struct activity *a, const struct milestone_name *names,
			      int nnames, int width)
{
	int heading = 0;

	for (const char *p = a->builds; p && *p;) {
		size_t len = strcspn(p, " ,");
		const char *text = len ? milestone_name_find(names, nnames, p, len) : NULL;

		if (text && !heading++)
			doc_add(d, T_HEADING, -1, "Builds toward");
		if (text)
			doc_wrap(d, T_NORMAL, -1, "  - ", text, width);
		p += len;
		p += strspn(p, " ,");
	}
}

/* The activity's document (the overlay and the week's side column show it):
 * what it is, what it needs, its steps, why it helps, easier and harder ways,
 * safety and what it builds toward (from names), wrapped to width. week: its
 * index in the week's whole list (for "Done today"), or -1. */
void detail_doc_build(struct tui *t, struct doc *d, const struct activity *a, int week,
		      const struct milestone_name *names, int nnames, int width)
{
	int k = 1;
	char ms[300];

	doc_wrap(d, T_HEADING, -1, "", a->title, width);
	snprintf(ms, sizeof ms, "%s · %s · weeks %d-%d · about %d minutes", a->domain,
		 a->discipline, a->week_from, a->week_to, a->minutes);
	doc_wrap(d, T_DIM, -1, "", ms, width);
	if (week >= 0 && week_view_done_words(week_pane_view(t), week, ms, sizeof ms) > 0) {
		ms[0] = 'D';    /* "Done today", "Done Mon" */
		doc_add(d, T_OK, -1, "%s", ms);
	}
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_add(d, T_HEADING, -1, "You need");
	doc_wrap(d, T_NORMAL, -1, "  ", a->materials, width);
	doc_add(d, T_HEADING, -1, "Steps");
	for (const char *s = a->steps; s && *s; k++) {
		const char *nl = strchr(s, '\n');
		char step[2100], prefix[16];

		snprintf(step, sizeof step, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		snprintf(prefix, sizeof prefix, "  %d. ", k);
		doc_wrap(d, T_NORMAL, -1, prefix, step, width);
		s = nl ? nl + 1 : s + strlen(s);
	}
	doc_add(d, T_HEADING, -1, "Why it helps");
	doc_wrap(d, T_NORMAL, -1, "  ", a->why, width);
	if (a->easier && *a->easier) {
		doc_add(d, T_HEADING, -1, "Easier");
		doc_wrap(d, T_NORMAL, -1, "  ", a->easier, width);
	}
	if (a->harder && *a->harder) {
		doc_add(d, T_HEADING, -1, "Harder");
		doc_wrap(d, T_NORMAL, -1, "  ", a->harder, width);
	}
	if (a->safety && *a->safety) {
		doc_add(d, T_ERROR, -1, "Safety");
		doc_wrap(d, T_NORMAL, -1, "  ", a->safety, width);
	}
	detail_doc_builds(d, a, names, nnames, width);
	if (a->before && *a->before) {
		doc_add(d, T_HEADING, -1, "Comes after");
		doc_wrap(d, T_NORMAL, -1, "  ", a->before, width);
	}
	if (a->next && *a->next) {
		doc_add(d, T_HEADING, -1, "Leads on to");
		doc_wrap(d, T_NORMAL, -1, "  ", a->next, width);
	}
	if (a->source && *a->source)
		doc_wrap(d, T_DIM, -1, "Source: ", a->source, width);
}

/* Draw the detail document for the activity. */
static void detail_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct detail_state *st = state;
	const struct activity *a = shown(t, st);

	doc_reset(&t->over_doc);
	if (!a)
		return;
	detail_doc_build(t, &t->over_doc, a, st->act, st->builds, st->nbuilds, wd - 4);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_DIM, -1, "d: done today   o: log with how it went   Esc: close");
	pane_doc_draw(t, &t->over_doc, w, height, wd);
}

/* Keys while an activity is open: done today, log it, or scroll and close. */
static int detail_key(struct tui *t, void *state, enum action a)
{
	struct detail_state *s = state;
	const struct activity *act = shown(t, s);
	struct tdl_err err;

	switch (a) {
	case DO_DONE:
		if (!act || !tui_child(t))
			return R_NONE;
		if (activity_log(t->app->db, tui_child(t), &(struct activity_done){
				.id = act->id, .day = t->app->today, .result = ACT_DONE,
				.minutes = act->minutes, .note = NULL }, t->app->today, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		else
			tui_message(t, T_OK, "Logged as done today: %s (%d min).", act->title, act->minutes);
		return R_RELOAD;
	case DO_LOG:
		if (!act)
			return R_NONE;
		tui_overlay_hide(t);
		return form_activity_open(t, act, t->app->today);
	default:
		return overlay_doc_key(t, a);
	}
}

const struct pane_ops detail_overlay = {
	.title = "Activity",
	.hints = HP_DETAIL,
	.state_size = sizeof(struct detail_state),
	.load = detail_load,
	.draw = detail_draw,
	.key = detail_key,
	.free = detail_free,
};
