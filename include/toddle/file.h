/* Files a person names: their folder, an absolute name, a crash-safe rename. */
#ifndef TODDLE_FILE_H
#define TODDLE_FILE_H

#include <stddef.h>
#include <sys/types.h>
#include "toddle/err.h"

/* The folder holding path ("." for a bare name, "/" for a file at the root)
 * into out; -1 when it does not fit. */
int file_folder(const char *path, char *out, size_t outsz);

/* 1 when the folder holding path does not let the person add files (checked for the
 * ids toddle runs with: faccessat AT_EACCESS), its name then in dir; else 0. */
int file_folder_unwritable(const char *path, char *dir, size_t dirsz);

/* Make each missing folder on the way to path's folder, mode 0700 (errors
 * show up when the file is written). */
void file_make_parents(const char *path);

struct stat;

/* Open path for reading with O_NONBLOCK, so a FIFO cannot hang toddle, and accept it
 * only when fstat says it is a regular file: the descriptor (its stat in *st); -1 when
 * it cannot be opened (errno kept), -2 when it is not a regular file; err names the
 * file either way (what: "content file", "settings file"). */
int file_open_regular(const char *path, const char *what, struct stat *st, struct tdl_err *err);

/* path made absolute against the current folder (unchanged when it already
 * is) into out; -1 when it does not fit or the current folder is unknown. */
int file_absolute(const char *path, char *out, size_t outsz);

/* Flush the folder holding path, so that a rename into it survives a crash. */
void file_sync_folder(const char *path);

/* Replace path with the len bytes of data atomically (a new path.XXXXXX in the same
 * folder, written with mode, fsync, rename, folder flushed): a crash leaves
 * the old file or the new one, never half of one. */
int file_write_atomic(const char *path, const char *data, size_t len, mode_t mode, struct tdl_err *err);

struct buf;

/* Write what b holds to path as the person running toddle (never with the
 * clinic's group): atomically, mode 0600. A failed buf reports why. */
int file_write_own(const char *path, const struct buf *b, struct tdl_err *err);

/* Where an output went, for the audit trail: the absolute path of file, or
 * "standard output" for NULL. */
void file_where(const char *file, char *out, size_t outsz);

#endif
