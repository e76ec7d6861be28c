/* Panes as units (after tig's struct view_ops): each pane is one file that
 * exports its table of functions and keeps its state private. The loop reads
 * the database only through load, and draws only through draw. */
#ifndef TODDLE_TUI_PANE_H
#define TODDLE_TUI_PANE_H

#include "tui/tui.h"

struct pane_ops {
	const char *title;
	enum hint_place hints;
	size_t state_size;   /* the loop allocates this much, zeroed, for the pane's state */
	int needs_child;     /* with no child shown, the welcome is drawn and Enter adds one */
	int width;           /* overlays: the window's width (0: the screen's, less 8) */
	unsigned keymap;     /* overlays: their own keys (enum keymap), looked up first */
	/* back to the child's own week, age or day: at start and when the child changes */
	void (*reset)(struct tui *t, void *state);
	/* read the database into state: on a reload (R_RELOAD), on entering the pane
	 * when it is stale, and when the child changes; -1: an overlay has nothing to show */
	int (*load)(struct tui *t, void *state);
	/* draw into w (height x width, the box is the loop's) from state alone, never SQLite */
	void (*draw)(struct tui *t, void *state, WINDOW *w, int height, int width);
	/* handle one action; returns reaction flags (R_NONE, R_DRAW, R_RELOAD, R_MENU, R_QUIT) */
	int (*key)(struct tui *t, void *state, enum action a);
	/* where the status line's hints are for, when it depends on the selection (may be NULL) */
	enum hint_place (*hint_place)(const struct tui *t, const void *state);
	/* free what state holds (not state itself) */
	void (*free)(void *state);
};

extern const struct pane_ops week_pane, milestone_pane, calendar_pane, class_pane, guide_pane,
	caseload_pane, record_pane, help_overlay, detail_overlay, class_overlay, day_overlay;
extern const struct pane_ops catchup_overlay;
extern const struct pane_ops audit_overlay, versions_overlay;

/* pane.c: the table, one entry per enum pane_id. */
extern const struct pane_ops *const pane_table[P_COUNT];

/* The pane that an open overlay is, or -1 for none (or a form). */
int pane_of_modal(enum modal m);

/* A pane's state, for the small functions by which panes ask each other. */
void *pane_state(struct tui *t, enum pane_id p);

/* The list keys every list pane shares (Up, Down, PgUp, PgDn, Space, Home, End,
 * g, G: doc_nav, the same everywhere; nav is kept for callers and not read).
 * An action in picks first selects the top item in view when none is.
 * Returns R_DRAW when the key was a move, else R_NONE. */
enum { NAV_HOME = 1, NAV_END_ITEM = 2, NAV_END_LINE = 4 };
#define NAV_PICK(a) ((unsigned)(a) < 64 ? 1ULL << (a) : 0ULL)
int pane_nav(struct doc *d, enum action a, int height, unsigned long long picks, int nav);

/* The main pane's document drawn inside its box. */
void pane_doc_draw(struct tui *t, struct doc *d, WINDOW *w, int height, int width);

/* week_pane.c: the week view read at the last load (the title bar, the day and
 * detail overlays and the milestone pane read the child's age and activities) */
const struct week_view *week_pane_view(struct tui *t);
const struct activity *week_pane_activity(struct tui *t, int i);
int week_pane_item_activity(struct tui *t, int item);
void week_pane_today(struct tui *t);
void week_pane_welcome(struct tui *t, WINDOW *w, int height, int width);

/* week_search.c: the week view's search of every activity of every age
 * (search.c drives it): open reads them all (one statement), update lists
 * those matching and returns how many, close frees them. While it is open
 * the week pane lists the matches, item k being match k. */
struct week_search {
	struct activity *all; /* every activity of every age */
	int nall;
	int *hits;            /* the activities matching: indexes into all */
	int nhits;
};
struct week_search *week_pane_found(struct tui *t);
void week_search_free(struct week_search *s);
int week_pane_search_open(struct tui *t);
int week_pane_search_update(struct tui *t, const char *query);
void week_pane_search_close(struct tui *t);
/* The activity selected in the week pane (a match while searching), and its
 * index in the week's own list in *week (-1 when it is not this week's). */
const struct activity *week_pane_selected(struct tui *t, int *week);
/* Match k of the search, or NULL. */
const struct activity *week_pane_hit(struct tui *t, int k);

/* detail_pane.c: the activity's document, which the detail window and the
 * week's side column show (week: its index in the week's list, or -1; names:
 * the texts of what it builds toward, from milestone_names) */
void detail_doc_build(struct tui *t, struct doc *d, const struct activity *a, int week,
		      const struct milestone_name *names, int nnames, int width);

/* week_side.c: the open activity beside the week list, from WEEK_SIDE_MIN_COLS
 * columns of terminal on; the week pane keeps it and reads it with the week. */
#define WEEK_SIDE_MIN_COLS 120
struct week_side {
	struct doc doc;                /* the selected activity's document, made at each draw */
	struct milestone_name *names;  /* every checklist item's text, read at the week's load */
	int nnames;
	int read;                      /* 1 once names were read for a wide terminal */
};
int week_side_width(const struct tui *t, int width);
void week_side_load(struct tui *t, struct week_side *side);
int week_side_missing(const struct tui *t, const struct week_side *side);
void week_side_draw(struct tui *t, struct week_side *side, WINDOW *w, int height, int x, int width);
void week_side_free(struct week_side *side);
/* After a resize: the week is read again when its side column now shows unread. */
void week_pane_resized(struct tui *t);
/* The column of the main pane where the side column starts, or -1 when there is none. */
int week_pane_side_x(struct tui *t);

/* calendar_pane.c: the calendar's cursor (the day overlay shows that day) */
day_t calendar_pane_day(struct tui *t);
void calendar_pane_set_day(struct tui *t, day_t day);

/* class_pane.c: class i of the list, or NULL */
const struct class_info *class_pane_class(struct tui *t, int i);
/* Mark class k watched, or take "watched" back when it is (class_detail.c). */
int class_toggle_watched(struct tui *t, const struct class_info *k);

/* caseload_pane.c: the search reads every row's columns first (a team is
 * searched in every row); a resize reads the rows a taller view shows */
void caseload_pane_search_open(struct tui *t);
void caseload_pane_resized(struct tui *t);

/* record_pane.c: the note (its uuid) whose versions the versions window shows */
const char *record_pane_versions(struct tui *t);

/* catchup_pane.c: go through the passed checklists (offered: just after adding
 * the child, with a first screen that asks); the invitation line, read with
 * the week (cheap when nothing changed) and added to a view's document */
int catchup_open(struct tui *t, int offered);
void catchup_invite_load(struct tui *t);
void catchup_invite(struct tui *t, struct doc *d, int width);

/* day_pane.c: the tummy-time line for a day (reads the database: loads only) */
void tummy_line(struct tui *t, day_t day, char *out, size_t outsz);

#endif
