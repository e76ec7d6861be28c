/* One child's record for the therapist: the team, goals, the home program
 * with this week's adherence, and session notes (v: a note's versions, L:
 * the audit trail; admins assign (T), end an assignment and delete (D)). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/caseload.h"
#include "toddle/program.h"
#include "toddle/team.h"
#include "tui/pane.h"
#include "tui/undo.h"

/* The record pane's own state, read at load. Its items are the team, the
 * goals, then the program entries, then the notes, in that order. */
struct rec_state {
	struct team_member *team;
	int nteam;
	struct goal *goals;
	int ngoals;
	struct program *prog;
	int nprog;
	struct session_note *notes;
	int nnotes;
	long long confirm_id;       /* a program entry waiting for a second x to end it */
	int confirm_team;           /* 1 + the team line waiting for a second x, or 0 */
	char versions[37];          /* the note whose versions the versions window shows */
};

/* Free what load read. */
static void record_free(void *state)
{
	struct rec_state *s = state;

	team_free(s->team, s->nteam);
	s->team = NULL;
	s->nteam = 0;
	goal_free(s->goals, s->ngoals);
	s->goals = NULL;
	s->ngoals = 0;
	program_free(s->prog, s->nprog);
	s->prog = NULL;
	s->nprog = 0;
	note_free(s->notes, s->nnotes);
	s->notes = NULL;
	s->nnotes = 0;
}

/* Read the shown child's goals, this week's home program and session notes. */
static int record_load(struct tui *t, void *state)
{
	struct rec_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;

	record_free(s);
	if (!c)
		return 0;
	if (team_list(t->app->db, c, &s->team, &s->nteam, &err))
		s->team = NULL, s->nteam = -1;
	if (goal_list(t->app->db, c, &s->goals, &s->ngoals, &err))
		s->goals = NULL, s->ngoals = -1;
	if (program_list(t->app->db, c, program_monday(t->app->today), 0, &s->prog, &s->nprog, &err))
		s->prog = NULL, s->nprog = -1;
	if (note_list(t->app->db, c, 0, &s->notes, &s->nnotes, &err))
		s->notes = NULL, s->nnotes = -1;
	return 0;
}

/* How many items a list read at load holds (-1: it could not be read). */
static int count(int n)
{
	return n < 0 ? 0 : n;
}

/* Add one SOAP field as a wrapped paragraph. */
static void soap(struct tui *t, const char *label, const char *text, int item, int width)
{
	char prefix[8];

	snprintf(prefix, sizeof prefix, "    %s ", label);
	doc_wrap(&t->doc, T_NORMAL, item, prefix, text, width);
}

/* Draw the team: who is assigned now, for what, since when. */
static void draw_team(struct tui *t, const struct rec_state *s, int width)
{
	char line[300];

	doc_add(&t->doc, T_HEADING, -1, "Team");
	if (s->nteam < 0)
		return;
	for (int i = 0; i < s->nteam; i++) {
		const struct team_member *m = &s->team[i];

		snprintf(line, sizeof line, "%s: %s (since %.10s, by %s)%s", m->discipline, m->therapist, m->since,
			 m->by, s->confirm_team == i + 1 ? "   (press x again to end this assignment)" : "");
		doc_wrap(&t->doc, T_NORMAL, i, "  ", line, width);
	}
	if (!s->nteam)
		doc_wrap(&t->doc, T_DIM, -1, "  ", t->admin ? "Nobody is assigned yet (T assigns a therapist)."
			 : "Nobody is assigned yet: a clinic admin assigns therapists (T).", width);
}

/* Draw the goals. */
static void draw_goals(struct tui *t, const struct rec_state *s, int width)
{
	int first = count(s->nteam);
	char line[600], d[11];

	doc_add(&t->doc, T_HEADING, -1, "Goals");
	if (s->ngoals < 0)
		return;
	for (int i = 0; i < s->ngoals; i++) {
		const struct goal *g = &s->goals[i];

		if (g->has_target)
			date_format(g->target, d);
		snprintf(line, sizeof line, "[%s] %s%s%s", g->status, g->text, g->has_target ? "  by " : "",
			 g->has_target ? d : "");
		doc_wrap(&t->doc, T_NORMAL, first + i, "  ", line, width);
	}
	if (!s->ngoals)
		doc_add(&t->doc, T_DIM, -1, "  No goals yet (O adds one).");
}

/* Draw this week's home program. */
static void draw_program(struct tui *t, const struct rec_state *s, int width)
{
	int item = count(s->nteam) + count(s->ngoals);
	char line[600], d[11], e[11];

	doc_add(&t->doc, T_HEADING, -1, "Home program this week");
	if (s->nprog < 0)
		return;
	for (int i = 0; i < s->nprog; i++) {
		const struct program *p = &s->prog[i];

		date_format(p->start, d);
		date_format(p->stop, e);
		snprintf(line, sizeof line, "%s: %d a %s, done %d of %d  (from %s%s%s, by %s)", p->title,
			 p->times, p->per_week ? "week" : "day", p->done, p->planned, d,
			 p->has_stop ? " to " : "", p->has_stop ? e : "", p->created_by);
		doc_wrap(&t->doc, T_NORMAL, item + i, "  ", line, width);
	}
	if (!s->nprog)
		doc_wrap(&t->doc, T_DIM, -1, "  ", "Nothing assigned (P on an activity in the week view adds it).",
			 width);
}

/* Draw the session notes. */
static void draw_notes(struct tui *t, const struct rec_state *s, int width)
{
	int first = count(s->nteam) + count(s->ngoals) + count(s->nprog);
	char line[600], d[11];

	doc_add(&t->doc, T_HEADING, -1, "Session notes");
	if (s->nnotes < 0)
		return;
	for (int i = 0; i < s->nnotes; i++) {
		const struct session_note *n = &s->notes[i];
		int item = first + i;

		date_format(n->day, d);
		snprintf(line, sizeof line, "%s, %d min%s%s, by %s%s", d, n->minutes,
			 n->discipline[0] ? ", " : "", n->discipline, n->created_by,
			 n->version > 1 ? " (corrected: v shows the versions)" : "");
		doc_wrap(&t->doc, T_HEADING, item, "  ", line, width);
		soap(t, "S:", n->subjective, item, width);
		soap(t, "O:", n->objective, item, width);
		soap(t, "A:", n->assessment, item, width);
		soap(t, "P:", n->plan, item, width);
	}
	if (!s->nnotes)
		doc_add(&t->doc, T_DIM, -1, "  No notes yet (n writes one).");
}

/* Draw the shown child's record from what load read. */
static void record_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct rec_state *s = state;
	int width = wd - 4, nrec = count(s->nteam) + count(s->ngoals) + count(s->nprog) + count(s->nnotes);

	doc_reset(&t->doc);
	doc_wrap(&t->doc, T_DIM, -1, "", "n new session note, O new goal, Enter corrects a note or sets a goal, "
		 "v a note's versions, L the audit trail, x twice ends a program entry or an assignment; "
		 "P in the week view adds an activity.", width);
	if (t->admin)
		doc_wrap(&t->doc, T_DIM, -1, "", "As an admin: T assigns a therapist, D deletes the child.", width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	draw_team(t, s, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	draw_goals(t, s, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	draw_program(t, s, width);
	doc_add(&t->doc, T_NORMAL, -1, "%s", "");
	draw_notes(t, s, width);
	if (t->doc.sel >= nrec)
		t->doc.sel = nrec - 1;
	pane_doc_draw(t, &t->doc, w, height, wd);
}

/* End a program entry today, after a second press. */
static int end_program(struct tui *t, struct rec_state *s, const struct program *p)
{
	struct tdl_err err;
	char d[11];
	int rc;

	if (p->has_stop && p->stop <= t->app->today) {
		date_format(p->stop, d);
		tui_message(t, T_DIM, "This program entry already ended on %s: there is nothing to end.", d);
		return R_DRAW;
	}
	if (p->start > t->app->today) {
		date_format(p->start, d);
		tui_message(t, T_DIM, "This program entry starts on %s: it can be ended from that day.", d);
		return R_DRAW;
	}
	if (s->confirm_id != p->id) {
		s->confirm_id = p->id;
		tui_message(t, T_NORMAL, "Press x again to end this program entry today.");
		return R_DRAW;
	}
	s->confirm_id = 0;
	rc = program_end(t->app->db, p->id, p->version, t->app->today, &err);
	if (rc == TDL_EINPUT)
		tui_message(t, T_ERROR, "Someone else ended or changed this program entry meanwhile; nothing was "
			    "changed. The record now shows it as it is.");
	else if (rc)
		tui_message(t, T_ERROR, "%s", err.msg);
	else {
		undo_note_program_ended(t, p->title ? p->title : p->activity_id);
		tui_message(t, T_OK, "Ended the program entry today.");
	}
	return R_RELOAD;
}

/* End an assignment of the team, after a second press (the model says who may). */
static int end_assignment(struct tui *t, struct rec_state *s, int i)
{
	const struct team_member *m = &s->team[i];
	struct tdl_err err;
	char what[120];

	if (s->confirm_team != i + 1) {
		s->confirm_team = i + 1;
		tui_message(t, T_NORMAL, "Press x again to end %s's assignment (%s).", m->therapist, m->discipline);
		return R_DRAW;
	}
	s->confirm_team = 0;
	if (caseload_unassign(t->app->db, tui_child(t), m->therapist, m->discipline, t->admin, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return R_RELOAD;
	}
	snprintf(what, sizeof what, "%.60s's assignment (%s)", m->therapist, m->discipline);
	undo_note_assignment_ended(t, tui_child(t), m->id, what);
	tui_message(t, T_OK, "Ended %s's assignment (%s); the audit trail keeps it (u undoes it).", m->therapist,
		    m->discipline);
	return R_RELOAD;
}

/* The note whose versions the versions window shows ("" for none). */
const char *record_pane_versions(struct tui *t)
{
	struct rec_state *s = pane_state(t, P_RECORD);

	return s->versions;
}

/* Open the versions window for note i. */
static int show_versions(struct tui *t, struct rec_state *s, int i)
{
	snprintf(s->versions, sizeof s->versions, "%s", s->notes[i].note_uuid);
	return tui_overlay_show(t, M_VERSIONS);
}

/* Handle a key in the record pane. */
static int record_key(struct tui *t, void *state, enum action a)
{
	struct rec_state *s = state;
	int sel, nt = count(s->nteam), ng = count(s->ngoals), np = count(s->nprog), nn = count(s->nnotes);

	if (a != DO_DELETE)
		s->confirm_id = 0, s->confirm_team = 0;
	if (pane_nav(&t->doc, a, getmaxy(t->main) - 2, 0, 0))
		return R_DRAW;
	switch (a) {
	case DO_NEW:
		return form_note_open(t, 0);
	case DO_GOAL:
		return form_goal_open(t);
	case DO_AUDIT:
		return tui_overlay_show(t, M_AUDIT);
	case DO_ASSIGN:
		return form_assign_open(t);
	case DO_DELETE_CHILD:
		return form_delete_child_open(t);
	default:
		break;
	}
	sel = t->doc.sel;
	if (a == DO_VERSIONS && (sel < nt + ng + np || sel >= nt + ng + np + nn)) {
		tui_message(t, T_DIM, "Select a session note first: v shows its versions.");
		return R_DRAW;
	}
	if (sel < 0 || sel >= nt + ng + np + nn)
		return R_NONE;
	if (sel < nt) {
		if (a == DO_DELETE)
			return end_assignment(t, s, sel);
		return R_NONE;
	}
	sel -= nt;
	if (a == DO_VERSIONS)
		return show_versions(t, s, sel - ng - np);
	if (a == DO_OPEN && sel >= ng + np)
		return form_note_open(t, s->notes[sel - ng - np].id);
	if (a == DO_OPEN && sel < ng)
		return form_goal_status_open(t, s->goals[sel].id, s->goals[sel].version, s->goals[sel].status, "");
	if (a == DO_DELETE && sel >= ng && sel < ng + np)
		return end_program(t, s, &s->prog[sel - ng]);
	return R_NONE;
}

/* The status line's hints: an admin's keys too. */
static enum hint_place record_hint_place(const struct tui *t, const void *state)
{
	(void)state;
	return t->admin ? HP_RECORD | HP_ADMIN : HP_RECORD;
}

const struct pane_ops record_pane = {
	.title = "Record",
	.hints = HP_RECORD,
	.hint_place = record_hint_place,
	.state_size = sizeof(struct rec_state),
	.needs_child = 1,
	.load = record_load,
	.draw = record_draw,
	.key = record_key,
	.free = record_free,
};
