/* toddle child add | edit | list */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/text.h"

/* toddle child add NAME --born D [--due D | --ga W[+D]] */
static int child_add_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "born", required_argument, NULL, 0 },
		{ "due", required_argument, NULL, 1 },
		{ "ga", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1], *name;
	struct tdl_err err;
	struct child c;
	day_t born, due = 0;
	int npos, rc;

	if (cli_parse("child add", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (!v[0])
		return cli_fail(1, "child add: --born YYYY-MM-DD is required");
	if (v[1] && v[2])
		return cli_fail(1, "child add: give --due or --ga, not both");
	if (cli_date(app, "--born", v[0], &born) || (v[1] && cli_date(app, "--due", v[1], &due)))
		return 1;
	if (v[2] && (rc = child_due_from_ga(v[2], born, &due, &err)))
		return cli_fail(rc, err.msg);
	name = text_trim(strdup(pos[0]));
	if (!name)
		return cli_fail(2, "out of memory");
	rc = child_validate(name, born, v[1] || v[2], due, app->today, &err);
	if (rc) {
		free(name);
		return cli_fail(rc, err.msg);
	}
	if ((rc = cli_open(app, 1))) {
		free(name);
		return rc;
	}
	rc = child_add(app->db, name, born, v[1] || v[2], due, app->today, &c, &err);
	free(name);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\t", c.id);
	cli_put(c.name);
	putchar('\n');
	return 0;
}

/* The due date an edit asks for: --due, --ga (from the birth date), --no-due, or the one kept. */
static int edit_due(char **v, struct child *c)
{
	struct tdl_err err;
	int rc;

	if (v[3] && v[4])
		return cli_fail(1, "child edit: give --due or --ga, not both");
	if ((v[3] || v[4]) && v[5])
		return cli_fail(1, "child edit: give --due or --ga, or --no-due, not both");
	if (v[5]) {
		c->has_due = 0;
		c->due = 0;
	} else if (v[3]) {
		if (date_parse(v[3], &c->due))
			return cli_fail(1, "child edit: --due: not a real date; write it as YYYY-MM-DD");
		c->has_due = 1;
	} else if (v[4]) {
		if ((rc = child_due_from_ga(v[4], c->born, &c->due, &err)))
			return cli_fail(rc, err.msg);
		c->has_due = 1;
	}
	return 0;
}

/* toddle child edit CHILD [--name NAME] [--born D] [--due D | --ga W[+D] | --no-due] */
static int child_edit_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "name", required_argument, NULL, 1 },
		{ "born", required_argument, NULL, 2 },
		{ "due", required_argument, NULL, 3 },
		{ "ga", required_argument, NULL, 4 },
		{ "no-due", no_argument, NULL, 5 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[6], *pos[1], *name = NULL;
	struct tdl_err err;
	struct child was, c;
	day_t born = 0;
	int npos, rc, changed = 0;

	if (cli_parse("child edit", argc, argv, opts, v, pos, 0, 1, &npos))
		return 1;
	if (npos && v[0])
		return cli_fail(1, "child edit: name the child once, as CHILD or with --child");
	if (!v[1] && !v[2] && !v[3] && !v[4] && !v[5])
		return cli_fail(1, "child edit: say what to change: --name, --born, --due, --ga or --no-due");
	if (v[2] && date_parse(v[2], &born))
		return cli_fail(1, "child edit: --born: not a real date; write it as YYYY-MM-DD");
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, npos ? pos[0] : v[0], &was)))
		return rc;
	c = was;
	if (v[2])
		c.born = born;
	if ((rc = edit_due(v, &c)))
		return rc;
	if (v[1] && !(name = text_trim(strdup(v[1]))))
		return cli_fail(2, "out of memory");
	rc = child_validate_edit(&was, name ? name : c.name, c.born, c.has_due, c.due, app->today, &err);
	if (!rc && name)
		snprintf(c.name, sizeof c.name, "%s", name);
	free(name);
	if (!rc)
		rc = child_update(app->db, &c, app->today, &changed, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("%lld\t", c.id);
	cli_put(c.name);
	putchar('\n');
	if (!changed)
		fputs("toddle: nothing changed: the child already has these details\n", stderr);
	return 0;
}

/* toddle child list: ID, NAME, BORN, DUE or - */
static int child_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	struct tdl_err err;
	struct child *all;
	char *pos[1], born[11], due[11];
	int n, npos, rc;

	if (cli_parse("child list", argc, argv, opts, NULL, pos, 0, 0, &npos))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = child_list(app->db, &all, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		date_format(all[i].born, born);
		date_format(all[i].due, due);
		printf("%lld\t", all[i].id);
		cli_put(all[i].name);
		putchar('\t');
		cli_put(born);
		putchar('\t');
		cli_put(all[i].has_due ? due : "-");
		putchar('\n');
	}
	free(all);
	return 0;
}

/* toddle child SUBCOMMAND */
int cli_child_cmd(struct app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_fail(1, "child: say what to do: 'child add', 'child edit', 'child list' or 'child delete'");
	if (!strcmp(argv[1], "add"))
		return child_add_cmd(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "edit"))
		return child_edit_cmd(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return child_list_cmd(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "delete"))
		return cli_child_delete(app, argc - 1, argv + 1);
	return cli_fail(1, "child: unknown subcommand: use 'child add', 'child edit', 'child list' or 'child delete'");
}
