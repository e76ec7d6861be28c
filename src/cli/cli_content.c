/* toddle content check [--lint] [DIR] */
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include "cli/cli.h"
#include "toddle/priv.h"
#include "toddle/content.h"

/* Print one lint problem. */
static void print_problem(const char *problem, void *ctx)
{
	(void)ctx;
	cli_fail(0, problem);
}

/* True when a and b name the same folder (a link to it too). */
static int same_folder(const char *a, const char *b)
{
	struct stat sa, sb;

	return stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
}

/* toddle content check [--lint] [DIR]: 0 when the folder is sound. Without --lint it
 * checks what a start would load: the library in use and library.extra, or DIR as
 * one's own folder on top of the library in use (DIR alone when it is that library). */
static int content_check_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "lint", no_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1];
	const char *dir;
	struct tdl_err err;
	int npos, rc, problems;

	if (cli_parse("content check", argc, argv, opts, v, pos, 0, 1, &npos))
		return 1;
	dir = npos ? pos[0] : app->content_dir;
	/* a folder the person names is read as the person; nothing here opens the database */
	priv_suspend();
	if (!v[0]) {
		const char *extra = npos ? pos[0] : app->set.extra;

		if (npos && same_folder(pos[0], app->content_dir))
			extra = NULL;
		rc = content_check_with(extra ? app->content_dir : dir, extra, &err);
		priv_resume();
		if (rc)
			return cli_fail(rc, err.msg);
		if (extra && *extra) {
			cli_put(extra);
			fputs(": ok (on top of the library in ", stdout);
			cli_put(app->content_dir);
			puts(")");
		} else {
			cli_put(dir);
			puts(": ok");
		}
		return 0;
	}
	problems = content_lint_dir(dir, print_problem, NULL, &err);
	priv_resume();
	if (problems < 0)
		return cli_fail(1, err.msg);
	if (problems) {
		char msg[600];

		snprintf(msg, sizeof msg, "%.500s: %d problem%s", dir, problems, problems == 1 ? "" : "s");
		cli_fail(1, msg);
	} else {
		cli_put(dir);
		puts(": ok");
	}
	return problems ? 1 : 0;
}

/* toddle content SUBCOMMAND */
int cli_content_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "check"))
		return content_check_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "content: use 'content check [--lint] [DIR]'");
}
