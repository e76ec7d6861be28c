/* Unit tests: drafts kept in private files at a hang-up (core/draft_file.c).
 * A kept file holds the text byte for byte (newlines, CR, the field separator,
 * UTF-8, and text that looks like the file's own fields); it waits while
 * someone holds the write lock and goes into the database, and away, once the
 * database is free; a file naming a child that is not there (id and uuid) is
 * dropped; a file that is not the person's own private regular file is not
 * read. Real SQLite files; "someone else" is a second connection. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/audit.h"
#include "toddle/child.h"
#include "toddle/db.h"
#include "toddle/draft_file.h"
#include "util.h"

#define D(y, m, d) date_from_ymd((y), (m), (d))
#define TODAY D(2026, 11, 26)

static const char BODY[] = "2026-11-26\x1e" "45\x1eMum: \xc3\x87" "a roule \xe5\xad\x90 \xf0\x9f\x91\xb6\n"
			   "body 3\nabc\n\r\n\ttabbed\x1e\x1e" "last";

/* A database in the test folder with one child; drafts go to tu_dir/state. */
static sqlite3 *open_with_child(struct child *c)
{
	char path[PATH_MAX], state[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;

	setenv("XDG_STATE_HOME", tu_path(state, sizeof state, "state"), 1);
	ck_assert_int_eq(db_open(tu_path(path, sizeof path, "toddle.db"), 1, &db, &err), TDL_OK);
	ck_assert_msg(child_add(db, "Mia", D(2026, 9, 1), 0, 0, TODAY, c, &err) == TDL_OK, "child_add: %s", err.msg);
	return db;
}

/* How many draft files the folder holds. */
static int files_in(void)
{
	char dir[PATH_MAX];
	struct dirent *e;
	DIR *d;
	int n = 0;

	ck_assert_int_eq(draft_file_dir(dir, sizeof dir, NULL), 0);
	if (!(d = opendir(dir)))
		return 0;
	while ((e = readdir(d)))
		n += e->d_name[0] != '.';
	closedir(d);
	return n;
}

START_TEST(kept_while_locked_then_merged_byte_for_byte)
{
	struct child mia;
	sqlite3 *db = open_with_child(&mia), *other = NULL;
	struct draft_note d = { 0, NULL, NULL, BODY };
	struct draft_merge m;
	struct tdl_err err = { "" };
	char form[100], path[PATH_MAX], at[21], *body;
	struct stat st;

	snprintf(form, sizeof form, "Session note|child %lld|record 0|", mia.id);
	d.child_id = mia.id;
	d.child_uuid = mia.uuid;
	d.form = form;
	ck_assert_int_eq(sqlite3_open(sqlite3_db_filename(db, "main"), &other), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(other, "BEGIN IMMEDIATE", NULL, NULL, NULL), SQLITE_OK);
	ck_assert_msg(draft_file_keep(db, &d, path, sizeof path, &err) == TDL_OK, "keep: %s", err.msg);
	ck_assert_int_eq(lstat(path, &st), 0);
	ck_assert_msg(S_ISREG(st.st_mode) && (st.st_mode & 0777) == 0600, "mode %o", (unsigned)st.st_mode);
	db_busy_limit(0);
	ck_assert_msg(draft_file_merge(db, &m, &err) != TDL_OK, "the merge should fail while the lock is held");
	db_busy_limit(-1);
	ck_assert_msg(tu_exists(path), "the file went though the merge failed");
	ck_assert_int_eq(sqlite3_exec(other, "ROLLBACK", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(other);
	ck_assert_msg(draft_file_merge(db, &m, &err) == TDL_OK, "merge: %s", err.msg);
	ck_assert_int_eq(m.merged, 1);
	ck_assert_int_eq(m.bad, 0);
	ck_assert_msg(!tu_exists(path), "the file is still there after the merge committed");
	body = draft_get(db, mia.id, form, at);
	ck_assert_msg(body && strcmp(body, BODY) == 0, "the merged text differs: %s", body ? body : "(none)");
	free(body);
	db_close(db);
}
END_TEST

START_TEST(wrong_child_dropped_bad_files_not_read)
{
	struct child mia;
	sqlite3 *db = open_with_child(&mia);
	struct draft_note d = { 0, "00000000-0000-4000-8000-000000000000", "x|child 1|record 0|", "text" };
	struct draft_merge m;
	struct tdl_err err = { "" };
	char path[PATH_MAX], good[PATH_MAX], link[PATH_MAX + 8], cut[PATH_MAX + 8], *data;
	FILE *f;
	long len;

	d.child_id = mia.id;                        /* Mia's id with another uuid: dropped */
	ck_assert_int_eq(draft_file_keep(db, &d, path, sizeof path, &err), TDL_OK);
	d.child_uuid = mia.uuid;                    /* a good one, made unreadable three ways below */
	ck_assert_int_eq(draft_file_keep(db, &d, good, sizeof good, &err), TDL_OK);
	f = fopen(good, "rb");
	ck_assert_ptr_nonnull(f);
	fseek(f, 0, SEEK_END);
	len = ftell(f);
	rewind(f);
	data = malloc((size_t)len);
	ck_assert_msg(fread(data, 1, (size_t)len, f) == (size_t)len, "cannot read %s", good);
	fclose(f);
	snprintf(cut, sizeof cut, "%s-cut", good);  /* cut short */
	tu_write_n(cut, data, (size_t)len - 3);
	snprintf(link, sizeof link, "%s-ln", good); /* a symbolic link to a good one */
	ck_assert_int_eq(symlink(good, link), 0);
	chmod(good, 0640);                          /* readable by the group */
	free(data);
	ck_assert_msg(draft_file_merge(db, &m, &err) == TDL_OK, "merge: %s", err.msg);
	ck_assert_int_eq(m.dropped, 1);
	ck_assert_int_eq(m.merged, 0);
	ck_assert_int_eq(m.bad, 3);
	ck_assert_msg(!tu_exists(path), "the draft naming a child that is not there was kept");
	ck_assert_int_eq(files_in(), 3);
	ck_assert_msg(draft_get(db, mia.id, d.form, (char[21]){ 0 }) == NULL, "a bad file's draft was taken in");
	db_close(db);
}
END_TEST

/* A drafts folder whose path does not fit is refused naming the variable and its length
 * (it said "neither XDG_STATE_HOME nor HOME names a folder for drafts"). */
START_TEST(state_home_too_long_is_named)
{
	struct child mia;
	sqlite3 *db = open_with_child(&mia);
	struct draft_note d = { 0, NULL, NULL, BODY };
	struct tdl_err err = { "" };
	char path[PATH_MAX], *longer = malloc(5002);

	ck_assert_ptr_nonnull(longer);
	memset(longer, '0', 5001);
	longer[0] = '/';
	longer[5001] = '\0';
	d.child_id = mia.id;
	d.child_uuid = mia.uuid;
	d.form = "note";
	setenv("XDG_STATE_HOME", longer, 1);
	ck_assert_int_eq(draft_file_keep(db, &d, path, sizeof path, &err), TDL_EDATA);
	ck_assert_msg(strstr(err.msg, "XDG_STATE_HOME is too long (5001 bytes; at most") != NULL, "said: %s", err.msg);
	free(longer);
	db_close(db);
}
END_TEST

static Suite *drafts_suite(void)
{
	Suite *s = suite_create("drafts");

	TU_CASE(s, kept_while_locked_then_merged_byte_for_byte);
	TU_CASE(s, wrong_child_dropped_bad_files_not_read);
	TU_CASE(s, state_home_too_long_is_named);
	return s;
}

int main(void)
{
	return tu_run(drafts_suite());
}
