/* toddle milestone list | log | correct | catalog */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/catchup.h"
#include "toddle/milestone.h"
#include "toddle/milestone_view.h"
#include "toddle/text.h"

/* The "worth talking about" items: ID, KIND, STATUS, AREA, WHO HELPS, TEXT. */
static void flagged_print(const struct milestone_view *v)
{
	for (int i = 0; i < v->nflags; i++) {
		const struct flag *f = &v->flags[i];

		cli_put(f->id);
		putchar('\t');
		cli_put(milestone_view_flag_kind(f->kind));
		putchar('\t');
		cli_put(milestone_status_name(f->status));
		putchar('\t');
		cli_put(f->area);
		putchar('\t');
		cli_put(f->helps);
		putchar('\t');
		cli_put(f->text);
		putchar('\n');
	}
}

/* One row of the list: ID, STATUS, DATE or -, TEXT and, when another item's
 * record counts or a later skill retired it, why in brackets. */
static void row_print(const char *id, enum ms_status st, int has_date, day_t on, const char *text,
		      const char *why, const char *whyid)
{
	char d[11];

	if (has_date)
		date_format(on, d);
	cli_put(id);
	putchar('\t');
	cli_put(milestone_status_name(st));
	putchar('\t');
	cli_put(has_date ? d : "-");
	putchar('\t');
	cli_put(text);
	if (whyid && *whyid) {
		fputs(" (", stdout);
		cli_put(why);
		putchar(' ');
		cli_put(whyid);
		putchar(')');
	}
	putchar('\n');
}

/* The checklist items through the one the child is working towards, then the
 * WHO windows, in the same columns. */
static void items_print(const struct milestone_view *v)
{
	for (int i = 0; i < v->nitems; i++) {
		const struct milestone_entry *e = &v->items[i];

		row_print(e->id, e->status, e->has_date, e->observed, e->text, "recorded as", e->via);
	}
	for (int i = 0; i < v->nwindows; i++) {
		const struct who_window *w = &v->windows[i];
		int retired = w->status != MS_ACHIEVED && w->retired_by[0];

		row_print(w->id, w->status, w->has_date, w->day, w->text, retired ? "passed by" : "recorded as",
			  retired ? w->retired_by : w->via);
	}
}

/* Every entry of one item, oldest first: ENTRY_ID, STATUS, DATE or -, WHO, STATE, NOTE. */
static int history_print(struct app *app, const struct child *c, const char *id)
{
	struct milestone_entry *e;
	struct tdl_err err;
	char text[8], d[11], msg[200];
	int n, rc;

	if (milestone_text(app->db, id, text, sizeof text)) {
		snprintf(msg, sizeof msg, "milestone list: no milestone '%.64s': 'toddle milestone catalog' lists the ids", id);
		return cli_fail(1, msg);
	}
	rc = progress_history(app->db, c, id, &e, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		if (e[i].has_date)
			date_format(e[i].observed, d);
		printf("%lld\t", e[i].entry);
		cli_put(milestone_status_name(e[i].status));
		putchar('\t');
		cli_put(e[i].has_date ? d : "-");
		putchar('\t');
		cli_put(e[i].who);
		putchar('\t');
		cli_put(milestone_entry_state_name(e[i].state));
		putchar('\t');
		cli_put(e[i].note);
		putchar('\n');
	}
	milestone_entries_free(e, n);
	return 0;
}

/* toddle milestone list [--child NAME] [--flagged | --history ID]: ID, STATUS, DATE or -, TEXT */
static int milestone_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "flagged", no_argument, NULL, 1 },
		{ "history", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	const struct milestone_view_ask ask = { .up_to = 1, .correct_until_months = app->set.correct_until_months };
	struct milestone_view v;
	char *v_[3], *pos[1];
	struct tdl_err err;
	struct child c;
	int npos, rc;

	if (cli_parse("milestone list", argc, argv, opts, v_, pos, 0, 0, &npos))
		return 1;
	if (v_[1] && v_[2])
		return cli_fail(1, "milestone list: use --flagged or --history ID, not both");
	if ((rc = cli_open(app, 0)) || (rc = cli_child_aged(app, v_[0], &c)))
		return rc;
	if (v_[2])
		return history_print(app, &c, v_[2]);
	rc = milestone_view_load(app->db, &c, app->today, &ask, &v, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if (v_[1])
		flagged_print(&v);
	else
		items_print(&v);
	milestone_view_free(&v);
	return 0;
}

/* toddle milestone list [--child NAME] --unanswered: ID, CHECKLIST_AGE, TEXT of the
 * items of passed checklist ages with no answer (an invitation, not a concern) */
static int milestone_unanswered_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "unanswered", no_argument, NULL, 1 },
		{ "flagged", no_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	struct catchup_item *it;
	char *v[3], *pos[1];
	struct tdl_err err;
	struct child c;
	int npos, n, rc;

	if (cli_parse("milestone list", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[2])
		return cli_fail(1, "milestone list: --flagged and --unanswered are two lists: give one of them");
	if ((rc = cli_open(app, 0)) || (rc = cli_child_aged(app, v[0], &c)))
		return rc;
	rc = catchup_items(app->db, &c, app->today, app->set.correct_until_months, &it, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		cli_put(it[i].id);
		printf("\t%d\t", it[i].age_months);
		cli_put(it[i].text);
		putchar('\n');
	}
	catchup_items_free(it, n);
	return 0;
}

/* True when argv holds the word w (an option that picks another command). */
static int has_word(int argc, char **argv, const char *w)
{
	for (int i = 1; i < argc && strcmp(argv[i], "--"); i++)
		if (!strcmp(argv[i], w))
			return 1;
	return 0;
}

/* toddle milestone log [--child NAME] ID [--status S] [--date D] [--note T] */
static int milestone_log_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "status", required_argument, NULL, 1 },
		{ "date", required_argument, NULL, 2 },
		{ "note", required_argument, NULL, 3 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[4], *pos[1], msg[200];
	struct tdl_err err;
	struct child c;
	enum ms_status st = MS_ACHIEVED;
	day_t on;
	long long made = 0;
	int npos, rc;

	if (cli_parse("milestone log", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (v[1] && milestone_status_parse(v[1], &st)) {
		snprintf(msg, sizeof msg, "milestone log: --status '%.30s' must be achieved, emerging or not-yet",
			 v[1]);
		return cli_fail(1, msg);
	}
	if (cli_date(app, "--date", v[2], &on))
		return 1;
	if (v[3] && (rc = text_check_lines(v[3], "--note", MILESTONE_NOTE_MAX, 0, &err)))
		return cli_fail(rc, err.msg);
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = milestone_log(app->db, &c, &(struct milestone_seen){ .id = pos[0], .status = st, .has_date = 1,
			.date = on, .note = v[3], .made = &made }, app->today, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\n", made);
	return 0;
}

/* toddle milestone correct ENTRY_ID (--status S | --remove) */
static int milestone_correct_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "status", required_argument, NULL, 0 },
		{ "remove", no_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	struct milestone_fix fix = { 0, 0, MS_NONE };
	char *v[2], *pos[1], msg[200];
	struct tdl_err err;
	long long made = 0;
	int npos, rc;

	if (cli_parse("milestone correct", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (cli_number_parse(pos[0], 1, LLONG_MAX, &fix.entry)) {
		snprintf(msg, sizeof msg, "milestone correct: ENTRY_ID '%.30s' must be a number from"
			 " 'toddle milestone list --history ID'", pos[0]);
		return cli_fail(1, msg);
	}
	if (!v[0] == !v[1])
		return cli_fail(1, "milestone correct: give exactly one of --status S (achieved, emerging or not-yet)"
				" and --remove");
	if (v[0] && milestone_status_parse(v[0], &fix.status)) {
		snprintf(msg, sizeof msg, "milestone correct: --status '%.30s' must be achieved, emerging or not-yet",
			 v[0]);
		return cli_fail(1, msg);
	}
	fix.remove = v[1] != NULL;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = milestone_correct(app->db, NULL, &fix, &made, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\n", made);
	return 0;
}

/* toddle milestone catalog [--age MONTHS]: ID, AGE_MONTHS, DOMAIN, TEXT; a WHO
 * window's age is its window, like 3.8-9.2 (with --age: the windows open then) */
static int milestone_catalog_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "age", required_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1];
	struct tdl_err err;
	struct milestone_entry *e;
	struct who_window *w;
	long long age = -1;
	int npos, n, nw, rc;

	if (cli_parse("milestone catalog", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[0]) {
		if (cli_number_parse(v[0], 0, 72, &age))
			return cli_fail(1, "milestone catalog: --age must be months from 0 to 72");
	}
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = milestone_range(app->db, NULL, age < 0 ? 0 : (int)age, age < 0 ? 1000 : (int)age, &e, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if ((rc = progress_windows(app->db, NULL, &w, &nw, &err))) {
		milestone_entries_free(e, n);
		return cli_fail(rc, err.msg);
	}
	if (n == 0 && age >= 0) {
		milestone_entries_free(e, n);
		progress_windows_free(w, nw);
		return cli_fail(1, "milestone catalog: no checklist at that age: the CDC checklist ages are "
				"2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48 and 60 months");
	}
	for (int i = 0; i < n; i++) {
		cli_put(e[i].id);
		printf("\t%d\t", e[i].age_months);
		cli_put(e[i].domain);
		putchar('\t');
		cli_put(e[i].text);
		putchar('\n');
	}
	for (int i = 0; i < nw; i++) {
		if (age >= 0 && ((double)age < w[i].p1 || (double)age > w[i].p99))
			continue;
		cli_put(w[i].id);
		printf("\t%.1f-%.1f\tmovement\t", w[i].p1, w[i].p99);
		cli_put(w[i].text);
		putchar('\n');
	}
	milestone_entries_free(e, n);
	progress_windows_free(w, nw);
	return 0;
}

/* toddle milestone SUBCOMMAND */
int cli_milestone_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list") && has_word(argc - 1, argv + 1, "--unanswered"))
		return milestone_unanswered_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return milestone_list_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "log"))
		return milestone_log_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "catalog"))
		return milestone_catalog_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "correct"))
		return milestone_correct_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "milestone: use 'milestone list', 'milestone log', 'milestone correct' or 'milestone catalog'");
}
