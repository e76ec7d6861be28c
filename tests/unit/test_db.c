/* Unit tests: opening databases, children, milestone and activity logs, calendar.
 * Every test uses a real SQLite file in its own temp folder. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/activity.h"
#include "toddle/calendar.h"
#include "toddle/child.h"
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "toddle/tummy.h"
#include "util.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)
#define BORN D(2026, 9, 1)
#define MS_ID "cdc-2m-se-calms"
#define MS_TEXT "Calms down when spoken to or picked up"
#define ACT_ID "tummy-on-chest"
#define ACT_TITLE "Tummy time on your chest"

/* ---- helpers -------------------------------------------------------------- */

static int query_int(sqlite3 *db, const char *sql)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static void query_text(sqlite3 *db, const char *sql, char *out, size_t outsz)
{
	sqlite3_stmt *st = NULL;

	out[0] = '\0';
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "cannot prepare %s: %s",
		      sql, sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, outsz, "%s", (const char *)sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
}

/* Run SQL on a file with the plain SQLite API (no toddle code involved). */
static void raw_exec(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	char *msg = NULL;

	ck_assert_msg(sqlite3_open(path, &db) == SQLITE_OK, "sqlite3_open %s failed", path);
	ck_assert_msg(sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK, "%s on %s: %s", sql, path,
		      msg ? msg : "?");
	sqlite3_close(db);
}

static int raw_int(const char *path, const char *sql)
{
	sqlite3 *db = NULL;
	int v;

	ck_assert_msg(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK,
		      "sqlite3_open %s failed", path);
	v = query_int(db, sql);
	sqlite3_close(db);
	return v;
}

/* A new database in the test folder. */
static sqlite3 *open_new(char *path, size_t pathsz)
{
	sqlite3 *db = NULL;
	struct tdl_err err = { "" };
	int rc;

	tu_path(path, pathsz, "toddle.db");
	rc = db_open(path, 1, &db, &err);
	ck_assert_msg(rc == TDL_OK && db, "db_open(%s, create) failed: %s", path, err.msg);
	return db;
}

/* A new database with the shipped library loaded. */
static sqlite3 *open_with_content(char *path, size_t pathsz)
{
	sqlite3 *db = open_new(path, pathsz);
	struct tdl_err err = { "" };
	int reloaded = -1, rc;

	rc = content_sync(db, TOP_SRCDIR "/content", &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1, "content_sync of the shipped library: rc %d reloaded %d: %s",
		      rc, reloaded, err.msg);
	return db;
}

static struct child add_child(sqlite3 *db, const char *name, day_t born)
{
	struct child c;
	struct tdl_err err = { "" };
	int rc = child_add(db, name, born, 0, 0, TODAY, &c, &err);

	ck_assert_msg(rc == TDL_OK, "child_add(%s) failed: %s", name, err.msg);
	return c;
}

static void expect_no_transaction(sqlite3 *db, const char *after)
{
	ck_assert_msg(sqlite3_get_autocommit(db), "a transaction is still open after %s", after);
}

static int file_mode(const char *path)
{
	struct stat st;

	ck_assert_msg(stat(path, &st) == 0, "stat %s failed", path);
	return (int)(st.st_mode & 07777);
}

/* ---- db_open ------------------------------------------------------------ */

START_TEST(open_creates_private_file)
{
	char path[PATH_MAX], a[PATH_MAX], b[PATH_MAX], wal[PATH_MAX + 8];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int rc;

	umask(022);
	tu_path(a, sizeof a, "new");
	tu_path(b, sizeof b, "new/folder");
	tu_path(path, sizeof path, "new/folder/toddle.db");
	rc = db_open(path, DB_CREATE_WITH_FOLDERS, &db, &err);
	ck_assert_msg(rc == TDL_OK && db, "db_open(create) on a new path failed: %s", err.msg);
	ck_assert_msg(file_mode(path) == 0600, "new database mode %o, expected 600", file_mode(path));
	ck_assert_msg(file_mode(a) == 0700 && file_mode(b) == 0700,
		      "new folders have modes %o and %o, expected 700", file_mode(a), file_mode(b));
	snprintf(wal, sizeof wal, "%s-wal", path);
	if (tu_exists(wal))
		ck_assert_msg(file_mode(wal) == 0600, "the -wal file has mode %o, expected 600",
			      file_mode(wal));
	db_close(db);
}
END_TEST

START_TEST(open_missing_without_create)
{
	char path[PATH_MAX], dir[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = (sqlite3 *)1;
	int rc;

	tu_path(dir, sizeof dir, "absent");
	tu_path(path, sizeof path, "absent/toddle.db");
	rc = db_open(path, 0, &db, &err);
	ck_assert_msg(rc == TDL_EINPUT, "db_open(create=0) on a missing file: rc %d, expected TDL_EINPUT",
		      rc);
	ck_assert_msg(db == NULL, "db_open left *out set after a failure");
	ck_assert_msg(strstr(err.msg, path) != NULL, "message lacks the path: %s", err.msg);
	ck_assert_msg(!tu_exists(dir) && !tu_exists(path), "db_open(create=0) created %s",
		      tu_exists(path) ? path : dir);
	tu_path(path, sizeof path, "toddle.db");
	rc = db_open(path, 0, &db, &err);
	ck_assert_msg(rc == TDL_EINPUT && !tu_exists(path), "create=0 in an existing folder: rc %d", rc);
	ck_assert_msg(db_open("", 1, &db, &err) == TDL_EINPUT, "an empty path was accepted");
}
END_TEST

START_TEST(open_pragmas)
{
	char path[PATH_MAX], mode[32];
	sqlite3 *db = open_new(path, sizeof path);

	ck_assert_msg(query_int(db, "PRAGMA user_version") == DB_SCHEMA_VERSION,
		      "user_version %d, expected %d", query_int(db, "PRAGMA user_version"),
		      DB_SCHEMA_VERSION);
	ck_assert_msg(query_int(db, "PRAGMA application_id") == DB_APPLICATION_ID,
		      "application_id %#x, expected %#x", query_int(db, "PRAGMA application_id"),
		      DB_APPLICATION_ID);
	query_text(db, "PRAGMA journal_mode", mode, sizeof mode);
	ck_assert_msg(!strcmp(mode, "wal"), "journal_mode %s, expected wal", mode);
	ck_assert_msg(query_int(db, "PRAGMA foreign_keys") == 1, "foreign_keys is %d, expected 1",
		      query_int(db, "PRAGMA foreign_keys"));
	ck_assert_msg(query_int(db, "PRAGMA synchronous") == 2, "synchronous %d, expected 2 (FULL)",
		      query_int(db, "PRAGMA synchronous"));
	query_text(db, "PRAGMA integrity_check", mode, sizeof mode);
	ck_assert_msg(!strcmp(mode, "ok"), "integrity_check: %s", mode);
	expect_no_transaction(db, "db_open");
	db_close(db);
}
END_TEST

START_TEST(open_reopen)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	struct child *all;
	int n, rc;

	add_child(db, "Ada", BORN);
	db_close(db);
	for (int i = 0; i < 2; i++) {
		rc = db_open(path, i, &db, &err);
		ck_assert_msg(rc == TDL_OK, "reopen (create=%d) failed: %s", i, err.msg);
		ck_assert_msg(query_int(db, "PRAGMA foreign_keys") == 1, "foreign_keys off after reopen");
		rc = child_list(db, &all, &n, &err);
		ck_assert_msg(rc == TDL_OK && n == 1 && !strcmp(all[0].name, "Ada"),
			      "after reopen: rc %d, %d children", rc, n);
		free(all);
		db_close(db);
	}
	db_close(NULL);
}
END_TEST

START_TEST(open_empty_file)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int rc;

	/* An empty file (a first save killed before SQLite wrote a page) is a
	 * new database for a read and a write alike. */
	tu_file(path, sizeof path, "empty.db", "");
	rc = db_open(path, DB_OPEN_ONLY, &db, &err);
	ck_assert_msg(rc == TDL_OK && db, "an empty file opened for reading: rc %d (%s)", rc, err.msg);
	ck_assert_msg(query_int(db, "PRAGMA user_version") == DB_SCHEMA_VERSION,
		      "empty file opened for reading not brought to the schema");
	db_close(db);
	tu_file(path, sizeof path, "empty2.db", "");
	rc = db_open(path, DB_CREATE, &db, &err);
	ck_assert_msg(rc == TDL_OK, "an existing empty file opened for writing: %s", err.msg);
	ck_assert_msg(query_int(db, "PRAGMA user_version") == DB_SCHEMA_VERSION,
		      "empty file not brought to the schema");
	db_close(db);
}
END_TEST

START_TEST(open_newer_schema_refused)
{
	char path[PATH_MAX], sql[64];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	int rc;

	db_close(db);
	snprintf(sql, sizeof sql, "PRAGMA user_version=%d", DB_SCHEMA_VERSION + 1);
	raw_exec(path, sql);
	db = (sqlite3 *)1;
	rc = db_open(path, 0, &db, &err);
	ck_assert_msg(rc == TDL_EDATA, "a newer schema: rc %d, expected TDL_EDATA", rc);
	ck_assert_msg(db == NULL, "*out set after refusal");
	ck_assert_msg(strstr(err.msg, "newer") != NULL, "message should say newer: %s", err.msg);
	ck_assert_msg(raw_int(path, "PRAGMA user_version") == DB_SCHEMA_VERSION + 1,
		      "the refused file's user_version was changed");
}
END_TEST

START_TEST(open_not_a_database)
{
	char path[PATH_MAX], text[4096], back[4096];
	struct tdl_err err = { "" };
	sqlite3 *db = (sqlite3 *)1;
	FILE *f;
	int rc;

	for (size_t i = 0; i < sizeof text; i++)
		text[i] = (i % 80 == 79) ? '\n' : (char)('a' + i % 26);
	tu_path(path, sizeof path, "notes.txt");
	tu_write_n(path, text, sizeof text);
	rc = db_open(path, 1, &db, &err);
	ck_assert_msg(rc == TDL_EDATA, "a 4 KB text file: rc %d, expected TDL_EDATA (%s)", rc, err.msg);
	ck_assert_msg(db == NULL, "*out set after refusal");
	ck_assert_msg(strstr(err.msg, path) && strstr(err.msg, "not a toddle database"),
		      "message should name the file and say what it is: %s", err.msg);
	f = fopen(path, "rb");
	ck_assert_msg(f && fread(back, 1, sizeof back, f) == sizeof back && fgetc(f) == EOF,
		      "the text file changed size");
	fclose(f);
	ck_assert_msg(!memcmp(text, back, sizeof text), "db_open changed the text file");
}
END_TEST

START_TEST(open_foreign_application_id)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = (sqlite3 *)1;
	int rc;

	tu_path(path, sizeof path, "other.db");
	raw_exec(path, "PRAGMA application_id=1234; CREATE TABLE notes(x);");
	rc = db_open(path, 1, &db, &err);
	ck_assert_msg(rc == TDL_EDATA, "another program's database: rc %d, expected TDL_EDATA", rc);
	ck_assert_msg(db == NULL, "*out set after refusal");
	ck_assert_msg(strstr(err.msg, "another program") != NULL, "message: %s", err.msg);
	ck_assert_msg(raw_int(path, "SELECT count(*) FROM sqlite_master") == 1,
		      "tables were added to another program's database");
	ck_assert_msg(raw_int(path, "PRAGMA user_version") == 0, "user_version was changed");
}
END_TEST

/* A SQLite file of another program that never set application_id. */
START_TEST(open_foreign_unmarked_database)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int rc;

	tu_path(path, sizeof path, "other.db");
	raw_exec(path, "CREATE TABLE notes(x); INSERT INTO notes VALUES('keep me');");
	rc = db_open(path, 1, &db, &err);
	if (db)
		db_close(db);
	ck_assert_msg(raw_int(path, "SELECT count(*) FROM sqlite_master") == 1,
		      "db_open (rc %d) added toddle's tables to another program's database (it has "
		      "tables, user_version 0 and no application_id)", rc);
	ck_assert_msg(rc == TDL_EDATA, "another program's database without application_id: rc %d", rc);
}
END_TEST

START_TEST(open_folder_refused)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = (sqlite3 *)1;
	int rc;

	tu_mkdir(tu_path(path, sizeof path, "toddle.db"));
	for (int create = 0; create <= 1; create++) {
		rc = db_open(path, create, &db, &err);
		ck_assert_msg(rc == TDL_EDATA, "a folder (create=%d): rc %d, expected TDL_EDATA (a file failure, README)", create,
			      rc);
		ck_assert_msg(db == NULL && strstr(err.msg, "folder"), "a folder: message %s", err.msg);
	}
}
END_TEST

START_TEST(open_read_only)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	int rc;

	add_child(db, "Ada", BORN);
	db_close(db);
	ck_assert_int_eq(chmod(path, 0400), 0);
	/* root ignores file permissions, so this case only means something for others. */
	if (geteuid() != 0) {
		db = NULL;
		rc = db_open(path, 0, &db, &err);
		if (rc == TDL_OK) {
			/* Opened for reading: a write must fail with a clear message. */
			rc = child_add(db, "Bob", BORN, 0, 0, TODAY, NULL, &err);
			ck_assert_msg(rc == TDL_EDATA && err.msg[0],
				      "a write to a read-only database: rc %d (%s)", rc, err.msg);
			expect_no_transaction(db, "a failed write");
			db_close(db);
		} else {
			ck_assert_msg(rc == TDL_EDATA && err.msg[0] && db == NULL,
				      "a read-only database: rc %d (%s)", rc, err.msg);
		}
		ck_assert_msg(raw_int(path, "SELECT count(*) FROM child") == 1,
			      "a read-only database changed");
	}
	chmod(path, 0600);
}
END_TEST

/* ---- db_rows_read ------------------------------------------------------------ */

/* What the test fill and drop saw: fail on row fail_at (1-based; 0 never), count drops. */
struct rows_probe {
	int fail_at, filled, dropped;
};

/* Copy column 0 into a heap string; fail on the probe's row. */
static int probe_fill(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct rows_probe *p = ctx;

	*(char **)elem = db_column_dup(st, 0);
	p->filled++;
	return p->fail_at && p->filled == p->fail_at;
}

static struct rows_probe *probe_now;

/* Free the string and count the drop. */
static void probe_drop(void *elem)
{
	free(*(char **)elem);
	probe_now->dropped++;
}

static const struct db_rows probe_rows = { sizeof(char *), probe_fill, probe_drop, "the numbers" };

START_TEST(rows_read_grows_and_cleans_up)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	const char *sql = "WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 100)"
			  " SELECT x FROM n";
	struct rows_probe p = { 0, 0, 0 };
	void *rows;
	int n, rc;

	probe_now = &p;
	rc = db_rows_read(db, db_prepare(db, sql, &err), &probe_rows, &p, &rows, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 100, "100 rows: rc %d n %d (%s)", rc, n, err.msg);
	ck_assert_msg(!strcmp(((char **)rows)[0], "1") && !strcmp(((char **)rows)[99], "100"),
		      "rows out of order: %s .. %s", ((char **)rows)[0], ((char **)rows)[99]);
	for (int i = 0; i < n; i++)
		probe_drop(&((char **)rows)[i]);
	free(rows);

	p = (struct rows_probe){ 40, 0, 0 };
	rc = db_rows_read(db, db_prepare(db, sql, &err), &probe_rows, &p, &rows, &n, &err);
	ck_assert_msg(rc == TDL_EDATA && !rows && n == 0, "a fill out of memory: rc %d n %d", rc, n);
	ck_assert_msg(!strcmp(err.msg, "out of memory while reading the numbers"), "message: %s", err.msg);
	ck_assert_msg(p.dropped == 40, "%d of the 40 rows filled were dropped", p.dropped);

	p = (struct rows_probe){ 0, 0, 0 };
	rc = db_rows_read(db, db_prepare(db, "SELECT abs(-9223372036854775807 - 1)", &err), &probe_rows, &p,
			  &rows, &n, &err);
	ck_assert_msg(rc == TDL_EDATA && !rows && n == 0 && strstr(err.msg, "cannot read the numbers: "),
		      "an SQL error while stepping: rc %d, %s", rc, err.msg);

	rc = db_rows_read(db, NULL, &probe_rows, &p, &rows, &n, &err);
	ck_assert_msg(rc == TDL_EDATA && !rows && n == 0, "no statement: rc %d", rc);
	ck_assert_msg(sqlite3_next_stmt(db, NULL) == NULL, "a statement was left unfinalized");
	db_close(db);
}
END_TEST

/* ---- children --------------------------------------------------------------- */

START_TEST(child_add_list_find)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	struct child a, b, c, *all;
	const char *sqlname = "Robert'); DROP TABLE child;--";
	char id[24];
	int n, rc;

	rc = child_add(db, "Ada", BORN, 1, BORN + 56, TODAY, &a, &err);
	ck_assert_msg(rc == TDL_OK, "child_add Ada: %s", err.msg);
	ck_assert_msg(a.id > 0 && strlen(a.uuid) == 36 && a.version == 1 && !strcmp(a.name, "Ada") &&
			      a.born == BORN && a.has_due && a.due == BORN + 56,
		      "child_add filled out wrongly: id %lld uuid %s version %d", a.id, a.uuid, a.version);
	b = add_child(db, sqlname, BORN - 400);
	ck_assert_msg(strcmp(a.uuid, b.uuid), "two children got the same uuid");
	ck_assert_msg(query_int(db, "SELECT count(*) FROM child") == 2, "the SQL-looking name hurt the table");

	rc = child_list(db, &all, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 2, "child_list: rc %d n %d", rc, n);
	ck_assert_msg(!strcmp(all[0].name, "Ada") && !strcmp(all[1].name, sqlname),
		      "child_list order/name: %s, %s", all[0].name, all[1].name);
	ck_assert_msg(!all[1].has_due && all[1].born == BORN - 400, "second child's dates");
	free(all);

	rc = child_find(db, "aDA", &c, &err);
	ck_assert_msg(rc == TDL_OK && c.id == a.id, "find by name, other case: rc %d (%s)", rc, err.msg);
	snprintf(id, sizeof id, "%lld", b.id);
	rc = child_find(db, id, &c, &err);
	ck_assert_msg(rc == TDL_OK && c.id == b.id && !strcmp(c.name, sqlname),
		      "find by id %s: rc %d (%s)", id, rc, err.msg);
	rc = child_find(db, "Nobody", &c, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "Nobody"), "unknown name: rc %d, %s", rc,
		      err.msg);
	db_close(db);
}
END_TEST

START_TEST(child_index_window_and_names)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	struct child kid[6];
	const char *names[6] = { "Fay", "ada", "Cleo", "Bob", "Eve", "Dan" }; /* by name: ada Bob Cleo Dan Eve Fay */
	char *win[3], *got[4];
	long long ask[4];
	struct child_index ix;
	int rc;

	for (int i = 0; i < 6; i++)
		kid[i] = add_child(db, names[i], BORN);
	memset(&ix, 0, sizeof ix);
	ix.first = 4, ix.count = 3, ix.names = win, ix.uuid = kid[2].uuid; /* Eve, Fay, past the end; Cleo */
	rc = child_index_read(db, &ix, &err);
	ck_assert_msg(rc == TDL_OK && ix.n == 6, "child_index_read: rc %d n %d (%s)", rc, ix.n, err.msg);
	ck_assert_msg(ix.ids[0] == kid[1].id && ix.ids[1] == kid[3].id && ix.ids[5] == kid[0].id,
		      "the ids are not in name order (case ignored)");
	ck_assert_msg(win[0] && !strcmp(win[0], "Eve") && win[1] && !strcmp(win[1], "Fay") && !win[2],
		      "the window's names: %s, %s, %s", win[0] ? win[0] : "NULL", win[1] ? win[1] : "NULL",
		      win[2] ? "set" : "NULL");
	ck_assert_msg(ix.found == 2, "Cleo by uuid is at %d, not 2", ix.found);
	free(win[0]), free(win[1]);
	free(ix.ids);

	ix.uuid = "00000000-0000-4000-8000-000000000000", ix.count = 0;
	rc = child_index_read(db, &ix, &err);
	ck_assert_msg(rc == TDL_OK && ix.found == -1 && ix.n == 6, "an unknown uuid: rc %d found %d", rc, ix.found);
	free(ix.ids);

	ask[0] = kid[5].id, ask[1] = 999999, ask[2] = kid[1].id, ask[3] = kid[5].id; /* Dan, nobody, ada, Dan */
	rc = child_names(db, ask, 4, got, &err);
	ck_assert_msg(rc == TDL_OK, "child_names: %s", err.msg);
	ck_assert_msg(got[0] && !strcmp(got[0], "Dan") && !got[1] && got[2] && !strcmp(got[2], "ada") && got[3] &&
			      !strcmp(got[3], "Dan"), "child_names by id gave the wrong names");
	for (int i = 0; i < 4; i++)
		free(got[i]);
	rc = child_names(db, ask, CHILD_NAMES_MAX + 1, got, &err);
	ck_assert_msg(rc == TDL_EINPUT, "more names than CHILD_NAMES_MAX: rc %d", rc);
	ck_assert_msg(sqlite3_next_stmt(db, NULL) == NULL, "a statement was left unfinalized");
	db_close(db);
}
END_TEST

START_TEST(child_find_without_name)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	struct child a, c;
	int rc;

	rc = child_find(db, NULL, &c, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "child add"),
		      "no children: rc %d, message %s", rc, err.msg);
	a = add_child(db, "Ada", BORN);
	rc = child_find(db, NULL, &c, &err);
	ck_assert_msg(rc == TDL_OK && c.id == a.id, "one child, no name: rc %d (%s)", rc, err.msg);
	add_child(db, "Bob", BORN);
	err_clear(&err);
	rc = child_find(db, NULL, &c, &err);
	ck_assert_msg(rc == TDL_EINPUT, "two children, no name: rc %d, expected TDL_EINPUT", rc);
	ck_assert_msg(strstr(err.msg, "--child") != NULL, "message should name --child: %s", err.msg);
	db_close(db);
}
END_TEST

START_TEST(child_duplicate_refused)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	int rc;

	add_child(db, "Ada", BORN);
	err_clear(&err);
	rc = child_add(db, "ADA", BORN - 3, 0, 0, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a duplicate name (other case): rc %d, expected TDL_EINPUT (%s)",
		      rc, err.msg);
	ck_assert_msg(strstr(err.msg, "already") != NULL, "duplicate: message %s", err.msg);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM child") == 1, "row count changed");
	expect_no_transaction(db, "a duplicate child");

	rc = child_add(db, "Cleo", TODAY + 1, 0, 0, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a birth date in the future: rc %d", rc);
	rc = child_add(db, "\033[2JCleo", BORN, 0, 0, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a name with ESC: rc %d", rc);
	rc = child_add(db, "Cleo", BORN, 1, BORN + 141, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a due date 141 days after birth: rc %d", rc);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM child") == 1, "a refused child was stored");
	expect_no_transaction(db, "refused children");
	db_close(db);
}
END_TEST

START_TEST(child_update_versions)
{
	char path[PATH_MAX], name[64];
	struct tdl_err err = { "" };
	sqlite3 *db = open_new(path, sizeof path);
	struct child first, second;
	int rc;

	first = add_child(db, "Ada", BORN);
	add_child(db, "Bob", BORN);
	second = first;
	snprintf(first.name, sizeof first.name, "Ada Lovelace");
	rc = child_update(db, &first, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_OK && first.version == 2, "first edit: rc %d version %d (%s)", rc,
		      first.version, err.msg);
	snprintf(second.name, sizeof second.name, "Ada B");
	err_clear(&err);
	rc = child_update(db, &second, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "an edit with a stale version: rc %d, expected TDL_EINPUT", rc);
	ck_assert_msg(strstr(err.msg, "changed meanwhile by") != NULL, "stale edit: message %s", err.msg);
	ck_assert_msg(second.version == 1, "a refused edit changed the version to %d", second.version);
	query_text(db, "SELECT name || ',' || version FROM child WHERE name LIKE 'Ada%'", name,
		   sizeof name);
	ck_assert_msg(!strcmp(name, "Ada Lovelace,2"), "after the refused edit the row is %s", name);
	expect_no_transaction(db, "a stale edit");

	snprintf(first.name, sizeof first.name, "bob");
	rc = child_update(db, &first, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "already"),
		      "renaming to another child's name: rc %d (%s)", rc, err.msg);
	snprintf(first.name, sizeof first.name, "Ada Lovelace");
	first.born = TODAY + 2;
	rc = child_update(db, &first, TODAY, NULL, &err);
	ck_assert_msg(rc == TDL_EINPUT, "an edit to a future birth: rc %d", rc);
	query_text(db, "SELECT name || ',' || born || ',' || version FROM child WHERE id=1", name,
		   sizeof name);
	ck_assert_msg(!strcmp(name, "Ada Lovelace,2026-09-01,2"), "after refused edits the row is %s",
		      name);
	db_close(db);
}
END_TEST

/* ---- milestones ------------------------------------------------------------- */

START_TEST(milestone_unknown_refused)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	int rc;

	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = "no-such-milestone", .status = MS_ACHIEVED, .has_date = 1, .date = TODAY, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "an unknown milestone id: rc %d, expected TDL_EINPUT", rc);
	ck_assert_msg(strstr(err.msg, "no-such-milestone") != NULL, "message: %s", err.msg);
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_NONE, .has_date = 0, .date = 0, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "status none: rc %d", rc);
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 0, .date = 0, .note = "bad \033[31m note" }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a note with ESC: rc %d", rc);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM milestone_log") == 0,
		      "a refused milestone was written");
	expect_no_transaction(db, "refused milestones");
	db_close(db);
}
END_TEST

START_TEST(milestone_history)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	struct child other = add_child(db, "Bob", BORN);
	struct milestone_entry *e;
	int n, rc, found = 0;

	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_EMERGING, .has_date = 1, .date = D(2026, 10, 1), .note = "a little" }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "first log: %s", err.msg);
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = D(2026, 10, 20), .note = "now 'every' time" }, TODAY,
			   &err);
	ck_assert_msg(rc == TDL_OK, "second log: %s", err.msg);
	rc = milestone_log(db, &other, &(struct milestone_seen){ .id = MS_ID, .status = MS_NOT_YET, .has_date = 0, .date = 0, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "other child's log: %s", err.msg);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM milestone_log WHERE child_id=1") == 2,
		      "two logs should keep two rows, found %d",
		      query_int(db, "SELECT count(*) FROM milestone_log WHERE child_id=1"));

	rc = milestone_list(db, &c, 2, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n > 0, "milestone_list: rc %d n %d (%s)", rc, n, err.msg);
	for (int i = 0; i < n; i++) {
		if (strcmp(e[i].id, MS_ID)) {
			ck_assert_msg(e[i].status == MS_NONE, "%s has status %d without a log", e[i].id,
				      e[i].status);
			continue;
		}
		found = 1;
		ck_assert_msg(e[i].status == MS_ACHIEVED, "latest status %d, expected achieved",
			      e[i].status);
		ck_assert_msg(e[i].has_date && e[i].observed == D(2026, 10, 20),
			      "latest date wrong (has_date %d)", e[i].has_date);
		ck_assert_msg(!strcmp(e[i].note, "now 'every' time"), "latest note %s", e[i].note);
		ck_assert_msg(!strcmp(e[i].text, MS_TEXT) && e[i].age_months == 2,
			      "library text %s age %d", e[i].text, e[i].age_months);
		ck_assert_msg(!strcmp(e[i].who, db_user()), "who %s, expected %s", e[i].who, db_user());
	}
	milestone_entries_free(e, n);
	ck_assert_msg(found, "milestone_list for 2 months lacks %s", MS_ID);

	rc = milestone_list(db, &other, 2, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK, "milestone_list other: %s", err.msg);
	for (int i = 0; i < n; i++)
		if (!strcmp(e[i].id, MS_ID))
			ck_assert_msg(e[i].status == MS_NOT_YET && !e[i].has_date,
				      "other child sees status %d", e[i].status);
	milestone_entries_free(e, n);
	db_close(db);
}
END_TEST

START_TEST(milestone_date_bounds)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	int rc;

	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = BORN - 1, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "before"),
		      "a date before birth: rc %d (%s)", rc, err.msg);
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = TODAY + 1, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "future"), "a future date: rc %d (%s)", rc,
		      err.msg);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM milestone_log") == 0,
		      "a refused date was written");
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = BORN, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "the birth day itself: %s", err.msg);
	rc = milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = TODAY, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "today: %s", err.msg);
	db_close(db);
}
END_TEST

/* ---- activities ------------------------------------------------------------- */

START_TEST(activity_refusals)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	int rc;

	rc = activity_log(db, &c, &(struct activity_done){ .id = "no-such-activity", .day = TODAY, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "no-such-activity"),
		      "an unknown activity: rc %d (%s)", rc, err.msg);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY + 1, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "future"), "a future day: rc %d (%s)", rc,
		      err.msg);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = BORN - 1, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a day before birth: rc %d", rc);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = 601, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, "600"), "601 minutes: rc %d (%s)", rc,
		      err.msg);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = -1, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "-1 minutes: rc %d", rc);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_DONE, .minutes = 5, .note = "\xff\xfe" }, TODAY, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a note that is not UTF-8: rc %d", rc);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM activity_log") == 0,
		      "a refused activity was written");
	expect_no_transaction(db, "refused activities");
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_HARD, .minutes = 600, .note = "long day" }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "600 minutes must be allowed: %s", err.msg);
	rc = activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = TODAY, .result = ACT_SKIPPED, .minutes = 0, .note = NULL }, TODAY, &err);
	ck_assert_msg(rc == TDL_OK, "0 minutes must be allowed: %s", err.msg);
	ck_assert_msg(query_int(db, "SELECT count(*) FROM activity_log WHERE minutes IS NULL") == 1,
		      "0 minutes should be stored as unknown (NULL)");
	db_close(db);
}
END_TEST

/* ---- calendar ---------------------------------------------------------------- */

START_TEST(calendar_entries)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	struct child other = add_child(db, "Bob", BORN);
	day_t nov1 = D(2026, 11, 1), nov3 = D(2026, 11, 3);
	unsigned char marks[5];
	struct cal_entry *e;
	int n, rc;

	ck_assert_int_eq(milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = nov1, .note = "first time" }, TODAY, &err), 0);
	ck_assert_int_eq(milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_EMERGING, .has_date = 0, .date = 0, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = nov1, .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = "tummy-across-lap", .day = nov3, .result = ACT_HARD, .minutes = 0, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &other, &(struct activity_done){ .id = ACT_ID, .day = D(2026, 11, 2), .result = ACT_DONE, .minutes = 5, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(milestone_log(db, &other, &(struct milestone_seen){ .id = MS_ID, .status = MS_ACHIEVED, .has_date = 1, .date = nov1, .note = NULL }, TODAY, &err), 0);

	memset(marks, 0xff, sizeof marks);
	rc = calendar_marks(db, c.id, nov1 - 1, 5, marks, &err);
	ck_assert_msg(rc == TDL_OK, "calendar_marks: %s", err.msg);
	ck_assert_msg(marks[0] == 0 && marks[1] == (CAL_MILESTONE | CAL_ACTIVITY) && marks[2] == 0 &&
			      marks[3] == CAL_ACTIVITY && marks[4] == 0,
		      "marks Oct 31..Nov 4: %d %d %d %d %d, expected 0 3 0 2 0", marks[0], marks[1],
		      marks[2], marks[3], marks[4]);

	rc = calendar_day(db, c.id, nov1, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 2, "calendar_day Nov 1: rc %d, %d entries, expected 2", rc, n);
	ck_assert_msg(e[0].kind == CAL_MILESTONE && strstr(e[0].text, MS_TEXT) &&
			      strstr(e[0].text, "first time") && strstr(e[0].text, "achieved"),
		      "first entry: kind %d text %s", e[0].kind, e[0].text);
	ck_assert_msg(e[1].kind == CAL_ACTIVITY && strstr(e[1].text, ACT_TITLE) &&
			      strstr(e[1].text, "5 min") && strstr(e[1].text, "done"),
		      "second entry: kind %d text %s", e[1].kind, e[1].text);
	ck_assert_msg(!strcmp(e[0].who, db_user()) && !strcmp(e[1].who, db_user()),
		      "who: %s / %s, expected %s", e[0].who, e[1].who, db_user());
	calendar_entries_free(e, n);

	rc = calendar_day(db, c.id, D(2026, 11, 2), &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 0, "Nov 2 holds only the other child's entry, got %d", n);
	calendar_entries_free(e, n);
	rc = calendar_day(db, c.id, nov3, &e, &n, &err);
	ck_assert_msg(rc == TDL_OK && n == 1 && e[0].kind == CAL_ACTIVITY && !strstr(e[0].text, "min"),
		      "Nov 3: %d entries, text %s", n, n ? e[0].text : "-");
	calendar_entries_free(e, n);
	db_close(db);
}
END_TEST


/* The month read (calendar_range, tummy_range) says for each day what the
 * one-day reads say, and nothing of another child or outside the range. */
START_TEST(calendar_month_matches_days)
{
	char path[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = open_with_content(path, sizeof path);
	struct child c = add_child(db, "Ada", BORN);
	struct child other = add_child(db, "Bob", BORN);
	day_t first = D(2026, 10, 1);
	struct cal_entry *month[30];
	struct tummy tm[30];
	int n[30], rc;

	for (int i = 0; i < 30; i += 3)
		ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = first + i, .result = ACT_DONE, .minutes = 5 + i, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = first + 3, .result = ACT_HARD, .minutes = 4, .note = "again" }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &c, &(struct activity_done){ .id = ACT_ID, .day = first + 30, .result = ACT_DONE, .minutes = 9, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(activity_log(db, &other, &(struct activity_done){ .id = ACT_ID, .day = first + 6, .result = ACT_DONE, .minutes = 7, .note = NULL }, TODAY, &err), 0);
	ck_assert_int_eq(milestone_log(db, &c, &(struct milestone_seen){ .id = MS_ID, .status = MS_EMERGING, .has_date = 1, .date = first + 6, .note = NULL }, TODAY, &err), 0);

	rc = calendar_range(db, c.id, first, 30, month, n, &err);
	ck_assert_msg(rc == TDL_OK, "calendar_range: %s", err.msg);
	rc = tummy_range(db, &c, first, 30, 24, tm, &err);
	ck_assert_msg(rc == TDL_OK, "tummy_range: %s", err.msg);
	for (int i = 0; i < 30; i++) {
		struct cal_entry *e;
		struct tummy one;
		int k;

		ck_assert_int_eq(calendar_day(db, c.id, first + i, &e, &k, &err), TDL_OK);
		ck_assert_msg(k == n[i], "day %d: the month read has %d entries, the day read %d", i, n[i], k);
		for (int j = 0; j < k; j++)
			ck_assert_msg(e[j].id == month[i][j].id && e[j].kind == month[i][j].kind &&
					      !strcmp(e[j].text, month[i][j].text),
				      "day %d entry %d: %s vs %s", i, j, e[j].text, month[i][j].text);
		calendar_entries_free(e, k);
		ck_assert_int_eq(tummy_get(db, &c, first + i, 24, &one, &err), TDL_OK);
		ck_assert_msg(one.applies == tm[i].applies && one.minutes == tm[i].minutes,
			      "day %d tummy: range %d/%d, day %d/%d", i, tm[i].applies, tm[i].minutes, one.applies,
			      one.minutes);
		calendar_entries_free(month[i], n[i]);
	}
	ck_assert_msg(n[0] == 1 && n[3] == 2 && n[6] == 2 && n[1] == 0, "entries on days 1, 4, 7, 2: %d %d %d %d",
		      n[0], n[3], n[6], n[1]);
	ck_assert_msg(tm[3].applies && tm[3].minutes == 8 + 4, "tummy on day 4: %d min, expected 12", tm[3].minutes);
	ck_assert_msg(tm[6].minutes == 11, "tummy on day 7 counts only Ada's 11 min, got %d", tm[6].minutes);
	ck_assert_int_eq(calendar_range(db, c.id, first, 32, month, n, &err), TDL_EINPUT);
	db_close(db);
}
END_TEST

static Suite *db_suite(void)
{
	Suite *s = suite_create("db");

	TU_CASE(s, open_creates_private_file);
	TU_CASE(s, open_missing_without_create);
	TU_CASE(s, open_pragmas);
	TU_CASE(s, open_reopen);
	TU_CASE(s, open_empty_file);
	TU_CASE(s, open_newer_schema_refused);
	TU_CASE(s, open_not_a_database);
	TU_CASE(s, open_foreign_application_id);
	TU_CASE(s, open_foreign_unmarked_database);
	TU_CASE(s, open_folder_refused);
	TU_CASE(s, open_read_only);
	TU_CASE(s, rows_read_grows_and_cleans_up);
	TU_CASE(s, child_add_list_find);
	TU_CASE(s, child_find_without_name);
	TU_CASE(s, child_index_window_and_names);
	TU_CASE(s, child_duplicate_refused);
	TU_CASE(s, child_update_versions);
	TU_CASE(s, milestone_unknown_refused);
	TU_CASE(s, milestone_history);
	TU_CASE(s, milestone_date_bounds);
	TU_CASE(s, activity_refusals);
	TU_CASE(s, calendar_entries);
	TU_CASE(s, calendar_month_matches_days);
	return s;
}

int main(void)
{
	return tu_run(db_suite());
}
