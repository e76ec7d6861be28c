/* The milestone screen as one model: what `toddle milestone list` prints and
 * the milestone pane draws, read in one call and worded once. */
#ifndef TODDLE_MILESTONE_VIEW_H
#define TODDLE_MILESTONE_VIEW_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"
#include "toddle/milestone.h"
#include "toddle/progress.h"

/* Everything the milestone screen shows for one child on one day. */
struct milestone_view {
	struct child child;
	day_t today;
	struct child_age age;
	int *ages;                     /* the library's checklist ages, ascending */
	int nages;
	int own_age;                   /* the child's months (corrected where it applies) */
	int check_age;                 /* the checklist age shown */
	struct milestone_entry *items; /* that checklist, with the latest status of each */
	int nitems;
	struct milestone_entry *history; /* every record of the child, oldest first */
	int nhistory;
	struct flag *flags;            /* worth talking about */
	int nflags;
	struct who_window *windows;    /* the six WHO motor windows */
	int nwindows;
	double age_months;             /* for the windows' axis */
	struct progress *progress;     /* achieved of all items up to own_age, by domain */
	int nprogress;
};

/* Which checklist the view holds. */
struct milestone_view_ask {
	int check_age;                 /* 0: the latest one the child has reached, or the first */
	int up_to;                     /* 1: every item from birth through the checklist
					  the child is working towards (check_age 0) or check_age */
	int correct_until_months;
};

/* Read the milestone view of child c on day today. On failure the view is
 * empty and milestone_view_free is safe. */
int milestone_view_load(sqlite3 *db, const struct child *c, day_t today,
			const struct milestone_view_ask *ask, struct milestone_view *out, struct tdl_err *err);

/* Show another checklist age in a loaded view: only its items are read again
 * (the concerns, windows, history and progress do not depend on it). On failure
 * the view is freed, as milestone_view_load leaves it. */
int milestone_view_recheck(sqlite3 *db, struct milestone_view *v, int check_age, struct tdl_err *err);

/* Free what the view holds and leave it empty. */
void milestone_view_free(struct milestone_view *v);

/* The checklist age before (dir -1) or after (dir 1) the one shown, or -1. */
int milestone_view_step(const struct milestone_view *v, int dir);

/* The lines below fill out (outsz bytes) and return the length the whole
 * line needs, as snprintf does. */

/* One earlier record of an item: "2026-10-01 emerging, by alice: a little",
 * then " (corrected by bob, 2026-11-30 10:12 UTC)" or " (removed by ...)". */
int milestone_view_history_line(const struct milestone_entry *h, char *out, size_t outsz);

/* The word for an entry's state in lists: in-force, corrected or removed. */
const char *milestone_entry_state_name(enum ms_entry_state st);

/* Where the child is with one WHO window: "achieved 2026-08-01 (as cdc-9m-mp-sits-alone)",
 * "passed by a later skill: Walks alone", "emerging", "not yet", "not recorded". */
int milestone_view_window_state(const struct milestone_view *v, const struct who_window *w, char *out,
				size_t outsz);

/* A flag's area and who usually helps: "Movement (a physical therapist usually helps)". */
int milestone_view_area_line(const struct flag *f, char *out, size_t outsz);

/* One flag, calmly: "Seen before, not now: ...", "... (most children by 11.4 months)". */
int milestone_view_flag_line(const struct flag *f, char *out, size_t outsz);

/* The word a flag's kind has in lists: lost-skill, checklist or who-window. */
const char *milestone_view_flag_kind(enum flag_kind k);

/* Where the child is on the WHO axis: "| marks Mia now: 3.0 months (corrected). ...". */
int milestone_view_now_line(const struct milestone_view *v, char *out, size_t outsz);

/* One domain's progress: "Movement           3 of 8 achieved". */
int milestone_view_progress_line(const struct progress *p, char *out, size_t outsz);

#endif
