/* Two windows over the record: the child's audit trail (L), and every
 * version of one session note with who wrote it and when (v). Stored text is
 * cleaned by the document as it is added. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/audit.h"
#include "toddle/note.h"
#include "tui/pane.h"

/* The audit window's own state: the rows read at load. */
struct audit_state {
	struct audit_row *rows;
	int n;
};

/* Free the rows read. */
static void audit_state_free(void *state)
{
	struct audit_state *s = state;

	audit_free(s->rows, s->n);
	s->rows = NULL;
	s->n = 0;
}

/* Read the shown child's audit trail; -1 (nothing to show) without a child. */
static int audit_load(struct tui *t, void *state)
{
	struct audit_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;

	audit_state_free(s);
	if (!c)
		return -1;
	if (audit_list(t->app->db, c->id, 0, 0, &s->rows, &s->n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->rows = NULL, s->n = 0;
	}
	return 0;
}

/* Draw the trail, newest last, as `toddle audit --child` prints it. */
static void audit_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct audit_state *s = state;
	char line[1200];

	doc_reset(&t->over_doc);
	doc_wrap(&t->over_doc, T_DIM, -1, "", "Every change to this child's records, oldest first "
		 "(toddle audit --child NAME prints the same).", width - 4);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	for (int i = 0; i < s->n; i++) {
		const struct audit_row *r = &s->rows[i];

		snprintf(line, sizeof line, "%.10s %.5s %s: %s %s", r->at, strlen(r->at) > 11 ? r->at + 11 : "", r->who,
			 r->action, r->detail);
		doc_wrap(&t->over_doc, T_NORMAL, -1, "", line, width - 4);
	}
	if (!s->n)
		doc_add(&t->over_doc, T_DIM, -1, "Nothing recorded yet.");
	pane_doc_draw(t, &t->over_doc, w, height, width);
}

/* Keys in a document window: scroll and close. */
static int doc_window_key(struct tui *t, void *state, enum action a)
{
	(void)state;
	return overlay_doc_key(t, a);
}

const struct pane_ops audit_overlay = {
	.title = "Audit trail",
	.hints = HP_HELP,
	.state_size = sizeof(struct audit_state),
	.load = audit_load,
	.draw = audit_draw,
	.key = doc_window_key,
	.free = audit_state_free,
};

/* The versions window's own state: the note's versions, oldest first. */
struct versions_state {
	struct session_note *notes;   /* every version of every note, newest first */
	int n;
};

/* Free the notes read. */
static void versions_free(void *state)
{
	struct versions_state *s = state;

	note_free(s->notes, s->n);
	s->notes = NULL;
	s->n = 0;
}

/* Read every version of the shown child's notes; -1 without a child. */
static int versions_load(struct tui *t, void *state)
{
	struct versions_state *s = state;
	struct child *c = tui_child(t);
	struct tdl_err err;

	versions_free(s);
	if (!c)
		return -1;
	if (note_list(t->app->db, c, 1, &s->notes, &s->n, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->notes = NULL, s->n = 0;
	}
	return 0;
}

/* One SOAP field as a wrapped paragraph. */
static void versions_field(struct tui *t, const char *label, const char *text, int width)
{
	doc_wrap(&t->over_doc, T_NORMAL, -1, label, text, width);
}

/* Draw each version of the chosen note, oldest first, with who and when. */
static void versions_draw(struct tui *t, void *state, WINDOW *w, int height, int width)
{
	struct versions_state *s = state;
	const char *uuid = record_pane_versions(t);
	char line[300], d[11];
	int shown = 0;

	doc_reset(&t->over_doc);
	doc_wrap(&t->over_doc, T_DIM, -1, "", "Every version of this note, oldest first; a correction never "
		 "changes an earlier version.", width - 4);
	for (int i = s->n - 1; i >= 0; i--) {
		const struct session_note *n = &s->notes[i];

		if (strcmp(n->note_uuid, uuid))
			continue;
		shown++;
		date_format(n->day, d);
		doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
		snprintf(line, sizeof line, "Version %d, written %.10s %.5s by %s (session %s, %d min)", n->version,
			 n->created_at, n->created_at[0] ? n->created_at + 11 : "", n->created_by, d, n->minutes);
		doc_wrap(&t->over_doc, T_HEADING, -1, "", line, width - 4);
		versions_field(t, "  S: ", n->subjective, width - 4);
		versions_field(t, "  O: ", n->objective, width - 4);
		versions_field(t, "  A: ", n->assessment, width - 4);
		versions_field(t, "  P: ", n->plan, width - 4);
	}
	if (!shown)
		doc_add(&t->over_doc, T_DIM, -1, "This note is no longer there.");
	pane_doc_draw(t, &t->over_doc, w, height, width);
}

const struct pane_ops versions_overlay = {
	.title = "Note versions",
	.hints = HP_HELP,
	.state_size = sizeof(struct versions_state),
	.load = versions_load,
	.draw = versions_draw,
	.key = doc_window_key,
	.free = versions_free,
};
