/* Windows and panels for the terminal's size; re-made on resize. */
#include "tui/tui.h"

/* Width of the menu pane for this terminal width. */
static int side_width(int cols)
{
	return cols >= 100 ? 26 : cols >= 80 ? 22 : 18;
}

/* Make one window with its panel. */
static WINDOW *make(PANEL **p, int h, int w, int y, int x)
{
	WINDOW *win = newwin(h, w, y, x);

	if (win) {
		keypad(win, TRUE);
		*p = new_panel(win);
	}
	return win;
}

/* Delete one window and its panel. */
static void unmake(WINDOW **w, PANEL **p)
{
	if (*p)
		del_panel(*p);
	if (*w)
		delwin(*w);
	*p = NULL;
	*w = NULL;
}

/* Free every pane window (the menu is unposted first). */
void layout_free(struct tui *t)
{
	menu_pane_free(t);
	overlay_close(t);
	unmake(&t->title, &t->p_title);
	unmake(&t->side, &t->p_side);
	unmake(&t->main, &t->p_main);
	unmake(&t->status, &t->p_status);
}

/* Lay out the panes for the current size; 0 when the screen is usable. */
int layout_make(struct tui *t)
{
	int sw;

	layout_free(t);
	getmaxyx(stdscr, t->rows, t->cols);
	t->too_small = t->cols < TUI_MIN_COLS || t->rows < TUI_MIN_ROWS;
	/* the status line always exists: it is where keys are read from */
	t->status = make(&t->p_status, 1, t->cols > 0 ? t->cols : 1, t->rows > 0 ? t->rows - 1 : 0, 0);
	if (!t->status)
		return -1;
	if (t->too_small)
		return 0;
	sw = side_width(t->cols);
	t->title = make(&t->p_title, 1, t->cols, 0, 0);
	t->side = make(&t->p_side, t->rows - 2, sw, 1, 0);
	t->main = make(&t->p_main, t->rows - 2, t->cols - sw, 1, sw);
	if (!t->title || !t->side || !t->main)
		return -1;
	menu_pane_build(t);
	return 0;
}

/* Open a centred overlay window of about h x w (shrunk to fit). */
int overlay_open(struct tui *t, int h, int w)
{
	overlay_close(t);
	if (h > t->rows - 2)
		h = t->rows - 2;
	if (w > t->cols - 2)
		w = t->cols - 2;
	if (h < 5 || w < 20)
		return -1;
	t->over = make(&t->p_over, h, w, (t->rows - h) / 2, (t->cols - w) / 2);
	return t->over ? 0 : -1;
}

/* Close the overlay window, if any. */
void overlay_close(struct tui *t)
{
	unmake(&t->over, &t->p_over);
}
