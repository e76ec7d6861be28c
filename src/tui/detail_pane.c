/* The activity detail overlay: steps, why it helps, and what it builds toward. */
#include <stdio.h>
#include <string.h>
#include "tui/tui.h"

/* Build the detail document for one activity. */
void detail_build(struct tui *t, const struct activity *a)
{
	int h, width, k = 1;
	char ms[300];

	getmaxyx(t->over, h, width);
	(void)h;
	width -= 4;
	doc_reset(&t->over_doc);
	t->over_doc.sel = -1;
	t->over_doc.top = 0;
	doc_wrap(&t->over_doc, T_HEADING, -1, "", a->title, width);
	snprintf(ms, sizeof ms, "%s · %s · weeks %d-%d · about %d minutes", a->domain,
		 a->discipline, a->week_from, a->week_to, a->minutes);
	doc_wrap(&t->over_doc, T_DIM, -1, "", ms, width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_HEADING, -1, "You need");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->materials, width);
	doc_add(&t->over_doc, T_HEADING, -1, "Steps");
	for (const char *s = a->steps; s && *s; k++) {
		const char *nl = strchr(s, '\n');
		char step[2100], prefix[16];

		snprintf(step, sizeof step, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		snprintf(prefix, sizeof prefix, "  %d. ", k);
		doc_wrap(&t->over_doc, T_NORMAL, -1, prefix, step, width);
		s = nl ? nl + 1 : s + strlen(s);
	}
	doc_add(&t->over_doc, T_HEADING, -1, "Why it helps");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->why, width);
	if (a->easier && *a->easier) {
		doc_add(&t->over_doc, T_HEADING, -1, "Easier");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->easier, width);
	}
	if (a->harder && *a->harder) {
		doc_add(&t->over_doc, T_HEADING, -1, "Harder");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->harder, width);
	}
	if (a->safety && *a->safety) {
		doc_add(&t->over_doc, T_ERROR, -1, "Safety");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->safety, width);
	}
	if (a->builds && *a->builds) {
		doc_add(&t->over_doc, T_HEADING, -1, "Builds toward");
		for (const char *p = a->builds; *p;) {
			size_t len = strcspn(p, " ,");
			char id[80];

			snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), p);
			if (len && milestone_text(t->app->db, id, ms, sizeof ms) == 0)
				doc_wrap(&t->over_doc, T_NORMAL, -1, "  - ", ms, width);
			p += len;
			p += strspn(p, " ,");
		}
	}
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_DIM, -1, "d: done today   o: log with how it went   Esc: close");
}
