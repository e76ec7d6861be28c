/* Drafts kept on a hang-up in a private file of the person's own, for when the
 * database cannot take them at once (a colleague holds the write lock), and
 * merged into the database's drafts at the next start. */
#ifndef TODDLE_DRAFT_FILE_H
#define TODDLE_DRAFT_FILE_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/err.h"

/* What one kept draft names: the database (its file name), the form's key,
 * the child (0 and "": none) by id and uuid, and the text, byte for byte. */
struct draft_note {
	long long child_id;
	const char *child_uuid;
	const char *form;
	const char *body;
};

/* What a merge did: drafts taken into the database, files left for another
 * database or a later start, and files that could not be read (left in place;
 * bad_path names the last one). */
struct draft_merge {
	int merged, dropped, left, bad;
	char bad_path[512];
};

/* The drafts folder into out: $XDG_STATE_HOME/toddle/drafts (default
 * ~/.local/state/toddle/drafts); as settings_xdg_path, a status and a message
 * naming the variable when neither says where or the path does not fit. */
int draft_file_dir(char *out, size_t outsz, struct tdl_err *err);

/* Keep d for the database db in a new file of the drafts folder, as the person
 * (never with the clinic's group): folder made 0700, file 0600, written under a
 * temporary name, fsync'd and renamed. The new file's name goes to path. Never
 * touches the database. */
int draft_file_keep(sqlite3 *db, const struct draft_note *d, char *path, size_t pathsz,
		    struct tdl_err *err);

/* Remove a kept file once the database holds its draft. */
void draft_file_forget(const char *path);

/* Take every kept draft of this person for db into its draft table (a draft
 * already there that is newer wins), each in its own transaction; a file is
 * removed only after its draft committed. A draft whose child (id and uuid) is
 * not in the database any more is dropped, as the database drops a deleted
 * child's drafts. Fails (files kept) when the database cannot be written. */
int draft_file_merge(sqlite3 *db, struct draft_merge *out, struct tdl_err *err);

#endif
