/* A growable text buffer, and the escapers that make stored text safe in each format. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/buf.h"
#include "toddle/text.h"

/* An empty buffer. */
void buf_init(struct buf *b)
{
	memset(b, 0, sizeof *b);
}

/* Release the text and leave the buffer empty. */
void buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Make room for `more` bytes and a NUL; 0 on success. */
static int buf_grow(struct buf *b, size_t more)
{
	size_t need, cap;
	char *g;

	if (b->failed)
		return -1;
	if (more > (size_t)-1 - b->len - 1) {
		b->failed = 1;
		return -1;
	}
	need = b->len + more + 1;
	if (need <= b->cap)
		return 0;
	cap = b->cap ? b->cap : 256;
	while (cap < need)
		cap = cap > (size_t)-1 / 2 ? need : cap * 2;
	g = realloc(b->data, cap);
	if (!g) {
		b->failed = 1;
		return -1;
	}
	b->data = g;
	b->cap = cap;
	return 0;
}

/* Append n bytes of s. */
void buf_addn(struct buf *b, const char *s, size_t n)
{
	if (buf_grow(b, n))
		return;
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append the string s. */
void buf_add(struct buf *b, const char *s)
{
	if (s)
		buf_addn(b, s, strlen(s));
}

/* Append formatted text from a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	int n;

	if (buf_grow(b, 64))
		return;
	va_copy(again, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	if (n >= 0 && (size_t)n >= b->cap - b->len) {
		b->data[b->len] = '\0';
		if (buf_grow(b, (size_t)n) == 0)
			vsnprintf(b->data + b->len, b->cap - b->len, fmt, again);
	}
	va_end(again);
	if (b->failed)
		return;
	if (n < 0) {
		b->data[b->len] = '\0';
		b->failed = 1;
		return;
	}
	b->len += (size_t)n;
}

/* Append formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* The text so far. */
const char *buf_str(const struct buf *b)
{
	return b->data ? b->data : "";
}

/* Hand the text over as a heap string and empty the buffer. */
char *buf_take(struct buf *b)
{
	char *s = b->failed ? NULL : b->data ? b->data : strdup("");

	if (b->failed)
		free(b->data);
	buf_init(b);
	return s;
}

/* TDL_OK, or TDL_EDATA when memory ran out while building. */
int buf_status(const struct buf *b, struct tdl_err *err)
{
	return b->failed ? err_set(err, TDL_EDATA, "out of memory while putting the text together")
			 : TDL_OK;
}

/* A copy of s without control characters, keeping tabs and line breaks;
 * invalid UTF-8 becomes '?'. NULL when out of memory. */
static char *clean_keep_breaks(const char *s)
{
	size_t cap = strlen(s ? s : "") + 1, o = 0;
	char *copy = strdup(s ? s : ""), *out = malloc(cap), *p = copy;

	if (!copy || !out) {
		free(copy);
		free(out);
		return NULL;
	}
	out[0] = '\0';
	while (*p) {
		size_t len = strcspn(p, "\t\r\n");
		char sep = p[len];

		p[len] = '\0';
		text_sanitize(p, out + o, cap - o);
		o += strlen(out + o);
		if (!sep)
			break;
		out[o++] = sep;
		out[o] = '\0';
		p += len + 1;
	}
	free(copy);
	return out;
}

/* Append s for an HTML page. */
void buf_html(struct buf *b, const char *s)
{
	char *clean = text_sanitize_dup(s ? s : "");

	if (!clean) {
		b->failed = 1;
		return;
	}
	for (const char *p = clean; *p; p++) {
		size_t run = strcspn(p, "&<>\"'");

		buf_addn(b, p, run);
		p += run;
		if (!*p)
			break;
		switch (*p) {
		case '&': buf_add(b, "&amp;"); break;
		case '<': buf_add(b, "&lt;"); break;
		case '>': buf_add(b, "&gt;"); break;
		case '"': buf_add(b, "&quot;"); break;
		default: buf_add(b, "&#39;"); break;
		}
	}
	free(clean);
}

/* Append s as one CSV cell: quoted when needed; a cell whose text, after any
 * leading apostrophes, begins with = + - @ TAB or CR gets one more ' in front
 * (inside the quotes) so that no spreadsheet evaluates it, and a reader that
 * drops one ' from such a cell has the text back exactly. */
void buf_csv_cell(struct buf *b, const char *s)
{
	char *clean = clean_keep_breaks(s);
	int risky, quote;
	size_t ticks;

	if (!clean) {
		b->failed = 1;
		return;
	}
	ticks = strspn(clean, "'");
	risky = clean[ticks] && strchr("=+-@\t\r", clean[ticks]) != NULL;
	quote = risky || strpbrk(clean, ",\"\r\n") != NULL;
	if (quote)
		buf_add(b, risky ? "\"'" : "\"");
	for (const char *p = clean; *p; p++) {
		size_t run = strcspn(p, "\"");

		buf_addn(b, p, run);
		p += run;
		if (!*p)
			break;
		buf_add(b, "\"\"");
	}
	if (quote)
		buf_add(b, "\"");
	free(clean);
}

/* Append s as RFC 5545 TEXT; control characters other than tab are dropped. */
void buf_ics_text(struct buf *b, const char *s)
{
	char *clean = clean_keep_breaks(s);

	if (!clean) {
		b->failed = 1;
		return;
	}
	for (const char *p = clean; *p; p++) {
		size_t run = strcspn(p, "\\;,\r\n");

		buf_addn(b, p, run);
		p += run;
		if (!*p)
			break;
		if (*p == '\r' || *p == '\n') {
			buf_add(b, "\\n");
			if (p[0] == '\r' && p[1] == '\n')
				p++;
		} else {
			char esc[3] = { '\\', *p, '\0' };

			buf_add(b, esc);
		}
	}
	free(clean);
}

/* Append one content line folded at 75 octets (CRLF and a space), never
 * inside a UTF-8 sequence; stray CR and LF bytes in line are left out. */
void buf_ics_line(struct buf *b, const char *line)
{
	size_t n = strlen(line), pos = 0, used = 0, limit = 75;

	while (pos < n) {
		size_t len = 1;

		if (line[pos] == '\r' || line[pos] == '\n') {
			pos++;
			continue;
		}
		while (len < 4 && pos + len < n && ((unsigned char)line[pos + len] & 0xC0) == 0x80)
			len++;
		if (used + len > limit) {
			buf_add(b, "\r\n ");
			used = 0;
			limit = 74;
		}
		buf_addn(b, line + pos, len);
		used += len;
		pos += len;
	}
	buf_add(b, "\r\n");
}
