/* Classes: short lessons for parents, and which ones were watched. */
#ifndef TODDLE_CLASS_H
#define TODDLE_CLASS_H

#include <sqlite3.h>
#include "toddle/child.h"
#include "toddle/err.h"

struct class_info {
	char *id, *title, *audience;
	char *sections;  /* "Heading: text", one a line */
	char *steps;     /* one step a line */
	char *video;     /* "" when there is none */
	char *source;
	int week_from, week_to, minutes;
	int watched;     /* times the child's family marked it watched */
};

/* All classes by age; watched counts are for child c (may be NULL). */
int class_list(sqlite3 *db, const struct child *c, struct class_info **out, int *n,
	       struct tdl_err *err);

/* One class by id; TDL_EINPUT when there is none. */
int class_get(sqlite3 *db, const char *id, const struct child *c, struct class_info *out,
	      struct tdl_err *err);

/* Record that a class was watched (read) on a day. */
int class_mark_watched(sqlite3 *db, const struct child *c, const char *id, day_t day, day_t today,
		       struct tdl_err *err);

/* Take back "watched" (dated today): a new row says so, with who and when;
 * nothing is deleted. */
int class_unmark_watched(sqlite3 *db, const struct child *c, const char *id, day_t today, struct tdl_err *err);

/* True when url may reach a video player: an http:// or https:// link with
 * something after the scheme and no control characters (a player must never
 * get an option, such as mpv's --script=, from the library or the database). */
int class_video_ok(const char *url);

/* Free the strings of one class. */
void class_clear(struct class_info *k);

/* Free an array of n classes. */
void class_free_all(struct class_info *k, int n);

#endif
