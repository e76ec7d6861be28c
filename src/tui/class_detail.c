/* The class overlay: one class's sections and steps, to read, mark watched or play. */
#include <stdio.h>
#include <string.h>
#include "player.h"
#include "tui/pane.h"

/* The class overlay's own state. */
struct class_detail_state {
	int idx;       /* the classes pane's class shown */
};

/* Note which class is open; -1 when none is selected. */
static int detail_load(struct tui *t, void *state)
{
	struct class_detail_state *s = state;

	if (!class_pane_class(t, t->doc.sel))
		return -1;
	s->idx = t->doc.sel;
	return 0;
}

/* Draw the open class. */
static void detail_draw(struct tui *t, void *state, WINDOW *w, int height, int wd)
{
	struct class_detail_state *st = state;
	const struct class_info *k = class_pane_class(t, st->idx);
	int width = wd - 4, n = 1;
	char line[300];

	doc_reset(&t->over_doc);
	if (!k)
		return;
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
	doc_add(&t->over_doc, T_DIM, -1, "d: %s   %sEsc: close", k->watched ? "mark not watched" : "mark watched",
		k->video[0] ? "p: play video   " : "");
	pane_doc_draw(t, &t->over_doc, w, height, wd);
}

/* Play the open class's video, or show its link when it cannot play here. */
static int play_class(struct tui *t, const struct class_info *k)
{
	char buf[SETTINGS_PATH_MAX + 64], *av[PLAYER_ARGV_LEN];
	struct tdl_err err;
	int rc;

	if (!k->video[0]) {
		tui_message(t, T_DIM, "This class has no video.");
		return R_DRAW;
	}
	if (!class_video_ok(k->video)) {
		tui_message(t, T_ERROR, "This video link is not an http:// or https:// link, so it is not "
			    "played: fix its [video] record.");
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

/* Mark class k watched, or take "watched" back when it is: a new row either
 * way, with who and when; nothing is deleted. */
int class_toggle_watched(struct tui *t, const struct class_info *k)
{
	struct tdl_err err;
	int rc;

	if (!tui_child(t)) {
		tui_message(t, T_DIM, "Add a child first, to keep track of classes.");
		return R_DRAW;
	}
	rc = k->watched ? class_unmark_watched(t->app->db, tui_child(t), k->id, t->app->today, &err)
			: class_mark_watched(t->app->db, tui_child(t), k->id, t->app->today, t->app->today, &err);
	if (rc)
		tui_message(t, T_ERROR, "%s", err.msg);
	else if (k->watched)
		tui_message(t, T_OK, "Marked as not watched: %s.", k->title);
	else
		tui_message(t, T_OK, "Marked as watched: %s.", k->title);
	return R_RELOAD;
}

/* Keys while a class is open. */
static int detail_key(struct tui *t, void *state, enum action a)
{
	struct class_detail_state *s = state;
	const struct class_info *k = class_pane_class(t, s->idx);
	int r;

	if (a == DO_PLAY && k)
		return play_class(t, k);
	if (a == DO_DONE && k) {
		r = class_toggle_watched(t, k);
		tui_overlay_hide(t);
		return r;
	}
	if (a == DO_LOG)
		return R_NONE;
	return overlay_doc_key(t, a);
}

/* The status line's hints: "play video" only for a class that has one. */
static enum hint_place detail_hint_place(const struct tui *t, const void *state)
{
	const struct class_detail_state *s = state;
	const struct class_info *k = class_pane_class((struct tui *)t, s->idx);

	return k && k->video[0] ? HP_CLASS | HP_CLASS_VIDEO : HP_CLASS;
}

const struct pane_ops class_overlay = {
	.title = "Class",
	.hints = HP_CLASS,
	.hint_place = detail_hint_place,
	.state_size = sizeof(struct class_detail_state),
	.load = detail_load,
	.draw = detail_draw,
	.key = detail_key,
};
