/* A form's note fields: text of several lines, typed and drawn by toddle
 * itself over a placeholder libform field (libform keeps no line breaks and
 * mishandles wide characters in growable fields). The text is f->value byte
 * for byte; it wraps at the field's width at spaces; Enter starts a line. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "toddle/text.h"
#include "tui/form.h"

/* One drawn line of a note: bytes [start, end) of the text; the next line
 * starts at or after end (after the line break or the space it wrapped at). */
struct note_line {
	int start, end;
};

/* Most lines a note field shows at once. */
#define NOTE_ROWS_MAX 8

/* Bytes in the UTF-8 character at s (1 for a stray byte). */
static int utf8_len(const char *s)
{
	unsigned char c = (unsigned char)*s;
	int n = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;

	for (int i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			return 1;
	return n;
}

/* Columns the character of n bytes at s takes (a tab or a control character: 1). */
static int char_cols(const char *s, int n)
{
	char one[8];
	int w;

	memcpy(one, s, (size_t)n);
	one[n] = '\0';
	w = text_width(one);
	return w < 1 ? 1 : w;
}

/* Cut text into lines of at most width - 1 columns (the cursor needs one
 * after the last character); a new array of *n lines, or NULL. */
static struct note_line *note_lines(const char *s, int width, int *n)
{
	int len = (int)strlen(s), i = 0, cap = 16, avail = width > 2 ? width - 1 : 1;
	struct note_line *l = calloc((size_t)cap, sizeof *l);

	*n = 0;
	if (!l)
		return NULL;
	for (;;) {
		int start = i, col = 0, space = -1, end;

		while (i < len && s[i] != '\n') {
			int k = utf8_len(s + i), w = char_cols(s + i, k);

			if (col + w > avail)
				break;
			if (s[i] == ' ')
				space = i;
			col += w;
			i += k;
		}
		if (i < len && s[i] != '\n') {         /* too long: wrap at a space if there is one */
			if (s[i] == ' ')
				end = i++;
			else if (space > start)
				end = space, i = space + 1;
			else if (i > start)
				end = i;
			else                           /* wider than the field: it goes alone */
				i += utf8_len(s + i), end = i;
		} else {
			end = i;
		}
		if (*n == cap) {
			struct note_line *g = realloc(l, (size_t)(cap *= 2) * sizeof *l);

			if (!g) {
				free(l);
				return NULL;
			}
			l = g;
		}
		l[(*n)++] = (struct note_line){ start, end };
		if (end == i && i < len && s[i] == '\n')
			i++;
		else if (end == i && i >= len)
			break;
	}
	return l;
}

/* The line the cursor is on: the last one starting at or before it. */
static int line_of(const struct note_line *l, int n, int cursor)
{
	int k = 0;

	while (k + 1 < n && l[k + 1].start <= cursor)
		k++;
	return k;
}

/* Columns from the start of line l to byte `to` of s. */
static int cols_to(const char *s, struct note_line l, int to)
{
	int col = 0;

	for (int i = l.start; i < to && i < l.end;) {
		int k = utf8_len(s + i);

		col += char_cols(s + i, k);
		i += k;
	}
	return col;
}

/* The byte on line l nearest to column col (not past the line's end). */
static int byte_at(const char *s, struct note_line l, int col)
{
	int i = l.start, used = 0;

	while (i < l.end) {
		int k = utf8_len(s + i), w = char_cols(s + i, k);

		if (used + w > col)
			break;
		used += w;
		i += k;
	}
	return i;
}

/* The fields' heights: the spare rows go first to the note being written,
 * then a share to each other note, up to NOTE_ROWS_MAX; other fields take one line. */
void form_note_heights(struct form_state *f, int spare)
{
	int notes = 0;

	for (int i = 0; i < f->nf; i++) {
		f->height[i] = 1;
		notes += f->spec[i].kind == FK_NOTE;
	}
	if (f->focus >= 0 && f->focus < f->nf && f->spec[f->focus].kind == FK_NOTE)
		while (spare > 0 && f->height[f->focus] < NOTE_ROWS_MAX) {
			f->height[f->focus]++;
			spare--;
		}
	while (notes && spare > 0) {
		int grew = 0;

		for (int i = 0; i < f->nf && spare > 0; i++)
			if (f->spec[i].kind == FK_NOTE && f->height[i] < NOTE_ROWS_MAX) {
				f->height[i]++;
				spare--;
				grew = 1;
			}
		if (!grew)
			break;
	}
}

/* Put the cursor at the end of note i. */
void note_cursor_end(struct form_state *f, int i)
{
	f->cursor[i] = (int)strlen(f->value[i]);
}

/* Insert bytes at the cursor of note i; refuses (with a message) when the note is full. */
static int note_insert(struct tui *t, struct form_state *f, int i, const char *bytes, int n)
{
	char *v = f->value[i];
	int len = (int)strlen(v), max = f->spec[i].max < FORM_TEXT_MAX - 1 ? f->spec[i].max : FORM_TEXT_MAX - 1;
	char msg[160];

	snprintf(msg, sizeof msg, "%s is full: it holds at most %d bytes of text.", f->spec[i].label, max);
	/* once full, the rest of a paste is refused whole, even a letter that
	 * would still fit: the note keeps a beginning of it, never a patchwork */
	if (len + n > max || !strcmp(f->error, msg))
		return form_refuse(t, i, msg);
	memmove(v + f->cursor[i] + n, v + f->cursor[i], (size_t)(len - f->cursor[i] + 1));
	memcpy(v + f->cursor[i], bytes, (size_t)n);
	f->cursor[i] += n;
	f->error[0] = '\0';
	return R_DRAW;
}

/* A typed character as UTF-8 bytes (wchar_t holds Unicode here); 0 when it is not one. */
static int utf8_encode(wint_t ch, char out[4])
{
	if (ch < 0x80)
		return out[0] = (char)ch, 1;
	if (ch < 0x800)
		return out[0] = (char)(0xC0 | (ch >> 6)), out[1] = (char)(0x80 | (ch & 0x3F)), 2;
	if (ch >= 0xD800 && ch <= 0xDFFF)
		return 0;
	if (ch < 0x10000)
		return out[0] = (char)(0xE0 | (ch >> 12)), out[1] = (char)(0x80 | ((ch >> 6) & 0x3F)),
		       out[2] = (char)(0x80 | (ch & 0x3F)), 3;
	if (ch > 0x10FFFF)
		return 0;
	out[0] = (char)(0xF0 | (ch >> 18));
	out[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
	out[2] = (char)(0x80 | ((ch >> 6) & 0x3F));
	out[3] = (char)(0x80 | (ch & 0x3F));
	return 4;
}

/* The start of the character before byte `at` of s. */
static int char_before(const char *s, int at)
{
	if (at <= 0)
		return 0;
	at--;
	while (at > 0 && ((unsigned char)s[at] & 0xC0) == 0x80)
		at--;
	return at;
}

/* Remove bytes [from, to) of note i, the cursor at from. */
static int note_remove(struct form_state *f, int i, int from, int to)
{
	char *v = f->value[i];

	memmove(v + from, v + to, strlen(v + to) + 1);
	f->cursor[i] = from;
	f->error[0] = '\0'; /* room again: typing goes on */
	return R_DRAW;
}

/* Move the cursor of note i a line up (dir -1) or down (1); R_NONE at the first or last line. */
static int note_vertical(struct form_state *f, int i, int dir, int width)
{
	int n, k, col, rc = R_NONE;
	struct note_line *l = note_lines(f->value[i], width, &n);

	if (!l)
		return R_DRAW;
	k = line_of(l, n, f->cursor[i]);
	if (k + dir >= 0 && k + dir < n) {
		col = cols_to(f->value[i], l[k], f->cursor[i]);
		f->cursor[i] = byte_at(f->value[i], l[k + dir], col);
		rc = R_DRAW;
	}
	free(l);
	return rc;
}

/* The start (end 0) or the end (end 1) of the cursor's line in note i. */
static int note_line_edge(struct form_state *f, int i, int end, int width)
{
	int n;
	struct note_line *l = note_lines(f->value[i], width, &n);

	if (l) {
		int k = line_of(l, n, f->cursor[i]);

		f->cursor[i] = end ? l[k].end : l[k].start;
		free(l);
	}
	return R_DRAW;
}

/* The width note i is drawn in (its placeholder field's). */
static int note_width(const struct form_state *f, int i)
{
	int rows, cols, frow, fcol, off, nbuf;

	if (!f->fields[i] || field_info(f->fields[i], &rows, &cols, &frow, &fcol, &off, &nbuf) != E_OK)
		return 40;
	return cols;
}

/* One key in note field i; R_NONE when the form should handle it instead. */
int note_key(struct tui *t, struct form_state *f, int i, enum action a, int is_key, wint_t ch)
{
	char *v = f->value[i];
	int width = note_width(f, i), len = (int)strlen(v);
	char bytes[4];
	int n;

	if (f->cursor[i] < 0 || f->cursor[i] > len)
		f->cursor[i] = len;
	switch (a) {
	case DO_NEWLINE:
		return note_insert(t, f, i, "\n", 1);
	case DO_UP:
		return note_vertical(f, i, -1, width);
	case DO_DOWN:
		return note_vertical(f, i, 1, width);
	case DO_HOME:
		return note_line_edge(f, i, 0, width);
	case DO_END:
		return note_line_edge(f, i, 1, width);
	case DO_LEFT:
		f->cursor[i] = char_before(v, f->cursor[i]);
		return R_DRAW;
	case DO_RIGHT:
		if (f->cursor[i] < len)
			f->cursor[i] += utf8_len(v + f->cursor[i]);
		return R_DRAW;
	case DO_FORM_RUBOUT:
		return f->cursor[i] ? note_remove(f, i, char_before(v, f->cursor[i]), f->cursor[i]) : R_DRAW;
	case DO_FORM_DELETE:
		return f->cursor[i] < len ? note_remove(f, i, f->cursor[i], f->cursor[i] + utf8_len(v + f->cursor[i]))
					  : R_DRAW;
	case DO_FORM_CLEAR:
		return note_remove(f, i, 0, len);
	case DO_NONE:
		break;
	default:
		return R_NONE;
	}
	if (is_key || ch < 32 || ch == 127 || !(n = utf8_encode(ch, bytes)))
		return R_DRAW;
	return note_insert(t, f, i, bytes, n);
}

/* Draw note field i: its lines in view (the cursor's among them), cleaned for the terminal. */
void note_draw(struct tui *t, struct form_state *f, int i, int y, int x, int width, int focus)
{
	const char *v = f->value[i];
	int n, k, h = f->height[i];
	struct note_line *l = note_lines(v, width, &n);

	if (!l)
		return;
	k = line_of(l, n, f->cursor[i]);
	if (k < f->top[i])
		f->top[i] = k;
	if (k >= f->top[i] + h)
		f->top[i] = k - h + 1;
	if (f->top[i] > n - 1)
		f->top[i] = n - 1 > 0 ? n - 1 : 0;
	for (int r = 0; r < h; r++) {
		int j = f->top[i] + r;
		char *one = j >= 0 && j < n ? strndup(v + l[j].start, (size_t)(l[j].end - l[j].start)) : NULL;
		char *clean = one ? draw_clean_dup(one) : NULL;
		/* a sign that more lines are above or below the ones shown */
		int more = (r == 0 && f->top[i] > 0) || (r == h - 1 && f->top[i] + h < n);

		draw_text(t->over, y + r, x, width, T_SELECTED_DIM, clean ? clean : "");
		if (more)
			mvwaddch(t->over, y + r, x + width - 1, r == 0 ? '^' : 'v');
		free(clean);
		free(one);
	}
	if (focus)
		wmove(t->over, y + k - f->top[i], x + cols_to(v, l[k], f->cursor[i]));
	free(l);
}
