/* Fuzz target: the record importer (toddle import), on bytes in memory, into a
 * fresh in-memory database. When an input is taken, exporting the child and
 * importing that export again must add, replace and conflict nothing. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/buf.h"
#include "toddle/child.h"
#include "toddle/record.h"
#include "toddle/schema.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* A database with the schema and a tiny library (ids the seeds use). */
static sqlite3 *fresh_db(void)
{
	static const char *const library =
		"INSERT INTO milestone VALUES('cdc-2m-se-calms', 2, 'social', 'Calms down', 'CDC', 1);"
		"INSERT INTO who_window(id, text, p1, p99, criteria, source, sort) VALUES('who-sitting', 'Sits', 3.8, 9.2, 'c', 'WHO', 1);"
		"INSERT INTO activity(id, title, week_from, week_to, domain, discipline, minutes, materials, steps, why)"
		" VALUES('tummy-floor-mirror', 'Mirror', 0, 20, 'gross-motor', 'pt', 5, '', 's', 'w');"
		"INSERT INTO class VALUES('class-bath', 'Bath', 'parents', 0, 10, 5, 's', 's', NULL, 'src', 1);";
	sqlite3 *db = NULL;

	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK)
		abort();
	sqlite3_exec(db, "PRAGMA foreign_keys=ON", NULL, NULL, NULL);
	for (int n = 1; n <= schema_latest(); n++)
		for (int part = 0; schema_step(n, part); part++)
			if (sqlite3_exec(db, schema_step(n, part), NULL, NULL, NULL) != SQLITE_OK)
				abort();
	if (sqlite3_exec(db, library, NULL, NULL, NULL) != SQLITE_OK)
		abort();
	return db;
}

/* Export the child just imported and import it again: nothing may change. */
static void check_round_trip(sqlite3 *db, const char *name)
{
	struct record_summary sum;
	struct tdl_err err;
	struct child c;
	struct buf b;

	if (child_find(db, name, &c, &err))
		abort();
	buf_init(&b);
	if (record_export(db, &c, 1, &b, &err) ||
	    record_import(db, buf_str(&b), b.len, &(struct record_import_opts){ .source = "again" }, &sum, &err))
		abort();
	for (int k = 0; k < RK_COUNT; k++)
		if (sum.added[k] || sum.newer[k])
			abort();
	if (sum.conflicts || sum.child_added)
		abort();
	buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct record_summary sum;
	struct tdl_err err;
	sqlite3 *db = fresh_db();

	if (record_import(db, (const char *)data, size, &(struct record_import_opts){ .source = "fuzz" }, &sum,
			  &err) == TDL_OK)
		check_round_trip(db, sum.child);
	else if (!err.msg[0] || strchr(err.msg, '\n'))
		abort(); /* a refusal is one line that says why */
	sqlite3_close(db);
	return 0;
}
