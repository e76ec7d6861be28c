/* Files a person names: their folder, an absolute name, a crash-safe rename. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "toddle/buf.h"
#include "toddle/file.h"
#include "toddle/priv.h"

/* The folder holding path. */
int file_folder(const char *path, char *out, size_t outsz)
{
	const char *slash = strrchr(path, '/');
	int n;

	if (!slash)
		n = snprintf(out, outsz, ".");
	else if (slash == path)
		n = snprintf(out, outsz, "/");
	else
		n = snprintf(out, outsz, "%.*s", (int)(slash - path), path);
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

/* Whether the folder holding path refuses new files to the person running toddle. */
int file_folder_unwritable(const char *path, char *dir, size_t dirsz)
{
	if (file_folder(path, dir, dirsz))
		return 0;
	if (faccessat(AT_FDCWD, dir, W_OK | X_OK, AT_EACCESS) == 0)
		return 0;
	return errno == EACCES || errno == EROFS || errno == EPERM;
}

/* Make the folders on the way to path's folder, private to the person (0700). */
void file_make_parents(const char *path)
{
	char dir[4096];

	if (file_folder(path, dir, sizeof dir))
		return;
	for (char *p = dir + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		mkdir(dir, 0700);
		*p = '/';
	}
	mkdir(dir, 0700);
}

/* Open a file toddle reads (a library or settings file) without ever blocking: a FIFO,
 * device or folder in its place is refused by what the open file is, not by its name. */
int file_open_regular(const char *path, const char *what, struct stat *st, struct tdl_err *err)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);

	if (fd < 0) {
		int e = errno;

		err_set(err, TDL_EDATA, "cannot read %s %s: %s", what, path, strerror(e));
		errno = e;
		return -1;
	}
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		err_set(err, TDL_EDATA, "%s %s is not a regular file (a folder, FIFO or device): "
			"put a plain text file there or move it away", what, path);
		close(fd);
		return -2;
	}
	/* a regular file never blocks; later reads behave as usual */
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK);
	return fd;
}

/* path made absolute against the current folder. */
int file_absolute(const char *path, char *out, size_t outsz)
{
	char cwd[PATH_MAX];
	int n;

	if (path[0] == '/')
		n = snprintf(out, outsz, "%s", path);
	else if (!getcwd(cwd, sizeof cwd))
		return -1;
	else
		n = snprintf(out, outsz, "%s/%s", strcmp(cwd, "/") ? cwd : "", path);
	return n < 0 || (size_t)n >= outsz ? -1 : 0;
}

/* Flush the folder holding path. */
void file_sync_folder(const char *path)
{
	char dir[PATH_MAX];
	int fd;

	if (file_folder(path, dir, sizeof dir))
		return;
	fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
}

/* Write all n bytes of p to fd; 0, or -1 with errno set. */
static int write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		p += k;
		n -= (size_t)k;
	}
	return 0;
}

/* Why path cannot be written, naming what the person gave: its folder when that is missing. */
static int write_error(const char *path, int saved, struct tdl_err *err)
{
	char dir[PATH_MAX];
	struct stat st;

	if (saved == ENOENT && !file_folder(path, dir, sizeof dir) && stat(dir, &st) != 0)
		return err_set(err, TDL_EDATA, "cannot write %.200s: the folder %.200s does not exist", path, dir);
	if ((saved == EACCES || saved == EPERM || saved == EROFS) && file_folder_unwritable(path, dir, sizeof dir))
		return err_set(err, TDL_EDATA, "cannot write %.200s: the folder %.200s is not writable: "
			       "check its permissions or pick another place", path, dir);
	return err_set(err, TDL_EDATA, "cannot write %.200s: %s", path, strerror(saved));
}

/* Replace path with data as one step: a new temporary file of toddle's own in
 * the same folder (mkstemp, so no file of anyone else's is touched), fsync, rename. */
int file_write_atomic(const char *path, const char *data, size_t len, mode_t mode, struct tdl_err *err)
{
	char tmp[4096];
	int fd, saved;

	if (!path || !*path || (size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp)
		return err_set(err, TDL_EINPUT, "the output file name is empty or too long");
	fd = mkstemp(tmp);
	if (fd < 0)
		return write_error(path, errno, err);
	if (fchmod(fd, mode) || write_all(fd, data, len) || fsync(fd)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return write_error(path, saved, err);
	}
	if (close(fd) || rename(tmp, path)) {
		saved = errno;
		unlink(tmp);
		return write_error(path, saved, err);
	}
	file_sync_folder(path);
	return TDL_OK;
}

/* Write what b holds to the file the person named, as the person (never with
 * toddle's clinic group): atomically, mode 0600 (reports, exports, records). */
int file_write_own(const char *path, const struct buf *b, struct tdl_err *err)
{
	int rc;

	if (b->failed)
		return buf_status(b, err);
	priv_suspend();
	rc = file_write_atomic(path, buf_str(b), b->len, 0600, err);
	priv_resume();
	return rc;
}

/* Where an output went, for the audit trail: the file's absolute path, or
 * "standard output" for NULL. */
void file_where(const char *file, char *out, size_t outsz)
{
	if (!file)
		snprintf(out, outsz, "standard output");
	else if (file_absolute(file, out, outsz))
		snprintf(out, outsz, "%s", file);
}
