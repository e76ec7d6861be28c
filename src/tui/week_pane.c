/* The week pane: the weekly note and the week's activities; activity details. */
#include <stdio.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/program.h"
#include "toddle/week.h"
#include "tui/tui.h"

/* Usable text width of the main pane. */
static int pane_width(struct tui *t)
{
	int h, w;

	getmaxyx(t->main, h, w);
	(void)h;
	return w - 4;
}

/* Height of the main pane's inside. */
static int pane_height(struct tui *t)
{
	int h, w;

	getmaxyx(t->main, h, w);
	(void)w;
	return h - 2;
}

/* The welcome text when there is no child yet. */
static void build_welcome(struct tui *t, int width)
{
	doc_add(&t->doc, T_HEADING, -1, "Welcome to toddle");
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_NORMAL, -1, "",
		 "Toddle shows what fits your baby's age this week: a short note on what is typical "
		 "now and what can wait, and a few playful activities to try together.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_HEADING, -1, "", "Press a (or Enter) to add your child.", width);
}

/* The home program from the child's therapist, with this week's count. */
static void build_program(struct tui *t, const struct child *c, int width)
{
	struct program *p;
	struct tdl_err err;
	char line[400];
	int n;

	if (program_list(t->app->db, c, program_monday(t->app->today), 0, &p, &n, &err) || n == 0)
		return;
	doc_add(&t->doc, T_HEADING, -1, "Home program");
	for (int i = 0; i < n; i++) {
		snprintf(line, sizeof line, "%s: %d a %s, this week %d of %d", p[i].title, p[i].times,
			 p[i].per_week ? "week" : "day", p[i].done, p[i].planned);
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", line, width);
	}
	program_free(p, n);
}

/* Today's and tomorrow's appointments and today's tummy time, for the child. */
static void build_upcoming(struct tui *t, const struct child *c, int width)
{
	struct appointment *a;
	struct tdl_err err;
	char line[400], tm[6];
	int n;

	if (appointment_list(t->app->db, c->id, t->app->today, t->app->today + 1, &a, &n, &err) == 0) {
		for (int i = 0; i < n; i++) {
			appointment_format_time(a[i].time, tm);
			snprintf(line, sizeof line, "%s %s: %s%s%s", a[i].day == t->app->today ? "Today" : "Tomorrow",
				 tm, a[i].title, a[i].place[0] ? ", " : "", a[i].place);
			doc_wrap(&t->doc, T_HEADING, -1, "@ ", line, width);
		}
		appointment_free_all(a, n);
	}
	tummy_line(t, t->app->today, line, sizeof line);
	if (line[0])
		doc_wrap(&t->doc, T_DIM, -1, "", line, width);
	build_program(t, c, width);
}

/* Build the week document for the shown child. */
void week_pane_build(struct tui *t)
{
	struct child *c = tui_child(t);
	struct week_note note;
	struct tdl_err err;
	int width = pane_width(t), found = 0, own;

	doc_reset(&t->doc);
	if (!c) {
		build_welcome(t, width);
		return;
	}
	{
		struct child_age a;

		child_age(c, t->app->today, t->app->set.correct_until_months, &a);
		own = child_week(&a);
		if (week_note_get(t->app->db, t->week, &note, &found, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		doc_add(&t->doc, T_HEADING, -1, "Week %d%s%s", t->week, found ? ": " : "",
			found ? note.title : "");
		if (a.corrected)
			doc_wrap(&t->doc, T_DIM, -1, "",
				 "Born early, so toddle uses the corrected age to pick the week.", width);
	}
	if (t->week != own)
		doc_add(&t->doc, T_DIM, -1, "(%s is in week %d: press t to go back)", c->name, own);
	build_upcoming(t, c, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	if (found) {
		doc_add(&t->doc, T_HEADING, -1, "Typical now");
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", note.typical, width);
		doc_add(&t->doc, T_HEADING, -1, "Focus on");
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", note.focus, width);
		doc_add(&t->doc, T_HEADING, -1, "Can wait");
		doc_wrap(&t->doc, T_NORMAL, -1, "  ", note.can_wait, width);
		week_note_clear(&note);
	} else {
		doc_wrap(&t->doc, T_DIM, -1, "  ", "The library has no note for this week yet.", width);
	}
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Activities to try (%d)", t->nacts);
	for (int i = 0; i < t->nacts; i++) {
		char line[300];

		snprintf(line, sizeof line, "%s  (%s, %d min)", t->acts[i].title, t->acts[i].domain,
			 t->acts[i].minutes);
		doc_wrap(&t->doc, T_NORMAL, i, "  ", line, width);
	}
	if (t->doc.sel >= t->nacts)
		t->doc.sel = t->nacts - 1;
}

/* Build the detail document for one activity. */
void detail_build(struct tui *t, const struct activity *a)
{
	int h, width, k = 1;
	char ms[300];

	getmaxyx(t->over, h, width);
	(void)h;
	width -= 4;
	doc_reset(&t->over_doc);
	t->over_doc.sel = -1;
	t->over_doc.top = 0;
	doc_wrap(&t->over_doc, T_HEADING, -1, "", a->title, width);
	snprintf(ms, sizeof ms, "%s · %s · weeks %d-%d · about %d minutes", a->domain,
		 a->discipline, a->week_from, a->week_to, a->minutes);
	doc_wrap(&t->over_doc, T_DIM, -1, "", ms, width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_HEADING, -1, "You need");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->materials, width);
	doc_add(&t->over_doc, T_HEADING, -1, "Steps");
	for (const char *s = a->steps; s && *s; k++) {
		const char *nl = strchr(s, '\n');
		char step[2100], prefix[16];

		snprintf(step, sizeof step, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		snprintf(prefix, sizeof prefix, "  %d. ", k);
		doc_wrap(&t->over_doc, T_NORMAL, -1, prefix, step, width);
		s = nl ? nl + 1 : s + strlen(s);
	}
	doc_add(&t->over_doc, T_HEADING, -1, "Why it helps");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->why, width);
	if (a->easier && *a->easier) {
		doc_add(&t->over_doc, T_HEADING, -1, "Easier");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->easier, width);
	}
	if (a->harder && *a->harder) {
		doc_add(&t->over_doc, T_HEADING, -1, "Harder");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->harder, width);
	}
	if (a->safety && *a->safety) {
		doc_add(&t->over_doc, T_ERROR, -1, "Safety");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", a->safety, width);
	}
	if (a->builds && *a->builds) {
		doc_add(&t->over_doc, T_HEADING, -1, "Builds toward");
		for (const char *p = a->builds; *p;) {
			size_t len = strcspn(p, " ,");
			char id[80];

			snprintf(id, sizeof id, "%.*s", (int)(len < sizeof id ? len : sizeof id - 1), p);
			if (len && milestone_text(t->app->db, id, ms, sizeof ms) == 0)
				doc_wrap(&t->over_doc, T_NORMAL, -1, "  - ", ms, width);
			p += len;
			p += strspn(p, " ,");
		}
	}
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_DIM, -1, "d: done today   o: log with how it went   Esc: close");
}

/* Open the selected activity's details. */
static int open_detail(struct tui *t)
{
	if (t->doc.sel < 0 || t->doc.sel >= t->nacts)
		return R_NONE;
	if (overlay_open(t, t->rows - 4, t->cols - 8))
		return R_NONE;
	detail_build(t, &t->acts[t->doc.sel]);
	t->modal = M_DETAIL;
	return R_DRAW;
}

/* Show another week. */
static int go_week(struct tui *t, int week)
{
	if (week < 0 || week > WEEK_MAX)
		return R_NONE;
	t->week = week;
	t->week_locked = 1;
	t->doc.sel = -1;
	t->doc.top = 0;
	return R_RELOAD;
}

/* Handle a key in the week pane. */
int week_pane_key(struct tui *t, enum action a)
{
	int h = pane_height(t);

	if ((a == DO_OPEN || a == DO_LOG) && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_HOME:
		t->doc.top = 0;
		t->doc.sel = -1;
		return R_DRAW;
	case DO_END:
		doc_move(&t->doc, t->nacts, h);
		return R_DRAW;
	case DO_LEFT:
	case DO_PREV:
		return go_week(t, t->week - 1);
	case DO_RIGHT:
	case DO_NEXT:
		return go_week(t, t->week + 1);
	case DO_TODAY:
		t->week_locked = 0;
		return R_RELOAD;
	case DO_OPEN:
		return open_detail(t);
	case DO_LOG:
		if (t->doc.sel >= 0 && t->doc.sel < t->nacts)
			return form_activity_open(t, &t->acts[t->doc.sel], t->app->today);
		return R_NONE;
	case DO_PROGRAM:
		if (t->doc.sel < 0)
			doc_move(&t->doc, 0, h);
		if (t->doc.sel >= 0 && t->doc.sel < t->nacts)
			return form_program_open(t, &t->acts[t->doc.sel]);
		return R_NONE;
	default:
		return R_NONE;
	}
}
