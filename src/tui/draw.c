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
	d->built_by = NULL;
	d->fitted = 0;
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
	d->fitted = 0;
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

/* Append text word-wrapped to width columns, the first line starting with
 * prefix and the lines after it lined up under the text; a line break in the
 * text (a note of several lines) starts a new line, lined up too. */
void doc_wrap(struct doc *d, int role, int item, const char *prefix, const char *text, int width)
{
	char *clean, pad[64];
	const char *p;
	int pw = text_width(prefix), avail = width - pw;

	if (text && strchr(text, '\n')) {
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
	if (text_width(clean) <= avail && strlen(prefix) + strlen(clean) < 1200) {
		/* one line that fits (most lines): the wrap's line without its formatting
		 * again, trailing blanks dropped as it drops them */
		size_t n = strlen(clean), pl = strlen(prefix);
		char *one = pl ? malloc(pl + n + 1) : clean;

		if (strspn(clean, " ") < n)
			while (n > 0 && clean[n - 1] == ' ')
				n--;
		clean[n] = '\0';
		if (!one) {
			free(clean);
			return;
		}
		if (pl) {
			text_sanitize(prefix, one, pl + 1);
			strcat(one, clean);
			free(clean);
		}
		doc_push(d, role, item, one);
		return;
	}
	memset(pad, ' ', sizeof pad - 1);
	pad[pw < (int)sizeof pad - 1 ? pw : (int)sizeof pad - 1] = '\0';
	p = clean;
	do {
		const char *line = p;
		size_t len = text_wrap_line(line, avail, &p);

		doc_add(d, role, item, "%s%.*s", prefix, (int)len, line);
		prefix = pad;
	} while (*p);
	free(clean);
}

/* Draw clean text s wrapped to width columns from row y on, in at most rows
 * rows (the last shown line ends in "..." when more is left); returns the
 * rows used. */
int draw_wrap(WINDOW *w, int y, int x, int width, int rows, int role, const char *s)
{
	const char *p = s ? s : "";
	int used = 0;

	while (used < rows) {
		const char *line = p;
		size_t len = text_wrap_line(line, width, &p);
		char buf[1200];

		snprintf(buf, sizeof buf, "%.*s", (int)len, line);
		if (*p && used == rows - 1 && width > 3) {
			/* no room for the rest: say so rather than stop mid-sentence */
			len = text_wrap_line(line, width - 3, NULL);
			snprintf(buf, sizeof buf, "%.*s...", (int)len, line);
		}
		draw_text(w, y + used, x, width, role, buf);
		used++;
		if (!*p)
			break;
	}
	return used;
}

/* Draw key hints ("Tab next  Esc cancel") in at most rows rows of width
 * columns, broken only between hints (two blanks), never inside one; with w
 * NULL only counts. Returns the rows used. */
int draw_hints(WINDOW *w, int y, int x, int width, int rows, int role, const char *s)
{
	char glued[1200], line[1200];
	const char *p;
	size_t o = 0;
	int used = 0;

	/* a lone blank joins the words of one hint: a no-break space while wrapping */
	for (const char *c = s ? s : ""; *c && o + 3 < sizeof glued; c++) {
		if (*c == ' ' && c[1] != ' ' && (c == s || c[-1] != ' ')) {
			glued[o++] = '\xc2';
			glued[o++] = '\xa0';
		} else {
			glued[o++] = *c;
		}
	}
	glued[o] = '\0';
	p = glued;
	while (used < rows && *p) {
		const char *start = p;
		size_t len = text_wrap_line(start, width, &p), n = 0;

		for (size_t i = 0; i < len && start[i] && n + 1 < sizeof line; i++) {
			if ((unsigned char)start[i] == 0xc2 && i + 1 < len && (unsigned char)start[i + 1] == 0xa0) {
				line[n++] = ' ';
				i++;
			} else {
				line[n++] = start[i];
			}
		}
		line[n] = '\0';
		if (w)
			draw_text(w, y + used, x, width, role, line);
		used++;
	}
	return used ? used : 1;
}

/* Shorten clean text s in place to width columns, ending it in more ("…")
 * when it had to be cut, so a cut never passes for the whole text. */
void draw_fit(char *s, size_t size, int width, const char *more)
{
	int mw = text_width(more), used = 0;
	size_t i = 0, keep = 0;

	if (text_width(s) <= width)
		return;
	while (s[i]) {
		char ch[8];
		int cl = char_len(s + i);

		snprintf(ch, sizeof ch, "%.*s", cl, s + i);
		if (used + text_width(ch) > width - mw)
			break;
		used += text_width(ch);
		i += (size_t)cl;
		keep = i;
	}
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	if (keep + strlen(more) >= size)
		keep = 0;
	snprintf(s + keep, size - keep, "%s", width >= mw ? more : "");
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

/* The first (last: 1) line of item, or -1. */
static int item_line(const struct doc *d, int item, int last)
{
	int at = -1;

	for (int i = 0; i < d->n && item >= 0; i++)
		if (d->line[i].item == item) {
			at = i;
			if (!last)
				break;
		}
	return at;
}

/* The item whose first line is nearest to line `want` among the lines in
 * view (ties go down); an item only partly in view when none starts there;
 * -1 when no item shows. */
static int item_near(const struct doc *d, int want, int height)
{
	int best = -1, dist = 0, part = -1;

	for (int i = d->top; i < d->top + height && i < d->n; i++) {
		int it = d->line[i].item, k = i - want < 0 ? want - i : i - want;

		if (it < 0)
			continue;
		if (i > 0 && d->line[i - 1].item == it) {
			if (part < 0)
				part = it;
			continue;
		}
		if (best < 0 || k < dist)
			best = it, dist = k;
	}
	return best >= 0 ? best : part;
}

/* The first (last: 1) item with a line in view, or -1. */
static int item_in_view(const struct doc *d, int height, int last)
{
	int found = -1;

	for (int i = d->top; i < d->top + height && i < d->n; i++)
		if (d->line[i].item >= 0) {
			found = d->line[i].item;
			if (!last)
				break;
		}
	return found;
}

/* True when the selected item has a line in view. */
static int sel_in_view(const struct doc *d, int height)
{
	for (int i = d->top; i < d->top + height && i < d->n; i++)
		if (d->sel >= 0 && d->line[i].item == d->sel)
			return 1;
	return 0;
}

/* Move the selection by delta items and scroll to it. With nothing selected,
 * the first (going up: the last) item in view is; with none in view, or past
 * the first or last item, the view scrolls a line instead. delta 0 selects
 * the first item in view when none is, else scrolls to the one selected. */
void doc_move(struct doc *d, int delta, int height)
{
	int edge;

	if (d->sel >= 0 && delta == 0) {
		doc_follow(d, height);
		doc_clamp(d, height);
		return;
	}
	if (d->sel < 0 || !sel_in_view(d, height)) {
		int it = item_in_view(d, height, delta < 0);

		if (it >= 0 || delta == 0) {
			if (it >= 0)
				d->sel = it;
			return;
		}
		doc_scroll(d, delta, height);
		return;
	}
	edge = delta > 0 ? d->sel >= d->nitems - 1 : delta < 0 && d->sel <= 0;
	if (edge) {
		/* the text before the first or after the last item scrolls into view */
		if ((delta > 0 && d->top + height < d->n) || (delta < 0 && d->top > 0)) {
			d->top += delta;
			if (!sel_in_view(d, height))
				d->sel = -1;
		}
		return;
	}
	d->sel += delta;
	if (d->sel < 0)
		d->sel = 0;
	if (d->sel >= d->nitems)
		d->sel = d->nitems - 1;
	doc_follow(d, height);
	doc_clamp(d, height);
}

/* Scroll by delta lines; a selection that leaves the view moves to the first
 * (scrolling up: the last) item in view, or to none when none shows. */
void doc_scroll(struct doc *d, int delta, int height)
{
	d->top += delta;
	doc_clamp(d, height);
	if (d->nitems == 0 || sel_in_view(d, height))
		return;
	d->sel = item_in_view(d, height, delta < 0);
}

/* A page down (dir 1) or up (-1): the view moves a page less a line and the
 * selection moves with it, keeping its row; where the view cannot move, the
 * selection goes to the last (first) item in view. */
static void doc_page(struct doc *d, int dir, int height)
{
	int old = d->top, row = -1, first = item_line(d, d->sel, 0);

	if (first >= old && first < old + height)
		row = first - old;
	d->top += dir * (height > 2 ? height - 1 : 1);
	doc_clamp(d, height);
	if (d->nitems == 0)
		return;
	if (d->top == old) {
		int it = item_in_view(d, height, dir > 0);

		if (it >= 0)
			d->sel = it;
		return;
	}
	d->sel = item_near(d, d->top + (row >= 0 ? row : dir > 0 ? 0 : height - 1), height);
	if (d->top >= d->n - height)
		d->top = d->n; /* at the end: it stays there if the next draw adds a line */
}

/* Home (first 0) or End (1): the top or the end of the document in view, the
 * first or last item in view selected. A top past the end stands for the end
 * until the next draw, which may add lines (a milestone's history opens). */
static void doc_edge(struct doc *d, int end, int height)
{
	d->top = end ? d->n - height : 0;
	doc_clamp(d, height);
	if (d->nitems)
		d->sel = item_in_view(d, height, end);
	if (end)
		d->top = d->n;
}

/* The moving keys every list and document shares, in one place: Up/Down
 * choose (or scroll a line where nothing can be chosen), PgUp/PgDn (and
 * Space) page with the selection, Home/g and End/G go to the first and the
 * last. R_DRAW when handled, R_NONE when the key is not one of them. */
int doc_nav(struct doc *d, enum action action, int height)
{
	if (height < 1)
		height = 1;
	switch (action) {
	case DO_UP:
	case DO_DOWN:
		if (d->nitems == 0)
			doc_scroll(d, action == DO_UP ? -1 : 1, height);
		else
			doc_move(d, action == DO_UP ? -1 : 1, height);
		return R_DRAW;
	case DO_PGUP:
	case DO_PGDN:
		doc_page(d, action == DO_PGUP ? -1 : 1, height);
		return R_DRAW;
	case DO_HOME:
	case DO_END:
		doc_edge(d, action == DO_END, height);
		return R_DRAW;
	default:
		return R_NONE;
	}
}

/* Wrap every line wider than width (a pane built for another width, a line
 * added whole): the pieces keep the line's role and item, and lines after
 * the first are indented like it. */
static void doc_reflow(struct doc *d, int width)
{
	struct doc old = *d;
	int wide = 0, top = 0;

	if (d->fitted == width)
		return; /* checked at this width, and no line added since */
	for (int i = 0; i < d->n && !wide; i++)
		wide = text_width(d->line[i].text) > width;
	if (!wide || width < 8) {
		d->fitted = wide ? 0 : width;
		return;
	}
	memset(d, 0, sizeof *d);
	d->sel = old.sel;
	d->built_by = old.built_by;
	for (int i = 0; i < old.n; i++) {
		const char *p = old.line[i].text;
		int indent = (int)strspn(p, " "), piece = 0;

		if (i == old.top)
			top = d->n;
		if (indent > width / 2)
			indent = width / 2;
		do {
			const char *start = p;
			size_t len = text_wrap_line(start, piece ? width - indent : width, &p);

			doc_add(d, old.line[i].role, old.line[i].item, "%*s%.*s", piece ? indent : 0, "",
				(int)len, start);
			piece++;
		} while (*p);
	}
	d->top = top;
	d->nitems = old.nitems > d->nitems ? old.nitems : d->nitems;
	d->fitted = width;
	doc_free(&old);
}

/* Draw the visible part of the document; the selected item is highlighted. */
void doc_draw(struct doc *d, WINDOW *w, int y0, int x0, int height, int width, int focused)
{
	doc_reflow(d, width);
	doc_clamp(d, height);
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

/* A border with a title; the focused pane's title stands out: drawn reversed
 * and marked with an arrow after it, so the focus shows without colour too. */
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

		snprintf(buf, sizeof buf, " %s %s", title, focused ? (t->ascii ? "< " : "◀ ") : "");
		draw_text(w, 0, 2, text_width(buf) < wd - 4 ? text_width(buf) : wd - 4,
			  focused ? T_SELECTED : T_DIM, buf);
	}
}
