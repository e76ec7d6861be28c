/* The content record types: one row each naming its keys, its checks, the
 * statement that stores it and how its values are bound to that statement. */
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"
#include "toddle/class.h"
#include "toddle/db.h"
#include "toddle/week.h"

static const char *const activity_domains[] = { "gross-motor", "fine-motor", "sensory", "communication",
	"social-emotional", "cognitive", "daily-routines", NULL };
static const char *const disciplines[] = { "pt", "ot", "speech", "general", NULL };
static const char *const milestone_domains[] = { "social-emotional", "language", "cognitive",
	"movement", NULL };
static const int checklist_ages[] = { 2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48, 60, 0 };

/* True when v is one of list. */
static int in_list(const char *v, const char *const *list)
{
	for (; *list; list++)
		if (!strcmp(v, *list))
			return 1;
	return 0;
}

/* Say which value of r broke which rule, quoting the value. */
static int bad(const struct rec *r, const char *key, const char *rule, struct tdl_err *err)
{
	return err_set(err, TDL_EINPUT, "%s:%d: %s '%s': %s = '%.60s': %s", r->file, rec_line(r, key),
		       r->type, r->id, key, rec_get(r, key) ? rec_get(r, key) : "", rule);
}

/* Bind every value of key joined with newlines (rec_join) to parameter i. */
static void bind_joined(sqlite3_stmt *s, int i, const struct rec *r, const char *key)
{
	char *v = rec_join(r, key);

	db_bind_text(s, i, v);
	free(v);
}

/* Bind a list of ids separated by spaces or commas as one space between each. */
static void bind_ids(sqlite3_stmt *s, int i, const char *v)
{
	char *out = v ? malloc(strlen(v) + 1) : NULL;
	size_t o = 0;

	for (const char *p = v; out && *p;) {
		size_t len = strcspn(p, " ,");

		if (len) {
			if (o)
				out[o++] = ' ';
			memcpy(out + o, p, len);
			o += len;
		}
		p += len;
		p += strspn(p, " ,");
	}
	if (out)
		out[o] = '\0';
	db_bind_text(s, i, out);
	free(out);
}

/* A week's id is its number. */
static int week_id(const struct rec *r, struct tdl_err *err)
{
	if (rules_num(r->id, 0, WEEK_MAX) < 0)
		return err_set(err, TDL_EINPUT, "%s:%d: week '%s' must be a number from 0 to %d, without leading zeros",
			       r->file, r->line, r->id, WEEK_MAX);
	return TDL_OK;
}

/* Store a week note. */
static void week_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	(void)sort;
	sqlite3_bind_int(s, 1, atoi(r->id));
	db_bind_text(s, 2, rec_get(r, "title"));
	db_bind_text(s, 3, rec_get(r, "typical"));
	db_bind_text(s, 4, rec_get(r, "focus"));
	db_bind_text(s, 5, rec_get(r, "can_wait"));
	db_bind_text(s, 6, rec_get(r, "source"));
}

/* An activity's weeks, domain, discipline and minutes. */
static int activity_check(const struct rec *r, struct tdl_err *err)
{
	int from, to;

	if (rules_range(rec_get(r, "weeks"), WEEK_MAX, &from, &to))
		return bad(r, "weeks", "'weeks' must be a range like 4-8 within 0-104", err);
	if (!in_list(rec_get(r, "domain"), activity_domains))
		return bad(r, "domain", "unknown domain (see content/FORMAT)", err);
	if (!in_list(rec_get(r, "discipline"), disciplines))
		return bad(r, "discipline", "discipline must be pt, ot, speech or general", err);
	if (rules_num(rec_get(r, "minutes"), 1, 60) < 0)
		return bad(r, "minutes", "minutes must be 1 to 60", err);
	return TDL_OK;
}

/* Store an activity. */
static void activity_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	static const char *const k[] = { "title", "domain", "discipline", "materials", "why",
		"builds", "easier", "harder", "safety", "tags" };
	int from = 0, to = 0;

	(void)sort;
	rules_range(rec_get(r, "weeks"), 104, &from, &to);
	db_bind_text(s, 1, r->id);
	for (int i = 0; i < 10; i++)
		db_bind_text(s, 2 + i, rec_get(r, k[i]));
	sqlite3_bind_int(s, 12, from);
	sqlite3_bind_int(s, 13, to);
	sqlite3_bind_int(s, 14, atoi(rec_get(r, "minutes")));
	bind_joined(s, 15, r, "step");
	db_bind_text(s, 16, r->file);
	db_bind_text(s, 17, rec_get(r, "source"));
	db_bind_text(s, 18, rec_get(r, "next"));
	db_bind_text(s, 19, rec_get(r, "before"));
}

/* A milestone's checklist age and domain. */
static int milestone_check(const struct rec *r, struct tdl_err *err)
{
	int known = 0, age = rules_num(rec_get(r, "age_months"), 1, 72);

	for (int i = 0; checklist_ages[i]; i++)
		known |= checklist_ages[i] == age;
	if (!known)
		return bad(r, "age_months", "age_months must be a CDC checklist age (2, 4, 6, 9, 12, 15, 18, 24, 30, 36, 48 or 60)", err);
	if (!in_list(rec_get(r, "domain"), milestone_domains))
		return bad(r, "domain", "domain must be social-emotional, language, cognitive or movement", err);
	return TDL_OK;
}

/* Store a milestone. */
static void milestone_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	db_bind_text(s, 1, r->id);
	sqlite3_bind_int(s, 2, atoi(rec_get(r, "age_months")));
	db_bind_text(s, 3, rec_get(r, "domain"));
	db_bind_text(s, 4, rec_get(r, "text"));
	db_bind_text(s, 5, rec_get(r, "source"));
	sqlite3_bind_int(s, 6, sort);
}

/* A WHO window's percentiles, in order. */
static int window_check(const struct rec *r, struct tdl_err *err)
{
	double p1, p99;

	if (rules_decimal(rec_get(r, "p1_months"), 0, 72, &p1) ||
	    rules_decimal(rec_get(r, "p99_months"), 0, 72, &p99) || p99 <= p1)
		return bad(r, "p1_months", "p1_months and p99_months must be months like 3.8 and 9.2, in order", err);
	if (!rec_get(r, "same_as") != !rec_get(r, "same_reason"))
		return bad(r, rec_get(r, "same_as") ? "same_as" : "same_reason",
			   "same_as and same_reason go together: name the CDC item and say why it is the same skill", err);
	if (rec_get(r, "same_as") && strpbrk(rec_get(r, "same_as"), " ,"))
		return bad(r, "same_as", "same_as names one CDC item", err);
	return TDL_OK;
}

/* Store a WHO window. */
static void window_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	double x = 0;

	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, rec_get(r, "text"));
	rules_decimal(rec_get(r, "p1_months"), 0, 72, &x);
	sqlite3_bind_double(s, 3, x);
	rules_decimal(rec_get(r, "p99_months"), 0, 72, &x);
	sqlite3_bind_double(s, 4, x);
	db_bind_text(s, 5, rec_get(r, "criteria"));
	db_bind_text(s, 6, rec_get(r, "source"));
	sqlite3_bind_int(s, 7, sort);
	db_bind_text(s, 8, rec_get(r, "same_as"));
	db_bind_text(s, 9, rec_get(r, "same_reason"));
	bind_ids(s, 10, rec_get(r, "implied_by"));
}

/* A guide's discipline. */
static int guide_check(const struct rec *r, struct tdl_err *err)
{
	if (!in_list(rec_get(r, "discipline"), disciplines))
		return bad(r, "discipline", "discipline must be pt, ot, speech or general", err);
	return TDL_OK;
}

/* Store a guide. */
static void guide_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, rec_get(r, "title"));
	db_bind_text(s, 3, rec_get(r, "discipline"));
	bind_joined(s, 4, r, "para");
	db_bind_text(s, 5, rec_get(r, "source"));
	sqlite3_bind_int(s, 6, sort);
}

/* Who helps with a concern. */
static int concern_check(const struct rec *r, struct tdl_err *err)
{
	if (!in_list(rec_get(r, "helps"), disciplines))
		return bad(r, "helps", "helps must be pt, ot, speech or general", err);
	return TDL_OK;
}

/* Store a concern. */
static void concern_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, rec_get(r, "title"));
	db_bind_text(s, 3, rec_get(r, "helps"));
	db_bind_text(s, 4, rec_get(r, "about"));
	db_bind_text(s, 5, rec_get(r, "domains"));
	sqlite3_bind_int(s, 6, sort);
}

/* A sign's age. */
static int sign_check(const struct rec *r, struct tdl_err *err)
{
	if (rules_num(rec_get(r, "age_months"), 0, 72) < 0)
		return bad(r, "age_months", "age_months must be 0 to 72", err);
	return TDL_OK;
}

/* Store a sign. */
static void sign_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, rec_get(r, "concern"));
	sqlite3_bind_int(s, 3, atoi(rec_get(r, "age_months")));
	db_bind_text(s, 4, rec_get(r, "text"));
	db_bind_text(s, 5, rec_get(r, "source"));
	sqlite3_bind_int(s, 6, sort);
}

/* What a video link must be, said where a library breaks it. */
#define VIDEO_RULE "a video must be an http:// or https:// link"

/* A class's weeks, minutes and 'Heading: text' read lines. */
static int class_check(const struct rec *r, struct tdl_err *err)
{
	int from, to;

	if (rules_range(rec_get(r, "weeks"), 260, &from, &to))
		return bad(r, "weeks", "'weeks' must be a range like 0-12 within 0-260", err);
	if (rules_num(rec_get(r, "minutes"), 1, 60) < 0)
		return bad(r, "minutes", "minutes must be 1 to 60", err);
	if (rec_get(r, "video") && !class_video_ok(rec_get(r, "video")))
		return bad(r, "video", VIDEO_RULE, err);
	for (int i = 0; i < r->nfields; i++)
		if (!strcmp(r->keys[i], "read") && !strstr(r->values[i], ": "))
			return err_set(err, TDL_EINPUT, "%s:%d: class '%s': a 'read' line must be 'Heading: text'",
				       r->file, r->lines[i], r->id);
	return TDL_OK;
}

/* Store a class. */
static void class_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	int from = 0, to = 0;

	rules_range(rec_get(r, "weeks"), 260, &from, &to);
	db_bind_text(s, 1, r->id);
	db_bind_text(s, 2, rec_get(r, "title"));
	db_bind_text(s, 3, rec_get(r, "audience"));
	sqlite3_bind_int(s, 4, from);
	sqlite3_bind_int(s, 5, to);
	sqlite3_bind_int(s, 6, atoi(rec_get(r, "minutes")));
	bind_joined(s, 7, r, "read");
	bind_joined(s, 8, r, "try");
	db_bind_text(s, 9, rec_get(r, "video"));
	db_bind_text(s, 10, rec_get(r, "source"));
	sqlite3_bind_int(s, 11, sort);
}

/* A video's url: a web link only, never a player option or a file. */
static int video_check(const struct rec *r, struct tdl_err *err)
{
	return class_video_ok(rec_get(r, "url")) ? TDL_OK : bad(r, "url", VIDEO_RULE, err);
}

/* Store a video: it fills in a class's link. */
static void video_bind(sqlite3_stmt *s, const struct rec *r, int sort)
{
	(void)sort;
	db_bind_text(s, 1, rec_get(r, "url"));
	db_bind_text(s, 2, r->id);
}

/* Keys each type allows: '!' required, '*' required and repeatable, '+' repeatable. */
#define KEYS(...) ((const char *const[]){ __VA_ARGS__, NULL })

/* Every type, in the order the loader stores them (a video after its class). */
const struct content_type content_types[] = {
	{ "week", KEYS("title!", "typical!", "focus!", "can_wait!", "source!"), week_id, NULL, NULL, NULL,
	  "INSERT INTO week_note VALUES(?,?,?,?,?,?)", week_bind },
	{ "milestone", KEYS("age_months!", "domain!", "text!", "source!"), NULL, milestone_check, NULL, NULL,
	  "INSERT INTO milestone VALUES(?,?,?,?,?,?)", milestone_bind },
	{ "activity", KEYS("title!", "weeks!", "domain!", "discipline!", "minutes!", "materials!", "step*",
			   "why!", "builds!", "easier!", "harder!", "safety", "tags", "source", "next",
			   "before", "replaces"),
	  NULL, activity_check, "builds", "milestone",
	  "INSERT INTO activity(id, title, domain, discipline, materials, why, builds, easier,"
	  " harder, safety, tags, week_from, week_to, minutes, steps, file, source, next, before)"
	  " VALUES(?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", activity_bind },
	{ "window", KEYS("text!", "p1_months!", "p99_months!", "criteria!", "source!", "same_as",
			 "same_reason", "implied_by"), NULL, window_check, "implied_by", "window",
	  "INSERT INTO who_window(id, text, p1, p99, criteria, source, sort, same_as, same_reason, implied_by)"
	  " VALUES(?,?,?,?,?,?,?,?,?,?)", window_bind },
	{ "guide", KEYS("title!", "discipline!", "para*", "source!"), NULL, guide_check, NULL, NULL,
	  "INSERT INTO guide VALUES(?,?,?,?,?,?)", guide_bind },
	{ "concern", KEYS("title!", "helps!", "about!", "domains!"), NULL, concern_check, NULL, NULL,
	  "INSERT INTO concern VALUES(?,?,?,?,?,?)", concern_bind },
	{ "sign", KEYS("concern!", "age_months!", "text!", "source!"), NULL, sign_check, "concern", "concern",
	  "INSERT INTO sign VALUES(?,?,?,?,?,?)", sign_bind },
	{ "class", KEYS("title!", "audience!", "weeks!", "minutes!", "read*", "try*", "video", "source!"),
	  NULL, class_check, NULL, NULL, "INSERT INTO class VALUES(?,?,?,?,?,?,?,?,?,?,?)", class_bind },
	{ "video", KEYS("url!"), NULL, video_check, NULL, NULL, "UPDATE class SET video=? WHERE id=?", video_bind },
	{ NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
};

/* The row of a type name, or NULL. */
const struct content_type *content_type_find(const char *type)
{
	for (const struct content_type *t = content_types; t->type; t++)
		if (!strcmp(t->type, type))
			return t;
	return NULL;
}
