/* Writing one form field in the person's own editor ($VISUAL, $EDITOR): the
 * text lives only in a private per-user folder while the editor runs. Like
 * the player, this runs a program (fork + execvp) and stays out of the faces. */
#ifndef TODDLE_EDITOR_H
#define TODDLE_EDITOR_H

#include <limits.h>
#include <stddef.h>
#include "toddle/err.h"

/* One edit: its own folder (made with mkdtemp inside the private folder) and the file in it. */
struct editor_file {
	char dir[PATH_MAX - 64];
	char path[PATH_MAX];
};

/* The private folder for editor files: $XDG_RUNTIME_DIR/toddle when that is a
 * folder of the user's, else $HOME/.cache/toddle (made 0700); refused when it
 * is someone else's or open to the group or others. */
int editor_base(char *out, size_t outsz, struct tdl_err *err);

/* Make a per-edit folder in the private folder, holding `text` in a file. */
int editor_file_make(struct editor_file *ef, const char *text, struct tdl_err *err);

/* Run the editor command on the file and wait for it; when ended() turns
 * true meanwhile (the session hung up) stop the editor and set *hung_up. */
int editor_run(const char *command, const struct editor_file *ef, int (*ended)(void), int *hung_up,
	       struct tdl_err *err);

/* The file's text into out (a nano-style FILE.save, left by an editor that
 * was stopped, is preferred) and its length in *len (a NUL byte may be in
 * it); 0 when it was read whole, 1 when it is longer than outsz - 1 bytes
 * (out holds its beginning), -1 when it could not be read. */
int editor_file_read(const struct editor_file *ef, char *out, size_t outsz, size_t *len);

/* Remove everything in the per-edit folder (swap and backup files too) and the folder. */
void editor_file_remove(struct editor_file *ef);

#endif
