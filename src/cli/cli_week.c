/* toddle week: the age, this week's note and activities. */
#include <stdio.h>
#include <stdlib.h>
#include "cli/cli.h"
#include "toddle/week_view.h"

/* Print "Label: text" for one part of the note. */
static void put_part(const char *label, const char *text)
{
	cli_put(label);
	fputs(": ", stdout);
	cli_put(text);
	putchar('\n');
}

/* Print one line of the view, sanitised, and a newline. */
static void put_line(const char *line)
{
	cli_put(line);
	putchar('\n');
}

/* Print the age line, the week's heading and its note. */
static void put_note(const struct week_view *v)
{
	char line[WEEK_VIEW_LINE_MAX];

	week_view_age_line(v, line, sizeof line);
	put_line(line);
	week_view_title_line(v, line, sizeof line);
	put_line(line);
	if (!v->has_note) {
		putchar('(');
		cli_put(week_view_no_note());
		puts(")");
		return;
	}
	put_part("Typical now", v->note.typical);
	put_part("Focus", v->note.focus);
	put_part("Can wait", v->note.can_wait);
	if (v->note.source && *v->note.source)
		put_part("Source", v->note.source);
}

/* Print activity i: ID, DOMAIN, WEEKS, TITLE, and "done today" or "done
 * Mon" as a fifth column when it was done this week. */
static void put_activity(const struct week_view *v, int i)
{
	char mark[40];

	cli_put(v->acts[i].id);
	putchar('\t');
	cli_put(v->acts[i].domain);
	printf("\t%d-%d\t", v->acts[i].week_from, v->acts[i].week_to);
	cli_put(v->acts[i].title);
	if (week_view_done_words(v, i, mark, sizeof mark) > 0) {
		putchar('\t');
		cli_put(mark);
	}
	putchar('\n');
}

/* Print the view: note, tummy time (when it applies), the plan, and all activities. */
static void put_view(const struct week_view *v)
{
	char line[WEEK_VIEW_LINE_MAX];

	put_note(v);
	if (week_view_tummy_line(v, line, sizeof line) > 0)
		put_line(line);
	week_view_picks_heading(v, line, sizeof line);
	cli_put(line);
	printf(":\n");
	for (int k = 0; k < v->npicks; k++)
		put_activity(v, v->picks[k]);
	week_view_all_heading(v, line, sizeof line);
	cli_put(line);
	printf(":\n");
	for (int i = 0; i < v->nacts; i++)
		put_activity(v, i);
}

/* Print only the plan, one a line: ID, DOMAIN, MINUTES, TITLE, and DONE (the
 * day last done this week as YYYY-MM-DD, or -). */
static void put_picks(const struct week_view *v)
{
	for (int k = 0; k < v->npicks; k++) {
		const struct activity *a = &v->acts[v->picks[k]];
		day_t done = v->done[v->picks[k]];
		char d[11] = "-";

		if (done >= 0)
			date_format(done, d);
		cli_put(a->id);
		putchar('\t');
		cli_put(a->domain);
		printf("\t%d\t", a->minutes);
		cli_put(a->title);
		putchar('\t');
		cli_put(d);
		putchar('\n');
	}
}

/* toddle week [--child NAME] [--date D] [--picks] */
int cli_week_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "child", required_argument, NULL, 0 },
		{ "date", required_argument, NULL, 1 },
		{ "picks", no_argument, NULL, 2 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[3], *pos[1];
	struct tdl_err err;
	struct week_view view;
	struct child c;
	day_t on;
	int npos, rc;

	if (cli_parse("week", argc, argv, opts, v, pos, 0, 0, &npos) ||
	    cli_date(app, "--date", v[1], &on))
		return 1;
	if ((rc = cli_open(app, 0)) || (rc = cli_child(app, v[0], &c)))
		return rc;
	if (child_check_day(&c, on, v[1] ? "week: --date" : "week: --today", &err))
		return cli_fail(1, err.msg);
	rc = week_view_load(app->db, &c, on, -1, app->set.correct_until_months, &view, &err);
	if (rc == TDL_OK && v[2])
		put_picks(&view);
	else if (rc == TDL_OK)
		put_view(&view);
	week_view_free(&view);
	return rc ? cli_fail(rc, err.msg) : 0;
}
