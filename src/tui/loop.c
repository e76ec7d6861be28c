/* The one event loop: read a key (with a timeout), dispatch, redraw. */
#include <errno.h>
#include <langinfo.h>
#include <poll.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>
#include "toddle/appointment.h"
#include "toddle/clinic.h"
#include "toddle/db.h"
#include "toddle/text.h"
#include "toddle/week_view.h"
#include "tui/pane.h"
#include "tui/resume.h"
#include "tui/undo.h"

/* The widest an overlay grows on a wide terminal: lines stay easy to read. */
#define OVERLAY_MAX_COLS 110

static volatile sig_atomic_t got_signal;

/* SIGHUP, SIGTERM, SIGINT: only note it; the loop ends cleanly. */
static void on_signal(int sig)
{
	got_signal = sig;
}

/* True once the session has ended under us (SIGHUP or SIGTERM). */
int tui_hung_up(void)
{
	return got_signal == SIGHUP || got_signal == SIGTERM;
}

/* Catch the ending signals before curses starts, so ncurses leaves them to us. */
static void signals_install(void)
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
}

/* Show a message on the status line until the next key. */
void tui_message(struct tui *t, int role, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(t->msg, sizeof t->msg, fmt, ap);
	va_end(ap);
	t->msg_role = role;
}

/* The child shown, or NULL. */
struct child *tui_child(struct tui *t)
{
	if (t->cur < 0 || t->cur >= t->nchildren || t->child.id != t->children[t->cur])
		return NULL;
	return &t->child;
}

/* Read the child shown whole (the list holds names only); on failure none is shown. */
static void child_read(struct tui *t)
{
	struct tdl_err err;

	t->child.id = 0;
	if (t->cur < 0 || t->cur >= t->nchildren)
		return;
	if (child_get(t->app->db, t->children[t->cur], &t->child, &err)) {
		t->child.id = 0;
		tui_message(t, T_ERROR, "%s", err.msg);
	}
}

/* Back to today in every pane that keeps a place (the week, the checklist, the calendar day). */
static void panes_reset(struct tui *t)
{
	for (int p = 0; p < (int)V_COUNT; p++)
		if (pane_table[p]->reset && pane_table[p]->state_size)
			pane_table[p]->reset(t, t->pane[p].state);
}

/* Show another child, back at their own week. */
void tui_select_child(struct tui *t, int idx)
{
	if (idx < 0 || idx >= t->nchildren)
		return;
	t->cur = idx;
	child_read(t);
	search_forget(t, 0);
	t->doc.sel = -1;
	t->doc.top = 0;
	panes_reset(t);
	for (int p = 0; p < P_COUNT; p++)
		t->pane[p].stale = 1;
}

/* Show a view in the main pane, with nothing selected yet. */
void tui_view_show(struct tui *t, enum view v)
{
	search_forget(t, 0);
	t->view = v;
	t->focus = F_MAIN;
	t->doc.sel = -1;
	t->doc.top = 0;
}

/* Open an overlay pane over the views; it is read before it is drawn. */
int tui_overlay_show(struct tui *t, enum modal m)
{
	int p = pane_of_modal(m), width;
	const struct pane_ops *ops;

	if (p < 0)
		return R_NONE;
	ops = pane_table[p];
	/* a set width is the least: a wide terminal gives the text more room */
	width = t->cols - 8;
	if (ops->width && width > OVERLAY_MAX_COLS)
		width = OVERLAY_MAX_COLS;
	if (ops->width > width)
		width = ops->width;
	if (overlay_open(t, t->rows - 4, width))
		return R_NONE;
	t->modal = m;
	search_forget(t, 1);
	t->over_doc.sel = -1;
	t->over_doc.top = 0;
	if (ops->reset)
		ops->reset(t, t->pane[p].state);
	t->pane[p].stale = 1;
	return R_DRAW;
}

/* Close the open overlay. */
void tui_overlay_hide(struct tui *t)
{
	overlay_close(t);
	t->modal = M_NONE;
	search_forget(t, 1);
}

/* Re-read children (and the whole database, for the shown child) from the next draw on. */
int tui_reload(struct tui *t)
{
	return tui_reload_with(t, 1);
}

/* The same, re-reading the list of children only when asked (at clinic scale
 * it is a thousand rows, and a step to the next week does not change it).
 * The panes are marked stale; each reads again before it is next drawn. */
int tui_reload_with(struct tui *t, int children)
{
	struct tdl_err err;
	long long keep = t->children && t->cur >= 0 && t->cur < t->nchildren ? t->children[t->cur] : -1;
	int found = -1;

	if (children || !t->children) {
		found = menu_pane_read(t, &err);
		if (found < -1)
			tui_message(t, T_ERROR, "%s", err.msg);
	}
	if (t->cur >= t->nchildren || keep < 0)
		t->cur = t->nchildren ? 0 : -1;
	for (int i = 0; i < t->nchildren; i++)
		if (t->children[i] == keep)
			t->cur = i;
	if (found >= 0)
		t->cur = found; /* the remembered child, at start */
	child_read(t); /* again: a colleague may have changed it */
	for (int p = 0; p < P_COUNT; p++)
		t->pane[p].stale = 1;
	t->data_version = db_data_version(t->app->db);
	return R_DRAW;
}

/* Read one pane if it is stale; -1 when an overlay has nothing to show. */
static int pane_load(struct tui *t, enum pane_id p)
{
	const struct pane_ops *ops = pane_table[p];

	if (!t->pane[p].stale)
		return 0;
	t->pane[p].stale = 0;
	return ops->load ? ops->load(t, t->pane[p].state) : 0;
}

/* Read what is about to be shown: the week (the title bar shows the child's
 * age from it), the view, and the open overlay, in one read transaction. */
static void panes_load(struct tui *t)
{
	int over = pane_of_modal(t->modal), read;

	if (!t->pane[P_WEEK].stale && !t->pane[t->view].stale && (over < 0 || !t->pane[over].stale))
		return; /* nothing to read: no transaction either */
	read = db_read_begin(t->app->db) == 0;

	pane_load(t, P_WEEK);
	pane_load(t, (enum pane_id)t->view);
	if (over >= 0 && pane_load(t, (enum pane_id)over) < 0)
		tui_overlay_hide(t);
	if (read)
		db_read_end(t->app->db);
}

/* The title bar: who and how old, and where help is. */
static void draw_title(struct tui *t)
{
	char line[CHILD_NAME_MAX + 400];
	const struct week_view *v = week_pane_view(t);

	if (tui_child(t)) {
		if (v->age.corrected)
			snprintf(line, sizeof line, " %s · %s · corrected %s", v->child.name, v->age_words,
				 v->cage_words);
		else
			snprintf(line, sizeof line, " %s · %s", v->child.name, v->age_words);
	} else {
		snprintf(line, sizeof line, " toddle");
	}
	if (t->app->demo)
		strncat(line, " · demo", sizeof line - strlen(line) - 1);
	if (t->ascii)
		for (char *p = strstr(line, "·"); p; p = strstr(line, "·"))
			memmove(p + 1, p + 2, strlen(p + 2) + 1), *p = '-';
	{
		char clean[400];

		text_sanitize(line, clean, sizeof clean);
		draw_text(t->title, 0, 0, t->cols, T_TITLE, clean);
	}
	if (t->cols - text_width(line) > 18)
		draw_text(t->title, 0, t->cols - 16, 16, T_TITLE, "? help   q quit ");
}

/* Where the status line's key hints are for: the open window, the menu or the view. */
static enum hint_place hint_place_of(struct tui *t)
{
	int over = pane_of_modal(t->modal);

	if (t->modal == M_FORM)
		return form_hint_place(t);
	if (over >= 0 && pane_table[over]->hint_place)
		return pane_table[over]->hint_place(t, pane_state(t, (enum pane_id)over));
	if (over >= 0)
		return pane_table[over]->hints;
	if (t->focus == F_MENU)
		return HP_MENU;
	if (pane_table[t->view]->hint_place)
		return pane_table[t->view]->hint_place(t, pane_state(t, (enum pane_id)t->view));
	return pane_table[t->view]->hints;
}

/* Key hints (made from the key table) for where the person is, or the
 * latest message: one that does not fit the line is wrapped over up to three
 * lines at the foot of the screen until the next key. */
static void draw_status(struct tui *t)
{
	char hint[400], clean[400];
	int rows = 1;

	if (search_typing(t) || (search_kept(t) && !t->msg[0])) {
		search_status(t, hint, sizeof hint);
		text_sanitize(hint, clean, sizeof clean);
		draw_text(t->status, 0, 0, t->cols, T_NORMAL, clean);
		return;
	}
	if (t->msg[0]) {
		text_sanitize(t->msg, clean, sizeof clean);
		rows = text_wrap_rows(clean, t->cols);
		if (rows > 3)
			rows = 3;
		if (rows > t->rows - 2)
			rows = t->rows - 2 > 1 ? t->rows - 2 : 1;
	} else {
		keys_hints(hint_place_of(t), hint, sizeof hint);
		text_sanitize(hint, clean, sizeof clean);
	}
	if (getmaxy(t->status) != rows) {
		wresize(t->status, rows, t->cols);
		move_panel(t->p_status, t->rows - rows, 0);
	}
	if (rows > 1)
		top_panel(t->p_status);
	if (t->msg[0]) {
		werase(t->status);
		draw_wrap(t->status, 0, 0, t->cols, rows, t->msg_role, clean);
	} else {
		draw_hints(t->status, 0, 0, t->cols, 1, T_DIM, clean);
	}
}

/* The main pane: the view's pane, or the welcome when it needs a child and there is none. */
static void draw_main(struct tui *t)
{
	const struct pane_ops *ops = pane_table[t->view];
	int h, w;

	getmaxyx(t->main, h, w);
	werase(t->main);
	draw_box(t, t->main, ops->title, t->focus == F_MAIN && t->modal == M_NONE);
	if (ops->needs_child && !tui_child(t))
		week_pane_welcome(t, t->main, h, w);
	else
		ops->draw(t, t->pane[t->view].state, t->main, h, w);
	wnoutrefresh(t->main);
}

/* The open overlay pane in its box. */
static void draw_overlay(struct tui *t)
{
	int p = pane_of_modal(t->modal), h, w;

	if (p < 0 || !t->over)
		return;
	getmaxyx(t->over, h, w);
	werase(t->over);
	draw_box(t, t->over, pane_table[p]->title, 1);
	pane_table[p]->draw(t, t->pane[p].state, t->over, h, w);
	wnoutrefresh(t->over);
}

/* Redraw everything that is shown; ncurses sends only what changed. */
static void draw_all(struct tui *t)
{
	if (t->too_small) {
		char msg[160];

		snprintf(msg, sizeof msg, "Terminal too small (%dx%d): toddle needs %dx%d. Enlarge it, or q to quit.",
			 t->cols, t->rows, TUI_MIN_COLS, TUI_MIN_ROWS);
		werase(stdscr);
		werase(t->status);
		if (t->rows > 1)
			draw_wrap(stdscr, 0, 0, t->cols, t->rows - 1, T_NORMAL, msg);
		else
			draw_wrap(t->status, 0, 0, t->cols, 1, T_NORMAL, msg);
		wnoutrefresh(stdscr);
		wnoutrefresh(t->status);
		doupdate();
		return;
	}
	draw_title(t);
	menu_pane_draw(t);
	draw_main(t);
	draw_status(t);
	if (t->modal == M_FORM)
		form_draw(t);
	else
		draw_overlay(t);
	update_panels();
	if (t->modal == M_FORM && form_window(t))
		wnoutrefresh(form_window(t));
	doupdate();
	fflush(stdout); /* a frame after a lone mouse report (the wheel) otherwise waits in stdio for the next input */
}

/* Re-lay the screen for a new size, keeping an open form or overlay (re-read
 * before it is drawn: it closes if what it showed has gone). */
static void relayout(struct tui *t)
{
	enum modal m = t->modal;
	struct doc keep = t->over_doc;

	if (m == M_FORM)
		form_suspend(t); /* keeps the typed text */
	layout_make(t);
	week_pane_resized(t); /* a wide terminal's side column reads with the week */
	caseload_pane_resized(t); /* a taller caseload shows rows not read yet */
	t->doc.top = 0; /* lines were re-wrapped: scroll back to the selection */
	if (m == M_FORM) {
		if (!t->too_small)
			form_resume(t);
	} else if (m != M_NONE) {
		t->modal = M_NONE;
		if (!t->too_small && tui_overlay_show(t, m) == R_DRAW) {
			t->over_doc.top = m == M_HELP ? 0 : keep.top;
			t->over_doc.sel = keep.sel;
		}
	}
	clearok(curscr, TRUE);
}

/* Views in the order of their keys. */
static enum view view_of(enum action a)
{
	switch (a) {
	case DO_VIEW_MILESTONES:
		return V_MILESTONES;
	case DO_VIEW_CALENDAR:
		return V_CALENDAR;
	case DO_VIEW_CLASSES:
		return V_CLASSES;
	case DO_VIEW_GUIDE:
		return V_GUIDE;
	case DO_VIEW_CASELOAD:
		return V_CASELOAD;
	case DO_VIEW_RECORD:
		return V_RECORD;
	default:
		return V_WEEK;
	}
}

/* Route one action to the open overlay, the menu or the view. */
static int dispatch(struct tui *t, enum action a)
{
	int over = pane_of_modal(t->modal);
	const struct pane_ops *ops = pane_table[t->view];

	if (a == DO_REDRAW) {
		clearok(curscr, TRUE);
		return R_DRAW;
	}
	if (a == DO_SEARCH || a == DO_FIND_NEXT || a == DO_FIND_PREV || (a == DO_BACK && search_kept(t)))
		return search_action(t, a);
	if (a == DO_UNDO)
		return undo_last(t);
	if (over >= 0)
		return pane_table[over]->key(t, t->pane[over].state, a);
	switch (a) {
	case DO_QUIT:
		return R_QUIT;
	case DO_HELP:
		return tui_overlay_show(t, M_HELP);
	case DO_FOCUS:
		t->focus = t->focus == F_MENU ? F_MAIN : F_MENU;
		return R_MENU | R_DRAW;
	case DO_VIEW_WEEK:
	case DO_VIEW_MILESTONES:
	case DO_VIEW_CALENDAR:
	case DO_VIEW_CLASSES:
	case DO_VIEW_GUIDE:
	case DO_VIEW_CASELOAD:
	case DO_VIEW_RECORD:
		tui_view_show(t, view_of(a));
		return R_DRAW; /* the menu's highlight follows in menu_pane_draw, no rebuild */
	case DO_ADD_CHILD:
		return form_child_open(t, 0);
	case DO_EDIT_CHILD:
		return tui_child(t) ? form_child_open(t, 1) : R_NONE;
	case DO_REPORT:
		return tui_child(t) ? form_report_open(t) : R_NONE;
	case DO_CATCHUP:
		return tui_child(t) ? catchup_open(t, 0) : R_NONE;
	default:
		break;
	}
	if (t->focus == F_MENU)
		return menu_pane_key(t, a);
	if (ops->needs_child && !tui_child(t))
		return a == DO_OPEN || a == DO_LOG ? form_child_open(t, 0) : R_NONE;
	return ops->key(t, t->pane[t->view].state, a);
}

/* The action of a key where the person is: a kept search's keys, then an open
 * overlay's own keys first. */
static enum action key_action(const struct tui *t, int is_key, wint_t ch)
{
	int over = pane_of_modal(t->modal);
	enum action a = search_kept(t) ? keys_action(KM_FOUND, is_key, ch) : DO_NONE;

	if (a != DO_NONE)
		return a;
	a = over >= 0 && pane_table[over]->keymap ? keys_action(pane_table[over]->keymap, is_key, ch) : DO_NONE;

	return a != DO_NONE ? a : keys_action((t->modal == M_NONE ? KM_MAIN : KM_OVERLAY) | (t->clinic ? KM_CLINIC : 0),
					      is_key, ch);
}

/* True when the terminal has gone (the pty closed under us). */
static int input_gone(void)
{
	struct pollfd p = { .fd = STDIN_FILENO, .events = POLLIN };

	return poll(&p, 1, 0) > 0 && (p.revents & (POLLHUP | POLLERR | POLLNVAL));
}

/* Start curses on this terminal, or say why it cannot be used. */
static SCREEN *screen_start(struct tui *t, char *why, size_t whysz)
{
	const char *term = getenv("TERM");
	SCREEN *s;
	char *cup;

	s = newterm(NULL, stdout, stdin);
	if (!s) {
		s = newterm("vt100", stdout, stdin);
		if (!s) {
			snprintf(why, whysz, "cannot use terminal type '%.40s': set TERM (for example TERM=xterm-256color)",
				 term ? term : "");
			return NULL;
		}
		tui_message(t, T_ERROR, "Terminal type '%.40s' is unknown here: drawing as vt100.",
			    term && *term ? term : "(unset)");
	}
	cup = tigetstr("cup");
	if (!cup || cup == (char *)-1) {
		endwin();
		delscreen(s);
		snprintf(why, whysz, "terminal type '%.40s' cannot move the cursor: set TERM (for example TERM=xterm-256color) or use the commands (toddle --help)",
			 term ? term : "");
		return NULL;
	}
	return s;
}

/* Let Ctrl-S and Ctrl-Q reach toddle (Ctrl-S saves a form) instead of
 * pausing the terminal's output (IXON), and never send them to the terminal
 * when a long paste fills the input queue (IXOFF). ncurses keeps this as the
 * program's mode, puts it back after a suspend (Ctrl-Z, fg) and after an
 * editor, and gives the shell its own settings back at the end, on a
 * suspend and on a hang-up (endwin). */
static void flow_control_off(void)
{
	struct termios tio;

	if (tcgetattr(STDIN_FILENO, &tio) == 0 && (tio.c_iflag & (IXON | IXOFF))) {
		tio.c_iflag &= (tcflag_t) ~(IXON | IXOFF);
		tcsetattr(STDIN_FILENO, TCSANOW, &tio);
	}
	def_prog_mode();
}

/* Know the cursor keys in the terminal's normal mode too (ESC [ A, not ESC O A):
 * a terminal or multiplexer that ignores keypad mode sends those, and read as
 * ESC, '[' and 'A' they would step a week back instead of moving. */
static void keys_normal_mode(void)
{
	static const struct { const char *seq; int key; } extra[] = {
		{ "\033[A", KEY_UP }, { "\033[B", KEY_DOWN }, { "\033[C", KEY_RIGHT }, { "\033[D", KEY_LEFT },
		{ "\033[H", KEY_HOME }, { "\033[F", KEY_END }, { "\033[1~", KEY_HOME }, { "\033[4~", KEY_END },
		{ "\033[5~", KEY_PPAGE }, { "\033[6~", KEY_NPAGE }, { "\033[3~", KEY_DC },
	};

	for (size_t i = 0; i < sizeof extra / sizeof extra[0]; i++)
		if (key_defined(extra[i].seq) == 0)
			define_key(extra[i].seq, extra[i].key);
}

/* Terminal modes for the loop. */
static void screen_modes(struct tui *t)
{
	const char *enc = getenv("ESCDELAY");

	cbreak();
	noecho();
	nonl();
	flow_control_off();
	keys_normal_mode();
	curs_set(0);
	if (!enc || !*enc)
		set_escdelay(t->app->set.escdelay_ms);
	{
		const char *cs = nl_langinfo(CODESET);
		int utf8 = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
		char *smacs = tigetstr("smacs");

		/* plain ASCII when the terminal has no line drawing or the locale no UTF-8 */
		t->ascii = t->app->set.ascii || !utf8 || !smacs || smacs == (char *)-1;
	}
	theme_init(t);
	mouse_start(t);
}

/* Read one key; returns ERR on timeout. */
static int read_key(struct tui *t, wint_t *ch)
{
	WINDOW *w = t->modal == M_FORM && form_window(t) ? form_window(t) : t->status;

	wtimeout(w, 1000);
	return wget_wch(w, ch);
}

/* Milliseconds since t0. */
static long elapsed_ms(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Keys for the open form: this one, then every key already waiting (a paste
 * arrives as thousands of keys), drawn once at the end, so a paste takes time
 * in proportion to its length instead of a frame per character. Stops at a
 * key that is the loop's (a resize, the mouse: put back for it), at a key
 * that does more than change the form (a save), and after a fifth of a
 * second, so the screen keeps up with a very long paste. */
static int form_keys(struct tui *t, int is_key, wint_t ch)
{
	struct timespec t0;
	int flags = form_key(t, is_key, ch);

	clock_gettime(CLOCK_MONOTONIC, &t0);
	while ((flags & ~R_DRAW) == 0 && t->modal == M_FORM && form_window(t) && !got_signal &&
	       elapsed_ms(&t0) < 200) {
		WINDOW *w = form_window(t);
		int r;

		wtimeout(w, 0);
		r = wget_wch(w, &ch);
		if (r == ERR)
			break;
		if (r == KEY_CODE_YES && (ch == KEY_RESIZE || ch == KEY_MOUSE)) {
			ungetch((int)ch);
			break;
		}
		flags |= form_key(t, r == KEY_CODE_YES, ch);
	}
	return flags;
}

/* Appointments the opening line names at most (the line is 300 bytes). */
#define UPCOMING_MAX 6

/* Say today's and tomorrow's appointments, for every child, when toddle opens. */
static void upcoming_message(struct tui *t)
{
	struct appointment *a;
	struct tdl_err err;
	char line[300] = "", tm[6];
	int n, i;

	/* the line holds a few: a clinic's hundreds are not read (UPCOMING_MAX + 1 says "more") */
	if (appointment_first(t->app->db, t->app->today, t->app->today + 1, UPCOMING_MAX + 1, &a, &n, &err) || n == 0)
		return;
	for (i = 0; i < n && i < UPCOMING_MAX && strlen(line) < sizeof line - 80; i++) {
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s %s%s %s (%s)", i ? "; " : "",
			 a[i].day == t->app->today ? "Today" : "Tomorrow",
			 appointment_time_words(a[i].time, "all day", tm), a[i].time == APPOINTMENT_ALL_DAY ? ":" : "",
			 a[i].title, a[i].child_name);
	}
	if (i < n && strlen(line) < sizeof line - 40) {
		char key[16];

		keys_name(DO_VIEW_CALENDAR, KM_MAIN, key, sizeof key);
		snprintf(line + strlen(line), sizeof line - strlen(line), "; and more (%s: the calendar)", key);
	}
	tui_message(t, T_HEADING, "%s", line);
	appointment_free_all(a, n);
}

/* Give every pane its state, zeroed, at today's place. */
static int panes_new(struct tui *t)
{
	for (int p = 0; p < P_COUNT; p++) {
		t->pane[p].stale = 1;
		if (pane_table[p]->state_size && !(t->pane[p].state = calloc(1, pane_table[p]->state_size)))
			return -1;
	}
	panes_reset(t);
	return 0;
}

/* Free every pane's state and what it holds. */
static void panes_free(struct tui *t)
{
	for (int p = 0; p < P_COUNT; p++) {
		if (t->pane[p].state && pane_table[p]->free)
			pane_table[p]->free(t->pane[p].state);
		free(t->pane[p].state);
		t->pane[p].state = NULL;
	}
}

/* Free what the loop holds. */
static void tui_free(struct tui *t)
{
	form_close(t);
	undo_free(t);
	layout_free(t);
	doc_free(&t->doc);
	doc_free(&t->over_doc);
	menu_pane_forget(t);
	panes_free(t);
}

/* Run the full-screen interface; returns the exit status. */
int tui_run(struct app *app)
{
	struct tui t;
	struct tdl_err err;
	char why[700];
	SCREEN *scr;
	int flags = R_RELOAD | R_MENU | R_DRAW, idle_errs = 0, rc, lost = 0;

	memset(&t, 0, sizeof t);
	t.app = app;
	t.cur = -1;
	t.focus = F_MAIN;
	t.doc.sel = -1;
	t.clinic = app->set.group[0] != '\0';
	t.admin = t.clinic && clinic_is_admin(&app->set, db_user());
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "toddle: the full-screen view needs a terminal; for scripts use the commands (toddle --help)\n");
		return 1;
	}
	rc = app->db ? TDL_OK : app_open(app, 1, &err);
	if (rc) {
		fprintf(stderr, "toddle: %s\n", err.msg);
		return rc;
	}
	if (panes_new(&t)) {
		fprintf(stderr, "toddle: out of memory\n");
		panes_free(&t);
		return 1;
	}
	signals_install();
	scr = screen_start(&t, why, sizeof why);
	if (!scr) {
		panes_free(&t);
		fprintf(stderr, "toddle: %s\n", why);
		return 1;
	}
	screen_modes(&t);
	upcoming_message(&t);
	form_merge_drafts(&t);
	if (app->warning[0])
		tui_message(&t, T_ERROR, "%s", app->warning);
	layout_make(&t);
	resume_start(&t); /* the remembered view, and the child the list's read finds */
	flags = tui_reload_with(&t, 1) | R_MENU;
	while (!(flags & R_QUIT) && !got_signal) {
		struct timespec t0;
		wint_t ch;
		int r;

		if (flags & R_RELOAD)
			flags |= tui_reload_with(&t, (flags & R_MENU) != 0);
		else if (flags & R_SELF)
			t.pane[t.view].stale = 1;
		if ((flags & R_MENU) && !t.too_small)
			menu_pane_build(&t);
		if (flags) {
			panes_load(&t);
			draw_all(&t);
		}
		flags = R_NONE;
		if (t.modal == M_FORM && t.too_small == 0 && !form_window(&t))
			form_resume(&t);
		clock_gettime(CLOCK_MONOTONIC, &t0);
		r = read_key(&t, &ch);
		if (r == ERR) {
			/* a timeout takes a second; instant errors mean the input is gone */
			if (got_signal || input_gone() || (elapsed_ms(&t0) < 200 && ++idle_errs > 50))
				break;
			if (db_data_version(app->db) != t.data_version)
				flags = R_RELOAD | R_MENU;
			continue;
		}
		idle_errs = 0;
		if (r == KEY_CODE_YES && ch == KEY_RESIZE) {
			relayout(&t);
			flags = R_MENU | R_DRAW;
			continue;
		}
		t.msg[0] = '\0';
		if (t.too_small) {
			flags = (r == OK && ch == 'q') ? R_QUIT : R_DRAW;
			continue;
		}
		if (r == KEY_CODE_YES && ch == KEY_MOUSE) {
			int times;
			enum action a = mouse_action(&t, &times, &flags);

			while (a != DO_NONE && times-- > 0)
				flags |= dispatch(&t, a) | R_DRAW;
		} else if (t.modal == M_FORM)
			flags = form_keys(&t, r == KEY_CODE_YES, ch);
		else if (search_typing(&t))
			flags = search_key(&t, r == KEY_CODE_YES, ch) | R_DRAW;
		else
			flags = dispatch(&t, key_action(&t, r == KEY_CODE_YES, ch)) | R_DRAW;
	}
	/* every end but the person's own quit (a signal, end of input, EIO on the
	 * terminal: how a hang-up reaches us through a shell) keeps what was typed */
	if (!(flags & R_QUIT) && t.modal == M_FORM)
		lost = form_keep_draft(&t, why, sizeof why);
	resume_save(&t);
	tui_free(&t);
	endwin();
	delscreen(scr);
	if (lost) {
		fprintf(stderr, "toddle: %s\n", why);
		return 2;
	}
	return 0;
}
