/* A consistent, checked copy of the whole database, made while others keep working. */
#ifndef TODDLE_BACKUP_H
#define TODDLE_BACKUP_H

#include <sqlite3.h>
#include "toddle/err.h"

/* What a finished copy holds (counted in the copy, not the source). */
struct backup_summary {
	long long bytes;
	long long children, milestones, activities, appointments, notes, goals, programs, audit;
};

/* Copy the open database db to path, which must not exist yet: the copy is
 * made beside it under a temporary name, passes PRAGMA integrity_check, is
 * flushed to disk and only then renamed into place. A family copy is 0600; a
 * clinic copy (clinic) is 0640 and, when toddle runs setgid, belongs to the
 * data group. Nothing is left behind on failure. */
int backup_make(sqlite3 *db, const char *path, int clinic, struct backup_summary *out,
		struct tdl_err *err);

#endif
