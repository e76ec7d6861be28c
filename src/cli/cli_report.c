/* toddle report | export (being written) */
#include "cli/cli.h"

/* toddle report ... */
int cli_report_cmd(struct app *app, int argc, char **argv)
{
	(void)app, (void)argc, (void)argv;
	return cli_fail(1, "report: not available yet");
}

/* toddle export ... */
int cli_export_cmd(struct app *app, int argc, char **argv)
{
	(void)app, (void)argc, (void)argv;
	return cli_fail(1, "export: not available yet");
}
