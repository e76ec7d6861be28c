/* Inside the content loader: records copied out of the parser, and the rules.
 * Private to src/core (the public API is include/toddle/content.h). */
#ifndef TODDLE_CONTENT_LIB_H
#define TODDLE_CONTENT_LIB_H

#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>
#include "toddle/content.h"

/* One record, owning its strings. */
struct rec {
	char *file, *type, *id;
	int line, nfields, extra; /* extra: from the clinic's or family's folder */
	char **keys, **values;
	int *lines;
};

/* Every record of one or more folders. */
struct lib {
	struct rec *recs;
	int n, cap;
};

/* One type of record: everything about it in one row (content_types.c). */
struct content_type {
	const char *type;
	/* Allowed keys, NULL-terminated: "key!" required, "key*" required and
	 * repeatable, "key+" repeatable, plain "key" optional. */
	const char *const *keys;
	/* Check the id; NULL: lower-case letters, digits and '-'. */
	int (*check_id)(const struct rec *r, struct tdl_err *err);
	/* Check the values beyond their keys; NULL: nothing more. */
	int (*check)(const struct rec *r, struct tdl_err *err);
	/* A key whose space separated ids must name records of ref_type; NULL: none. */
	const char *ref_key, *ref_type;
	/* The statement that stores a record, and how a record is bound to it
	 * (sort: the record's place in the library). */
	const char *sql;
	void (*bind)(sqlite3_stmt *s, const struct rec *r, int sort);
};

/* A tag and the whole words that call for it and its safety note (content_words.c). */
struct safety_words {
	const char *tag;
	const char *const *words;
};

/* Food, water and small objects; ends with a row whose tag is NULL. */
extern const struct safety_words safety_words[];

/* The first of words found in text as a whole word, ignoring ASCII case, or NULL. */
const char *words_find(const char *text, const char *const *words);

/* Every type in the order they are stored; ends with a row whose type is NULL. */
extern const struct content_type content_types[];

/* The row of a type name, or NULL. */
const struct content_type *content_type_find(const char *type);

/* The first value of key in r, or NULL. */
const char *rec_get(const struct rec *r, const char *key);

/* The line of the first key in r, or the header's line. */
int rec_line(const struct rec *r, const char *key);

/* Every value of key joined with newlines (a new heap string). */
char *rec_join(const struct rec *r, const char *key);

/* Free every record. */
void lib_free(struct lib *l);

/* Free the records from index n on. */
void lib_truncate(struct lib *l, int n);

/* Append every record of dir's .ini files, checking each (extra marks them). */
int lib_read_dir(const char *dir, int extra, struct lib *l, struct tdl_err *err);

/* The sorted .ini names of dir; free with lib_free_names. */
int lib_list_files(const char *dir, char ***out, int *n, struct tdl_err *err);

/* Free a list from lib_list_files. */
void lib_free_names(char **names, int n);

/* Check one record's keys and values by its type. */
int rules_check_rec(const struct rec *r, struct tdl_err *err);

/* Index of the record of a type and id (idlen bytes), or -1. */
int rules_find(const struct lib *l, const char *type, const char *id, size_t idlen);

/* Ids unique per type, and every reference resolves. */
int rules_cross_check(const struct lib *l, struct tdl_err *err);

/* A whole number in [min, max], or -1. */
int rules_num(const char *v, int min, int max);

/* "FROM-TO" within 0..max; 0 on success. */
int rules_range(const char *v, int max, int *from, int *to);

/* A decimal like 3.8 within [min, max]; 0 on success. */
int rules_decimal(const char *v, double min, double max, double *out);

/* How alike activities read (content_similar.c): each activity's stemmed
 * title words and title-steps-why words, weighted by their rarity. */
struct similar_term {
	uint64_t h; /* the stemmed word's hash */
	double w;   /* its count, then its weight */
};

struct similar_doc {
	struct similar_term *title, *body;
	size_t ntitle, nbody;
	double norm;
};

struct similar {
	struct similar_doc *d; /* indexed like the library's records; empty for non-activities */
	int n;
	struct similar_term *words; /* every word of the library and its rarity weight */
	size_t nwords;
};

/* The words and weights of every activity of l; 0 on success (free with similar_free). */
int similar_prepare(const struct lib *l, struct similar *s);

/* How alike records i and j read, 0..1 (title overlap and body cosine). */
double similar_score(const struct similar *s, int i, int j);

/* Free what similar_prepare made. */
void similar_free(struct similar *s);

#endif
