/* toddle backup FILE: a consistent, checked copy of the database. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "toddle/audit.h"
#include "toddle/backup.h"
#include "toddle/clinic.h"
#include "toddle/db.h"
#include "toddle/file.h"

/* A size for people: bytes, kB or MB (powers of 1000, as df -H). */
static void format_size(long long bytes, char *out, size_t outsz)
{
	if (bytes < 1000)
		snprintf(out, outsz, "%lld bytes", bytes);
	else if (bytes < 1000 * 1000)
		snprintf(out, outsz, "%.1f kB", (double)bytes / 1000);
	else
		snprintf(out, outsz, "%.1f MB", (double)bytes / (1000 * 1000));
}

/* Print "N thing" or "N things". */
static void put_count(long long n, const char *one, const char *many, const char *sep)
{
	printf("%lld ", n);
	cli_put(n == 1 ? one : many);
	cli_put(sep);
}

/* Print what the copy holds, counted in the copy. */
static void print_summary(const char *from, const char *to, const struct backup_summary *s)
{
	char size[40];

	format_size(s->bytes, size, sizeof size);
	fputs("Backed up ", stdout);
	cli_put(from);
	fputs(" to ", stdout);
	cli_put(to);
	fputs(": ", stdout);
	cli_put(size);
	fputs("; ", stdout);
	put_count(s->children, "child", "children", ", ");
	put_count(s->milestones, "milestone entry", "milestone entries", ", ");
	put_count(s->activities, "activity entry", "activity entries", ", ");
	put_count(s->appointments, "appointment", "appointments", ", ");
	put_count(s->notes, "session note", "session notes", ", ");
	put_count(s->goals, "goal", "goals", ", ");
	put_count(s->programs, "program entry", "program entries", ", ");
	put_count(s->audit, "audit row", "audit rows", "; ");
	puts("integrity ok");
}

/* toddle backup FILE */
int cli_backup_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1], where[4096], msg[700];
	struct backup_summary s;
	struct tdl_err err;
	int clinic = app->set.group[0] != 0, npos, rc;

	if (cli_parse("backup", argc, argv, opts, NULL, pos, 1, 1, &npos))
		return 1;
	if (!*pos[0])
		return cli_fail(1, "backup: FILE is empty: name the file to write, like toddle-backup.db");
	if (clinic && getuid() != 0 && !clinic_is_admin(&app->set, db_user())) {
		snprintf(msg, sizeof msg, "backup: only the clinic's admins (%.300s) or root may make a backup: ask one of them",
			 app->set.admins[0] ? app->set.admins : "none are named in [clinic] admins");
		return cli_fail(1, msg);
	}
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = backup_make(app->db, pos[0], clinic, &s, &err);
	if (rc) {
		snprintf(msg, sizeof msg, "backup: %s", err.msg);
		return cli_fail(rc, msg);
	}
	print_summary(app->db_path, pos[0], &s);
	if (fflush(stdout) != 0)
		cli_fail(0, "warning: backup: the backup was made but this summary could not be printed");
	if (file_absolute(pos[0], where, sizeof where))
		snprintf(where, sizeof where, "%s", pos[0]);
	if (audit_record(app->db, 0, "backup made", where, &err)) {
		snprintf(msg, sizeof msg, "warning: backup: the backup was made but not recorded in the audit trail: %s",
			 err.msg);
		cli_fail(0, msg);
	}
	return 0;
}
