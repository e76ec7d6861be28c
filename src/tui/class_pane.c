/* The classes pane: lessons by age (class_detail.c opens one). */
#include <stdio.h>
#include <string.h>
#include "tui/pane.h"

/* The classes pane's own state: the library's classes, read at load. */
struct class_state {
	struct class_info *classes;
	int n;
};

/* The week of life that fits the shown child now (uncapped), or -1. */
static int child_weeks(struct tui *t)
{
	struct child *c = tui_child_shown(t);
	struct child_age a;

	if (!c)
		return -1;
	child_age(c, t->app->today, t->app->set.correct_until_months, &a);
	return a.use_days < 0 ? 0 : a.use_days / 7;
}

/* Draw the list of classes, those for the child's age first. */
static void class_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct class_state *s = state;
	int width = wd - 4, now = child_weeks(t), pass;
	const char *mark = t->ascii ? "[x] " : "✓ ";

	doc_reset(&t->doc);
	doc_wrap(&t->doc, T_DIM, -1, "",
		 "Short lessons to read and try at home. Enter opens one; d marks it watched (or not).", width);
	for (pass = 0; pass < 2; pass++) {
		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_add(&t->doc, T_HEADING, -1, "%s", pass == 0 ? (now >= 0 ? "For this age" : "All classes")
							  : "For other ages");
		for (int i = 0; i < s->n; i++) {
			const struct class_info *k = &s->classes[i];
			int fits = now < 0 || (now >= k->week_from && now <= k->week_to);
			char line[300];

			if (fits != (pass == 0))
				continue;
			snprintf(line, sizeof line, "%s (%d min, weeks %d-%d)", k->title, k->minutes,
				 k->week_from, k->week_to);
			doc_wrap(&t->doc, T_NORMAL, i, k->watched ? mark : (t->ascii ? "    " : "  "), line,
				 width);
		}
		if (now < 0)
			break;
	}
	if (s->n == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no classes loaded.");
	if (t->doc.sel >= s->n)
		t->doc.sel = s->n - 1;
	pane_doc_draw(t, &t->doc, w, height, wd);
}

/* Free the classes read. */
static void class_free(void *state)
{
	struct class_state *s = state;

	class_free_all(s->classes, s->n);
	s->classes = NULL;
	s->n = 0;
}

/* Read the classes, with whether the shown child has watched each. */
static int class_load(struct tui *t, void *state)
{
	struct class_state *s = state;
	struct tdl_err err;

	class_free(s);
	if (class_list(t->app->db, tui_child(t), &s->classes, &s->n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->classes = NULL, s->n = 0;
	}
	return 0;
}

/* Class i of the list, or NULL. */
const struct class_info *class_pane_class(struct tui *t, int i)
{
	struct class_state *s = pane_state(t, P_CLASSES);

	return i >= 0 && i < s->n ? &s->classes[i] : NULL;
}

/* Handle a key in the classes pane. */
static int class_key(struct tui *t, void *state, enum action a)
{
	(void)state;
	if (pane_nav(&t->doc, a, getmaxy(t->main) - 2, NAV_PICK(DO_OPEN) | NAV_PICK(DO_DONE), NAV_HOME))
		return R_DRAW;
	if (a == DO_OPEN && class_pane_class(t, t->doc.sel))
		return tui_overlay_show(t, M_CLASS);
	if (a == DO_DONE && class_pane_class(t, t->doc.sel))
		return class_toggle_watched(t, class_pane_class(t, t->doc.sel));
	return R_NONE;
}

const struct pane_ops class_pane = {
	.title = "Classes",
	.hints = HP_CLASSES,
	.state_size = sizeof(struct class_state),
	.load = class_load,
	.draw = class_draw,
	.key = class_key,
	.free = class_free,
};


