/* toddle report | export: a child's report, CSV for a spreadsheet, iCalendar. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/file.h"
#include "toddle/buf.h"
#include "toddle/export.h"
#include "toddle/report.h"

/* Write the whole buffer to stdout; 0, or 2 with a message when it cannot. */
static int put_buf(const char *cmd, const struct buf *b)
{
	char msg[200];

	if (fwrite(buf_str(b), 1, b->len, stdout) == b->len && fflush(stdout) == 0)
		return 0;
	snprintf(msg, sizeof msg, "%s: cannot write the output: %s", cmd, strerror(errno));
	return cli_fail(2, msg);
}

/* Print a warning when recording an output in the clinic's audit trail failed
 * (rc); the output itself is already written and stays. */
static void warn_unrecorded(const char *cmd, int rc, const struct tdl_err *err)
{
	char msg[700];

	if (!rc)
		return;
	snprintf(msg, sizeof msg, "warning: %s: the output was written but not recorded in the audit trail: %s",
		 cmd, err->msg);
	cli_fail(0, msg);
}

/* Check --format and --for; 0 or 1 with a message naming the allowed values. */
static int report_options(const char *format, const char *who, enum report_format *fmt,
			  enum report_audience *aud)
{
	char msg[200];

	*fmt = REPORT_TEXT;
	*aud = REPORT_PARENT;
	if (format && report_format_parse(format, fmt)) {
		snprintf(msg, sizeof msg, "report: --format '%.40s' must be text, md or html", format);
		return cli_fail(1, msg);
	}
	if (who && report_audience_parse(who, aud)) {
		snprintf(msg, sizeof msg, "report: --for '%.40s' must be parent, doctor, therapist or school", who);
		return cli_fail(1, msg);
	}
	return 0;
}

/* Check --include: a comma list of goals, program, activities; 0 or 1 with a message. */
static int report_include(const char *list, unsigned *include)
{
	char bad[48], msg[200];

	*include = 0;
	if (!list || !report_include_parse(list, include, bad, sizeof bad))
		return 0;
	snprintf(msg, sizeof msg, "report: --include '%s' is not a section: give a comma list of %s",
		 bad, REPORT_INCLUDE_WORDS);
	return cli_fail(1, msg);
}

/* toddle report [--child NAME] [--format F] [--for WHO] [--since D] [--output FILE] [--include LIST] */
int cli_report_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "format", required_argument, NULL, 1 },
		{ "for", required_argument, NULL, 2 },
		{ "since", required_argument, NULL, 3 },
		{ "output", required_argument, NULL, 4 },
		{ "include", required_argument, NULL, 5 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[6], *pos[1], msg[200];
	enum report_format fmt;
	enum report_audience aud;
	struct tdl_err err;
	struct child c;
	struct buf b;
	day_t since = 0;
	unsigned include;
	int npos, rc;

	if (cli_parse("report", argc, argv, opts, v, pos, 0, 0, &npos) ||
	    report_options(v[1], v[2], &fmt, &aud) || report_include(v[5], &include) ||
	    (v[3] && cli_date(app, "--since", v[3], &since)))
		return 1;
	if (v[3] && since > app->today) {
		snprintf(msg, sizeof msg, "report: --since %.20s is after today: give a day up to today", v[3]);
		return cli_fail(1, msg);
	}
	if (v[4] && !*v[4])
		return cli_fail(1, "report: --output needs a file name");
	if ((rc = cli_open(app, 0)) || (rc = cli_child_aged(app, v[0], &c)))
		return rc;
	buf_init(&b);
	rc = report_build(app->db, &c, &(struct report_request){
			.today = app->today, .correct_until_months = app->set.correct_until_months,
			.format = fmt, .audience = aud, .include = include, .has_since = v[3] != NULL, .since = since }, &b, &err);
	if (!rc && v[4])
		rc = file_write_own(v[4], &b, &err);
	if (rc)
		rc = cli_fail(rc, err.msg);
	else if (!v[4])
		rc = put_buf("report", &b);
	buf_free(&b);
	if (!rc && app->set.group[0])
		warn_unrecorded("report", report_record(app->db, &c, fmt, aud, v[4], &err), &err);
	return rc;
}

/* Write an export to --output (the person's file, 0600, atomically) or to stdout;
 * 0, or the exit status after printing why. */
static int export_put(const char *cmd, const char *file, const struct buf *b)
{
	struct tdl_err err;
	char msg[700];
	int rc;

	if (!file)
		return put_buf(cmd, b);
	if (!(rc = file_write_own(file, b, &err)))
		return 0;
	snprintf(msg, sizeof msg, "%s: %s", cmd, err.msg);
	return cli_fail(rc, msg);
}

/* toddle export csv [--child NAME] --what KIND [--bom] [--output FILE] */
static int export_csv_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "what", required_argument, NULL, 1 },
		{ "bom", no_argument, NULL, 2 },
		{ "output", required_argument, NULL, 3 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[4], *pos[1], msg[300];
	enum export_what what;
	struct tdl_err err;
	struct child c;
	struct buf b;
	int npos, rc;

	if (cli_parse("export csv", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[1] || export_what_parse(v[1], &what)) {
		snprintf(msg, sizeof msg, "export csv: --what %s%.40s%smust be %s",
			 v[1] ? "'" : "", v[1] ? v[1] : "", v[1] ? "' " : "", export_what_names());
		return cli_fail(1, msg);
	}
	if (v[3] && !*v[3])
		return cli_fail(1, "export csv: --output needs a file name");
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	buf_init(&b);
	rc = export_csv(app->db, &c, what, v[2] != NULL, &b, &err);
	rc = rc ? cli_fail(rc, err.msg) : export_put("export csv", v[3], &b);
	buf_free(&b);
	if (!rc && app->set.group[0])
		warn_unrecorded("export csv", export_record(app->db, &c, EXPORT_CSV, what, v[3], &err), &err);
	return rc;
}

/* toddle export ics [--child NAME] [--output FILE]: every child's appointments without --child */
static int export_ics_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "output", required_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[2], *pos[1];
	struct tdl_err err;
	struct child c;
	struct buf b;
	int npos, rc;

	if (cli_parse("export ics", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (v[1] && !*v[1])
		return cli_fail(1, "export ics: --output needs a file name");
	if ((rc = cli_open(app, 0)) || (v[0] && (rc = cli_child(app, v[0], &c))))
		return rc;
	buf_init(&b);
	rc = export_ics(app->db, v[0] ? &c : NULL, &b, &err);
	rc = rc ? cli_fail(rc, err.msg) : export_put("export ics", v[1], &b);
	buf_free(&b);
	if (!rc && app->set.group[0])
		warn_unrecorded("export ics", export_record(app->db, v[0] ? &c : NULL, EXPORT_ICS,
							    EXPORT_APPOINTMENTS, v[1], &err), &err);
	return rc;
}

/* toddle export csv | ics */
int cli_export_cmd(struct app *app, int argc, char **argv)
{
	if (argc >= 2 && !strcmp(argv[1], "csv"))
		return export_csv_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "ics"))
		return export_ics_cmd(app, argc - 1, argv + 1);
	if (argc >= 2 && !strcmp(argv[1], "record"))
		return cli_export_record_cmd(app, argc - 1, argv + 1);
	return cli_fail(1, "export: use 'export csv --what KIND' (milestones, activities, appointments, goals,"
			" notes, program or audit), 'export ics' or 'export record --output FILE'");
}
