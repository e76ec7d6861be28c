/* Files a person names: their folder, an absolute name, a crash-safe rename. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "toddle/file.h"

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

/* Replace path with data as one step: path.tmp in the same folder, fsync, rename. */
int file_write_atomic(const char *path, const char *data, size_t len, mode_t mode, struct tdl_err *err)
{
	char tmp[4096];
	int fd, saved;

	if (!path || !*path || (size_t)snprintf(tmp, sizeof tmp, "%s.tmp", path) >= sizeof tmp)
		return err_set(err, TDL_EINPUT, "the output file name is empty or too long");
	if (unlink(tmp) && errno != ENOENT)
		return err_set(err, TDL_EDATA, "cannot replace %.200s: %s", tmp, strerror(errno));
	fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode);
	if (fd < 0)
		return err_set(err, TDL_EDATA, "cannot write %.200s: %s", tmp, strerror(errno));
	if (fchmod(fd, mode) || write_all(fd, data, len) || fsync(fd)) {
		saved = errno;
		close(fd);
		unlink(tmp);
		return err_set(err, TDL_EDATA, "cannot write %.200s: %s", tmp, strerror(saved));
	}
	if (close(fd) || rename(tmp, path)) {
		saved = errno;
		unlink(tmp);
		return err_set(err, TDL_EDATA, "cannot write %.200s: %s", path, strerror(saved));
	}
	file_sync_folder(path);
	return TDL_OK;
}
