/* The kinds of rows a portable record holds and how each column is written
 * and checked (record_rows.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "record_rows.h"
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/date.h"
#include "toddle/goal.h"
#include "toddle/milestone.h"
#include "toddle/note.h"
#include "toddle/text.h"

#define VERSION_MAX 1000000000LL
#define WHO_MAX 64
#define UUID_COL { "uuid", RT_UUID, 1, 0, 0, NULL }
#define VERSION_COL { "version", RT_INT, 1, 1, VERSION_MAX, NULL }
#define MADE_COLS { "created_at", RT_STAMP, 1, 0, 0, NULL }, { "created_by", RT_WHO, 1, 0, WHO_MAX, NULL }
#define CHANGED_COLS(req) { "updated_at", RT_STAMP, req, 0, 0, NULL }, { "updated_by", RT_WHO, req, 0, WHO_MAX, NULL }
#define REMOVED_COLS { "deleted_at", RT_STAMP, 0, 0, 0, NULL }, { "deleted_by", RT_WHO, 0, 0, WHO_MAX, NULL }
#define LIB_ACTIVITY "SELECT 1 FROM activity WHERE id = ?1"
#define N(cols) (int)(sizeof cols / sizeof cols[0])

static const struct rec_col child_cols[] = {
	UUID_COL,
	{ "name", RT_NAME, 1, 0, CHILD_NAME_MAX, NULL },
	{ "born", RT_DATE, 1, 0, 0, NULL },
	{ "due", RT_DATE, 0, 0, 0, NULL },
	VERSION_COL, MADE_COLS, CHANGED_COLS(1),
};
static const struct rec_col milestone_cols[] = {
	UUID_COL,
	{ "milestone_id", RT_LIB, 1, 0, 0,
	  "SELECT 1 FROM milestone WHERE id = ?1 UNION ALL SELECT 1 FROM who_window WHERE id = ?1" },
	{ "status", RT_ENUM, 1, 0, 0, "achieved|emerging|not-yet" },
	{ "observed", RT_DATE, 0, 0, 0, NULL },
	{ "note", RT_TEXT, 0, 0, MILESTONE_NOTE_MAX, NULL },
	{ "corrects", RT_REF, 0, 0, 0, NULL },
	{ "removed", RT_BOOL, 1, 0, 0, NULL },
	MADE_COLS,
};
static const struct rec_col activity_cols[] = {
	UUID_COL,
	{ "activity_id", RT_LIB, 1, 0, 0, LIB_ACTIVITY },
	{ "day", RT_DATE, 1, 0, 0, NULL },
	{ "result", RT_ENUM, 1, 0, 0, "done|hard|skipped" },
	{ "minutes", RT_INT, 0, 0, 600, NULL },
	{ "note", RT_TEXT, 0, 0, ACTIVITY_NOTE_MAX, NULL },
	VERSION_COL, MADE_COLS, CHANGED_COLS(0), REMOVED_COLS,
};
static const struct rec_col appointment_cols[] = {
	UUID_COL,
	{ "day", RT_DATE, 1, 0, 0, NULL },
	{ "time", RT_CLOCK, 1, 0, 0, NULL },
	{ "minutes", RT_INT, 1, 1, 24 * 60, NULL },
	{ "title", RT_TEXT, 1, 0, APPOINTMENT_TEXT_MAX, NULL },
	{ "place", RT_TEXT, 0, 0, APPOINTMENT_TEXT_MAX, NULL },
	{ "with_whom", RT_TEXT, 0, 0, APPOINTMENT_TEXT_MAX, NULL },
	VERSION_COL, MADE_COLS, CHANGED_COLS(1), REMOVED_COLS,
};
static const struct rec_col class_cols[] = {
	UUID_COL,
	{ "class_id", RT_LIB, 1, 0, 0, "SELECT 1 FROM class WHERE id = ?1" },
	{ "day", RT_DATE, 1, 0, 0, NULL },
	{ "unwatched", RT_BOOL, 1, 0, 0, NULL },
	MADE_COLS,
};
static const struct rec_col goal_cols[] = {
	UUID_COL,
	{ "text", RT_TEXT, 1, 0, GOAL_TEXT_MAX, NULL },
	{ "target", RT_DATE, 0, 0, 0, NULL },
	{ "status", RT_ENUM, 1, 0, 0, "open|met|partly-met|not-met|dropped" },
	VERSION_COL, MADE_COLS, CHANGED_COLS(1),
};
static const struct rec_col program_cols[] = {
	UUID_COL,
	{ "activity_id", RT_LIB, 1, 0, 0, LIB_ACTIVITY },
	{ "times", RT_INT, 1, 1, 20, NULL },
	{ "per", RT_ENUM, 1, 0, 0, "day|week" },
	{ "start", RT_DATE, 1, 0, 0, NULL },
	{ "stop", RT_DATE, 0, 0, 0, NULL },
	VERSION_COL, MADE_COLS,
	{ "ended_at", RT_STAMP, 0, 0, 0, NULL }, { "ended_by", RT_WHO, 0, 0, WHO_MAX, NULL },
};
static const struct rec_col note_cols[] = {
	UUID_COL,
	{ "note_uuid", RT_UUID, 1, 0, 0, NULL },
	VERSION_COL,
	{ "day", RT_DATE, 1, 0, 0, NULL },
	{ "minutes", RT_INT, 1, NOTE_MINUTES_MIN, NOTE_MINUTES_MAX, NULL },
	{ "discipline", RT_ENUM, 0, 0, 0, "pt|ot|speech" },
	{ "subjective", RT_TEXT, 1, 0, NOTE_FIELD_MAX, NULL },
	{ "objective", RT_TEXT, 1, 0, NOTE_FIELD_MAX, NULL },
	{ "assessment", RT_TEXT, 1, 0, NOTE_FIELD_MAX, NULL },
	{ "plan", RT_TEXT, 1, 0, NOTE_FIELD_MAX, NULL },
	MADE_COLS,
};

static const struct rec_kind kinds[RK_COUNT] = {
	{ "child", "child", "child", "children", 1, "name", child_cols, N(child_cols) },
	{ "milestones", "milestone_log", "milestone entry", "milestone entries", 0, "milestone_id observed",
	  milestone_cols, N(milestone_cols) },
	{ "activities", "activity_log", "activity entry", "activity entries", 1, "activity_id day",
	  activity_cols, N(activity_cols) },
	{ "appointments", "appointment", "appointment", "appointments", 1, "day time title",
	  appointment_cols, N(appointment_cols) },
	{ "classes", "class_log", "class entry", "class entries", 0, "class_id day", class_cols, N(class_cols) },
	{ "goals", "goal", "goal", "goals", 1, "text", goal_cols, N(goal_cols) },
	{ "program", "program", "home program row", "home program rows", 1, "activity_id start",
	  program_cols, N(program_cols) },
	{ "notes", "session_note", "session note version", "session note versions", 0, "day version",
	  note_cols, N(note_cols) },
};

/* The description of kind k. */
const struct rec_kind *rec_kind_get(enum record_kind k)
{
	return &kinds[k];
}

/* The name of a kind's rows for people. */
const char *record_kind_noun(enum record_kind k, int n)
{
	return n == 1 ? kinds[k].one : kinds[k].many;
}

/* A stored text that is not valid UTF-8 (JSON cannot hold it as a string) as
 * {"bytes_hex": "..."}: its bytes in lower-case hexadecimal, so none is lost. */
static json_t *bytes_json(const unsigned char *p, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	char *h = malloc(2 * n + 1);
	json_t *o;

	if (!h)
		return NULL;
	for (size_t i = 0; i < n; i++) {
		h[2 * i] = hex[p[i] >> 4];
		h[2 * i + 1] = hex[p[i] & 15];
	}
	h[2 * n] = '\0';
	o = json_pack("{s:s}", REC_BYTES_KEY, h);
	free(h);
	return o;
}

/* The current row as JSON. */
json_t *rec_row_json(const struct rec_kind *kind, sqlite3_stmt *st, const char **bad)
{
	json_t *o = json_object();

	*bad = NULL;
	for (int i = 0; o && i < kind->ncols; i++) {
		const struct rec_col *c = &kind->cols[i];
		const char *text;
		size_t n;
		json_t *v;

		if (sqlite3_column_type(st, i) == SQLITE_NULL)
			v = json_null();
		else if (c->type == RT_INT)
			v = json_integer(sqlite3_column_int64(st, i));
		else if (c->type == RT_BOOL)
			v = json_boolean(sqlite3_column_int(st, i));
		else if (text = (const char *)sqlite3_column_text(st, i), n = (size_t)sqlite3_column_bytes(st, i),
			 text && text_utf8_valid(text, n))
			v = json_stringn(text, n);
		else if (text && c->type == RT_TEXT)
			v = bytes_json((const unsigned char *)text, n);
		else {
			*bad = c->name; /* a name, login, id or date: nothing else would read it */
			v = NULL;
		}
		if (!v || json_object_set_new(o, c->name, v)) {
			json_decref(o);
			return NULL;
		}
	}
	return o;
}

/* The bytes of a {"bytes_hex": "..."} value (see bytes_json) into a new buffer
 * (*out, *n); -1 when v is not one, with lower-case hex digits only. */
int rec_bytes_decode(json_t *v, char **out, size_t *n)
{
	const char *h = json_string_value(json_object_get(v, REC_BYTES_KEY));
	size_t len = h ? strlen(h) : 0;

	*out = NULL;
	*n = 0;
	if (!json_is_object(v) || json_object_size(v) != 1 || !h || len % 2 || !(*out = malloc(len / 2 + 1)))
		return -1;
	for (size_t i = 0; i < len; i += 2) {
		const char *a = strchr("0123456789abcdef", h[i]), *b = strchr("0123456789abcdef", h[i + 1]);

		if (!h[i] || !h[i + 1] || !a || !b) {
			free(*out);
			*out = NULL;
			return -1;
		}
		(*out)[i / 2] = (char)((a - "0123456789abcdef") * 16 + (b - "0123456789abcdef"));
	}
	(*out)[len / 2] = '\0';
	*n = len / 2;
	return 0;
}

/* The SELECT that reads kind's columns. */
int rec_select_sql(const struct rec_kind *kind, const char *extra, const char *where, char *out,
		   size_t outsz)
{
	size_t len = (size_t)snprintf(out, outsz, "SELECT ");

	for (int i = 0; i < kind->ncols && len < outsz; i++) {
		const char *name = kind->cols[i].name;

		if (kind->cols[i].type == RT_REF)
			len += (size_t)snprintf(out + len, outsz - len, "%s(SELECT x.uuid FROM %s x WHERE x.id = t.%s)",
						i ? ", " : "", kind->table, name);
		else
			len += (size_t)snprintf(out + len, outsz - len, "%st.%s", i ? ", " : "", name);
	}
	if (len < outsz)
		len += (size_t)snprintf(out + len, outsz - len, "%s FROM %s t WHERE %s ORDER BY t.id", extra,
					kind->table, where);
	return len < outsz ? 0 : -1;
}

/* True when s is a UUID as toddle writes them. */
static int uuid_ok(const char *s)
{
	if (strlen(s) != 36)
		return 0;
	for (int i = 0; i < 36; i++) {
		int dash = i == 8 || i == 13 || i == 18 || i == 23;

		if (dash ? s[i] != '-' : !((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f')))
			return 0;
	}
	return 1;
}

/* True when s is YYYY-MM-DDTHH:MM:SSZ with a real date and time. */
static int stamp_ok(const char *s)
{
	char day[11];
	day_t d;

	if (strlen(s) != 20 || s[10] != 'T' || s[13] != ':' || s[16] != ':' || s[19] != 'Z')
		return 0;
	for (int i = 11; i < 19; i++)
		if (i != 13 && i != 16 && (s[i] < '0' || s[i] > '9'))
			return 0;
	memcpy(day, s, 10);
	day[10] = '\0';
	return date_parse(day, &d) == 0 && (s[11] - '0') * 10 + (s[12] - '0') < 24 && s[14] < '6' && s[17] < '6';
}

/* True when word is one of the '|'-separated words. */
static int word_ok(const char *words, const char *word)
{
	size_t n = strlen(word);

	for (const char *p = words; *p;) {
		size_t len = strcspn(p, "|");

		if (len == n && n && !strncmp(p, word, n))
			return 1;
		p += len + (p[len] == '|');
	}
	return 0;
}

/* 1 when the library holds id (query finds it), 0 when not, -1 on a database failure. */
static int lib_has(sqlite3 *db, const char *query, const char *id)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if (sqlite3_prepare_v2(db, query, -1, &st, NULL) != SQLITE_OK)
		return -1;
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	rc = sqlite3_step(st);
	sqlite3_finalize(st);
	return rc == SQLITE_ROW ? 1 : rc == SQLITE_DONE ? 0 : -1;
}

/* Check one string value of column c; 0 or TDL_EINPUT/TDL_EDATA with err. */
static int check_string(sqlite3 *db, const struct rec_col *c, json_t *v, const char *where, struct tdl_err *err)
{
	const char *s = json_string_value(v);
	size_t len = json_string_length(v);
	int clock, has;

	if (strlen(s) != len)
		return err_set(err, TDL_EINPUT, "%s holds a NUL character", where);
	if ((c->type == RT_TEXT || c->type == RT_NAME || c->type == RT_WHO) && len > (size_t)c->max)
		return err_set(err, TDL_EINPUT, "%s is too long (%zu bytes; at most %lld)", where, len, c->max);
	switch (c->type) {
	case RT_UUID:
		return uuid_ok(s) ? 0 : err_set(err, TDL_EINPUT, "%s '%.40s' is not a UUID", where, s);
	case RT_REF:
		return uuid_ok(s) ? 0 : err_set(err, TDL_EINPUT, "%s '%.40s' is not a UUID", where, s);
	case RT_NAME:
	case RT_WHO:
		if (!len || text_has_unsafe(s, len) || strchr(s, '\n'))
			return err_set(err, TDL_EINPUT, "%s must be one line of text without control characters", where);
		return 0;
	case RT_DATE: {
		day_t d;

		return date_parse(s, &d) == 0 ? 0 : err_set(err, TDL_EINPUT, "%s '%.40s' is not a real date (YYYY-MM-DD)", where, s);
	}
	case RT_STAMP:
		return stamp_ok(s) ? 0 : err_set(err, TDL_EINPUT, "%s '%.40s' is not a time like 2026-11-30T10:12:00Z", where, s);
	case RT_CLOCK:
		return !*s || appointment_parse_time(s, &clock) == 0 ? 0
			: err_set(err, TDL_EINPUT, "%s '%.40s' is not a time of day (HH:MM)", where, s);
	case RT_ENUM:
		return word_ok(c->words, s) ? 0 : err_set(err, TDL_EINPUT, "%s '%.40s' must be one of %s", where, s, c->words);
	case RT_LIB:
		has = lib_has(db, c->words, s);
		if (has < 0)
			return err_set(err, TDL_EDATA, "cannot read the library: %s", sqlite3_errmsg(db));
		return has ? 0 : err_set(err, TDL_EINPUT, "%s '%.60s' is not in this toddle's library", where, s);
	default:
		return 0;
	}
}

/* Check a text written as its bytes: the one form bytes_json writes, for bytes that
 * are not valid UTF-8 (valid text must be a string), without NUL, within the limit. */
static int check_bytes(const struct rec_col *c, json_t *v, const char *where, struct tdl_err *err)
{
	char *b;
	size_t n;
	int rc = TDL_OK;

	if (rec_bytes_decode(v, &b, &n))
		return err_set(err, TDL_EINPUT, "%s must be a string, or {\"" REC_BYTES_KEY "\": \"...\"} with "
			       "lower-case hexadecimal bytes", where);
	if (memchr(b, '\0', n))
		rc = err_set(err, TDL_EINPUT, "%s holds a NUL character", where);
	else if (n > (size_t)c->max)
		rc = err_set(err, TDL_EINPUT, "%s is too long (%zu bytes; at most %lld)", where, n, c->max);
	else if (text_utf8_valid(b, n))
		rc = err_set(err, TDL_EINPUT, "%s is valid UTF-8: write it as a string, not as " REC_BYTES_KEY, where);
	free(b);
	return rc;
}

/* Check one value of column c at where. */
static int check_value(sqlite3 *db, const struct rec_col *c, json_t *v, const char *where, struct tdl_err *err)
{
	if (json_is_null(v))
		return c->required ? err_set(err, TDL_EINPUT, "%s must not be null", where) : 0;
	if (c->type == RT_INT) {
		json_int_t n;

		if (!json_is_integer(v))
			return err_set(err, TDL_EINPUT, "%s must be a whole number", where);
		n = json_integer_value(v);
		if (n < c->min || n > c->max)
			return err_set(err, TDL_EINPUT, "%s %lld is out of range (%lld to %lld)", where, (long long)n,
				       c->min, c->max);
		return 0;
	}
	if (c->type == RT_BOOL)
		return json_is_boolean(v) ? 0 : err_set(err, TDL_EINPUT, "%s must be true or false", where);
	if (c->type == RT_TEXT && json_is_object(v))
		return check_bytes(c, v, where, err);
	if (!json_is_string(v))
		return err_set(err, TDL_EINPUT, "%s must be a string", where);
	return check_string(db, c, v, where, err);
}

/* Check a row object and return it with every column present. */
json_t *rec_row_check(sqlite3 *db, const struct rec_kind *kind, json_t *row, const char *path,
		      struct tdl_err *err)
{
	char where[160];
	const char *key;
	json_t *v, *out;

	err_clear(err);
	if (!json_is_object(row)) {
		err_set(err, TDL_EINPUT, "%s must be an object", path);
		return NULL;
	}
	json_object_foreach(row, key, v) {
		int known = 0;

		for (int i = 0; i < kind->ncols && !known; i++)
			known = !strcmp(kind->cols[i].name, key);
		if (!known) {
			err_set(err, TDL_EINPUT, "%s has an unknown field '%.40s'", path, key);
			return NULL;
		}
	}
	if (!(out = json_object())) {
		err_set(err, TDL_EDATA, "out of memory while reading the record");
		return NULL;
	}
	for (int i = 0; i < kind->ncols; i++) {
		const struct rec_col *c = &kind->cols[i];

		v = json_object_get(row, c->name);
		snprintf(where, sizeof where, "%s.%s", path, c->name);
		if (!v && c->required) {
			err_set(err, TDL_EINPUT, "%s is missing", where);
			json_decref(out);
			return NULL;
		}
		if (check_value(db, c, v ? v : json_null(), where, err) ||
		    json_object_set_new(out, c->name, v ? json_incref(v) : json_null())) {
			if (!err->msg[0])
				err_set(err, TDL_EDATA, "out of memory while reading the record");
			json_decref(out);
			return NULL;
		}
	}
	return out;
}

/* A short description of a row for people. */
void rec_row_label(const struct rec_kind *kind, json_t *row, char *out, size_t outsz)
{
	size_t len = 0;

	out[0] = '\0';
	for (const char *p = kind->label; *p && len < outsz;) {
		size_t n = strcspn(p, " ");
		char name[32];
		json_t *v;

		snprintf(name, sizeof name, "%.*s", (int)n, p);
		v = json_object_get(row, name);
		if (json_is_string(v) && *json_string_value(v))
			len += (size_t)snprintf(out + len, outsz - len, "%s%.60s", len ? " " : "", json_string_value(v));
		else if (json_is_integer(v))
			len += (size_t)snprintf(out + len, outsz - len, "%sversion %lld", len ? " " : "",
						(long long)json_integer_value(v));
		p += n + (p[n] == ' ');
	}
}
