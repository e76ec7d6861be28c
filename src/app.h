/* What both faces share: settings, paths, today, and the open database. */
#ifndef TODDLE_APP_H
#define TODDLE_APP_H

#include <sqlite3.h>
#include "toddle/date.h"
#include "toddle/err.h"
#include "toddle/settings.h"

struct app {
	struct settings set;
	char db_path[SETTINGS_PATH_MAX];
	char content_dir[SETTINGS_PATH_MAX];
	day_t today;
	int today_given;     /* --today named the day (the clock did not) */
	int demo;
	int default_db;      /* the database is the default one under $XDG_DATA_HOME */
	sqlite3 *db;
	char warning[600];   /* a content problem to mention once, or "" */
};

/* Open the database (creating it when allowed) and load changed content. */
int app_open(struct app *app, int create, struct tdl_err *err);

/* Close the database. */
void app_close(struct app *app);

/* Pick the content folder: setting, beside the program, or the installed one. */
void app_find_content(struct app *app);

/* Make a throwaway database with a demo family; app->db_path is set. */
int app_demo_create(struct app *app, struct tdl_err *err);

/* Remove the throwaway database of --demo. */
void app_demo_remove(struct app *app);

/* Run the full-screen interface; returns the exit status. */
int tui_run(struct app *app);

/* Run one command line subcommand; returns the exit status. */
int cli_run(struct app *app, int argc, char **argv);

#endif
