/* The command line face: dispatch and shared helpers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/text.h"

/* Print "toddle: MSG" to stderr and return code. */
int cli_fail(int code, const char *msg)
{
	char *clean = text_sanitize_dup(msg);

	fprintf(stderr, "toddle: %s\n", clean ? clean : "(out of memory)");
	free(clean);
	return code;
}

/* Parse options of one subcommand. */
int cli_parse(const char *cmd, int argc, char **argv, const struct option *opts, char **vals,
	      char **pos, int minpos, int maxpos, int *npos)
{
	char msg[300];
	int c, idx;

	opterr = 0;
	optind = 1;
	for (int i = 0; opts[i].name; i++)
		vals[i] = NULL;
	while ((c = getopt_long(argc, argv, ":", opts, &idx)) != -1) {
		if (c == '?' || c == ':') {
			const char *what = argv[optind - 1];

			if (c == '?')
				snprintf(msg, sizeof msg, "%s: unknown option '%.60s': see 'toddle %s --help'", cmd,
					 what, cmd);
			else
				snprintf(msg, sizeof msg, "%s: option '%.60s' needs a value", cmd, what);
			return cli_fail(1, msg);
		}
		vals[c] = optarg ? optarg : (char *)"";
	}
	*npos = 0;
	for (int i = optind; i < argc; i++) {
		if (*npos >= maxpos) {
			snprintf(msg, sizeof msg, "%s: unexpected argument '%.60s': see 'toddle %s --help'", cmd,
				 argv[i], cmd);
			return cli_fail(1, msg);
		}
		pos[(*npos)++] = argv[i];
	}
	if (*npos < minpos) {
		snprintf(msg, sizeof msg, "%s: missing argument: see 'toddle %s --help'", cmd, cmd);
		return cli_fail(1, msg);
	}
	return 0;
}

/* Open the database and print any content warning. */
int cli_open(struct app *app, int create)
{
	struct tdl_err err;
	int rc = app_open(app, create, &err);

	if (rc)
		return cli_fail(rc, err.msg);
	if (app->warning[0]) {
		char msg[700];

		snprintf(msg, sizeof msg, "warning: %s", app->warning);
		cli_fail(0, msg);
	}
	return 0;
}

/* Parse a date option. */
int cli_date(struct app *app, const char *opt, const char *value, day_t *out)
{
	char msg[200];

	if (!value) {
		*out = app->today;
		return 0;
	}
	if (date_parse(value, out) == 0)
		return 0;
	snprintf(msg, sizeof msg, "%s '%.40s' is not a real date: write it as YYYY-MM-DD", opt, value);
	return cli_fail(1, msg);
}

/* Read a whole number written as digits only (a '-' first for a negative one): no blanks,
 * no '+', no overflow, within min..max. 0 on success, -1 otherwise. */
int cli_number_parse(const char *s, long long min, long long max, long long *out)
{
	const char *d = s && *s == '-' ? s + 1 : s;
	char *end;
	long long v;

	if (!d || *d < '0' || *d > '9')
		return -1;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (errno || *end || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* Parse a whole-number option; a bad one prints "CMD: OPT must be a whole number from
 * MIN to MAX" and returns 1. */
int cli_number(const char *cmd, const char *opt, const char *value, long long min, long long max,
	       long long *out)
{
	char msg[200];

	if (!cli_number_parse(value, min, max, out))
		return 0;
	snprintf(msg, sizeof msg, "%s: %s must be a whole number from %lld to %lld (not '%.30s')", cmd,
		 opt, min, max, value ? value : "");
	return cli_fail(1, msg);
}

/* Find a child by name or the only one. */
int cli_child(struct app *app, const char *name, struct child *out)
{
	struct tdl_err err;
	int rc = child_find(app->db, name, out, &err);

	return rc ? cli_fail(rc, err.msg) : 0;
}

/* As cli_child, for a command that works out the child's age on today: a --today
 * past the years toddle follows the child is refused (it showed "973 years"). */
int cli_child_aged(struct app *app, const char *name, struct child *out)
{
	struct tdl_err err;
	int rc = cli_child(app, name, out);

	if (!rc && app->today_given && app->today > child_day_max(out) &&
	    (rc = child_check_day(out, app->today, "--today", &err)))
		return cli_fail(rc, err.msg);
	return rc;
}

/* Print s line by line, each line cleaned for a terminal, with sep between lines. */
static void put_clean(const char *s, const char *sep)
{
	const char *p = s ? s : "";

	for (;;) {
		size_t len = strcspn(p, "\n");
		char *line = strndup(p, len), *clean = text_sanitize_dup(line ? line : "");

		fputs(clean ? clean : "", stdout);
		free(clean);
		free(line);
		if (!p[len])
			break;
		fputs(sep, stdout);
		p += len + 1;
	}
}

/* Print text made safe for a terminal, on one line: a line break inside a
 * note shows as " / ", so a tab-separated listing keeps one record a line. */
void cli_put(const char *s)
{
	put_clean(s, " / ");
}

/* Print text of several lines made safe for a terminal, keeping its line breaks. */
void cli_put_lines(const char *s)
{
	put_clean(s, "\n");
}

/* Run one command line subcommand. */
int cli_run(struct app *app, int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(struct app *, int, char **);
	} cmds[] = {
		{ "child", cli_child_cmd },
		{ "week", cli_week_cmd },
		{ "milestone", cli_milestone_cmd },
		{ "activity", cli_activity_cmd },
		{ "content", cli_content_cmd },
		{ "class", cli_class_cmd },
		{ "guide", cli_guide_cmd },
		{ "event", cli_event_cmd },
		{ "report", cli_report_cmd },
		{ "export", cli_export_cmd },
		{ "import", cli_import_cmd },
		{ "clinic", cli_clinic_cmd },
		{ "caseload", cli_caseload_cmd },
		{ "assign", cli_assign_cmd },
		{ "audit", cli_audit_cmd },
		{ "note", cli_note_cmd },
		{ "goal", cli_goal_cmd },
		{ "program", cli_program_cmd },
		{ "backup", cli_backup_cmd },
		{ "keys", cli_keys_cmd },
		{ "help", cli_help_cmd },
	};
	char msg[200];

	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (!strcmp(argv[0], cmds[i].name))
			return cli_usage_wanted(argc, argv) ? 0 : cmds[i].run(app, argc, argv);
	snprintf(msg, sizeof msg, "unknown command '%.40s': see 'toddle --help'", argv[0]);
	return cli_fail(1, msg);
}
