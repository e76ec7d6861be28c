/* toddle guide [TOPIC]: who helps with what, and when to talk to the doctor. */
#include <stdio.h>
#include <string.h>
#include "cli/cli.h"
#include "toddle/guide.h"

/* Print the signs of one concern with their sources. */
static void put_signs(struct app *app, const char *concern)
{
	struct guide_sign *s;
	struct tdl_err err;
	int n;

	if (guide_signs(app->db, concern, &s, &n, &err)) {
		cli_fail(2, err.msg);
		return;
	}
	if (n)
		printf("\nWorth talking to your child's doctor about:\n");
	for (int i = 0; i < n; i++) {
		printf("  - ");
		cli_put(s[i].text);
		printf("\n    (source: ");
		cli_put(s[i].source);
		printf(")\n");
	}
	guide_signs_free(s, n);
}

/* Print one topic in full. */
static void put_topic(struct app *app, const struct guide_topic *t)
{
	cli_put(t->title);
	putchar('\n');
	putchar('\n');
	for (const char *p = t->body; *p;) {
		const char *nl = strchr(p, '\n');
		char para[2100];

		snprintf(para, sizeof para, "%.*s", (int)(nl ? nl - p : (long)strlen(p)), p);
		cli_put(para);
		printf("\n\n");
		p = nl ? nl + 1 : p + strlen(p);
	}
	if (!strcmp(t->kind, "concern")) {
		char who[160];

		guide_helps_line(t->discipline, who, sizeof who);
		cli_put(who);
		putchar('\n');
		put_signs(app, t->id);
	} else {
		printf("Source: ");
		cli_put(t->source);
		putchar('\n');
	}
}

/* toddle guide [TOPIC] */
int cli_guide_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = { { NULL, 0, NULL, 0 } };
	char *pos[1], msg[160];
	struct tdl_err err;
	struct guide_topic *t;
	int npos, n, rc, found = 0;

	if (cli_parse("guide", argc, argv, opts, NULL, pos, 0, 1, &npos))
		return 1;
	if ((rc = cli_open(app, 0)))
		return rc;
	rc = guide_topics(app->db, &t, &n, &err);
	if (rc)
		return cli_fail(rc, err.msg);
	for (int i = 0; i < n && npos; i++)
		if (!strcmp(t[i].id, pos[0])) {
			put_topic(app, &t[i]);
			found = 1;
		}
	if (!npos) {
		printf("Who helps with what (toddle guide TOPIC for more):\n");
		for (int i = 0; i < n; i++) {
			if (i > 0 && strcmp(t[i].kind, t[i - 1].kind))
				printf("\nWhen to talk to your doctor, by area:\n");
			cli_put(t[i].id);
			putchar('\t');
			cli_put(t[i].title);
			putchar('\n');
		}
		found = 1;
	}
	guide_topics_free(t, n);
	if (!found) {
		snprintf(msg, sizeof msg, "guide: no topic '%.40s': 'toddle guide' lists them", pos[0]);
		return cli_fail(1, msg);
	}
	return 0;
}
