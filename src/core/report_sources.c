/* The report's last section: the guidelines behind the activities it names. */
#include <stdlib.h>
#include <string.h>
#include "report_parts.h"
#include "toddle/activity.h"
#include "toddle/db.h"

#define SOURCES_MAX 40 /* distinct sources listed; a program rarely names more than a few */

/* The sources of the activities in the child's home program (program) and
 * those logged in the period (logged), one row each. */
#define SOURCES_SQL "SELECT a.source FROM activity a WHERE a.source IS NOT NULL AND a.alias_of IS NULL" \
	" AND ((?4 AND a.id IN (SELECT " ACTIVITY_REAL_SQL("p.activity_id") " FROM program p" \
	" WHERE p.child_id = ?1 AND p.ended_at IS NULL))" \
	" OR (?5 AND a.id IN (SELECT " ACTIVITY_REAL_SQL("l.activity_id") " FROM activity_log l" \
	" WHERE l.child_id = ?1 AND l.day BETWEEN ?2 AND ?3 AND l.deleted_at IS NULL))) ORDER BY a.id"

/* Add each "; "-separated source of s to the n distinct ones kept in seen. */
static void sources_add(const char *s, char **seen, int *n)
{
	for (const char *p = s; p && *p;) {
		size_t len = strcspn(p, ";");
		int known = 0;

		while (len && p[len - 1] == ' ')
			len--;
		for (int i = 0; i < *n && !known; i++)
			known = strlen(seen[i]) == len && !strncmp(seen[i], p, len);
		if (len && !known && *n < SOURCES_MAX && (seen[*n] = strndup(p, len)))
			(*n)++;
		p += strcspn(p, ";");
		p += strspn(p, "; ");
	}
}

/* "Sources": each guideline behind the activities of the program and the log, once. */
int report_sources(struct rep *r)
{
	int program = report_has(r, REPORT_INCLUDE_PROGRAM), logged = report_has(r, REPORT_INCLUDE_ACTIVITIES);
	sqlite3_stmt *st;
	char *seen[SOURCES_MAX];
	int n = 0, rc;

	if (!program && !logged)
		return TDL_OK;
	if (!(st = db_prepare(r->db, SOURCES_SQL, r->err)))
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, r->c->id);
	db_bind_day(st, 2, r->from);
	db_bind_day(st, 3, r->today);
	sqlite3_bind_int(st, 4, program);
	sqlite3_bind_int(st, 5, logged);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		sources_add((const char *)sqlite3_column_text(st, 0), seen, &n);
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		for (int i = 0; i < n; i++)
			free(seen[i]);
		return db_fail(r->db, "cannot read the activities' sources", r->err);
	}
	if (n) {
		report_heading(r, 2, "Where the activities come from");
		report_para(r, "The activities above follow these guidelines and studies:");
		for (int i = 0; i < n; i++)
			report_itemf(r, "%s", seen[i]);
		report_list_end(r);
	}
	for (int i = 0; i < n; i++)
		free(seen[i]);
	return TDL_OK;
}
