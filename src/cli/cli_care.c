/* Therapy records from the command line: toddle note | goal | program. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/program.h"

/* Parse a positive row id. */
static int row_id(const char *s, const char *what, long long *out)
{
	char msg[160];

	if (!cli_number_parse(s, 1, LLONG_MAX, out))
		return 0;
	snprintf(msg, sizeof msg, "%s: '%.30s' is not an id: see the list command for ids", what, s ? s : "");
	return cli_fail(1, msg);
}

/* toddle note add [--child NAME] [--date D] [--minutes M] [--discipline D] [--corrects ID]
 *   --subjective T --objective T --assessment T --plan T */
static int note_add_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 }, { "date", required_argument, NULL, 1 },
		{ "minutes", required_argument, NULL, 2 }, { "discipline", required_argument, NULL, 3 },
		{ "corrects", required_argument, NULL, 4 }, { "subjective", required_argument, NULL, 5 },
		{ "objective", required_argument, NULL, 6 }, { "assessment", required_argument, NULL, 7 },
		{ "plan", required_argument, NULL, 8 }, { NULL, 0, NULL, 0 },
	};
	char *v[9], *pos[1];
	struct session_note n;
	struct tdl_err err;
	struct child c;
	long long corrects = 0, minutes;
	int npos, changed, rc;

	if (cli_parse("note add", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[5] || !v[6] || !v[7] || !v[8])
		return cli_fail(1, "note add: --subjective, --objective, --assessment and --plan are all required");
	memset(&n, 0, sizeof n);
	if (cli_date(app, "--date", v[1], &n.day))
		return 1;
	minutes = NOTE_MINUTES_DEFAULT;
	if (v[2] && cli_number("note add", "--minutes", v[2], NOTE_MINUTES_MIN, NOTE_MINUTES_MAX, &minutes))
		return 1;
	n.minutes = (int)minutes;
	if (v[4] && row_id(v[4], "note add --corrects", &corrects))
		return 1;
	n.discipline = v[3];
	n.subjective = v[5];
	n.objective = v[6];
	n.assessment = v[7];
	n.plan = v[8];
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = note_add(app->db, &c, corrects, &n, app->today, &changed, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if (!changed) {
		snprintf(err.msg, sizeof err.msg, "nothing changed: note %lld (version %d) already says this; "
			 "nothing was written", n.id, n.version);
		return cli_fail(0, err.msg);
	}
	printf("%lld\t%d\n", n.id, n.version);
	return 0;
}

/* toddle note list [--child NAME] [--all-versions]: ID, DATE, MINUTES, VERSION, BY, ASSESSMENT */
static int note_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 }, { "all-versions", no_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[2], *pos[1], d[11];
	struct session_note *n;
	struct tdl_err err;
	struct child c;
	int npos, cnt, rc;

	if (cli_parse("note list", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = note_list(app->db, &c, v[1] != NULL, &n, &cnt, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < cnt; i++) {
		date_format(n[i].day, d);
		printf("%lld\t", n[i].id);
		cli_put(d);
		printf("\t%d\t%d\t", n[i].minutes, n[i].version);
		cli_put(n[i].created_by);
		printf("\tS: ");
		cli_put(n[i].subjective);
		printf(" | O: ");
		cli_put(n[i].objective);
		printf(" | A: ");
		cli_put(n[i].assessment);
		printf(" | P: ");
		cli_put(n[i].plan);
		putchar('\n');
	}
	note_free(n, cnt);
	return 0;
}

/* toddle note add | list */
int cli_note_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return note_add_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return note_list_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "note: use 'note add' or 'note list'");
}

/* toddle goal add [--child NAME] --text T [--target D] | list [--child NAME] | set ID --status S */
int cli_goal_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 }, { "text", required_argument, NULL, 1 },
		{ "target", required_argument, NULL, 2 }, { "status", required_argument, NULL, 3 },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub = argc >= 2 ? argv[1] : "";
	char *v[4], *pos[1], d[11];
	struct tdl_err err;
	struct child c;
	struct goal *g;
	long long id;
	day_t target = 0;
	int npos, n, changed, rc;

	if (strcmp(sub, "add") && strcmp(sub, "list") && strcmp(sub, "set"))
		return cli_fail(1, "goal: use 'goal add', 'goal list' or 'goal set ID --status S'");
	if (cli_parse(!strcmp(sub, "set") ? "goal set" : !strcmp(sub, "add") ? "goal add" : "goal list",
		      argc - 1, argv + 1, opts, v, pos, !strcmp(sub, "set"), !strcmp(sub, "set"), &npos))
		return 1;
	if (!strcmp(sub, "set")) {
		if (row_id(pos[0], "goal set", &id))
			return 1;
		if (!v[3] || !goal_status_ok(v[3]))
			return cli_fail(1, "goal set: --status must be open, met, partly-met, not-met or dropped");
		if ((rc = cli_open(app, 0)))
			return rc;
		rc = goal_set(app->db, id, 0, v[3], &changed, &err);
		if (!rc && !changed)
			return cli_fail(0, "nothing changed: the goal already has that status");
		return rc ? cli_fail(rc, err.msg) : 0;
	}
	if (!strcmp(sub, "add") && !v[1])
		return cli_fail(1, "goal add: --text TEXT is required");
	if (v[2] && cli_date(app, "--target", v[2], &target))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	if (!strcmp(sub, "add")) {
		rc = goal_add(app->db, &c, v[1], v[2] != NULL, target, &id, &err);
		if (rc)
			return cli_fail(rc, err.msg);
		printf("%lld\n", id);
		return 0;
	}
	rc = goal_list(app->db, &c, &g, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		if (g[i].has_target)
			date_format(g[i].target, d);
		printf("%lld\t", g[i].id);
		cli_put(g[i].status);
		putchar('\t');
		cli_put(g[i].has_target ? d : "-");
		putchar('\t');
		cli_put(g[i].text);
		putchar('\n');
	}
	goal_free(g, n);
	return 0;
}

/* toddle program add [--child NAME] --activity ID --times N --per day|week [--from D] [--to D]
 *                | list [--child NAME] [--all] | end ID [--date D] */
int cli_program_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 }, { "activity", required_argument, NULL, 1 },
		{ "times", required_argument, NULL, 2 }, { "per", required_argument, NULL, 3 },
		{ "from", required_argument, NULL, 4 }, { "to", required_argument, NULL, 5 },
		{ "all", no_argument, NULL, 6 }, { "date", required_argument, NULL, 7 },
		{ NULL, 0, NULL, 0 },
	};
	const char *sub = argc >= 2 ? argv[1] : "";
	char *v[8], *pos[1], a[11], b[11];
	struct tdl_err err;
	struct child c;
	struct program *p;
	day_t from, to = 0, day;
	long long id;
	long long times;
	int npos, n, rc, per_week, end_cmd = !strcmp(sub, "end");

	if (strcmp(sub, "add") && strcmp(sub, "list") && !end_cmd)
		return cli_fail(1, "program: use 'program add', 'program list' or 'program end ID'");
	if (cli_parse(end_cmd ? "program end" : !strcmp(sub, "add") ? "program add" : "program list",
		      argc - 1, argv + 1, opts, v, pos, end_cmd, end_cmd, &npos))
		return 1;
	if (end_cmd) {
		if (row_id(pos[0], "program end", &id) || cli_date(app, "--date", v[7], &day))
			return 1;
		if ((rc = cli_open(app, 0)))
			return rc;
		rc = program_end(app->db, id, 0, day, &err);
		return rc ? cli_fail(rc, err.msg) : 0;
	}
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	if (!strcmp(sub, "list")) {
		rc = program_list(app->db, &c, program_monday(app->today), v[6] != NULL, &p, &n, &err);
		if (rc)
			return cli_fail(rc, err.msg);
		for (int i = 0; i < n; i++) {
			date_format(p[i].start, a);
			date_format(p[i].stop, b);
			printf("%lld\t", p[i].id);
			cli_put(p[i].activity_id);
			printf("\t%d/", p[i].times);
			cli_put(program_per_choices()[p[i].per_week ? 1 : 0]);
			putchar('\t');
			cli_put(a);
			putchar('\t');
			cli_put(p[i].has_stop ? b : "-");
			printf("\t%d/%d\t", p[i].done, p[i].planned);
			cli_put(p[i].title);
			putchar('\n');
		}
		program_free(p, n);
		return 0;
	}
	if (!v[1] || !v[2] || !v[3])
		return cli_fail(1, "program add: --activity ID, --times N and --per day|week are required");
	if (cli_number("program add", "--times", v[2], PROGRAM_TIMES_MIN, PROGRAM_TIMES_MAX, &times))
		return 1;
	if (program_per_parse(v[3], &per_week))
		return cli_fail(1, "program add: --per must be day or week");
	if (cli_date(app, "--from", v[4], &from) || (v[5] && cli_date(app, "--to", v[5], &to)))
		return 1;
	rc = program_add(app->db, &c, &(struct program_plan){
			.activity_id = v[1], .times = (int)times, .per_week = per_week,
			.start = from, .has_stop = v[5] != NULL, .stop = to }, &id, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\n", id);
	return 0;
}
