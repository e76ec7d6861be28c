/* The stored flag counts (table flag_count, schema 13): each child's number
 * of flags, kept for the days it holds so the caseload does not count every
 * child's flags each time it opens. Triggers drop a count on every write that
 * can change it; this file stores the counts the caseload had to work out. */
#include <stdio.h>
#include "toddle/db.h"
#include "toddle/progress.h"

/* Rows one INSERT stores. */
#define STORE_RUN 50

/* Store counts[i] of child ids[i], counted on day today, holding until
 * untils[i], for i in from..to: one statement. */
static int store_run(sqlite3 *db, const long long *ids, const int *counts, const day_t *untils, int from, int to,
		     day_t today, int correct_until_months)
{
	char sql[96 + STORE_RUN * 48];
	size_t len;
	sqlite3_stmt *st = NULL;
	int rc;

	len = (size_t)snprintf(sql, sizeof sql, "INSERT OR REPLACE INTO flag_count(child_id, flags, since, until,"
			       " correct_until) VALUES");
	for (int i = 0; i <= to - from; i++)
		len += (size_t)snprintf(sql + len, sizeof sql - len, "%s(?%d, ?%d, ?1, ?%d, ?2)", i ? "," : "",
					3 + 3 * i, 4 + 3 * i, 5 + 3 * i);
	if (sqlite3_prepare_v2(db, sql, (int)len, &st, NULL) != SQLITE_OK) {
		sqlite3_finalize(st);
		return -1;
	}
	db_bind_day(st, 1, today);
	sqlite3_bind_int(st, 2, correct_until_months);
	for (int i = 0; i <= to - from; i++) {
		sqlite3_bind_int64(st, 3 + 3 * i, ids[from + i]);
		sqlite3_bind_int(st, 4 + 3 * i, counts[from + i]);
		db_bind_day(st, 5 + 3 * i, untils[from + i]);
	}
	rc = sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
	sqlite3_finalize(st);
	return rc;
}

/* Keep the flag counts of children ids[0..n), counted on day today with
 * correct_until_months, each holding until untils[i] (exclusive), if that can
 * be done at once: a busy or read-only database keeps nothing and nobody
 * waits (the counts are shown anyway, and counted again next time). Call it
 * in the read transaction the counts were worked out in: a count read from
 * an older snapshot than the database now holds is never kept. 0 when kept. */
int flag_count_store(sqlite3 *db, const long long *ids, const int *counts, const day_t *untils, int n,
		     day_t today, int correct_until_months)
{
	int rc = 0;

	if (n <= 0)
		return 0;
	if (db_write_soon(db))
		return -1;
	for (int i = 0; !rc && i < n; i += STORE_RUN)
		rc = store_run(db, ids, counts, untils, i, i + STORE_RUN < n ? i + STORE_RUN - 1 : n - 1, today,
			       correct_until_months);
	db_write_soon_end(db, !rc);
	return rc;
}
