/* toddle keys [--man]: the full-screen view's keys, from the one key table. */
#include <stdio.h>
#include "cli/cli.h"
#include "tui/keys.h"

/* toddle keys [--man]: WHERE, KEYS, WHAT (tab separated), or the manual's troff. */
int cli_keys_cmd(struct app *app, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "man", no_argument, NULL, 0 },
		{ NULL, 0, NULL, 0 },
	};
	char *v[1], *pos[1];
	int npos;

	(void)app;
	if (cli_parse("keys", argc, argv, opts, v, pos, 0, 0, &npos))
		return 1;
	keys_print(stdout, v[0] != NULL);
	return 0;
}
