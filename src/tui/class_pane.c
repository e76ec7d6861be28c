/* The classes pane: lessons by age; one opens with its sections and steps. */
#include <stdio.h>
#include <string.h>
#include "player.h"
#include "tui/tui.h"

/* Inner height of the main pane. */
static int pane_height(struct tui *t)
{
	return getmaxy(t->main) - 2;
}

/* The week of life that fits the shown child now (uncapped), or -1. */
static int child_weeks(struct tui *t)
{
	struct child *c = tui_child(t);
	struct child_age a;

	if (!c)
		return -1;
	child_age(c, t->app->today, t->app->set.correct_until_months, &a);
	return a.use_days < 0 ? 0 : a.use_days / 7;
}

/* Build the list of classes, those for the child's age first. */
void class_pane_build(struct tui *t)
{
	int width = getmaxx(t->main) - 4, now = child_weeks(t), pass;
	const char *mark = t->ascii ? "[x] " : "✓ ";

	doc_reset(&t->doc);
	doc_wrap(&t->doc, T_DIM, -1, "",
		 "Short lessons to read and try at home. Enter opens one; d marks it watched.", width);
	for (pass = 0; pass < 2; pass++) {
		doc_add(&t->doc, T_NORMAL, -1, "%s", "");
		doc_add(&t->doc, T_HEADING, -1, "%s", pass == 0 ? (now >= 0 ? "For this age" : "All classes")
							  : "For other ages");
		for (int i = 0; i < t->nclasses; i++) {
			const struct class_info *k = &t->classes[i];
			int fits = now < 0 || (now >= k->week_from && now <= k->week_to);
			char line[300];

			if (fits != (pass == 0))
				continue;
			snprintf(line, sizeof line, "%s (%d min, weeks %d-%d)", k->title, k->minutes,
				 k->week_from, k->week_to);
			doc_wrap(&t->doc, T_NORMAL, i, k->watched ? mark : (t->ascii ? "    " : "  "), line,
				 width);
		}
		if (now < 0)
			break;
	}
	if (t->nclasses == 0)
		doc_add(&t->doc, T_DIM, -1, "The library has no classes loaded.");
	if (t->doc.sel >= t->nclasses)
		t->doc.sel = t->nclasses - 1;
}

/* Build the overlay for one class. */
void class_detail_build(struct tui *t, const struct class_info *k)
{
	int width = getmaxx(t->over) - 4, n = 1;
	char line[300];

	doc_reset(&t->over_doc);
	t->over_doc.sel = -1;
	t->over_doc.top = 0;
	doc_wrap(&t->over_doc, T_HEADING, -1, "", k->title, width);
	snprintf(line, sizeof line, "For %s · weeks %d-%d · about %d minutes%s", k->audience, k->week_from,
		 k->week_to, k->minutes, k->watched ? " · watched" : "");
	doc_wrap(&t->over_doc, T_DIM, -1, "", line, width);
	for (const char *s = k->sections; s && *s;) {
		const char *nl = strchr(s, '\n'), *colon;
		char sec[2100];

		snprintf(sec, sizeof sec, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		colon = strstr(sec, ": ");
		doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
		if (colon) {
			doc_add(&t->over_doc, T_HEADING, -1, "%.*s", (int)(colon - sec), sec);
			doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", colon + 2, width);
		} else {
			doc_wrap(&t->over_doc, T_NORMAL, -1, "  ", sec, width);
		}
		s = nl ? nl + 1 : s + strlen(s);
	}
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_HEADING, -1, "Try this");
	for (const char *s = k->steps; s && *s; n++) {
		const char *nl = strchr(s, '\n');
		char step[2100], prefix[16];

		snprintf(step, sizeof step, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		snprintf(prefix, sizeof prefix, "  %d. ", n);
		doc_wrap(&t->over_doc, T_NORMAL, -1, prefix, step, width);
		s = nl ? nl + 1 : s + strlen(s);
	}
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	if (k->video[0])
		doc_wrap(&t->over_doc, T_NORMAL, -1, "Video: ", k->video, width);
	doc_wrap(&t->over_doc, T_DIM, -1, "Source: ", k->source, width);
	doc_add(&t->over_doc, T_NORMAL, -1, "%s", "");
	doc_add(&t->over_doc, T_DIM, -1, "d: mark watched   %sEsc: close", k->video[0] ? "p: play video   " : "");
}

/* Open the selected class. */
static int open_class(struct tui *t)
{
	if (t->doc.sel < 0 || t->doc.sel >= t->nclasses)
		return R_NONE;
	if (overlay_open(t, t->rows - 4, t->cols - 8))
		return R_NONE;
	class_detail_build(t, &t->classes[t->doc.sel]);
	t->modal = M_CLASS;
	return R_DRAW;
}

/* Play the open class's video, or show its link when it cannot play here. */
static int play_class(struct tui *t, const struct class_info *k)
{
	char buf[SETTINGS_PATH_MAX + 64], *av[PLAYER_ARGS_MAX + 2];
	struct tdl_err err;
	int rc;

	if (!k->video[0]) {
		tui_message(t, T_DIM, "This class has no video.");
		return R_DRAW;
	}
	if (player_show_link(t->app->set.player)) {
		tui_message(t, T_NORMAL, "Video: %s", k->video);
		return R_DRAW;
	}
	rc = player_argv(t->app->set.player, k->video, buf, sizeof buf, av, &err);
	if (!rc) {
		def_prog_mode();
		endwin();
		rc = player_run(av, &err);
		reset_prog_mode();
		clearok(curscr, TRUE);
	}
	if (rc)
		tui_message(t, T_ERROR, "%s", err.msg);
	return R_DRAW;
}

/* Keys while a class is open. */
int class_overlay_key(struct tui *t, enum action a)
{
	struct class_info *k = t->doc.sel >= 0 && t->doc.sel < t->nclasses ? &t->classes[t->doc.sel] : NULL;
	struct tdl_err err;

	if (a == DO_PLAY && k)
		return play_class(t, k);
	if (a == DO_DONE && k) {
		if (!tui_child(t)) {
			tui_message(t, T_DIM, "Add a child first, to keep track of classes.");
			return R_DRAW;
		}
		if (class_mark_watched(t->app->db, tui_child(t), k->id, t->app->today, t->app->today, &err))
			tui_message(t, T_ERROR, "%s", err.msg);
		else
			tui_message(t, T_OK, "Marked as watched: %s.", k->title);
		overlay_close(t);
		t->modal = M_NONE;
		return R_RELOAD;
	}
	if (a == DO_LOG)
		return R_NONE;
	return overlay_doc_key(t, a);
}

/* Handle a key in the classes pane. */
int class_pane_key(struct tui *t, enum action a)
{
	int h = pane_height(t);

	if ((a == DO_OPEN || a == DO_DONE) && t->doc.sel < 0)
		doc_move(&t->doc, 0, h);
	if (doc_nav(&t->doc, a, h))
		return R_DRAW;
	switch (a) {
	case DO_HOME:
		t->doc.sel = -1;
		t->doc.top = 0;
		return R_DRAW;
	case DO_OPEN:
		return open_class(t);
	default:
		return R_NONE;
	}
}
