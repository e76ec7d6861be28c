/* The content file format: "[type id]" records of "key = value" lines. */
#include <stdlib.h>
#include <string.h>
#include "toddle/content.h"
#include "toddle/text.h"

struct parser {
	const char *file;
	struct content_record rec;
	int cap;
	content_record_fn fn;
	void *ctx;
};

/* Hand the record being built to the callback, then start afresh. */
static int flush(struct parser *p, struct tdl_err *err)
{
	int rc = TDL_OK;

	if (p->rec.type)
		rc = p->fn(&p->rec, p->ctx, err);
	p->rec.type = p->rec.id = NULL;
	p->rec.nfields = 0;
	return rc;
}

/* Blank characters around names and values. */
static int is_blank(char c)
{
	return c == ' ' || c == '\t';
}

/* Parse "[type id]" in line (modified in place). */
static int parse_header(struct parser *p, char *line, int lineno, struct tdl_err *err)
{
	char *end = strrchr(line, ']'), *type, *id;

	if (!end || end[1])
		return err_set(err, TDL_EINPUT, "%s:%d: a record header must look like [activity some-id]",
			       p->file, lineno);
	*end = '\0';
	type = text_trim(line + 1);
	id = type;
	while (*id && !is_blank(*id))
		id++;
	if (*id)
		*id++ = '\0';
	id = text_trim(id);
	if (!*type || !*id || strchr(id, ' ') || strchr(id, '\t'))
		return err_set(err, TDL_EINPUT, "%s:%d: a record header must be [TYPE ID] with one word each",
			       p->file, lineno);
	p->rec.type = type;
	p->rec.id = id;
	p->rec.line = lineno;
	return TDL_OK;
}

/* Parse "key = value" in line (modified in place) into the current record. */
static int parse_field(struct parser *p, char *line, int lineno, struct tdl_err *err)
{
	char *eq = strchr(line, '='), *key, *value;

	if (!eq)
		return err_set(err, TDL_EINPUT, "%s:%d: expected 'key = value' or '[type id]'", p->file, lineno);
	if (!p->rec.type)
		return err_set(err, TDL_EINPUT, "%s:%d: 'key = value' before any [type id] header",
			       p->file, lineno);
	*eq = '\0';
	key = text_trim(line);
	value = text_trim(eq + 1);
	for (const char *k = key; *k; k++)
		if (!((*k >= 'a' && *k <= 'z') || (*k >= '0' && *k <= '9') || *k == '_'))
			return err_set(err, TDL_EINPUT, "%s:%d: key '%.40s' may hold only a-z, 0-9 and _",
				       p->file, lineno, key);
	if (!*key)
		return err_set(err, TDL_EINPUT, "%s:%d: a line starts with '=' and has no key", p->file, lineno);
	if (strlen(value) > CONTENT_VALUE_MAX)
		return err_set(err, TDL_EINPUT, "%s:%d: %s is longer than %d bytes", p->file, lineno, key,
			       CONTENT_VALUE_MAX);
	if (p->rec.nfields == p->cap) {
		int cap = p->cap ? p->cap * 2 : 16;
		struct content_field *f = realloc(p->rec.fields, (size_t)cap * sizeof *f);

		if (!f)
			return err_set(err, TDL_EDATA, "out of memory reading %s", p->file);
		p->rec.fields = f;
		p->cap = cap;
	}
	p->rec.fields[p->rec.nfields].key = key;
	p->rec.fields[p->rec.nfields].value = value;
	p->rec.fields[p->rec.nfields].line = lineno;
	p->rec.nfields++;
	return TDL_OK;
}

/* Check one raw line: UTF-8 and no control characters but tab. */
static int check_line(const char *s, size_t len, const char *file, int lineno, struct tdl_err *err)
{
	if (memchr(s, '\0', len))
		return err_set(err, TDL_EINPUT, "%s:%d: the line holds a NUL byte", file, lineno);
	if (!text_utf8_valid(s, len))
		return err_set(err, TDL_EINPUT, "%s:%d: the line is not valid UTF-8", file, lineno);
	if (text_has_unsafe(s, len))
		return err_set(err, TDL_EINPUT, "%s:%d: the line holds a control or direction-override character",
			       file, lineno);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c < 0x20 && c != '\t') || c == 0x7f)
			return err_set(err, TDL_EINPUT, "%s:%d: the line holds a control character",
				       file, lineno);
	}
	return TDL_OK;
}

/* Parse one file's text; errors name file and line. */
int content_parse(const char *buf, size_t len, const char *file, content_record_fn fn, void *ctx,
		  struct tdl_err *err)
{
	struct parser p = { .file = file, .fn = fn, .ctx = ctx };
	char *copy = malloc(len + 1);
	size_t pos = 0;
	int lineno = 0, rc = TDL_OK;

	if (!copy)
		return err_set(err, TDL_EDATA, "out of memory reading %s", file);
	memcpy(copy, buf, len);
	copy[len] = '\0';
	p.rec.file = file;
	if (len >= 3 && !memcmp(copy, "\xEF\xBB\xBF", 3))
		pos = 3; /* a byte-order mark some editors write first: not part of line 1 */
	while (pos < len && rc == TDL_OK) {
		char *line = copy + pos, *nl = memchr(line, '\n', len - pos);
		size_t l = nl ? (size_t)(nl - line) : len - pos;

		pos += l + 1;
		lineno++;
		if (l && line[l - 1] == '\r')
			l--;
		rc = check_line(line, l, file, lineno, err);
		if (rc)
			break;
		line[l] = '\0';
		line = text_trim(line);
		if (!*line || *line == '#')
			continue;
		if (*line == '[') {
			rc = flush(&p, err);
			if (!rc)
				rc = parse_header(&p, line, lineno, err);
		} else {
			rc = parse_field(&p, line, lineno, err);
		}
	}
	if (rc == TDL_OK)
		rc = flush(&p, err);
	free(p.rec.fields);
	free(copy);
	return rc;
}
