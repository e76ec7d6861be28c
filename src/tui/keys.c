/* The one table of actions: their keys and help. The help screen is made from it. */
#include <string.h>
#include "tui/tui.h"

#define CTRL(c) ((c) & 0x1f)

struct binding {
	enum action action;
	int keys[4];          /* characters, or KEY_* codes when above KEY_MIN */
	const char *label;    /* the keys as shown in help */
	const char *help;
};

static const struct binding table[] = {
	{ DO_HELP, { '?', KEY_F(1) }, "? F1", "show this help" },
	{ DO_QUIT, { 'q' }, "q", "quit (everything is already saved)" },
	{ DO_FOCUS, { '\t', KEY_BTAB }, "Tab", "move between the menu and the main pane" },
	{ DO_VIEW_WEEK, { '1', 'w' }, "1 w", "this week: note and activities" },
	{ DO_VIEW_MILESTONES, { '2', 'm' }, "2 m", "milestones for the child's age" },
	{ DO_VIEW_CALENDAR, { '3', 'c' }, "3 c", "calendar of logged days" },
	{ DO_UP, { KEY_UP, 'k' }, "Up k", "move up (calendar: a week earlier)" },
	{ DO_DOWN, { KEY_DOWN, 'j' }, "Down j", "move down (calendar: a week later)" },
	{ DO_LEFT, { KEY_LEFT, 'h' }, "Left h", "earlier week (calendar: a day earlier)" },
	{ DO_RIGHT, { KEY_RIGHT, 'l' }, "Right l", "later week (calendar: a day later)" },
	{ DO_PREV, { '[', '<' }, "[ <", "previous week, checklist age or month" },
	{ DO_NEXT, { ']', '>' }, "] >", "next week, checklist age or month" },
	{ DO_PGUP, { KEY_PPAGE }, "PgUp", "scroll up a page" },
	{ DO_PGDN, { KEY_NPAGE, ' ' }, "PgDn Space", "scroll down a page" },
	{ DO_HOME, { KEY_HOME, 'g' }, "Home g", "go to the top" },
	{ DO_END, { KEY_END }, "End", "go to the end" },
	{ DO_TODAY, { 't' }, "t", "back to today and the child's own week" },
	{ DO_OPEN, { '\n', '\r', KEY_ENTER }, "Enter", "open the selected item" },
	{ DO_BACK, { 27, KEY_BACKSPACE }, "Esc", "close the open window" },
	{ DO_LOG, { 'o', '+' }, "o +", "log the selected milestone or activity (with a form)" },
	{ DO_DONE, { 'd' }, "d", "mark the open activity done today, or the open class watched" },
	{ DO_PLAY, { 'p' }, "p", "play the open class's video (or show its link over SSH)" },
	{ DO_NEW, { 'n' }, "n", "new appointment on the calendar's day" },
	{ DO_DELETE, { 'x', KEY_DC }, "x Del", "remove the selected calendar entry (press twice)" },
	{ DO_REPORT, { 'r' }, "r", "write a report for the doctor, therapist or school to a file" },
	{ DO_ADD_CHILD, { 'a' }, "a", "add a child" },
	{ DO_EDIT_CHILD, { 'e' }, "e", "edit the shown child" },
	{ DO_REDRAW, { CTRL('l') }, "Ctrl-L", "redraw the screen" },
	{ DO_EDITOR, { CTRL('e') }, "Ctrl-E", "in a form: write the field in $VISUAL or $EDITOR" },
	{ DO_VIEW_CLASSES, { '4' }, "4", "classes: short lessons for parents" },
	{ DO_VIEW_GUIDE, { '5' }, "5", "who helps with what, and when to talk to the doctor" },
	{ DO_VIEW_CASELOAD, { '6' }, "6", "caseload: the children you work with (therapists)" },
	{ DO_VIEW_RECORD, { '7' }, "7", "the shown child's record: team, goals, home program, notes" },
	{ DO_SEARCH, { '/' }, "/", "caseload: search by name" },
	{ DO_SORT, { 's' }, "s", "caseload: change the sort order" },
	{ DO_MINE, { 'A' }, "A", "caseload: mine or all children" },
	{ DO_GOAL, { 'G' }, "G", "add a goal for the shown child" },
	{ DO_PROGRAM, { 'P' }, "P", "add the selected activity to the child's home program" },
};

/* The action bound to a key (is_key: ch is a KEY_* code). */
enum action keys_action(int is_key, wint_t ch)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		for (int k = 0; k < 4 && table[i].keys[k]; k++) {
			int code = table[i].keys[k];

			if ((code >= KEY_MIN) == !!is_key && (wint_t)code == ch)
				return table[i].action;
		}
	return DO_NONE;
}

/* The help screen: one line per action, from the table. */
void keys_help(struct doc *d, int width)
{
	doc_reset(d);
	doc_add(d, T_HEADING, -1, "Keys");
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		doc_add(d, T_NORMAL, -1, "  %-12s %s", table[i].label, table[i].help);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_add(d, T_HEADING, -1, "In a form");
	doc_wrap(d, T_NORMAL, -1, "  ",
		 "Tab or Down moves to the next field, Up to the one before. Space, Left or Right "
		 "change a choice. Enter on the last field saves; Esc closes the form without saving. "
		 "Nothing is saved until every field is valid.", width - 2);
	doc_add(d, T_NORMAL, -1, "%s", "");
	doc_wrap(d, T_DIM, -1, "  ",
		 "Ages are corrected for babies born before 37 weeks until the age in the settings "
		 "(child.correct_until_months, 24 by default); both ages are shown while it applies.",
		 width - 2);
}
