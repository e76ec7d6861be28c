/* Drawing helpers: safe text, wrapped documents with a selection, boxes. */
#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "toddle/text.h"
#include "tui/tui.h"

/* Empty a document, keeping its memory for reuse. */
void doc_reset(struct doc *d)
{
	for (int i = 0; i < d->n; i++)
		free(d->line[i].text);
	d->n = 0;
	d->nitems = 0;
}

/* Free a document. */
void doc_free(struct doc *d)
{
	doc_reset(d);
	free(d->line);
	memset(d, 0, sizeof *d);
}

/* Append one line holding already-clean text. */
static void doc_push(struct doc *d, int role, int item, char *text)
{
	if (d->n == d->cap) {
		int cap = d->cap ? d->cap * 2 : 64;
		struct doc_line *g = realloc(d->line, (size_t)cap * sizeof *g);

		if (!g) {
			free(text);
			return;
		}
		d->line = g;
		d->cap = cap;
	}
	d->line[d->n].text = text;
	d->line[d->n].role = role;
	d->line[d->n].item = item;
	d->n++;
	if (item >= d->nitems)
		d->nitems = item + 1;
}

/* Append one formatted line; text is made safe for the terminal. */
void doc_add(struct doc *d, int role, int item, const char *fmt, ...)
{
	char buf[1200];
	va_list ap;
	char *clean;

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	clean = text_sanitize_dup(buf);
	if (clean)
		doc_push(d, role, item, clean);
}

/* Length in bytes of the UTF-8 character at s. */
static int char_len(const char *s)
{
	unsigned char c = (unsigned char)*s;

	if (c < 0x80)
		return 1;
	if ((c & 0xE0) == 0xC0)
		return 2;
	if ((c & 0xF0) == 0xE0)
		return 3;
	return 4;
}

/* Append text word-wrapped to width columns, each line starting with prefix;
 * a line break in the text (a note of several lines) starts a new line, under the first. */
void doc_wrap(struct doc *d, int role, int item, const char *prefix, const char *text, int width)
{
	char *clean, *p, line[1200];
	int pw = text_width(prefix), avail = width - pw;

	if (text && strchr(text, '\n')) {
		char pad[64];

		snprintf(pad, sizeof pad, "%*s", pw < (int)sizeof pad - 1 ? pw : (int)sizeof pad - 1, "");
		for (const char *s = text, *nl; s; s = nl ? nl + 1 : NULL) {
			char *one;

			nl = strchr(s, '\n');
			one = strndup(s, nl ? (size_t)(nl - s) : strlen(s));
			if (one)
				doc_wrap(d, role, item, s == text ? prefix : pad, one, width);
			free(one);
		}
		return;
	}
	clean = text_sanitize_dup(text ? text : "");
	if (!clean)
		return;
	if (avail < 8)
		avail = 8;
	p = clean;
	do {
		int used = 0;
		size_t len = 0;

		while (*p == ' ')
			p++;
		/* take whole words while they fit */
		while (*p) {
			size_t wl = strcspn(p, " ");
			char word[600];
			int ww;

			snprintf(word, sizeof word, "%.*s", (int)(wl < sizeof word ? wl : sizeof word - 1), p);
			ww = text_width(word);
			if (used + (used ? 1 : 0) + ww > avail) {
				if (used)
					break;
				/* a word wider than the line: cut it by characters */
				wl = 0;
				while (p[wl] && p[wl] != ' ') {
					char ch[8];
					int cl = char_len(p + wl);

					snprintf(ch, sizeof ch, "%.*s", cl, p + wl);
					if (used + text_width(ch) > avail)
						break;
					used += text_width(ch);
					wl += (size_t)cl;
				}
				if (!wl)
					wl = (size_t)char_len(p);
				if (len + wl < sizeof line) {
					memcpy(line + len, p, wl);
					len += wl;
				}
				p += wl;
				break;
			}
			if (used && len + 1 < sizeof line)
				line[len++] = ' ';
			if (len + wl < sizeof line) {
				memcpy(line + len, p, wl);
				len += wl;
			}
			used += (used ? 1 : 0) + ww;
			p += wl;
			while (*p == ' ')
				p++;
		}
		line[len] = '\0';
		doc_add(d, role, item, "%s%s", prefix, line);
		prefix = ""; /* continuation lines line up under the text */
		{
			static char pad[64];

			memset(pad, ' ', sizeof pad - 1);
			pad[pw < (int)sizeof pad - 1 ? pw : (int)sizeof pad - 1] = '\0';
			prefix = pad;
		}
	} while (*p);
	free(clean);
}

/* True when the terminal takes UTF-8. */
static int utf8_locale(void)
{
	static int known = -1;

	if (known < 0) {
		const char *cs = nl_langinfo(CODESET);

		known = cs && (!strcmp(cs, "UTF-8") || !strcmp(cs, "utf8"));
	}
	return known;
}

/* A copy of stored text safe for libmenu and libform to draw: cleaned, and
 * '?' for each character beyond ASCII when the locale is not UTF-8 (as
 * draw_text shows them); NULL only if out of memory. */
char *draw_clean_dup(const char *in)
{
	char *out = text_sanitize_dup(in);
	size_t o = 0;

	if (!out || utf8_locale())
		return out;
	for (const unsigned char *p = (const unsigned char *)out; *p; p++) {
		if (*p < 0x80)
			out[o++] = (char)*p;
		else if ((*p & 0xC0) != 0x80)
			out[o++] = '?';
	}
	out[o] = '\0';
	return out;
}

/* Draw s at y,x in at most width columns (clean text expected); pads with blanks. */
void draw_text(WINDOW *w, int y, int x, int width, int role, const char *s)
{
	int used = 0;
	attr_t a = theme_attr(role);

	wattrset(w, (int)a);
	wmove(w, y, x);
	for (const char *p = s ? s : ""; *p && used < width;) {
		int cl = char_len(p);

		if ((unsigned char)*p < 0x80) {
			waddch(w, (chtype)(unsigned char)*p);
			used++;
		} else if (utf8_locale()) {
			wchar_t wc[2] = { 0, 0 };
			mbstate_t st;
			int cw;

			memset(&st, 0, sizeof st);
			if (mbrtowc(wc, p, (size_t)cl, &st) != (size_t)cl)
				wc[0] = L'?';
			cw = wcwidth(wc[0]);
			if (cw < 0)
				cw = 1;
			if (used + cw > width)
				break;
			waddnwstr(w, wc, 1);
			used += cw;
		} else {
			waddch(w, '?');
			used++;
		}
		p += cl;
	}
	for (; used < width; used++)
		waddch(w, ' ');
	wattrset(w, A_NORMAL);
}

/* Keep the selected item's lines in view. */
static void doc_follow(struct doc *d, int height)
{
	int first = -1, last = -1;

	for (int i = 0; i < d->n; i++)
		if (d->line[i].item == d->sel && d->sel >= 0) {
			if (first < 0)
				first = i;
			last = i;
		}
	if (first < 0)
		return;
	if (last >= d->top + height)
		d->top = last - height + 1;
	if (first < d->top)
		d->top = first;
	/* show the heading just above the first item when there is room */
	if (first == d->top && first > 0 && d->line[first - 1].item < 0 && last - first + 1 < height)
		d->top = first - 1;
}

/* Clamp the scroll offset to the document. */
static void doc_clamp(struct doc *d, int height)
{
	if (d->top > d->n - height)
		d->top = d->n - height;
	if (d->top < 0)
		d->top = 0;
}

/* Move the selection by delta items and scroll to it; with nothing selected
 * yet, the first item in view is selected. */
void doc_move(struct doc *d, int delta, int height)
{
	if (d->nitems == 0) {
		doc_scroll(d, delta, height);
		return;
	}
	if (d->sel < 0) {
		for (int i = d->top; i < d->n; i++)
			if (d->line[i].item >= 0) {
				d->sel = d->line[i].item;
				break;
			}
	} else {
		d->sel += delta;
	}
	if (d->sel < 0)
		d->sel = 0;
	if (d->sel >= d->nitems)
		d->sel = d->nitems - 1;
	doc_follow(d, height);
	doc_clamp(d, height);
}

/* Scroll by delta lines; a selection that leaves the view follows it. */
void doc_scroll(struct doc *d, int delta, int height)
{
	d->top += delta;
	doc_clamp(d, height);
	if (d->nitems == 0)
		return;
	for (int i = d->top; i < d->top + height && i < d->n; i++)
		if (d->line[i].item == d->sel)
			return;
	if (delta > 0) {
		for (int i = d->top; i < d->n; i++)
			if (d->line[i].item >= 0) {
				d->sel = d->line[i].item;
				return;
			}
	} else {
		for (int i = d->top + height - 1; i >= 0; i--)
			if (i < d->n && d->line[i].item >= 0) {
				d->sel = d->line[i].item;
				return;
			}
	}
}

/* The keys every list shares: Up/Down choose, PgUp/PgDn page. R_DRAW when
 * handled, R_NONE when the key is not one of them. */
int doc_nav(struct doc *d, int action, int height)
{
	switch (action) {
	case DO_UP:
	case DO_DOWN:
		doc_move(d, action == DO_UP ? -1 : 1, height);
		return R_DRAW;
	case DO_PGUP:
	case DO_PGDN:
		doc_scroll(d, action == DO_PGUP ? -(height - 1) : height - 1, height);
		return R_DRAW;
	default:
		return R_NONE;
	}
}

/* Draw the visible part of the document; the selected item is highlighted. */
void doc_draw(struct doc *d, WINDOW *w, int y0, int x0, int height, int width, int focused)
{
	doc_follow(d, height);
	doc_clamp(d, height);
	for (int r = 0; r < height; r++) {
		int i = d->top + r;
		int role = T_NORMAL;
		const char *s = "";

		if (i < d->n) {
			role = d->line[i].role;
			s = d->line[i].text;
			if (d->line[i].item >= 0 && d->line[i].item == d->sel)
				role = focused ? T_SELECTED : T_SELECTED_DIM;
		}
		draw_text(w, y0 + r, x0, width, role, s);
	}
}

/* A border with a title; the focused pane's title stands out. */
void draw_box(struct tui *t, WINDOW *w, const char *title, int focused)
{
	int h, wd;

	getmaxyx(w, h, wd);
	(void)h;
	wattrset(w, (int)theme_attr(T_BORDER));
	if (t->ascii)
		wborder(w, '|', '|', '-', '-', '+', '+', '+', '+');
	else
		box(w, 0, 0);
	wattrset(w, A_NORMAL);
	if (title && wd > 6) {
		char buf[200];

		snprintf(buf, sizeof buf, " %s ", title);
		draw_text(w, 0, 2, text_width(buf) < wd - 4 ? text_width(buf) : wd - 4,
			  focused ? T_HEADING : T_DIM, buf);
	}
}
