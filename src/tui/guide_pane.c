/* The guidance pane: who helps with what, and when to talk to the doctor. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/guide.h"
#include "tui/pane.h"

/* The guidance pane's own state: the topics, and each concern's signs, read at load. */
struct guide_state {
	struct guide_topic *g;
	int n;
	struct guide_signs_of {
		struct guide_sign *s;
		int n;
	} *signs;               /* one per topic; empty for topics that are not concerns */
};

/* Add each line of a newline-separated text as a wrapped paragraph. */
static void add_paras(struct doc *d, const char *text, int width)
{
	for (const char *p = text; p && *p;) {
		const char *nl = strchr(p, '\n');
		char para[2100];

		snprintf(para, sizeof para, "%.*s", (int)(nl ? nl - p : (long)strlen(p)), p);
		doc_wrap(d, T_NORMAL, -1, "  ", para, width);
		p = nl ? nl + 1 : p + strlen(p);
	}
}

/* Add the signs of one concern, with their sources. */
static void add_signs(struct tui *t, const struct guide_signs_of *g, int width)
{
	for (int i = 0; i < g->n; i++) {
		doc_wrap(&t->doc, T_NORMAL, -1, "  - ", g->s[i].text, width);
		doc_wrap(&t->doc, T_DIM, -1, "    source: ", g->s[i].source, width);
	}
}

/* Free what load read. */
static void guide_free(void *state)
{
	struct guide_state *s = state;

	for (int i = 0; s->signs && i < s->n; i++)
		guide_signs_free(s->signs[i].s, s->signs[i].n);
	free(s->signs);
	s->signs = NULL;
	guide_topics_free(s->g, s->n);
	s->g = NULL;
	s->n = 0;
}

/* Read the topics, and the signs of each concern. */
static int guide_load(struct tui *t, void *state)
{
	struct guide_state *s = state;
	struct tdl_err err;

	guide_free(s);
	if (guide_topics(t->app->db, &s->g, &s->n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->g = NULL, s->n = 0;
		return 0;
	}
	s->signs = calloc((size_t)s->n + 1, sizeof *s->signs);
	for (int i = 0; s->signs && i < s->n; i++)
		if (!strcmp(s->g[i].kind, "concern") &&
		    guide_signs(t->app->db, s->g[i].id, &s->signs[i].s, &s->signs[i].n, &err)) {
			tui_message(t, T_ERROR, "%s", err.msg);
			s->signs[i].s = NULL, s->signs[i].n = 0;
		}
	return 0;
}

/* Draw the guidance document from what load read. */
static void guide_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct guide_state *s = state;
	const struct guide_topic *g = s->g;
	int width = wd - 4, n = s->n, last_concern = 0;

	doc_reset(&t->doc);
	t->doc.sel = -1;
	if (!g) {
		pane_doc_draw(t, &t->doc, w, height, wd);
		return;
	}
	doc_wrap(&t->doc, T_DIM, -1, "",
		 "These notes help you notice and ask; they are never a diagnosis. If something worries "
		 "you, talk with your child's doctor: there is no need to wait and see.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Who helps with what");
	for (int i = 0; i < n; i++) {
		int concern = !strcmp(g[i].kind, "concern");

		if (concern && !last_concern) {
			doc_add(&t->doc, T_NORMAL, -1, "%s", "");
			doc_add(&t->doc, T_HEADING, -1, "When to talk to your doctor");
		}
		last_concern = concern;
		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_wrap(&t->doc, T_HEADING, -1, "", g[i].title, width);
		add_paras(&t->doc, g[i].body, width);
		if (concern) {
			char who[120];

			guide_helps_line(g[i].discipline, who, sizeof who);
			doc_wrap(&t->doc, T_DIM, -1, "  ", who, width);
			if (s->signs)
				add_signs(t, &s->signs[i], width);
		}
	}
	if (n == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no guidance loaded.");
	pane_doc_draw(t, &t->doc, w, height, wd);
}

/* Handle a key in the guidance pane: it only scrolls. */
static int guide_key(struct tui *t, void *state, enum action a)
{
	(void)state;
	return doc_nav(&t->doc, a, getmaxy(t->main) - 2);
}

const struct pane_ops guide_pane = {
	.title = "Who helps, and when to talk to the doctor",
	.hints = HP_GUIDE,
	.state_size = sizeof(struct guide_state),
	.load = guide_load,
	.draw = guide_draw,
	.key = guide_key,
	.free = guide_free,
};
