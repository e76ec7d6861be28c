/* The texts of checklist items and WHO windows by id, read in one statement:
 * what an activity "builds toward", for the activity's detail. */
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/milestone.h"

/* Fill the name elem from a row (id, text) (a db_rows fill). */
static int name_from_row(sqlite3_stmt *st, void *elem, void *ctx)
{
	struct milestone_name *m = elem;

	(void)ctx;
	m->id = db_column_dup(st, 0);
	m->text = db_column_dup(st, 1);
	return !m->id || !m->text;
}

/* Free a name's strings (a db_rows drop). */
static void name_drop(void *elem)
{
	struct milestone_name *m = elem;

	free(m->id);
	free(m->text);
}

static const struct db_rows name_rows = {
	sizeof(struct milestone_name), name_from_row, name_drop, "the milestone texts"
};

/* The texts of the items named in ids (NULL: every item and WHO window). */
int milestone_names(sqlite3 *db, const char *ids, struct milestone_name **out, int *n,
		    struct tdl_err *err)
{
	sqlite3_stmt *st = db_prepare(db, "SELECT id, text FROM milestone WHERE ?1 IS NULL OR instr(?1, ' '||id||' ')"
				      " UNION ALL SELECT id, text FROM who_window"
				      " WHERE ?1 IS NULL OR instr(?1, ' '||id||' ')", err);
	char *list = NULL;
	void *rows;
	int rc;

	*out = NULL;
	*n = 0;
	if (st && ids) {
		size_t len = strlen(ids);

		list = malloc(len + 3);
		if (!list) {
			sqlite3_finalize(st);
			return err_set(err, TDL_EDATA, "out of memory while reading the milestone texts");
		}
		list[0] = ' ';
		for (size_t i = 0; i < len; i++)
			list[i + 1] = ids[i] == ',' ? ' ' : ids[i];
		list[len + 1] = ' ';
		list[len + 2] = '\0';
		db_bind_text(st, 1, list);
	}
	rc = db_rows_read(db, st, &name_rows, NULL, &rows, n, err);
	free(list);
	*out = rows;
	return rc;
}

/* The text of id among the names read, or NULL. */
const char *milestone_name_find(const struct milestone_name *m, int n, const char *id, size_t idlen)
{
	for (int i = 0; i < n; i++)
		if (strlen(m[i].id) == idlen && !strncmp(m[i].id, id, idlen))
			return m[i].text;
	return NULL;
}

/* Free what milestone_names read. */
void milestone_names_free(struct milestone_name *m, int n)
{
	for (int i = 0; i < n; i++)
		name_drop(&m[i]);
	free(m);
}
