/* The milestone pane: checklist items up to the child's age and the next checklist. */
#include <stdio.h>
#include <string.h>
#include "tui/tui.h"

/* The mark for a status, in UTF-8 or plain ASCII. */
static const char *status_mark(struct tui *t, enum ms_status st)
{
	static const char *const utf8[] = { "·", "✓", "◐", "○" };
	static const char *const ascii[] = { "[ ]", "[x]", "[~]", "[-]" };

	return t->ascii ? ascii[st] : utf8[st];
}

/* Build the milestone document for the shown child. */
void milestone_pane_build(struct tui *t)
{
	int h, width, last_age = -1;
	const char *last_domain = "";

	getmaxyx(t->main, h, width);
	(void)h;
	width -= 4;
	doc_reset(&t->doc);
	doc_wrap(&t->doc, T_DIM, -1, "",
		 "Checklist items up to your child's age and the next checklist. They are for noticing "
		 "and talking with your doctor, not a test.", width);
	doc_add(&t->doc, T_DIM, -1, "%s achieved  %s emerging  %s not yet  %s not recorded",
		status_mark(t, MS_ACHIEVED), status_mark(t, MS_EMERGING), status_mark(t, MS_NOT_YET),
		status_mark(t, MS_NONE));
	for (int i = 0; i < t->nms; i++) {
		const struct milestone_entry *e = &t->ms[i];
		char line[400], d[11];

		if (e->age_months != last_age) {
			doc_add(&t->doc, T_NORMAL, -1, "%s", "");
			doc_add(&t->doc, T_HEADING, -1, "By %d months%s", e->age_months,
				e->age_months > t->ms_age ? " (coming next)" : "");
			last_age = e->age_months;
			last_domain = "";
		}
		if (strcmp(e->domain, last_domain)) {
			doc_add(&t->doc, T_DIM, -1, " %s", e->domain);
			last_domain = e->domain;
		}
		if (e->has_date)
			date_format(e->observed, d);
		snprintf(line, sizeof line, "%s%s%s", e->text, e->has_date ? "  " : "",
			 e->has_date ? d : "");
		{
			char prefix[16];

			snprintf(prefix, sizeof prefix, "  %s ", status_mark(t, e->status));
			doc_wrap(&t->doc, e->status == MS_ACHIEVED ? T_OK : T_NORMAL, i, prefix, line, width);
		}
	}
	if (t->nms == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no milestones loaded.");
	if (t->doc.sel >= t->nms)
		t->doc.sel = t->nms - 1;
}

/* Handle a key in the milestone pane. */
int milestone_pane_key(struct tui *t, enum action a)
{
	int h, w;

	getmaxyx(t->main, h, w);
	(void)w;
	h -= 2;
	if ((a == DO_OPEN || a == DO_LOG) && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	switch (a) {
	case DO_UP:
		doc_move(&t->doc, -1, h);
		return R_DRAW;
	case DO_DOWN:
		doc_move(&t->doc, 1, h);
		return R_DRAW;
	case DO_PGUP:
		doc_scroll(&t->doc, -(h - 1), h);
		return R_DRAW;
	case DO_PGDN:
		doc_scroll(&t->doc, h - 1, h);
		return R_DRAW;
	case DO_HOME:
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_DRAW;
	case DO_END:
		doc_move(&t->doc, t->nms, h);
		return R_DRAW;
	case DO_OPEN:
	case DO_LOG:
		if (t->doc.sel >= 0 && t->doc.sel < t->nms)
			return form_milestone_open(t, &t->ms[t->doc.sel]);
		return R_NONE;
	default:
		return R_NONE;
	}
}
