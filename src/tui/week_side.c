/* The open activity beside the week list on a wide terminal: the selected
 * activity's detail (the document the detail window shows) in a column to the
 * right of the list, following the selection. It draws from what the week's
 * load read: the texts of what activities build toward are read there, once. */
#include "toddle/week_view.h"
#include "tui/pane.h"

/* The columns of the main pane the side column takes (its separator and its
 * text), 0 when the terminal is too narrow for it. */
int week_side_width(const struct tui *t, int width)
{
	return t->cols >= WEEK_SIDE_MIN_COLS ? width * 9 / 20 : 0;
}

/* Read what the side column draws from, when the terminal is wide enough:
 * the texts of every checklist item (activities of any age build toward
 * them, and a search lists every age), in one statement. */
void week_side_load(struct tui *t, struct week_side *side)
{
	struct tdl_err err;

	milestone_names_free(side->names, side->nnames);
	side->names = NULL;
	side->nnames = 0;
	side->read = 0;
	if (!week_side_width(t, t->cols))
		return;
	if (milestone_names(t->app->db, NULL, &side->names, &side->nnames, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	side->read = 1;
}

/* 1 when the side column shows but its texts were not read (the terminal grew). */
int week_side_missing(const struct tui *t, const struct week_side *side)
{
	return week_side_width(t, t->cols) && !side->read;
}

/* The line between the list and the side column, joined to the box, with the column's title. */
static void draw_rule(struct tui *t, WINDOW *w, int height, int x)
{
	wattrset(w, (int)theme_attr(T_BORDER));
	if (t->ascii) {
		mvwvline(w, 1, x, '|', height - 2);
		mvwaddch(w, 0, x, '+');
		mvwaddch(w, height - 1, x, '+');
	} else {
		mvwvline(w, 1, x, ACS_VLINE, height - 2);
		mvwaddch(w, 0, x, ACS_TTEE);
		mvwaddch(w, height - 1, x, ACS_BTEE);
	}
	wattrset(w, A_NORMAL);
	draw_text(w, 0, x + 2, 10, T_DIM, " Activity ");
}

/* Draw the selected activity's detail in the side column of w (height rows),
 * which starts at column x and is width columns wide up to the box's right edge. */
void week_side_draw(struct tui *t, struct week_side *side, WINDOW *w, int height, int x, int width)
{
	int week, rows = height - 2, tw = width - 4;
	const struct activity *a = week_pane_selected(t, &week);

	draw_rule(t, w, height, x);
	doc_reset(&side->doc);
	if (a)
		detail_doc_build(t, &side->doc, a, week, side->names, side->nnames, tw);
	else
		doc_wrap(&side->doc, T_DIM, -1, "", "Move to an activity (Down) to see here how to do it; "
			 "Enter opens it.", tw);
	side->doc.sel = -1;
	side->doc.top = 0;
	doc_draw(&side->doc, w, 1, x + 2, rows, tw, 0);
	if (side->doc.n > rows && rows > 0)
		draw_text(w, rows, x + 2, tw, T_DIM, "... Enter shows all of it");
}

/* Free what the side column holds. */
void week_side_free(struct week_side *side)
{
	milestone_names_free(side->names, side->nnames);
	side->names = NULL;
	side->nnames = 0;
	side->read = 0;
	doc_free(&side->doc);
}
