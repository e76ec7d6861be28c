/* The SQLite store: open, pragmas, migrations, transactions, identity. */
#include "config.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include "toddle/db.h"
#include "toddle/file.h"
#include "toddle/schema.h"

/* A sentence for people about what went wrong with the database. */
static const char *db_explain(int code)
{
	switch (code & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		return "the database is busy (someone else is saving): try again in a moment";
	case SQLITE_READONLY:
		return "the database is read-only: check the file's permissions";
	case SQLITE_FULL:
		return "the disk is full: free some space and try again";
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		return "the file is not a toddle database or is damaged: restore it from a backup";
	case SQLITE_CANTOPEN:
		return "the database file cannot be opened: check the path and permissions";
	case SQLITE_IOERR:
		return "the disk reported an error while reading or writing";
	case SQLITE_PERM:
	case SQLITE_AUTH:
		return "permission denied";
	default:
		return NULL;
	}
}

/* Fill err from the connection's last error, prefixed by what was tried. */
int db_fail(sqlite3 *db, const char *what, struct tdl_err *err)
{
	int code = db ? sqlite3_extended_errcode(db) : SQLITE_ERROR;
	const char *why = db && sqlite3_system_errno(db) == ENOSPC ? db_explain(SQLITE_FULL) : db_explain(code);
	const char *file = db ? sqlite3_db_filename(db, "main") : NULL;
	char dir[PATH_MAX];

	/* SQLite keeps -wal and -shm beside the database: a folder that refuses them
	 * makes a writable file "read-only"; say which of the two is at fault */
	if (((code & 0xff) == SQLITE_READONLY || (code & 0xff) == SQLITE_CANTOPEN) && file && *file &&
	    faccessat(AT_FDCWD, file, W_OK, AT_EACCESS) == 0 && file_folder_unwritable(file, dir, sizeof dir))
		return err_set(err, TDL_EDATA, "%s: the folder %s is not writable (the database keeps its -wal and "
			       "-shm files beside it): check the folder's permissions", what, dir);

	if (why)
		return err_set(err, TDL_EDATA, "%s: %s", what, why);
	return err_set(err, TDL_EDATA, "%s: %s", what, db ? sqlite3_errmsg(db) : "no database");
}

/* Prepare sql or fill err. */
sqlite3_stmt *db_prepare(sqlite3 *db, const char *sql, struct tdl_err *err)
{
	sqlite3_stmt *st = NULL;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) {
		db_fail(db, "cannot read the database", err);
		return NULL;
	}
	return st;
}

/* Run SQL without results. */
int db_exec(sqlite3 *db, const char *sql, struct tdl_err *err)
{
	if (sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "database error", err);
	return TDL_OK;
}

static int busy_wait(void *ctx, int count);

/* The process's one write guard, set once by main for a clinic (db_set_write_guard):
 * every connection the process opens answers to the same membership check. */
static int (*write_guard)(void *ctx, struct tdl_err *err);
static void *write_guard_ctx;

/* Ask guard before every write transaction (clinic membership); NULL: none. */
void db_set_write_guard(int (*guard)(void *ctx, struct tdl_err *err), void *ctx)
{
	write_guard = guard;
	write_guard_ctx = ctx;
}

/* Start a write transaction that waits for other writers. */
int db_begin(sqlite3 *db, struct tdl_err *err)
{
	if (write_guard) {
		int rc = write_guard(write_guard_ctx, err);

		if (rc)
			return rc;
	}
	if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot save", err);
	return TDL_OK;
}

/* Commit the transaction started by db_begin (rolled back on failure). */
int db_commit(sqlite3 *db, struct tdl_err *err)
{
	if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int rc = db_fail(db, "cannot save", err);

		db_rollback(db);
		return rc;
	}
	return TDL_OK;
}

/* Start a write that must not wait (a store of figures worked out from what
 * was read, kept to spare the work next time): SAVEPOINT inside the open
 * transaction, or a new one that reads on from the same snapshot, with no
 * busy waiting; 0 when it may write. db_write_soon_end ends it. A write that
 * cannot be made at once (another connection is saving, or saved since this
 * one read: SQLITE_BUSY_SNAPSHOT, the file is read-only, the clinic refuses)
 * then fails at once, and db_write_soon_end drops it. */
int db_write_soon(sqlite3 *db)
{
	struct tdl_err ignored;

	if (write_guard && write_guard(write_guard_ctx, &ignored))
		return -1;
	if (sqlite3_db_readonly(db, "main") == 1)
		return -1;
	if (sqlite3_exec(db, "SAVEPOINT write_soon", NULL, NULL, NULL) != SQLITE_OK)
		return -1;
	sqlite3_busy_handler(db, NULL, NULL);
	return 0;
}

/* End db_write_soon's write: kept when ok (committed with the transaction
 * around it), else undone; waiting for others is back on. */
void db_write_soon_end(sqlite3 *db, int ok)
{
	if (!ok)
		sqlite3_exec(db, "ROLLBACK TO write_soon", NULL, NULL, NULL);
	sqlite3_exec(db, "RELEASE write_soon", NULL, NULL, NULL);
	sqlite3_busy_handler(db, busy_wait, NULL);
}

/* Start a read transaction, so the reads that follow see one snapshot and
 * share one lock instead of taking one each; 0 also when one is open. */
int db_read_begin(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		return 0;
	return sqlite3_exec(db, "BEGIN DEFERRED", NULL, NULL, NULL) == SQLITE_OK ? 0 : -1;
}

/* End the read transaction db_read_begin started (nothing was written in it
 * but a db_write_soon store, dropped if it cannot be committed). */
void db_read_end(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db) && sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		db_rollback(db); /* a db_write_soon store that could not be kept */
}

/* Roll back the current transaction, if any. */
void db_rollback(sqlite3 *db)
{
	if (!sqlite3_get_autocommit(db))
		sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* Start a write transaction and prepare its statement. */
sqlite3_stmt *db_write_begin(sqlite3 *db, const char *sql, struct tdl_err *err)
{
	sqlite3_stmt *st;

	if (db_begin(db, err))
		return NULL;
	st = db_prepare(db, sql, err);
	if (!st)
		db_rollback(db);
	return st;
}

/* The statement of a write transaction after its check returned check_rc:
 * NULL, with the transaction rolled back, when the check refused or sql
 * cannot be prepared (err says why). */
sqlite3_stmt *db_write_checked(sqlite3 *db, int check_rc, const char *sql, struct tdl_err *err)
{
	sqlite3_stmt *st;

	if (check_rc) {
		db_rollback(db);
		return NULL;
	}
	st = db_prepare(db, sql, err);
	if (!st)
		db_rollback(db);
	return st;
}

/* Run the statement, finalize it, and commit (or roll back); gone (may be
 * NULL) is the refusal when no row changed. */
static int write_end(sqlite3 *db, sqlite3_stmt *st, const char *what, const char *gone,
		     struct tdl_err *err)
{
	int rc = sqlite3_step(st);

	if (rc != SQLITE_DONE)
		rc = db_fail(db, what, err);
	else if (gone && sqlite3_changes(db) != 1)
		rc = err_set(err, TDL_EINPUT, "%s", gone);
	else
		rc = TDL_OK;

	sqlite3_finalize(st);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Run the statement, finalize it, and commit (or roll back). */
int db_write_end(sqlite3 *db, sqlite3_stmt *st, const char *what, struct tdl_err *err)
{
	return write_end(db, st, what, NULL, err);
}

/* The same for a change to one existing row. */
int db_write_end_one(sqlite3 *db, sqlite3_stmt *st, const char *what, const char *gone,
		     struct tdl_err *err)
{
	return write_end(db, st, what, gone, err);
}

/* An integer from a one-value query, or -1. */
static int query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* A value that changes when other connections commit. */
int db_data_version(sqlite3 *db)
{
	return query_int(db, "PRAGMA data_version");
}

/* Why folder dir could not be made (errno): its parent is not writable, or the system's words. */
static int folder_error(const char *dir, struct tdl_err *err)
{
	char parent[PATH_MAX];
	int e = errno;

	if ((e == EACCES || e == EROFS || e == EPERM) && file_folder_unwritable(dir, parent, sizeof parent))
		return err_set(err, TDL_EDATA, "cannot create folder %s: the folder %s is not writable: "
			       "check its permissions or pick another place with --db", dir, parent);
	return err_set(err, TDL_EDATA, "cannot create folder %s: %s", dir, strerror(e));
}

/* Create each missing folder on the way to path's folder, private to the user. */
static int make_parent(const char *path, struct tdl_err *err)
{
	char dir[PATH_MAX];
	char *slash;

	if (strlen(path) >= sizeof dir)
		return err_set(err, TDL_EINPUT, "database path is too long: %s", path);
	strcpy(dir, path);
	slash = strrchr(dir, '/');
	if (!slash || slash == dir)
		return TDL_OK;
	*slash = '\0';
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(dir, 0700) != 0 && errno != EEXIST)
			return folder_error(dir, err);
		*p = '/';
	}
	if (mkdir(dir, 0700) != 0 && errno != EEXIST)
		return folder_error(dir, err);
	return TDL_OK;
}

/* Make sure the file exists (when allowed), created 0600; an empty one is a new database. */
static int ensure_file(const char *path, int create, struct tdl_err *err)
{
	char dir[PATH_MAX];
	struct stat st;
	int fd;

	if (stat(path, &st) == 0) {
		if (S_ISDIR(st.st_mode))
			return err_set(err, TDL_EDATA, "%s is a folder, not a database file", path);
		if (!S_ISREG(st.st_mode))
			return err_set(err, TDL_EDATA, "%s is not a database file (it is a device, pipe or socket)", path);
		/* an empty file (a first save killed before SQLite wrote its header) holds
		 * nothing: reads and writes alike take it as a new database */
		return TDL_OK;
	}
	if (errno != ENOENT)
		return err_set(err, TDL_EDATA, "cannot open database %s: %s", path, strerror(errno));
	if (!create)
		return err_set(err, TDL_EINPUT,
			       "no database at %s yet: add a child first with 'toddle child add NAME --born YYYY-MM-DD'",
			       path);
	if (create == DB_CREATE_WITH_FOLDERS && make_parent(path, err))
		return TDL_EDATA;
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == ENOENT)
		return err_set(err, TDL_EDATA, "cannot create database %s: its folder does not exist", path);
	if (fd < 0 && errno != EEXIST && file_folder_unwritable(path, dir, sizeof dir))
		return err_set(err, TDL_EDATA, "cannot create database %s: the folder %s is not writable: "
			       "check its permissions or pick another place with --db", path, dir);
	if (fd < 0 && errno != EEXIST)
		return err_set(err, TDL_EDATA, "cannot create database %s: %s", path, strerror(errno));
	if (fd >= 0)
		close(fd);
	return TDL_OK;
}

#define DB_BUSY_MS 10000 /* how long a save waits for others' saves before it gives up */

static int busy_ms = DB_BUSY_MS; /* the wait in force (db_busy_limit) */

/* How long saves wait for others' saves from now on: ms (0: not at all), or the usual wait (< 0). */
void db_busy_limit(int ms)
{
	busy_ms = ms < 0 ? DB_BUSY_MS : ms;
}

/* Wait while another connection saves: short sleeps of random length, for
 * up to DB_BUSY_MS in all. SQLite's own handler sleeps up to 100 ms at a
 * time, so with dozens of writers the lock sat free most of the time and the
 * unlucky ones ran out of time; random lengths keep them from waking together. */
static int busy_wait(void *ctx, int count)
{
	static struct timespec start;
	static unsigned seed;
	struct timespec now, nap = { 0, 0 };
	long long waited;

	(void)ctx;
	clock_gettime(CLOCK_MONOTONIC, &now);
	if (count == 0)
		start = now;
	if (!seed)
		seed = (unsigned)getpid() ^ (unsigned)now.tv_nsec ^ 0x9e3779b9u;
	waited = (long long)(now.tv_sec - start.tv_sec) * 1000 + (now.tv_nsec - start.tv_nsec) / 1000000;
	if (waited >= busy_ms)
		return 0;
	seed ^= seed << 13;
	seed ^= seed >> 17;
	seed ^= seed << 5;
	nap.tv_nsec = (long)(500 + seed % 4500) * 1000L; /* 0.5 to 5 ms */
	nanosleep(&nap, NULL);
	return 1;
}

/* Per-connection settings; every one is checked. */
static int configure(sqlite3 *db, const char *path, struct tdl_err *err)
{
	char what[PATH_MAX + 32];
	int app;

	snprintf(what, sizeof what, "cannot open %s", path);
	sqlite3_extended_result_codes(db, 1);
	sqlite3_busy_handler(db, busy_wait, NULL);
	sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
	/* The first read tells a database from any other file. */
	app = query_int(db, "PRAGMA application_id");
	if (app < 0)
		return db_fail(db, what, err);
	if (app != 0 && app != DB_APPLICATION_ID)
		return err_set(err, TDL_EDATA, "%s is not a toddle database (it belongs to another program)",
			       path);
	if (sqlite3_exec(db, "PRAGMA foreign_keys=ON; PRAGMA synchronous=FULL; PRAGMA secure_delete=ON; PRAGMA cache_size=-512; PRAGMA temp_store=MEMORY;",
			 NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, what, err);
	if (query_int(db, "PRAGMA foreign_keys") != 1)
		return err_set(err, TDL_EDATA, "%s: this SQLite cannot enforce foreign keys", path);
	return TDL_OK;
}

/* Bring the schema from its version to DB_SCHEMA_VERSION, all or nothing. */
static int migrate(sqlite3 *db, const char *path, struct tdl_err *err)
{
	int v = query_int(db, "PRAGMA user_version");
	char sql[96];

	if (v > DB_SCHEMA_VERSION)
		return err_set(err, TDL_EDATA,
			       "%s was written by a newer toddle (schema %d; this one knows %d): install the newer toddle",
			       path, v, DB_SCHEMA_VERSION);
	if (v == DB_SCHEMA_VERSION)
		return TDL_OK;
	/* an older toddle database carries our application_id; anything else with
	 * tables or a version is another program's */
	if (query_int(db, "PRAGMA application_id") != DB_APPLICATION_ID &&
	    (v != 0 || query_int(db, "SELECT count(*) FROM sqlite_schema") != 0))
		return err_set(err, TDL_EDATA,
			       "%s is not a toddle database (it holds another program's tables): pick another file with --db",
			       path);
	if (sqlite3_exec(db, "PRAGMA journal_mode=WAL", NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, "cannot prepare the database", err);
	if (db_begin(db, err))
		return TDL_EDATA;
	v = query_int(db, "PRAGMA user_version"); /* someone may have migrated meanwhile */
	for (int n = v + 1; n <= DB_SCHEMA_VERSION; n++) {
		for (int part = 0; schema_step(n, part); part++) {
			if (sqlite3_exec(db, schema_step(n, part), NULL, NULL, NULL) != SQLITE_OK) {
				int rc = db_fail(db, "cannot update the database layout", err);

				db_rollback(db);
				return rc;
			}
		}
	}
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d; PRAGMA application_id=%d;",
		 DB_SCHEMA_VERSION, DB_APPLICATION_ID);
	if (v < DB_SCHEMA_VERSION && sqlite3_exec(db, sql, NULL, NULL, NULL) != SQLITE_OK) {
		int rc = db_fail(db, "cannot update the database layout", err);

		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Open (or, with create, make) the database and bring its schema up to date. */
int db_open(const char *path, int create, sqlite3 **out, struct tdl_err *err)
{
	sqlite3 *db = NULL;
	int rc;

	*out = NULL;
	if (!path || !*path)
		return err_set(err, TDL_EINPUT, "no database path given");
	rc = ensure_file(path, create, err);
	if (rc)
		return rc;
	/* a clinic (its write guard is set) never follows a link to its database */
	if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE | (write_guard ? SQLITE_OPEN_NOFOLLOW : 0), NULL) !=
	    SQLITE_OK) {
		char what[PATH_MAX + 32];

		snprintf(what, sizeof what, "cannot open %s", path);
		rc = db_fail(db, what, err);
		sqlite3_close(db);
		return rc;
	}
	rc = configure(db, path, err);
	if (!rc)
		rc = migrate(db, path, err);
	if (rc) {
		sqlite3_close(db);
		return rc;
	}
	*out = db;
	return TDL_OK;
}

/* A scratch database in memory, configured and brought to the schema like a file. */
int db_open_memory(sqlite3 **out, struct tdl_err *err)
{
	sqlite3 *db = NULL;
	int rc;

	*out = NULL;
	if (sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY, NULL) != SQLITE_OK) {
		rc = db_fail(db, "cannot make a scratch database in memory", err);
		sqlite3_close(db);
		return rc;
	}
	rc = configure(db, "a scratch database in memory", err);
	if (!rc)
		rc = migrate(db, "a scratch database in memory", err);
	if (rc) {
		sqlite3_close(db);
		return rc;
	}
	*out = db;
	return TDL_OK;
}

/* Close a database opened with db_open. */
void db_close(sqlite3 *db)
{
	if (db) {
		db_rollback(db);
		db_cache_drop(db);
		sqlite3_close(db);
	}
}

/* The Unix login of the person running toddle. */
const char *db_user(void)
{
	static char name[64]; /* a cache: the login cannot change while toddle runs */
	struct passwd *pw;

	if (name[0])
		return name;
	/* the real user: a setgid toddle keeps it, and $USER is theirs to change */
	pw = getpwuid(getuid());
	if (pw && pw->pw_name && *pw->pw_name)
		snprintf(name, sizeof name, "%s", pw->pw_name);
	else
		snprintf(name, sizeof name, "uid-%ld", (long)getuid());
	return name;
}

/* The current UTC time as YYYY-MM-DDTHH:MM:SSZ. */
void db_now(char out[21])
{
	time_t now = time(NULL);
	struct tm tm;

	if (gmtime_r(&now, &tm))
		strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
	else
		strcpy(out, "1970-01-01T00:00:00Z");
}

/* A stored time as people read it. */
void db_when(const char *at, char out[24])
{
	if (at && strlen(at) >= 16 && at[10] == 'T')
		snprintf(out, 24, "%.10s %.5s UTC", at, at + 11);
	else
		snprintf(out, 24, "%.23s", at && *at ? at : "an unknown time");
}

/* Read a row's version, last writer and removal for a correction. */
int db_row_read(sqlite3 *db, sqlite3_stmt *st, struct db_row *row, struct tdl_err *err)
{
	int rc = sqlite3_step(st), removed;
	const char *who;

	memset(row, 0, sizeof *row);
	if (rc == SQLITE_ROW) {
		removed = sqlite3_column_type(st, 3) != SQLITE_NULL;
		who = (const char *)sqlite3_column_text(st, removed ? 3 : 1);
		row->found = 1;
		row->version = sqlite3_column_int(st, 0);
		row->removed = removed;
		row->same = sqlite3_column_int(st, 5);
		snprintf(row->who, sizeof row->who, "%s", who && *who ? who : "someone");
		db_when((const char *)sqlite3_column_text(st, removed ? 4 : 2), row->when);
		rc = TDL_OK;
	} else {
		rc = rc == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot read the database", err);
	}
	sqlite3_finalize(st);
	return rc;
}

/* A new random UUID (version 4). */
void db_uuid(char out[37])
{
	unsigned char b[16];
	static const char hex[] = "0123456789abcdef";
	int o = 0;

	sqlite3_randomness(sizeof b, b);
	b[6] = (unsigned char)((b[6] & 0x0F) | 0x40);
	b[8] = (unsigned char)((b[8] & 0x3F) | 0x80);
	for (int i = 0; i < 16; i++) {
		if (i == 4 || i == 6 || i == 8 || i == 10)
			out[o++] = '-';
		out[o++] = hex[b[i] >> 4];
		out[o++] = hex[b[i] & 15];
	}
	out[o] = '\0';
}

/* Bind a C string, or NULL as SQL NULL, to parameter i. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (!s)
		return sqlite3_bind_null(st, i);
	return sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
}

/* Duplicate column i of the current row ("" for NULL). */
char *db_column_dup(sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);

	return strdup(t ? (const char *)t : "");
}

/* Bind day d as YYYY-MM-DD to parameter i. */
int db_bind_day(sqlite3_stmt *st, int i, day_t d)
{
	char buf[11];

	date_format(d, buf);
	return sqlite3_bind_text(st, i, buf, -1, SQLITE_TRANSIENT);
}

/* Bind day d to parameter i, or SQL NULL when there is none. */
int db_bind_day_opt(sqlite3_stmt *st, int i, int has, day_t d)
{
	return has ? db_bind_day(st, i, d) : sqlite3_bind_null(st, i);
}

/* Column i as a day: 0 for NULL or a value that is not a date. */
day_t db_column_day(sqlite3_stmt *st, int i)
{
	day_t d;

	return db_column_day_opt(st, i, &d) ? d : 0;
}

/* Column i as a day into *out; 1 when it holds a date. */
int db_column_day_opt(sqlite3_stmt *st, int i, day_t *out)
{
	if (date_parse((const char *)sqlite3_column_text(st, i), out) == 0)
		return 1;
	*out = 0;
	return 0;
}

/* Free the first n elements of rows (each with how->drop) and the array. */
static void rows_free(const struct db_rows *how, char *rows, int n)
{
	for (int i = 0; how->drop && i < n; i++)
		how->drop(rows + (size_t)i * how->size);
	free(rows);
}

/* Make room for one more element in *rows (capacity *cap, doubling); 0 on success. */
static int rows_grow(const struct db_rows *how, char **rows, int cnt, int *cap)
{
	char *grown;
	int want;

	if (cnt < *cap)
		return 0;
	if (*cap > INT_MAX / 2)
		return -1;
	want = *cap ? *cap * 2 : 16;
	if ((size_t)want > SIZE_MAX / how->size)
		return -1;
	grown = realloc(*rows, (size_t)want * how->size);
	if (!grown)
		return -1;
	*rows = grown;
	*cap = want;
	return 0;
}

/* Step st to the end, filling one element per row; always releases st. */
int db_rows_read(sqlite3 *db, sqlite3_stmt *st, const struct db_rows *how, void *ctx, void **out,
		 int *n, struct tdl_err *err)
{
	char *rows = NULL, what[160];
	int cnt = 0, cap = 0, rc = SQLITE_DONE, oom = 0;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA; /* db_prepare said why */
	while (!oom && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		void *elem;

		if (rows_grow(how, &rows, cnt, &cap)) {
			oom = 1;
			break;
		}
		elem = rows + (size_t)cnt * how->size;
		memset(elem, 0, how->size);
		cnt++;
		oom = how->fill(st, elem, ctx) != 0;
	}
	if (oom || rc != SQLITE_DONE) {
		snprintf(what, sizeof what, "cannot read %s", how->what);
		rc = oom ? err_set(err, TDL_EDATA, "out of memory while reading %s", how->what)
			 : db_fail(db, what, err);
		db_release(st);
		rows_free(how, rows, cnt);
		return rc;
	}
	db_release(st);
	*out = rows;
	*n = cnt;
	return TDL_OK;
}

/* Read a value from the meta table. */
int db_meta_get(sqlite3 *db, const char *key, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;
	int rc = -1;

	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key=?", -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	if (sqlite3_step(st) == SQLITE_ROW) {
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
		rc = 0;
	}
	sqlite3_finalize(st);
	return rc;
}

/* Set a value in the meta table. */
int db_meta_set(sqlite3 *db, const char *key, const char *value, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "INSERT OR REPLACE INTO meta(key, value) VALUES(?, ?)", err);
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, value, -1, SQLITE_STATIC);
	rc = sqlite3_step(st) == SQLITE_DONE ? TDL_OK : db_fail(db, "cannot save", err);
	sqlite3_finalize(st);
	return rc;
}
