/* Settings: one table of keys, layered INI files, checked values. */
#include "config.h"
#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#ifdef HAVE_INIPARSER_INIPARSER_H
#include <iniparser/iniparser.h>
#else
#include <iniparser.h>
#endif
#include "toddle/file.h"
#include "toddle/priv.h"
#include "toddle/settings.h"

#define SETTINGS_FILE_MAX (64 * 1024)
#define SETTINGS_LINE_MAX 1000
#define F(field) offsetof(struct settings, field)
#define FS(field) offsetof(struct settings, field), sizeof(((struct settings *)0)->field)

static const struct setting_spec table[] = {
	{ "data", "database", SET_STRING, 0, 0, NULL, "$XDG_DATA_HOME/toddle/toddle.db",
	  "the database file", FS(database) },
	{ "library", "content", SET_STRING, 0, 0, NULL, "the installed content folder",
	  "folder of the activity library", FS(content) },
	{ "library", "extra", SET_STRING, 0, 0, NULL, "none",
	  "a clinic's or family's own library folder, added to the shipped one", FS(extra) },
	{ "child", "correct_until_months", SET_INT, 0, 48, NULL, "24",
	  "use corrected age for babies born early until this age in months", F(correct_until_months), 0 },
	{ "ui", "color", SET_ENUM, 0, 0, "auto|never|always", "auto",
	  "colours: auto (unless NO_COLOR is set), never or always", F(color), 0 },
	{ "ui", "escdelay_ms", SET_INT, 0, 1000, NULL, "50",
	  "how long to wait after Esc for the rest of a key, in milliseconds", F(escdelay_ms), 0 },
	{ "ui", "week_starts", SET_ENUM, 0, 0, "monday|sunday", "monday",
	  "first day of the week in the calendar", F(week_starts_sunday), 0 },
	{ "clinic", "group", SET_STRING, 0, 0, NULL, "none",
	  "the Unix group that shares a clinic database (its permissions are checked)", FS(group) },
	{ "clinic", "admins", SET_STRING, 0, 0, NULL, "none",
	  "logins, separated by spaces, that may delete children and reassign caseloads", FS(admins) },
	{ "clinic", "data_group", SET_STRING, 0, 0, NULL, "toddle-data",
	  "the group no person is in that owns the clinic's data (toddle is setgid to it)", FS(data_group) },
	{ "ui", "player", SET_STRING, 0, 0, NULL, "none",
	  "program that plays a class video, e.g. mpv (the link is shown over SSH)", FS(player) },
	{ "ui", "ascii", SET_BOOL, 0, 0, NULL, "false",
	  "draw lines and marks with plain ASCII characters", F(ascii), 0 },
	{ "ui", "mouse", SET_BOOL, 0, 0, NULL, "true",
	  "a click selects (on the selected line: opens), the wheel scrolls; false leaves the mouse to the "
	  "terminal, to select text", F(mouse), 0 },
};

/* The table of every setting. */
const struct setting_spec *settings_table(size_t *n)
{
	*n = sizeof table / sizeof table[0];
	return table;
}

/* Fill s with the built-in defaults. */
void settings_defaults(struct settings *s)
{
	memset(s, 0, sizeof *s);
	s->correct_until_months = 24;
	s->color = COLOR_AUTO;
	s->escdelay_ms = 50;
	s->mouse = 1;
	snprintf(s->data_group, sizeof s->data_group, "toddle-data");
}

static void warn_add(struct settings *s, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* Append one line to the warnings (dropped quietly when full). */
static void warn_add(struct settings *s, const char *fmt, ...)
{
	size_t used = strlen(s->warnings);
	va_list ap;

	if (used + 2 >= sizeof s->warnings)
		return;
	va_start(ap, fmt);
	vsnprintf(s->warnings + used, sizeof s->warnings - used - 1, fmt, ap);
	va_end(ap);
	used = strlen(s->warnings);
	s->warnings[used] = '\n';
	s->warnings[used + 1] = '\0';
}

static char load_msgs[1024];

static int collect_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* iniparser's error callback: keep the first messages for our own report. */
static int collect_error(const char *fmt, ...)
{
	size_t used = strlen(load_msgs);
	va_list ap;

	if (used + 1 >= sizeof load_msgs)
		return 0;
	va_start(ap, fmt);
	vsnprintf(load_msgs + used, sizeof load_msgs - used, fmt, ap);
	va_end(ap);
	return 0;
}

/* Parse a whole base-10 integer within [min, max]. */
static int parse_int(const char *v, long min, long max, int *out)
{
	char *end;
	long x;

	errno = 0;
	x = strtol(v, &end, 10);
	if (errno || end == v || *end || x < min || x > max)
		return -1;
	*out = (int)x;
	return 0;
}

/* Parse a boolean from an exact list of words. */
static int parse_bool(const char *v, int *out)
{
	static const char *yes[] = { "true", "yes", "on", "1" }, *no[] = { "false", "no", "off", "0" };

	for (size_t i = 0; i < 4; i++) {
		if (!strcasecmp(v, yes[i]))
			return *out = 1, 0;
		if (!strcasecmp(v, no[i]))
			return *out = 0, 0;
	}
	return -1;
}

/* Index of v in "a|b|c", or -1. */
static int parse_enum(const char *v, const char *choices)
{
	size_t vl = strlen(v);
	int i = 0;

	for (const char *p = choices; *p; i++) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);

		if (len == vl && !strncasecmp(p, v, len))
			return i;
		if (!bar)
			break;
		p = bar + 1;
	}
	return -1;
}

static const struct setting_spec *spec_find(const char *sec, const char *key)
{
	for (size_t i = 0; i < sizeof table / sizeof table[0]; i++)
		if (!strcmp(table[i].section, sec) && !strcmp(table[i].key, key))
			return &table[i];
	return NULL;
}

/* Check one value against its row and store it. */
static int apply_value(struct settings *s, const struct setting_spec *sp, const char *v,
		       const char *path, struct tdl_err *err)
{
	char *base = (char *)s + sp->offset;
	int x;

	switch (sp->type) {
	case SET_STRING:
		if (strlen(v) >= sp->size)
			return err_set(err, TDL_EINPUT, "%s: %s.%s is too long (at most %zu bytes)",
				       path, sp->section, sp->key, sp->size - 1);
		strcpy(base, v);
		return TDL_OK;
	case SET_INT:
		if (parse_int(v, sp->min, sp->max, &x))
			return err_set(err, TDL_EINPUT,
				       "%s: %s.%s = \"%s\" is not a whole number from %ld to %ld",
				       path, sp->section, sp->key, v, sp->min, sp->max);
		break;
	case SET_BOOL:
		if (parse_bool(v, &x))
			return err_set(err, TDL_EINPUT,
				       "%s: %s.%s = \"%s\" must be true or false", path,
				       sp->section, sp->key, v);
		break;
	case SET_ENUM:
		x = parse_enum(v, sp->choices);
		if (x < 0)
			return err_set(err, TDL_EINPUT, "%s: %s.%s = \"%s\" must be one of %s",
				       path, sp->section, sp->key, v, sp->choices);
		break;
	default:
		return TDL_OK;
	}
	memcpy(base, &x, sizeof x);
	return TDL_OK;
}

/* Check each line of the len bytes at p: no NUL byte and at most SETTINGS_LINE_MAX bytes
 * (iniparser 4.1 drops the whole file past 1022 bytes with a vague message). */
static int check_lines(const char *path, const char *p, size_t len, struct tdl_err *err)
{
	int line = 1, cr = 0;
	long n = 0;

	for (size_t i = 0; i < len; i++) {
		char c = p[i];

		/* a CR counts, unless it is the CR of a CRLF line end */
		if (cr && c != '\n' && ++n > SETTINGS_LINE_MAX)
			return err_set(err, TDL_EINPUT, "%s:%d: the line is longer than %d characters: shorten it",
				       path, line, SETTINGS_LINE_MAX);
		cr = c == '\r';
		if (c == '\0')
			return err_set(err, TDL_EINPUT, "%s:%d: the line holds a NUL byte: save the file as plain text",
				       path, line);
		if (c == '\n') {
			line++;
			n = 0;
		} else if (!cr && ++n > SETTINGS_LINE_MAX) {
			return err_set(err, TDL_EINPUT, "%s:%d: the line is longer than %d characters: shorten it",
				       path, line, SETTINGS_LINE_MAX);
		}
	}
	return TDL_OK;
}

/* The settings file being loaded, as precheck read it. */
static char ini_text[SETTINGS_FILE_MAX + 1];
static size_t ini_len;

/* Read all of fd (at most SETTINGS_FILE_MAX bytes) into buf; its length, or -1. */
static long read_whole(int fd, char *buf)
{
	size_t got = 0;

	for (;;) {
		ssize_t k = read(fd, buf + got, SETTINGS_FILE_MAX + 1 - got);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0)
			return -1;
		if (k == 0 || (got += (size_t)k) > SETTINGS_FILE_MAX)
			return (long)got;
	}
}

/* Refuse what iniparser must not see: not a regular file, unreadable, too
 * big, writable by others, overlong lines. *bom is 1 when the file starts
 * with a UTF-8 byte-order mark (which iniparser would call a syntax error). */
static int precheck(const char *path, int must_exist, struct tdl_err *err, int *skip, int *bom)
{
	char *buf = ini_text;
	struct stat st;
	long len;
	int fd;

	*skip = *bom = 0;
	fd = file_open_regular(path, "settings file", &st, err);
	if (fd == -1 && errno == ENOENT) {
		if (!must_exist) {
			*skip = 1;
			return TDL_OK;
		}
		return err_set(err, TDL_EDATA, "cannot read settings file %s: %s: check the path",
			       path, strerror(errno));
	}
	if (fd < 0)
		return TDL_EDATA;
	if (st.st_size > SETTINGS_FILE_MAX || (st.st_mode & S_IWOTH)) {
		close(fd);
		if (st.st_size > SETTINGS_FILE_MAX)
			return err_set(err, TDL_EINPUT, "settings file %s is too large (over %d KiB)",
				       path, SETTINGS_FILE_MAX / 1024);
		return err_set(err, TDL_EDATA,
			       "settings file %s can be changed by anyone: run 'chmod o-w %s'", path, path);
	}
	len = read_whole(fd, buf);
	close(fd);
	if (len < 0)
		return err_set(err, TDL_EDATA, "cannot read settings file %s: %s", path, strerror(errno));
	if (len > SETTINGS_FILE_MAX)
		return err_set(err, TDL_EINPUT, "settings file %s is too large (over %d KiB)",
			       path, SETTINGS_FILE_MAX / 1024);
	*bom = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3);
	ini_len = (size_t)len;
	return check_lines(path, buf, (size_t)len, err);
}

/* True when sec names a section of the table. */
static int section_known(const char *sec)
{
	for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
		if (!strcmp(table[k].section, sec))
			return 1;
	return 0;
}

/* Walk every entry of the dictionary: apply known keys, warn on the rest.
 * Values are read only as strings: iniparser 4.1's typed getters crash on
 * a section name such as [ui:color] (CVE-2023-33461). */
static int apply_dict(struct settings *s, dictionary *d, const char *path, struct tdl_err *err)
{
	for (ssize_t i = 0; i < d->size; i++) {
		const char *full = d->key[i], *v, *colon;
		const struct setting_spec *sp;
		char sec[65];
		size_t seclen;

		if (!full)
			continue;
		v = d->val[i];
		colon = strchr(full, ':');
		if (!colon) {
			if (!section_known(full))
				warn_add(s, "%s: unknown section [%.64s] ignored", path, full);
			continue;
		}
		seclen = (size_t)(colon - full);
		if (seclen >= sizeof sec || strchr(colon + 1, ':') || (!v && seclen)) {
			warn_add(s, "%s: '%.64s' ignored: names may not contain ':'", path, full);
			continue;
		}
		memcpy(sec, full, seclen);
		sec[seclen] = '\0';
		sp = spec_find(sec, colon + 1);
		if (!sp) {
			if (!seclen)
				warn_add(s, "%s: setting '%.64s' is outside any [section]: ignored",
					 path, colon + 1);
			else
				warn_add(s, "%s: unknown setting %s.%.64s ignored", path, sec, colon + 1);
			continue;
		}
		if (!v || !*v)
			return err_set(err, TDL_EINPUT, "%s: %s.%s has no value: write %s = VALUE",
				       path, sec, sp->key, sp->key);
		if (apply_value(s, sp, v, path, err))
			return TDL_EINPUT;
	}
	return TDL_OK;
}

/* Write the settings text after its byte-order mark to a private temporary file
 * (iniparser 4.1 reads only files): its name in tmp, TDL_OK; the lines stay where
 * they were, so iniparser's line numbers still point into the person's file. */
static int copy_without_bom(const char *path, char *tmp, size_t tmpsz, struct tdl_err *err)
{
	const char *dir = secure_getenv("TMPDIR");
	const char *p = ini_text + 3;
	size_t n = ini_len - 3;
	int fd;

	if (!dir || dir[0] != '/' || strlen(dir) + sizeof "/toddle-ini.XXXXXX" > tmpsz)
		dir = "/tmp";
	snprintf(tmp, tmpsz, "%s/toddle-ini.XXXXXX", dir);
	fd = mkstemp(tmp);
	if (fd < 0)
		return err_set(err, TDL_EDATA, "cannot read settings file %s: it starts with a byte-order mark and "
			       "no copy without it could be made in %s (%s): save it as UTF-8 without BOM",
			       path, dir, strerror(errno));
	while (n > 0) {
		ssize_t k = write(fd, p, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			int e = errno;

			close(fd);
			unlink(tmp);
			return err_set(err, TDL_EDATA, "cannot read settings file %s: it starts with a byte-order "
				       "mark and no copy without it could be written in %s (%s)", path, dir,
				       k < 0 ? strerror(e) : "nothing written");
		}
		p += k;
		n -= (size_t)k;
	}
	close(fd);
	return TDL_OK;
}

/* Replace every `from` in msg by `to` (iniparser names the copy it read). */
static void msg_rename(char *msg, size_t msgsz, const char *from, const char *to)
{
	char out[sizeof load_msgs + 2 * SETTINGS_PATH_MAX];
	size_t used = 0, fl = strlen(from);
	const char *p = msg, *hit;

	out[0] = '\0';
	while ((hit = strstr(p, from)) && used < sizeof out) {
		used += (size_t)snprintf(out + used, sizeof out - used, "%.*s%s", (int)(hit - p), p, to);
		p = hit + fl;
	}
	if (used < sizeof out)
		snprintf(out + used, sizeof out - used, "%s", p);
	snprintf(msg, msgsz, "%s", out);
}

/* Apply one INI file on top of s. */
int settings_load_file(struct settings *s, const char *path, int must_exist,
		       struct tdl_err *err)
{
	char tmp[SETTINGS_PATH_MAX + 32];
	dictionary *d;
	int skip, bom, rc;

	rc = precheck(path, must_exist, err, &skip, &bom);
	if (rc || skip)
		return rc;
	if (bom && (rc = copy_without_bom(path, tmp, sizeof tmp, err)))
		return rc;
	load_msgs[0] = '\0';
	iniparser_set_error_callback(collect_error);
	d = iniparser_load(bom ? tmp : path);
	iniparser_set_error_callback(NULL);
	if (bom) {
		unlink(tmp);
		msg_rename(load_msgs, sizeof load_msgs, tmp, path);
	}
	if (!d) {
		char *nl;

		/* iniparser reports "syntax error in FILE (LINE):\n-> text"; keep one line. */
		while ((nl = strchr(load_msgs, '\n')))
			*nl = ' ';
		return err_set(err, TDL_EINPUT,
			       "cannot use settings file %s: %s (each line must be [section] or key = value)",
			       path, load_msgs[0] ? load_msgs : "unreadable");
	}
	rc = apply_dict(s, d, path, err);
	iniparser_freedict(d);
	return rc;
}

/* Path of the system settings file: compiled in; TODDLE_SYSTEM_CONFIG may
 * name another only when toddle runs without a privilege (secure_getenv). */
const char *settings_system_path(void)
{
	const char *p = secure_getenv("TODDLE_SYSTEM_CONFIG");

	return p && *p ? p : SETTINGS_SYSTEM_FILE;
}

/* Refuse a system file that someone other than root (or, for a file named by
 * TODDLE_SYSTEM_CONFIG, the person running toddle) could change. */
static int system_file_check(const char *path, struct tdl_err *err)
{
	struct stat st;
	int named = strcmp(path, SETTINGS_SYSTEM_FILE) != 0;

	if (stat(path, &st) != 0)
		return TDL_OK; /* missing: defaults apply; unreadable: the loader says so */
	if (st.st_uid != 0 && !(named && st.st_uid == getuid()))
		return err_set(err, TDL_EDATA, "the system settings file %s must belong to root: run 'chown root: %s'",
			       path, path);
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return err_set(err, TDL_EDATA, "the system settings file %s can be changed by others than its owner: "
			       "run 'chmod go-w %s'", path, path);
	return TDL_OK;
}

/* Put back what a personal layer may not change: [clinic] always, and in a
 * clinic also [data] and [library]; warn once, naming the file. */
static void keep_system_keys(struct settings *s, const struct settings *sys, const char *path,
			     int *warned)
{
	int clinic = sys->group[0] != '\0', changed = 0;

#define KEEP(field) do { if (strcmp(s->field, sys->field)) { changed = 1; \
		memcpy(s->field, sys->field, sizeof s->field); } } while (0)
	KEEP(group);
	KEEP(admins);
	KEEP(data_group);
	if (clinic) {
		KEEP(database);
		KEEP(content);
		KEEP(extra);
	}
#undef KEEP
	if (changed && !*warned) {
		*warned = 1;
		warn_add(s, "%s: %s come only from %s: ignored here", path,
			 clinic ? "[clinic], [data] and [library] settings of a clinic" : "[clinic] settings",
			 settings_system_path());
	}
}

/* Build $var/rel, or $HOME/fallback/rel when var is unset or not absolute. */
int settings_xdg_path(const char *var, const char *fallback, const char *rel, char *out, size_t outsz,
		      struct tdl_err *err)
{
	const char *base = getenv(var), *home = getenv("HOME"), *name = var;
	size_t room, used;
	int n;

	if (base && base[0] == '/') {
		n = snprintf(out, outsz, "%s/%s", base, rel);
		room = strlen(rel) + 2;
		used = strlen(base);
	} else if (home && *home) {
		n = snprintf(out, outsz, "%s/%s/%s", home, fallback, rel);
		room = strlen(fallback) + strlen(rel) + 3;
		used = strlen(home);
		name = "HOME";
	} else {
		return err_set(err, TDL_EINPUT, "HOME is not set: set it or %s", var);
	}
	if (n >= 0 && (size_t)n < outsz)
		return TDL_OK;
	out[0] = '\0';
	return err_set(err, TDL_EDATA, "%s is too long (%zu bytes; at most %zu): use a shorter path", name, used,
		       outsz > room ? outsz - room : 0);
}

/* Path of the user's settings file. */
int settings_user_path(char *out, size_t outsz, struct tdl_err *err)
{
	return settings_xdg_path("XDG_CONFIG_HOME", ".config", "toddle/toddle.ini", out, outsz, err);
}

/* Default database path. */
int settings_default_db(char *out, size_t outsz, struct tdl_err *err)
{
	return settings_xdg_path("XDG_DATA_HOME", ".local/share", "toddle/toddle.db", out, outsz, err);
}

/* A personal layer, read as the person (never with toddle's clinic group). */
static int load_personal(struct settings *s, const struct settings *sys, const char *path,
			 int must_exist, int *warned, struct tdl_err *err)
{
	int rc;

	priv_suspend();
	rc = settings_load_file(s, path, must_exist, err);
	priv_resume();
	if (!rc)
		keep_system_keys(s, sys, path, warned);
	return rc;
}

/* Defaults, then the system file, the user's file and `extra`. */
int settings_load(struct settings *s, const char *extra, struct tdl_err *err)
{
	struct settings sys;
	char user[SETTINGS_PATH_MAX];
	int rc, warned = 0;

	settings_defaults(s);
	rc = system_file_check(settings_system_path(), err);
	if (!rc)
		rc = settings_load_file(s, settings_system_path(), 0, err);
	if (rc)
		return rc;
	sys = *s;
	rc = settings_user_path(user, sizeof user, err);
	if (rc == TDL_EDATA)
		return rc; /* a path too long is said, never skipped quietly */
	if (rc == TDL_OK) {
		rc = load_personal(s, &sys, user, 0, &warned, err);
		if (rc)
			return rc;
	}
	if (extra)
		return load_personal(s, &sys, extra, 1, &warned, err);
	return TDL_OK;
}
