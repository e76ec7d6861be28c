/* The menu pane (libmenu): the views, then the children, then "add a child".
 * The menu holds only the rows on screen: the views and a separator always,
 * then a page of the list (every child by name, then "+ Add a child"), built
 * again when the selection moves off the page. The list is the children's ids
 * (read whole: a few bytes a child); names are read for a window around the page. */
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

/* Forget the names read for the page. */
static void names_free(struct tui *t)
{
	for (int i = 0; i < t->menu.name_count; i++)
		free(t->menu.names[i]);
	free(t->menu.names);
	free(t->menu.name_ids);
	t->menu.names = NULL;
	t->menu.name_ids = NULL;
	t->menu.name_count = 0;
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

/* Rows of the side pane's menu the list of children can have (at least one). */
static int page_rows(const struct tui *t)
{
	int rows = t->side ? getmaxy(t->side) - 2 - first_child_row(t) : 0;

	if (rows > t->nchildren + 1)
		rows = t->nchildren + 1;
	return rows < 1 ? 1 : rows;
}

/* The window of names to read with a page: the page and one more each side
 * (a step off the page reads nothing), within the list. */
static void names_window(const struct tui *t, int first, int rows, int *from, int *count)
{
	*from = first - rows < 0 ? 0 : first - rows;
	*count = 3 * rows;
	if (*count > CHILD_NAMES_MAX)
		*count = CHILD_NAMES_MAX;
	if (*from + *count > t->nchildren)
		*count = t->nchildren - *from;
	if (*count < 0)
		*count = 0;
}

/* Keep names (count of them, from list place from) as the page's names. */
static int names_keep(struct tui *t, int from, int count)
{
	names_free(t);
	t->menu.names = calloc((size_t)(count > 0 ? count : 1), sizeof *t->menu.names);
	t->menu.name_ids = calloc((size_t)(count > 0 ? count : 1), sizeof *t->menu.name_ids);
	if (!t->menu.names || !t->menu.name_ids) {
		names_free(t);
		return -1;
	}
	t->menu.name_first = from;
	t->menu.name_count = count;
	for (int i = 0; i < count; i++)
		t->menu.name_ids[i] = t->children[from + i];
	return 0;
}

/* The forgotten list and names (at the end). */
void menu_pane_forget(struct tui *t)
{
	names_free(t);
	free(t->children);
	t->children = NULL;
	t->nchildren = 0;
}

/* Read the list of children (ids by name) and the names of the page shown,
 * in one statement; the index of the remembered child (t->find_uuid), -1
 * when there is none, or -2 on failure (err says why: no child listed). */
int menu_pane_read(struct tui *t, struct tdl_err *err)
{
	struct child_index ix;
	int rows = page_rows(t), slots, rc;

	memset(&ix, 0, sizeof ix);
	menu_pane_forget(t);
	/* the list's length is not known yet: the window around the page as it was, a screen each side */
	slots = 3 * (t->side ? getmaxy(t->side) : 24);
	if (slots > CHILD_NAMES_MAX)
		slots = CHILD_NAMES_MAX;
	ix.first = t->menu.first - rows < 0 ? 0 : t->menu.first - rows;
	ix.count = slots;
	ix.names = calloc((size_t)slots, sizeof *ix.names);
	ix.uuid = t->find_uuid[0] ? t->find_uuid : NULL;
	if (!ix.names) {
		err_set(err, TDL_EDATA, "out of memory reading the children");
		return -2;
	}
	rc = child_index_read(t->app->db, &ix, err);
	t->find_uuid[0] = '\0';
	if (rc == 0) {
		t->children = ix.ids;
		t->nchildren = ix.n;
		ix.count = ix.n > ix.first ? ix.n - ix.first : 0;
		if (ix.count > slots)
			ix.count = slots;
		if (names_keep(t, ix.first, ix.count) == 0)
			for (int i = 0; i < ix.count; i++) {
				t->menu.names[i] = ix.names[i];
				ix.names[i] = NULL;
			}
	}
	for (int i = 0; i < slots; i++)
		free(ix.names[i]);
	free(ix.names);
	return rc ? -2 : ix.found;
}

/* The name of the child at list place k, if read with the page (else NULL). */
static const char *page_name(const struct tui *t, int k)
{
	int i = k - t->menu.name_first;

	if (i < 0 || i >= t->menu.name_count || t->menu.name_ids[i] != t->children[k])
		return NULL;
	return t->menu.names[i];
}

/* Make sure the names of the page's children are at hand: one statement
 * when the page has moved past the window read. */
static void page_names(struct tui *t)
{
	struct tdl_err err;
	int from, count, need = 0;

	for (int k = t->menu.first; k < t->menu.first + t->menu.rows && k < t->nchildren; k++)
		need |= page_name(t, k) == NULL;
	if (!need)
		return;
	names_window(t, t->menu.first, t->menu.rows, &from, &count);
	if (names_keep(t, from, count))
		return;
	if (child_names(t->app->db, t->menu.name_ids, count, t->menu.names, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
}

/* Build the menu with the page moved as little as needs be to show list
 * place show (-1: none), and the item at menu place sel selected (a view's
 * row, or first_child_row + a list place). */
static int menu_page_build(struct tui *t, int show, int sel)
{
	char label[CHILD_NAME_MAX + 16];
	int h, w, views;

	menu_pane_free(t);
	if (!t->side)
		return -1;
	views = first_child_row(t);
	t->menu.rows = page_rows(t);
	if (show >= 0 && show < t->menu.first)
		t->menu.first = show;
	if (show >= t->menu.first + t->menu.rows)
		t->menu.first = show - t->menu.rows + 1;
	if (t->menu.first > t->nchildren + 1 - t->menu.rows)
		t->menu.first = t->nchildren + 1 - t->menu.rows;
	if (t->menu.first < 0)
		t->menu.first = 0;
	page_names(t);
	t->menu.items = calloc((size_t)(views + t->menu.rows) + 1, sizeof *t->menu.items);
	t->menu.labels = calloc((size_t)(views + t->menu.rows), sizeof *t->menu.labels);
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
	for (int k = t->menu.first; k < t->menu.first + t->menu.rows && k < t->nchildren; k++) {
		const char *name = page_name(t, k);

		snprintf(label, sizeof label, "%s %s", k == t->cur ? (t->ascii ? "*" : "●") : " ",
			 name ? name : "?");
		/* a long name ends in "…" where the pane ends: the title bar shows it whole */
		text_sanitize(label, label, sizeof label);
		draw_fit(label, sizeof label, getmaxx(t->side) - 2, t->ascii ? "~" : "…");
		add_item(t, label, MI_CHILD0 + k);
	}
	if (t->menu.first + t->menu.rows > t->nchildren)
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
	if (sel >= views)
		sel -= t->menu.first; /* the list place's row on the page */
	if (sel < 0 || sel >= t->menu.nitems)
		sel = 0;
	set_current_item(t->menu.menu, t->menu.items[sel]);
	post_menu(t->menu.menu);
	return 0;
}

/* Build (or rebuild) the menu for the current children and view: the page
 * shows the current child, who is selected while the menu has the focus. */
int menu_pane_build(struct tui *t)
{
	int sel = (int)t->view < menu_views(t) ? (int)t->view : 0; /* the views come first, in their enum order */

	if (t->focus == F_MENU && t->cur >= 0)
		sel = first_child_row(t) + t->cur;
	return menu_page_build(t, t->cur, sel);
}

/* The menu place of the selected item: a view's row, or first_child_row + its list place. */
static int menu_place(const struct tui *t)
{
	ITEM *cur = current_item(t->menu.menu);
	int i = cur ? item_index(cur) : 0;

	return i < first_child_row(t) ? i : i + t->menu.first;
}

/* Select menu place p: on the page as it is, or on a page built to show it. */
static int menu_go(struct tui *t, int p)
{
	int views = first_child_row(t), last = views + t->nchildren;

	if (!t->menu.menu || !t->menu.items)
		return R_DRAW; /* a page that could not be built (out of memory) */
	if (p < 0)
		p = 0;
	if (p > last)
		p = last;
	if (p == views - 1) /* the separator */
		p = menu_place(t) < p ? views : views - 2;
	if (p < views)
		set_current_item(t->menu.menu, t->menu.items[p]);
	else if (p - views >= t->menu.first && p - views < t->menu.first + t->menu.rows)
		set_current_item(t->menu.menu, t->menu.items[p - t->menu.first]);
	else
		menu_page_build(t, p - views, p);
	return R_DRAW;
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
		return menu_go(t, menu_place(t) - 1);
	case DO_DOWN:
		return menu_go(t, menu_place(t) + 1);
	case DO_HOME:
	case DO_PGUP:
		if (t->menu.first > 0)
			menu_page_build(t, 0, 0); /* the first item, and the first page of children under it */
		return menu_go(t, 0);
	case DO_END:
	case DO_PGDN:
		return menu_go(t, first_child_row(t) + t->nchildren); /* "+ Add a child" */
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
