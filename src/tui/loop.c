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
#include <time.h>
#include <unistd.h>
#include "toddle/appointment.h"
#include "toddle/db.h"
#include "toddle/text.h"
#include "tui/tui.h"

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
	return t->cur >= 0 && t->cur < t->nchildren ? &t->children[t->cur] : NULL;
}

/* Show another child, back at their own week. */
void tui_select_child(struct tui *t, int idx)
{
	if (idx < 0 || idx >= t->nchildren)
		return;
	t->cur = idx;
	t->week_locked = 0;
	t->ms_check = 0;
	t->doc.sel = -1;
	t->doc.top = 0;
	t->cal_day = t->app->today;
}

/* The checklist age to show first: the latest one reached, or the first. */
static int checklist_for(struct tui *t, int months)
{
	struct tdl_err err;
	int *ages, n, pick = 0;

	if (milestone_ages(t->app->db, &ages, &n, &err) || n == 0)
		return 2;
	pick = ages[0];
	for (int i = 0; i < n; i++)
		if (ages[i] <= months)
			pick = ages[i];
	free(ages);
	return pick;
}

/* Re-read children and the shown child's week and milestones. */
int tui_reload(struct tui *t)
{
	return tui_reload_with(t, 1);
}

/* The same, re-reading the list of children only when asked (at clinic scale
 * it is a thousand rows, and a step to the next week does not change it). */
int tui_reload_with(struct tui *t, int children)
{
	struct tdl_err err;
	struct child *c;
	long long keep = tui_child(t) ? tui_child(t)->id : -1;
	int rc;

	if (children || !t->children) {
		free(t->children);
		t->children = NULL;
		rc = child_list(t->app->db, &t->children, &t->nchildren, &err);
		if (rc) {
			tui_message(t, T_ERROR, "%s", err.msg);
			t->nchildren = 0;
		}
	}
	if (t->cur >= t->nchildren || keep < 0)
		t->cur = t->nchildren ? 0 : -1;
	for (int i = 0; i < t->nchildren; i++)
		if (t->children[i].id == keep)
			t->cur = i;
	week_view_free(&t->wv);
	milestone_entries_free(t->ms, t->nms);
	t->ms = NULL;
	t->nms = 0;
	class_free_all(t->classes, t->nclasses);
	t->classes = NULL;
	t->nclasses = 0;
	c = tui_child(t);
	if (class_list(t->app->db, c, &t->classes, &t->nclasses, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	if (c) {
		if (week_view_load(t->app->db, c, t->app->today, t->week_locked ? t->week : -1,
				   t->app->set.correct_until_months, &t->wv, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		t->week = t->wv.week;
		t->ms_age = t->wv.age.use_months;
		if (!t->ms_check)
			t->ms_check = checklist_for(t, t->ms_age);
		if (milestone_range(t->app->db, c, t->ms_check, t->ms_check, &t->ms, &t->nms, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
	}
	t->data_version = db_data_version(t->app->db);
	t->cases_fresh = 0;
	return R_DRAW;
}

/* The title bar: who and how old, and where help is. */
static void draw_title(struct tui *t)
{
	char line[400];
	const struct week_view *v = &t->wv;

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
static enum hint_place hint_place_of(const struct tui *t)
{
	static const enum hint_place views[] = {
		[V_WEEK] = HP_WEEK, [V_MILESTONES] = HP_MILESTONES, [V_CALENDAR] = HP_CALENDAR,
		[V_CLASSES] = HP_CLASSES, [V_GUIDE] = HP_GUIDE, [V_CASELOAD] = HP_CASELOAD,
		[V_RECORD] = HP_RECORD,
	};

	switch (t->modal) {
	case M_FORM:
		return HP_FORM;
	case M_DETAIL:
		return HP_DETAIL;
	case M_DAY:
		return HP_DAY;
	case M_CLASS:
		return HP_CLASS;
	case M_HELP:
		return HP_HELP;
	default:
		return t->focus == F_MENU ? HP_MENU : views[t->view];
	}
}

/* Key hints (made from the key table) for where the person is, or the latest message. */
static void draw_status(struct tui *t)
{
	char hint[400], clean[400];

	if (t->msg[0]) {
		text_sanitize(t->msg, clean, sizeof clean);
	} else {
		keys_hints(hint_place_of(t), hint, sizeof hint);
		text_sanitize(hint, clean, sizeof clean);
	}
	draw_text(t->status, 0, 0, t->cols, t->msg[0] ? t->msg_role : T_DIM, clean);
}

/* The main pane for the current view. */
static void draw_main(struct tui *t)
{
	static const char *const titles[] = { "This week", "Milestones", "Calendar", "Classes",
					      "Who helps, and when to talk to the doctor", "Caseload",
					      "Record" };
	int h, w;

	getmaxyx(t->main, h, w);
	werase(t->main);
	draw_box(t, t->main, titles[t->view], t->focus == F_MAIN);
	if (t->view == V_CALENDAR && tui_child(t)) {
		calendar_pane_draw(t);
	} else {
		if (t->view == V_MILESTONES && tui_child(t))
			milestone_pane_build(t);
		else if (t->view == V_CLASSES)
			class_pane_build(t);
		else if (t->view == V_GUIDE)
			guide_pane_build(t);
		else if (t->view == V_CASELOAD)
			caseload_pane_build(t);
		else if (t->view == V_RECORD && tui_child(t))
			record_pane_build(t);
		else
			week_pane_build(t);
		doc_draw(&t->doc, t->main, 1, 2, h - 2, w - 4, t->focus == F_MAIN);
	}
	wnoutrefresh(t->main);
}

/* Redraw everything that is shown; ncurses sends only what changed. */
static void draw_all(struct tui *t)
{
	if (t->too_small) {
		char msg[160];

		werase(stdscr);
		wnoutrefresh(stdscr);
		snprintf(msg, sizeof msg, "Terminal too small (%dx%d): toddle needs %dx%d. Enlarge it, or q to quit.",
			 t->cols, t->rows, TUI_MIN_COLS, TUI_MIN_ROWS);
		mvwaddnstr(t->status, 0, 0, msg, t->cols - 1);
		wclrtoeol(t->status);
		if (t->rows > 1) {
			mvwaddnstr(stdscr, 0, 0, "Terminal too small", t->cols - 1);
			wnoutrefresh(stdscr);
		}
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
	else if (t->modal == M_HELP)
		overlay_doc_draw(t, "Help");
	else if (t->modal == M_DETAIL)
		overlay_doc_draw(t, "Activity");
	else if (t->modal == M_CLASS)
		overlay_doc_draw(t, "Class");
	else if (t->modal == M_DAY) {
		day_build(t);
		overlay_doc_draw(t, "Day");
	}
	update_panels();
	if (t->modal == M_FORM && form_window(t))
		wnoutrefresh(form_window(t));
	doupdate();
}

/* Re-lay the screen for a new size, keeping an open form. */
static void relayout(struct tui *t)
{
	enum modal m = t->modal;

	if (m == M_FORM)
		form_suspend(t); /* keeps the typed text */
	layout_make(t);
	t->doc.top = 0; /* lines were re-wrapped: scroll back to the selection */
	if (m == M_CLASS) {
		t->modal = M_NONE;
		if (!t->too_small && t->doc.sel >= 0 && t->doc.sel < t->nclasses &&
		    overlay_open(t, t->rows - 4, t->cols - 8) == 0) {
			int top = t->over_doc.top;

			class_detail_build(t, &t->classes[t->doc.sel]);
			t->over_doc.top = top;
			t->modal = M_CLASS;
		}
	} else if (m == M_DAY) {
		t->modal = M_NONE;
		if (!t->too_small && overlay_open(t, t->rows - 4, t->cols - 8) == 0)
			t->modal = M_DAY;
	} else if (m == M_HELP) {
		t->modal = M_NONE;
		if (!t->too_small)
			help_open(t);
	} else if (m == M_DETAIL) {
		t->modal = M_NONE;
		if (!t->too_small && t->doc.sel >= 0 && t->doc.sel < t->wv.nacts &&
		    overlay_open(t, t->rows - 4, t->cols - 8) == 0) {
			int top = t->over_doc.top;

			detail_build(t, &t->wv.acts[t->doc.sel]);
			t->over_doc.top = top;
			t->modal = M_DETAIL;
		}
	} else if (m == M_FORM && !t->too_small) {
		form_resume(t);
	}
	clearok(curscr, TRUE);
}

/* Route one action to the open overlay, the menu or the view. */
static int dispatch(struct tui *t, enum action a)
{
	if (a == DO_REDRAW) {
		clearok(curscr, TRUE);
		return R_DRAW;
	}
	if (t->modal == M_HELP || t->modal == M_DETAIL)
		return overlay_doc_key(t, a);
	if (t->modal == M_CLASS)
		return class_overlay_key(t, a);
	if (t->modal == M_DAY)
		return day_key(t, a);
	switch (a) {
	case DO_QUIT:
		return R_QUIT;
	case DO_HELP:
		return help_open(t);
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
		t->view = a == DO_VIEW_WEEK ? V_WEEK : a == DO_VIEW_MILESTONES ? V_MILESTONES
			: a == DO_VIEW_CALENDAR ? V_CALENDAR : a == DO_VIEW_CLASSES ? V_CLASSES
			: a == DO_VIEW_GUIDE ? V_GUIDE : a == DO_VIEW_CASELOAD ? V_CASELOAD : V_RECORD;
		t->focus = F_MAIN;
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_DRAW; /* the menu's highlight follows in menu_pane_draw, no rebuild */
	case DO_ADD_CHILD:
		return form_child_open(t, 0);
	case DO_EDIT_CHILD:
		return tui_child(t) ? form_child_open(t, 1) : R_NONE;
	case DO_REPORT:
		return tui_child(t) ? form_report_open(t) : R_NONE;
	default:
		break;
	}
	if (t->focus == F_MENU)
		return menu_pane_key(t, a);
	if (t->view == V_CLASSES)
		return class_pane_key(t, a);
	if (t->view == V_GUIDE)
		return guide_pane_key(t, a);
	if (t->view == V_CASELOAD)
		return caseload_pane_key(t, a);
	if (!tui_child(t))
		return a == DO_OPEN || a == DO_LOG ? form_child_open(t, 0) : R_NONE;
	if (t->view == V_WEEK)
		return week_pane_key(t, a);
	if (t->view == V_MILESTONES)
		return milestone_pane_key(t, a);
	if (t->view == V_RECORD)
		return record_pane_key(t, a);
	return calendar_pane_key(t, a);
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

/* Terminal modes for the loop. */
static void screen_modes(struct tui *t)
{
	const char *enc = getenv("ESCDELAY");

	cbreak();
	noecho();
	nonl();
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
}

/* Read one key; returns ERR on timeout. */
static int read_key(struct tui *t, wint_t *ch)
{
	WINDOW *w = t->modal == M_FORM && form_window(t) ? form_window(t) : t->status;

	wtimeout(w, 1000);
	return wget_wch(w, ch);
}

/* Say today's and tomorrow's appointments, for every child, when toddle opens. */
static void upcoming_message(struct tui *t)
{
	struct appointment *a;
	struct tdl_err err;
	char line[300] = "", tm[6];
	int n;

	if (appointment_list(t->app->db, -1, t->app->today, t->app->today + 1, &a, &n, &err) || n == 0)
		return;
	for (int i = 0; i < n && strlen(line) < sizeof line - 80; i++) {
		appointment_format_time(a[i].time, tm);
		snprintf(line + strlen(line), sizeof line - strlen(line), "%s%s %s %s (%s)", i ? "; " : "",
			 a[i].day == t->app->today ? "Today" : "Tomorrow", tm, a[i].title, a[i].child_name);
	}
	tui_message(t, T_HEADING, "%s", line);
	appointment_free_all(a, n);
}

/* Milliseconds since t0. */
static long elapsed_ms(const struct timespec *t0)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now);
	return (now.tv_sec - t0->tv_sec) * 1000 + (now.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Free what the loop holds. */
static void tui_free(struct tui *t)
{
	form_close(t);
	layout_free(t);
	doc_free(&t->doc);
	doc_free(&t->over_doc);
	free(t->children);
	week_view_free(&t->wv);
	milestone_entries_free(t->ms, t->nms);
	class_free_all(t->classes, t->nclasses);
	day_free(t);
	care_free(t);
}

/* Run the full-screen interface; returns the exit status. */
int tui_run(struct app *app)
{
	struct tui t;
	struct tdl_err err;
	char why[300];
	SCREEN *scr;
	int flags = R_RELOAD | R_MENU | R_DRAW, idle_errs = 0, rc;

	memset(&t, 0, sizeof t);
	t.app = app;
	t.cur = -1;
	t.focus = F_MAIN;
	t.doc.sel = -1;
	t.cal_day = app->today;
	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "toddle: the full-screen view needs a terminal; for scripts use the commands (toddle --help)\n");
		return 1;
	}
	rc = app->db ? TDL_OK : app_open(app, 1, &err);
	if (rc) {
		fprintf(stderr, "toddle: %s\n", err.msg);
		return rc;
	}
	signals_install();
	scr = screen_start(&t, why, sizeof why);
	if (!scr) {
		fprintf(stderr, "toddle: %s\n", why);
		return 1;
	}
	screen_modes(&t);
	upcoming_message(&t);
	if (app->warning[0])
		tui_message(&t, T_ERROR, "%s", app->warning);
	layout_make(&t);
	while (!(flags & R_QUIT) && !got_signal) {
		struct timespec t0;
		wint_t ch;
		int r;

		if (flags & R_RELOAD)
			flags |= tui_reload_with(&t, (flags & R_MENU) != 0);
		if ((flags & R_MENU) && !t.too_small)
			menu_pane_build(&t);
		if (flags)
			draw_all(&t);
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
		if (t.modal == M_FORM)
			flags = form_key(&t, r == KEY_CODE_YES, ch);
		else
			flags = dispatch(&t, keys_action(t.modal == M_NONE ? KM_MAIN : KM_OVERLAY,
							 r == KEY_CODE_YES, ch)) | R_DRAW;
	}
	/* every end but the person's own quit (a signal, end of input, EIO on the
	 * terminal: how a hang-up reaches us through a shell) keeps what was typed */
	if (!(flags & R_QUIT) && t.modal == M_FORM)
		form_save_draft(&t);
	tui_free(&t);
	endwin();
	delscreen(scr);
	return 0;
}
