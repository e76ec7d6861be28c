/* toddle: global options, settings, the database path; then one face. */
#include "config.h"
#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "app.h"
#include "cli/cli.h"
#include "toddle/priv.h"
#include "toddle/settings.h"
#include "toddle/text.h"

static const char usage_text[] =
	"Usage: toddle [--db FILE] [--config FILE] [--today YYYY-MM-DD]   open the full-screen view\n"
	"       toddle --demo | --version | --help\n"
	"       toddle [options] COMMAND ...\n"
	"\n"
	"Commands:\n";

static const char options_text[] =
	"\n"
	"Options:\n"
	"  --db FILE        use this database instead of the one in the settings\n"
	"  --config FILE    read this settings file after the usual ones\n"
	"  --today DATE     act as if today were DATE (to look back, or for scripts)\n"
	"  --demo           open a demo family in a throwaway database\n"
	"  --version        print the version\n"
	"  --help           print this help\n"
	"\n"
	"--child may be left out when there is only one child.\n"
	"Exit status: 0 done, 1 bad input or usage, 2 database or file failure.\n";

/* Print words from column col, wrapped before column 80 and indented by indent. */
static void print_wrapped(const char *text, int col, int indent)
{
	const char *p = text;
	int first = 1;

	while (*p) {
		size_t len = strcspn(p, " ");

		if (!first && col + 1 + (int)len > 79)
			col = printf("\n%*s", indent, "") - 1;
		else if (!first)
			col += printf(" ");
		first = 0;
		col += printf("%.*s", (int)len, p);
		p += len;
		p += strspn(p, " ");
	}
	putchar('\n');
}

/* Print usage, the commands (from the one command table) and the settings table. */
static void print_help(void)
{
	size_t n;
	int width = 0;
	const struct setting_spec *t = settings_table(&n);

	fputs(usage_text, stdout);
	cli_usage_all(stdout);
	fputs(options_text, stdout);
	printf("\nSettings, INI files read in this order:\n  %s (the system file),\n"
	       "  ~/.config/toddle/toddle.ini, then --config FILE.\n"
	       "[clinic] only from the system file; in a clinic, [data] and [library] too.\n",
	       SETTINGS_SYSTEM_FILE);
	for (size_t i = 0; i < n; i++) {
		int w = (int)(strlen(t[i].section) + strlen(t[i].key)) + 3;

		width = w > width ? w : width;
	}
	for (size_t i = 0; i < n; i++) {
		char name[80], text[600];

		snprintf(name, sizeof name, "[%s] %s", t[i].section, t[i].key);
		snprintf(text, sizeof text, "%s (default: %s)", t[i].help, t[i].default_text);
		printf("  %-*s  ", width, name);
		print_wrapped(text, width + 4, width + 4);
	}
}

/* Take the value of --name VALUE or --name=VALUE at argv[*i]; NULL if not this option. */
static const char *opt_value(int argc, char **argv, int *i, const char *name, int *missing)
{
	size_t n = strlen(name);
	const char *a = argv[*i];

	if (strncmp(a, name, n))
		return NULL;
	if (a[n] == '=')
		return a + n + 1;
	if (a[n])
		return NULL;
	if (*i + 1 >= argc || !argv[*i + 1]) {
		*missing = 1;
		return NULL;
	}
	return argv[++*i];
}

struct globals {
	const char *db, *config, *today;
	int demo, help, version;
};

/* Read global options up to the first command word; returns its index or -1 on error. */
static int parse_globals(int argc, char **argv, struct globals *g)
{
	int i;

	memset(g, 0, sizeof *g);
	for (i = 1; i < argc && argv[i][0] == '-'; i++) {
		const char *a = argv[i], *v;
		int missing = 0;

		if (!strcmp(a, "--")) {
			i++;
			break;
		}
		if ((v = opt_value(argc, argv, &i, "--db", &missing)))
			g->db = v;
		else if ((v = opt_value(argc, argv, &i, "--config", &missing)))
			g->config = v;
		else if ((v = opt_value(argc, argv, &i, "--today", &missing)))
			g->today = v;
		else if (missing)
			return fprintf(stderr, "toddle: option '%s' needs a value\n", a), -1;
		else if (!strcmp(a, "--demo"))
			g->demo = 1;
		else if (!strcmp(a, "--help") || !strcmp(a, "-h"))
			g->help = 1;
		else if (!strcmp(a, "--version") || !strcmp(a, "-V"))
			g->version = 1;
		else {
			char clean[80];

			text_sanitize(a, clean, sizeof clean);
			fprintf(stderr, "toddle: unknown option '%s': see 'toddle --help'\n", clean);
			return -1;
		}
		if (missing)
			return fprintf(stderr, "toddle: option '%s' needs a value\n", a), -1;
	}
	return i;
}

/* Print each settings warning on its own line. */
static void print_warnings(const char *w)
{
	char clean[SETTINGS_WARN_MAX];

	for (const char *p = w; *p;) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char line[600];

		snprintf(line, sizeof line, "%.*s", (int)len, p);
		text_sanitize(line, clean, sizeof clean);
		fprintf(stderr, "toddle: warning: %s\n", clean);
		p += len + (nl != NULL);
	}
}

/* True when a and b name the same file (or the same missing path). */
static int same_file(const char *a, const char *b)
{
	struct stat sa, sb;

	if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
		return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
	return strcmp(a, b) == 0;
}

/* Settings decide the mode: a clinic keeps toddle's group for the database
 * alone; a family (or the demo) gives it up for good. */
static int settle_privilege(struct app *app, const struct globals *g, int setup_cmd)
{
	char msg[2 * SETTINGS_PATH_MAX + 200];
	struct tdl_err err;

	if (!app->set.group[0] || g->demo) {
		if (priv_drop(&err))
			return cli_fail(2, err.msg);
		return 0;
	}
	if (setup_cmd)
		return 0; /* 'clinic init' and 'clinic check' are how a broken set-up is mended */
	if (!app->set.database[0]) {
		snprintf(msg, sizeof msg, "%s names a clinic group but no [data] database: an admin adds it "
			 "(toddle clinic check)", settings_system_path());
		return cli_fail(2, msg);
	}
	if (g->db && !same_file(g->db, app->set.database)) {
		snprintf(msg, sizeof msg, "--db: this server's clinic keeps its records in %s (set in %s); "
			 "--db cannot change that", app->set.database, settings_system_path());
		return cli_fail(1, msg);
	}
	return 0;
}

/* Flush and close standard output: a write that failed (a full disk, a closed or broken
 * output) turns a success into exit 2 with the reason, so no output is lost silently. */
static int stdout_finish(int rc)
{
	int failed = ferror(stdout), e = 0;

	if (fflush(stdout) != 0) {
		failed = 1;
		e = errno;
	}
	if (fclose(stdout) != 0 && !failed) {
		failed = 1;
		e = errno;
	}
	if (!failed || rc)
		return rc; /* a command that failed has said why already */
	fprintf(stderr, "toddle: could not write to standard output: %s\n",
		e ? strerror(e) : "a write failed");
	return 2;
}

/* Run toddle: global options, settings, then one command or the full-screen view. */
static int toddle_main(int argc, char **argv)
{
	static struct app app;
	struct globals g;
	struct tdl_err err;
	int first, rc;

	/* a setgid toddle: SQLite would follow SQLITE_TMPDIR, which glibc leaves */
	if (priv_init())
		unsetenv("SQLITE_TMPDIR");
	setlocale(LC_ALL, "");
	first = parse_globals(argc, argv, &g);
	if (first < 0)
		return 1;
	if (g.help) {
		print_help();
		return 0;
	}
	if (g.version) {
		printf("toddle %s\n", PACKAGE_VERSION);
		return 0;
	}
	if (g.demo && (first < argc || g.db))
		return fprintf(stderr, "toddle: --demo opens the full-screen view on its own database: drop the other arguments\n"), 1;
	if ((g.db && strlen(g.db) >= SETTINGS_PATH_MAX) || (g.config && strlen(g.config) >= SETTINGS_PATH_MAX))
		return fprintf(stderr, "toddle: the %s path is too long (over %d bytes)\n", g.db && strlen(g.db) >=
			       SETTINGS_PATH_MAX ? "--db" : "--config", SETTINGS_PATH_MAX - 1), 1;
	rc = settings_load(&app.set, g.config, &err);
	if (rc)
		return cli_fail(rc, err.msg); /* the message quotes the file's bytes */
	print_warnings(app.set.warnings);
	rc = settle_privilege(&app, &g, first + 1 < argc && !strcmp(argv[first], "clinic"));
	if (rc)
		return rc;
	app.today = date_today();
	app.today_given = g.today != NULL;
	if (g.today && date_parse(g.today, &app.today))
		return fprintf(stderr, "toddle: --today '%.40s' is not a real date: write it as YYYY-MM-DD\n",
			       g.today), 1;
	if (g.db && !app.set.group[0])
		snprintf(app.db_path, sizeof app.db_path, "%s", g.db);
	else if (app.set.database[0])
		snprintf(app.db_path, sizeof app.db_path, "%s", app.set.database);
	else if ((rc = settings_default_db(app.db_path, sizeof app.db_path, &err))) {
		char msg[sizeof err.msg + 32];

		snprintf(msg, sizeof msg, "%s, or pass --db FILE", err.msg);
		return cli_fail(rc, msg);
	} else
		app.default_db = 1;
	app_find_content(&app);
	if (first < argc) {
		rc = cli_run(&app, argc - first, argv + first);
		app_close(&app);
		return rc;
	}
	if (g.demo) {
		rc = app_demo_create(&app, &err);
		if (rc) {
			cli_fail(rc, err.msg);
			app_close(&app);
			app_demo_remove(&app);
			return rc;
		}
	}
	rc = tui_run(&app);
	app_close(&app);
	app_demo_remove(&app);
	return rc;
}

int main(int argc, char **argv)
{
	return stdout_finish(toddle_main(argc, argv));
}
