/* The full-screen face: shared state of the one event loop and its panes. */
#ifndef TODDLE_TUI_H
#define TODDLE_TUI_H

#include <curses.h>
#include <form.h>
#include <menu.h>
#include <panel.h>
#include "app.h"
#include "tui/keys.h"
#include "toddle/activity.h"
#include "toddle/calendar.h"
#include "toddle/caseload.h"
#include "toddle/class.h"
#include "toddle/child.h"
#include "toddle/milestone.h"

#define TUI_MIN_COLS 60
#define TUI_MIN_ROWS 18

/* What a key handler asks the loop to do next (htop-style reaction flags). */
enum {
	R_NONE = 0,
	R_DRAW = 1,     /* redraw the panes */
	R_RELOAD = 2,   /* re-read data from the database, then redraw */
	R_MENU = 4,     /* rebuild the menu (children changed) */
	R_QUIT = 8,
	R_SELF = 16,    /* re-read only the view shown (a step within it), then redraw */
};

/* Actions: the single table in keys.c gives their keys and help. */
enum action {
	DO_NONE, DO_QUIT, DO_HELP, DO_FOCUS, DO_VIEW_WEEK, DO_VIEW_MILESTONES, DO_VIEW_CALENDAR,
	DO_UP, DO_DOWN, DO_LEFT, DO_RIGHT, DO_PGUP, DO_PGDN, DO_HOME, DO_END, DO_OPEN, DO_BACK,
	DO_PREV, DO_NEXT, DO_TODAY, DO_ADD_CHILD, DO_EDIT_CHILD, DO_LOG, DO_REDRAW,
	DO_VIEW_CLASSES, DO_VIEW_GUIDE, DO_DONE, DO_PLAY, DO_NEW, DO_DELETE, DO_REPORT,
	DO_VIEW_CASELOAD, DO_VIEW_RECORD, DO_SEARCH, DO_SORT, DO_MINE, DO_GOAL, DO_PROGRAM, DO_EDITOR,
	DO_FORM_NEXT, DO_FORM_PREV, DO_FORM_ENTER, DO_FORM_SAVE, DO_FORM_RUBOUT, DO_FORM_DELETE,
	DO_FORM_CLEAR, DO_CHOICE_NEXT, DO_CHOICE_PREV, DO_CORRECT,
	DO_CATCHUP, DO_ANSWER_YES, DO_ANSWER_NOT_YET, DO_ANSWER_UNSURE, DO_ALL_YES, DO_SKIP_AGE,
	DO_FIND_NEXT, DO_FIND_PREV,
	DO_NEWLINE, DO_ASK_YES, DO_ASK_NO,
	DO_UNDO, DO_VERSIONS, DO_AUDIT, DO_ASSIGN, DO_DELETE_CHILD,
	DO_COUNT
};

/* Where a key binding applies (bits): the views, an open window over them, a
 * form, and a form's choice field (looked up before the form's own keys); an
 * overlay's own keys (the catch-up's) are looked up before the window's. */
enum keymap { KM_MAIN = 1, KM_OVERLAY = 2, KM_FORM = 4, KM_CHOICE = 8, KM_CATCHUP = 16,
	KM_PROMPT = 32,  /* typing a search (looked up first, before the text) */
	KM_FOUND = 64,   /* a search kept with Enter (looked up before the view's keys) */
	KM_NOTE = 128,  /* a form's note field (looked up before the form's keys) */
	KM_ASK = 256,   /* a form's y/n question */
};
/* Added to a lookup's keymaps in clinic mode: the therapists' keys apply too. */
#define KM_CLINIC 512u

/* Where the status line gives key hints (bits). */
enum hint_place {
	HP_WEEK = 1 << 0, HP_MILESTONES = 1 << 1, HP_CALENDAR = 1 << 2, HP_CLASSES = 1 << 3,
	HP_GUIDE = 1 << 4, HP_CASELOAD = 1 << 5, HP_RECORD = 1 << 6, HP_MENU = 1 << 7,
	HP_DETAIL = 1 << 8, HP_DAY = 1 << 9, HP_CLASS = 1 << 10, HP_HELP = 1 << 11,
	HP_FORM = 1 << 12, HP_CHOICE = 1 << 13,
	HP_CATCHUP = 1 << 14, HP_MS_ENTRY = 1 << 15,
	HP_PROMPT = 1 << 16, HP_FOUND = 1 << 17, HP_CLASS_VIDEO = 1 << 18, HP_NOTE = 1 << 19,
	HP_ADMIN = 1 << 20,   /* with HP_RECORD: a clinic admin's keys too */
};

enum view { V_WEEK, V_MILESTONES, V_CALENDAR, V_CLASSES, V_GUIDE, V_CASELOAD, V_RECORD, V_COUNT };
enum focus { F_MENU, F_MAIN };
enum modal { M_NONE, M_HELP, M_DETAIL, M_CLASS, M_DAY, M_FORM, M_CATCHUP, M_AUDIT, M_VERSIONS };

/* Every pane in pane.h's table: the views (in enum view's order), then the overlays. */
enum pane_id {
	P_WEEK = V_WEEK, P_MILESTONES = V_MILESTONES, P_CALENDAR = V_CALENDAR, P_CLASSES = V_CLASSES,
	P_GUIDE = V_GUIDE, P_CASELOAD = V_CASELOAD, P_RECORD = V_RECORD,
	P_HELP, P_DETAIL, P_CLASS, P_DAY,
	P_CATCHUP,
	P_AUDIT, P_VERSIONS,
	P_COUNT
};

/* One pane's private state (its own struct, opaque here) and whether to re-read it. */
struct pane_slot {
	void *state;
	int stale;     /* 1 until loaded since the database or the shown child last changed */
};

/* Colour and attribute roles, named by meaning. */
enum role {
	T_NORMAL, T_TITLE, T_HEADING, T_DIM, T_SELECTED, T_SELECTED_DIM, T_MARK_MS,
	T_MARK_ACT, T_ERROR, T_OK, T_BORDER, T_TODAY, T_ROLE_COUNT
};

/* One line of a scrollable document: text, role, selectable item or -1. */
struct doc_line {
	char *text;
	int role;
	int item;
};

/* A document drawn into a pane with scrolling and a selected item. */
struct doc {
	struct doc_line *line;
	int n, cap;
	int top;       /* first visible line */
	int sel;       /* selected item, or -1 */
	int nitems;
	const void *built_by; /* the pane state that built the lines, until doc_reset (it may draw them again) */
	int fitted;    /* a width every line is known to fit in (0: not checked since a line was added) */
};

struct form_state;
struct undo_log;

/* A search in the main pane's or the overlay's document (search.c): typed on
 * the status line, then kept for n and N until Esc. */
enum search_phase { S_OFF, S_TYPING, S_KEPT };
struct search {
	enum search_phase on;
	int all_ages;      /* the week view's search of every activity (week_pane.c lists them) */
	char query[80];
	int sel, top;      /* where it started: Esc goes back there */
	int found;         /* 1 + the line found, 0 for none */
	int index, total;  /* the match found is index of total */
	int wrapped;       /* the last n or N went round the end */
};

/* The side pane's menu: libmenu's menu of the rows on screen only (the views,
 * a separator, then a page of the list of children and "+ Add a child"), its
 * items, their labels, its subwindow, and the names of a window of children. */
struct menu_pane {
	MENU *menu;
	ITEM **items;
	char **labels;
	int nitems;
	WINDOW *sub;
	int first, rows;        /* the page: its first place in the list (children, then "add"), its rows */
	char **names;           /* names of the children name_first.., read with the page's ids */
	long long *name_ids;    /* whose names they are (a list re-read may move them) */
	int name_first, name_count;
};

struct tui {
	struct app *app;
	int rows, cols, too_small, ascii;
	WINDOW *title, *side, *main, *status;
	PANEL *p_title, *p_side, *p_main, *p_status;
	WINDOW *over;          /* modal overlay window (help, detail, form) */
	PANEL *p_over;
	struct menu_pane menu; /* the side pane's libmenu menu and what it owns */
	enum view view;
	enum focus focus;
	enum modal modal;
	long long *children;   /* every child's id, by name (the menu's list; names only of the page shown) */
	int nchildren, cur;    /* cur: index of the shown child, -1 if none */
	struct child child;    /* the shown child, read whole (child.id 0: not read yet) */
	char find_uuid[37];    /* the remembered child, found by the next read of the list ("" when none) */
	struct doc doc;        /* the main pane's document, built by the shown pane */
	struct doc over_doc;   /* the overlay's document (help, detail, class, day) */
	struct pane_slot pane[P_COUNT]; /* each pane's private state (pane.h has the table) */
	struct form_state *form;
	struct search search[2]; /* [0] the main pane's, [1] the open overlay's */
	char msg[300];
	int msg_role;
	int data_version;
	int drafts_pending;    /* drafts kept in files wait for the database (form_merge_drafts) */
	int clinic, admin;     /* clinic mode (the system file's [clinic] group); the person is a clinic admin */
	struct undo_log *undo; /* this session's changes, for u (undo.c) */
};

/* keys.c */
enum action keys_action(unsigned maps, int is_key, wint_t ch);
void keys_help(struct doc *d, int width, int clinic);
void keys_hints(enum hint_place place, char *out, size_t outsz);
void keys_name(enum action a, unsigned maps, char *out, size_t outsz);

/* mouse.c: clicks and the wheel, unless [ui] mouse = false */
void mouse_start(struct tui *t);
enum action mouse_action(struct tui *t, int *times, int *flags);

/* theme.c */
void theme_init(struct tui *t);
attr_t theme_attr(int role);

/* draw.c */
void doc_reset(struct doc *d);
void doc_free(struct doc *d);
void doc_add(struct doc *d, int role, int item, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
void doc_wrap(struct doc *d, int role, int item, const char *prefix, const char *text, int width);
void doc_draw(struct doc *d, WINDOW *w, int y0, int x0, int height, int width, int focused);
void doc_move(struct doc *d, int delta, int height);
void doc_scroll(struct doc *d, int delta, int height);
int doc_nav(struct doc *d, enum action action, int height);
void draw_text(WINDOW *w, int y, int x, int width, int role, const char *s);
int draw_wrap(WINDOW *w, int y, int x, int width, int rows, int role, const char *s);
void draw_fit(char *s, size_t size, int width, const char *more);
int draw_hints(WINDOW *w, int y, int x, int width, int rows, int role, const char *s);
char *draw_clean_dup(const char *in);
void draw_box(struct tui *t, WINDOW *w, const char *title, int focused);

/* layout.c */
int layout_make(struct tui *t);
void layout_free(struct tui *t);
int overlay_open(struct tui *t, int h, int w);
void overlay_close(struct tui *t);

/* menu_pane.c */
int menu_pane_build(struct tui *t);
void menu_pane_free(struct tui *t);
int menu_pane_read(struct tui *t, struct tdl_err *err);
void menu_pane_forget(struct tui *t);
int menu_pane_key(struct tui *t, enum action a);
void menu_pane_draw(struct tui *t);

/* loop.c helpers used by panes */
void tui_message(struct tui *t, int role, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
int tui_reload(struct tui *t);
int tui_reload_with(struct tui *t, int children);
struct child *tui_child(struct tui *t);
int tui_hung_up(void);
void tui_select_child(struct tui *t, int idx);
void tui_view_show(struct tui *t, enum view v);
int tui_overlay_show(struct tui *t, enum modal m);
void tui_overlay_hide(struct tui *t);

/* search.c */
int search_action(struct tui *t, enum action a);
int search_typing(const struct tui *t);
int search_key(struct tui *t, int is_key, wint_t ch);
int search_kept(const struct tui *t);
void search_forget(struct tui *t, int over);
void search_status(const struct tui *t, char *out, size_t outsz);
void search_mark(struct tui *t, struct doc *d, WINDOW *w, int y0, int x0, int height, int width);

/* help.c */
int overlay_doc_key(struct tui *t, enum action a);

/* form.c */
int form_child_open(struct tui *t, int edit);
int form_milestone_open(struct tui *t, const struct milestone_entry *m);
int form_milestone_fix_open(struct tui *t, const struct milestone_entry *h);
int form_activity_open(struct tui *t, const struct activity *a, day_t day);
int form_appointment_open(struct tui *t, long long id, day_t day);
int form_entry_open(struct tui *t, long long id);
int form_report_open(struct tui *t);
int form_note_open(struct tui *t, long long corrects);
int form_goal_open(struct tui *t);
int form_goal_status_open(struct tui *t, long long id, int version, const char *status, const char *text);
int form_program_open(struct tui *t, const struct activity *a);
int form_assign_open(struct tui *t);
int form_delete_child_open(struct tui *t);
int form_edit_in_editor(struct tui *t);
void form_save_draft(struct tui *t);
/* Keep the open form's text on a hang-up (a private file first, then the
 * database if free at once); 0 when kept, else -1 and why. */
int form_keep_draft(struct tui *t, char *why, size_t whysz);
/* Take drafts kept in files at hang-ups into the database (at start). */
void form_merge_drafts(struct tui *t);
int form_key(struct tui *t, int is_key, wint_t ch);
void form_draw(struct tui *t);
enum hint_place form_hint_place(struct tui *t);
void form_close(struct tui *t);
void form_suspend(struct tui *t);
void form_resume(struct tui *t);
WINDOW *form_window(struct tui *t);

#endif
