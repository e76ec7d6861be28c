/* Guidance topics and signs from the library. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/guide.h"

/* Every topic: guides first, then concerns. */
int guide_topics(sqlite3 *db, struct guide_topic **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db,
		"SELECT id, title, 'guide', discipline, body, source, 0, sort FROM guide"
		" UNION ALL SELECT id, title, 'concern', helps, about, '', 1, sort FROM concern"
		" ORDER BY 7, 8", err);
	struct guide_topic *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct guide_topic *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g);

		if (!g)
			break;
		arr = g;
		arr[cnt].id = db_column_dup(st, 0);
		arr[cnt].title = db_column_dup(st, 1);
		arr[cnt].kind = db_column_dup(st, 2);
		arr[cnt].discipline = db_column_dup(st, 3);
		arr[cnt].body = db_column_dup(st, 4);
		arr[cnt].source = db_column_dup(st, 5);
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		guide_topics_free(arr, cnt);
		return db_fail(db, "cannot read the guidance", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
}

/* The signs of one concern (NULL: all). */
int guide_signs(sqlite3 *db, const char *concern, struct guide_sign **out, int *n,
		struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, concern, text, source, age_months FROM sign"
				      " WHERE ?1 IS NULL OR concern = ?1 ORDER BY age_months, sort", err);
	struct guide_sign *arr = NULL;
	int cnt = 0, rc;

	*out = NULL;
	*n = 0;
	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, concern);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct guide_sign *g = realloc(arr, (size_t)(cnt + 1) * sizeof *g);

		if (!g)
			break;
		arr = g;
		arr[cnt].id = db_column_dup(st, 0);
		arr[cnt].concern = db_column_dup(st, 1);
		arr[cnt].text = db_column_dup(st, 2);
		arr[cnt].source = db_column_dup(st, 3);
		arr[cnt].age_months = sqlite3_column_int(st, 4);
		cnt++;
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		guide_signs_free(arr, cnt);
		return db_fail(db, "cannot read the guidance", err);
	}
	*out = arr;
	*n = cnt;
	return TDL_OK;
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
	for (int i = 0; i < n; i++) {
		free(t[i].id);
		free(t[i].title);
		free(t[i].kind);
		free(t[i].discipline);
		free(t[i].body);
		free(t[i].source);
	}
	free(t);
}

/* Free signs. */
void guide_signs_free(struct guide_sign *s, int n)
{
	for (int i = 0; i < n; i++) {
		free(s[i].id);
		free(s[i].concern);
		free(s[i].text);
		free(s[i].source);
	}
	free(s);
}
