/* The report's renderer: headings, paragraphs and list items as plain text,
 * Markdown or one printable HTML page, with stored text escaped or sanitised. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "report_parts.h"

static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<style>\n"
	"body{font-family:Georgia,'Times New Roman',serif;color:#111;background:#fff;"
	"max-width:46em;margin:2em auto;padding:0 1em;line-height:1.45}\n"
	"h1{font-size:1.6em;border-bottom:2px solid #333;padding-bottom:.2em}\n"
	"h2{font-size:1.25em;margin-top:1.6em;border-bottom:1px solid #999}\n"
	"h3{font-size:1.05em;margin-bottom:.3em}\n"
	"ul{padding-left:1.4em}li{margin:.15em 0}\n"
	"footer{margin-top:2em;border-top:1px solid #999;font-size:.9em;color:#333}\n"
	"@media print{body{max-width:none;margin:0;font-size:11pt}"
	"h2,h3{break-after:avoid}li{break-inside:avoid}@page{margin:18mm}}\n"
	"</style>\n";

/* Append one line of sanitised text s, which starts a Markdown line, so that
 * a CommonMark reader (pandoc, python-markdown) shows exactly its words:
 * inline marks backslash-escaped, & < > as entities, | ~ $ ^ (tables,
 * strikeout, maths in pandoc's Markdown: python-markdown would keep a
 * backslash before them) as numeric entities, and what would open a block at
 * the start of the line (a list, a heading underline) escaped there too. */
static void put_md(struct buf *b, const char *s)
{
	const char *start = s + strspn(s, " \t"), *digits = start + strspn(start, "0123456789"), *p;

	if (*start == '-' || *start == '+')
		buf_addn(b, "\\", 1);
	for (p = start; *p; p++) {
		if (strchr("\\`*_[]#!", *p))
			buf_printf(b, "\\%c", *p);
		else if (*p == '&')
			buf_add(b, "&amp;");
		else if (*p == '<')
			buf_add(b, "&lt;");
		else if (*p == '>')
			buf_add(b, "&gt;");
		else if (strchr("|~$^", *p) || (p == start && *p == '='))
			buf_printf(b, "&#%d;", *p);
		else if (p == digits && digits > start && (*p == '.' || *p == ')'))
			buf_printf(b, "\\%c", *p);
		else
			buf_addn(b, p, 1);
	}
}

/* Append s as the format wants stored text on one line: escaped for HTML
 * and Markdown, sanitised (a line break reads as a space) before that. */
static void put(struct rep *r, const char *s)
{
	char *clean;

	if (r->fmt == REPORT_HTML) {
		buf_html(r->b, s);
		return;
	}
	clean = text_sanitize_dup(s ? s : "");
	if (!clean)
		r->b->failed = 1;
	else if (r->fmt == REPORT_MD)
		put_md(r->b, clean);
	else
		buf_add(r->b, clean);
	free(clean);
}

/* Append s, whose line breaks (a note of several lines) stay line breaks:
 * <br> in HTML, a hard break in Markdown, an indented line in plain text
 * (indent: 4 in a list item, so a Markdown reader keeps even a paragraph
 * after a blank line in the item; 0 outside lists). */
static void put_lines(struct rep *r, const char *s, int indent)
{
	const char *p = s ? s : "";

	for (;;) {
		size_t len = strcspn(p, "\n");
		char *line = strndup(p, len);

		if (!line)
			r->b->failed = 1;
		put(r, line ? line : "");
		free(line);
		if (!p[len])
			break;
		p += len + 1;
		if (r->fmt == REPORT_HTML)
			buf_add(r->b, "<br>\n");
		else
			buf_printf(r->b, "%s\n%*s", r->fmt == REPORT_MD ? "  " : "", indent, "");
	}
}

/* Close an open list. */
void report_list_end(struct rep *r)
{
	if (!r->in_list)
		return;
	buf_add(r->b, r->fmt == REPORT_HTML ? "</ul>\n" : "\n");
	r->in_list = 0;
}

/* A heading of level 1 to 3 with stored or fixed text. */
void report_heading(struct rep *r, int level, const char *title)
{
	static const char *const marks[] = { "", "# ", "## ", "### " };

	report_list_end(r);
	if (r->fmt == REPORT_HTML) {
		buf_printf(r->b, "<h%d>", level);
		put(r, title);
		buf_printf(r->b, "</h%d>\n", level);
		return;
	}
	if (r->fmt == REPORT_MD) {
		buf_add(r->b, marks[level]);
		put(r, title);
		buf_add(r->b, "\n\n");
		return;
	}
	put(r, title);
	buf_add(r->b, "\n");
	if (level < 3) {
		for (int i = text_width(title); i > 0; i--)
			buf_add(r->b, level == 1 ? "=" : "-");
		buf_add(r->b, "\n");
	}
	buf_add(r->b, "\n");
}

/* Start a list item; its text follows through put, then item_end. */
static void item(struct rep *r)
{
	if (!r->in_list && r->fmt == REPORT_HTML)
		buf_add(r->b, "<ul>\n");
	r->in_list = 1;
	buf_add(r->b, r->fmt == REPORT_HTML ? "<li>" : r->fmt == REPORT_MD ? "- " : "  - ");
}

/* End a list item. */
static void item_end(struct rep *r)
{
	buf_add(r->b, r->fmt == REPORT_HTML ? "</li>\n" : "\n");
}

/* A list item of formatted text. */
void report_itemf(struct rep *r, const char *fmt, ...)
{
	struct buf t;
	va_list ap;

	buf_init(&t);
	va_start(ap, fmt);
	buf_vprintf(&t, fmt, ap);
	va_end(ap);
	if (t.failed)
		r->b->failed = 1;
	item(r);
	put_lines(r, buf_str(&t), r->fmt == REPORT_HTML ? 0 : 4);
	item_end(r);
	buf_free(&t);
}

/* A paragraph of formatted text. */
void report_para(struct rep *r, const char *fmt, ...)
{
	struct buf t;
	va_list ap;

	report_list_end(r);
	buf_init(&t);
	va_start(ap, fmt);
	buf_vprintf(&t, fmt, ap);
	va_end(ap);
	if (t.failed)
		r->b->failed = 1;
	buf_add(r->b, r->fmt == REPORT_HTML ? "<p>" : "");
	put_lines(r, buf_str(&t), 0);
	buf_add(r->b, r->fmt == REPORT_HTML ? "</p>\n" : "\n\n");
	buf_free(&t);
}

/* Open the page: for HTML the head, its style and the title naming the child. */
void report_page_begin(struct rep *r)
{
	if (r->fmt != REPORT_HTML)
		return;
	buf_add(r->b, html_head);
	buf_add(r->b, "<title>");
	buf_html(r->b, r->c->name);
	buf_add(r->b, ": report</title>\n</head>\n<body>\n<main>\n");
}

/* Close the page that report_page_begin opened. */
void report_page_end(struct rep *r)
{
	if (r->fmt == REPORT_HTML)
		buf_add(r->b, "</main>\n</body>\n</html>\n");
}
