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

/* Check a folder without a database: parse, validate, cross-reference. */
int content_check_dir(const char *dir, struct tdl_err *err);

#endif
