/* What a portable record holds: each kind of row, its table and its columns,
 * described once for the exporter and the importer (record_rows.c). */
#ifndef TODDLE_RECORD_ROWS_H
#define TODDLE_RECORD_ROWS_H

#include <jansson.h>
#include <sqlite3.h>
#include "toddle/err.h"
#include "toddle/record.h"

/* How a column's value is written in the record and checked on import. */
enum rec_type {
	RT_UUID,   /* a UUID as 36 lower-case characters */
	RT_NAME,   /* one line a person typed (a child's name): no control characters */
	RT_WHO,    /* a login: one short line */
	RT_TEXT,   /* free text: any UTF-8 but NUL, at most max bytes */
	RT_INT,    /* an integer in min..max */
	RT_BOOL,   /* true or false (0/1 in the database) */
	RT_DATE,   /* YYYY-MM-DD */
	RT_STAMP,  /* YYYY-MM-DDTHH:MM:SSZ */
	RT_CLOCK,  /* HH:MM, or "" for no time */
	RT_ENUM,   /* one of the words in `words` */
	RT_LIB,    /* a library id: `words` is the query that finds it (?1) */
	RT_REF,    /* the uuid of an earlier row of the same kind (in the database: its id) */
};

struct rec_col {
	const char *name;      /* the JSON key and the database column */
	enum rec_type type;
	int required;          /* 1: present and not null */
	long long min, max;    /* RT_INT range; max bytes for text */
	const char *words;     /* RT_ENUM: "a|b|c"; RT_LIB: SQL */
};

struct rec_kind {
	const char *key;       /* the record's key: "milestones" */
	const char *table;
	const char *one, *many; /* "milestone entry", "milestone entries" */
	int versioned;         /* updated in place with a version counter */
	const char *label;     /* columns that name a row for people, space separated */
	const struct rec_col *cols;
	int ncols;
};

/* The description of kind k. */
const struct rec_kind *rec_kind_get(enum record_kind k);

/* The key of the form a stored text takes when it is not valid UTF-8:
 * {"bytes_hex": "<its bytes in lower-case hexadecimal>"}. */
#define REC_BYTES_KEY "bytes_hex"

/* The current row of st, whose first columns are kind's columns in order, as
 * a new JSON object; a free text (RT_TEXT) that is not valid UTF-8 is written
 * as its bytes (REC_BYTES_KEY). NULL when out of memory, or with *bad naming
 * the column when any other kind of text is not valid UTF-8. */
json_t *rec_row_json(const struct rec_kind *kind, sqlite3_stmt *st, const char **bad);

/* The bytes of a {"bytes_hex": "..."} value into a new NUL-terminated buffer
 * (*out, length *n); -1 when v is not one. */
int rec_bytes_decode(json_t *v, char **out, size_t *n);

/* "SELECT cols FROM table t WHERE <where> ORDER BY t.id" for kind, extra
 * columns after the kind's own (may be ""), into out. */
int rec_select_sql(const struct rec_kind *kind, const char *extra, const char *where, char *out,
		   size_t outsz);

/* Check the row object at path (like "milestones[3]") against kind and return
 * a new object holding every column (null for an absent optional one), or
 * NULL with err saying "PATH.COLUMN: what is wrong" (TDL_EINPUT). Library ids
 * are looked up in db. */
json_t *rec_row_check(sqlite3 *db, const struct rec_kind *kind, json_t *row, const char *path,
		      struct tdl_err *err);

/* A short description of a row object for people ("2026-12-02 PT visit"), into out. */
void rec_row_label(const struct rec_kind *kind, json_t *row, char *out, size_t outsz);

#endif
