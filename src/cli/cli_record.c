/* toddle export record | import: a child's portable record, out and in. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "cli/cli.h"
#include "toddle/clinic.h"
#include "toddle/db.h"
#include "toddle/file.h"
#include "toddle/record.h"

/* toddle export record [--child NAME] --output FILE [--include notes] */
int cli_export_record_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "output", required_argument, NULL, 1 },
		{ "include", required_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1], msg[700];
	struct tdl_err err;
	struct child c;
	struct buf b;
	int npos, rc;

	if (cli_parse("export record", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	if (!v[1] || !*v[1])
		return cli_fail(1, "export record: --output FILE is needed: name the file to write, like ada.toddle.json");
	if (v[2] && strcmp(v[2], "notes")) {
		snprintf(msg, sizeof msg, "export record: --include '%.40s' must be notes (the session notes)", v[2]);
		return cli_fail(1, msg);
	}
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	buf_init(&b);
	rc = record_export(app->db, &c, v[2] != NULL, &b, &err);
	if (!rc)
		rc = file_write_own(v[1], &b, &err);
	buf_free(&b);
	if (rc) {
		snprintf(msg, sizeof msg, "export record: %s", err.msg);
		return cli_fail(rc, msg);
	}
	if (app->set.group[0] && record_export_audit(app->db, &c, v[2] != NULL, v[1], &err)) {
		snprintf(msg, sizeof msg, "warning: export record: the file was written but not recorded in the audit trail: %s",
			 err.msg);
		cli_fail(0, msg);
	}
	return 0;
}

/* Print "N things" for each kind with a count in n, after lead; 1 when any was printed. */
static int put_counts(const char *lead, const int n[RK_COUNT])
{
	int any = 0;

	for (int k = 0; k < RK_COUNT; k++) {
		if (!n[k])
			continue;
		cli_put(any ? ", " : lead);
		printf("%d ", n[k]);
		cli_put(record_kind_noun((enum record_kind)k, n[k]));
		any = 1;
	}
	if (any)
		putchar('\n');
	return any;
}

/* Print what an import did. */
static void print_summary(const char *file, const struct record_summary *s)
{
	int skipped = 0, any;

	cli_put(s->child_added ? "Added " : "Merged the record in ");
	cli_put(s->child_added ? s->child : file);
	cli_put(s->child_added ? " from " : " into ");
	cli_put(s->child_added ? file : s->child);
	putchar('\n');
	any = put_counts("added ", s->added);
	any |= put_counts("newer versions (the replaced ones kept): ", s->newer);
	for (int k = 0; k < RK_COUNT; k++)
		skipped += s->skipped[k];
	if (skipped)
		printf("skipped %d already present\n", skipped);
	if (s->conflicts) {
		printf("%d conflict", s->conflicts);
		cli_put(s->conflicts == 1 ? "" : "s");
		fputs(" kept as a version (ours stays): ", stdout);
		cli_put(s->conflict_list);
		putchar('\n');
	}
	if (!any && !s->conflicts)
		puts("nothing new: everything in the record is here already");
}

/* toddle import FILE [--as NAME] */
int cli_import_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "as", required_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1], msg[900], where[4096];
	struct record_summary sum;
	struct tdl_err err;
	char *data;
	size_t len;
	int npos, rc;

	if (cli_parse("import", argc, argv, opts, v, pos, 1, 1, &npos))
		return 1;
	if (!*pos[0])
		return cli_fail(1, "import: FILE is empty: name the record file to read");
	/* imported rows keep the names of the people who wrote them: in a clinic
	 * only an admin (or root) may bring in rows signed by others */
	if (app->set.group[0] && getuid() != 0 && !clinic_is_admin(&app->set, db_user())) {
		snprintf(msg, sizeof msg, "import: only the clinic's admins (%.300s) or root may import a record: ask one of them",
			 app->set.admins[0] ? app->set.admins : "none are named in [clinic] admins");
		return cli_fail(1, msg);
	}
	if (record_read_file(pos[0], &data, &len, &err)) {
		snprintf(msg, sizeof msg, "import: %s", err.msg);
		return cli_fail(1, msg);
	}
	if ((rc = cli_open(app, 1))) {
		free(data);
		return rc;
	}
	if (file_absolute(pos[0], where, sizeof where))
		snprintf(where, sizeof where, "%s", pos[0]);
	rc = record_import(app->db, data, len, &(struct record_import_opts){ .as_name = v[0], .source = where },
			   &sum, &err);
	free(data);
	if (rc) {
		snprintf(msg, sizeof msg, "import: %.300s: %s", pos[0], err.msg);
		return cli_fail(rc, msg);
	}
	print_summary(pos[0], &sum);
	return 0;
}
