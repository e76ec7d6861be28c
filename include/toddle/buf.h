/* A growable text buffer, and escapers for HTML, CSV and iCalendar text. */
#ifndef TODDLE_BUF_H
#define TODDLE_BUF_H

#include <stdarg.h>
#include <stddef.h>
#include "toddle/err.h"

/* Text being built. After an allocation fails, `failed` stays set, later
 * additions are ignored, and buf_status reports TDL_EDATA. */
struct buf {
	char *data;   /* NUL-terminated when len > 0 */
	size_t len, cap;
	int failed;
};

/* An empty buffer. */
void buf_init(struct buf *b);

/* Release the text and leave the buffer empty. */
void buf_free(struct buf *b);

/* Append n bytes of s. */
void buf_addn(struct buf *b, const char *s, size_t n);

/* Append the string s (NULL appends nothing). */
void buf_add(struct buf *b, const char *s);

/* Append formatted text from a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));

/* Append formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The text so far ("" when empty); valid until the next change. */
const char *buf_str(const struct buf *b);

/* Hand the text over as a heap string for free() and empty the buffer;
 * NULL when memory ran out at any point. */
char *buf_take(struct buf *b);

/* TDL_OK, or TDL_EDATA with a message when memory ran out while building. */
int buf_status(const struct buf *b, struct tdl_err *err);

/* Append s for an HTML page: control characters dropped, & < > " ' escaped. */
void buf_html(struct buf *b, const char *s);

/* Append s as one RFC 4180 CSV cell, neutralised so a spreadsheet never runs
 * it: a text that, after any leading ', begins with = + - @ TAB or CR gets one
 * more ' in front (drop one to have it back). */
void buf_csv_cell(struct buf *b, const char *s);

/* Append s as RFC 5545 TEXT: \\ ; , escaped and line breaks as \n. */
void buf_ics_text(struct buf *b, const char *s);

/* Append one iCalendar content line, folded at 75 octets, ending in CRLF. */
void buf_ics_line(struct buf *b, const char *line);

#endif
