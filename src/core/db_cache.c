/* Statements kept prepared between reads: the big milestone queries (the
 * shared CTE of ms_live.h) cost more to prepare than to run, and the week,
 * the milestones, the calendar and the caseload run them on every load. */
#include <string.h>
#include "toddle/db.h"

#define CACHE_SLOTS 24 /* more than the distinct statements that use the cache */

/* One kept statement: its connection, its SQL (a string literal's address), whether in use. */
struct slot {
	sqlite3 *db;
	const char *sql;
	sqlite3_stmt *st;
	int busy;
};

static struct slot slots[CACHE_SLOTS];

/* The kept statement for sql on db, prepared on first use; a fresh one when
 * it is in use (a read inside a read) or the cache is full. Give it back with
 * db_release (db_rows_read does). sql must outlive the connection (a literal). */
sqlite3_stmt *db_prepare_cached(sqlite3 *db, const char *sql, struct tdl_err *err)
{
	struct slot *free_slot = NULL;
	sqlite3_stmt *st;

	for (int i = 0; i < CACHE_SLOTS; i++) {
		struct slot *s = &slots[i];

		if (s->db == db && s->sql == sql) {
			if (s->busy)
				return db_prepare(db, sql, err);
			s->busy = 1;
			return s->st;
		}
		if (!s->db && !free_slot)
			free_slot = s;
	}
	if (!free_slot)
		return db_prepare(db, sql, err);
	if (sqlite3_prepare_v3(db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
		db_fail(db, "cannot read the database", err);
		sqlite3_finalize(st);
		return NULL;
	}
	*free_slot = (struct slot){ db, sql, st, 1 };
	return st;
}

/* Done with st: a kept statement is reset for the next use, any other finalized. */
void db_release(sqlite3_stmt *st)
{
	for (int i = 0; st && i < CACHE_SLOTS; i++)
		if (slots[i].st == st) {
			sqlite3_reset(st);
			sqlite3_clear_bindings(st);
			slots[i].busy = 0;
			return;
		}
	sqlite3_finalize(st);
}

/* Finalize the statements kept for db (before it is closed). */
void db_cache_drop(sqlite3 *db)
{
	for (int i = 0; i < CACHE_SLOTS; i++)
		if (slots[i].db == db) {
			sqlite3_finalize(slots[i].st);
			memset(&slots[i], 0, sizeof slots[i]);
		}
}
