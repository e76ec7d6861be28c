/* The guidance pane: who helps with what, and when to talk to the doctor. */
#include <stdio.h>
#include <string.h>
#include "toddle/guide.h"
#include "tui/tui.h"

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
static void add_signs(struct tui *t, const char *concern, int width)
{
	struct guide_sign *s;
	struct tdl_err err;
	int n;

	if (guide_signs(t->app->db, concern, &s, &n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return;
	}
	for (int i = 0; i < n; i++) {
		doc_wrap(&t->doc, T_NORMAL, -1, "  - ", s[i].text, width);
		doc_wrap(&t->doc, T_DIM, -1, "    source: ", s[i].source, width);
	}
	guide_signs_free(s, n);
}

/* Build the guidance document. */
void guide_pane_build(struct tui *t)
{
	struct guide_topic *g;
	struct tdl_err err;
	int width = getmaxx(t->main) - 4, n, last_concern = 0;

	doc_reset(&t->doc);
	t->doc.sel = -1;
	if (guide_topics(t->app->db, &g, &n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
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
			add_signs(t, g[i].id, width);
		}
	}
	if (n == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no guidance loaded.");
	guide_topics_free(g, n);
}

/* Handle a key in the guidance pane: it only scrolls. */
int guide_pane_key(struct tui *t, enum action a)
{
	int h = getmaxy(t->main) - 2;

	switch (a) {
	case DO_UP:
	case DO_DOWN:
		doc_scroll(&t->doc, a == DO_UP ? -1 : 1, h);
		return R_DRAW;
	case DO_PGUP:
	case DO_PGDN:
		doc_scroll(&t->doc, a == DO_PGUP ? -(h - 1) : h - 1, h);
		return R_DRAW;
	case DO_HOME:
		t->doc.top = 0;
		return R_DRAW;
	case DO_END:
		doc_scroll(&t->doc, t->doc.n, h);
		return R_DRAW;
	default:
		return R_NONE;
	}
}
