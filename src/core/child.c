/* Children: adding, finding, editing, and ages. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/child.h"
#include "toddle/db.h"
#include "toddle/text.h"

/* Check name and dates for a new or edited child. */
int child_validate(const char *name, day_t born, int has_due, day_t due, day_t today,
		   struct tdl_err *err)
{
	return child_validate_edit(NULL, name, born, has_due, due, today, err);
}

/* The earliest birth date accepted on day today. */
day_t child_born_min(day_t today)
{
	return date_add_months(today, -12 * CHILD_MAX_YEARS);
}

/* Refuse a birth date more than CHILD_MAX_YEARS before today. */
static int child_check_born_min(day_t born, day_t today, struct tdl_err *err)
{
	char b[11], min[11];

	if (born >= child_born_min(today))
		return TDL_OK;
	date_format(born, b);
	date_format(child_born_min(today), min);
	return err_set(err, TDL_EINPUT, "birth date %s is more than %d years ago: toddle follows children to 5 "
		       "years, so the earliest birth date it takes is %s; check the year", b, CHILD_MAX_YEARS, min);
}

/* The last day toddle follows child c. */
day_t child_day_max(const struct child *c)
{
	return date_add_months(c->born, 12 * CHILD_MAX_YEARS);
}

/* Refuse a day before c's birth, in the words every dated entry uses. */
int child_check_born(const struct child *c, day_t day, const char *what, struct tdl_err *err)
{
	char d[11], b[11];

	if (day >= c->born)
		return TDL_OK;
	date_format(day, d);
	date_format(c->born, b);
	return err_set(err, TDL_EINPUT, "%s %s is before %.100s's birth date %s: check the date", what, d, c->name, b);
}

/* Refuse a day for c's age outside the birth .. CHILD_MAX_YEARS after it. */
int child_check_day(const struct child *c, day_t day, const char *what, struct tdl_err *err)
{
	char d[11], b[11], last[11];
	int rc = child_check_born(c, day, what, err);

	if (rc || day <= child_day_max(c))
		return rc;
	date_format(day, d);
	date_format(c->born, b);
	date_format(child_day_max(c), last);
	return err_set(err, TDL_EINPUT, "%s %s is more than %d years after %.100s's birth date %s: toddle follows "
		       "children until %s; check the year", what, d, CHILD_MAX_YEARS, c->name, b, last);
}

/* Check name and dates for a new child or an edit of `was`. */
int child_validate_edit(const struct child *was, const char *name, day_t born, int has_due, day_t due,
			day_t today, struct tdl_err *err)
{
	char b[11], d[11];
	int chars = 0, rc;

	for (const char *p = name ? name : ""; *p; p++)
		chars += ((unsigned char)*p & 0xC0) != 0x80;
	if (chars > CHILD_NAME_CHARS)
		return err_set(err, TDL_EINPUT, "the child's name is too long (%d characters): at most %d",
			       chars, CHILD_NAME_CHARS);
	rc = text_check(name, "the child's name", CHILD_NAME_MAX, 1, err);
	if (rc)
		return rc;
	date_format(born, b);
	if (born > today)
		return err_set(err, TDL_EINPUT,
			       "birth date %s is in the future: use the day the baby was born", b);
	if ((!was || was->born != born) && (rc = child_check_born_min(born, today, err)))
		return rc;
	if (!has_due)
		return TDL_OK;
	date_format(due, d);
	if (due - born > CHILD_DUE_MAX_DAYS)
		return err_set(err, TDL_EINPUT,
			       "due date %s is more than 20 weeks after the birth date %s: check both dates",
			       d, b);
	if (due - born < CHILD_DUE_MIN_DAYS)
		return err_set(err, TDL_EINPUT,
			       "due date %s is more than 4 weeks before the birth date %s: check both dates",
			       d, b);
	return TDL_OK;
}

/* Fill the child elem from a row of "id, uuid, name, born, due, version" (a db_rows fill). */
static int child_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	(void)ctx;
	child_read_row(st, elem);
	return 0;
}

/* Copy column i of the current row into out (outsz bytes, cut to fit, "" for
 * NULL): a child list reads thousands of rows, and snprintf took a tenth of it. */
static void column_copy(sqlite3_stmt *st, int i, char *out, size_t outsz)
{
	const unsigned char *v = sqlite3_column_text(st, i);
	size_t len = v ? (size_t)sqlite3_column_bytes(st, i) : 0;

	if (len >= outsz)
		len = outsz - 1;
	if (len)
		memcpy(out, v, len);
	out[len] = '\0';
}

/* Fill c from columns 0-5 of st: id, uuid, name, born, due, version. */
void child_read_row(sqlite3_stmt *st, struct child *c)
{
	memset(c, 0, sizeof *c);
	c->id = sqlite3_column_int64(st, 0);
	column_copy(st, 1, c->uuid, sizeof c->uuid);
	column_copy(st, 2, c->name, sizeof c->name);
	c->born = db_column_day(st, 3);
	c->has_due = db_column_day_opt(st, 4, &c->due);
	c->version = sqlite3_column_int(st, 5);
}

#define CHILD_COLS "id, uuid, name, born, due, version"

/* Add a child. */
int child_add(sqlite3 *db, const char *name, day_t born, int has_due, day_t due, day_t today,
	      struct child *out, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char uuid[37], now[21];
	int rc = child_validate(name, born, has_due, due, today, err);

	if (rc)
		return rc;
	db_uuid(uuid);
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	st = db_prepare(db,
			"INSERT INTO child(id, uuid, name, born, due, created_at, created_by, updated_at, updated_by)"
			" VALUES(max(COALESCE((SELECT max(id) FROM child), 0),"
			"   COALESCE((SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'child_seq'), 0)) + 1,"
			"   ?1, ?2, ?3, ?4, ?5, ?6, ?5, ?6) RETURNING " CHILD_COLS, err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, uuid);
	db_bind_text(st, 2, name);
	db_bind_day(st, 3, born);
	db_bind_day_opt(st, 4, has_due, due);
	db_bind_text(st, 5, now);
	db_bind_text(st, 6, db_user());
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		if (out)
			child_from_row(st, out, NULL);
		rc = TDL_OK;
	} else if (rc == SQLITE_CONSTRAINT_UNIQUE || sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE) {
		rc = err_set(err, TDL_EINPUT, "there is already a child called %s: use another name", name);
	} else {
		rc = db_fail(db, "cannot save the child", err);
	}
	sqlite3_finalize(st);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	return db_commit(db, err);
}

/* Inside a write transaction: the child is still there, or who removed them and when. */
int child_check_present(sqlite3 *db, const struct child *c, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT (SELECT count(*) FROM child WHERE id = ?1),"
				      " (SELECT who || char(9) || at FROM audit WHERE child_id = ?1"
				      "  AND action = 'child deleted' ORDER BY id DESC LIMIT 1)", err);
	char who[80] = "someone", when[24] = "an unknown time";
	int rc;

	if (!st)
		return TDL_EDATA;
	if (c->id <= 0) {
		sqlite3_finalize(st);
		return err_set(err, TDL_EINPUT, "no child is chosen: add or pick a child first");
	}
	sqlite3_bind_int64(st, 1, c->id);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		rc = db_fail(db, "cannot read the children", err);
	} else if (sqlite3_column_int(st, 0) > 0) {
		rc = TDL_OK;
	} else {
		const char *gone = (const char *)sqlite3_column_text(st, 1), *tab = gone ? strchr(gone, '\t') : NULL;

		if (tab) {
			snprintf(who, sizeof who, "%.*s", (int)(tab - gone), gone);
			db_when(tab + 1, when);
		}
		rc = err_set(err, TDL_EINPUT, "%s was removed by %s at %s; nothing was saved", c->name, who, when);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Begin a write about child c, check the child is still there, and prepare sql. */
int child_write_begin(sqlite3 *db, const struct child *c, const char *sql, sqlite3_stmt **st,
		      struct tdl_err *err)
{
	int rc;

	*st = NULL;
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = child_check_present(db, c, err);
	if (!rc) {
		*st = db_prepare(db, sql, err);
		rc = *st ? TDL_OK : TDL_EDATA;
	}
	if (rc)
		db_rollback(db);
	return rc;
}

/* Inside the edit's transaction: refuse when c is gone or was changed since it
 * was read; *same is 1 when the stored child already equals c. */
static int child_compare(sqlite3 *db, const struct child *c, int *same, day_t today, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char when[24];
	int rc = child_check_present(db, c, err);

	*same = 0;
	if (rc)
		return rc;
	st = db_prepare(db, "SELECT version, updated_by, updated_at, name = ?2 AND born = ?3 AND due IS ?4,"
			" born = ?3 FROM child WHERE id = ?1", err);
	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, c->id);
	db_bind_text(st, 2, c->name);
	db_bind_day(st, 3, c->born);
	db_bind_day_opt(st, 4, c->has_due, c->due);
	if (sqlite3_step(st) != SQLITE_ROW) {
		rc = db_fail(db, "cannot read the child", err);
	} else if (sqlite3_column_int(st, 0) != c->version) {
		db_when((const char *)sqlite3_column_text(st, 2), when);
		rc = err_set(err, TDL_EINPUT, "%s was changed meanwhile by %s at %s (version %d): nothing was "
			     "saved; open the child again to see the change", c->name,
			     (const char *)sqlite3_column_text(st, 1), when, sqlite3_column_int(st, 0));
	} else if (!sqlite3_column_int(st, 4)) {
		rc = child_check_born_min(c->born, today, err); /* a new birth date */
	} else {
		*same = sqlite3_column_int(st, 3);
	}
	sqlite3_finalize(st);
	return rc;
}

/* Save edits to c if nobody changed it since it was read. */
int child_update(sqlite3 *db, struct child *c, day_t today, int *changed, struct tdl_err *err)
{
	sqlite3_stmt *st;
	char now[21];
	int same, rc = child_validate_edit(c, c->name, c->born, c->has_due, c->due, today, err);

	if (changed)
		*changed = 0;
	if (rc)
		return rc;
	db_now(now);
	if (db_begin(db, err))
		return TDL_EDATA;
	rc = child_compare(db, c, &same, today, err); /* holds a changed birth date to the limit */
	if (rc || same) {
		db_rollback(db);
		return rc;
	}
	st = db_prepare(db,
			"UPDATE child SET name=?1, born=?2, due=?3, version=version+1, updated_at=?4,"
			" updated_by=?5 WHERE id=?6 AND version=?7", err);
	if (!st) {
		db_rollback(db);
		return TDL_EDATA;
	}
	db_bind_text(st, 1, c->name);
	db_bind_day(st, 2, c->born);
	db_bind_day_opt(st, 3, c->has_due, c->due);
	db_bind_text(st, 4, now);
	db_bind_text(st, 5, db_user());
	sqlite3_bind_int64(st, 6, c->id);
	sqlite3_bind_int(st, 7, c->version);
	rc = sqlite3_step(st);
	if (rc == SQLITE_DONE)
		rc = TDL_OK;
	else if (sqlite3_extended_errcode(db) == SQLITE_CONSTRAINT_UNIQUE)
		rc = err_set(err, TDL_EINPUT, "there is already a child called %s: use another name",
			     c->name);
	else
		rc = db_fail(db, "cannot save the child", err);
	sqlite3_finalize(st);
	if (rc) {
		db_rollback(db);
		return rc;
	}
	rc = db_commit(db, err);
	if (!rc) {
		c->version++;
		if (changed)
			*changed = 1;
	}
	return rc;
}

static const struct db_rows child_rows = { sizeof(struct child), child_from_row, NULL, "the children" };

/* All children, by name. */
int child_list(sqlite3 *db, struct child **out, int *n, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CHILD_COLS " FROM child ORDER BY name COLLATE NOCASE, id", err);
	void *rows;
	int rc = db_rows_read(db, st, &child_rows, NULL, &rows, n, err);

	*out = rows;
	return rc;
}

/* Where child_index_read is in its rows (the ctx of its db_rows fill). */
struct index_walk {
	struct child_index *ix;
	int at;
};

/* Keep the id of a row of "id, name, is the child sought", and the name when
 * the row is in the window (a db_rows fill). */
static int index_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct index_walk *w = ctx;
	int k = w->at - w->ix->first;

	*(long long *)elem = sqlite3_column_int64(st, 0);
	if (sqlite3_column_int(st, 2))
		w->ix->found = w->at;
	w->at++;
	if (k < 0 || k >= w->ix->count)
		return 0;
	w->ix->names[k] = db_column_dup(st, 1);
	return w->ix->names[k] == NULL;
}

static const struct db_rows index_rows = { sizeof(long long), index_from_row, NULL, "the children" };

/* Every child's id by name, a window of their names, and where one stands. */
int child_index_read(sqlite3 *db, struct child_index *ix, struct tdl_err *err)
{
	/* the unique index on name (NOCASE) holds id and name: no sort, no row read */
	sqlite3_stmt *st = db_prepare(db, "SELECT id, name, id = (SELECT id FROM child WHERE uuid = ?1)"
				      " FROM child ORDER BY name COLLATE NOCASE, id", err);
	struct index_walk w = { ix, 0 };
	void *rows = NULL;
	int rc;

	ix->found = -1;
	for (int i = 0; i < ix->count; i++)
		ix->names[i] = NULL;
	if (st)
		db_bind_text(st, 1, ix->uuid);
	rc = db_rows_read(db, st, &index_rows, &w, &rows, &ix->n, err);
	ix->ids = rows;
	if (rc) {
		for (int i = 0; i < ix->count; i++) {
			free(ix->names[i]);
			ix->names[i] = NULL;
		}
		ix->found = -1;
	}
	return rc;
}

/* The names of count children by id, in one statement. */
int child_names(sqlite3 *db, const long long *ids, int count, char **names, struct tdl_err *err)
{
	char sql[64 + 2 * CHILD_NAMES_MAX];
	size_t len;
	sqlite3_stmt *st;
	int rc;

	if (count > CHILD_NAMES_MAX)
		return err_set(err, TDL_EINPUT, "too many names asked for at once (%d)", count);
	for (int i = 0; i < count; i++)
		names[i] = NULL;
	if (count <= 0)
		return TDL_OK;
	/* one placeholder per id: the ids are bound, never written into the SQL */
	len = (size_t)snprintf(sql, sizeof sql, "SELECT id, name FROM child WHERE id IN (?");
	for (int i = 1; i < count; i++)
		len += (size_t)snprintf(sql + len, sizeof sql - len, ",?");
	snprintf(sql + len, sizeof sql - len, ")");
	st = db_prepare(db, sql, err);
	if (!st)
		return TDL_EDATA;
	for (int i = 0; i < count; i++)
		sqlite3_bind_int64(st, i + 1, ids[i]);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		long long id = sqlite3_column_int64(st, 0);

		for (int i = 0; i < count; i++)
			if (ids[i] == id && !names[i] && !(names[i] = db_column_dup(st, 1)))
				rc = SQLITE_NOMEM;
		if (rc == SQLITE_NOMEM)
			break;
	}
	sqlite3_finalize(st);
	if (rc == SQLITE_DONE)
		return TDL_OK;
	for (int i = 0; i < count; i++) {
		free(names[i]);
		names[i] = NULL;
	}
	if (rc == SQLITE_NOMEM)
		return err_set(err, TDL_EDATA, "out of memory reading the children's names");
	return db_fail(db, "cannot read the children's names", err);
}

/* The child of that id, whole. */
int child_get(sqlite3 *db, long long id, struct child *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT " CHILD_COLS " FROM child WHERE id = ?1", err);
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		child_from_row(st, out, NULL);
	sqlite3_finalize(st);
	if (rc == SQLITE_ROW)
		return TDL_OK;
	if (rc == SQLITE_DONE)
		return err_set(err, TDL_EINPUT, "that child is no longer here (removed by someone else?)");
	return db_fail(db, "cannot read the child", err);
}

/* Find by exact id or name; with name NULL, the only child. */
int child_find(sqlite3 *db, const char *name, struct child *out, struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, name ? "SELECT " CHILD_COLS " FROM child WHERE id = ?2"
				      " OR name = ?1 COLLATE NOCASE ORDER BY name COLLATE NOCASE, id LIMIT 1"
				      : "SELECT " CHILD_COLS ", (SELECT count(*) FROM child) FROM child LIMIT 1", err);
	char *end = NULL;
	long long id = name ? strtoll(name, &end, 10) : 0;
	char again[24];
	int rc, n = 0;

	if (!st)
		return TDL_EDATA;
	db_bind_text(st, 1, name);
	snprintf(again, sizeof again, "%lld", id);
	if (name && *name && !*end && !strcmp(again, name))
		sqlite3_bind_int64(st, 2, id); /* the id as 'toddle child list' prints it */
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		child_read_row(st, out);
		n = name ? 1 : sqlite3_column_int(st, 6);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, "cannot read the children", err);
	if (n == 1)
		return TDL_OK;
	if (name)
		return err_set(err, TDL_EINPUT, "no child called '%.100s': see 'toddle child list'", name);
	if (n == 0)
		return err_set(err, TDL_EINPUT, "no children yet: add one with 'toddle child add NAME --born YYYY-MM-DD'");
	return err_set(err, TDL_EINPUT, "there are %d children: say which with --child NAME (see 'toddle child list')", n);
}

/* Due date from a gestational age at birth ("32" or "32+4"). */
int child_due_from_ga(const char *ga, day_t born, day_t *due, struct tdl_err *err)
{
	int w = 0, d = 0, pos = 0;

	if (!ga || ga[0] < '0' || ga[0] > '9' || sscanf(ga, "%2d%n", &w, &pos) != 1)
		goto bad;
	if (ga[pos] == '+') {
		int more = 0;

		if (ga[pos + 1] < '0' || ga[pos + 1] > '9' || sscanf(ga + pos + 1, "%1d%n", &d, &more) != 1)
			goto bad;
		pos += 1 + more;
	}
	if (ga[pos] || w < 22 || w > 44 || d < 0 || d > 6)
		goto bad;
	*due = born + (280 - (w * 7 + d));
	return TDL_OK;
bad:
	return err_set(err, TDL_EINPUT,
		       "gestational age '%.20s' is not weeks (22-44) or weeks+days, like 32 or 32+4",
		       ga ? ga : "");
}

/* Due date from a date or a gestational age at birth. */
int child_due_parse(const char *text, day_t born, day_t *due, const char *what, struct tdl_err *err)
{
	struct tdl_err ga_err;

	if (text && strchr(text, '-') && date_parse(text, due) == 0)
		return TDL_OK;
	if (text && !strchr(text, '-') && child_due_from_ga(text, born, due, &ga_err) == TDL_OK)
		return TDL_OK;
	return err_set(err, TDL_EINPUT, "%s: '%.20s' is neither a date (YYYY-MM-DD) nor weeks of pregnancy at "
		       "birth (22-44, like 32 or 32+4)", what, text ? text : "");
}

/* Floor division for possibly negative day counts. */
static int floor_div(int a, int b)
{
	return a >= 0 ? a / b : -((-a + b - 1) / b);
}

/* Compute the age on day `on`, with corrected age where it applies. */
void child_age(const struct child *c, day_t on, int correct_until_months, struct child_age *a)
{
	memset(a, 0, sizeof *a);
	a->days = on - c->born;
	a->weeks = floor_div(a->days, 7);
	a->months = date_months_between(c->born, on);
	a->tenths = date_month_tenths(c->born, on);
	if (c->has_due) {
		int ga = 280 - (c->due - c->born);

		a->ga_weeks = ga / 7;
		a->ga_days = ga % 7;
		if (a->ga_weeks < PRETERM_WEEKS && a->months < correct_until_months) {
			int shift = (40 - a->ga_weeks) * 7;

			a->corrected = 1;
			a->cdays = a->days - shift;
			a->cweeks = floor_div(a->cdays, 7);
			a->cmonths = date_months_between(c->born + shift, on);
			a->ctenths = date_month_tenths(c->born + shift, on);
		}
	}
	a->use_days = a->corrected ? a->cdays : a->days;
	a->use_weeks = a->corrected ? a->cweeks : a->weeks;
	a->use_months = a->corrected ? a->cmonths : a->months;
	a->use_tenths = a->corrected ? a->ctenths : a->tenths;
}

/* Describe an age in words. */
void child_age_words(int days, int months, char *out, size_t outsz)
{
	const char *s;

	if (days < 0) {
		int w = (-days) / 7, d = (-days) % 7;

		if (w && d)
			snprintf(out, outsz, "%d week%s %d day%s before the due date", w,
				 w == 1 ? "" : "s", d, d == 1 ? "" : "s");
		else if (w)
			snprintf(out, outsz, "%d week%s before the due date", w, w == 1 ? "" : "s");
		else
			snprintf(out, outsz, "%d day%s before the due date", d, d == 1 ? "" : "s");
		return;
	}
	if (days < 14) {
		snprintf(out, outsz, "%d day%s", days, days == 1 ? "" : "s");
	} else if (days < 16 * 7) {
		int d = days % 7;

		if (d)
			snprintf(out, outsz, "%d weeks %d day%s", days / 7, d, d == 1 ? "" : "s");
		else
			snprintf(out, outsz, "%d weeks", days / 7);
	} else if (months < 24) {
		snprintf(out, outsz, "%d months (%d weeks)", months, days / 7);
	} else {
		int y = months / 12, m = months % 12;

		s = m == 1 ? "" : "s";
		if (m)
			snprintf(out, outsz, "%d years %d month%s", y, m, s);
		else
			snprintf(out, outsz, "%d years", y);
	}
}

/* The library week (0..104) that fits this age. */
int child_week(const struct child_age *a)
{
	if (a->use_days < 0)
		return 0;
	return a->use_weeks > 104 ? 104 : a->use_weeks;
}
