/* Text checks and cleaning: UTF-8, control characters, display width. */
#ifndef TODDLE_TEXT_H
#define TODDLE_TEXT_H

#include <stddef.h>
#include "toddle/err.h"

/* True when s[0..len) is well-formed UTF-8 (no overlongs or surrogates). */
int text_utf8_valid(const char *s, size_t len);

/* True when s[0..len) (valid UTF-8) holds a control or direction-override character other than tab. */
int text_has_unsafe(const char *s, size_t len);

/* The first byte of s[0..len) that no field may keep: invalid UTF-8 (a NUL
 * included) or a control or direction-override character other than line
 * break, carriage return and tab. Returns its offset and sets *line (from 1,
 * a line break or a lone carriage return starts a line); -1 when all is well. */
long text_find_bad(const char *s, size_t len, int *line);

/* Check a field a person typed: trimmed copy in place is the caller's job.
 * Fails with TDL_EINPUT naming `field` when it is empty (and required),
 * longer than maxbytes, not UTF-8, or holds control characters. */
int text_check(const char *s, const char *field, size_t maxbytes, int required,
	       struct tdl_err *err);

/* As text_check, for notes of several lines: line breaks ('\n') and tabs
 * are allowed, every other control character is refused. */
int text_check_lines(const char *s, const char *field, size_t maxbytes, int required,
		     struct tdl_err *err);

/* Copy in to out (outsz bytes) dropping control characters and escape
 * sequences and replacing invalid UTF-8 with '?'. Safe for a terminal.
 * in and out may be the same buffer (cleaning in place). */
void text_sanitize(const char *in, char *out, size_t outsz);

/* Same as text_sanitize into a new heap string; NULL only if out of memory. */
char *text_sanitize_dup(const char *in);

/* Remove leading and trailing blanks in place; returns s. */
char *text_trim(char *s);

/* Columns that s takes on a terminal (wide characters count 2). */
int text_width(const char *s);

/* The next line of s wrapped at spaces to width columns: returns how many
 * bytes of s to show (trailing blanks dropped) and sets *next to where the
 * line after it starts (the blanks between are skipped; a newline ends a
 * line). A word wider than the line is broken by characters. */
size_t text_wrap_line(const char *s, int width, const char **next);

/* How many lines s takes wrapped to width columns (at least 1). */
int text_wrap_rows(const char *s, int width);

/* Copy in to out (outsz bytes) folded for searching: lower case, and the
 * accented Latin letters (U+00C0..U+017F) as their plain letters, so that
 * "Éveil" and "eveil" fold alike. Other text is copied unchanged. */
void text_fold(const char *in, char *out, size_t outsz);

/* Duplicate s (NULL gives NULL); NULL only when s is NULL or out of memory. */
char *text_dup(const char *s);

#endif
