/* toddle event add | list: appointments. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/appointment.h"

/* toddle event add [--child NAME] --date D --time HH:MM --title T [--minutes M] [--place P] [--with W] */
static int event_add_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "date", required_argument, NULL, 1 },
		{ "time", required_argument, NULL, 2 },
		{ "title", required_argument, NULL, 3 },
		{ "minutes", required_argument, NULL, 4 },
		{ "place", required_argument, NULL, 5 },
		{ "with", required_argument, NULL, 6 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[7], *pos[1], *end, msg[160];
	struct appointment a;
	struct tdl_err err;
	struct child c;
	long minutes = 30;
	int npos, rc;

	if (cli_parse("event add", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[1] || !v[2] || !v[3])
		return cli_fail(1, "event add: --date YYYY-MM-DD, --time HH:MM and --title TEXT are required");
	memset(&a, 0, sizeof a);
	if (cli_date(app, "--date", v[1], &a.day))
		return 1;
	if (appointment_parse_time(v[2], &a.time)) {
		snprintf(msg, sizeof msg, "event add: --time '%.20s' is not a time: write it as HH:MM, like 09:30", v[2]);
		return cli_fail(1, msg);
	}
	if (v[4]) {
		minutes = strtol(v[4], &end, 10);
		if (!*v[4] || *end || minutes < 1 || minutes > 1440)
			return cli_fail(1, "event add: --minutes must be a whole number from 1 to 1440");
	}
	a.minutes = (int)minutes;
	a.title = v[3];
	a.place = v[5] ? v[5] : "";
	a.with_whom = v[6] ? v[6] : "";
	if ((rc = appointment_validate(&a, &err)))
		return cli_fail(rc, err.msg);
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = appointment_add(app->db, &c, &a, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\n", a.id);
	return 0;
}

/* toddle event list [--child NAME] [--from D] [--to D]: ID, DATE, TIME, TITLE */
static int event_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "from", required_argument, NULL, 1 },
		{ "to", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1], d[11], tm[6];
	struct appointment *a;
	struct tdl_err err;
	struct child c;
	day_t from = date_from_ymd(DATE_MIN_YEAR, 1, 1), to = date_from_ymd(DATE_MAX_YEAR, 12, 31);
	int npos, n, rc;

	if (cli_parse("event list", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if ((v[1] && cli_date(app, "--from", v[1], &from)) || (v[2] && cli_date(app, "--to", v[2], &to)))
		return 1;
	if (to < from)
		return cli_fail(1, "event list: --to is before --from");
	if ((rc = cli_open(app, 0)) || (v[0] && (rc = cli_child(app, v[0], &c))))
		return rc;
	rc = appointment_list(app->db, v[0] ? c.id : -1, from, to, &a, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		date_format(a[i].day, d);
		appointment_format_time(a[i].time, tm);
		printf("%lld\t%s\t%s\t", a[i].id, d, tm);
		cli_put(a[i].title);
		putchar('\n');
	}
	appointment_free_all(a, n);
	return 0;
}

/* toddle event delete ID */
static int event_delete_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1], *end;
	struct tdl_err err;
	long long id;
	int npos, rc;

	if (cli_parse("event delete", argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	id = strtoll(pos[0], &end, 10);
	if (!*pos[0] || *end || id <= 0)
		return cli_fail(1, "event delete: give the id from 'toddle event list'");
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = appointment_delete(app->db, id, 0, &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle event SUBCOMMAND */
int cli_event_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "add"))
		return event_add_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return event_list_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "delete"))
		return event_delete_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "event: use 'event add', 'event list' or 'event delete ID'");
}
