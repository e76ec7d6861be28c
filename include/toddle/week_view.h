/* The week screen as one model: what `toddle week` prints and the week pane
 * draws, read in one call and worded once. */
#ifndef TODDLE_WEEK_VIEW_H
#define TODDLE_WEEK_VIEW_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/child.h"
#include "toddle/err.h"
#include "toddle/picks.h"
#include "toddle/program.h"
#include "toddle/tummy.h"
#include "toddle/week.h"

/* A buffer this size always holds a whole line of the view (a name, a
 * library title and their wording). */
#define WEEK_VIEW_LINE_MAX 2400
#define WEEK_VIEW_WORDS_MAX 80

/* Everything the week screen shows for one child on one day. */
struct week_view {
	struct child child;
	day_t today;
	struct child_age age;
	char age_words[WEEK_VIEW_WORDS_MAX];  /* "4 months (21 weeks)" */
	char cage_words[WEEK_VIEW_WORDS_MAX]; /* the corrected age, "" when it does not apply */
	int own_week;              /* the child's library week today */
	int week;                  /* the week shown: own_week unless another was asked for */
	int has_note;              /* 0 when the library has no note for the week */
	struct week_note note;
	struct activity *acts;     /* the week's activities, by domain and title */
	int nacts;
	day_t *done;               /* per activity: the last day done this week, or -1 */
	int picks[PICKS_MAX];      /* the plan for the week: indexes into acts, ascending */
	int npicks;
	struct appointment *appts; /* today's and tomorrow's, by time */
	int nappts;
	struct program *prog;      /* home program entries active in today's week */
	int nprog;
	struct tummy tummy;        /* today's tummy time against the WHO guidance */
};

/* Read the week view of child c on day today: the child's own week when week
 * is -1, else that week (0..WEEK_MAX). On failure *out still holds the age
 * facts, lists are empty, and week_view_free is safe. */
int week_view_load(sqlite3 *db, const struct child *c, day_t today, int week,
		   int correct_until_months, struct week_view *out, struct tdl_err *err);

/* Free what the view holds and leave it empty. */
void week_view_free(struct week_view *v);

/* The lines below fill out (outsz bytes) and return the length the whole
 * line needs, as snprintf does; "" when the fact does not apply. */

/* "Ada: 4 months (21 weeks); corrected age 13 weeks 1 day (born at 32 weeks)". */
int week_view_age_line(const struct week_view *v, char *out, size_t outsz);

/* "Week 13: Title", or "Week 13" when the library has no note. */
int week_view_title_line(const struct week_view *v, char *out, size_t outsz);

/* Why the week follows the corrected age, while it does. */
int week_view_corrected_line(const struct week_view *v, char *out, size_t outsz);

/* The sentence for a week the library has no note for. */
const char *week_view_no_note(void);

/* "Today 09:30: Physio, Clinic" ("Today all day: ..." without a time) for appointment i. */
int week_view_appointment_line(const struct week_view *v, int i, char *out, size_t outsz);

/* "Drum on pots: 2 a day, this week 3 of 14" for program entry i. */
int week_view_program_line(const struct week_view *v, int i, char *out, size_t outsz);

/* "Title  (domain, 10 min)" for activity i, with "; done today" or "; done
 * Mon" inside the brackets when it was done this week (today and the 6 days
 * before). */
int week_view_activity_line(const struct week_view *v, int i, char *out, size_t outsz);

/* "done today", "done Mon" or "" for activity i. */
int week_view_done_words(const struct week_view *v, int i, char *out, size_t outsz);

/* The heading of the plan: "Picked for Mia this week (5)". */
int week_view_picks_heading(const struct week_view *v, char *out, size_t outsz);

/* The heading of the whole list: "All 29 activities for this age". */
int week_view_all_heading(const struct week_view *v, char *out, size_t outsz);

/* Today's tummy-time line, or "" when the guidance does not apply. */
int week_view_tummy_line(const struct week_view *v, char *out, size_t outsz);

#endif
