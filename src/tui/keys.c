/* The one table of actions, bound per keymap (the views and their windows, a
 * form, a form's choice field). Every key is read through it; the help screen,
 * the status-line hints, `toddle keys` and the manual's key list are made from it. */
#include <stdio.h>
#include <string.h>
#include "tui/tui.h"

#define CTRL(c) ((c) & 0x1f)
#define VIEWS (KM_MAIN | KM_OVERLAY)

struct binding {
	enum action action;
	unsigned maps;        /* enum keymap bits: where the binding applies */
	int keys[4];          /* characters, or KEY_* codes when above KEY_MIN */
	const char *help;
};

/* A therapist's key: only in clinic mode (a lookup with KM_CLINIC in its maps). */
#define CLINIC (KM_MAIN | KM_CLINIC)

/* True when binding b applies in the keymaps maps. */
static int binding_applies(const struct binding *b, unsigned maps)
{
	return (b->maps & maps & ~KM_CLINIC) && (!(b->maps & KM_CLINIC) || (maps & KM_CLINIC));
}

/* In lookup order: a choice field's keys come before the form's. */
static const struct binding table[] = {
	{ DO_HELP, VIEWS, { '?', KEY_F(1) }, "show this help" },
	{ DO_QUIT, VIEWS, { 'q' }, "quit (everything is already saved); in a window: close it" },
	{ DO_FOCUS, KM_MAIN, { '\t', KEY_BTAB }, "move between the menu and the main pane" },
	{ DO_VIEW_WEEK, KM_MAIN, { '1', 'w' }, "this week: note and activities" },
	{ DO_VIEW_MILESTONES, KM_MAIN, { '2', 'm' }, "milestones for the child's age" },
	{ DO_VIEW_CALENDAR, KM_MAIN, { '3', 'c' }, "calendar of logged days" },
	{ DO_UP, VIEWS, { KEY_UP, 'k' }, "move up (calendar: a week earlier)" },
	{ DO_DOWN, VIEWS, { KEY_DOWN, 'j' }, "move down (calendar: a week later)" },
	{ DO_LEFT, VIEWS, { KEY_LEFT, 'h' }, "earlier week (calendar: a day earlier)" },
	{ DO_RIGHT, VIEWS, { KEY_RIGHT, 'l' }, "later week (calendar: a day later)" },
	{ DO_PREV, KM_MAIN, { '[', '<' }, "previous week, checklist age or month" },
	{ DO_NEXT, KM_MAIN, { ']', '>' }, "next week, checklist age or month" },
	{ DO_PGUP, VIEWS, { KEY_PPAGE }, "a page up; the selection moves with it" },
	{ DO_PGDN, VIEWS, { KEY_NPAGE, ' ' }, "a page down; the selection moves with it" },
	{ DO_HOME, VIEWS, { KEY_HOME, 'g' }, "go to the top and the first item" },
	{ DO_END, VIEWS, { KEY_END, 'G' }, "go to the end and the last item" },
	{ DO_SEARCH, VIEWS, { '/' }, "search as you type (the week view: every activity of every age)" },
	{ DO_TODAY, KM_MAIN, { 't' }, "back to today and the child's own week" },
	{ DO_OPEN, VIEWS, { '\n', '\r', KEY_ENTER }, "open the selected item" },
	{ DO_BACK, KM_OVERLAY, { 27, KEY_BACKSPACE }, "close the open window" },
	{ DO_LOG, VIEWS, { 'o', '+' }, "log the selected milestone or activity (with a form)" },
	{ DO_DONE, VIEWS, { 'd' }, "mark the open activity done today; a class watched, or not watched any more" },
	{ DO_PLAY, KM_OVERLAY, { 'p' }, "play the open class's video (or show its link over SSH)" },
	{ DO_NEW, VIEWS, { 'n' }, "new appointment on the calendar's day; new note in the record" },
	{ DO_DELETE, VIEWS, { 'x', KEY_DC }, "remove the selected entry (press twice)" },
	{ DO_REPORT, KM_MAIN, { 'r' }, "write a report for the doctor, therapist or school to a file" },
	{ DO_ADD_CHILD, KM_MAIN, { 'a' }, "add a child" },
	{ DO_EDIT_CHILD, KM_MAIN, { 'e' }, "edit the shown child" },
	{ DO_REDRAW, VIEWS | KM_FORM | KM_PROMPT, { CTRL('l') }, "redraw the screen" },
	{ DO_VIEW_CLASSES, KM_MAIN, { '4' }, "classes: short lessons for parents" },
	{ DO_VIEW_GUIDE, KM_MAIN, { '5' }, "who helps with what, and when to talk to the doctor" },
	{ DO_VIEW_CASELOAD, CLINIC, { '6' }, "caseload: the children you work with (clinic)" },
	{ DO_VIEW_RECORD, CLINIC, { '7' }, "the shown child's record: team, goals, home program, notes (clinic)" },
	{ DO_SORT, CLINIC, { 's' }, "caseload: change the sort order" },
	{ DO_MINE, CLINIC, { 'A' }, "caseload: mine or all children" },
	{ DO_GOAL, CLINIC, { 'O' }, "record: add a goal (an objective) for the shown child" },
	{ DO_PROGRAM, CLINIC, { 'P' }, "add the selected activity to the child's home program" },
	{ DO_VERSIONS, CLINIC, { 'v' }, "record: every version of the selected note, with who and when" },
	{ DO_AUDIT, CLINIC, { 'L' }, "record: the child's audit trail (who changed what, when)" },
	{ DO_ASSIGN, CLINIC, { 'T' }, "record: assign a therapist to the child (x twice on a team line ends it)" },
	{ DO_DELETE_CHILD, CLINIC, { 'D' }, "record: delete the child, confirmed by typing the name (admins)" },
	{ DO_UNDO, VIEWS, { 'u' }, "undo your last change of this session (a removal, a correction or an edit), as a new change" },
	{ DO_CATCHUP, KM_MAIN, { 'C' }, "catch up: go through the passed checklists not answered yet" },
	{ DO_ANSWER_YES, KM_CATCHUP, { 'y' }, "yes, seen (saved at once, without a date)" },
	{ DO_ANSWER_NOT_YET, KM_CATCHUP, { 'n' }, "not yet (saved at once, dated today)" },
	{ DO_ANSWER_UNSURE, KM_CATCHUP, { '?' }, "not sure: nothing is saved, the item stays unanswered" },
	{ DO_ALL_YES, KM_CATCHUP, { 'a' }, "yes to every item of this checklist not answered yet" },
	{ DO_SKIP_AGE, KM_CATCHUP, { 's' }, "skip this checklist for now" },
	{ DO_CORRECT, KM_MAIN, { 'E' }, "milestones: correct the selected history entry (Enter does too)" },
	{ DO_FORM_ENTER, KM_PROMPT, { '\n', '\r', KEY_ENTER }, "keep the place found; then n and N" },
	{ DO_BACK, KM_PROMPT, { 27 }, "stop searching and go back to where you were" },
	{ DO_FIND_NEXT, KM_PROMPT, { KEY_DOWN, '\t' }, "the next match" },
	{ DO_FIND_PREV, KM_PROMPT, { KEY_UP, KEY_BTAB }, "the match before" },
	{ DO_FORM_RUBOUT, KM_PROMPT, { KEY_BACKSPACE, 127, 8 }, "delete the last character typed" },
	{ DO_FORM_CLEAR, KM_PROMPT, { CTRL('u') }, "clear the search" },
	{ DO_FIND_NEXT, KM_FOUND, { 'n' }, "after Enter: the next match" },
	{ DO_FIND_PREV, KM_FOUND, { 'N' }, "after Enter: the match before" },
	{ DO_BACK, KM_FOUND, { 27 }, "after Enter: end the search here (the week view: back to the week)" },
	{ DO_NEWLINE, KM_NOTE, { '\n', '\r', KEY_ENTER }, "in a note: start a new line (Ctrl-S saves)" },
	{ DO_UP, KM_NOTE, { KEY_UP }, "in a note: the line above; on its first line, the field before" },
	{ DO_DOWN, KM_NOTE, { KEY_DOWN }, "in a note: the line below; on its last line, the next field" },
	{ DO_HOME, KM_NOTE, { KEY_HOME }, "in a note: the start of the line" },
	{ DO_END, KM_NOTE, { KEY_END }, "in a note: the end of the line" },
	{ DO_ASK_YES, KM_ASK, { 'y', 'Y' }, "when a form asks: yes (discard the changes, or replace the file)" },
	{ DO_ASK_NO, KM_ASK, { 'n', 'N', 27 }, "when a form asks: no, back to the form as it was" },
	{ DO_CHOICE_NEXT, KM_CHOICE, { ' ', KEY_RIGHT }, "on a choice: the next one" },
	{ DO_CHOICE_PREV, KM_CHOICE, { KEY_LEFT }, "on a choice: the one before" },
	{ DO_FORM_NEXT, KM_FORM, { '\t', KEY_DOWN }, "next field" },
	{ DO_FORM_PREV, KM_FORM, { KEY_BTAB, KEY_UP }, "field before" },
	{ DO_FORM_ENTER, KM_FORM, { '\n', '\r', KEY_ENTER }, "next field; on the last one, save" },
	{ DO_FORM_SAVE, KM_FORM, { CTRL('s') }, "save now, from any field" },
	{ DO_BACK, KM_FORM, { 27 }, "close the form without saving" },
	{ DO_EDITOR, KM_FORM, { CTRL('e') }, "write the field in $VISUAL or $EDITOR" },
	{ DO_LEFT, KM_FORM, { KEY_LEFT }, "move the cursor left" },
	{ DO_RIGHT, KM_FORM, { KEY_RIGHT }, "move the cursor right" },
	{ DO_HOME, KM_FORM, { KEY_HOME }, "go to the start of the field" },
	{ DO_END, KM_FORM, { KEY_END }, "go to the end of the field" },
	{ DO_FORM_RUBOUT, KM_FORM, { KEY_BACKSPACE, 127, 8 }, "delete the character before the cursor" },
	{ DO_FORM_DELETE, KM_FORM, { KEY_DC }, "delete the character under the cursor" },
	{ DO_FORM_CLEAR, KM_FORM, { CTRL('u') }, "clear the field" },
};

/* A status-line hint: the first key of one or two actions, and a word. */
struct hint {
	unsigned where;       /* enum hint_place bits */
	enum action a, b;
	const char *text;
};

#define LISTS (HP_WEEK | HP_MILESTONES | HP_CLASSES | HP_CASELOAD | HP_MENU)

static const struct hint hints[] = {
	{ LISTS | HP_DETAIL | HP_CLASS | HP_HELP | HP_GUIDE, DO_UP, DO_DOWN, "choose" },
	{ HP_CALENDAR, DO_LEFT, DO_RIGHT, "day" },
	{ HP_CALENDAR, DO_UP, DO_DOWN, "week" },
	{ HP_WEEK | HP_CLASSES | HP_CASELOAD | HP_MENU, DO_OPEN, 0, "open" },
	{ HP_MILESTONES, DO_OPEN, 0, "log" },
	{ HP_MS_ENTRY, DO_UP, DO_DOWN, "choose" },
	{ HP_MS_ENTRY, DO_CORRECT, 0, "correct entry" },
	{ HP_MS_ENTRY, DO_DELETE, 0, "twice: remove entry" },
	{ HP_CALENDAR, DO_OPEN, 0, "open day" },
	{ HP_RECORD, DO_OPEN, 0, "correct or set" },
	{ HP_DAY, DO_OPEN, 0, "edit or log" },
	{ HP_WEEK, DO_LOG, 0, "log" },
	{ HP_DETAIL, DO_DONE, 0, "done today" },
	{ HP_DETAIL, DO_LOG, 0, "log how it went" },
	{ HP_CLASS | HP_CLASSES, DO_DONE, 0, "watched on/off" },
	{ HP_CLASS_VIDEO, DO_PLAY, 0, "play video" },
	{ HP_WEEK, DO_PREV, DO_NEXT, "week" },
	{ HP_MILESTONES, DO_PREV, DO_NEXT, "checklist age" },
	{ HP_CALENDAR, DO_PREV, DO_NEXT, "month" },
	{ HP_GUIDE, DO_PGUP, DO_PGDN, "page" },
	{ HP_CALENDAR | HP_DAY, DO_NEW, 0, "appointment" },
	{ HP_RECORD, DO_NEW, 0, "note" },
	{ HP_RECORD, DO_GOAL, 0, "goal" },
	{ HP_RECORD, DO_DELETE, 0, "twice: end" },
	{ HP_RECORD, DO_VERSIONS, 0, "versions" },
	{ HP_RECORD, DO_AUDIT, 0, "audit" },
	{ HP_ADMIN, DO_ASSIGN, 0, "assign" },
	{ HP_ADMIN, DO_DELETE_CHILD, 0, "delete child" },
	{ HP_DAY, DO_DELETE, 0, "remove" },
	{ HP_WEEK | HP_CLASSES | HP_GUIDE | HP_CASELOAD | HP_HELP, DO_SEARCH, 0, "search" },
	{ HP_DAY | HP_MS_ENTRY, DO_UNDO, 0, "undo" },
	{ HP_CASELOAD, DO_SORT, 0, "sort" },
	{ HP_CASELOAD, DO_MINE, 0, "mine/all" },
	{ HP_MENU, DO_ADD_CHILD, 0, "add child" },
	{ HP_MENU, DO_EDIT_CHILD, 0, "edit" },
	{ HP_WEEK | HP_MILESTONES | HP_MS_ENTRY | HP_CALENDAR, DO_TODAY, 0, "today" },
	{ HP_WEEK | HP_CLASSES | HP_GUIDE | HP_MENU, DO_FOCUS, 0, "menu" },
	{ HP_DETAIL | HP_CLASS | HP_DAY | HP_HELP, DO_BACK, 0, "close" },
	{ HP_CHOICE, DO_CHOICE_NEXT, 0, "change" },
	{ HP_NOTE, DO_NEWLINE, 0, "new line" },
	{ HP_FORM | HP_NOTE, DO_FORM_NEXT, 0, "next" },
	{ HP_FORM | HP_CHOICE, DO_FORM_ENTER, 0, "save on the last" },
	{ HP_FORM | HP_CHOICE | HP_NOTE, DO_FORM_SAVE, 0, "save" },
	{ HP_FORM | HP_CHOICE | HP_NOTE, DO_BACK, 0, "cancel" },
	{ HP_CATCHUP, DO_ANSWER_YES, 0, "yes" },
	{ HP_CATCHUP, DO_ANSWER_NOT_YET, 0, "not yet" },
	{ HP_CATCHUP, DO_ANSWER_UNSURE, 0, "not sure" },
	{ HP_CATCHUP, DO_ALL_YES, 0, "all yes" },
	{ HP_CATCHUP, DO_SKIP_AGE, 0, "skip" },
	{ HP_CATCHUP, DO_BACK, 0, "stop" },
	{ HP_PROMPT, DO_FORM_ENTER, 0, "keep" },
	{ HP_PROMPT, DO_BACK, 0, "back" },
	{ HP_PROMPT, DO_FIND_NEXT, DO_FIND_PREV, "next/prev" },
	{ HP_FOUND, DO_FIND_NEXT, DO_FIND_PREV, "next/previous" },
	{ HP_FOUND, DO_BACK, 0, "end search" },
};

/* The action bound to a key in the keymaps `maps` (is_key: ch is a KEY_* code). */
enum action keys_action(unsigned maps, int is_key, wint_t ch)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		if (!binding_applies(&table[i], maps))
			continue;
		for (int k = 0; k < 4 && table[i].keys[k]; k++) {
			int code = table[i].keys[k];

			if ((code >= KEY_MIN) == !!is_key && (wint_t)code == ch)
				return table[i].action;
		}
	}
	return DO_NONE;
}

/* A key's name as people write it: Enter, Ctrl-S, PgDn, q. */
static const char *key_word(int code, char buf[16])
{
	static const struct { int code; const char *name; } names[] = {
		{ '\t', "Tab" }, { KEY_BTAB, "Shift-Tab" }, { '\n', "Enter" }, { '\r', "Enter" },
		{ KEY_ENTER, "Enter" }, { 27, "Esc" }, { ' ', "Space" }, { 127, "Backspace" },
		{ 8, "Backspace" }, { KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Del" }, { KEY_UP, "Up" },
		{ KEY_DOWN, "Down" }, { KEY_LEFT, "Left" }, { KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" },
		{ KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
	};

	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (names[i].code == code)
			return names[i].name;
	if (code >= KEY_F(1) && code <= KEY_F(12))
		snprintf(buf, 16, "F%d", code - KEY_F(0));
	else if (code > 0 && code < 32)
		snprintf(buf, 16, "Ctrl-%c", code + 'A' - 1);
	else
		snprintf(buf, 16, "%c", code);
	return buf;
}

/* A binding's keys, each name once: "Up k", "Enter". */
static void binding_label(const struct binding *b, char *out, size_t outsz)
{
	out[0] = '\0';
	for (int k = 0; k < 4 && b->keys[k]; k++) {
		char buf[16];
		const char *name = key_word(b->keys[k], buf);
		size_t len = strlen(name), used = strlen(out);
		const char *at = strstr(out, name);

		if (at && (at == out || at[-1] == ' ') && (at[len] == ' ' || at[len] == '\0'))
			continue;
		snprintf(out + used, outsz - used, "%s%s", used ? " " : "", name);
	}
}

/* The first binding of action a that applies in maps, or NULL. */
static const struct binding *binding_of(enum action a, unsigned maps)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (table[i].action == a && (table[i].maps & maps))
			return &table[i];
	return NULL;
}

/* The first key of action a in maps as people write it ("Ctrl-E"); "" when unbound. */
void keys_name(enum action a, unsigned maps, char *out, size_t outsz)
{
	const struct binding *b = binding_of(a, maps);
	char buf[16];

	snprintf(out, outsz, "%s", b ? key_word(b->keys[0], buf) : "");
}

/* The status-line hint for a place: "Up/Down choose  Enter open  ...". */
void keys_hints(enum hint_place place, char *out, size_t outsz)
{
	unsigned maps = place & HP_PROMPT ? KM_PROMPT : place & HP_FOUND ? KM_FOUND
		: place & HP_NOTE ? KM_NOTE | KM_FORM
		: place & (HP_FORM | HP_CHOICE) ? KM_FORM | KM_CHOICE
		: place & HP_CATCHUP ? KM_CATCHUP | KM_OVERLAY
		: place & (HP_DETAIL | HP_CLASS | HP_DAY | HP_HELP) ? KM_OVERLAY : KM_MAIN;
	size_t used = 0;

	out[0] = '\0';
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++) {
		const struct binding *a, *b;
		char ka[16], kb[16];
		const char *na, *nb = NULL;
		int n;

		if (!(hints[i].where & place) || !(a = binding_of(hints[i].a, maps)))
			continue;
		na = key_word(a->keys[0], ka);
		if (hints[i].b && (b = binding_of(hints[i].b, maps)))
			nb = key_word(b->keys[0], kb);
		n = snprintf(out + used, outsz - used, "%s%s%s%s %s", used ? "  " : "", na,
			     nb ? (strlen(na) == 1 && strlen(nb) == 1 ? " " : "/") : "", nb ? nb : "",
			     hints[i].text);
		if (n < 0 || (size_t)n >= outsz - used) {
			out[used] = '\0';
			break;
		}
		used += (size_t)n;
	}
}

/* Add the bindings of maps to the help document, each wrapped to width (the
 * therapists' keys only with KM_CLINIC in maps). */
static void help_section(struct doc *d, unsigned maps, int width)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		char label[64];

		if (!binding_applies(&table[i], maps))
			continue;
		char prefix[80];

		binding_label(&table[i], label, sizeof label);
		snprintf(prefix, sizeof prefix, "  %-14s ", label);
		doc_wrap(d, T_NORMAL, -1, prefix, table[i].help, width);
	}
}

/* The help screen: one line per binding, from the table (a family's has no
 * therapists' keys). */
void keys_help(struct doc *d, int width, int clinic)
{
	doc_reset(d);
	doc_add(d, T_HEADING, -1, "Keys");
	help_section(d, VIEWS | (clinic ? KM_CLINIC : 0), width);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_add(d, T_HEADING, -1, "In the catch-up (C)");
	help_section(d, KM_CATCHUP, width);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_add(d, T_HEADING, -1, "While searching (/)");
	help_section(d, KM_PROMPT | KM_FOUND, width);
	doc_wrap(d, T_NORMAL, -1, "  ", "Type to find; case and accents do not matter (e matches é).", width - 2);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_add(d, T_HEADING, -1, "In a form");
	help_section(d, KM_FORM | KM_CHOICE | KM_NOTE | KM_ASK, width);
	doc_wrap(d, T_NORMAL, -1, "  ",
		 "Any other key types into the field. Notes take several lines: Enter starts a new line "
		 "and Ctrl-S saves. Esc on a form you changed asks before your changes go. Nothing is saved "
		 "until every field is valid.", width - 2);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_wrap(d, T_DIM, -1, "  ",
		 "Ages are corrected for babies born before 37 weeks until the age in the settings "
		 "(child.correct_until_months, 24 by default); both ages are shown while it applies.",
		 width - 2);
}

/* Print the key table for people (WHERE, KEYS, WHAT; tab separated) or, with
 * man, as the manual's list (troff), which a test compares with doc/toddle.1. */
void keys_print(FILE *out, int man)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++) {
		const struct binding *b = &table[i];
		const char *where = b->maps & VIEWS ? "view" : b->maps & KM_CHOICE ? "choice"
				  : b->maps & KM_CATCHUP ? "catch-up" : b->maps & (KM_PROMPT | KM_FOUND) ? "search"
				  : b->maps & KM_NOTE ? "note" : b->maps & KM_ASK ? "ask" : "form";
		char label[64];

		binding_label(b, label, sizeof label);
		if (!man) {
			fprintf(out, "%s\t%s\t%s\n", where, label, b->help);
			continue;
		}
		fprintf(out, ".TP\n.B \"");
		for (const char *p = label; *p; p++)
			fprintf(out, *p == '-' ? "\\-" : *p == '\\' ? "\\e" : "%c", *p);
		fprintf(out, "\"\n%s%s\n", where[0] == 'v' ? (b->maps & KM_CLINIC ? "In clinic mode: " : "")
			: where[0] == 'f' ? "In a form: "
			: where[0] == 's' ? "While searching: "
			: where[0] == 'c' && where[1] == 'a' ? "In the catch-up: "
			: where[0] == 'c' ? "On a choice: " : "", b->help);
	}
}
