/* toddle child add | list */
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
		printf("\t%s\t%s\n", born, all[i].has_due ? due : "-");
	}
	free(all);
	return 0;
}

/* toddle child SUBCOMMAND */
int cli_child_cmd(struct app *app, int argc, char **argv)
{
	if (argc < 2)
		return cli_fail(1, "child: say what to do: 'child add', 'child list' or 'child delete'");
	if (!strcmp(argv[1], "add"))
		return child_add_cmd(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "list"))
		return child_list_cmd(app, argc - 1, argv + 1);
	if (!strcmp(argv[1], "delete"))
		return cli_child_delete(app, argc - 1, argv + 1);
	return cli_fail(1, "child: unknown subcommand: use 'child add', 'child list' or 'child delete'");
}
