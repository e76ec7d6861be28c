/* toddle week: the age, this week's note and activities. */
#include <stdio.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "toddle/activity.h"
#include "toddle/week.h"

/* Print "Label: text" for one part of the note. */
static void put_part(const char *label, const char *text)
{
	printf("%s: ", label);
	cli_put(text);
	putchar('\n');
}

/* toddle week [--child NAME] [--date D] */
int cli_week_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "date", required_argument, NULL, 1 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[2], *pos[1], words[80], cwords[80];
	struct tdl_err err;
	struct child c;
	struct child_age a;
	struct week_note note;
	struct activity *acts;
	day_t on;
	int npos, n, found, week, rc;

	if (cli_parse("week", argc, argv, opts, v, pos, 0, 0, &npos) ||
	    cli_date(app, "--date", v[1], &on))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	if (on < c.born) {
		char b[11], msg[200];

		date_format(c.born, b);
		snprintf(msg, sizeof msg, "week: --date is before the birth date %s: pick a later date", b);
		return cli_fail(1, msg);
	}
	child_age(&c, on, app->set.correct_until_months, &a);
	week = child_week(&a);
	child_age_words(a.days, a.months, words, sizeof words);
	cli_put(c.name);
	printf(": %s", words);
	if (a.corrected) {
		child_age_words(a.cdays, a.cmonths, cwords, sizeof cwords);
		printf("; corrected age %s (born at %d weeks)", cwords, a.ga_weeks);
	}
	printf("\nWeek %d", week);
	rc = week_note_get(app->db, week, &note, &found, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	if (found) {
		printf(": ");
		cli_put(note.title);
		putchar('\n');
		put_part("Typical now", note.typical);
		put_part("Focus", note.focus);
		put_part("Can wait", note.can_wait);
		week_note_clear(&note);
	} else {
		printf("\n(no weekly note for this week in the library yet)\n");
	}
	rc = activity_for_week(app->db, week, &acts, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	printf("Activities:\n");
	for (int i = 0; i < n; i++) {
		cli_put(acts[i].id);
		putchar('\t');
		cli_put(acts[i].domain);
		printf("\t%d-%d\t", acts[i].week_from, acts[i].week_to);
		cli_put(acts[i].title);
		putchar('\n');
	}
	activity_free_all(acts, n);
	return 0;
}
