/* Not answered yet: items of passed checklist ages with no record in force. */
#include <stdio.h>
#include <stdlib.h>
#include "toddle/catchup.h"
#include "toddle/db.h"

/* An item is answered when the child has a record of it in force (any
 * status), or of the WHO window of the same criterion (who_window.same_as):
 * corrected-away and removed entries do not count. The answered items are
 * gathered once (answered), so each item is a lookup, not a scan of the log. */
#define ANSWERED_CTE \
	"WITH answered(item) AS (SELECT l.milestone_id FROM milestone_live l WHERE l.child_id = ?1" \
	" UNION SELECT w.same_as FROM who_window w JOIN milestone_live l ON l.milestone_id = w.id" \
	" WHERE l.child_id = ?1 AND w.same_as IS NOT NULL) "
#define UNANSWERED(m) m " NOT IN (SELECT item FROM answered)"

/* The child's completed months for the passed-age rule (corrected where it applies). */
static int passed_months(const struct child *c, day_t today, int correct_until_months)
{
	struct child_age a;

	child_age(c, today, correct_until_months, &a);
	return a.use_months;
}

/* Fill the catchup_age elem from a row (a db_rows fill). */
static int age_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct catchup_age *a = elem;

	(void)ctx;
	a->age_months = sqlite3_column_int(st, 0);
	a->total = sqlite3_column_int(st, 1);
	a->unanswered = sqlite3_column_int(st, 2);
	return 0;
}

static const struct db_rows age_rows = { sizeof(struct catchup_age), age_from_row, NULL, "the checklists" };

/* Passed checklist ages with their unanswered and total items. */
int catchup_ages(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		 struct catchup_age **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db,
		ANSWERED_CTE "SELECT m.age_months, count(*), sum(" UNANSWERED("m.id") ") FROM milestone m"
		" WHERE m.age_months < ?2 GROUP BY m.age_months ORDER BY m.age_months", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, passed_months(c, today, correct_until_months));
	}
	rc = db_rows_read(db, st, &age_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Fill the catchup_item elem from a row (a db_rows fill). */
static int item_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct catchup_item *it = elem;

	(void)ctx;
	it->id = db_column_dup(st, 0);
	it->domain = db_column_dup(st, 1);
	it->text = db_column_dup(st, 2);
	it->age_months = sqlite3_column_int(st, 3);
	return !it->id || !it->domain || !it->text;
}

/* Free an item's strings (a db_rows drop). */
static void item_drop(void *elem)
{
	struct catchup_item *it = elem;

	free(it->id);
	free(it->domain);
	free(it->text);
}

static const struct db_rows item_rows = { sizeof(struct catchup_item), item_from_row, item_drop,
					  "the unanswered items" };

/* The unanswered items of the passed ages, oldest checklist first. */
int catchup_items(sqlite3 *db, const struct child *c, day_t today, int correct_until_months,
		  struct catchup_item **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare_cached(db,
		ANSWERED_CTE "SELECT m.id, m.domain, m.text, m.age_months FROM milestone m"
		" WHERE m.age_months < ?2 AND " UNANSWERED("m.id") " ORDER BY m.age_months, m.sort", err);
	void *rows;
	int rc;

	if (st) {
		sqlite3_bind_int64(st, 1, c->id);
		sqlite3_bind_int(st, 2, passed_months(c, today, correct_until_months));
	}
	rc = db_rows_read(db, st, &item_rows, NULL, &rows, n, err);
	*out = rows;
	return rc;
}

/* Free an array from catchup_items. */
void catchup_items_free(struct catchup_item *it, int n)
{
	for (int i = 0; i < n; i++)
		item_drop(&it[i]);
	free(it);
}

/* Unanswered and total items over the ages. */
void catchup_totals(const struct catchup_age *ages, int n, int *unanswered, int *total)
{
	int u = 0, t = 0;

	for (int i = 0; i < n; i++) {
		u += ages[i].unanswered;
		t += ages[i].total;
	}
	if (unanswered)
		*unanswered = u;
	if (total)
		*total = t;
}

/* The invitation line, or "" when nothing is unanswered. */
int catchup_line(const struct catchup_age *ages, int n, char *out, size_t outsz)
{
	int lists = 0, items = 0, only = -1;

	for (int i = 0; i < n; i++)
		if (ages[i].unanswered > 0) {
			lists++;
			items += ages[i].unanswered;
			only = i;
		}
	if (lists == 0)
		return snprintf(out, outsz, "%s", "");
	if (lists == 1)
		return snprintf(out, outsz, "Not answered yet: the %d-month checklist (%d item%s)",
				ages[only].age_months, items, items == 1 ? "" : "s");
	return snprintf(out, outsz, "Not answered yet: %d checklists (%d items)", lists, items);
}
