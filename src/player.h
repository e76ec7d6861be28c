/* Playing a class's video with the player command from the settings. */
#ifndef TODDLE_PLAYER_H
#define TODDLE_PLAYER_H

#include "toddle/err.h"

#define PLAYER_ARGS_MAX 16

/* Room for the words, "--", the link and the closing NULL. */
#define PLAYER_ARGV_LEN (PLAYER_ARGS_MAX + 3)

/* Split the player setting into words (quotes group words, no shell), end the
 * options with "--" and add the link as one last argument; argv holds pointers
 * into buf. A link that is not http:// or https:// is refused (TDL_EINPUT). */
int player_argv(const char *command, const char *target, char *buf, size_t bufsz,
		char *argv[PLAYER_ARGV_LEN], struct tdl_err *err);

/* Split a command setting (the editor's) into words and add the target as
 * one last argument, unchecked. */
int player_command_argv(const char *command, const char *target, char *buf, size_t bufsz,
			char *argv[PLAYER_ARGV_LEN], struct tdl_err *err);

/* True when a video should be shown as a link instead of played: no player
 * is set, or the session is over SSH (the video would open on the server). */
int player_show_link(const char *command);

/* Run argv with fork + execvp, wait for it, and report how it ended. */
int player_run(char *const argv[], struct tdl_err *err);

#endif
