/* The therapist's panes: the caseload, and one child's record (team, goals,
 * home program with this week's adherence, session notes). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/appointment.h"
#include "toddle/db.h"
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/program.h"
#include "tui/tui.h"

enum { REC_GOAL = 1, REC_PROGRAM = 2, REC_NOTE = 3 };
#define REC(kind, id) (((long long)(kind) << 56) | (id))
#define REC_KIND(v) ((int)((v) >> 56))
#define REC_ID(v) ((v) & ((1LL << 56) - 1))

static const char *const sort_names[] = { "name", "age", "worth talking", "days since practice", "next visit" };

/* Free what the therapist's panes hold. */
void care_free(struct tui *t)
{
	caseload_free(t->cases, t->ncases);
	t->cases = NULL;
	t->ncases = 0;
	free(t->rec_ids);
	t->rec_ids = NULL;
	free(t->rec_vers);
	t->rec_vers = NULL;
	t->nrec = 0;
}

/* True when the name holds the search text (ignoring case). */
static int matches(const char *name, const char *filter)
{
	return !*filter || strcasestr(name, filter) != NULL;
}

/* Build the caseload: mine (or all), searched and sorted. */
void caseload_pane_build(struct tui *t)
{
	struct tdl_err err;
	int width = getmaxx(t->main) - 4, shown = 0;

	doc_reset(&t->doc);
	/* the caseload is worked out once per change, not on every key: at clinic
	 * scale it reads every child's records */
	if (!t->cases_fresh) {
		caseload_free(t->cases, t->ncases);
		t->cases = NULL;
		t->ncases = 0;
		if (caseload_list(t->app->db, t->case_all ? NULL : db_user(), t->app->today,
				  t->app->set.correct_until_months, (enum caseload_sort)t->case_sort, &t->cases,
				  &t->ncases, &err)) {
			tui_message(t, T_ERROR, "%s", err.msg);
			return;
		}
		t->cases_fresh = 1;
	}
	doc_add(&t->doc, T_DIM, -1, "%s, by %s%s%s.  A: mine/all  s: sort  /: search",
		t->case_all ? "Every child" : "Children assigned to you", sort_names[t->case_sort],
		t->filter[0] ? ", matching " : "", t->filter);
	doc_add(&t->doc, T_HEADING, -1, "%-14.14s %-7.7s %-11.11s %-5.5s %4s %4s %5s", "Name", "Age",
		"Team", "Next", "Talk", "Idle", "Week");
	for (int i = 0; i < t->ncases; i++) {
		const struct caseload_row *r = &t->cases[i];
		char age[80], next[20] = "-", idle[12] = "-", week[16] = "-", line[400];

		if (!matches(r->child.name, t->filter))
			continue;
		shown++;
		{
			int m = r->age.corrected ? r->age.cmonths : r->age.months;
			int w = (r->age.corrected ? r->age.cdays : r->age.days) / 7;

			/* short ages: weeks under 3 months, then months; * marks corrected age */
			if (m < 3)
				snprintf(age, sizeof age, "%dw%s", w < 0 ? 0 : w, r->age.corrected ? "*" : "");
			else
				snprintf(age, sizeof age, "%dm%s", m, r->age.corrected ? "*" : "");
		}
		if (r->has_next) {
			char d[11];

			date_format(r->next_day, d);
			snprintf(next, sizeof next, "%s", d + 5);
		}
		if (r->idle_days >= 0)
			snprintf(idle, sizeof idle, "%dd", r->idle_days);
		if (r->planned)
			snprintf(week, sizeof week, "%d/%d", r->done, r->planned);
		snprintf(line, sizeof line, "%-14.14s %-7.7s %-11.11s %-5.5s %4d %4s %5s", r->child.name,
			 age, r->team[0] ? r->team : "-", next, r->flags, idle, week);
		doc_add(&t->doc, T_NORMAL, i, "%s", line);
		(void)width;
	}
	if (!shown)
		doc_wrap(&t->doc, T_DIM, -1, "", t->case_all || t->filter[0] ? "No children match."
			 : "No children are assigned to you yet: A shows every child; 'toddle assign' assigns one.",
			 width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->doc, T_DIM, -1, "", "Age: w weeks, m months, * corrected. Next: next visit. Talk: items worth talking about. "
		 "Idle: days since the home program was last practised. Week: home program done of planned.", width);
}

/* Handle a key in the caseload. */
int caseload_pane_key(struct tui *t, enum action a)
{
	int h = getmaxy(t->main) - 2;

	if (a == DO_OPEN && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_SORT:
		t->case_sort = (t->case_sort + 1) % 5;
		t->cases_fresh = 0;
		return R_DRAW;
	case DO_MINE:
		t->case_all = !t->case_all;
		t->cases_fresh = 0;
		t->doc.sel = -1;
		return R_DRAW;
	case DO_SEARCH:
		return form_search_open(t);
	case DO_OPEN:
		if (t->doc.sel >= 0 && t->doc.sel < t->ncases) {
			long long id = t->cases[t->doc.sel].child.id;

			for (int i = 0; i < t->nchildren; i++)
				if (t->children[i].id == id)
					tui_select_child(t, i);
			t->view = V_WEEK;
			return R_MENU | R_RELOAD;
		}
		return R_NONE;
	default:
		return R_NONE;
	}
}

/* Remember what record item number k is. */
static void rec_item(struct tui *t, int kind, long long id, int version)
{
	long long *g = realloc(t->rec_ids, (size_t)(t->nrec + 1) * sizeof *g);
	int *v;

	if (!g)
		return;
	t->rec_ids = g;
	v = realloc(t->rec_vers, (size_t)(t->nrec + 1) * sizeof *v);
	if (!v)
		return;
	t->rec_vers = v;
	t->rec_vers[t->nrec] = version;
	t->rec_ids[t->nrec++] = REC(kind, id);
}

/* Add one SOAP field as a wrapped paragraph. */
static void soap(struct tui *t, const char *label, const char *text, int item, int width)
{
	char prefix[8];

	snprintf(prefix, sizeof prefix, "    %s ", label);
	doc_wrap(&t->doc, T_NORMAL, item, prefix, text, width);
}

/* Build the shown child's record. */
void record_pane_build(struct tui *t)
{
	struct child *c = tui_child(t);
	struct session_note *notes;
	struct program *p;
	struct tdl_err err;
	struct goal *g;
	int width = getmaxx(t->main) - 4, n;
	char line[600], d[11], e[11];

	free(t->rec_ids);
	t->rec_ids = NULL;
	free(t->rec_vers);
	t->rec_vers = NULL;
	t->nrec = 0;
	doc_reset(&t->doc);
	if (!c)
		return;
	doc_wrap(&t->doc, T_DIM, -1, "", "n new session note, G new goal, Enter corrects a note or sets a goal, "
		 "x twice ends a program entry; P in the week view adds an activity.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Goals");
	if (goal_list(t->app->db, c, &g, &n, &err) == 0) {
		for (int i = 0; i < n; i++) {
			if (g[i].has_target)
				date_format(g[i].target, d);
			snprintf(line, sizeof line, "[%s] %s%s%s", g[i].status, g[i].text, g[i].has_target ? "  by " : "",
				 g[i].has_target ? d : "");
			doc_wrap(&t->doc, T_NORMAL, t->nrec, "  ", line, width);
			rec_item(t, REC_GOAL, g[i].id, g[i].version);
		}
		if (!n)
			doc_add(&t->doc, T_DIM, -1, "  No goals yet (G adds one).");
		goal_free(g, n);
	}
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Home program this week");
	if (program_list(t->app->db, c, program_monday(t->app->today), 0, &p, &n, &err) == 0) {
		for (int i = 0; i < n; i++) {
			date_format(p[i].start, d);
			date_format(p[i].stop, e);
			snprintf(line, sizeof line, "%s: %d a %s, done %d of %d  (from %s%s%s, by %s)", p[i].title,
				 p[i].times, p[i].per_week ? "week" : "day", p[i].done, p[i].planned, d,
				 p[i].has_stop ? " to " : "", p[i].has_stop ? e : "", p[i].created_by);
			doc_wrap(&t->doc, T_NORMAL, t->nrec, "  ", line, width);
			rec_item(t, REC_PROGRAM, p[i].id, p[i].version);
		}
		if (!n)
			doc_wrap(&t->doc, T_DIM, -1, "  ", "Nothing assigned (P on an activity in the week view adds it).",
				 width);
		program_free(p, n);
	}
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->doc, T_HEADING, -1, "Session notes");
	if (note_list(t->app->db, c, 0, &notes, &n, &err) == 0) {
		for (int i = 0; i < n; i++) {
			int item = t->nrec;

			date_format(notes[i].day, d);
			snprintf(line, sizeof line, "%s, %d min%s%s, by %s%s", d, notes[i].minutes,
				 notes[i].discipline[0] ? ", " : "", notes[i].discipline, notes[i].created_by,
				 notes[i].version > 1 ? " (corrected)" : "");
			doc_wrap(&t->doc, T_HEADING, item, "  ", line, width);
			soap(t, "S:", notes[i].subjective, item, width);
			soap(t, "O:", notes[i].objective, item, width);
			soap(t, "A:", notes[i].assessment, item, width);
			soap(t, "P:", notes[i].plan, item, width);
			rec_item(t, REC_NOTE, notes[i].id, notes[i].version);
		}
		if (!n)
			doc_add(&t->doc, T_DIM, -1, "  No notes yet (n writes one).");
		note_free(notes, n);
	}
	if (t->doc.sel >= t->nrec)
		t->doc.sel = t->nrec - 1;
}

/* Handle a key in the record pane. */
int record_pane_key(struct tui *t, enum action a)
{
	int h = getmaxy(t->main) - 2, sel = t->doc.sel;
	long long v;
	struct tdl_err err;

	if (a != DO_DELETE)
		t->confirm_id = 0;
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_NEW:
		return form_note_open(t, 0);
	case DO_GOAL:
		return form_goal_open(t);
	default:
		break;
	}
	if (sel < 0 || sel >= t->nrec)
		return R_NONE;
	v = t->rec_ids[sel];
	if (a == DO_OPEN && REC_KIND(v) == REC_NOTE)
		return form_note_open(t, REC_ID(v));
	if (a == DO_OPEN && REC_KIND(v) == REC_GOAL)
		return form_goal_status_open(t, REC_ID(v), t->rec_vers[sel], "");
	if (a == DO_DELETE && REC_KIND(v) == REC_PROGRAM) {
		if (t->confirm_id != v) {
			t->confirm_id = v;
			tui_message(t, T_NORMAL, "Press x again to end this program entry today.");
			return R_DRAW;
		}
		t->confirm_id = 0;
		if (program_end(t->app->db, REC_ID(v), t->rec_vers[sel], t->app->today, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		else
			tui_message(t, T_OK, "Ended the program entry today.");
		return R_RELOAD;
	}
	return R_NONE;
}
