/* The form engine (libform): fields, keys, drawing, resize. Each form's fields
 * and checks live in form_*.c; nothing is written until every field is valid. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "editor.h"
#include "toddle/audit.h"
#include "toddle/db.h"
#include "toddle/draft_file.h"
#include "toddle/text.h"
#include "tui/form.h"

#define CTRL_KEY(c) ((c) & 0x1f)

/* The window keys are read from while the form is open. */
WINDOW *form_window(struct tui *t)
{
	return t->form && t->form->form ? t->over : NULL;
}

/* Put the cursor after the current field's text. libform's REQ_END_LINE
 * corrupts memory in a growable field that holds wide characters (ncurses
 * 6.4), so step over the characters one by one instead. */
static void form_end(struct form_state *f)
{
	const char *buf;
	int chars = 0;
	size_t len;

	if (!f->form)
		return;
	form_driver(f->form, REQ_VALIDATION);
	buf = field_buffer(current_field(f->form), 0);
	len = buf ? strlen(buf) : 0;
	while (len && buf[len - 1] == ' ')
		len--;
	for (size_t i = 0; i < len; i++)
		chars += ((unsigned char)buf[i] & 0xC0) != 0x80;
	form_driver(f->form, REQ_BEG_LINE);
	while (chars-- > 0)
		form_driver(f->form, REQ_NEXT_CHAR);
}

/* Field i's text as libform holds it, without the blanks that pad it. */
static void field_read(const struct form_state *f, int i, char *out, size_t outsz)
{
	const char *buf = field_buffer(f->fields[i], 0);

	snprintf(out, outsz, "%s", buf ? buf : "");
	text_trim(out);
}

/* Put field i's text into libform and note what it gives back. Text that
 * would not come back byte for byte (characters this locale cannot hold,
 * control characters) is never put there: the field shows a stand-in, is
 * locked, and its stored bytes are what a save keeps. */
static void field_load(struct form_state *f, int i)
{
	char want[sizeof f->value[0]];

	snprintf(want, sizeof want, "%s", f->value[i]);
	text_trim(want);
	set_field_buffer(f->fields[i], 0, f->value[i]);
	field_read(f, i, f->shown[i], sizeof f->shown[i]);
	f->locked[i] = strcmp(f->shown[i], want) != 0;
	if (f->locked[i]) {
		char *stand_in = draw_clean_dup(f->value[i]);

		set_field_buffer(f->fields[i], 0, stand_in ? stand_in : "?");
		free(stand_in);
		field_read(f, i, f->shown[i], sizeof f->shown[i]);
	}
}

/* Copy what the person changed into the state (before a resize or a save):
 * a text field that reads as it was loaded keeps its bytes, whatever the
 * locale made of them on the screen. */
static void form_collect(struct form_state *f)
{
	char now[sizeof f->value[0]];

	if (!f->form)
		return;
	form_driver(f->form, REQ_VALIDATION);
	for (int i = 0; i < f->nf; i++) {
		field_read(f, i, now, sizeof now);
		if (f->spec[i].kind == FK_NOTE)
			continue; /* typed straight into value */
		if (f->spec[i].kind == FK_CHOICE)
			snprintf(f->value[i], sizeof f->value[i], "%s", now);
		else if (!f->locked[i] && strcmp(now, f->shown[i]) != 0) {
			snprintf(f->value[i], sizeof f->value[i], "%s", now);
			snprintf(f->shown[i], sizeof f->shown[i], "%s", now);
		}
	}
	f->focus = field_index(current_field(f->form));
}

static void form_unbuild(struct form_state *f);

/* Unpost and free the libform parts, keeping the typed text. */
void form_suspend(struct tui *t)
{
	if (!t->form || !t->form->form)
		return;
	form_unbuild(t->form);
	overlay_close(t);
}

/* Free the libform parts, keeping the typed text (the overlay stays). */
static void form_unbuild(struct form_state *f)
{
	form_collect(f);
	unpost_form(f->form);
	free_form(f->form);
	f->form = NULL;
	for (int i = 0; i < f->nf; i++) {
		free_field(f->fields[i]);
		f->fields[i] = NULL;
	}
	if (f->sub)
		delwin(f->sub);
	f->sub = NULL;
}

/* Width of the label column. */
static int label_width(const struct form_state *f)
{
	int w = 0;

	for (int i = 0; i < f->nf; i++)
		if ((int)strlen(f->spec[i].label) > w)
			w = (int)strlen(f->spec[i].label);
	return w + 2;
}

static void form_locale_note(const struct form_state *f, char *out, size_t outsz);

/* Where the form's parts go: the rows of the intro, the note, the fields
 * (step rows apart), the message and the key hints, and the window's height. */
struct form_layout {
	int intro, nintro, note, nnote, fields, step, err, nerr, hint, nhint, height;
};

/* Place the fields from their heights, step - 1 blank rows between; returns the rows they span. */
static int fields_place(struct form_state *f, int step)
{
	int row = 0;

	for (int i = 0; i < f->nf; i++) {
		f->row[i] = row;
		row += f->height[i] + step - 1;
	}
	f->span = f->nf ? row - (step - 1) : 0;
	return f->span;
}

/* Lay the form out in a window w columns wide and at most the screen's height
 * less two: blank rows and the space between fields go first when rows are
 * short, then the key hints under a message, then the ends of long texts.
 * The text under the fields is the message, or the question being asked. */
static void form_layout(const struct tui *t, struct form_state *f, int w, struct form_layout *l)
{
	char note[160], hint[400];
	const char *msg = f->ask ? f->question : f->error;
	int tw = w - 4, maxh = t->rows - 2, gap = 1, want;
	static const enum hint_place places[] = { HP_FORM, HP_CHOICE, HP_NOTE };

	form_locale_note(f, note, sizeof note);
	l->nintro = f->intro[0] ? text_wrap_rows(f->intro, tw) : 0;
	l->nnote = note[0] ? text_wrap_rows(note, tw) : 0;
	l->nerr = msg[0] ? text_wrap_rows(msg, tw) : 0;
	l->nhint = 0;
	for (size_t k = 0; k < sizeof places / sizeof places[0]; k++) {
		int n;

		keys_hints(places[k], hint, sizeof hint);
		n = draw_hints(NULL, 0, 0, tw, 9, T_DIM, hint);
		if (n > l->nhint)
			l->nhint = n;
	}
	l->step = 2;
	for (int pass = 0;; pass++) {
		want = 2 + l->nintro + l->nnote + gap + fields_place(f, l->step) + gap + l->nerr + l->nhint;
		if (want <= maxh || pass > 5)
			break;
		if (l->step == 2)
			l->step = 1;
		else if (gap)
			gap = 0;
		else if (l->nerr && l->nhint)
			l->nhint = 0;
		else if (l->nintro > 1)
			l->nintro -= want - maxh < l->nintro - 1 ? want - maxh : l->nintro - 1;
		else if (l->nerr > 1)
			l->nerr -= want - maxh < l->nerr - 1 ? want - maxh : l->nerr - 1;
		else
			break;
	}
	fields_place(f, l->step);
	l->intro = 1;
	l->note = l->intro + l->nintro;
	l->fields = l->note + l->nnote + gap;
	l->err = l->fields + f->span + gap;
	l->hint = l->err + l->nerr;
	l->height = l->hint + l->nhint + 1;
}

/* The overlay's width for a form on this screen. */
static int form_width(const struct tui *t)
{
	return t->cols - 2 < 72 ? t->cols - 2 : 72;
}

/* Free the fields made for the form (not yet posted). */
static void fields_free(struct form_state *f)
{
	for (int i = 0; i < f->nf; i++) {
		if (f->fields[i])
			free_field(f->fields[i]);
		f->fields[i] = NULL;
	}
}

/* Make the fields at their heights, lay them out and post the form in a new
 * overlay; returns how many rows too many the notes' heights need (0: done). */
static int form_build(struct tui *t, int w)
{
	struct form_state *f = t->form;
	struct form_layout l;
	int lw = label_width(f), fw = w - 4 - lw, rc, taller = 0;

	if (fw < 4)
		return 0;
	for (int i = 0; i < f->nf; i++) {
		/* one column more than the text, so the cursor can sit after the last character */
		int width = f->spec[i].kind == FK_NOTE ? fw : f->spec[i].width + 1 < fw ? f->spec[i].width + 1 : fw;

		f->fields[i] = new_field(f->height[i], width, 0, 0, 0, 0);
		if (!f->fields[i]) {
			fields_free(f);
			return 0;
		}
		taller |= f->height[i] > 1;
		set_field_back(f->fields[i], theme_attr(T_SELECTED_DIM));
		field_opts_off(f->fields[i], O_AUTOSKIP | O_BLANK);
		if (f->spec[i].kind == FK_NOTE) {
			field_opts_off(f->fields[i], O_EDIT); /* a place for note_draw; its text is value */
		} else if (f->spec[i].kind == FK_CHOICE) {
			field_opts_off(f->fields[i], O_EDIT);
			set_field_buffer(f->fields[i], 0, f->spec[i].choices[f->choice[i]]);
		} else {
			if (f->spec[i].max > width) {
				field_opts_off(f->fields[i], O_STATIC);
				set_max_field(f->fields[i], f->spec[i].max);
			}
			field_load(f, i);
		}
	}
	f->fields[f->nf] = NULL;
	/* the note under the intro depends on what the fields could show */
	form_layout(t, f, w, &l);
	if (taller && l.height > t->rows - 2) {
		fields_free(f);
		return l.height - (t->rows - 2);
	}
	for (int i = 0; i < f->nf; i++)
		move_field(f->fields[i], f->row[i], 0);
	if (overlay_open(t, l.height, w) || getmaxy(t->over) < l.height) {
		overlay_close(t);
		fields_free(f);
		return 0;
	}
	f->form = new_form(f->fields);
	f->sub = derwin(t->over, f->span, fw, l.fields, 2 + lw);
	if (!f->form || !f->sub)
		return 0;
	form_opts_off(f->form, O_BS_OVERLOAD | O_NL_OVERLOAD);
	set_form_win(f->form, t->over);
	set_form_sub(f->form, f->sub);
	rc = post_form(f->form);
	if (rc != E_OK) {
		free_form(f->form);
		f->form = NULL;
		return 0;
	}
	if (f->focus > 0 && f->focus < f->nf)
		set_current_field(f->form, f->fields[f->focus]);
	form_end(f);
	curs_set(1);
	return 0;
}

/* Make the overlay, fields and form for the current screen size: the notes
 * get the rows the rest leaves, the one being written first. */
void form_resume(struct tui *t)
{
	struct form_state *f = t->form;
	struct form_layout l;
	int w, spare, over;

	if (!f || f->form || t->too_small)
		return;
	w = form_width(t);
	form_note_heights(f, 0);
	form_layout(t, f, w, &l);
	spare = t->rows - 2 - l.height;
	form_note_heights(f, spare > 0 ? spare : 0);
	over = form_build(t, w);
	if (over > 0) {
		form_note_heights(f, spare - over > 0 ? spare - over : 0);
		form_build(t, w);
	}
}

/* Close the form without saving. */
void form_close(struct tui *t)
{
	if (!t->form)
		return;
	form_suspend(t);
	free(t->form);
	t->form = NULL;
	t->modal = M_NONE;
	curs_set(0);
}

/* Start a form of a type with a title; fields are added next. */
struct form_state *form_new(struct tui *t, const char *title, form_save_fn save)
{
	struct form_state *f;

	form_close(t);
	overlay_close(t);
	t->modal = M_NONE;
	f = calloc(1, sizeof *f);
	if (!f)
		return NULL;
	f->save = save;
	text_sanitize(title, f->title, sizeof f->title);
	if (tui_child(t))
		f->child = *tui_child(t); /* saved to this child, whoever is shown by then */
	t->form = f;
	return f;
}

/* This form is not about a child: its draft is not tied to one. */
void form_no_child(struct form_state *f)
{
	memset(&f->child, 0, sizeof f->child);
}

/* Add one field with an initial value. */
void form_field(struct form_state *f, const char *label, enum field_kind kind, int width,
		       int max, const char *const *choices, const char *value)
{
	struct field_spec *s = &f->spec[f->nf];

	s->label = label;
	s->kind = kind;
	s->width = width;
	s->max = max;
	s->choices = choices;
	snprintf(f->value[f->nf], sizeof f->value[0], "%s", value ? value : "");
	f->nf++;
}

/* A fingerprint of what the fields hold (FNV-1a over the texts and the
 * choices), to tell whether the person changed anything. */
static unsigned long long form_fingerprint(const struct form_state *f)
{
	unsigned long long h = 1469598103934665603ULL;

	for (int i = 0; i < f->nf; i++) {
		char num[16];
		const char *p = num;

		if (f->spec[i].kind == FK_CHOICE)
			snprintf(num, sizeof num, "%d", f->choice[i]);
		else
			p = f->value[i];
		for (; *p; p++)
			h = (h ^ (unsigned char)*p) * 1099511628211ULL;
		h = (h ^ 0x1e) * 1099511628211ULL;
	}
	return h;
}

/* Put text into field i as if typed (the cursor after it). */
void form_set_text(struct form_state *f, int i, const char *text)
{
	snprintf(f->value[i], sizeof f->value[i], "%s", text);
	note_cursor_end(f, i);
	if (f->form && f->fields[i] && f->spec[i].kind == FK_TEXT)
		field_load(f, i);
}

/* Ask a y/n question over the form; the answer comes through form_key. */
int form_ask(struct tui *t, enum form_ask what, const char *question)
{
	t->form->ask = what;
	text_sanitize(question, t->form->question, sizeof t->form->question);
	return R_DRAW;
}

/* Show the form that was just described. */
int form_show(struct tui *t)
{
	struct form_state *f = t->form;
	char saved_at[21], *body;

	if (!f->record[0])
		snprintf(f->record, sizeof f->record, "%lld", f->row_id);
	snprintf(f->key, sizeof f->key, "%s|child %lld|record %s|%s", f->title, f->child.id, f->record,
		 f->item_id);
	f->baseline = form_fingerprint(f);
	if (t->drafts_pending)
		form_merge_drafts(t);
	body = draft_get(t->app->db, f->child.id, f->key, saved_at);
	if (body) {
		/* offer the text this person left when their connection dropped */
		char *p = body;

		for (int i = 0; i < f->nf && p; i++) {
			char *sep = strchr(p, '\x1e');

			if (sep)
				*sep = '\0';
			if (f->spec[i].kind == FK_CHOICE)
				f->choice[i] = atoi(p);
			else
				snprintf(f->value[i], sizeof f->value[i], "%s", p);
			p = sep ? sep + 1 : NULL;
		}
		free(body);
		tui_message(t, T_HEADING, "Your unsaved text from %s is back. Esc asks whether to discard it.", saved_at);
	}
	for (int i = 0; i < f->nf; i++)
		note_cursor_end(f, i);
	t->modal = M_FORM;
	form_resume(t);
	if (!t->form->form) {
		form_close(t);
		tui_message(t, T_ERROR, "The terminal is too small for this form.");
	}
	return R_DRAW;
}

/* Point at a field with a message; returns R_DRAW so the form stays open. */
int form_refuse(struct tui *t, int field, const char *msg)
{
	struct form_state *f = t->form;
	char clean[sizeof f->error];

	text_sanitize(msg, clean, sizeof clean);
	if (f->form && !strcmp(clean, f->error) && field >= 0 && field < f->nf &&
	    current_field(f->form) == f->fields[field])
		return R_DRAW; /* said already (every key of a paste past a full note): nothing moves */
	snprintf(f->error, sizeof f->error, "%s", clean);
	if (f->form) {
		/* the message may need more rows: lay the form out again around it */
		form_suspend(t);
		form_resume(t);
	}
	if (f->form && field >= 0 && field < f->nf) {
		set_current_field(f->form, f->fields[field]);
		form_end(f);
	}
	return R_DRAW;
}

/* The model refused a save: keep the text as a draft when it was someone else's change. */
int form_refuse_model(struct tui *t, int field, const struct tdl_err *err, const char *hint)
{
	char msg[sizeof err->msg + 200];

	if (!err_is_conflict(err))
		return form_refuse(t, field, err->msg);
	form_save_draft(t);
	t->form->kept = 1;
	snprintf(msg, sizeof msg, "%s. Your text is kept as a draft%s%s.", err->msg, hint ? "; " : "",
		 hint ? hint : "");
	return form_refuse(t, field, msg);
}

/* Parse a date field; empty is allowed when optional. */
int form_date(struct form_state *f, int i, int optional, day_t *out, int *given)
{
	*given = f->value[i][0] != '\0';
	if (!*given)
		return optional ? 0 : -1;
	return date_parse(f->value[i], out);
}

/* Parse a whole-number field within [min, max]; empty gives dflt. */
int form_number(struct form_state *f, int i, int min, int max, int dflt, int *out)
{
	char *end;
	long v;

	if (!f->value[i][0]) {
		*out = dflt;
		return 0;
	}
	v = strtol(f->value[i], &end, 10);
	if (*end || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* Check every field and save through the model. */
static int form_save(struct tui *t)
{
	struct form_state *f = t->form;
	struct tdl_err err;
	char key[sizeof f->key];
	long long child_id = f->child.id;
	int flags;

	form_collect(f);
	for (int i = 0; i < f->nf; i++)
		if (f->spec[i].kind == FK_NOTE) {
			text_trim(f->value[i]);
			if (f->cursor[i] > (int)strlen(f->value[i]))
				note_cursor_end(f, i);
		}
	f->error[0] = '\0';
	snprintf(key, sizeof key, "%s", f->key);
	flags = f->save(t, f);
	if (!t->form) /* saved and closed: no draft to offer any more */
		draft_drop(t->app->db, child_id, key, &err);
	return flags;
}

/* The open form's fields as one draft text: the fields' texts (a choice by
 * its number) joined by 0x1e, byte for byte. */
static const char *form_draft_body(struct form_state *f)
{
	static char body[FORM_FIELDS * (FORM_TEXT_MAX + 12)];
	size_t o = 0;

	form_collect(f);
	body[0] = '\0';
	for (int i = 0; i < f->nf && o + 2 < sizeof body; i++) {
		int n = f->spec[i].kind == FK_CHOICE
			? snprintf(body + o, sizeof body - o, "%s%d", i ? "\x1e" : "", f->choice[i])
			: snprintf(body + o, sizeof body - o, "%s%s", i ? "\x1e" : "", f->value[i]);

		if (n < 0 || (size_t)n >= sizeof body - o)
			break;
		o += (size_t)n;
	}
	return body;
}

/* Save body as the form's draft in the database (one try: a child removed
 * meanwhile leaves it without one, in the same statement). */
static int form_draft_to_db(struct tui *t, const char *body, struct tdl_err *err)
{
	return draft_save(t->app->db, t->form->child.id, t->form->key, body, err);
}

/* Keep the open form's text as this person's draft (someone else's change refused it). */
void form_save_draft(struct tui *t)
{
	struct tdl_err err;

	if (t->form)
		form_draft_to_db(t, form_draft_body(t->form), &err);
}

/* Keep the open form's text on a hang-up, without waiting for the database:
 * first in a private file of the person's own (a colleague may hold the write
 * lock, and the session may be killed soon after the signal), then in the
 * database if it is free this instant, which makes the file unneeded. Only
 * when no file can be written does the save wait for the database as usual.
 * Returns 0 when the text is kept somewhere, else -1 with why. */
int form_keep_draft(struct tui *t, char *why, size_t whysz)
{
	struct form_state *f = t->form;
	struct draft_note d;
	struct tdl_err ferr, err;
	char path[4400];
	int rc;

	if (!f)
		return 0;
	d.child_id = f->child.id;
	d.child_uuid = f->child.uuid;
	d.form = f->key;
	d.body = form_draft_body(f);
	if (t->app->demo) { /* the demo's database goes with it: no file either */
		form_draft_to_db(t, d.body, &err);
		return 0;
	}
	if (draft_file_keep(t->app->db, &d, path, sizeof path, &ferr) == TDL_OK) {
		db_busy_limit(0);
		if (form_draft_to_db(t, d.body, &err) == TDL_OK)
			draft_file_forget(path);
		db_busy_limit(-1);
		return 0;
	}
	rc = form_draft_to_db(t, d.body, &err);
	if (rc)
		snprintf(why, whysz, "could not keep the draft of %s: %.200s; %.200s", f->title, ferr.msg, err.msg);
	return rc ? -1 : 0;
}

/* Take the drafts kept in files at hang-ups into the database, waiting only
 * briefly for a colleague's save; what cannot go in yet is tried again when a
 * form opens. */
void form_merge_drafts(struct tui *t)
{
	struct draft_merge m;
	struct tdl_err err;
	int rc;

	if (t->app->demo)
		return;
	db_busy_limit(500);
	rc = draft_file_merge(t->app->db, &m, &err);
	db_busy_limit(-1);
	t->drafts_pending = rc != TDL_OK;
	if (rc != TDL_OK)
		tui_message(t, T_ERROR, "Text kept at a dropped connection waits until the database is free (%s).",
			    err.msg);
	else if (m.bad)
		tui_message(t, T_ERROR, "A kept draft could not be read and is left as it was: %s", m.bad_path);
}

/* Put an editor's text into field i: a note keeps its lines (a CR LF or a
 * lone CR is a line break), another field takes one line. Text that came
 * back as it went out (but for the editor's closing newline) keeps its bytes. */
static void form_take_text(struct form_state *f, int i, char *text)
{
	size_t n = strlen(text), o = 0;

	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	if (n == strlen(f->value[i]) && memcmp(text, f->value[i], n) == 0)
		return;
	for (size_t k = 0; text[k]; k++) {
		char c = text[k];

		if (c == '\r' && text[k + 1] == '\n')
			continue;
		if (c == '\r')
			c = '\n';
		if (f->spec[i].kind != FK_NOTE && (c == '\n' || c == '\t'))
			c = ' ';
		text[o++] = c;
	}
	text[o] = '\0';
	text_trim(text);
	if (f->spec[i].kind == FK_NOTE) {
		form_set_text(f, i, text);
		return;
	}
	snprintf(f->value[i], sizeof f->value[i], "%s", text);
	if (f->form && f->fields[i]) {
		field_load(f, i);
		form_end(f);
	}
}

/* Why the editor's text (len bytes, read whole or not) cannot go into field
 * i, into msg; 0 when it can. Nothing is cleaned or cut here: text with an
 * invalid byte, a control character (ESC...) or too many bytes is refused. */
static int edit_refusal(const struct form_state *f, int i, const char *text, size_t len, int whole,
			const char *path, char *msg, size_t msgsz)
{
	char ed[16];
	size_t n = len;
	int line;

	while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == '\r'))
		n--;
	if (whole && n == strlen(f->value[i]) && memcmp(text, f->value[i], n) == 0)
		return 0; /* back as it went out: the field keeps its bytes, whatever they are */
	keys_name(DO_EDITOR, KM_FORM, ed, sizeof ed);
	if (!whole)
		snprintf(msg, msgsz, "The edited text is too long for %s (it holds at most %d bytes): shorten it in "
			 "the editor (%s opens it again). ", f->spec[i].label, (int)sizeof f->value[0] - 1, ed);
	else if (text_find_bad(text, len, &line) >= 0)
		snprintf(msg, msgsz, "The edited text has an invalid byte at line %d: fix it in the editor (%s opens "
			 "it again). ", line, ed);
	else
		return 0;
	snprintf(msg + strlen(msg), msgsz - strlen(msg), "%s is unchanged; your edit is kept in %.400s",
		 f->spec[i].label, path);
	return 1;
}

/* Write the current text field in $VISUAL or $EDITOR (terminal restored after).
 * The file lives in a private per-edit folder that is removed afterwards; if
 * the session ends meanwhile, what the editor had is kept as the form's draft.
 * Text the field cannot keep is refused, the field left as it was and the
 * file kept (the next Ctrl-E on the field opens it again). */
int form_edit_in_editor(struct tui *t)
{
	struct form_state *f = t->form;
	const char *ed = getenv("VISUAL");
	static char text[sizeof f->value[0]];
	char msg[sizeof f->error];
	struct editor_file ef;
	struct tdl_err err;
	int i, rc, hung_up = 0, refused = 0;

	form_collect(f);
	i = f->focus;
	if (i < 0 || i >= f->nf || f->spec[i].kind == FK_CHOICE)
		return R_DRAW;
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (f->edit.path[0] && f->edit_field == i && access(f->edit.path, F_OK) == 0) {
		ef = f->edit; /* the refused edit, back in the editor to be put right */
		rc = TDL_OK;
	} else {
		rc = editor_file_make(&ef, f->value[i], &err);
	}
	if (!rc) {
		size_t len = 0;
		int got;

		def_prog_mode();
		endwin();
		rc = editor_run(ed && *ed ? ed : "vi", &ef, tui_hung_up, &hung_up, &err);
		if (!hung_up) {
			reset_prog_mode();
			clearok(curscr, TRUE);
		}
		if (!rc || hung_up) {
			got = editor_file_read(&ef, text, sizeof text, &len);
			if (got >= 0) {
				refused = edit_refusal(f, i, text, len, got == 0, ef.path, msg, sizeof msg);
				if (!refused && f->error[0] && !hung_up) {
					/* put right: the refusal's message goes, and its rows with it */
					f->error[0] = '\0';
					form_take_text(f, i, text);
					form_suspend(t);
					form_resume(t);
				} else if (!refused) {
					form_take_text(f, i, text);
				}
			}
		}
		/* on a hang-up the text is in the form now: the loop ends next and keeps it */
		if (refused) {
			f->edit = ef;
			f->edit_field = i;
		} else {
			if (!strcmp(f->edit.path, ef.path))
				memset(&f->edit, 0, sizeof f->edit);
			editor_file_remove(&ef);
		}
	}
	if (rc && !hung_up)
		tui_message(t, T_ERROR, "%s", err.msg);
	if (refused && !hung_up)
		return form_refuse(t, i, msg);
	return R_DRAW;
}

/* Step a choice field forwards or backwards. */
static void choice_step(struct form_state *f, int i, int delta)
{
	int n = 0;

	while (f->spec[i].choices[n])
		n++;
	if (n == 0)
		return; /* nothing to step through */
	f->choice[i] = (f->choice[i] + delta + n) % n;
	set_field_buffer(f->fields[i], 0, f->spec[i].choices[f->choice[i]]);
	if (f->on_choice) {
		form_collect(f);
		f->on_choice(f, i);
	}
}

/* Close the form on Esc: the draft goes, unless a refusal kept it. A form
 * the person changed asks first (unless asked already: ask 0). */
static int form_cancel(struct tui *t, int ask)
{
	struct form_state *f = t->form;
	struct tdl_err err;
	int kept = f->kept;

	form_collect(f);
	if (ask && !kept && form_fingerprint(f) != f->baseline) {
		char yes[16], no[16], q[80];

		keys_name(DO_ASK_YES, KM_ASK, yes, sizeof yes);
		keys_name(DO_ASK_NO, KM_ASK, no, sizeof no);
		snprintf(q, sizeof q, "Discard your changes? %s/%s", yes, no);
		return form_ask(t, ASK_DISCARD, q);
	}
	if (!kept)
		draft_drop(t->app->db, f->child.id, f->key, &err);
	form_close(t);
	tui_message(t, T_DIM, kept ? "Closed; your text is kept as a draft and comes back when you open this form again."
				  : "Closed without saving.");
	return R_DRAW;
}

/* Move to the next or the previous field, the cursor after its text; the
 * form is laid out again when a note gains or loses the rows to spare. */
static int form_move(struct tui *t, struct form_state *f, int req)
{
	int was = field_index(current_field(f->form)), now;

	form_driver(f->form, req);
	form_end(f);
	now = field_index(current_field(f->form));
	if (now != was && (f->spec[was].kind == FK_NOTE || f->spec[now].kind == FK_NOTE)) {
		/* the note being written gets the rows to spare: lay the form out again */
		f->focus = now;
		form_suspend(t);
		form_resume(t);
	}
	return R_DRAW;
}

/* The keymaps that apply on the current field. */
static unsigned form_maps(const struct form_state *f)
{
	enum field_kind k = f->spec[field_index(current_field(f->form))].kind;

	return f->ask ? KM_ASK : k == FK_CHOICE ? KM_CHOICE | KM_FORM : k == FK_NOTE ? KM_NOTE | KM_FORM : KM_FORM;
}

/* Where the open form's key hints are for: a choice, a note or another field. */
enum hint_place form_hint_place(struct tui *t)
{
	unsigned maps = t->form && t->form->form ? form_maps(t->form) : KM_FORM;

	return maps & KM_CHOICE ? HP_CHOICE : maps & KM_NOTE ? HP_NOTE : HP_FORM;
}

/* The answer to the form's question: yes discards the changes or writes over
 * the file; no goes back to the form as it was. */
static int form_answer(struct tui *t, enum action a)
{
	struct form_state *f = t->form;
	enum form_ask was = f->ask;

	if (a != DO_ASK_YES && a != DO_ASK_NO)
		return R_DRAW; /* only y or n while asking */
	f->ask = ASK_NONE;
	if (a == DO_ASK_NO)
		return was == ASK_REPLACE ? form_refuse(t, f->nf - 1, "Not written: the file is as it was. "
							"Change the file name, or save again to be asked again.")
					  : R_DRAW;
	if (was == ASK_DISCARD)
		return form_cancel(t, 0);
	f->replace_ok = 1;
	return form_save(t);
}

/* True when the locale's characters are UTF-8. */
static int locale_utf8(void)
{
	const char *cs = nl_langinfo(CODESET);

	return cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
}

/* Why this terminal cannot show some text: its locale, or a tab or control character. */
static void form_why_unshown(char *out, size_t outsz)
{
	const char *name = setlocale(LC_CTYPE, NULL);

	if (locale_utf8())
		snprintf(out, outsz, "a tab or control character");
	else
		snprintf(out, outsz, "characters this terminal cannot show (its locale, %s, is not UTF-8)",
			 name ? name : "C");
}

/* Refuse an edit that would lose bytes: field cur holds text this terminal
 * cannot show, kept as it is until the person clears it or edits it elsewhere. */
static int form_refuse_unshown(struct tui *t, int cur)
{
	struct form_state *f = t->form;
	char why[160], ed[16], clr[16], msg[600];

	form_why_unshown(why, sizeof why);
	keys_name(DO_EDITOR, KM_FORM, ed, sizeof ed);
	keys_name(DO_FORM_CLEAR, KM_FORM, clr, sizeof clr);
	snprintf(msg, sizeof msg, "%s holds %s, so it is kept as it is. To change it, use a UTF-8 terminal, "
		 "%s to edit it in your editor, or %s to clear it.", f->spec[cur].label, why, ed, clr);
	return form_refuse(t, cur, msg);
}

/* Do one form action (from the key table); other keys type into a text field. */
int form_key(struct tui *t, int is_key, wint_t ch)
{
	struct form_state *f = t->form;
	int cur;

	if (!f || !f->form)
		return R_DRAW;
	cur = field_index(current_field(f->form));
	if (f->ask)
		return form_answer(t, keys_action(KM_ASK, is_key, ch));
	if (f->spec[cur].kind == FK_NOTE) {
		int r = note_key(t, f, cur, keys_action(KM_NOTE | KM_FORM, is_key, ch), is_key, ch);

		if (r != R_NONE)
			return r;
	}
	switch (keys_action(form_maps(f), is_key, ch)) {
	case DO_UP:
		return form_move(t, f, REQ_PREV_FIELD);
	case DO_DOWN:
		return form_move(t, f, REQ_NEXT_FIELD);
	case DO_BACK:
		return form_cancel(t, 1);
	case DO_EDITOR:
		return form_edit_in_editor(t);
	case DO_FORM_ENTER:
		return cur == f->nf - 1 ? form_save(t) : form_move(t, f, REQ_NEXT_FIELD);
	case DO_FORM_SAVE:
		return form_save(t);
	case DO_FORM_NEXT:
		return form_move(t, f, REQ_NEXT_FIELD);
	case DO_FORM_PREV:
		return form_move(t, f, REQ_PREV_FIELD);
	case DO_CHOICE_NEXT:
	case DO_CHOICE_PREV:
		choice_step(f, cur, keys_action(form_maps(f), is_key, ch) == DO_CHOICE_PREV ? -1 : 1);
		return R_DRAW;
	case DO_LEFT:
		form_driver(f->form, REQ_LEFT_CHAR);
		return R_DRAW;
	case DO_RIGHT:
		form_driver(f->form, REQ_RIGHT_CHAR);
		return R_DRAW;
	case DO_HOME:
		form_driver(f->form, REQ_BEG_LINE);
		return R_DRAW;
	case DO_END:
		form_end(f);
		return R_DRAW;
	case DO_FORM_RUBOUT:
		if (f->locked[cur])
			return form_refuse_unshown(t, cur);
		form_driver(f->form, REQ_DEL_PREV);
		return R_DRAW;
	case DO_FORM_DELETE:
		if (f->locked[cur])
			return form_refuse_unshown(t, cur);
		form_driver(f->form, REQ_DEL_CHAR);
		return R_DRAW;
	case DO_FORM_CLEAR:
		f->locked[cur] = 0; /* cleared on purpose: what is typed next replaces it */
		form_driver(f->form, REQ_CLR_FIELD);
		return R_DRAW;
	case DO_REDRAW:
		clearok(curscr, TRUE);
		return R_DRAW;
	default:
		break;
	}
	if (is_key || ch < 32 || f->spec[cur].kind != FK_TEXT)
		return R_DRAW;
	if (f->locked[cur])
		return form_refuse_unshown(t, cur);
	/* not a key, so a character: wint_t's value fits wchar_t */
	if (form_driver_w(f->form, OK, (wchar_t)ch) == E_REQUEST_DENIED && f->spec[cur].max > 0)
		snprintf(f->error, sizeof f->error, "%s: at most %d characters", f->spec[cur].label,
			 f->spec[cur].max);
	return R_DRAW;
}

/* The line under the intro: what a terminal without UTF-8 means for this form. */
static void form_locale_note(const struct form_state *f, char *out, size_t outsz)
{
	char ed[16];

	out[0] = '\0';
	for (int i = 0; i < f->nf; i++)
		if (f->locked[i]) {
			snprintf(out, outsz, "%s", locale_utf8() ? "A tab or control character here is kept as it is."
					     : "? marks what this terminal cannot show; it is kept as it is.");
			return;
		}
	if (locale_utf8())
		return;
	keys_name(DO_EDITOR, KM_FORM, ed, sizeof ed);
	snprintf(out, outsz, "Not a UTF-8 terminal: type plain letters, or %s for your editor.", ed);
}

/* Whether row k of the fields' block holds a field's cells. */
static int field_on_row(const struct form_state *f, int k)
{
	for (int i = 0; i < f->nf; i++)
		if (k >= f->row[i] && k < f->row[i] + f->height[i])
			return 1;
	return 0;
}

/* Draw the form's frame, texts, labels and message; libform draws the fields. */
void form_draw(struct tui *t)
{
	struct form_state *f = t->form;
	struct form_layout l;
	char note[160], hint[400];
	int w, h, lw, tw;

	if (!f || !f->form || !t->over)
		return;
	getmaxyx(t->over, h, w);
	tw = w - 4;
	lw = label_width(f);
	form_layout(t, f, w, &l);
	form_locale_note(f, note, sizeof note);
	/* blank what is ours (every row but the fields' own cells) */
	for (int y = 1; y < h - 1; y++)
		draw_text(t->over, y, 1, field_on_row(f, y - l.fields) ? lw + 1 : w - 2, T_NORMAL, "");
	draw_box(t, t->over, f->title, 1);
	if (l.nintro)
		draw_wrap(t->over, l.intro, 2, tw, l.nintro, T_HEADING, f->intro);
	if (l.nnote)
		draw_wrap(t->over, l.note, 2, tw, l.nnote, T_DIM, note);
	for (int i = 0; i < f->nf; i++)
		draw_text(t->over, l.fields + f->row[i], 2, lw, T_NORMAL, f->spec[i].label);
	if (f->ask) {
		/* a calm question where the message goes; the fields stay as they are */
		draw_wrap(t->over, l.err, 2, tw, l.nerr ? l.nerr : 1, T_HEADING, f->question);
	} else {
		if (l.nerr)
			draw_wrap(t->over, l.err, 2, tw, l.nerr, T_ERROR, f->error);
		if (l.nhint) {
			keys_hints(form_hint_place(t), hint, sizeof hint);
			draw_hints(t->over, l.hint, 2, tw, l.nhint, T_DIM, hint);
		}
	}
	pos_form_cursor(f->form);
	for (int i = 0; i < f->nf; i++)
		if (f->spec[i].kind == FK_NOTE && f->fields[i])
			note_draw(t, f, i, l.fields + f->row[i], 2 + lw, w - 4 - lw,
				  !f->ask && current_field(f->form) == f->fields[i]);
	if (f->ask)
		wmove(t->over, l.err, 2 + text_width(f->question) + 1 < w - 2 ? 2 + text_width(f->question) + 1 : w - 3);
	wnoutrefresh(t->over);
}
