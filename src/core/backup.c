/* A consistent, checked copy of the whole database with SQLite's online backup:
 * a reader in WAL mode, so writers carry on while it runs. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "toddle/backup.h"
#include "toddle/db.h"
#include "toddle/file.h"
#include "toddle/priv.h"

#ifndef SQLITE_OPEN_NOFOLLOW
#define SQLITE_OPEN_NOFOLLOW 0
#endif

/* A sentence for a failed file call in the person's folder. */
static int file_fail(const char *what, const char *name, int e, struct tdl_err *err)
{
	if (e == ENOSPC || e == EDQUOT || e == EFBIG)
		return err_set(err, TDL_EDATA, "%s %.300s: the disk is full: free some space and try again", what, name);
	return err_set(err, TDL_EDATA, "%s %.300s: %s", what, name, strerror(e));
}

/* Refuse a path whose folder is missing or that exists already; the caller
 * has the privilege suspended. */
static int check_target(const char *path, struct tdl_err *err)
{
	char dir[PATH_MAX];
	struct stat st;

	if (file_folder(path, dir, sizeof dir))
		return err_set(err, TDL_EINPUT, "the backup file name is too long");
	if (stat(dir, &st) != 0)
		return errno == ENOENT || errno == ENOTDIR
			? err_set(err, TDL_EDATA, "the folder %.300s does not exist: create it or pick another place", dir)
			: file_fail("cannot reach the folder", dir, errno, err);
	if (!S_ISDIR(st.st_mode))
		return err_set(err, TDL_EDATA, "%.300s is not a folder: pick a file inside a folder", dir);
	if (lstat(path, &st) == 0)
		return err_set(err, TDL_EINPUT, "%.300s exists: pick a new name or remove it first", path);
	if (errno != ENOENT && errno != EACCES)
		return file_fail("cannot check", path, errno, err);
	if (errno == EACCES || access(dir, W_OK | X_OK) != 0)
		return err_set(err, TDL_EDATA, "cannot write in the folder %.300s: %s: pick a folder you can write to",
			       dir, strerror(errno));
	return TDL_OK;
}

/* Make an empty temporary file beside path (O_EXCL, 0600); its name goes to
 * tmp and an open descriptor to *fd. The caller has the privilege suspended. */
static int temp_create(const char *path, char *tmp, size_t tmpsz, int *fd, struct tdl_err *err)
{
	static const char hex[] = "0123456789abcdef";

	for (int tries = 0; tries < 100; tries++) {
		unsigned char r[4];
		char suffix[9];

		/* not sqlite3_randomness: no SQLite call runs with the privilege suspended */
		if (getentropy(r, sizeof r) != 0) {
			unsigned v = (unsigned)getpid() * 2654435761u + (unsigned)tries;

			memcpy(r, &v, sizeof r);
		}
		for (int i = 0; i < 4; i++) {
			suffix[2 * i] = hex[r[i] >> 4];
			suffix[2 * i + 1] = hex[r[i] & 15];
		}
		suffix[8] = '\0';
		if ((size_t)snprintf(tmp, tmpsz, "%s.tmp-%s", path, suffix) >= tmpsz)
			return err_set(err, TDL_EINPUT, "the backup file name is too long");
		*fd = open(tmp, O_RDWR | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
		if (*fd >= 0)
			return TDL_OK;
		if (errno != EEXIST) {
			char dir[PATH_MAX];

			file_folder(path, dir, sizeof dir);
			return file_fail("cannot write in the folder", dir, errno, err);
		}
	}
	return err_set(err, TDL_EDATA, "cannot make a temporary file beside %.300s: too many exist", path);
}

/* Count the rows of the copy into out. */
static int count_rows(sqlite3 *dst, struct backup_summary *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(dst,
		"SELECT (SELECT count(*) FROM child), (SELECT count(*) FROM milestone_log),"
		" (SELECT count(*) FROM activity_log), (SELECT count(*) FROM appointment),"
		" (SELECT count(*) FROM session_note), (SELECT count(*) FROM goal),"
		" (SELECT count(*) FROM program), (SELECT count(*) FROM audit)", err);
	long long *v[] = { &out->children, &out->milestones, &out->activities, &out->appointments,
			   &out->notes, &out->goals, &out->programs, &out->audit };
	int rc;

	if (!st)
		return TDL_EDATA;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		for (int i = 0; i < 8; i++)
			*v[i] = sqlite3_column_int64(st, i);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? TDL_OK : db_fail(dst, "cannot count the rows of the copy", err);
}

/* Check the copy with PRAGMA integrity_check; anything but "ok" fails. */
static int check_copy(sqlite3 *dst, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(dst, "PRAGMA integrity_check", err);
	const unsigned char *first;
	int rc;

	if (!st)
		return TDL_EDATA;
	rc = sqlite3_step(st);
	first = rc == SQLITE_ROW ? sqlite3_column_text(st, 0) : NULL;
	if (rc != SQLITE_ROW)
		rc = db_fail(dst, "cannot check the copy", err);
	else if (first && !strcmp((const char *)first, "ok"))
		rc = TDL_OK;
	else
		rc = err_set(err, TDL_EDATA, "the copy failed its integrity check (%.200s): nothing was kept; "
			     "try again, and run 'sqlite3 DATABASE \"PRAGMA integrity_check\"' on the original",
			     first ? (const char *)first : "no answer");
	sqlite3_finalize(st);
	return rc;
}

/* Copy every page of src into the existing empty file tmp. Runs with the
 * privilege held: SQLite calls only. */
static int copy_into(sqlite3 *src, const char *tmp, struct tdl_err *err)
{
	sqlite3 *dst = NULL;
	sqlite3_backup *b;
	int rc, tries = 0;

	/* the file exists (we made it): no SQLITE_OPEN_CREATE, so a name swapped
	 * meanwhile cannot make this process create a file somewhere else */
	if (sqlite3_open_v2(tmp, &dst, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		rc = db_fail(dst, "cannot open the copy", err);
		sqlite3_close(dst);
		return rc;
	}
	sqlite3_extended_result_codes(dst, 1);
	sqlite3_busy_timeout(dst, 10000);
	if (db_exec(dst, "PRAGMA journal_mode=OFF", err)) {
		sqlite3_close(dst);
		return TDL_EDATA;
	}
	b = sqlite3_backup_init(dst, "main", src, "main");
	if (!b) {
		rc = db_fail(dst, "cannot start the copy", err);
		sqlite3_close(dst);
		return rc;
	}
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY || rc == SQLITE_LOCKED) {
		if (++tries > 50)
			break;
		sqlite3_sleep(100);
	}
	sqlite3_backup_finish(b);
	rc = rc == SQLITE_DONE ? TDL_OK : db_fail(dst, "cannot copy the database", err);
	if (sqlite3_close(dst) != SQLITE_OK && !rc)
		rc = err_set(err, TDL_EDATA, "cannot close the copy");
	return rc;
}

/* tmp as a read-only, immutable URI: the copy says WAL (as its source does),
 * and an ordinary reader would make -wal and -shm files beside it. */
static int check_uri(const char *tmp, char *out, size_t outsz)
{
	size_t o = 0;

	o = (size_t)snprintf(out, outsz, "file:");
	for (const char *p = tmp; *p; p++) {
		if (o + 4 >= outsz)
			return -1;
		if (*p == '%' || *p == '?' || *p == '#')
			o += (size_t)snprintf(out + o, outsz - o, "%%%02X", (unsigned char)*p);
		else
			out[o++] = *p;
	}
	return (size_t)snprintf(out + o, outsz - o, "?mode=ro&immutable=1") >= outsz - o ? -1 : 0;
}

/* Check the finished copy and count its rows. Privileged: SQLite calls only. */
static int verify_copy(const char *tmp, struct backup_summary *out, struct tdl_err *err)
{
	char uri[PATH_MAX * 3 + 32];
	sqlite3 *chk = NULL;
	int rc;

	if (check_uri(tmp, uri, sizeof uri))
		return err_set(err, TDL_EINPUT, "the backup file name is too long");
	if (sqlite3_open_v2(uri, &chk, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI | SQLITE_OPEN_NOFOLLOW, NULL)
	    != SQLITE_OK) {
		rc = db_fail(chk, "cannot open the copy to check it", err);
		sqlite3_close(chk);
		return rc;
	}
	sqlite3_extended_result_codes(chk, 1);
	rc = check_copy(chk, err);
	if (!rc)
		rc = count_rows(chk, out, err);
	sqlite3_close(chk);
	return rc;
}

/* Rename tmp to path unless path exists (then EEXIST). */
static int rename_new(const char *tmp, const char *path)
{
	if (renameat2(AT_FDCWD, tmp, AT_FDCWD, path, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
	/* a file system without RENAME_NOREPLACE: link refuses an existing name too */
	if (link(tmp, path) != 0)
		return -1;
	unlink(tmp);
	return 0;
}

/* Give the finished copy its group and mode, flush it and rename it into
 * place; the privilege is held on entry (for the group) and on return. */
static int put_in_place(int fd, const char *tmp, const char *path, int clinic, struct backup_summary *out,
			struct tdl_err *err)
{
	struct stat st;
	int rc = TDL_OK;

	if (clinic && priv_started() && fchown(fd, (uid_t)-1, priv_data_gid()) != 0)
		return file_fail("cannot give the clinic's data group", tmp, errno, err);
	priv_suspend();
	if (fchmod(fd, clinic ? 0640 : 0600) != 0 || fsync(fd) != 0 || fstat(fd, &st) != 0)
		rc = file_fail("cannot write", tmp, errno, err);
	else if (rename_new(tmp, path) != 0)
		rc = errno == EEXIST ? err_set(err, TDL_EINPUT, "%.300s exists: pick a new name or remove it first", path)
				     : file_fail("cannot write", path, errno, err);
	else {
		out->bytes = (long long)st.st_size;
		file_sync_folder(path);
	}
	priv_resume();
	return rc;
}

/* Copy the open database to path, checked, flushed and renamed into place. */
int backup_make(sqlite3 *db, const char *path, int clinic, struct backup_summary *out, struct tdl_err *err)
{
	char tmp[PATH_MAX];
	int fd = -1, rc;

	memset(out, 0, sizeof *out);
	if (!path || !*path)
		return err_set(err, TDL_EINPUT, "no backup file named: give one, like toddle-backup.db");
	priv_suspend();
	rc = check_target(path, err);
	if (!rc)
		rc = temp_create(path, tmp, sizeof tmp, &fd, err);
	priv_resume();
	if (rc)
		return rc;
	rc = copy_into(db, tmp, err);
	if (!rc)
		rc = verify_copy(tmp, out, err);
	if (!rc)
		rc = put_in_place(fd, tmp, path, clinic, out, err);
	close(fd);
	if (rc) {
		priv_suspend();
		unlink(tmp);
		priv_resume();
	}
	return rc;
}
