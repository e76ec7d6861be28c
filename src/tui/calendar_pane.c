/* The calendar pane: a month grid with logged days marked, and the day's
 * entries. Load reads the whole month, so moving within it reads nothing. */
#include <stdio.h>
#include <string.h>
#include "toddle/calendar.h"
#include "toddle/text.h"
#include "toddle/tummy.h"
#include "tui/pane.h"

/* The calendar's own state: the cursor and the month read around it. */
struct cal_state {
	day_t day;                   /* the cursor */
	day_t first;                 /* the first day of the month read, 0: none */
	int ndays;
	unsigned char marks[31];
	struct cal_entry *e[31];     /* each day's entries */
	int n[31];
	char tummy[31][200];         /* each day's tummy-time line, "" when it does not apply */
};

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

/* Draw the month grid and the entries of the cursor's day from the month read. */
static void cal_draw(struct tui *t, void *state, WINDOW *w, int h, int width)
{
	static const char *const mon[] = { "Mo", "Tu", "We", "Th", "Fr", "Sa", "Su" };
	static const char *const sun[] = { "Su", "Mo", "Tu", "We", "Th", "Fr", "Sa" };
	const char *const *heads = t->app->set.week_starts_sunday ? sun : mon;
	struct cal_state *s = state;
	day_t first = month_start(s->day);
	int y, m, d, ndays, n = 0, k = (int)(s->day - first), row = 3;
	int yr;
	const struct cal_entry *e = NULL;
	char buf[120], ds[11];

	date_to_ymd(s->day, &y, &m, &d);
	ndays = date_days_in_month(y, m);
	if (first == s->first) {
		e = s->e[k];
		n = s->n[k];
	}
	snprintf(buf, sizeof buf, "%s %d", month_names[m - 1], y);
	draw_text(w, 1, 2, 28, T_HEADING, buf);
	for (int i = 0; i < 7; i++)
		draw_text(w, 2, 2 + i * 4, 4, T_DIM, heads[i]);
	for (int i = 0; i < ndays; i++) {
		day_t day = first + i;
		int col = column_of(t, day), role = T_NORMAL;
		unsigned char mk = first == s->first ? s->marks[i] : 0;
		const char *mark = " ";

		if (i > 0 && col == 0)
			row++;
		if (mk & CAL_APPOINTMENT)
			mark = mk == CAL_APPOINTMENT ? "@" : "#", role = T_HEADING;
		else if (mk == (CAL_MILESTONE | CAL_ACTIVITY))
			mark = "#", role = T_MARK_MS;
		else if (mk & CAL_MILESTONE)
			mark = "*", role = T_MARK_MS;
		else if (mk & CAL_ACTIVITY)
			mark = "+", role = T_MARK_ACT;
		if (day == t->app->today)
			role = T_TODAY;
		if (day == s->day)
			role = T_SELECTED;
		snprintf(buf, sizeof buf, "%2d%s", i + 1, mark);
		draw_text(w, row, 2 + col * 4, 3, role, buf);
	}
	yr = 10;
	yr += draw_hints(w, yr, 2, width - 4, 2, T_DIM, "* milestone  + activity  @ appointment  # more");
	date_format(s->day, ds);
	snprintf(buf, sizeof buf, "%s%s", ds, s->day == t->app->today ? " (today)" : "");
	draw_text(w, yr++, 2, width - 4, T_HEADING, buf);
	for (int i = 0; i < n && yr < h - 1; i++) {
		char clean[600];

		if (i + 1 < n && yr == h - 2) {
			/* no room for the rest: point at the day's own window */
			snprintf(clean, sizeof clean, "%d more: Enter opens the day", n - i);
			draw_text(w, yr++, 2, width - 4, T_DIM, clean);
			break;
		}
		text_sanitize(e[i].text, clean, sizeof clean);
		draw_text(w, yr, 2, 2, T_NORMAL, e[i].kind == CAL_MILESTONE ? "*" : e[i].kind == CAL_ACTIVITY ? "+" : "@");
		yr += draw_wrap(w, yr, 4, width - 6, h - 1 - yr, T_NORMAL, clean);
	}
	if (n == 0 && yr < h - 1)
		yr += draw_wrap(w, yr, 2, width - 4, h - 1 - yr, T_DIM,
				"Nothing logged on this day. Enter: log or plan; n: appointment.");
	/* the day's tummy time last: what happened comes first when rows are few */
	if (first == s->first && s->tummy[k][0] && yr < h - 1)
		draw_wrap(w, yr, 2, width - 4, h - 1 - yr, T_DIM, s->tummy[k]);
}

/* Free the month read. */
static void cal_free(void *state)
{
	struct cal_state *s = state;

	for (int i = 0; i < 31; i++) {
		calendar_entries_free(s->e[i], s->n[i]);
		s->e[i] = NULL;
		s->n[i] = 0;
		s->tummy[i][0] = '\0';
	}
	memset(s->marks, 0, sizeof s->marks);
	s->first = 0;
}

/* Read the cursor's month: its marks, and each day's entries and tummy time. */
static int cal_load(struct tui *t, void *state)
{
	struct cal_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;
	struct tummy tm[31];
	int y, m, d;

	cal_free(s);
	if (!c)
		return 0;
	s->first = month_start(s->day);
	date_to_ymd(s->day, &y, &m, &d);
	s->ndays = date_days_in_month(y, m);
	if (calendar_marks(t->app->db, c->id, s->first, s->ndays, s->marks, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	if (tummy_range(t->app->db, c, s->first, s->ndays, t->app->set.correct_until_months, tm, &err) == TDL_OK)
		for (int i = 0; i < s->ndays; i++)
			tummy_format(&tm[i], s->tummy[i], sizeof s->tummy[i]);
	if (calendar_range(t->app->db, c->id, s->first, s->ndays, s->e, s->n, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	return 0;
}

/* Back to today. */
static void cal_reset(struct tui *t, void *state)
{
	struct cal_state *s = state;

	s->day = t->app->today;
}

/* The calendar's cursor. */
day_t calendar_pane_day(struct tui *t)
{
	struct cal_state *s = pane_state(t, P_CALENDAR);

	return s->day;
}

/* Put the calendar's cursor on day (read at the next load). */
void calendar_pane_set_day(struct tui *t, day_t day)
{
	struct cal_state *s = pane_state(t, P_CALENDAR);

	s->day = day;
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

/* Move the cursor: a redraw within the month read, a load outside it. */
static int cal_move(struct cal_state *s, day_t day)
{
	s->day = day;
	return month_start(day) == s->first ? R_DRAW : R_SELF;
}

/* Handle a key in the calendar pane. */
static int cal_key(struct tui *t, void *state, enum action a)
{
	struct cal_state *s = state;

	switch (a) {
	case DO_LEFT:
		return cal_move(s, s->day - 1);
	case DO_RIGHT:
		return cal_move(s, s->day + 1);
	case DO_UP:
		return cal_move(s, s->day - 7);
	case DO_DOWN:
		return cal_move(s, s->day + 7);
	case DO_PREV:
	case DO_PGUP:
		return cal_move(s, add_months(s->day, -1));
	case DO_NEXT:
	case DO_PGDN:
		return cal_move(s, add_months(s->day, 1));
	case DO_TODAY:
	case DO_HOME:
		return cal_move(s, t->app->today);
	case DO_OPEN:
		return tui_overlay_show(t, M_DAY);
	case DO_NEW:
		return form_appointment_open(t, 0, s->day);
	default:
		return R_NONE;
	}
}

const struct pane_ops calendar_pane = {
	.title = "Calendar",
	.hints = HP_CALENDAR,
	.state_size = sizeof(struct cal_state),
	.needs_child = 1,
	.reset = cal_reset,
	.load = cal_load,
	.draw = cal_draw,
	.key = cal_key,
	.free = cal_free,
};
