/* The menu pane (libmenu): the views, then the children, then "add a child". */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "tui/tui.h"

/* What a menu item does, kept in its user pointer. */
enum { MI_VIEW_WEEK, MI_VIEW_MS, MI_VIEW_CAL, MI_VIEW_CLASSES, MI_VIEW_GUIDE, MI_VIEW_CASELOAD,
       MI_VIEW_RECORD, MI_SEP, MI_ADD, MI_CHILD0 };

/* The views the menu offers: a family's have no caseload or record, which
 * come last in enum view, so a view's menu row is its enum value. */
static int menu_views(const struct tui *t)
{
	return t->clinic ? V_COUNT : V_CASELOAD;
}

/* Menu row of the first child: after the views and a separator. */
static int first_child_row(const struct tui *t)
{
	return menu_views(t) + 1;
}

/* Free the menu, its items and their labels. */
void menu_pane_free(struct tui *t)
{
	if (t->menu.menu) {
		unpost_menu(t->menu.menu);
		free_menu(t->menu.menu);
		t->menu.menu = NULL;
	}
	if (t->menu.sub)
		delwin(t->menu.sub);
	t->menu.sub = NULL;
	for (int i = 0; i < t->menu.nitems; i++) {
		free_item(t->menu.items[i]);
		free(t->menu.labels[i]);
	}
	free(t->menu.items);
	t->menu.items = NULL;
	t->menu.nitems = 0;
	free(t->menu.labels);
	t->menu.labels = NULL;
}

/* Add one item with a label we own and a kind. */
static void add_item(struct tui *t, const char *label, long kind)
{
	char *copy = draw_clean_dup(label);
	ITEM *it;

	if (!copy || !*copy) {
		free(copy);
		copy = strdup("?");
	}
	it = copy ? new_item(copy, "") : NULL;
	if (!it) {
		free(copy);
		return;
	}
	set_item_userptr(it, (void *)kind);
	t->menu.labels[t->menu.nitems] = copy; /* labels and items share their index */
	t->menu.items[t->menu.nitems++] = it;
	if (kind == MI_SEP)
		item_opts_off(it, O_SELECTABLE);
}

/* Build (or rebuild) the menu for the current children and view. */
int menu_pane_build(struct tui *t)
{
	int total = first_child_row(t) + 1 + t->nchildren, h, w, sel = 0;
	char label[CHILD_NAME_MAX + 16];

	menu_pane_free(t);
	if (!t->side)
		return -1;
	t->menu.items = calloc((size_t)total + 1, sizeof *t->menu.items);
	t->menu.labels = calloc((size_t)total, sizeof *t->menu.labels);
	if (!t->menu.items || !t->menu.labels)
		return -1;
	add_item(t, "This week", MI_VIEW_WEEK);
	add_item(t, "Milestones", MI_VIEW_MS);
	add_item(t, "Calendar", MI_VIEW_CAL);
	add_item(t, "Classes", MI_VIEW_CLASSES);
	add_item(t, "Guidance", MI_VIEW_GUIDE);
	if (t->clinic) {
		add_item(t, "Caseload", MI_VIEW_CASELOAD);
		add_item(t, "Record", MI_VIEW_RECORD);
	}
	add_item(t, t->ascii ? "--------" : "────────", MI_SEP);
	for (int i = 0; i < t->nchildren; i++) {
		snprintf(label, sizeof label, "%s %s", i == t->cur ? (t->ascii ? "*" : "●") : " ",
			 t->children[i].name);
		/* a long name ends in "…" where the pane ends: the title bar shows it whole */
		text_sanitize(label, label, sizeof label);
		draw_fit(label, sizeof label, getmaxx(t->side) - 2, t->ascii ? "~" : "…");
		add_item(t, label, MI_CHILD0 + i);
	}
	add_item(t, "+ Add a child", MI_ADD);
	t->menu.menu = new_menu(t->menu.items);
	if (!t->menu.menu)
		return -1;
	getmaxyx(t->side, h, w);
	set_menu_win(t->menu.menu, t->side);
	t->menu.sub = derwin(t->side, h - 2, w - 2, 1, 1);
	if (!t->menu.sub)
		return -1;
	set_menu_sub(t->menu.menu, t->menu.sub);
	set_menu_format(t->menu.menu, h - 2, 1);
	set_menu_mark(t->menu.menu, "");
	set_menu_fore(t->menu.menu, theme_attr(t->focus == F_MENU ? T_SELECTED : T_SELECTED_DIM));
	set_menu_back(t->menu.menu, theme_attr(T_NORMAL));
	set_menu_grey(t->menu.menu, theme_attr(T_DIM));
	menu_opts_off(t->menu.menu, O_SHOWDESC);
	sel = (int)t->view < menu_views(t) ? (int)t->view : 0; /* the views come first, in their enum order */
	if (t->focus == F_MENU && t->cur >= 0)
		sel = first_child_row(t) + t->cur;
	set_current_item(t->menu.menu, t->menu.items[sel < t->menu.nitems ? sel : 0]);
	post_menu(t->menu.menu);
	return 0;
}

/* Draw the menu pane's frame around the posted menu. */
void menu_pane_draw(struct tui *t)
{
	if (!t->side || !t->menu.menu)
		return;
	if (t->focus != F_MENU && (int)t->view < menu_views(t) && (int)t->view < t->menu.nitems && current_item(t->menu.menu) != t->menu.items[t->view])
		set_current_item(t->menu.menu, t->menu.items[t->view]); /* the view shown, without a rebuild */
	set_menu_fore(t->menu.menu, theme_attr(t->focus == F_MENU ? T_SELECTED : T_SELECTED_DIM));
	draw_box(t, t->side, "toddle", t->focus == F_MENU);
	wnoutrefresh(menu_sub(t->menu.menu));
}

/* Handle a key while the menu has focus. */
int menu_pane_key(struct tui *t, enum action a)
{
	ITEM *cur;
	long kind;

	if (!t->menu.menu)
		return R_NONE;
	switch (a) {
	case DO_UP:
		menu_driver(t->menu.menu, REQ_UP_ITEM);
		if (!(item_opts(current_item(t->menu.menu)) & O_SELECTABLE))
			menu_driver(t->menu.menu, REQ_UP_ITEM);
		return R_DRAW;
	case DO_DOWN:
		menu_driver(t->menu.menu, REQ_DOWN_ITEM);
		if (!(item_opts(current_item(t->menu.menu)) & O_SELECTABLE))
			menu_driver(t->menu.menu, REQ_DOWN_ITEM);
		return R_DRAW;
	case DO_HOME:
	case DO_PGUP:
		menu_driver(t->menu.menu, REQ_FIRST_ITEM);
		return R_DRAW;
	case DO_END:
	case DO_PGDN:
		menu_driver(t->menu.menu, REQ_LAST_ITEM);
		return R_DRAW;
	case DO_OPEN:
	case DO_RIGHT:
		break;
	default:
		return R_NONE;
	}
	cur = current_item(t->menu.menu);
	kind = cur ? (long)item_userptr(cur) : MI_SEP;
	switch (kind) {
	case MI_VIEW_WEEK:
	case MI_VIEW_MS:
	case MI_VIEW_CAL:
	case MI_VIEW_CLASSES:
	case MI_VIEW_GUIDE:
	case MI_VIEW_CASELOAD:
	case MI_VIEW_RECORD:
		tui_view_show(t, (enum view)kind); /* the views come first, in their enum order */
		return R_DRAW | R_RELOAD;
	case MI_ADD:
		return form_child_open(t, 0);
	case MI_SEP:
		return R_NONE;
	default:
		tui_select_child(t, (int)(kind - MI_CHILD0));
		return R_MENU | R_RELOAD;
	}
}
