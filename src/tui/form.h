/* Inside the form pane: the state of the open form, shared by the engine
 * (form.c) and the forms themselves (form_*.c). */
#ifndef TODDLE_TUI_FORM_H
#define TODDLE_TUI_FORM_H

#include "editor.h"
#include "tui/tui.h"

#define FORM_FIELDS 6
#define FORM_TEXT_MAX 8192      /* bytes a field's text may hold, with its NUL */

/* FK_NOTE: a note of several lines (form_note.c): Enter starts a line, it wraps at the field's width. */
enum field_kind { FK_TEXT, FK_CHOICE, FK_NOTE };

/* What an open form is asking (y/n) instead of taking keys for its fields. */
enum form_ask { ASK_NONE, ASK_DISCARD, ASK_REPLACE };

struct field_spec {
	const char *label;
	enum field_kind kind;
	int width, max;
	const char *const *choices;
};

struct form_state;

/* Checks the fields and saves through the model; returns reaction flags. */
typedef int (*form_save_fn)(struct tui *t, struct form_state *f);

/* A choice field i changed (the form may adjust other fields). */
typedef void (*form_choice_fn)(struct form_state *f, int i);

struct form_state {
	form_save_fn save;
	char title[120], intro[CHILD_NAME_MAX + 400];
	int nf, focus;
	struct field_spec spec[FORM_FIELDS];
	char value[FORM_FIELDS][FORM_TEXT_MAX]; /* the field's text, byte for byte; kept across a resize */
	char shown[FORM_FIELDS][FORM_TEXT_MAX]; /* what libform gave back when value was put in: unchanged
					  * while the field reads the same, so value is what is saved */
	int locked[FORM_FIELDS];         /* value cannot be shown here (locale): a stand-in is shown
					  * and the field cannot be edited in the form */
	int choice[FORM_FIELDS];
	int row[FORM_FIELDS], height[FORM_FIELDS]; /* where each field is drawn, and its lines */
	int span;                        /* rows the fields take, gaps included */
	int cursor[FORM_FIELDS];         /* a note's cursor (a byte in value) */
	int top[FORM_FIELDS];            /* a note's first line in view */
	unsigned long long baseline;     /* the fields as the form opened (form_fingerprint) */
	enum form_ask ask;               /* a y/n question open over the fields */
	char question[300];
	int replace_ok;                  /* the person said yes to replacing the file (one save) */
	form_choice_fn on_choice;
	char suggested[1100];            /* a file name as toddle offered it ("" none) */
	FIELD *fields[FORM_FIELDS + 1];
	FORM *form;
	WINDOW *sub;
	char error[700];
	struct editor_file edit;         /* an edit refused (a bad byte): kept for the next Ctrl-E */
	int edit_field;                  /* the field it is for */
	char item_id[80];
	char key[300];                   /* names this form's draft */
	struct child child;              /* the child the form was opened for (id 0: none) */
	char record[48];                 /* the record's lasting id for the draft ("": row_id) */
	long long row_id;                /* the child, appointment or entry being edited */
	int row_version;                 /* the version it was read at */
	int kept;                        /* a refusal kept the text as a draft: Esc leaves it */
	day_t day;
};

/* Start a form with a title and a save function; fields are added next. */
struct form_state *form_new(struct tui *t, const char *title, form_save_fn save);

/* Add one field with an initial value. */
void form_field(struct form_state *f, const char *label, enum field_kind kind, int width, int max,
		const char *const *choices, const char *value);

/* Show the form that was just described. */
int form_show(struct tui *t);

/* Point at a field with a message; the form stays open. */
int form_refuse(struct tui *t, int field, const char *msg);

/* The model refused a save: when someone else changed or removed the record
 * or the child meanwhile, keep the text as a draft and say so (with `hint`,
 * how to see the newer version, or NULL); else as form_refuse. */
int form_refuse_model(struct tui *t, int field, const struct tdl_err *err, const char *hint);

/* This form is not about a child (adding one, searching): its draft is not tied to one. */
void form_no_child(struct form_state *f);

/* Put text into field i as if typed (the cursor after it). */
void form_set_text(struct form_state *f, int i, const char *text);

/* Ask a y/n question over the form (ASK_DISCARD, ASK_REPLACE); returns R_DRAW. */
int form_ask(struct tui *t, enum form_ask what, const char *question);

/* The fields' heights, with spare rows for the notes (the one being written first). */
void form_note_heights(struct form_state *f, int spare);

/* form_note.c: one key in a note field; R_NONE when it is not the note's
 * (Up on its first line, Down on its last: the form moves on). */
int note_key(struct tui *t, struct form_state *f, int i, enum action a, int is_key, wint_t ch);

/* form_note.c: draw note field i (x, y in the form's window, width columns);
 * with focus, put the cursor in it. */
void note_draw(struct tui *t, struct form_state *f, int i, int y, int x, int width, int focus);

/* form_note.c: put the cursor at the end of note i. */
void note_cursor_end(struct form_state *f, int i);

/* Parse a date field; empty is allowed when optional. */
int form_date(struct form_state *f, int i, int optional, day_t *out, int *given);

/* Parse a whole-number field within [min, max]; empty gives dflt. */
int form_number(struct form_state *f, int i, int min, int max, int dflt, int *out);

#endif
