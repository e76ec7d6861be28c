/* The calendar pane: a month grid with logged days marked, and the day's entries. */
#include <stdio.h>
#include <string.h>
#include "toddle/calendar.h"
#include "toddle/text.h"
#include "tui/tui.h"

static const char *const month_names[] = { "January", "February", "March", "April", "May", "June",
	"July", "August", "September", "October", "November", "December" };

/* First day of the month holding day. */
static day_t month_start(day_t day)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	return date_from_ymd(y, m, 1);
}

/* Column (0..6) of a day under the week-start setting. */
static int column_of(struct tui *t, day_t day)
{
	int wd = date_weekday(day);

	return t->app->set.week_starts_sunday ? (wd + 1) % 7 : wd;
}

/* Draw the month grid and the entries of the cursor's day. */
void calendar_pane_draw(struct tui *t)
{
	static const char *const mon[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	static const char *const sun[] = { "Su", "Mo", "Tu", "We", "Th", "Fr", "Sa" };
	const char *const *heads = t->app->set.week_starts_sunday ? sun : mon;
	struct child *c = tui_child(t);
	unsigned char marks[31];
	struct cal_entry *e = NULL;
	struct tdl_err err;
	day_t first = month_start(t->cal_day);
	int y, m, d, h, w, ndays, n = 0, row = 3;
	char buf[120], ds[11];

	getmaxyx(t->main, h, w);
	date_to_ymd(t->cal_day, &y, &m, &d);
	ndays = date_days_in_month(y, m);
	if (calendar_marks(t->app->db, c->id, first, ndays, marks, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	snprintf(buf, sizeof buf, "%s %d", month_names[m - 1], y);
	draw_text(t->main, 1, 2, 28, T_HEADING, buf);
	for (int i = 0; i < 7; i++)
		draw_text(t->main, 2, 2 + i * 4, 4, T_DIM, heads[i]);
	for (int i = 0; i < ndays; i++) {
		day_t day = first + i;
		int col = column_of(t, day), role = T_NORMAL;
		const char *mark = " ";

		if (i > 0 && col == 0)
			row++;
		if (marks[i] & CAL_APPOINTMENT)
			mark = marks[i] == CAL_APPOINTMENT ? "@" : "#", role = T_HEADING;
		else if (marks[i] == (CAL_MILESTONE | CAL_ACTIVITY))
			mark = "#", role = T_MARK_MS;
		else if (marks[i] & CAL_MILESTONE)
			mark = "*", role = T_MARK_MS;
		else if (marks[i] & CAL_ACTIVITY)
			mark = "+", role = T_MARK_ACT;
		if (day == t->app->today)
			role = T_TODAY;
		if (day == t->cal_day)
			role = T_SELECTED;
		snprintf(buf, sizeof buf, "%2d%s", i + 1, mark);
		draw_text(t->main, row, 2 + col * 4, 3, role, buf);
	}
	draw_text(t->main, 10, 2, w - 4, T_DIM, "* milestone  + activity  @ appointment  # more");
	date_format(t->cal_day, ds);
	snprintf(buf, sizeof buf, "%s%s", ds, t->cal_day == t->app->today ? " (today)" : "");
	draw_text(t->main, 11, 2, w - 4, T_HEADING, buf);
	tummy_line(t, t->cal_day, buf, sizeof buf);
	draw_text(t->main, 12, 2, w - 4, T_DIM, buf);
	if (calendar_day(t->app->db, c->id, t->cal_day, &e, &n, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	for (int i = 0; i < n && 13 + i < h - 1; i++) {
		char line[600];

		snprintf(line, sizeof line, "%s %s", e[i].kind == CAL_MILESTONE ? "*" : e[i].kind == CAL_ACTIVITY ? "+" : "@",
			 e[i].text);
		{
			char clean[600];

			text_sanitize(line, clean, sizeof clean);
			draw_text(t->main, 13 + i, 2, w - 4, T_NORMAL, clean);
		}
	}
	if (n == 0)
		draw_text(t->main, 13, 2, w - 4, T_DIM, "Nothing logged on this day. Enter: log or plan; n: appointment.");
	calendar_entries_free(e, n);
}

/* Move the cursor by months, keeping the day where the month allows. */
static day_t add_months(day_t day, int delta)
{
	int y, m, d;

	date_to_ymd(day, &y, &m, &d);
	m += delta;
	while (m < 1)
		m += 12, y--;
	while (m > 12)
		m -= 12, y++;
	if (d > date_days_in_month(y, m))
		d = date_days_in_month(y, m);
	return date_valid(y, m, d) ? date_from_ymd(y, m, d) : day;
}

/* Handle a key in the calendar pane. */
int calendar_pane_key(struct tui *t, enum action a)
{
	switch (a) {
	case DO_LEFT:
		t->cal_day--;
		return R_DRAW;
	case DO_RIGHT:
		t->cal_day++;
		return R_DRAW;
	case DO_UP:
		t->cal_day -= 7;
		return R_DRAW;
	case DO_DOWN:
		t->cal_day += 7;
		return R_DRAW;
	case DO_PREV:
	case DO_PGUP:
		t->cal_day = add_months(t->cal_day, -1);
		return R_DRAW;
	case DO_NEXT:
	case DO_PGDN:
		t->cal_day = add_months(t->cal_day, 1);
		return R_DRAW;
	case DO_TODAY:
	case DO_HOME:
		t->cal_day = t->app->today;
		return R_DRAW;
	case DO_OPEN:
		if (overlay_open(t, t->rows - 4, t->cols - 8))
			return R_NONE;
		t->modal = M_DAY;
		t->over_doc.sel = -1;
		t->over_doc.top = 0;
		t->confirm_id = 0;
		return R_DRAW;
	case DO_NEW:
		return form_appointment_open(t, 0, t->cal_day);
	default:
		return R_NONE;
	}
}
