/* The content library: plain-text files loaded into the database. */
#ifndef TODDLE_CONTENT_H
#define TODDLE_CONTENT_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/err.h"

#define CONTENT_VALUE_MAX 2000

/* One "key = value" line of a record, in file order. */
struct content_field {
	const char *key, *value;
	int line;
};

/* One "[type id]" record. */
struct content_record {
	const char *file, *type, *id;
	int line;
	struct content_field *fields;
	int nfields;
};

/* Called for each record; non-zero stops the parse with that status. */
typedef int (*content_record_fn)(const struct content_record *r, void *ctx,
				 struct tdl_err *err);

/* Parse one file's text (not NUL-terminated); pure: no files, no globals.
 * Errors name file and line. */
int content_parse(const char *buf, size_t len, const char *file, content_record_fn fn,
		  void *ctx, struct tdl_err *err);

/* Check every record of the folder (and that references resolve) and, when
 * the folder changed since the last load, replace the library in db. */
int content_sync(sqlite3 *db, const char *dir, int *reloaded, struct tdl_err *err);

/* The same, with a clinic's or family's own folder (extra, may be NULL) that
 * may add records; a problem there leaves it out and is described in warn. */
int content_sync_with(sqlite3 *db, const char *dir, const char *extra, int *reloaded,
		      char *warn, size_t warnsz, struct tdl_err *err);

/* Called for each problem the lint finds: "file:line: rule". */
typedef void (*content_problem_fn)(const char *problem, void *ctx);

/* Check the library-wide rules of the shipped library (every week covered,
 * counts, lengths, titles); returns the number of problems. */
int content_lint_dir(const char *dir, content_problem_fn fn, void *ctx, struct tdl_err *err);

/* Check dir as the shipped library and extra (may be NULL) as a clinic's or family's
 * folder on top of it, by running the loader (content_sync_with) into a scratch
 * database in memory: the same rules, the same results. What the loader would
 * leave out with a warning is an error here. */
int content_check_with(const char *dir, const char *extra, struct tdl_err *err);

/* The same for dir alone. */
int content_check_dir(const char *dir, struct tdl_err *err);

#endif
