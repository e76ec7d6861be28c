/* Playing videos: an argument vector from the settings, fork + execvp, no shell. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include "player.h"
#include "toddle/class.h"
#include "toddle/priv.h"

/* Split a command setting into words into argv, counting them in *n. */
static int split_words(const char *command, char *buf, size_t bufsz, char *argv[PLAYER_ARGV_LEN], int *n_out,
		       struct tdl_err *err)
{
	size_t o = 0;
	int n = 0;
	const char *p = command ? command : "";

	while (*p) {
		char quote = 0;

		while (*p == ' ' || *p == '\t')
			p++;
		if (!*p)
			break;
		if (n == PLAYER_ARGS_MAX)
			return err_set(err, TDL_EINPUT, "ui.player has more than %d words", PLAYER_ARGS_MAX);
		argv[n++] = buf + o;
		while (*p && (quote || (*p != ' ' && *p != '\t'))) {
			if (!quote && (*p == '"' || *p == '\'')) {
				quote = *p++;
				continue;
			}
			if (quote && *p == quote) {
				quote = 0;
				p++;
				continue;
			}
			if (o + 1 >= bufsz)
				return err_set(err, TDL_EINPUT, "ui.player is too long");
			buf[o++] = *p++;
		}
		if (quote)
			return err_set(err, TDL_EINPUT, "ui.player has an unclosed quote");
		if (o + 1 >= bufsz)
			return err_set(err, TDL_EINPUT, "ui.player is too long");
		buf[o++] = '\0';
	}
	if (n == 0)
		return err_set(err, TDL_EINPUT, "no video player is set: set ui.player (for example mpv)");
	*n_out = n;
	return TDL_OK;
}

/* Split a command setting into words and add the target as the last one. */
int player_command_argv(const char *command, const char *target, char *buf, size_t bufsz,
			char *argv[PLAYER_ARGV_LEN], struct tdl_err *err)
{
	int n = 0;

	if (split_words(command, buf, bufsz, argv, &n, err))
		return TDL_EINPUT;
	argv[n++] = (char *)target;
	argv[n] = NULL;
	return TDL_OK;
}

/* The player setting's words, "--", and the link: only a web link is played. */
int player_argv(const char *command, const char *target, char *buf, size_t bufsz,
		char *argv[PLAYER_ARGV_LEN], struct tdl_err *err)
{
	int n = 0;

	if (!class_video_ok(target))
		return err_set(err, TDL_EINPUT, "the video link '%.60s' is not an http:// or https:// link, "
			       "so it is not played: fix the [video] record in the library folder",
			       target ? target : "");
	if (split_words(command, buf, bufsz, argv, &n, err))
		return TDL_EINPUT;
	/* whatever the link says, the player reads it as a link, never as an option */
	argv[n++] = (char *)"--";
	argv[n++] = (char *)target;
	argv[n] = NULL;
	return TDL_OK;
}

/* True when a video should be shown as a link instead of played. */
int player_show_link(const char *command)
{
	const char *ssh = getenv("SSH_CONNECTION"), *tty = getenv("SSH_TTY");

	return !command || !*command || (ssh && *ssh) || (tty && *tty);
}

/* Run argv with fork + execvp and wait for it. */
int player_run(char *const argv[], struct tdl_err *err)
{
	int status, fds[2];
	pid_t pid;
	ssize_t got;
	int child_errno = 0;

	/* a close-on-exec pipe tells us whether execvp itself failed */
	if (pipe2(fds, O_CLOEXEC) != 0)
		return err_set(err, TDL_EDATA, "cannot start the player: %s", strerror(errno));
	pid = fork();
	if (pid < 0) {
		close(fds[0]);
		close(fds[1]);
		return err_set(err, TDL_EDATA, "cannot start the player: %s", strerror(errno));
	}
	if (pid == 0) {
		struct tdl_err e;

		close(fds[0]);
		/* what the person runs never gets toddle's clinic group, not even saved */
		if (priv_drop(&e) == TDL_OK)
			execvp(argv[0], argv);
		child_errno = errno;
		if (write(fds[1], &child_errno, sizeof child_errno) < 0)
			child_errno = 0;
		_exit(127);
	}
	close(fds[1]);
	got = read(fds[0], &child_errno, sizeof child_errno);
	close(fds[0]);
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (got == (ssize_t)sizeof child_errno)
		return err_set(err, TDL_EINPUT, "cannot run the player '%.60s': %s (check ui.player)", argv[0],
			       strerror(child_errno));
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		return err_set(err, TDL_EDATA, "the player '%.60s' stopped with status %d", argv[0],
			       WEXITSTATUS(status));
	if (WIFSIGNALED(status))
		return err_set(err, TDL_EDATA, "the player '%.60s' was stopped by signal %d", argv[0],
			       WTERMSIG(status));
	return TDL_OK;
}
