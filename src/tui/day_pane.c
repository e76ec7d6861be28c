/* The day window of the calendar: its entries, to correct or remove, and
 * activities to log on that day; tummy time against the WHO guidance. */
#include <stdio.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/program.h"
#include "toddle/tummy.h"
#include "tui/tui.h"

/* The tummy-time line for a day (worded in core), or "" when it does not apply. */
void tummy_line(struct tui *t, day_t day, char *out, size_t outsz)
{
	struct child *c = tui_child(t);
	struct tummy tm;
	struct tdl_err err;

	out[0] = '\0';
	if (c && tummy_get(t->app->db, c, day, t->app->set.correct_until_months, &tm, &err) == TDL_OK)
		tummy_format(&tm, out, outsz);
}

/* Free the open day's entries. */
void day_free(struct tui *t)
{
	calendar_entries_free(t->day, t->nday);
	t->day = NULL;
	t->nday = 0;
}

/* The home program entries that run on the open day. */
static void day_program(struct tui *t, const struct child *c, int width)
{
	struct program *p;
	struct tdl_err err;
	char line[300];
	int n;

	if (program_list(t->app->db, c, program_monday(t->cal_day), 0, &p, &n, &err))
		return;
	for (int i = 0; i < n; i++) {
		if (p[i].start > t->cal_day || (p[i].has_stop && p[i].stop < t->cal_day))
			continue;
		snprintf(line, sizeof line, "Home program: %s, %d a %s (this week %d of %d)", p[i].title, p[i].times,
			 p[i].per_week ? "week" : "day", p[i].done, p[i].planned);
		doc_wrap(&t->over_doc, T_HEADING, -1, "", line, width);
	}
	program_free(p, n);
}

/* Build the day window: entries (items 0..nday-1), then activities to log. */
void day_build(struct tui *t)
{
	struct child *c = tui_child(t);
	struct tdl_err err;
	int width = getmaxx(t->over) - 4;
	char d[11], line[300];

	day_free(t);
	doc_reset(&t->over_doc);
	if (!c)
		return;
	date_format(t->cal_day, d);
	doc_add(&t->over_doc, T_HEADING, -1, "%s%s", d, t->cal_day == t->app->today ? " (today)" : "");
	tummy_line(t, t->cal_day, line, sizeof line);
	if (line[0])
		doc_wrap(&t->over_doc, T_DIM, -1, "", line, width);
	day_program(t, c, width);
	if (calendar_day(t->app->db, c->id, t->cal_day, &t->day, &t->nday, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	for (int i = 0; i < t->nday; i++) {
		const char *mark = t->day[i].kind == CAL_MILESTONE ? "* " : t->day[i].kind == CAL_ACTIVITY ? "+ " : "@ ";

		snprintf(line, sizeof line, "%s%s", t->day[i].text,
			 t->confirm_id == t->day[i].id ? "   (press x again to remove)" : "");
		doc_wrap(&t->over_doc, T_NORMAL, i, mark, line, width);
	}
	if (t->nday == 0)
		doc_add(&t->over_doc, T_DIM, -1, "Nothing logged on this day yet.");
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_HEADING, -1, "Log an activity on this day");
	for (int i = 0; i < t->wv.nacts; i++) {
		snprintf(line, sizeof line, "%s (%s, %d min)", t->wv.acts[i].title, t->wv.acts[i].domain, t->wv.acts[i].minutes);
		doc_wrap(&t->over_doc, T_NORMAL, t->nday + i, "  ", line, width);
	}
}

/* Remove the selected entry after a second press. */
static int day_delete(struct tui *t, const struct cal_entry *e)
{
	struct tdl_err err;
	int rc;

	if (e->kind == CAL_MILESTONE) {
		tui_message(t, T_DIM, "Milestone records are kept as history: log a new status from the milestones view.");
		return R_DRAW;
	}
	if (t->confirm_id != e->id) {
		t->confirm_id = e->id;
		tui_message(t, T_NORMAL, "Press x again to remove this entry.");
		return R_DRAW;
	}
	t->confirm_id = 0;
	rc = e->kind == CAL_APPOINTMENT ? appointment_delete(t->app->db, e->id, e->version, &err)
					: activity_entry_delete(t->app->db, e->id, e->version, &err);
	if (rc)
		tui_message(t, T_ERROR, "%s", err.msg);
	else
		tui_message(t, T_OK, "Removed.");
	return R_RELOAD;
}

/* Keys while a day is open. */
int day_key(struct tui *t, enum action a)
{
	int h = getmaxy(t->over) - 2, sel;

	if (a != DO_DELETE)
		t->confirm_id = 0;
	if ((a == DO_OPEN || a == DO_DELETE) && t->over_doc.sel < 0)
		doc_move(&t->over_doc, 0, h);
	sel = t->over_doc.sel;
	if (doc_nav(&t->over_doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_NEW:
		return form_appointment_open(t, 0, t->cal_day);
	case DO_DELETE:
		if (sel >= 0 && sel < t->nday)
			return day_delete(t, &t->day[sel]);
		return R_NONE;
	case DO_OPEN:
		if (sel >= 0 && sel < t->nday) {
			if (t->day[sel].kind == CAL_APPOINTMENT)
				return form_appointment_open(t, t->day[sel].id, t->cal_day);
			if (t->day[sel].kind == CAL_ACTIVITY)
				return form_entry_open(t, t->day[sel].id);
			tui_message(t, T_DIM, "Milestone records are kept as history: log a new status from the milestones view.");
			return R_DRAW;
		}
		if (sel >= t->nday && sel - t->nday < t->wv.nacts)
			return form_activity_open(t, &t->wv.acts[sel - t->nday], t->cal_day);
		return R_NONE;
	case DO_BACK:
	case DO_QUIT:
		overlay_close(t);
		t->modal = M_NONE;
		return R_DRAW;
	default:
		return R_NONE;
	}
}
