/* The clinic's commands: clinic init, caseload, assign, audit, child delete. */
#include "config.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <grp.h>
#include <unistd.h>
#include "cli/cli.h"
#include "player.h"
#include "toddle/appointment.h"
#include "toddle/audit.h"
#include "toddle/caseload.h"
#include "toddle/clinic.h"
#include "toddle/buf.h"
#include "toddle/db.h"

/* Make the clinic's data group (a system group no person is in) with groupadd. */
static int data_group_make(const char *name, struct buf *done, struct tdl_err *err)
{
	char *argv[] = { "/usr/sbin/groupadd", "--system", (char *)name, NULL };

	if (access(argv[0], X_OK) != 0)
		argv[0] = "groupadd";
	if (player_run(argv, err) || !getgrnam(name))
		return err_set(err, TDL_EDATA, "cannot make the data group '%.60s': run 'groupadd --system %.60s' "
			       "and try again", name, name);
	buf_printf(done, "Made the system group %s (no person belongs in it).\n", name);
	return TDL_OK;
}

/* toddle clinic init DIR --group STAFF [--data-group G] (as root) */
static int clinic_init_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "group", required_argument, NULL, 0 },
		{ "data-group", required_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[2], *pos[1], exe[PATH_MAX];
	struct clinic_plan plan;
	struct buf done, todo;
	struct tdl_err err;
	int npos, rc;

	if (cli_parse("clinic init", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (!v[0])
		return cli_fail(1, "clinic init: --group GROUP is required (the Unix group of the clinic's staff)");
	if (pos[0][0] != '/')
		return cli_fail(1, "clinic init: give the folder as an absolute path, like /srv/toddle");
	memset(&plan, 0, sizeof plan);
	plan.dir = pos[0];
	plan.staff = v[0];
	plan.data_group = v[1] ? v[1] : app->set.data_group;
	plan.exe = realpath("/proc/self/exe", exe) ? exe : NULL;
	plan.installed = BINDIR "/toddle";
	plan.system_file = settings_system_path();
	buf_init(&done);
	buf_init(&todo);
	/* nothing is made (not even the data group) for a set-up that cannot work */
	if ((rc = clinic_plan_check(&plan, &err)))
		return cli_fail(rc, err.msg);
	if (!getgrnam(plan.data_group) && data_group_make(plan.data_group, &done, &err))
		return cli_fail(2, err.msg);
	rc = clinic_init(&plan, &done, &todo, &err);
	cli_put_lines(buf_str(&done));
	if (!rc && todo.len) {
		fputs("\nStill to do:\n", stdout);
		cli_put_lines(buf_str(&todo));
	}
	if (!rc) {
		fputs("\nAdd each therapist to group ", stdout);
		cli_put(v[0]);
		fputs(" (usermod -aG ", stdout);
		cli_put(v[0]);
		fputs(" LOGIN); 'toddle clinic check' checks it all.\n", stdout);
	}
	buf_free(&done);
	buf_free(&todo);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle clinic check: every part of the set-up, each problem with its fix. */
static int clinic_check_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *v[1], *pos[1];
	struct buf out;
	int npos, n;

	if (cli_parse("clinic check", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	buf_init(&out);
	n = clinic_check_setup(&app->set, settings_system_path(), BINDIR "/toddle", &out);
	cli_put_lines(buf_str(&out));
	buf_free(&out);
	if (n) {
		char msg[120];

		snprintf(msg, sizeof msg, "clinic check found %d problem%s (each with its fix above)", n, n == 1 ? "" : "s");
		return cli_fail(2, msg);
	}
	fputs("The clinic is set up: ", stdout);
	cli_put(app->set.database);
	fputs(", staff group ", stdout);
	cli_put(app->set.group);
	fputs(", data group ", stdout);
	cli_put(app->set.data_group);
	fputs(", " BINDIR "/toddle setgid.\n", stdout);
	return 0;
}

/* toddle clinic SUBCOMMAND */
int cli_clinic_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "init"))
		return clinic_init_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "check"))
		return clinic_check_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "clinic: use 'clinic init DIR --group GROUP' or 'clinic check'");
}

/* toddle caseload [--all] [--therapist LOGIN] [--sort name|age|flags|idle|next]
 * ID, NAME, AGE, CORRECTED, TEAM, NEXT, FLAGS, IDLE_DAYS, THIS_WEEK (done/planned) */
int cli_caseload_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "all", no_argument, NULL, 0 },
		{ "therapist", required_argument, NULL, 1 },
		{ "sort", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	static const char *const sorts[] = { "name", "age", "flags", "idle", "next" };
	char *v[3], *pos[1], words[80], d[11], tm[6];
	struct caseload_row *r;
	struct tdl_err err;
	int npos, n, rc, sort = SORT_NAME, found;

	if (cli_parse("caseload", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[2]) {
		found = 0;
		for (int i = 0; i < 5; i++)
			if (!strcmp(v[2], sorts[i]))
				sort = i, found = 1;
		if (!found)
			return cli_fail(1, "caseload: --sort must be name, age, flags, idle or next");
	}
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = caseload_list(app->db, v[0] ? NULL : v[1] ? v[1] : db_user(), app->today,
			   app->set.correct_until_months, (enum caseload_sort)sort, &r, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		printf("%lld\t", r[i].child.id);
		cli_put(r[i].child.name);
		child_age_words(r[i].age.days, r[i].age.months, words, sizeof words);
		putchar('\t');
		cli_put(words);
		putchar('\t');
		if (r[i].age.corrected) {
			child_age_words(r[i].age.cdays, r[i].age.cmonths, words, sizeof words);
			cli_put(words);
		} else {
			printf("-");
		}
		putchar('\t');
		cli_put(r[i].team[0] ? r[i].team : "-");
		putchar('\t');
		if (r[i].has_next) {
			date_format(r[i].next_day, d);
			cli_put(d);
			putchar(' ');
			cli_put(appointment_time_words(r[i].next_time, "all-day", tm));
			putchar('\t');
		} else {
			printf("-\t");
		}
		printf("%d\t", r[i].flags);
		if (r[i].idle_days < 0)
			printf("-\t");
		else
			printf("%d\t", r[i].idle_days);
		if (r[i].planned)
			printf("%d/%d\n", r[i].done, r[i].planned);
		else
			printf("-\n");
	}
	caseload_free(r, n);
	return 0;
}

/* toddle assign --child NAME --therapist LOGIN --discipline pt|ot|speech [--end] */
int cli_assign_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "therapist", required_argument, NULL, 1 },
		{ "discipline", required_argument, NULL, 2 },
		{ "end", no_argument, NULL, 3 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[4], *pos[1];
	struct tdl_err err;
	struct child c;
	int npos, rc;

	if (cli_parse("assign", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[1] || !v[2])
		return cli_fail(1, "assign: --therapist LOGIN and --discipline pt|ot|speech are required");
	if (!caseload_discipline_ok(v[2]))
		return cli_fail(1, "assign: --discipline must be pt, ot or speech");
	/* ending an assignment must work for someone who has left, so only new ones are checked */
	if (!v[3] && app->set.group[0] && clinic_login_check(app->set.group, v[1], &err))
		return cli_fail(1, err.msg);
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	rc = v[3] ? caseload_unassign(app->db, &c, v[1], v[2], clinic_is_admin(&app->set, db_user()), &err)
		  : caseload_assign(app->db, &c, v[1], v[2], clinic_is_admin(&app->set, db_user()), &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle audit [--child NAME] [--since D]: AT, WHO, CHILD, ACTION, DETAIL */
int cli_audit_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "since", required_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[2], *pos[1];
	struct audit_row *r;
	struct tdl_err err;
	struct child c;
	day_t since = 0;
	int npos, n, rc;

	if (cli_parse("audit", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[1] && cli_date(app, "--since", v[1], &since))
		return 1;
	if ((rc = cli_open(app, 0)) || (v[0] && (rc = cli_child(app, v[0], &c))))
		return rc;
	rc = audit_list(app->db, v[0] ? c.id : -1, v[1] != NULL, since, &r, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		cli_put(r[i].at);
		putchar('\t');
		cli_put(r[i].who);
		putchar('\t');
		cli_put(r[i].child);
		putchar('\t');
		cli_put(r[i].action);
		putchar('\t');
		cli_put(r[i].detail);
		putchar('\n');
	}
	audit_free(r, n);
	return 0;
}

/* toddle child delete NAME */
int cli_child_delete(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1];
	struct tdl_err err;
	struct child c;
	int npos, rc;

	if (cli_parse("child delete", argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, pos[0], &c)))
		return rc;
	rc = child_delete(app->db, &c, clinic_is_admin(&app->set, db_user()), &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}
