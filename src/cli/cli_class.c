/* toddle class list | show | play */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "player.h"
#include "toddle/class.h"

/* Print each line of a newline-separated text with a prefix. */
static void put_lines(const char *text, const char *prefix, int numbered)
{
	int k = 1;

	for (const char *s = text; s && *s; k++) {
		const char *nl = strchr(s, '\n');
		char line[2100];

		snprintf(line, sizeof line, "%.*s", (int)(nl ? nl - s : (long)strlen(s)), s);
		cli_put(prefix);
		if (numbered)
			printf("%d. ", k);
		cli_put(line);
		putchar('\n');
		s = nl ? nl + 1 : s + strlen(s);
	}
}

/* Ages of a class in words: "weeks 0-12" or "months 6-12". */
static void class_ages(const struct class_info *k, char *out, size_t outsz)
{
	snprintf(out, outsz, "weeks %d-%d", k->week_from, k->week_to);
}

/* toddle class list: ID, MINUTES, AGES, TITLE */
static int class_list_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1], ages[40];
	struct tdl_err err;
	struct class_info *k;
	int npos, n, rc;

	if (cli_parse("class list", argc, argv, opts, NULL, pos, 0, 0, &npos))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = class_list(app->db, NULL, &k, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n; i++) {
		class_ages(&k[i], ages, sizeof ages);
		cli_put(k[i].id);
		printf("\t%d\t", k[i].minutes);
		cli_put(ages);
		putchar('\t');
		cli_put(k[i].title);
		putchar('\n');
	}
	class_free_all(k, n);
	return 0;
}

/* Fetch the class named by the one positional argument. */
static int class_arg(struct app *app, const char *cmd, int argc, char **argv, struct class_info *k)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1];
	struct tdl_err err;
	int npos, rc;

	if (cli_parse(cmd, argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = class_get(app->db, pos[0], NULL, k, &err);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle class show ID */
static int class_show_cmd(struct app *app, int argc, char **argv)
{
	struct class_info k;
	char ages[40];
	int rc = class_arg(app, "class show", argc, argv, &k);

	if (rc)
		return rc;
	class_ages(&k, ages, sizeof ages);
	cli_put(k.title);
	printf("\nFor ");
	cli_put(k.audience);
	fputs(", ", stdout);
	cli_put(ages);
	printf(", about %d minutes\n\n", k.minutes);
	put_lines(k.sections, "", 0);
	printf("\nTry:\n");
	put_lines(k.steps, "  ", 1);
	if (k.video[0]) {
		printf("\nVideo: ");
		cli_put(k.video);
		putchar('\n');
	}
	printf("\nSource: ");
	cli_put(k.source);
	putchar('\n');
	class_clear(&k);
	return 0;
}

/* toddle class play ID: run the player, or print the link over SSH. */
static int class_play_cmd(struct app *app, int argc, char **argv)
{
	struct class_info k;
	struct tdl_err err;
	char buf[SETTINGS_PATH_MAX + 64], *av[PLAYER_ARGV_LEN];
	int rc = class_arg(app, "class play", argc, argv, &k);

	if (rc)
		return rc;
	if (!k.video[0]) {
		class_clear(&k);
		return cli_fail(1, "class play: this class has no video yet; a clinic or family can add one "
				"with a [video ID] record in their own library folder (library.extra)");
	}
	if (!class_video_ok(k.video)) {
		char msg[300];

		snprintf(msg, sizeof msg, "class play: the video link of '%.64s' ('%.60s') is not an http:// or "
			 "https:// link, so it is neither played nor shown: fix its [video] record", k.id, k.video);
		class_clear(&k);
		return cli_fail(1, msg);
	}
	if (player_show_link(app->set.player)) {
		cli_put(k.video);
		putchar('\n');
		class_clear(&k);
		return 0;
	}
	rc = player_argv(app->set.player, k.video, buf, sizeof buf, av, &err);
	if (!rc) {
		fflush(stdout);
		rc = player_run(av, &err);
	}
	class_clear(&k);
	return rc ? cli_fail(rc, err.msg) : 0;
}

/* toddle class SUBCOMMAND */
int cli_class_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "list"))
		return class_list_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "show"))
		return class_show_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "play"))
		return class_play_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "class: use 'class list', 'class show ID' or 'class play ID'");
}
