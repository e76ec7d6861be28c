/* Guidance topics and signs from the library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/guide.h"

/* Fill the topic elem from the current row (a db_rows fill). */
static int topic_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct guide_topic *t = elem;

	(void)ctx;
	t->id = db_column_dup(st, 0);
	t->title = db_column_dup(st, 1);
	t->kind = db_column_dup(st, 2);
	t->discipline = db_column_dup(st, 3);
	t->body = db_column_dup(st, 4);
	t->source = db_column_dup(st, 5);
	return 0;
}

/* Free a topic's strings (a db_rows drop). */
static void topic_drop(void *elem)
{
	struct guide_topic *t = elem;

	free(t->id);
	free(t->title);
	free(t->kind);
	free(t->discipline);
	free(t->body);
	free(t->source);
}

static const struct db_rows topic_rows = { sizeof(struct guide_topic), topic_from_row, topic_drop, "the guidance" };

/* Every topic: guides first, then concerns. */
int guide_topics(sqlite3 *db, struct guide_topic **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, title, 'guide', discipline, body, source, 0, sort FROM guide"
		" UNION ALL SELECT id, title, 'concern', helps, about, '', 1, sort FROM concern"
		" ORDER BY 7, 8", err);
	void *rows;
	int rc = db_rows_read(db, st, &topic_rows, NULL, &rows, n, err);

	*out = rows;
	return rc;
}

/* Fill the sign elem from the current row (a db_rows fill). */
static int sign_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct guide_sign *s = elem;

	(void)ctx;
	s->id = db_column_dup(st, 0);
	s->concern = db_column_dup(st, 1);
	s->text = db_column_dup(st, 2);
	s->source = db_column_dup(st, 3);
	s->age_months = sqlite3_column_int(st, 4);
	return 0;
}

/* Free a sign's strings (a db_rows drop). */
static void sign_drop(void *elem)
{
	struct guide_sign *s = elem;

	free(s->id);
	free(s->concern);
	free(s->text);
	free(s->source);
}

static const struct db_rows sign_rows = { sizeof(struct guide_sign), sign_from_row, sign_drop, "the guidance" };

/* The signs of one concern (NULL: all). */
int guide_signs(sqlite3 *db, const char *concern, struct guide_sign **out, int *n,
		struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, concern, text, source, age_months FROM sign"
				      " WHERE ?1 IS NULL OR concern = ?1 ORDER BY age_months, sort", err);
	void *rows;
	int rc;

	if (st)
		db_bind_text(st, 1, concern);
	rc = db_rows_read(db, st, &sign_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* The word for a discipline. */
const char *guide_discipline_name(const char *d)
{
	if (!strcmp(d, "pt"))
		return "a physical therapist";
	if (!strcmp(d, "ot"))
		return "an occupational therapist";
	if (!strcmp(d, "speech"))
		return "a speech therapist";
	return "your child's doctor";
}

/* One sentence on who usually helps with an area. */
void guide_helps_line(const char *d, char *out, size_t outsz)
{
	if (!strcmp(d, "pt") || !strcmp(d, "ot") || !strcmp(d, "speech"))
		snprintf(out, outsz, "Who usually helps: %s, after a talk with your child's doctor.",
			 guide_discipline_name(d));
	else
		snprintf(out, outsz, "Who helps: start with your child's doctor.");
}

/* Free topics. */
void guide_topics_free(struct guide_topic *t, int n)
{
	for (int i = 0; i < n; i++)
		topic_drop(&t[i]);
	free(t);
}

/* Free signs. */
void guide_signs_free(struct guide_sign *s, int n)
{
	for (int i = 0; i < n; i++)
		sign_drop(&s[i]);
	free(s);
}
