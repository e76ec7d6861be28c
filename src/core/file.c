/* Files a person names: their folder, an absolute name, a crash-safe rename. */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
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
