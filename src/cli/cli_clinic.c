/* The clinic's commands: clinic init, caseload, assign, audit, child delete. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/appointment.h"
#include "toddle/audit.h"
#include "toddle/caseload.h"
#include "toddle/clinic.h"
#include "toddle/db.h"

/* toddle clinic init DIR --group G */
static int clinic_init_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "group", required_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1], db[SETTINGS_PATH_MAX];
	struct tdl_err err;
	int npos, rc;

	(void)app;
	if (cli_parse("clinic init", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (!v[0])
		return cli_fail(1, "clinic init: --group GROUP is required (the Unix group of the clinic's staff)");
	if (pos[0][0] != '/')
		return cli_fail(1, "clinic init: give the folder as an absolute path, like /srv/toddle");
	rc = clinic_init(pos[0], v[0], db, sizeof db, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("Created %s (mode 2770, group %s) and %s (mode 0660, group %s).\n", pos[0], v[0], db, v[0]);
	printf("Put these lines in %s so everyone uses it:\n\n", settings_system_path());
	printf("[data]\ndatabase = %s\n\n[clinic]\ngroup = %s\nadmins = %s\n", db, v[0], db_user());
	return 0;
}

/* toddle clinic SUBCOMMAND */
int cli_clinic_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "init"))
		return clinic_init_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "clinic: use 'clinic init DIR --group GROUP'");
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
		printf("\t%s\t", words);
		if (r[i].age.corrected) {
			child_age_words(r[i].age.cdays, r[i].age.cmonths, words, sizeof words);
			printf("%s", words);
		} else {
			printf("-");
		}
		printf("\t%s\t", r[i].team[0] ? r[i].team : "-");
		if (r[i].has_next) {
			date_format(r[i].next_day, d);
			appointment_format_time(r[i].next_time, tm);
			printf("%s %s\t", d, tm);
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
		printf("%s\t", r[i].at);
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
