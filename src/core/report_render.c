/* The report's renderer: headings, paragraphs and list items as plain text,
 * Markdown or one printable HTML page, with stored text escaped or sanitised. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "report_parts.h"

/* The page's style. Print: the child's name, birth date and "page N of M" in
 * the page margins (report_page_begin adds them); long tokens break anywhere
 * rather than shrinking the page; headings stay with what follows; dates never
 * wrap; a long note may run across pages (no break-inside rule on list items,
 * which would leave most of a page blank before it), and the detail follows
 * the summary on the same page (a forced break after a summary that runs a
 * few lines over would leave a blank page). */
static const char html_head[] =
	"<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
	"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
	"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	"<style>\n"
	"body{font-family:Georgia,'Times New Roman',serif;color:#111;background:#fff;"
	"max-width:48em;margin:2em auto;padding:0 1em;line-height:1.4;overflow-wrap:anywhere}\n"
	"h1{font-size:1.5em;border-bottom:2px solid #333;padding-bottom:.2em;margin:0 0 .5em}\n"
	"h2{font-size:1.2em;margin:1.4em 0 .4em;border-bottom:1px solid #999}\n"
	"h3{font-size:1.02em;margin:1em 0 .3em}\n"
	"h1,h2,h3{break-after:avoid}\n"
	"p,li{orphans:3;widows:3}\n"
	"ul{padding-left:1.4em;margin:.3em 0}li{margin:.15em 0}\n"
	"table{border-collapse:collapse;width:100%;margin:.3em 0 .6em}\n"
	"th,td{text-align:left;vertical-align:top;padding:.15em .5em .15em 0;border-bottom:1px solid #ccc}\n"
	"thead th{border-bottom:1.5px solid #333;font-size:.92em}\n"
	"table.facts{width:auto}table.facts th{font-weight:normal;color:#333;padding-right:1.2em}\n"
	"tr{break-inside:avoid}\n"
	"td.n,th.n{text-align:right}\n"
	".date{white-space:nowrap}\n"
	"svg{display:block;max-width:100%;height:auto;margin:.4em 0}\n"
	"footer{margin-top:2em;border-top:1px solid #999;font-size:.9em;color:#333}\n"
	"@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
	"h2{margin-top:1em}section.summary{border-bottom:2px solid #333;padding-bottom:.4em}}\n";

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

/* The length of a YYYY-MM-DD date at p (10), or 0. */
static size_t date_at(const char *p)
{
	static const char shape[] = "dddd-dd-dd";

	for (size_t i = 0; shape[i]; i++)
		if (shape[i] == 'd' ? !(p[i] >= '0' && p[i] <= '9') : p[i] != '-')
			return 0;
	return (p[10] >= '0' && p[10] <= '9') ? 0 : 10;
}

/* Append s escaped for HTML, each date in a span that never wraps at its hyphens. */
static void put_html(struct buf *b, const char *s)
{
	const char *p = s ? s : "", *seg = p;

	for (; *p; p++) {
		size_t len = (p == s || !(p[-1] >= '0' && p[-1] <= '9')) ? date_at(p) : 0;
		char *part;

		if (!len)
			continue;
		if (p > seg) {
			part = strndup(seg, (size_t)(p - seg));
			if (!part)
				b->failed = 1;
			buf_html(b, part);
			free(part);
		}
		buf_add(b, "<span class=\"date\">");
		buf_addn(b, p, len);
		buf_add(b, "</span>");
		p += len - 1;
		seg = p + 1;
	}
	buf_html(b, seg);
}

/* Append s as the format wants stored text on one line: escaped for HTML
 * and Markdown, sanitised (a line break reads as a space) before that. */
static void put(struct rep *r, const char *s)
{
	char *clean;

	if (r->fmt == REPORT_HTML) {
		put_html(r->b, s);
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

/* Close an open list or table. */
void report_list_end(struct rep *r)
{
	if (r->in_table)
		buf_add(r->b, "</tbody></table>\n");
	r->in_table = 0;
	if (!r->in_list)
		return;
	buf_add(r->b, r->fmt == REPORT_HTML ? "</ul>\n" : "\n");
	r->in_list = 0;
}

/* Start an HTML table with the column heads in `heads` ("Skill|Date|#Tries":
 * a head starting with # is a number column); nothing in text and Markdown,
 * whose rows are list items. */
void report_table(struct rep *r, const char *heads)
{
	const char *p = heads;

	report_list_end(r);
	if (r->fmt != REPORT_HTML)
		return;
	buf_add(r->b, "<table>\n<thead><tr>");
	for (;;) {
		size_t len = strcspn(p, "|");
		int num = *p == '#';

		buf_add(r->b, num ? "<th class=\"n\">" : "<th>");
		buf_addn(r->b, p + num, len - (size_t)num);
		buf_add(r->b, "</th>");
		if (!p[len])
			break;
		p += len + 1;
	}
	buf_add(r->b, "</tr></thead>\n<tbody>\n");
	r->in_table = 1;
	r->num_cols = 0;
	for (int col = 0, start = 1; *heads; heads++) {
		if (start && *heads == '#')
			r->num_cols |= 1u << col;
		start = *heads == '|';
		col += start;
	}
}

/* One row: in HTML the n cells of the open table, otherwise a list item
 * of formatted text (the same facts as one line). */
void report_rowf(struct rep *r, int n, const char *const *cells, const char *fmt, ...)
{
	struct buf t;
	va_list ap;

	if (r->fmt != REPORT_HTML) {
		buf_init(&t);
		va_start(ap, fmt);
		buf_vprintf(&t, fmt, ap);
		va_end(ap);
		report_itemf(r, "%s", buf_str(&t));
		if (t.failed)
			r->b->failed = 1;
		buf_free(&t);
		return;
	}
	buf_add(r->b, "<tr>");
	for (int i = 0; i < n; i++) {
		buf_add(r->b, r->num_cols & (1u << i) ? "<td class=\"n\">" : "<td>");
		put(r, cells[i]);
		buf_add(r->b, "</td>");
	}
	buf_add(r->b, "</tr>\n");
}

/* One fact of the header, "label: value": a row of the facts table in HTML. */
void report_fact(struct rep *r, const char *label, const char *fmt, ...)
{
	struct buf t;
	va_list ap;

	buf_init(&t);
	va_start(ap, fmt);
	buf_vprintf(&t, fmt, ap);
	va_end(ap);
	if (t.failed)
		r->b->failed = 1;
	if (r->fmt != REPORT_HTML) {
		report_itemf(r, "%s: %s", label, buf_str(&t));
	} else {
		if (!r->in_table) {
			report_list_end(r);
			buf_add(r->b, "<table class=\"facts\">\n<tbody>\n");
			r->in_table = 1;
			r->num_cols = 0;
		}
		buf_add(r->b, "<tr><th>");
		put(r, label);
		buf_add(r->b, "</th><td>");
		put(r, buf_str(&t));
		buf_add(r->b, "</td></tr>\n");
	}
	buf_free(&t);
}

/* Append fixed HTML markup (a section's start or end); nothing in other formats. */
void report_markup(struct rep *r, const char *html)
{
	if (r->fmt != REPORT_HTML)
		return;
	report_list_end(r);
	buf_add(r->b, html);
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
	if (r->in_table)
		report_list_end(r);
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

/* Append s as the inside of a CSS string: every byte but letters, digits,
 * spaces and UTF-8 as a hex escape, so no name can end the string or the style. */
static void put_css(struct buf *b, const char *s)
{
	char *clean = text_sanitize_dup(s ? s : "");

	if (!clean)
		b->failed = 1;
	for (const unsigned char *p = (const unsigned char *)(clean ? clean : ""); *p; p++) {
		if (*p >= 0x80 || *p == ' ' || (*p >= '0' && *p <= '9') || ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			buf_addn(b, (const char *)p, 1);
		else
			buf_printf(b, "\\%x ", *p);
	}
	free(clean);
}

/* Open the page: for HTML the head, its style and the title naming the child. */
void report_page_begin(struct rep *r)
{
	char born[11];

	if (r->fmt != REPORT_HTML)
		return;
	buf_add(r->b, html_head);
	date_format(r->c->born, born);
	buf_add(r->b, "@page{margin:20mm 16mm 18mm;@top-left{content:\"");
	put_css(r->b, r->c->name);
	buf_printf(r->b, ", born %s\";font:9pt Georgia,serif;color:#333}", born);
	buf_add(r->b, "@bottom-right{content:\"page \" counter(page) \" of \" counter(pages);"
		"font:9pt Georgia,serif;color:#333}");
	buf_add(r->b, "@bottom-left{content:\"toddle: not a diagnosis\";font:8pt Georgia,serif;color:#555}}\n"
		"</style>\n<title>");
	buf_html(r->b, r->c->name);
	buf_add(r->b, ": report</title>\n</head>\n<body>\n<main>\n");
}

/* Close the page that report_page_begin opened. */
void report_page_end(struct rep *r)
{
	if (r->fmt == REPORT_HTML)
		buf_add(r->b, "</main>\n</body>\n</html>\n");
}
