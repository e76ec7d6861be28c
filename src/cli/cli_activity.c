/* toddle activity show | log */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/activity.h"
#include "toddle/picks.h"
#include "toddle/text.h"

/* Print "label: value" when value is set. */
static void put_field(const char *label, const char *value)
{
	if (!value || !*value)
		return;
	cli_put(label);
	fputs(": ", stdout);
	cli_put(value);
	putchar('\n');
}

/* When each of the n activities was done this week by the child named, or
 * the only child; all -1 with no name and not exactly one child. */
static int list_done(struct app *app, const char *name, const struct activity *a, int n, day_t *done)
{
	struct tdl_err err;
	struct child c;
	int rc;

	for (int i = 0; i < n; i++)
		done[i] = -1;
	if (name && (rc = cli_child(app, name, &c)))
		return rc;
	if (!name && child_find(app->db, NULL, &c, &err))
		return 0;
	rc = picks_done_read(app->db, &c, app->today, a, n, done, &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* Print the list: ID, DOMAIN, WEEKS, TITLE, DONE (YYYY-MM-DD or -). */
static void put_list(const struct activity *a, const day_t *done, int n)
{
	for (int i = 0; i < n; i++) {
		char d[11] = "-";

		if (done[i] >= 0)
			date_format(done[i], d);
		cli_put(a[i].id);
		putchar('\t');
		cli_put(a[i].domain);
		printf("\t%d-%d\t", a[i].week_from, a[i].week_to);
		cli_put(a[i].title);
		putchar('\t');
		cli_put(d);
		putchar('\n');
	}
}

/* toddle activity list [--week N] [--domain D] [--child NAME]: ID, DOMAIN, WEEKS, TITLE, DONE */
static int activity_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "week", required_argument, NULL, 0 },
		{ "domain", required_argument, NULL, 1 },
		{ "child", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1];
	struct tdl_err err;
	struct activity *a;
	day_t *done;
	long long week = -1;
	int npos, n, rc;

	if (cli_parse("activity list", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[0]) {
		if (cli_number_parse(v[0], 0, 104, &week))
			return cli_fail(1, "activity list: --week must be a week of life from 0 to 104");
	}
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = activity_list(app->db, (int)week, v[1], &a, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if (n == 0 && v[1]) {
		activity_free_all(a, n);
		return cli_fail(1, "activity list: no activities in that domain: domains are gross-motor, "
				"fine-motor, sensory, communication, social-emotional, cognitive, daily-routines");
	}
	done = malloc((size_t)(n > 0 ? n : 1) * sizeof *done);
	if (!done) {
		activity_free_all(a, n);
		return cli_fail(TDL_EDATA, "activity list: out of memory");
	}
	rc = list_done(app, v[2], a, n, done);
	if (rc == 0)
		put_list(a, done, n);
	free(done);
	activity_free_all(a, n);
	return rc;
}

/* toddle activity show ID */
static int activity_show_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1];
	struct tdl_err err;
	struct activity a;
	int npos, rc, k = 1;

	if (cli_parse("activity show", argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = activity_get(app->db, pos[0], &a, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	cli_put(a.title);
	putchar('\n');
	cli_put(a.domain);
	fputs(", ", stdout);
	cli_put(a.discipline);
	printf(", weeks %d-%d, about %d minutes\n", a.week_from, a.week_to, a.minutes);
	put_field("You need", a.materials);
	printf("Steps:\n");
	for (char *s = a.steps, *nl; s && *s; s = nl ? nl + 1 : s + strlen(s), k++) {
		nl = strchr(s, '\n');
		if (nl)
			*nl = '\0';
		printf("  %d. ", k);
		cli_put(s);
		putchar('\n');
	}
	put_field("Why it helps", a.why);
	put_field("Easier", a.easier);
	put_field("Harder", a.harder);
	put_field("Safety", a.safety);
	put_field("Builds toward", a.builds);
	put_field("Comes after", a.before);
	put_field("Leads on to", a.next);
	put_field("Source", a.source);
	if (strcmp(a.id, pos[0])) {
		printf("('");
		cli_put(pos[0]);
		printf("' is now part of '");
		cli_put(a.id);
		printf("')\n");
	}
	activity_clear(&a);
	return 0;
}

/* toddle activity log [--child NAME] ID [--date D] [--result R] [--minutes M] [--note T] */
static int activity_log_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "date", required_argument, NULL, 1 },
		{ "result", required_argument, NULL, 2 },
		{ "minutes", required_argument, NULL, 3 },
		{ "note", required_argument, NULL, 4 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[5], *pos[1], msg[200];
	struct tdl_err err;
	struct child c;
	enum act_result r = ACT_DONE;
	day_t on;
	long long minutes = 0;
	long long made = 0;
	int npos, rc;

	if (cli_parse("activity log", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (v[2] && activity_result_parse(v[2], &r)) {
		snprintf(msg, sizeof msg, "activity log: --result '%.30s' must be done, hard or skipped", v[2]);
		return cli_fail(1, msg);
	}
	if (v[3]) {
		if (cli_number("activity log", "--minutes", v[3], 0, 600, &minutes))
			return 1;
	}
	if (cli_date(app, "--date", v[1], &on))
		return 1;
	if (v[4] && (rc = text_check_lines(v[4], "--note", ACTIVITY_NOTE_MAX, 0, &err)))
		return cli_fail(rc, err.msg);
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = activity_log(app->db, &c, &(struct activity_done){ .id = pos[0], .day = on, .result = r,
			.minutes = (int)minutes, .note = v[4], .made = &made }, app->today, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\n", made);
	return 0;
}

/* toddle activity SUBCOMMAND */
int cli_activity_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return activity_list_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return activity_show_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "log"))
		return activity_log_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "activity: use 'activity list', 'activity show ID' or 'activity log ID'");
}
