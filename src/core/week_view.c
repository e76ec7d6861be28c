/* The week screen as one model: read in one call, worded once for both faces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/progress.h"
#include "toddle/week_view.h"

/* Fill the facts that need no database: the child, ages and weeks. */
static void view_age(struct week_view *v, const struct child *c, day_t today, int week,
		     int correct_until_months)
{
	v->child = *c;
	v->today = today;
	child_age(c, today, correct_until_months, &v->age);
	child_age_words(v->age.days, v->age.months, v->age_words, sizeof v->age_words);
	if (v->age.corrected)
		child_age_words(v->age.cdays, v->age.cmonths, v->cage_words, sizeof v->cage_words);
	v->own_week = child_week(&v->age);
	v->week = week >= 0 && week <= WEEK_MAX ? week : v->own_week;
}

/* The child's months for the week shown: their own (corrected where it
 * applies) in their own week, else the months that week stands for. */
static int view_months(const struct week_view *v)
{
	if (v->week == v->own_week)
		return v->age.use_months;
	return (int)(v->week * 7 / DAYS_PER_MONTH);
}

/* Read when each activity was done this week and pick the plan. */
static int view_picks(sqlite3 *db, struct week_view *v, struct tdl_err *err)
{
	v->done = malloc((size_t)(v->nacts > 0 ? v->nacts : 1) * sizeof *v->done);
	if (!v->done)
		return err_set(err, TDL_EDATA, "out of memory while picking the week's activities");
	return picks_read(db, &v->child, v->today, v->week, view_months(v), v->acts, v->nacts, v->done,
			  v->picks, &v->npicks, err);
}

/* Read the note, activities and plan, appointments, program and tummy time. */
static int view_read(sqlite3 *db, struct week_view *v, int correct_until_months,
		     struct tdl_err *err)
{
	int rc;

	if ((rc = week_note_get(db, v->week, &v->note, &v->has_note, err)) ||
	    (rc = activity_for_week(db, v->week, &v->acts, &v->nacts, err)) ||
	    (rc = view_picks(db, v, err)) ||
	    (rc = appointment_list(db, v->child.id, v->today, v->today + 1, &v->appts, &v->nappts, err)) ||
	    (rc = program_list(db, &v->child, program_monday(v->today), 0, &v->prog, &v->nprog, err)))
		return rc;
	return tummy_get(db, &v->child, v->today, correct_until_months, &v->tummy, err);
}

/* Free the lists and the note, keeping the age facts. */
static void view_drop_lists(struct week_view *v)
{
	week_note_clear(&v->note);
	memset(&v->note, 0, sizeof v->note);
	v->has_note = 0;
	activity_free_all(v->acts, v->nacts);
	free(v->done);
	v->done = NULL;
	v->npicks = 0;
	appointment_free_all(v->appts, v->nappts);
	program_free(v->prog, v->nprog);
	v->acts = NULL;
	v->appts = NULL;
	v->prog = NULL;
	v->nacts = v->nappts = v->nprog = 0;
	memset(&v->tummy, 0, sizeof v->tummy);
}

/* Read the week view of child c on day today. */
int week_view_load(sqlite3 *db, const struct child *c, day_t today, int week,
		   int correct_until_months, struct week_view *out, struct tdl_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	view_age(out, c, today, week, correct_until_months);
	rc = view_read(db, out, correct_until_months, err);
	if (rc)
		view_drop_lists(out);
	return rc;
}

/* Free what the view holds and leave it empty. */
void week_view_free(struct week_view *v)
{
	view_drop_lists(v);
	memset(v, 0, sizeof *v);
}

/* The age line: name, age, and the corrected age while it applies. */
int week_view_age_line(const struct week_view *v, char *out, size_t outsz)
{
	if (!v->age.corrected)
		return snprintf(out, outsz, "%s: %s", v->child.name, v->age_words);
	return snprintf(out, outsz, "%s: %s; corrected age %s (born at %d weeks)", v->child.name,
			v->age_words, v->cage_words, v->age.ga_weeks);
}

/* The week's heading: its number and the note's title. */
int week_view_title_line(const struct week_view *v, char *out, size_t outsz)
{
	if (!v->has_note)
		return snprintf(out, outsz, "Week %d", v->week);
	return snprintf(out, outsz, "Week %d: %s", v->week, v->note.title);
}

/* Why the week follows the corrected age, while it does. */
int week_view_corrected_line(const struct week_view *v, char *out, size_t outsz)
{
	return snprintf(out, outsz, "%s",
			v->age.corrected ? "Born early, so toddle uses the corrected age to pick the week." : "");
}

/* The sentence for a week the library has no note for. */
const char *week_view_no_note(void)
{
	return "no weekly note for this week in the library yet";
}

/* One appointment of today or tomorrow. */
int week_view_appointment_line(const struct week_view *v, int i, char *out, size_t outsz)
{
	const struct appointment *a = &v->appts[i];
	char tm[6];

	return snprintf(out, outsz, "%s %s: %s%s%s", a->day == v->today ? "Today" : "Tomorrow",
			appointment_time_words(a->time, "all day", tm), a->title, a->place[0] ? ", " : "", a->place);
}

/* One home program entry with this week's count. */
int week_view_program_line(const struct week_view *v, int i, char *out, size_t outsz)
{
	const struct program *p = &v->prog[i];

	return snprintf(out, outsz, "%s: %d a %s, this week %d of %d", p->title, p->times,
			p->per_week ? "week" : "day", p->done, p->planned);
}

/* "done today", "done Mon" or "" for activity i. */
int week_view_done_words(const struct week_view *v, int i, char *out, size_t outsz)
{
	return picks_done_words(v->done ? v->done[i] : -1, v->today, out, outsz);
}

/* One activity of the week, as the week screen lists it, with its done mark. */
int week_view_activity_line(const struct week_view *v, int i, char *out, size_t outsz)
{
	const struct activity *a = &v->acts[i];
	char mark[40];

	if (week_view_done_words(v, i, mark, sizeof mark) > 0)
		return snprintf(out, outsz, "%s  (%s, %d min; %s)", a->title, a->domain, a->minutes, mark);
	return snprintf(out, outsz, "%s  (%s, %d min)", a->title, a->domain, a->minutes);
}

/* The heading of the plan for the week. */
int week_view_picks_heading(const struct week_view *v, char *out, size_t outsz)
{
	return snprintf(out, outsz, "Picked for %s this week (%d)", v->child.name, v->npicks);
}

/* The heading of the week's whole list. */
int week_view_all_heading(const struct week_view *v, char *out, size_t outsz)
{
	return snprintf(out, outsz, "All %d activities for this age", v->nacts);
}

/* Today's tummy-time line, or "". */
int week_view_tummy_line(const struct week_view *v, char *out, size_t outsz)
{
	return tummy_format(&v->tummy, out, outsz);
}
