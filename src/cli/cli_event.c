/* toddle event add | edit | list | delete: appointments. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/appointment.h"

/* Parse --minutes (NULL: keep *minutes); 0, or 1 after saying what was wrong. */
static int event_minutes(const char *cmd, const char *s, int *minutes)
{
	long long m;

	if (!s)
		return 0;
	if (cli_number(cmd, "--minutes", s, 1, 1440, &m))
		return 1;
	*minutes = (int)m;
	return 0;
}

/* Parse --time HH:MM; 0, or 1 after saying how to write it (`none`: how to go without one). */
static int event_time(const char *cmd, const char *s, const char *none, int *time)
{
	char msg[200];

	if (!appointment_parse_time(s, time))
		return 0;
	snprintf(msg, sizeof msg, "%s: --time '%.20s' is not a time: write it as HH:MM, like 09:30, or %s",
		 cmd, s, none);
	return cli_fail(1, msg);
}

/* One appointment as event list prints it: ID, DATE, TIME (or all-day), TITLE. */
static void event_print(const struct appointment *a)
{
	char d[11], tm[6];

	date_format(a->day, d);
	printf("%lld\t", a->id);
	cli_put(d);
	putchar('\t');
	cli_put(appointment_time_words(a->time, "all-day", tm));
	putchar('\t');
	cli_put(a->title);
	putchar('\n');
}

/* toddle event add [--child NAME] --date D [--time HH:MM] --title T [--minutes M] [--place P] [--with W];
 * without --time the appointment is all day */
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
	char *v[7], *pos[1], d[11], msg[100];
	struct appointment a;
	struct tdl_err err;
	struct child c;
	int npos, rc;

	if (cli_parse("event add", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[1] || !v[3])
		return cli_fail(1, "event add: --date YYYY-MM-DD and --title TEXT are required"
				" (--time HH:MM too, unless it lasts all day)");
	memset(&a, 0, sizeof a);
	a.time = APPOINTMENT_ALL_DAY;
	a.minutes = 30;
	if (cli_date(app, "--date", v[1], &a.day) ||
	    (v[2] && event_time("event add", v[2], "leave --time out for an all-day appointment", &a.time)) ||
	    event_minutes("event add", v[4], &a.minutes))
		return 1;
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
	if (a.time == APPOINTMENT_ALL_DAY) {
		/* the id stays alone on stdout for scripts; the person is told what was made */
		date_format(a.day, d);
		snprintf(msg, sizeof msg, "added as an all-day appointment on %s (no --time given)", d);
		cli_fail(0, msg);
	}
	return 0;
}

/* toddle event edit ID [--date D] [--time HH:MM | --all-day] [--title T] [--minutes M] [--place P]
 * [--with W]: change what is given, keep the rest; prints the appointment as event list does */
static int event_edit_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "date", required_argument, NULL, 0 },
		{ "time", required_argument, NULL, 1 },
		{ "all-day", no_argument, NULL, 2 },
		{ "title", required_argument, NULL, 3 },
		{ "minutes", required_argument, NULL, 4 },
		{ "place", required_argument, NULL, 5 },
		{ "with", required_argument, NULL, 6 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[7], *pos[1];
	struct appointment *a, e;
	struct tdl_err err;
	long long id;
	int npos, changed, rc;

	if (cli_parse("event edit", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (cli_number_parse(pos[0], 1, LLONG_MAX, &id))
		return cli_fail(1, "event edit: give the id from 'toddle event list'");
	if (v[1] && v[2])
		return cli_fail(1, "event edit: give --time HH:MM or --all-day, not both");
	if (!v[0] && !v[1] && !v[2] && !v[3] && !v[4] && !v[5] && !v[6])
		return cli_fail(1, "event edit: say what to change: --date, --time, --all-day, --title,"
				" --minutes, --place or --with");
	memset(&e, 0, sizeof e);
	if ((v[0] && cli_date(app, "--date", v[0], &e.day)) ||
	    (v[1] && event_time("event edit", v[1], "use --all-day for an appointment without a time", &e.time)) ||
	    event_minutes("event edit", v[4], &e.minutes))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	if ((rc = appointment_get(app->db, id, &a, &err)))
		return cli_fail(rc, rc == TDL_EINPUT ? "event edit: there is no appointment with that id:"
				" see 'toddle event list'" : err.msg);
	if (v[0])
		a->day = e.day;
	if (v[1])
		a->time = e.time;
	if (v[2])
		a->time = APPOINTMENT_ALL_DAY;
	if (v[4])
		a->minutes = e.minutes;
	/* the strings are swapped in for the save only: a owns its own */
	e = *a;
	if (v[3])
		e.title = v[3];
	if (v[5])
		e.place = v[5];
	if (v[6])
		e.with_whom = v[6];
	rc = appointment_update(app->db, &e, &changed, &err);
	if (!rc) {
		a->version = e.version;
		event_print(&e);
		if (!changed)
			fputs("toddle: nothing changed: the appointment already says this\n", stderr);
	}
	appointment_free_all(a, 1);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle event list [--child NAME] [--from D] [--to D]: ID, DATE, TIME (or all-day), TITLE */
static int event_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "from", required_argument, NULL, 1 },
		{ "to", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1];
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
	for (int i = 0; i < n; i++)
		event_print(&a[i]);
	appointment_free_all(a, n);
	return 0;
}

/* toddle event delete ID */
static int event_delete_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1];
	struct tdl_err err;
	long long id;
	int npos, rc;

	if (cli_parse("event delete", argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	if (cli_number_parse(pos[0], 1, LLONG_MAX, &id))
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
	if (argc >= 2 && !strcmp(argv[1], "edit"))
		return event_edit_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return event_list_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "delete"))
		return event_delete_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "event: use 'event add', 'event edit ID', 'event list' or 'event delete ID'");
}
