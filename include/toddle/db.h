/* The SQLite store: opening, schema migrations, transactions, identity. */
#ifndef TODDLE_DB_H
#define TODDLE_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include "toddle/date.h"
#include "toddle/err.h"

/* The newest schema version this program knows (PRAGMA user_version). */
#define DB_SCHEMA_VERSION 13
/* Marks the file as toddle's (PRAGMA application_id). */
#define DB_APPLICATION_ID 0x54444c31

/* How db_open may make a missing database. */
enum { DB_OPEN_ONLY = 0, DB_CREATE = 1, DB_CREATE_WITH_FOLDERS = 2 };

/* Open (or, with create, make) the database at path and bring its schema up
 * to date. A new file (and, with DB_CREATE_WITH_FOLDERS, its missing
 * folders) is private to the user. */
int db_open(const char *path, int create, sqlite3 **out, struct tdl_err *err);

/* A private scratch database in memory with the current schema (nothing
 * else sees it; content check loads a library into one). */
int db_open_memory(sqlite3 **out, struct tdl_err *err);

/* Close a database opened with db_open (NULL is fine). */
void db_close(sqlite3 *db);

/* Ask guard before every write transaction (a clinic checks membership
 * there, so a removed member stops writing); NULL for none. */
void db_set_write_guard(int (*guard)(void *ctx, struct tdl_err *err), void *ctx);

/* How long saves wait for other connections' saves from now on: ms (0: give
 * up at once when someone holds the write lock), or the usual wait (ms < 0). */
void db_busy_limit(int ms);

/* Start a write transaction (BEGIN IMMEDIATE, waiting for other writers). */
int db_begin(sqlite3 *db, struct tdl_err *err);

/* Commit the transaction started by db_begin. */
int db_commit(sqlite3 *db, struct tdl_err *err);

/* Roll back the current transaction, if any. */
void db_rollback(sqlite3 *db);

/* The statement of a write transaction (db_begin) after its check returned
 * check_rc: NULL, the transaction rolled back, when the check refused or sql
 * cannot be prepared. */
sqlite3_stmt *db_write_checked(sqlite3 *db, int check_rc, const char *sql, struct tdl_err *err);

/* Start a write transaction and prepare its statement; NULL (nothing begun) on failure. */
sqlite3_stmt *db_write_begin(sqlite3 *db, const char *sql, struct tdl_err *err);

/* Run the statement from db_write_begin, finalize it, and commit; on failure
 * roll back and say "what: why". */
int db_write_end(sqlite3 *db, sqlite3_stmt *st, const char *what, struct tdl_err *err);

/* The same for a change to one existing row: when no row changed (someone
 * else removed or changed it), roll back and fail with TDL_EINPUT and `gone`. */
int db_write_end_one(sqlite3 *db, sqlite3_stmt *st, const char *what, const char *gone,
		     struct tdl_err *err);

/* A row as a correction finds it inside its own write transaction. */
struct db_row {
	int found;              /* 0: there is no such row */
	int version;
	int removed;            /* removed or ended: no more corrections */
	int same;               /* the stored values already equal the correction */
	char who[64], when[24]; /* who last changed (or removed) it, and when (db_when) */
};

/* Step st, whose columns are version, who, at, removed_by, removed_at, same,
 * into row, and finalize it. */
int db_row_read(sqlite3 *db, sqlite3_stmt *st, struct db_row *row, struct tdl_err *err);

/* Start a write that never waits, inside the open transaction or in a new
 * one (SAVEPOINT); 0 when it may write. End it with db_write_soon_end. */
int db_write_soon(sqlite3 *db);

/* End db_write_soon's write: kept (ok) or undone; waiting is back on. */
void db_write_soon_end(sqlite3 *db, int ok);

/* Start a read transaction (one snapshot, one lock for the reads that follow);
 * nothing may be written before db_read_end. 0 on success. */
int db_read_begin(sqlite3 *db);

/* End the read transaction from db_read_begin. */
void db_read_end(sqlite3 *db);

/* Prepare sql or fill err; returns NULL on failure. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, struct tdl_err *err);

/* Like db_prepare, but the statement is kept prepared for the next call with
 * the same sql (a string literal); give it back with db_release (db_rows_read
 * does), never sqlite3_finalize. */
sqlite3_stmt *db_prepare_cached(sqlite3 *db, const char *sql, struct tdl_err *err);

/* Done with a statement: a kept one (db_prepare_cached) is reset, any other finalized. */
void db_release(sqlite3_stmt *st);

/* Finalize the statements kept for db; db_close does it. */
void db_cache_drop(sqlite3 *db);

/* Fill err from the connection's last error, prefixed by what was tried. */
int db_fail(sqlite3 *db, const char *what, struct tdl_err *err);

/* Run SQL without results (no parameters). */
int db_exec(sqlite3 *db, const char *sql, struct tdl_err *err);

/* Changes made by other connections since the last call differ in value. */
int db_data_version(sqlite3 *db);

/* The Unix login of the person running toddle. */
const char *db_user(void);

/* The current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void db_now(char out[21]);

/* A stored time (YYYY-MM-DDTHH:MM:SSZ) as people read it: "2026-11-30 10:12 UTC". */
void db_when(const char *at, char out[24]);

/* A new random UUID (version 4) as 36 characters. */
void db_uuid(char out[37]);

/* Bind a C string, or NULL as SQL NULL, to parameter i. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);

/* Duplicate column i of the current row as a heap string ("" for NULL). */
char *db_column_dup(sqlite3_stmt *st, int i);

/* Bind day d as YYYY-MM-DD to parameter i. */
int db_bind_day(sqlite3_stmt *st, int i, day_t d);

/* Bind day d to parameter i when has is true, else SQL NULL. */
int db_bind_day_opt(sqlite3_stmt *st, int i, int has, day_t d);

/* Column i of the current row as a day: 0 when it is NULL or not a date. */
day_t db_column_day(sqlite3_stmt *st, int i);

/* Column i as a day into *out; 1 when it holds a date, else 0 (and *out = 0). */
int db_column_day_opt(sqlite3_stmt *st, int i, day_t *out);

/* How db_rows_read turns the rows of one query into an array. */
struct db_rows {
	size_t size;        /* bytes per element */
	/* Fill the zeroed elem from the current row of st; nonzero: out of memory. */
	int (*fill)(sqlite3_stmt *st, void *elem, void *ctx);
	/* Free what fill put in elem (not elem itself); NULL when there is nothing. */
	void (*drop)(void *elem);
	const char *what;   /* what the rows are, for messages: "the notes" */
};

/* Step st (already bound) to the end and collect one element per row into a
 * new array (*out, *n; NULL and 0 when there are no rows) that the caller
 * frees with drop on each element and free(). st is always released (db_release); a
 * NULL st (db_prepare failed and said why) returns TDL_EDATA. On
 * failure nothing is kept, *out is NULL, and err says "cannot read WHAT: why"
 * or "out of memory while reading WHAT" (TDL_EDATA). */
int db_rows_read(sqlite3 *db, sqlite3_stmt *st, const struct db_rows *how, void *ctx, void **out,
		 int *n, struct tdl_err *err);

/* Read a value from the meta table into out; 0 if found. */
int db_meta_get(sqlite3 *db, const char *key, char *out, size_t outsz);

/* Set a value in the meta table (inside the caller's transaction). */
int db_meta_set(sqlite3 *db, const char *key, const char *value, struct tdl_err *err);

#endif
