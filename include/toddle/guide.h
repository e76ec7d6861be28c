/* Guidance: who helps with what, and when to talk to the doctor. */
#ifndef TODDLE_GUIDE_H
#define TODDLE_GUIDE_H

#include <stddef.h>
#include <sqlite3.h>
#include "toddle/err.h"

/* One topic: a professional's guide, or an area of concern with its signs. */
struct guide_topic {
	char *id, *title;
	char *kind;        /* "guide" or "concern" */
	char *discipline;  /* guide: pt|ot|speech|general; concern: who usually helps */
	char *body;        /* guide: paragraphs, one a line; concern: about */
	char *source;      /* guide only */
};

/* One sign worth raising with the doctor. */
struct guide_sign {
	char *id, *concern, *text, *source;
	int age_months;
};

/* Every topic: guides first, then concerns, in library order. */
int guide_topics(sqlite3 *db, struct guide_topic **out, int *n, struct tdl_err *err);

/* The signs of one concern (NULL: all), by age. */
int guide_signs(sqlite3 *db, const char *concern, struct guide_sign **out, int *n,
		struct tdl_err *err);

/* Who a discipline is, with its article: "a physical therapist", ..., "your child's doctor". */
const char *guide_discipline_name(const char *d);

/* One sentence on who usually helps with an area, e.g. "Usually helps: a physical therapist, ...". */
void guide_helps_line(const char *d, char *out, size_t outsz);

/* Free topics and signs. */
void guide_topics_free(struct guide_topic *t, int n);
void guide_signs_free(struct guide_sign *s, int n);

#endif
