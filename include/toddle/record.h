/* The portable child record: one JSON document (format "toddle-record",
 * doc/record-format.md) that carries a child from one toddle to another. */
#ifndef TODDLE_RECORD_H
#define TODDLE_RECORD_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/buf.h"
#include "toddle/child.h"
#include "toddle/err.h"

#define RECORD_FORMAT "toddle-record"
#define RECORD_VERSION 1
#define RECORD_FILE_MAX (64L << 20)   /* bytes: a record file larger than this is refused */

/* The kinds of rows a record carries, in the order they are merged. */
enum record_kind {
	RK_CHILD, RK_MILESTONES, RK_ACTIVITIES, RK_APPOINTMENTS, RK_CLASSES, RK_GOALS,
	RK_PROGRAM, RK_NOTES, RK_COUNT
};

/* What an import did, per kind. */
struct record_summary {
	char child[CHILD_NAME_MAX + 1]; /* the child's name here */
	int child_added;                /* 1: a new child; 0: merged into one already here */
	int added[RK_COUNT];            /* rows new here */
	int newer[RK_COUNT];            /* rows replaced by a newer version (the old one kept) */
	int skipped[RK_COUNT];          /* rows already here (same or older version) */
	int conflicts;                  /* same version, other values: ours kept, theirs kept as a version */
	char conflict_list[1024];       /* "appointment 2026-12-02 PT visit; goal Sits alone" (cut) */
};

/* How an import is asked for. */
struct record_import_opts {
	const char *as_name;   /* name for a child new here (NULL: the name in the record) */
	const char *source;    /* where the record came from, for the audit trail */
};

/* The name of a kind's rows for people ("milestone entries"); n picks singular. */
const char *record_kind_noun(enum record_kind k, int n);

/* Append child c's record as JSON to out: every row with its uuid, who and
 * when, and (with_notes) the session notes. */
int record_export(sqlite3 *db, const struct child *c, int with_notes, struct buf *out,
		  struct tdl_err *err);

/* Read the file at path (at most RECORD_FILE_MAX bytes) as the person into a
 * new heap buffer *out of *len bytes. */
int record_read_file(const char *path, char **out, size_t *len, struct tdl_err *err);

/* Record in the audit trail that c's record went to file. */
int record_export_audit(sqlite3 *db, const struct child *c, int with_notes, const char *file,
			struct tdl_err *err);

/* Merge the record in data[0..len) into the database in one transaction:
 * rows new here are added, newer versions replace older ones (which are kept
 * in row_version), nothing is overwritten. A record that is malformed,
 * foreign, newer, or holds a bad value is refused (TDL_EINPUT, one line
 * naming where) and the database is left as it was. */
int record_import(sqlite3 *db, const char *data, size_t len, const struct record_import_opts *opts,
		  struct record_summary *sum, struct tdl_err *err);

#endif
