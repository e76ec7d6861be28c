/* Inside the report: what every section needs, and the writers that put
 * headings, paragraphs and list items in the report's format. Private to src/core. */
#ifndef TODDLE_REPORT_PARTS_H
#define TODDLE_REPORT_PARTS_H

#include "toddle/buf.h"
#include "toddle/child.h"
#include "toddle/report.h"

/* What every section needs: the child, the period, the format and the reader. */
struct rep {
	sqlite3 *db;
	const struct child *c;
	struct child_age age;
	day_t today, from;
	enum report_format fmt;
	enum report_audience who;
	int correct_until, in_list, in_table;
	unsigned num_cols;               /* the open table's number columns, bit per column */
	unsigned include;                /* REPORT_INCLUDE_* bits asked for */
	struct buf *b;
	struct tdl_err *err;
};

/* Close an open list. */
void report_list_end(struct rep *r);

/* Start a table with its column heads "A|B|#C" (# marks a number column);
 * HTML only: in text and Markdown its rows are list items. */
void report_table(struct rep *r, const char *heads);

/* One row: the n cells of the open table in HTML, else a list item of formatted text. */
void report_rowf(struct rep *r, int n, const char *const *cells, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* One fact of the header, "label: value" (a row of a facts table in HTML). */
void report_fact(struct rep *r, const char *label, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Fixed HTML markup (a section's start or end); nothing in other formats. */
void report_markup(struct rep *r, const char *html);

/* report_chart.c: the six WHO windows as an inline SVG chart, the child's age marked (HTML only). */
int report_who_chart(struct rep *r);

/* A heading of level 1 to 3. */
void report_heading(struct rep *r, int level, const char *title);

/* One list item, formatted; stored text is escaped for the format. */
void report_itemf(struct rep *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* One paragraph, formatted. */
void report_para(struct rep *r, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* Open the page (HTML: its head and title); a no-op for text and Markdown. */
void report_page_begin(struct rep *r);

/* Close the page that report_page_begin opened. */
void report_page_end(struct rep *r);

/* A checklist or activity domain as people say it ("gross-motor": "Big movements"). */
const char *report_domain_title(const char *d);

/* True when this report carries the section `what` (a REPORT_INCLUDE_* bit). */
int report_has(const struct rep *r, unsigned what);

/* report_catchup.c: one line on how much of the passed checklists has no answer yet. */
int report_unanswered(struct rep *r);

/* The therapy sections: goals, home program adherence by week, session notes. */
int report_care_sections(struct rep *r);

/* "Sources": each guideline behind the activities of the program and the log, once. */
int report_sources(struct rep *r);

#endif
