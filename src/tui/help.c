/* Overlays that show a document: help (made from the action table) and details. */
#include "tui/tui.h"

/* Open the help overlay. */
int help_open(struct tui *t)
{
	int h, w;

	if (overlay_open(t, t->rows - 4, 72))
		return R_NONE;
	getmaxyx(t->over, h, w);
	(void)h;
	keys_help(&t->over_doc, w - 4);
	t->over_doc.sel = -1;
	t->over_doc.top = 0;
	t->modal = M_HELP;
	return R_DRAW;
}

/* Draw the overlay's document in its box. */
void overlay_doc_draw(struct tui *t, const char *title)
{
	int h, w;

	if (!t->over)
		return;
	getmaxyx(t->over, h, w);
	werase(t->over);
	draw_box(t, t->over, title, 1);
	doc_draw(&t->over_doc, t->over, 1, 2, h - 2, w - 4, 1);
	wnoutrefresh(t->over);
}

/* Keys while a document overlay is open: scroll, log (details), close. */
int overlay_doc_key(struct tui *t, enum action a)
{
	int h, w;

	getmaxyx(t->over, h, w);
	(void)w;
	h -= 2;
	switch (a) {
	case DO_UP:
		doc_scroll(&t->over_doc, -1, h);
		return R_DRAW;
	case DO_DOWN:
		doc_scroll(&t->over_doc, 1, h);
		return R_DRAW;
	case DO_PGUP:
		doc_scroll(&t->over_doc, -(h - 1), h);
		return R_DRAW;
	case DO_PGDN:
		doc_scroll(&t->over_doc, h - 1, h);
		return R_DRAW;
	case DO_HOME:
		t->over_doc.top = 0;
		return R_DRAW;
	case DO_DONE:
		if (t->modal == M_DETAIL && t->doc.sel >= 0 && t->doc.sel < t->wv.nacts && tui_child(t)) {
			const struct activity *act = &t->wv.acts[t->doc.sel];
			struct tdl_err err;

			if (activity_log(t->app->db, tui_child(t), &(struct activity_done){
					.id = act->id, .day = t->app->today, .result = ACT_DONE,
					.minutes = act->minutes, .note = NULL }, t->app->today, &err))
				tui_message(t, T_ERROR, "%s", err.msg);
			else
				tui_message(t, T_OK, "Logged as done today: %s (%d min).", act->title, act->minutes);
			return R_RELOAD;
		}
		return R_NONE;
	case DO_LOG:
		if (t->modal == M_DETAIL && t->doc.sel >= 0 && t->doc.sel < t->wv.nacts) {
			overlay_close(t);
			t->modal = M_NONE;
			return form_activity_open(t, &t->wv.acts[t->doc.sel], t->app->today);
		}
		return R_NONE;
	case DO_QUIT:
	case DO_BACK:
	case DO_OPEN:
	case DO_HELP:
		overlay_close(t);
		t->modal = M_NONE;
		return R_DRAW;
	default:
		return R_NONE;
	}
}
