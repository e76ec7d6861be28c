/* The one table of commands: `toddle --help`, `toddle COMMAND --help` and the
 * manual's command summary (`toddle help --man`) are all printed from it. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"

struct usage {
	const char *cmd;  /* the command words, e.g. "child add" */
	const char *args; /* its arguments; '\n' starts a continuation line */
	const char *what; /* what it prints or does; '\n' starts another line */
};

#define WHAT_COL 37 /* the column the description starts in */

static const struct usage table[] = {
	{ "child add", "NAME --born YYYY-MM-DD [--due YYYY-MM-DD | --ga WEEKS[+DAYS]]", "prints ID, NAME" },
	{ "child edit", "CHILD [--name NAME] [--born YYYY-MM-DD]\n[--due YYYY-MM-DD | --ga WEEKS[+DAYS] | --no-due]",
	  "prints ID, NAME" },
	{ "child list", "", "ID, NAME, BORN, DUE or - (tab separated)" },
	{ "child delete", "NAME", "(clinic admins only)" },
	{ "week", "[--child NAME] [--date YYYY-MM-DD] [--picks]",
	  "age, week, note, the plan, all activities\n--picks: ID, DOMAIN, MINUTES, TITLE, DONE or -" },
	{ "milestone list", "[--child NAME]", "ID, STATUS, DATE or -, TEXT" },
	{ "milestone list", "--flagged [--child NAME]", "the items worth talking about" },
	{ "milestone list", "--unanswered [--child NAME]", "ID, CHECKLIST_AGE, TEXT: passed\nchecklists' items with no answer yet" },
	{ "milestone list", "--history ID [--child NAME]", "ENTRY_ID, STATUS, DATE, WHO, STATE, NOTE" },
	{ "milestone log", "[--child NAME] ID [--status achieved|emerging|not-yet]\n[--date YYYY-MM-DD] [--note TEXT]",
	  "prints the new ENTRY_ID" },
	{ "milestone correct", "ENTRY_ID --status S | --remove", "correct or remove an entry; prints the new ENTRY_ID" },
	{ "milestone catalog", "[--age MONTHS]", "ID, AGE_MONTHS, DOMAIN, TEXT" },
	{ "activity list", "[--week N] [--domain D] [--child NAME]", "ID, DOMAIN, WEEKS, TITLE, DONE or -" },
	{ "activity show", "ID", "steps, variations, safety, milestones" },
	{ "activity log", "[--child NAME] ID [--date YYYY-MM-DD] [--result done|hard|skipped]\n[--minutes M] [--note TEXT]",
	  "prints the new log ID" },
	{ "event add", "[--child NAME] --date D [--time HH:MM] --title T [--minutes M]\n[--place P] [--with W]",
	  "prints the new ID; no --time: all day" },
	{ "event edit", "ID [--date D] [--time HH:MM | --all-day] [--title T]\n[--minutes M] [--place P] [--with W]",
	  "prints ID, DATE, TIME, TITLE" },
	{ "event list", "[--child NAME] [--from D] [--to D]", "ID, DATE, TIME or all-day, TITLE" },
	{ "event delete", "ID", "" },
	{ "report", "[--child NAME] [--format text|md|html] [--for parent|doctor|therapist|school]\n[--since D] [--output FILE] [--include goals,program,activities]",
	  "" },
	{ "export csv", "[--child NAME] --what milestones|activities|appointments|goals|notes|program|audit\n[--bom] [--output FILE]",
	  "" },
	{ "export ics", "[--child NAME] [--output FILE]", "" },
	{ "export record", "[--child NAME] --output FILE [--include notes]",
	  "the child's whole record as JSON, to move it" },
	{ "import", "FILE [--as NAME]", "merge a record from export record;\nprints what was added and skipped" },
	{ "clinic init", "DIR --group STAFF [--data-group G]", "set up a clinic (as root)" },
	{ "clinic check", "", "check the clinic's set-up; each problem with its fix" },
	{ "caseload", "[--all] [--therapist LOGIN] [--sort name|age|flags|idle|next]", "" },
	{ "assign", "--child NAME --therapist LOGIN --discipline pt|ot|speech [--end]", "" },
	{ "note add", "[--child NAME] [--date D] [--minutes M] [--corrects ID]\n--subjective T --objective T --assessment T --plan T",
	  "prints the new ID" },
	{ "note list", "[--child NAME] [--all-versions]", "" },
	{ "goal add", "[--child NAME] --text T [--target D]", "prints the new ID" },
	{ "goal list", "[--child NAME]", "" },
	{ "goal set", "ID --status S", "" },
	{ "program add", "[--child NAME] --activity ID --times N --per day|week [--from D] [--to D]", "prints the new ID" },
	{ "program list", "[--child NAME] [--all]", "" },
	{ "program end", "ID [--date D]", "" },
	{ "audit", "[--child NAME] [--since D]", "who changed what, and when" },
	{ "backup", "FILE", "a consistent copy of the database, checked" },
	{ "class list", "", "ID, MINUTES, AGES, TITLE" },
	{ "class show", "ID", "read a class" },
	{ "class play", "ID", "play its video (or print its link)" },
	{ "guide", "[TOPIC]", "who helps with what; when to talk to the doctor" },
	{ "content check", "[--lint] [DIR]", "check a library folder (--lint: the shipped rules)" },
	{ "keys", "[--man]", "the full-screen view's keys: WHERE, KEYS, WHAT" },
	{ "help", "[--man] [COMMAND [SUBCOMMAND]]", "this list, one command's, or the manual's" },
};

#define N_USAGE (sizeof table / sizeof table[0])

/* True when the first word of cmd is word. */
static int first_word_is(const char *cmd, const char *word)
{
	size_t n = strlen(word);

	return !strncmp(cmd, word, n) && (cmd[n] == ' ' || !cmd[n]);
}

/* True when the table has an entry named exactly name. */
static int usage_has(const char *name)
{
	for (size_t i = 0; i < N_USAGE; i++)
		if (!strcmp(table[i].cmd, name))
			return 1;
	return 0;
}

/* Print one entry as the --help text lays it out. */
static void usage_print_one(FILE *out, const struct usage *u)
{
	int col = fprintf(out, "  %s%s", u->cmd, u->args[0] ? " " : "");
	int indent = (int)strlen(u->cmd) + 3;

	for (const char *p = u->args; *p; p++) {
		if (*p == '\n') {
			col = fprintf(out, "\n%*s", indent, "") - 1;
			continue;
		}
		fputc(*p, out);
		col++;
	}
	if (!u->what[0]) {
		fputc('\n', out);
		return;
	}
	if (col > WHAT_COL - 2)
		col = fprintf(out, "\n") - 1;
	fprintf(out, "%*s", WHAT_COL - col, "");
	for (const char *p = u->what; *p; p++) {
		fputc(*p, out);
		if (*p == '\n')
			fprintf(out, "%*s", WHAT_COL, "");
	}
	fputc('\n', out);
}

/* Print the entries of one command ("child", "child add"), or all when name is NULL. */
static int usage_print(FILE *out, const char *name)
{
	int found = 0;

	for (size_t i = 0; i < N_USAGE; i++) {
		if (name && strcmp(table[i].cmd, name) && !first_word_is(table[i].cmd, name))
			continue;
		usage_print_one(out, &table[i]);
		found = 1;
	}
	return found;
}

/* Print text for troff: dashes and backslashes escaped; a newline is a space, or a line break when breaks. */
static void man_put(FILE *out, const char *s, int breaks)
{
	for (const char *p = s; *p; p++)
		fputs(*p == '-' ? "\\-" : *p == '\\' ? "\\e" : *p != '\n' ? (char[2]){ *p, 0 }
		      : breaks ? "\n.br\n\\&" : " ", out);
}

/* Print the manual's command summary (between its 'commands:' comments). */
static void usage_print_man(FILE *out)
{
	for (size_t i = 0; i < N_USAGE; i++) {
		fputs(".TP\n\\fB", out);
		man_put(out, table[i].cmd, 0);
		fputs("\\fR", out);
		if (table[i].args[0]) {
			fputc(' ', out);
			man_put(out, table[i].args, 0);
		}
		fputc('\n', out);
		if (table[i].what[0]) {
			fputs("\\&", out);
			man_put(out, table[i].what, 1);
			fputc('\n', out);
		}
	}
}

/* Print the command list that `toddle --help` shows. */
void cli_usage_all(FILE *out)
{
	usage_print(out, NULL);
}

/* True when the argument lists of command name show option opt taking a value ("--note TEXT"). */
static int option_takes_value(const char *name, const char *opt)
{
	size_t n = strlen(opt);

	for (size_t i = 0; i < N_USAGE; i++) {
		if (strcmp(table[i].cmd, name) && !first_word_is(table[i].cmd, name))
			continue;
		for (const char *p = strstr(table[i].args, opt); p; p = strstr(p + 1, opt))
			if (p[n] == ' ' && p[n + 1] && !strchr("[|-", p[n + 1]))
				return 1;
	}
	return 0;
}

/* The entry argv names: "cmd sub" when that is one, else "cmd" (in buf); NULL if unknown. */
static const char *usage_name(int argc, char **argv, char *buf, size_t size)
{
	if (argc >= 2) {
		snprintf(buf, size, "%s %s", argv[0], argv[1]);
		if (usage_has(buf))
			return buf;
	}
	snprintf(buf, size, "%s", argv[0]);
	if (usage_has(buf))
		return buf; /* a command without subcommands */
	if (argc >= 2 && argv[1][0] != '-')
		return NULL; /* an unknown subcommand: the command itself says so */
	for (size_t i = 0; i < N_USAGE; i++)
		if (first_word_is(table[i].cmd, buf))
			return buf;
	return NULL;
}

/* When argv (a command line after the global options) asks for --help, print
 * that command's usage and return 1; return 0 to run the command. An option's
 * value (--note --help) is not a request for help. */
int cli_usage_wanted(int argc, char **argv)
{
	char name[80];
	const char *found = usage_name(argc, argv, name, sizeof name);

	if (!found)
		return 0;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (!strcmp(a, "--"))
			return 0;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage_print(stdout, found);
			return 1;
		}
		if (!strncmp(a, "--", 2) && !strchr(a, '=') && option_takes_value(found, a))
			i++;
	}
	return 0;
}

/* toddle help [--man] [COMMAND [SUBCOMMAND]]: the usage of all or one command. */
int cli_help_cmd(struct app *app, int argc, char **argv)
{
	char name[80], msg[200];
	const char *found;

	(void)app;
	if (argc >= 2 && !strcmp(argv[1], "--man")) {
		if (argc > 2)
			return cli_fail(1, "help --man: prints the whole summary; give no command with it");
		usage_print_man(stdout);
		return 0;
	}
	if (argc < 2) {
		usage_print(stdout, NULL);
		return 0;
	}
	found = usage_name(argc - 1, argv + 1, name, sizeof name);
	if (!found || argc > 3 || (argc == 3 && strchr(found, ' ') == NULL)) {
		snprintf(msg, sizeof msg, "help: no command '%.40s%s%.40s': see 'toddle --help'", argv[1],
			 argc > 2 ? " " : "", argc > 2 ? argv[2] : "");
		return cli_fail(1, msg);
	}
	usage_print(stdout, found);
	return 0;
}
