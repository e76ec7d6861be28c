/* The help overlay (made from the action table), and the keys every
 * document overlay shares. */
#include "tui/pane.h"

/* Draw the help, made from the key table for this width. */
static void help_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	(void)state;
	keys_help(&t->over_doc, width - 4, t->clinic);
	pane_doc_draw(t, &t->over_doc, w, height, width);
}

/* Keys while the help is open. */
static int help_key(struct tui *t, void *state, enum action a)
{
	(void)state;
	return overlay_doc_key(t, a);
}

const struct pane_ops help_overlay = {
	.title = "Help",
	.hints = HP_HELP,
	.width = 72,
	.draw = help_draw,
	.key = help_key,
};

/* Keys while a document overlay is open: move as every document does, and close. */
int overlay_doc_key(struct tui *t, enum action a)
{
	int h, w;

	getmaxyx(t->over, h, w);
	(void)w;
	h -= 2;
	if (doc_nav(&t->over_doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_QUIT:
	case DO_BACK:
	case DO_OPEN:
	case DO_HELP:
		tui_overlay_hide(t);
		return R_DRAW;
	default:
		return R_NONE;
	}
}
