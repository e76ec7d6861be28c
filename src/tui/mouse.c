/* The mouse (ncurses): a click selects a line of a list, the menu or an open
 * window, a click on the selected line opens it, and the wheel scrolls. */
#include "tui/pane.h"

#define WHEEL_LINES 3

/* Ask the terminal for clicks and the wheel, unless [ui] mouse = false. */
void mouse_start(struct tui *t)
{
	mmask_t want = BUTTON1_PRESSED | BUTTON4_PRESSED;

	if (!t->app->set.mouse)
		return;
#ifdef BUTTON5_PRESSED
	want |= BUTTON5_PRESSED;
#endif
	mouseinterval(0); /* report a press at once: no wait to tell a click from a double click */
	mousemask(want, NULL);
}

/* A click at screen row y on doc drawn in w (its first line one row below the
 * border): select the item there, or open it when it is already selected. */
static enum action click_doc(struct doc *d, WINDOW *w, int y, int *flags)
{
	int i = d->top + (y - getbegy(w) - 1);

	if (y <= getbegy(w) || i < 0 || i >= d->n || d->line[i].item < 0)
		return DO_NONE;
	if (d->line[i].item == d->sel)
		return DO_OPEN;
	d->sel = d->line[i].item;
	*flags |= R_DRAW;
	return DO_NONE;
}

/* A click at screen row y on the side menu: select that entry, or open it when
 * it is already the selected one and the menu has the focus. */
static enum action click_menu(struct tui *t, int y, int *flags)
{
	MENU *m = t->menu.menu;
	int row;
	ITEM *it;

	if (!m || !t->menu.sub || !wenclose(t->menu.sub, y, getbegx(t->menu.sub)))
		return DO_NONE;
	row = top_row(m) + y - getbegy(t->menu.sub);
	if (row < 0 || row >= item_count(m) || !(item_opts(it = menu_items(m)[row]) & O_SELECTABLE))
		return DO_NONE;
	if (it == current_item(m) && t->focus == F_MENU)
		return DO_OPEN;
	set_current_item(m, it);
	t->focus = F_MENU;
	*flags = R_DRAW;
	return DO_NONE;
}

/* Turn the mouse event waiting in ncurses into an action (repeated *times)
 * for the loop to dispatch, or into flags when it only moved the selection. */
enum action mouse_action(struct tui *t, int *times, int *flags)
{
	int over = pane_of_modal(t->modal);
	MEVENT ev;

	*times = 1;
	*flags = R_NONE;
	if (getmouse(&ev) != OK || t->modal == M_FORM)
		return DO_NONE;
	if (over < 0 && wenclose(t->side, ev.y, ev.x))
		t->focus = F_MENU;
	else if (over < 0 && wenclose(t->main, ev.y, ev.x))
		t->focus = F_MAIN;
	if (ev.bstate & BUTTON4_PRESSED) {
		*times = WHEEL_LINES;
		return DO_UP;
	}
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED) {
		*times = WHEEL_LINES;
		return DO_DOWN;
	}
#endif
	if (!(ev.bstate & BUTTON1_PRESSED))
		return DO_NONE;
	if (over >= 0)
		return t->over && wenclose(t->over, ev.y, ev.x) ? click_doc(&t->over_doc, t->over, ev.y, flags)
								 : DO_NONE;
	if (wenclose(t->side, ev.y, ev.x))
		return click_menu(t, ev.y, flags);
	*flags = R_DRAW; /* the focus may have moved to the view */
	if (wenclose(t->main, ev.y, ev.x) && week_pane_side_x(t) >= 0
	    && ev.x - getbegx(t->main) >= week_pane_side_x(t))
		return DO_OPEN; /* a click on the open activity beside the week list opens it whole */
	if (wenclose(t->main, ev.y, ev.x) && t->view != V_CALENDAR)
		return click_doc(&t->doc, t->main, ev.y, flags);
	return DO_NONE;
}
