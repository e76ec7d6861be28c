/* Text checks and cleaning for anything typed, stored or drawn. */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include "toddle/text.h"

/* Decode one UTF-8 sequence at s (n bytes left); returns its length and
 * stores the code point, or 0 when the bytes are not valid UTF-8. */
static int utf8_decode(const unsigned char *s, size_t n, unsigned *cp)
{
	unsigned c = s[0];
	int len;
	unsigned min;

	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if ((c & 0xE0) == 0xC0) {
		len = 2; min = 0x80; c &= 0x1F;
	} else if ((c & 0xF0) == 0xE0) {
		len = 3; min = 0x800; c &= 0x0F;
	} else if ((c & 0xF8) == 0xF0) {
		len = 4; min = 0x10000; c &= 0x07;
	} else {
		return 0;
	}
	if ((size_t)len > n)
		return 0;
	for (int i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0;
	*cp = c;
	return len;
}

/* Control characters, and the invisible marks that reorder text on screen. */
static int is_unsafe(unsigned cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F) ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* True when s[0..len) is well-formed UTF-8 (no overlongs or surrogates). */
int text_utf8_valid(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	unsigned cp;

	while (i < len) {
		int k = utf8_decode(p + i, len - i, &cp);

		if (!k)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

/* True when valid UTF-8 text holds an unsafe character other than tab. */
int text_has_unsafe(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	unsigned cp;

	while (i < len) {
		int k = utf8_decode(p + i, len - i, &cp);

		if (!k)
			return 1;
		if (is_unsafe(cp) && cp != '\t')
			return 1;
		i += (size_t)k;
	}
	return 0;
}

/* The first byte no field may keep, and its line; -1 when there is none. */
long text_find_bad(const char *s, size_t len, int *line)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	unsigned cp;

	*line = 1;
	while (i < len) {
		int k = utf8_decode(p + i, len - i, &cp);

		if (!k || cp == 0 || (is_unsafe(cp) && cp != '\t' && cp != '\n' && cp != '\r'))
			return (long)i;
		if (cp == '\n' || (cp == '\r' && (i + 1 >= len || p[i + 1] != '\n')))
			++*line;
		i += (size_t)k;
	}
	return -1;
}

/* Check a typed field: required, length, UTF-8 and control characters
 * (lines: a line break is allowed too). */
static int check_text(const char *s, const char *field, size_t maxbytes, int required, int lines,
		      struct tdl_err *err)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t len = strlen((const char *)p), i = 0;
	unsigned cp;

	if (len == 0)
		return required ? err_set(err, TDL_EINPUT, "%s is empty: please fill it in", field)
				: TDL_OK;
	if (len > maxbytes)
		return err_set(err, TDL_EINPUT, "%s is too long (%zu bytes): keep it under %zu",
			       field, len, maxbytes);
	while (i < len) {
		int k = utf8_decode(p + i, len - i, &cp);

		if (!k)
			return err_set(err, TDL_EINPUT,
				       "%s is not valid UTF-8 text: check the terminal's character set",
				       field);
		if (is_unsafe(cp) && cp != '\t' && !(lines && cp == '\n'))
			return err_set(err, TDL_EINPUT, lines
				       ? "%s holds a control character: only line breaks and tabs may be in it"
				       : "%s holds a control character: use plain text only", field);
		i += (size_t)k;
	}
	return TDL_OK;
}

/* Check a one-line field a person typed (names, titles, places). */
int text_check(const char *s, const char *field, size_t maxbytes, int required,
	       struct tdl_err *err)
{
	return check_text(s, field, maxbytes, required, 0, err);
}

/* Check a note a person typed: like text_check, and line breaks are allowed. */
int text_check_lines(const char *s, const char *field, size_t maxbytes, int required,
		     struct tdl_err *err)
{
	return check_text(s, field, maxbytes, required, 1, err);
}

/* Bytes after an ESC that belong to its sequence: CSI (ESC [ ... final),
 * OSC/DCS/APC/PM (ESC ] ... BEL or ESC \\), or one character. */
static size_t escape_length(const unsigned char *p, size_t n)
{
	size_t i = 1;

	if (n == 0)
		return 0;
	if (p[0] == '[') {
		while (i < n && !(p[i] >= 0x40 && p[i] <= 0x7E) && p[i] >= 0x20)
			i++;
		return i < n && p[i] >= 0x40 ? i + 1 : i;
	}
	if (p[0] == ']' || p[0] == 'P' || p[0] == '_' || p[0] == '^') {
		while (i < n && p[i] != 0x07 && !(p[i] == 0x1B && i + 1 < n && p[i + 1] == '\\'))
			i++;
		return i < n ? (p[i] == 0x07 ? i + 1 : i + 2) : i;
	}
	return p[0] >= 0x20 && p[0] < 0x7F ? 1 : 0;
}

/* Copy in to out dropping unsafe characters and escape sequences; invalid bytes become '?'.
 * out may be in itself: the output never runs ahead of the input, and bytes move with memmove. */
void text_sanitize(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t n = strlen((const char *)p), i = 0, o = 0;
	unsigned cp;

	if (outsz == 0)
		return;
	while (i < n) {
		int k;

		if (p[i] >= 0x20 && p[i] < 0x7F) { /* printable ASCII, the most of any text: kept as it is */
			if (o + 1 >= outsz)
				break;
			out[o++] = (char)p[i++];
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (!k) {
			if (o + 1 < outsz)
				out[o++] = '?';
			i++;
			continue;
		}
		if (cp == 0x1B) {
			i += 1 + escape_length(p + i + 1, n - i - 1);
			continue;
		}
		if (cp == '\t' || cp == '\n') {
			if (o + 1 < outsz)
				out[o++] = ' ';
		} else if (!is_unsafe(cp)) {
			if (o + (size_t)k >= outsz)
				break;
			memmove(out + o, p + i, (size_t)k);
			o += (size_t)k;
		}
		i += (size_t)k;
	}
	out[o] = '\0';
}

/* Same as text_sanitize into a new heap string. */
char *text_sanitize_dup(const char *in)
{
	size_t n = strlen(in ? in : "") + 1;
	char *out = malloc(n);

	if (out)
		text_sanitize(in, out, n);
	return out;
}

/* Remove leading and trailing blanks in place. */
char *text_trim(char *s)
{
	size_t n, start = 0;

	if (!s)
		return s;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' ||
			 s[n - 1] == '\n'))
		n--;
	while (start < n && (s[start] == ' ' || s[start] == '\t'))
		start++;
	memmove(s, s + start, n - start);
	s[n - start] = '\0';
	return s;
}

/* Columns that s takes on a terminal (wide characters count 2). */
int text_width(const char *s)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0;
	unsigned cp;
	int w = 0;

	while (i < n) {
		int k, cw;

		if (p[i] >= 0x20 && p[i] < 0x7F) { /* printable ASCII: one column, no lookup */
			w++;
			i++;
			continue;
		}
		k = utf8_decode(p + i, n - i, &cp);
		if (!k) {
			w++;
			i++;
			continue;
		}
		cw = wcwidth((wchar_t)cp);
		w += cw < 0 ? (is_unsafe(cp) ? 0 : 1) : cw;
		i += (size_t)k;
	}
	return w;
}

/* Columns of the character cp on a terminal (0 for what draws nothing). */
static int char_cols(unsigned cp)
{
	int cw = cp >= 0x20 && cp < 0x7F ? 1 : wcwidth((wchar_t)cp); /* printable ASCII: no lookup */

	return cw < 0 ? (is_unsafe(cp) ? 0 : 1) : cw;
}

/* The next line of s wrapped at spaces to width columns. */
size_t text_wrap_line(const char *s, int width, const char **next)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t n = strlen((const char *)p), i = 0, end = n, nxt = n, brk = 0;
	int used = 0, have_brk = 0, seen_word = 0;

	if (width < 1)
		width = 1;
	while (i < n) {
		unsigned cp;
		int k = utf8_decode(p + i, n - i, &cp), cw;

		if (!k) {
			k = 1;
			cp = '?';
		}
		if (cp == '\n') {
			end = i;
			nxt = i + 1;
			break;
		}
		cw = char_cols(cp);
		if (cp == ' ') {
			if (seen_word) {
				brk = i;
				have_brk = 1;
			}
			if (used + cw > width) {
				end = nxt = i;
				break;
			}
		} else if (used + cw > width) {
			/* break after the last whole word; a word wider than the line is cut */
			end = nxt = have_brk ? brk : (i ? i : (size_t)k);
			break;
		} else {
			seen_word = 1;
		}
		used += cw;
		i += (size_t)k;
	}
	if (nxt < n && p[nxt] == ' ')
		while (nxt < n && p[nxt] == ' ')
			nxt++;
	while (end > 0 && p[end - 1] == ' ' && seen_word)
		end--;
	if (next)
		*next = (const char *)p + nxt;
	return end;
}

/* How many lines s takes wrapped to width columns (at least 1). */
int text_wrap_rows(const char *s, int width)
{
	const char *p = s ? s : "";
	int rows = 0;

	do {
		text_wrap_line(p, width, &p);
		rows++;
	} while (*p);
	return rows;
}

/* Duplicate s. */
char *text_dup(const char *s)
{
	return s ? strdup(s) : NULL;
}

/* The plain letters of U+00C0..U+017F for text_fold; '*' marks a letter
 * that folds to two ("ae", "oe", "ss", "th", "ij") and '.' one left as it is. */
static const char fold_latin[] =
	"aaaaaa*ceeeeiiiidnooooo.ouuuuy**"  /* U+00C0 */
	"aaaaaa*ceeeeiiiidnooooo.ouuuuy*y"  /* U+00E0 */
	"aaaaaaccccccccddddeeeeeeeeeegggg"  /* U+0100 */
	"gggghhhhiiiiiiiiii**jjkkklllllll"  /* U+0120 */
	"lllnnnnnnnnnoooooo**rrrrrrssssss"  /* U+0140 */
	"ssttttttuuuuuuuuuuuuwwyyyzzzzzzs"; /* U+0160 */

/* The two letters a '*' of fold_latin stands for. */
static const char *fold_pair(unsigned cp)
{
	switch (cp) {
	case 0xC6: case 0xE6:
		return "ae";
	case 0xDE: case 0xFE:
		return "th";
	case 0xDF:
		return "ss";
	case 0x132: case 0x133:
		return "ij";
	default:
		return "oe"; /* U+0152, U+0153 */
	}
}

/* Copy in to out folded for searching: lower case, accents off Latin letters. */
void text_fold(const char *in, char *out, size_t outsz)
{
	const unsigned char *p = (const unsigned char *)(in ? in : "");
	size_t n = strlen((const char *)p), i = 0, o = 0;

	if (!outsz)
		return;
	while (i < n) {
		unsigned cp;
		int k = utf8_decode(p + i, n - i, &cp);
		const char *put;
		char one[2] = { 0, 0 };
		size_t len;

		if (k && cp >= 0xC0 && cp < 0xC0 + sizeof fold_latin - 1 && fold_latin[cp - 0xC0] != '.') {
			one[0] = fold_latin[cp - 0xC0];
			put = one[0] == '*' ? fold_pair(cp) : one;
		} else if (k == 1) {
			one[0] = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			put = one;
		} else {
			k = k ? k : 1;
			put = NULL;
		}
		len = put ? strlen(put) : (size_t)k;
		if (o + len >= outsz)
			break;
		memcpy(out + o, put ? put : (const char *)p + i, len);
		o += len;
		i += (size_t)k;
	}
	out[o] = '\0';
}
