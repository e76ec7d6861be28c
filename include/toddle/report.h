/* A child's report for a parent, doctor, therapist or school, as text, Markdown or HTML. */
#ifndef TODDLE_REPORT_H
#define TODDLE_REPORT_H

#include <sqlite3.h>
#include "toddle/buf.h"
#include "toddle/child.h"
#include "toddle/err.h"

enum report_format { REPORT_TEXT, REPORT_MD, REPORT_HTML };
enum report_audience { REPORT_PARENT, REPORT_DOCTOR, REPORT_THERAPIST, REPORT_SCHOOL };

#define REPORT_DEFAULT_DAYS 30 /* the period of activities and notes without a since day */

/* Parse "text", "md" or "html". */
int report_format_parse(const char *s, enum report_format *out);

/* Parse "parent", "doctor", "therapist" or "school". */
int report_audience_parse(const char *s, enum report_audience *out);

/* Sections a reader's report leaves out unless asked for (--include):
 * the school report carries none of them, the parent's no goals or program. */
enum report_include {
	REPORT_INCLUDE_GOALS = 1,      /* therapy goals */
	REPORT_INCLUDE_PROGRAM = 2,    /* the home program and its adherence */
	REPORT_INCLUDE_ACTIVITIES = 4, /* the daily activity log, entry by entry */
};

/* The words --include takes, for messages: "goals, program or activities". */
#define REPORT_INCLUDE_WORDS "goals, program or activities"

/* Parse a comma list of goals, program, activities into REPORT_INCLUDE_*
 * bits; -1 with the first unknown word copied to bad. */
int report_include_parse(const char *list, unsigned *out, char *bad, size_t badsz);

/* What report to build: its format and reader, today, and from when. */
struct report_request {
	enum report_format format;
	enum report_audience audience;
	unsigned include;         /* REPORT_INCLUDE_* bits */
	day_t today;
	int correct_until_months;
	int has_since;            /* else: everything */
	day_t since;
};

/* Append the report of child c on day `today` to out. Activities and notes
 * cover since..today (without has_since: the last REPORT_DEFAULT_DAYS days).
 * Every stored text is sanitised, and escaped for HTML. Never a diagnosis. */
int report_build(sqlite3 *db, const struct child *c, const struct report_request *rq,
		 struct buf *out, struct tdl_err *err);

/* Record in the audit trail (action 'report written') that a report of c for
 * `who` in format fmt went to file (NULL: standard output). */
int report_record(sqlite3 *db, const struct child *c, enum report_format fmt, enum report_audience who,
		  const char *file, struct tdl_err *err);

#endif
