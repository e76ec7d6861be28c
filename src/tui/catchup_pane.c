/* The catch-up: for a child who starts late, one screen per passed checklist
 * age (oldest first), each item answered with one key and saved at once, so
 * a hang-up loses nothing; and the calm "Not answered yet" line the week and
 * milestone views show. Not answered is a gap in the record, never a concern. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/catchup.h"
#include "tui/pane.h"

enum cu_phase { CU_INTRO, CU_AGE, CU_DONE };

/* The catch-up's own state: the invitation's counts, and one session. */
struct catchup_state {
	/* the invitation, read with the week; kept while nothing could have changed it */
	struct catchup_age *ages;
	int nages, inv_read, inv_changes, inv_version;
	long long inv_child;
	day_t inv_today;
	/* the session, read when catchup_open starts it */
	int fresh, offered, loaded;
	struct child child;
	struct catchup_item *items;   /* unanswered when the session started */
	int n;
	char *answer;                 /* per item: 0, 'y' or 'n' (saved), '?' (nothing saved) */
	int at, end, cur;             /* the age shown is items [at, end); the cursor */
	int list, nlists, skipped;    /* which checklist of how many (from 1); how many skipped */
	enum cu_phase phase;
};

/* Free the session (not the invitation). */
static void session_free(struct catchup_state *s)
{
	catchup_items_free(s->items, s->n);
	free(s->answer);
	s->items = NULL;
	s->answer = NULL;
	s->n = 0;
	s->loaded = 0;
}

/* Free everything the state holds. */
static void cu_free(void *state)
{
	struct catchup_state *s = state;

	session_free(s);
	free(s->ages);
	s->ages = NULL;
	s->nages = 0;
	s->inv_read = 0;
}

/* Show the checklist age whose first item is i. */
static void age_start(struct catchup_state *s, int i)
{
	s->at = s->cur = i;
	s->end = i;
	while (s->end < s->n && s->items[s->end].age_months == s->items[i].age_months)
		s->end++;
}

/* On to the next checklist age, or the summary after the last. */
static void age_next(struct catchup_state *s)
{
	if (s->end >= s->n) {
		s->phase = CU_DONE;
		return;
	}
	age_start(s, s->end);
	s->list++;
}

/* How many items have answer a. */
static int count_answers(const struct catchup_state *s, char a)
{
	int k = 0;

	for (int i = 0; i < s->n; i++)
		k += s->answer[i] == a;
	return k;
}

/* Start a new session for the shown child: -1 (the window closes) when there is nothing to do. */
static int session_start(struct tui *t, struct catchup_state *s)
{
	struct child *c = tui_child(t);
	struct tdl_err err;

	session_free(s);
	s->fresh = 0;
	if (!c)
		return -1;
	if (catchup_items(t->app->db, c, t->app->today, t->app->set.correct_until_months, &s->items, &s->n,
			  &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return -1;
	}
	if (s->n == 0) {
		if (!s->offered)
			tui_message(t, T_OK, "Nothing to catch up: every checklist %s has passed has its answers.",
				    c->name);
		return -1;
	}
	s->answer = calloc((size_t)s->n, 1);
	if (!s->answer) {
		session_free(s);
		tui_message(t, T_ERROR, "out of memory");
		return -1;
	}
	s->child = *c;
	s->loaded = 1;
	s->nlists = 1;
	for (int i = 1; i < s->n; i++)
		s->nlists += s->items[i].age_months != s->items[i - 1].age_months;
	s->list = 1;
	s->skipped = 0;
	s->phase = s->offered ? CU_INTRO : CU_AGE;
	age_start(s, 0);
	return 0;
}

/* Read the items when a session starts; afterwards (a resize, someone else's
 * write) keep the session as long as the same child is shown. */
static int cu_load(struct tui *t, void *state)
{
	struct catchup_state *s = state;
	struct child *c = tui_child(t);

	if (s->fresh)
		return session_start(t, s);
	return s->loaded && c && c->id == s->child.id ? 0 : -1;
}

/* Open the catch-up for the shown child; offered: a first screen asks (just after adding). */
int catchup_open(struct tui *t, int offered)
{
	struct catchup_state *s = pane_state(t, P_CATCHUP);

	s->fresh = 1;
	s->offered = offered;
	return tui_overlay_show(t, M_CATCHUP);
}

/* The first screen when the catch-up is offered: what it is and how long it takes. */
static void draw_intro(struct tui *t, struct catchup_state *s, int width)
{
	char line[CHILD_NAME_MAX + 400];

	doc_add(&t->over_doc, T_HEADING, -1, "A quick catch-up");
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	snprintf(line, sizeof line, "%s is past %d checklist%s (%d to %d months) with %d item%s not answered "
		 "yet.", s->child.name, s->nlists, s->nlists == 1 ? "" : "s", s->items[0].age_months,
		 s->items[s->n - 1].age_months, s->n, s->n == 1 ? "" : "s");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "", line, width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->over_doc, T_NORMAL, -1, "",
		 "It takes about a minute: one screen for each checklist, one key for each item "
		 "(y yes, n not yet, ? not sure), and a when all the rest are yes. "
		 "Every answer is saved at once.", width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_wrap(&t->over_doc, T_HEADING, -1, "", "Enter: start now.   Esc: later (press C any time).", width);
}

/* The mark of an answer, as the milestone view marks statuses. */
static const char *answer_mark(struct tui *t, char a)
{
	switch (a) {
	case 'y':
		return t->ascii ? "[x]" : "✓";
	case 'n':
		return t->ascii ? "[-]" : "○";
	case '?':
		return t->ascii ? "[?]" : "?";
	default:
		return t->ascii ? "[ ]" : "·";
	}
}

/* One checklist age: its items, the cursor on one of them. */
static void draw_age(struct tui *t, struct catchup_state *s, int width)
{
	char line[CHILD_NAME_MAX + 400], prefix[16];

	snprintf(line, sizeof line, "The %d-month checklist (%d of %d): does %s do these?",
		 s->items[s->at].age_months, s->list, s->nlists, s->child.name);
	if (s->cur == s->at)
		t->over_doc.top = 0; /* a new checklist starts at its heading */
	doc_wrap(&t->over_doc, T_HEADING, -1, "", line, width);
	doc_wrap(&t->over_doc, T_DIM, -1, "", "y: yes, n: not yet, ?: not sure, a: all the rest yes, s: skip", width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	for (int i = s->at; i < s->end; i++) {
		snprintf(prefix, sizeof prefix, " %s ", answer_mark(t, s->answer[i]));
		doc_wrap(&t->over_doc, s->answer[i] == 'y' ? T_OK : T_NORMAL, i - s->at, prefix, s->items[i].text,
			 width);
	}
	t->over_doc.sel = s->cur - s->at;
}

/* The summary: how many of each answer, and what happens to them. */
static void draw_done(struct tui *t, struct catchup_state *s, int width)
{
	int yes = count_answers(s, 'y'), no = count_answers(s, 'n'), unsure = count_answers(s, '?');
	int left = s->n - yes - no;
	char line[CHILD_NAME_MAX + 400];

	doc_add(&t->over_doc, T_HEADING, -1, "Thank you");
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_NORMAL, -1, "%d yes, %d not yet, %d not sure.", yes, no, unsure);
	if (s->skipped)
		doc_add(&t->over_doc, T_NORMAL, -1, "%d checklist%s skipped for now.", s->skipped,
			s->skipped == 1 ? "" : "s");
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	if (no) {
		snprintf(line, sizeof line, "The \"not yet\" items are now under \"Worth talking about\" in the "
			 "milestones view: things to ask %s's doctor about, not a diagnosis.", s->child.name);
		doc_wrap(&t->over_doc, T_NORMAL, -1, "", line, width);
	}
	if (left) {
		snprintf(line, sizeof line, "%d item%s stay%s under \"Not answered yet\": press C another day.",
			 left, left == 1 ? "" : "s", left == 1 ? "s" : "");
		doc_wrap(&t->over_doc, T_NORMAL, -1, "", line, width);
	}
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_DIM, -1, "Enter or Esc closes.");
}

/* Draw the screen of the phase the session is in. */
static void cu_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct catchup_state *s = state;
	int tw = width - 4;

	doc_reset(&t->over_doc);
	t->over_doc.sel = -1;
	if (s->loaded && s->phase == CU_INTRO)
		draw_intro(t, s, tw);
	else if (s->loaded && s->phase == CU_AGE)
		draw_age(t, s, tw);
	else if (s->loaded)
		draw_done(t, s, tw);
	if (t->over_doc.sel >= 0)
		doc_move(&t->over_doc, 0, height - 2);
	pane_doc_draw(t, &t->over_doc, w, height, width);
}

/* Save item i's answer a ('y' or 'n'; '?' saves nothing); 0 when done. */
static int answer_save(struct tui *t, struct catchup_state *s, int i, char a)
{
	struct tdl_err err;

	if (s->answer[i] == 'y' || s->answer[i] == 'n') {
		tui_message(t, T_DIM, "Already saved as %s: to change it, log it again from the milestones view.",
			    s->answer[i] == 'y' ? "yes" : "not yet");
		return -1;
	}
	/* yes: seen at some point before today, so no date; not yet: as of today */
	if (a != '?' && milestone_log(t->app->db, &s->child, &(struct milestone_seen){
			.id = s->items[i].id, .status = a == 'y' ? MS_ACHIEVED : MS_NOT_YET,
			.has_date = a == 'n', .date = t->app->today }, t->app->today, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return -1;
	}
	s->answer[i] = a;
	return 0;
}

/* Answer the item under the cursor and move on (to the next age after the last). */
static int answer_one(struct tui *t, struct catchup_state *s, char a)
{
	if (answer_save(t, s, s->cur, a))
		return R_DRAW;
	if (++s->cur >= s->end)
		age_next(s);
	return R_DRAW;
}

/* Yes to every item of this age without an answer, then the next age. */
static int answer_all_yes(struct tui *t, struct catchup_state *s)
{
	int saved = 0;

	for (int i = s->at; i < s->end; i++) {
		if (s->answer[i])
			continue;
		if (answer_save(t, s, i, 'y'))
			return R_DRAW;
		saved++;
	}
	tui_message(t, T_OK, "Saved: %d yes for the %d-month checklist.", saved, s->items[s->at].age_months);
	age_next(s);
	return R_DRAW;
}

/* Close the catch-up, saying what was saved; the views read again. */
static int cu_close(struct tui *t, struct catchup_state *s)
{
	int saved = s->loaded ? count_answers(s, 'y') + count_answers(s, 'n') : 0;

	if (s->loaded && s->phase == CU_INTRO)
		tui_message(t, T_DIM, "Later, then: press C when you have a minute.");
	else if (s->loaded && s->phase == CU_AGE)
		tui_message(t, T_OK, "%d answer%s saved; the rest wait under \"Not answered yet\" (press C).", saved,
			    saved == 1 ? "" : "s");
	session_free(s);
	tui_overlay_hide(t);
	return R_RELOAD | R_DRAW;
}

/* Keys on a checklist age's screen. */
static int age_key(struct tui *t, struct catchup_state *s, enum action a)
{
	switch (a) {
	case DO_UP:
		s->cur -= s->cur > s->at;
		return R_DRAW;
	case DO_DOWN:
		s->cur += s->cur + 1 < s->end;
		return R_DRAW;
	case DO_ANSWER_YES:
		return answer_one(t, s, 'y');
	case DO_ANSWER_NOT_YET:
		return answer_one(t, s, 'n');
	case DO_ANSWER_UNSURE:
		return answer_one(t, s, '?');
	case DO_ALL_YES:
		return answer_all_yes(t, s);
	case DO_SKIP_AGE:
		s->skipped++;
		age_next(s);
		return R_DRAW;
	default:
		return R_NONE;
	}
}

/* Keys while the catch-up is open: Esc or q leave at any time. */
static int cu_key(struct tui *t, void *state, enum action a)
{
	struct catchup_state *s = state;

	if (a == DO_BACK || a == DO_QUIT || !s->loaded)
		return cu_close(t, s);
	if (s->phase == CU_INTRO) {
		if (a == DO_OPEN || a == DO_ANSWER_YES) {
			s->phase = CU_AGE;
			return R_DRAW;
		}
		return R_NONE;
	}
	if (s->phase == CU_DONE)
		return a == DO_OPEN ? cu_close(t, s) : R_NONE;
	return age_key(t, s, a);
}

/* Read the invitation's counts for the shown child, unless nothing could have
 * changed them (the same child and day, no write from here or elsewhere). */
void catchup_invite_load(struct tui *t)
{
	struct catchup_state *s = pane_state(t, P_CATCHUP);
	struct child *c = tui_child(t);
	struct tdl_err err;
	int changes = sqlite3_total_changes(t->app->db);

	if (s->inv_read && c && s->inv_child == c->id && s->inv_today == t->app->today &&
	    s->inv_changes == changes && s->inv_version == t->data_version)
		return;
	free(s->ages);
	s->ages = NULL;
	s->nages = 0;
	s->inv_read = 0;
	if (!c)
		return;
	if (catchup_ages(t->app->db, c, t->app->today, t->app->set.correct_until_months, &s->ages, &s->nages,
			 &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return;
	}
	s->inv_read = 1;
	s->inv_child = c->id;
	s->inv_today = t->app->today;
	s->inv_changes = changes;
	s->inv_version = t->data_version;
}

/* Add the invitation line to d when the shown child has unanswered items. */
void catchup_invite(struct tui *t, struct doc *d, int width)
{
	struct catchup_state *s = pane_state(t, P_CATCHUP);
	struct child *c = tui_child_shown(t);
	char line[200];
	int len;

	if (!s->inv_read || !c || s->inv_child != c->id)
		return;
	len = catchup_line(s->ages, s->nages, line, sizeof line);
	if (len <= 0 || (size_t)len >= sizeof line - 16)
		return;
	snprintf(line + len, sizeof line - (size_t)len, "%s", t->ascii ? " - press C" : " — press C");
	doc_wrap(d, T_NORMAL, -1, "", line, width);
}

const struct pane_ops catchup_overlay = {
	.title = "Catch up",
	.hints = HP_CATCHUP,
	.state_size = sizeof(struct catchup_state),
	.width = 72,
	.keymap = KM_CATCHUP,
	.load = cu_load,
	.draw = cu_draw,
	.key = cu_key,
	.free = cu_free,
};
