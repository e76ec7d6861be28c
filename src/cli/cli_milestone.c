/* toddle milestone list | log */
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
		printf("\t%s\t%s\t", milestone_view_flag_kind(f->kind), milestone_status_name(f->status));
		cli_put(f->area);
		printf("\t%s\t", f->helps);
		cli_put(f->text);
		putchar('\n');
	}
}

/* The checklist items through the one the child is working towards: ID, STATUS, DATE or -, TEXT. */
static void items_print(const struct milestone_view *v)
{
	char d[11];

	for (int i = 0; i < v->nitems; i++) {
		const struct milestone_entry *e = &v->items[i];

		if (e->has_date)
			date_format(e->observed, d);
		cli_put(e->id);
		printf("\t%s\t%s\t", milestone_status_name(e->status), e->has_date ? d : "-");
		cli_put(e->text);
		putchar('\n');
	}
}

/* toddle milestone list [--child NAME] [--flagged]: ID, STATUS, DATE or -, TEXT */
static int milestone_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "flagged", no_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	const struct milestone_view_ask ask = { .up_to = 1, .correct_until_months = app->set.correct_until_months };
	struct milestone_view v;
	char *v_[2], *pos[1];
	struct tdl_err err;
	struct child c;
	int npos, rc;

	if (cli_parse("milestone list", argc, argv, opts, v_, pos, 0, 0, &npos))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v_[0], &c)))
		return rc;
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
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
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
	if (v[3] && (rc = text_check(v[3], "--note", MILESTONE_NOTE_MAX, 0, &err)))
		return cli_fail(rc, err.msg);
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = milestone_log(app->db, &c, &(struct milestone_seen){
			.id = pos[0], .status = st, .has_date = 1, .date = on, .note = v[3] }, app->today, &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle milestone catalog [--age MONTHS]: ID, AGE_MONTHS, DOMAIN, TEXT */
static int milestone_catalog_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "age", required_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1], *end;
	struct tdl_err err;
	struct milestone_entry *e;
	long age = -1;
	int npos, n, rc;

	if (cli_parse("milestone catalog", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[0]) {
		age = strtol(v[0], &end, 10);
		if (!*v[0] || *end || age < 0 || age > 72)
			return cli_fail(1, "milestone catalog: --age must be months from 0 to 72");
	}
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = milestone_range(app->db, NULL, age < 0 ? 0 : (int)age, age < 0 ? 1000 : (int)age, &e, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if (n == 0 && age >= 0) {
		milestone_entries_free(e, n);
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
	milestone_entries_free(e, n);
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
	return cli_fail(1, "milestone: use 'milestone list', 'milestone log' or 'milestone catalog'");
}
