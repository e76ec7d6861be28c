/* The pane table, and what every pane shares: list keys and drawing a document. */
#include "tui/pane.h"

const struct pane_ops *const pane_table[P_COUNT] = {
	[P_WEEK] = &week_pane, [P_MILESTONES] = &milestone_pane, [P_CALENDAR] = &calendar_pane,
	[P_CLASSES] = &class_pane, [P_GUIDE] = &guide_pane, [P_CASELOAD] = &caseload_pane,
	[P_RECORD] = &record_pane, [P_HELP] = &help_overlay, [P_DETAIL] = &detail_overlay,
	[P_CLASS] = &class_overlay, [P_DAY] = &day_overlay,
	[P_CATCHUP] = &catchup_overlay,
	[P_AUDIT] = &audit_overlay, [P_VERSIONS] = &versions_overlay,
};

/* The pane that an open overlay is, or -1 for none (or a form). */
int pane_of_modal(enum modal m)
{
	switch (m) {
	case M_HELP:
		return P_HELP;
	case M_DETAIL:
		return P_DETAIL;
	case M_CLASS:
		return P_CLASS;
	case M_DAY:
		return P_DAY;
	case M_CATCHUP:
		return P_CATCHUP;
	case M_AUDIT:
		return P_AUDIT;
	case M_VERSIONS:
		return P_VERSIONS;
	default:
		return -1;
	}
}

/* A pane's state, for the small functions by which panes ask each other. */
void *pane_state(struct tui *t, enum pane_id p)
{
	return t->pane[p].state;
}

/* The list keys every list pane shares; R_DRAW when the key moved. Every
 * list and document moves the same way (doc_nav); nav is no longer read. */
int pane_nav(struct doc *d, enum action a, int height, unsigned long long picks, int nav)
{
	(void)nav;
	if ((picks & NAV_PICK(a)) && d->sel < 0)
		doc_move(d, 0, height);
	return doc_nav(d, a, height);
}

/* The main pane's document drawn inside its box, with the line a search found marked. */
void pane_doc_draw(struct tui *t, struct doc *d, WINDOW *w, int height, int width)
{
	doc_draw(d, w, 1, 2, height - 2, width - 4, w == t->over || t->focus == F_MAIN);
	search_mark(t, d, w, 1, 2, height - 2, width - 4);
}

_Static_assert(DO_OPEN < 64 && DO_DONE < 64 && DO_DELETE < 64 && DO_LOG < 64 && DO_PROGRAM < 64,
	       "NAV_PICK keeps one bit for each action a list picks with");
