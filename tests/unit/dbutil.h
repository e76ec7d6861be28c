/* Shared helpers for the unit tests that need a database with the shipped
 * library: open one in the test's folder, add a child. Include after util.h. */
#ifndef TODDLE_TEST_DBUTIL_H
#define TODDLE_TEST_DBUTIL_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/content.h"
#include "toddle/db.h"

/* A new database in the test folder with the shipped library loaded. */
static inline sqlite3 *tu_open_library(void)
{
	char path[PATH_MAX];
	sqlite3 *db = NULL;
	struct tdl_err err = { "" };
	int reloaded = -1, rc;

	tu_path(path, sizeof path, "toddle.db");
	rc = db_open(path, 1, &db, &err);
	ck_assert_msg(rc == TDL_OK && db, "db_open(%s, create) failed: %s", path, err.msg);
	rc = content_sync(db, TOP_SRCDIR "/content", &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1,
		      "content_sync of the shipped library: rc %d reloaded %d: %s", rc, reloaded, err.msg);
	return db;
}

/* Add a child (due date when has_due), as if on day today; fails the test on error. */
static inline struct child tu_add_child(sqlite3 *db, const char *name, day_t born, int has_due, day_t due,
					day_t today)
{
	struct child c;
	struct tdl_err err = { "" };
	int rc = child_add(db, name, born, has_due, due, today, &c, &err);

	ck_assert_msg(rc == TDL_OK, "child_add(%s) failed: %s", name, err.msg);
	return c;
}

#endif
