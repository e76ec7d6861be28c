/* The person's editor for one form field: a private folder per user, one
 * folder per edit, a wait that a hang-up can interrupt, and nothing left behind. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include "player.h"
#include "editor.h"
#include "toddle/priv.h"

#define EDITOR_FILE "field.txt"

/* True when path is a real folder of this user's that no one else can enter or change. */
static int folder_private(const char *path, int follow, struct stat *st)
{
	if ((follow ? stat(path, st) : lstat(path, st)) != 0)
		return 0;
	return S_ISDIR(st->st_mode) && st->st_uid == getuid() && (st->st_mode & 077) == 0;
}

/* The user's home folder: $HOME, else the password database's. */
static const char *home_folder(void)
{
	const char *home = getenv("HOME");
	struct passwd *pw;

	if (home && home[0] == '/')
		return home;
	pw = getpwuid(getuid());
	return pw && pw->pw_dir && pw->pw_dir[0] == '/' ? pw->pw_dir : NULL;
}

/* Make folder path 0700 unless it exists; then insist that it is private. */
static int folder_make_private(const char *path, struct tdl_err *err)
{
	struct stat st;

	if (mkdir(path, 0700) != 0 && errno != EEXIST)
		return err_set(err, TDL_EDATA, "cannot make the editor folder %s: %s", path, strerror(errno));
	if (!folder_private(path, 0, &st))
		return err_set(err, TDL_EINPUT, "the editor folder %s is not private (it must be your own folder, "
			       "closed to the group and others): run 'chmod 700 %s' or remove it", path, path);
	return TDL_OK;
}

/* The private folder for editor files. */
int editor_base(char *out, size_t outsz, struct tdl_err *err)
{
	const char *run = getenv("XDG_RUNTIME_DIR"), *home;
	struct stat st;
	char cache[PATH_MAX];

	if (run && run[0] == '/' && stat(run, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == getuid()) {
		if ((size_t)snprintf(out, outsz, "%s/toddle", run) >= outsz)
			return err_set(err, TDL_EDATA, "XDG_RUNTIME_DIR is too long (%zu bytes; at most %zu): use a "
				       "shorter path", strlen(run), outsz - sizeof "/toddle");
		return folder_make_private(out, err);
	}
	home = home_folder();
	if (!home)
		return err_set(err, TDL_EINPUT, "no home folder to keep the editor's file in: set HOME");
	if ((size_t)snprintf(cache, sizeof cache, "%s/.cache", home) >= sizeof cache ||
	    (size_t)snprintf(out, outsz, "%s/.cache/toddle", home) >= outsz)
		return err_set(err, TDL_EDATA, "HOME is too long (%zu bytes; at most %zu): use a shorter path",
			       strlen(home), (outsz < sizeof cache ? outsz : sizeof cache) - sizeof "/.cache/toddle");
	if (mkdir(cache, 0700) != 0 && errno != EEXIST)
		return err_set(err, TDL_EDATA, "cannot make %s: %s", cache, strerror(errno));
	return folder_make_private(out, err);
}

/* Write all of text to a new file at path, readable by the user only. */
static int file_write_new(const char *path, const char *text)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	size_t len = strlen(text), done = 0;

	if (fd < 0)
		return -1;
	while (done < len) {
		ssize_t n = write(fd, text + done, len - done);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		done += (size_t)n;
	}
	if (done < len || write(fd, "\n", 1) != 1) {
		close(fd);
		return -1;
	}
	return close(fd);
}

/* Make the per-edit folder and its file (as the person, not the data group). */
static int file_make(struct editor_file *ef, const char *text, struct tdl_err *err)
{
	char base[PATH_MAX - 96];
	int rc = editor_base(base, sizeof base, err);

	if (rc)
		return rc;
	snprintf(ef->dir, sizeof ef->dir, "%s/edit-XXXXXX", base);
	if (!mkdtemp(ef->dir)) {
		rc = err_set(err, TDL_EDATA, "cannot make a folder for the editor in %s: %s", base, strerror(errno));
		ef->dir[0] = '\0';
		return rc;
	}
	snprintf(ef->path, sizeof ef->path, "%s/" EDITOR_FILE, ef->dir);
	if (file_write_new(ef->path, text) != 0) {
		rc = err_set(err, TDL_EDATA, "cannot write the file for the editor in %s: %s", ef->dir, strerror(errno));
		editor_file_remove(ef);
	}
	return rc;
}

/* Make a per-edit folder in the private folder, holding text in a file. */
int editor_file_make(struct editor_file *ef, const char *text, struct tdl_err *err)
{
	int rc;

	memset(ef, 0, sizeof *ef);
	priv_suspend();
	rc = file_make(ef, text, err);
	priv_resume();
	return rc;
}

/* In the forked child: give up the data group for good and become the editor. */
static void editor_exec(char *const av[], int report_fd)
{
	struct tdl_err err;
	int e;

	signal(SIGINT, SIG_DFL);
	e = priv_drop(&err) ? EPERM : 0;
	if (!e) {
		execvp(av[0], av);
		e = errno;
	}
	if (write(report_fd, &e, sizeof e) < 0)
		e = 0;
	_exit(127);
}

/* Wait for the editor; on a hang-up ask it to stop (it may save what it has), then insist. */
static int editor_wait(pid_t pid, int *status, int (*ended)(void), int *hung_up)
{
	struct timespec nap = { 0, 50 * 1000 * 1000 };
	int waited = 0;

	for (;;) {
		pid_t r = waitpid(pid, status, *hung_up ? WNOHANG : 0);

		if (r == pid)
			return 0;
		if (r < 0 && errno != EINTR)
			return -1;
		if (!*hung_up && ended()) {
			*hung_up = 1;
			kill(pid, SIGHUP);
			kill(pid, SIGTERM);
		}
		if (*hung_up) {
			if (++waited == 60) /* three seconds to save and go */
				kill(pid, SIGKILL);
			nanosleep(&nap, NULL);
		}
	}
}

/* Fork and exec argv, waiting in a way a hang-up can interrupt. */
static int editor_spawn(char *const av[], int (*ended)(void), int *hung_up, struct tdl_err *err)
{
	struct sigaction ign, old_int;
	int fds[2], status = 0, child_errno = 0;
	ssize_t got;
	pid_t pid;

	if (pipe2(fds, O_CLOEXEC) != 0)
		return err_set(err, TDL_EDATA, "cannot start the editor: %s", strerror(errno));
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigaction(SIGINT, &ign, &old_int); /* Ctrl-C inside the editor is the editor's */
	pid = fork();
	if (pid == 0) {
		close(fds[0]);
		editor_exec(av, fds[1]);
	}
	close(fds[1]);
	if (pid < 0) {
		close(fds[0]);
		sigaction(SIGINT, &old_int, NULL);
		return err_set(err, TDL_EDATA, "cannot start the editor: %s", strerror(errno));
	}
	do
		got = read(fds[0], &child_errno, sizeof child_errno);
	while (got < 0 && errno == EINTR && !ended());
	close(fds[0]);
	editor_wait(pid, &status, ended, hung_up);
	sigaction(SIGINT, &old_int, NULL);
	if (got == (ssize_t)sizeof child_errno)
		return err_set(err, TDL_EINPUT, "cannot run the editor '%.60s': %s (check VISUAL or EDITOR)", av[0],
			       strerror(child_errno));
	if (!*hung_up && WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return err_set(err, TDL_EDATA, "the editor '%.60s' stopped with status %d: the field is unchanged",
			       av[0], WEXITSTATUS(status));
	return TDL_OK;
}

/* Run the editor command on the file and wait for it. */
int editor_run(const char *command, const struct editor_file *ef, int (*ended)(void), int *hung_up,
	       struct tdl_err *err)
{
	char buf[600], *av[PLAYER_ARGV_LEN];
	int rc = player_command_argv(command, ef->path, buf, sizeof buf, av, err);

	*hung_up = 0;
	return rc ? rc : editor_spawn(av, ended, hung_up, err);
}

/* Read up to outsz-1 bytes of path into out (*len of them); 0 when that is
 * all of it, 1 when there is more, -1 when it cannot be opened. */
static int file_read(const char *path, char *out, size_t outsz, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	size_t got = 0;
	char more;
	ssize_t n;

	if (fd < 0)
		return -1;
	while (got < outsz - 1) {
		n = read(fd, out + got, outsz - 1 - got);
		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	do
		n = got == outsz - 1 ? read(fd, &more, 1) : 0;
	while (n < 0 && errno == EINTR);
	close(fd);
	out[got] = '\0';
	*len = got;
	return n > 0;
}

/* The file's text (preferring FILE.save) into out. */
int editor_file_read(const struct editor_file *ef, char *out, size_t outsz, size_t *len)
{
	char save[PATH_MAX + 8];
	int rc;

	snprintf(save, sizeof save, "%s.save", ef->path);
	priv_suspend();
	rc = file_read(save, out, outsz, len);
	if (rc < 0)
		rc = file_read(ef->path, out, outsz, len);
	priv_resume();
	return rc;
}

/* Remove a folder and what it holds (editors leave files, rarely folders). */
static void tree_remove(const char *path, int depth)
{
	struct dirent *e;
	DIR *d;

	if (depth > 4 || !(d = opendir(path)))
		return;
	while ((e = readdir(d))) {
		char sub[PATH_MAX];

		if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
			continue;
		if ((size_t)snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) >= sizeof sub)
			continue;
		if (unlink(sub) != 0 && (errno == EISDIR || errno == EPERM))
			tree_remove(sub, depth + 1);
	}
	closedir(d);
	rmdir(path);
}

/* Remove everything in the per-edit folder and the folder. */
void editor_file_remove(struct editor_file *ef)
{
	if (!ef->dir[0])
		return;
	priv_suspend();
	tree_remove(ef->dir, 0);
	priv_resume();
	ef->dir[0] = '\0';
	ef->path[0] = '\0';
}
