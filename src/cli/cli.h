/* Shared helpers for the command line face. */
#ifndef TODDLE_CLI_H
#define TODDLE_CLI_H

#include <getopt.h>
#include <stdio.h>
#include "app.h"
#include "toddle/child.h"

/* Parse options of one subcommand into vals (indexed like opts, NULL = not
 * given); positional arguments go to pos (at most maxpos). Returns 0 or
 * prints a message and returns 1. */
int cli_parse(const char *cmd, int argc, char **argv, const struct option *opts, char **vals,
	      char **pos, int minpos, int maxpos, int *npos);

/* Print "toddle: MSG" to stderr and return code. */
int cli_fail(int code, const char *msg);

/* Open the database (creating it only when create) and print any warning. */
int cli_open(struct app *app, int create);

/* Parse a date option: NULL gives today; a bad one prints why and returns 1. */
int cli_date(struct app *app, const char *opt, const char *value, day_t *out);

/* Read a whole number: digits only (a leading '-' allowed), no blanks or '+', no
 * overflow, within min..max. 0 and *out set, or -1. The one number parser of the CLI. */
int cli_number_parse(const char *s, long long min, long long max, long long *out);

/* Parse the whole-number option opt of cmd into *out; a bad value prints a message
 * naming the option and its range, and returns 1. */
int cli_number(const char *cmd, const char *opt, const char *value, long long min, long long max,
	       long long *out);

/* Find a child by --child (NULL = the only one); prints why on failure. */
int cli_child(struct app *app, const char *name, struct child *out);

/* As cli_child, for a command that works out the child's age on today: a
 * --today more than CHILD_MAX_YEARS after the child's birth is refused. */
int cli_child_aged(struct app *app, const char *name, struct child *out);

/* Print text made safe for a terminal (no control characters), on one line.
 * Every string the CLI prints goes through cli_put, cli_put_lines or
 * cli_fail: printf formats in src/cli hold no %s (tests/cli/escapes.sh). */
void cli_put(const char *s);

/* As cli_put, keeping the text's line breaks. */
void cli_put_lines(const char *s);

int cli_child_cmd(struct app *app, int argc, char **argv);
int cli_week_cmd(struct app *app, int argc, char **argv);
int cli_milestone_cmd(struct app *app, int argc, char **argv);
int cli_activity_cmd(struct app *app, int argc, char **argv);
int cli_content_cmd(struct app *app, int argc, char **argv);
int cli_class_cmd(struct app *app, int argc, char **argv);
int cli_guide_cmd(struct app *app, int argc, char **argv);
int cli_event_cmd(struct app *app, int argc, char **argv);
int cli_report_cmd(struct app *app, int argc, char **argv);
int cli_clinic_cmd(struct app *app, int argc, char **argv);
int cli_caseload_cmd(struct app *app, int argc, char **argv);
int cli_assign_cmd(struct app *app, int argc, char **argv);
int cli_audit_cmd(struct app *app, int argc, char **argv);
int cli_child_delete(struct app *app, int argc, char **argv);
int cli_note_cmd(struct app *app, int argc, char **argv);
int cli_goal_cmd(struct app *app, int argc, char **argv);
int cli_program_cmd(struct app *app, int argc, char **argv);
int cli_export_cmd(struct app *app, int argc, char **argv);
int cli_export_record_cmd(struct app *app, int argc, char **argv);
int cli_import_cmd(struct app *app, int argc, char **argv);
int cli_backup_cmd(struct app *app, int argc, char **argv);
int cli_keys_cmd(struct app *app, int argc, char **argv);
int cli_help_cmd(struct app *app, int argc, char **argv);

/* Print the command list that `toddle --help` shows (from the one command table). */
void cli_usage_all(FILE *out);

/* When a command line asks for --help, print that command's usage and return 1. */
int cli_usage_wanted(int argc, char **argv);

#endif
