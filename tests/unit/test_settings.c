/* Unit tests: the settings table, INI files in layers, bad settings files. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <check.h>
#include "toddle/settings.h"
#include "util.h"

/* Load text as a settings file on top of the defaults; returns the status. */
static int load_text(const char *text, struct settings *s, struct tdl_err *err, char *path,
		     size_t pathsz)
{
	tu_file(path, pathsz, "toddle.ini", text);
	settings_defaults(s);
	err_clear(err);
	return settings_load_file(s, path, 1, err);
}

/* Assert that text loads with status want, and that a failure names the file and `word`. */
static void expect_load(const char *text, int want, const char *word, struct settings *s,
			struct tdl_err *err)
{
	char p[PATH_MAX];
	int rc = load_text(text, s, err, p, sizeof p);

	ck_assert_msg(rc == want, "file \"%s\": rc %d, expected %d (%s)", text, rc, want, err->msg);
	if (want == TDL_OK)
		return;
	ck_assert_msg(strstr(err->msg, p) != NULL, "file \"%s\": message does not name the file: %s",
		      text, err->msg);
	if (word)
		ck_assert_msg(strstr(err->msg, word) != NULL,
			      "file \"%s\": message does not mention '%s': %s", text, word, err->msg);
}

#define EXPECT_LOAD(text, want, word) expect_load((text), (want), (word), &s, &err)

static void expect_defaults(const struct settings *s, const char *why)
{
	struct settings d;

	settings_defaults(&d);
	ck_assert_msg(s->correct_until_months == d.correct_until_months && s->color == d.color &&
			      s->escdelay_ms == d.escdelay_ms &&
			      s->week_starts_sunday == d.week_starts_sunday && s->ascii == d.ascii &&
			      !strcmp(s->database, d.database) && !strcmp(s->content, d.content),
		      "%s: settings differ from the defaults (months %d color %d esc %d)", why,
		      s->correct_until_months, s->color, s->escdelay_ms);
}

/* ---- the table ----------------------------------------------------------- */

START_TEST(table_complete)
{
	size_t n;
	const struct setting_spec *t = settings_table(&n);
	struct settings d;

	ck_assert_msg(t != NULL && n >= 7, "the settings table has %zu rows", n);
	settings_defaults(&d);
	for (size_t i = 0; i < n; i++) {
		ck_assert_msg(t[i].section && *t[i].section && t[i].key && *t[i].key,
			      "row %zu has no section or key", i);
		ck_assert_msg(t[i].default_text && *t[i].default_text, "%s.%s has no default text",
			      t[i].section, t[i].key);
		ck_assert_msg(t[i].help && *t[i].help, "%s.%s has no help text", t[i].section,
			      t[i].key);
		ck_assert_msg(!strchr(t[i].section, ':') && !strchr(t[i].key, ':'),
			      "%s.%s: names may not hold ':'", t[i].section, t[i].key);
		for (size_t j = 0; j < i; j++)
			ck_assert_msg(strcmp(t[i].section, t[j].section) || strcmp(t[i].key, t[j].key),
				      "%s.%s appears twice (rows %zu and %zu)", t[i].section, t[i].key,
				      j, i);
		ck_assert_msg(t[i].offset + (t[i].type == SET_STRING ? t[i].size : sizeof(int)) <=
				      offsetof(struct settings, warnings),
			      "%s.%s points outside the settings", t[i].section, t[i].key);
		if (t[i].type == SET_INT) {
			int v;

			memcpy(&v, (char *)&d + t[i].offset, sizeof v);
			ck_assert_msg(t[i].min <= t[i].max, "%s.%s: min > max", t[i].section, t[i].key);
			ck_assert_msg(v == atoi(t[i].default_text),
				      "%s.%s: default %d but the table says %s", t[i].section, t[i].key,
				      v, t[i].default_text);
			ck_assert_msg(v >= t[i].min && v <= t[i].max, "%s.%s: default %d out of range",
				      t[i].section, t[i].key, v);
		} else if (t[i].type == SET_ENUM) {
			int v, idx = 0;
			const char *p = t[i].choices;
			size_t len = strlen(t[i].default_text);

			ck_assert_msg(p && *p, "%s.%s: an enum without choices", t[i].section, t[i].key);
			while (strncmp(p, t[i].default_text, len) || (p[len] != '|' && p[len])) {
				p = strchr(p, '|');
				ck_assert_msg(p != NULL, "%s.%s: default '%s' is not one of %s",
					      t[i].section, t[i].key, t[i].default_text, t[i].choices);
				p++;
				idx++;
			}
			memcpy(&v, (char *)&d + t[i].offset, sizeof v);
			ck_assert_msg(v == idx, "%s.%s: default index %d but the table says %s (%d)",
				      t[i].section, t[i].key, v, t[i].default_text, idx);
		} else if (t[i].type == SET_BOOL) {
			int v;

			memcpy(&v, (char *)&d + t[i].offset, sizeof v);
			ck_assert_msg(v == !strcmp(t[i].default_text, "true"),
				      "%s.%s: default %d but the table says %s", t[i].section, t[i].key,
				      v, t[i].default_text);
		} else {
			ck_assert_msg(t[i].size > 1, "%s.%s: a string without a size", t[i].section,
				      t[i].key);
		}
	}
}
END_TEST

/* ---- files that cannot be used -------------------------------------------- */

START_TEST(missing_file)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	int rc;

	tu_path(path, sizeof path, "nope.ini");
	settings_defaults(&s);
	err_clear(&err);
	rc = settings_load_file(&s, path, 0, &err);
	ck_assert_msg(rc == TDL_OK, "a missing optional file failed: %s", err.msg);
	expect_defaults(&s, "missing optional file");
	ck_assert_msg(s.warnings[0] == '\0', "a missing optional file warned: %s", s.warnings);

	rc = settings_load_file(&s, path, 1, &err);
	ck_assert_msg(rc == TDL_EDATA, "a missing --config file gave rc %d, expected TDL_EDATA (a file failure)", rc);
	ck_assert_msg(strstr(err.msg, path) != NULL, "missing --config: message lacks the path: %s",
		      err.msg);

	/* Through settings_load: `extra` must exist. */
	setenv("TODDLE_SYSTEM_CONFIG", "/nonexistent/toddle.ini", 1);
	setenv("XDG_CONFIG_HOME", tu_dir, 1);
	err_clear(&err);
	rc = settings_load(&s, path, &err);
	ck_assert_msg(rc == TDL_EDATA && strstr(err.msg, path),
		      "settings_load with a missing extra file: rc %d, message %s", rc, err.msg);
	rc = settings_load(&s, NULL, &err);
	ck_assert_msg(rc == TDL_OK, "settings_load with no files at all failed: %s", err.msg);
	expect_defaults(&s, "no files at all");
}
END_TEST

START_TEST(directory_refused)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];

	tu_path(path, sizeof path, "dir.ini");
	tu_mkdir(path);
	for (int must = 0; must <= 1; must++) {
		int rc;

		settings_defaults(&s);
		err_clear(&err);
		rc = settings_load_file(&s, path, must, &err);
		ck_assert_msg(rc != TDL_OK, "a folder as settings file (must_exist %d) was accepted", must);
		ck_assert_msg(strstr(err.msg, path) != NULL, "folder: message lacks the path: %s",
			      err.msg);
	}
}
END_TEST

START_TEST(world_writable_refused)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	int rc;

	tu_file(path, sizeof path, "toddle.ini", "[ui]\ncolor = never\n");
	ck_assert_int_eq(chmod(path, 0666), 0);
	settings_defaults(&s);
	err_clear(&err);
	rc = settings_load_file(&s, path, 0, &err);
	ck_assert_msg(rc == TDL_EDATA, "a world-writable file gave rc %d, expected TDL_EDATA", rc);
	ck_assert_msg(strstr(err.msg, path) && strstr(err.msg, "chmod"),
		      "world-writable: message should name the file and the fix: %s", err.msg);
	ck_assert_msg(s.color == COLOR_AUTO, "a refused file still changed ui.color to %d", s.color);
	ck_assert_int_eq(chmod(path, 0664), 0); /* group-writable is allowed (shared clinic setups) */
	rc = settings_load_file(&s, path, 0, &err);
	ck_assert_msg(rc == TDL_OK && s.color == COLOR_NEVER, "a 0664 file: rc %d (%s)", rc, err.msg);
}
END_TEST

START_TEST(unreadable_refused)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	int rc;

	tu_file(path, sizeof path, "toddle.ini", "[ui]\ncolor = never\n");
	ck_assert_int_eq(chmod(path, 0000), 0);
	settings_defaults(&s);
	err_clear(&err);
	rc = settings_load_file(&s, path, 0, &err);
	/* root reads any file whatever its mode: this case only means something for others. */
	if (geteuid() != 0) {
		ck_assert_msg(rc != TDL_OK, "an unreadable (mode 000) file was accepted");
		ck_assert_msg(strstr(err.msg, path) != NULL, "unreadable: message lacks the path: %s",
			      err.msg);
		ck_assert_msg(s.color == COLOR_AUTO, "an unreadable file changed ui.color");
	}
	chmod(path, 0600);
}
END_TEST

START_TEST(too_large_refused)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	size_t n = 70 * 1024;
	char *big = malloc(n + 1);
	int rc;

	for (size_t i = 0; i < n; i++)
		big[i] = (i % 64 == 63) ? '\n' : '#';
	big[n] = '\0';
	tu_file(path, sizeof path, "big.ini", big);
	free(big);
	settings_defaults(&s);
	err_clear(&err);
	rc = settings_load_file(&s, path, 0, &err);
	ck_assert_msg(rc != TDL_OK && strstr(err.msg, path) && strstr(err.msg, "large"),
		      "a 70 KiB file: rc %d, message %s", rc, err.msg);
}
END_TEST

/* ---- syntax --------------------------------------------------------------- */

START_TEST(malformed_line)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[ui]\ncolor = never\njust words\n", TDL_EINPUT, NULL);
	ck_assert_msg(s.color == COLOR_AUTO, "a file with a syntax error still set ui.color");
	EXPECT_LOAD("[ui\ncolor = never\n", TDL_EINPUT, NULL);
	/* The message stays on one line. */
	ck_assert_msg(!strchr(err.msg, '\n'), "the message holds a newline: %s", err.msg);
}
END_TEST

START_TEST(unknown_key_and_section)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	int rc;

	rc = load_text("[ui]\ncolour = never\ncolor = always\n[gui]\nfoo = 1\n[empty]\n", &s, &err,
		       path, sizeof path);
	ck_assert_msg(rc == TDL_OK, "unknown key/section must only warn: %s", err.msg);
	ck_assert_msg(s.color == COLOR_ALWAYS, "the known key next to an unknown one was not applied");
	ck_assert_msg(strstr(s.warnings, "colour") != NULL, "no warning for ui.colour: [%s]",
		      s.warnings);
	ck_assert_msg(strstr(s.warnings, "gui") != NULL, "no warning for [gui]: [%s]", s.warnings);
	ck_assert_msg(strstr(s.warnings, "empty") != NULL, "no warning for [empty]: [%s]", s.warnings);
	ck_assert_msg(strstr(s.warnings, path) != NULL, "warnings do not name the file: [%s]",
		      s.warnings);
	ck_assert_msg(s.warnings[strlen(s.warnings) - 1] == '\n', "warnings are not one a line");

	rc = load_text("color = never\n[ui]\n", &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK && s.color == COLOR_AUTO,
		      "a key before any section: rc %d color %d (%s)", rc, s.color, err.msg);
	ck_assert_msg(strstr(s.warnings, "color") != NULL, "no warning for a key outside a section: [%s]",
		      s.warnings);
}
END_TEST

START_TEST(warnings_bounded)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	size_t cap = 60 * 1024, o = 0;
	char *text = malloc(cap);
	int rc;

	o += (size_t)snprintf(text, cap, "[ui]\n");
	for (int i = 0; o + 64 < cap && i < 1500; i++)
		o += (size_t)snprintf(text + o, cap - o, "unknown_key_number_%04d = 1\n", i);
	rc = load_text(text, &s, &err, path, sizeof path);
	free(text);
	ck_assert_msg(rc == TDL_OK, "many unknown keys: %s", err.msg);
	ck_assert_msg(memchr(s.warnings, '\0', sizeof s.warnings) != NULL,
		      "warnings are not NUL-terminated inside their buffer");
	ck_assert_msg(strlen(s.warnings) > 100, "warnings were not kept at all");
}
END_TEST

/* ---- values ----------------------------------------------------------------- */

START_TEST(wrong_type)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[child]\ncorrect_until_months = twelve\n", TDL_EINPUT, "correct_until_months");
	ck_assert_msg(strstr(err.msg, "twelve") != NULL, "message should quote the value: %s", err.msg);
	EXPECT_LOAD("[child]\ncorrect_until_months = 12abc\n", TDL_EINPUT, "12abc");
	EXPECT_LOAD("[child]\ncorrect_until_months = 0x10\n", TDL_EINPUT, "correct_until_months");
	EXPECT_LOAD("[child]\ncorrect_until_months = 1.5\n", TDL_EINPUT, "correct_until_months");
	EXPECT_LOAD("[child]\ncorrect_until_months = 99999999999999999999\n", TDL_EINPUT,
		    "correct_until_months");
	EXPECT_LOAD("[ui]\nescdelay_ms = fast\n", TDL_EINPUT, "escdelay_ms");
	/* base 10: a leading zero is not octal */
	EXPECT_LOAD("[child]\ncorrect_until_months = 08\n", TDL_OK, NULL);
	ck_assert_msg(s.correct_until_months == 8, "\"08\" gave %d, expected 8", s.correct_until_months);
	EXPECT_LOAD("[child]\ncorrect_until_months = 12\n", TDL_OK, NULL);
	ck_assert_msg(s.correct_until_months == 12, "\"12\" gave %d", s.correct_until_months);
}
END_TEST

START_TEST(out_of_range)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[child]\ncorrect_until_months = 49\n", TDL_EINPUT, "0 to 48");
	EXPECT_LOAD("[child]\ncorrect_until_months = -1\n", TDL_EINPUT, "correct_until_months");
	EXPECT_LOAD("[ui]\nescdelay_ms = 1001\n", TDL_EINPUT, "escdelay_ms");
	EXPECT_LOAD("[child]\ncorrect_until_months = 48\n", TDL_OK, NULL);
	ck_assert_int_eq(s.correct_until_months, 48);
	EXPECT_LOAD("[child]\ncorrect_until_months = 0\n", TDL_OK, NULL);
	ck_assert_int_eq(s.correct_until_months, 0);
	EXPECT_LOAD("[ui]\nescdelay_ms = 1000\n", TDL_OK, NULL);
	ck_assert_int_eq(s.escdelay_ms, 1000);
}
END_TEST

START_TEST(enum_and_bool)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[ui]\ncolor = purple\n", TDL_EINPUT, "auto|never|always");
	EXPECT_LOAD("[ui]\nweek_starts = friday\n", TDL_EINPUT, "week_starts");
	EXPECT_LOAD("[ui]\nascii = maybe\n", TDL_EINPUT, "ascii");
	EXPECT_LOAD("[ui]\nascii = yabba\n", TDL_EINPUT, "ascii"); /* not "first letter y" */
	EXPECT_LOAD("[ui]\ncolor = never\nweek_starts = sunday\nascii = yes\n", TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_NEVER && s.week_starts_sunday == 1 && s.ascii == 1,
		      "color %d week_starts_sunday %d ascii %d", s.color, s.week_starts_sunday, s.ascii);
	EXPECT_LOAD("[ui]\ncolor = always\nweek_starts = monday\nascii = off\n", TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_ALWAYS && s.week_starts_sunday == 0 && s.ascii == 0,
		      "color %d week_starts_sunday %d ascii %d", s.color, s.week_starts_sunday, s.ascii);
	EXPECT_LOAD("[ui]\nascii = \"true\"\n", TDL_OK, NULL); /* iniparser removes the quotes */
	ck_assert_int_eq(s.ascii, 1);
}
END_TEST

START_TEST(missing_value)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[child]\ncorrect_until_months =\n", TDL_EINPUT, "correct_until_months");
	EXPECT_LOAD("[ui]\ncolor = \n", TDL_EINPUT, "ui.color");
	EXPECT_LOAD("[ui]\nascii=\n", TDL_EINPUT, "ascii");
	EXPECT_LOAD("[data]\ndatabase =\n", TDL_EINPUT, "database");
}
END_TEST

/* CVE-2023-33461: a section named like "section:key" holds a NULL value. */
START_TEST(cve_2023_33461_section_names)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	int rc;

	rc = load_text("[ui:color]\n[child:correct_until_months]\n[ui:ascii]\nx = 1\n", &s, &err,
		       path, sizeof path);
	ck_assert_msg(rc == TDL_OK, "section names with ':' must be ignored with a warning: rc %d %s",
		      rc, err.msg);
	expect_defaults(&s, "[ui:color] sections");
	ck_assert_msg(strstr(s.warnings, "ui:color") && strstr(s.warnings, "correct_until_months"),
		      "no warning for the ':' sections: [%s]", s.warnings);

	/* A real [ui] color after the odd section still applies. */
	rc = load_text("[ui:color]\n[ui]\ncolor = never\n", &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK && s.color == COLOR_NEVER, "[ui:color] then [ui] color: rc %d color %d %s",
		      rc, s.color, err.msg);
	/* And the other order must not crash either. */
	rc = load_text("[ui]\ncolor = never\n[ui:color]\n", &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK, "[ui] color then [ui:color]: rc %d %s", rc, err.msg);
	/* A key with ':' in its name. */
	rc = load_text("[ui]\ncolor:x = never\n", &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK && s.color == COLOR_AUTO, "key 'color:x': rc %d color %d %s", rc,
		      s.color, err.msg);
}
END_TEST

/* iniparser 4.1 drops a whole file with a line of 1023+ bytes; toddle checks
 * lines itself first and allows at most 1000 characters, naming the line. */
START_TEST(line_length_limit)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX], line[1100], text[1200], where[PATH_MAX + 8];
	const char *prefix = "database = /";
	static const int too_long[] = { 1001, 1022, 1023, 1024, 1030 };
	int rc;

	/* A line of exactly 1000 bytes (without the newline) loads. */
	memset(line, 'x', sizeof line);
	memcpy(line, prefix, strlen(prefix));
	line[1000] = '\0';
	snprintf(text, sizeof text, "[data]\n%s\n", line);
	rc = load_text(text, &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK, "a 1000-byte line failed: %s", err.msg);
	ck_assert_msg(strlen(s.database) == 1000 - strlen("database = "),
		      "1000-byte line: database has %zu bytes, expected %zu", strlen(s.database),
		      1000 - strlen("database = "));

	/* Longer lines fail, with a message naming the file, the line and the limit. */
	for (size_t i = 0; i < sizeof too_long / sizeof too_long[0]; i++) {
		int len = too_long[i];

		memset(line, 'x', sizeof line);
		memcpy(line, prefix, strlen(prefix));
		line[len] = '\0';
		snprintf(text, sizeof text, "[data]\n%s\n", line);
		rc = load_text(text, &s, &err, path, sizeof path);
		snprintf(where, sizeof where, "%s:2", path);
		ck_assert_msg(rc == TDL_EINPUT, "a %d-byte line: rc %d, expected TDL_EINPUT", len, rc);
		ck_assert_msg(strstr(err.msg, where) && strstr(err.msg, "1000"),
			      "a %d-byte line: message should name file:line and the limit: %s", len,
			      err.msg);
		ck_assert_msg(s.database[0] == '\0', "a %d-byte line still set data.database", len);
	}

	/* The same 1000-character line in a CRLF file: the CR is not part of the line. */
	memset(line, 'x', sizeof line);
	memcpy(line, prefix, strlen(prefix));
	line[1000] = '\0';
	snprintf(text, sizeof text, "[data]\r\n%s\r\n", line);
	rc = load_text(text, &s, &err, path, sizeof path);
	ck_assert_msg(rc == TDL_OK, "a 1000-character line with CRLF failed: %s", err.msg);
}
END_TEST

START_TEST(nul_byte)
{
	struct settings s;
	struct tdl_err err;
	char path[PATH_MAX];
	static const char text[] = "[ui]\ncolor = ne\0ver\nascii = true\n";
	int rc;

	tu_path(path, sizeof path, "nul.ini");
	tu_write_n(path, text, sizeof text - 1);
	settings_defaults(&s);
	err_clear(&err);
	rc = settings_load_file(&s, path, 1, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a NUL byte: rc %d, expected TDL_EINPUT (%s)", rc, err.msg);
	ck_assert_msg(strstr(err.msg, path) != NULL, "NUL byte: message lacks the path: %s", err.msg);
	expect_defaults(&s, "a file with a NUL byte");
}
END_TEST

START_TEST(duplicates_comments_crlf_utf8)
{
	struct settings s;
	struct tdl_err err;

	EXPECT_LOAD("[ui]\ncolor = never\ncolor = always\n", TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_ALWAYS, "duplicate key: last should win, got color %d", s.color);
	EXPECT_LOAD("[ui]\ncolor = never\n[ui]\ncolor = auto\n", TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_AUTO, "repeated section: last should win, got color %d", s.color);

	EXPECT_LOAD("[data]\ndatabase = a#b\n", TDL_OK, NULL);
	ck_assert_msg(!strcmp(s.database, "a"), "\"a#b\": value \"%s\", expected \"a\"", s.database);
	EXPECT_LOAD("# a comment\n; another\n[ui]\n  # indented\ncolor = never ; why\n", TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_NEVER, "comments: color %d", s.color);

	EXPECT_LOAD("[ui]\r\ncolor = never\r\nascii = true\r\n[child]\r\ncorrect_until_months = 6\r\n",
		    TDL_OK, NULL);
	ck_assert_msg(s.color == COLOR_NEVER && s.ascii == 1 && s.correct_until_months == 6,
		      "CRLF: color %d ascii %d months %d", s.color, s.ascii, s.correct_until_months);

	EXPECT_LOAD("[data]\ndatabase = /tmp/b\xc3\xa9" "b\xc3\xa9/\xe6\x97\xa5\xe6\x9c\xac.db\n",
		    TDL_OK, NULL);
	ck_assert_msg(!strcmp(s.database, "/tmp/b\xc3\xa9" "b\xc3\xa9/\xe6\x97\xa5\xe6\x9c\xac.db"),
		      "UTF-8 database path changed: \"%s\"", s.database);

	EXPECT_LOAD("[UI]\nCOLOR = never\n", TDL_OK, NULL); /* names are case-insensitive */
	ck_assert_msg(s.color == COLOR_NEVER, "[UI] COLOR: color %d", s.color);
	EXPECT_LOAD("", TDL_OK, NULL);
	expect_defaults(&s, "an empty file");
}
END_TEST

/* ---- layers and paths -------------------------------------------------------- */

START_TEST(layering)
{
	struct settings s;
	struct tdl_err err;
	char sys[PATH_MAX], cfg[PATH_MAX], user[PATH_MAX], extra[PATH_MAX], got[PATH_MAX];
	int rc;

	tu_file(sys, sizeof sys, "system.ini",
		"[child]\ncorrect_until_months = 10\n[ui]\ncolor = never\nescdelay_ms = 100\n"
		"[data]\ndatabase = /sys.db\n");
	tu_path(cfg, sizeof cfg, "config");
	tu_mkdir(cfg);
	tu_path(user, sizeof user, "config/toddle");
	tu_mkdir(user);
	tu_path(user, sizeof user, "config/toddle/toddle.ini");
	tu_write(user, "[child]\ncorrect_until_months = 12\n[ui]\ncolor = always\n");
	tu_file(extra, sizeof extra, "extra.ini", "[child]\ncorrect_until_months = 14\n");
	setenv("TODDLE_SYSTEM_CONFIG", sys, 1);
	setenv("XDG_CONFIG_HOME", cfg, 1);

	ck_assert_msg(!strcmp(settings_system_path(), sys), "system path %s, expected %s",
		      settings_system_path(), sys);
	ck_assert_msg(settings_user_path(got, sizeof got, NULL) == 0 && !strcmp(got, user),
		      "user path %s, expected %s", got, user);

	memset(&s, 0x5a, sizeof s); /* settings_load starts from the defaults itself */
	err_clear(&err);
	rc = settings_load(&s, extra, &err);
	ck_assert_msg(rc == TDL_OK, "three layers: %s", err.msg);
	ck_assert_msg(s.correct_until_months == 14, "extra should win: months %d",
		      s.correct_until_months);
	ck_assert_msg(s.color == COLOR_ALWAYS, "user file should override system: color %d", s.color);
	ck_assert_msg(s.escdelay_ms == 100, "system value should stay: escdelay %d", s.escdelay_ms);
	ck_assert_msg(!strcmp(s.database, "/sys.db"), "system database should stay: %s", s.database);
	ck_assert_msg(s.ascii == 0 && s.week_starts_sunday == 0 && s.content[0] == '\0' &&
			      s.warnings[0] == '\0',
		      "untouched settings should have their defaults (ascii %d)", s.ascii);

	rc = settings_load(&s, NULL, &err);
	ck_assert_msg(rc == TDL_OK && s.correct_until_months == 12 && s.color == COLOR_ALWAYS,
		      "without extra: rc %d months %d color %d", rc, s.correct_until_months, s.color);
	unlink(user);
	rc = settings_load(&s, NULL, &err);
	ck_assert_msg(rc == TDL_OK && s.correct_until_months == 10 && s.color == COLOR_NEVER,
		      "system only: rc %d months %d color %d", rc, s.correct_until_months, s.color);

	/* A bad layer stops the load and names its own file. */
	tu_write(user, "[ui]\ncolor = purple\n");
	rc = settings_load(&s, extra, &err);
	ck_assert_msg(rc == TDL_EINPUT && strstr(err.msg, user), "bad user file: rc %d, %s", rc,
		      err.msg);
}
END_TEST

/* A clinic's [clinic], [data] and [library] come from the system file alone:
 * a personal layer that tries is ignored, with one warning naming it. */
START_TEST(clinic_keys_system_only)
{
	struct settings s;
	struct tdl_err err;
	char sys[PATH_MAX], cfg[PATH_MAX], user[PATH_MAX], extra[PATH_MAX];
	int rc;

	tu_file(sys, sizeof sys, "system.ini",
		"[data]\ndatabase = /srv/clinic/toddle.db\n[clinic]\ngroup = staff\nadmins = boss\n");
	tu_path(cfg, sizeof cfg, "config");
	tu_mkdir(cfg);
	tu_path(user, sizeof user, "config/toddle");
	tu_mkdir(user);
	tu_path(user, sizeof user, "config/toddle/toddle.ini");
	tu_write(user, "[clinic]\nadmins = me\ndata_group = mine\n[data]\ndatabase = /home/me/x.db\n"
		 "[library]\ncontent = /home/me/lib\nextra = /home/me/extra\n[ui]\ncolor = never\n");
	tu_file(extra, sizeof extra, "extra.ini", "[clinic]\ngroup = other\nadmins = me\n");
	setenv("TODDLE_SYSTEM_CONFIG", sys, 1);
	setenv("XDG_CONFIG_HOME", cfg, 1);
	rc = settings_load(&s, extra, &err);
	ck_assert_msg(rc == TDL_OK, "load: %s", err.msg);
	ck_assert_msg(!strcmp(s.admins, "boss") && !strcmp(s.group, "staff") && !strcmp(s.data_group, "toddle-data"),
		      "clinic keys changed by a personal layer: admins '%s' group '%s' data_group '%s'",
		      s.admins, s.group, s.data_group);
	ck_assert_msg(!strcmp(s.database, "/srv/clinic/toddle.db") && !s.content[0] && !s.extra[0],
		      "a clinic's [data]/[library] changed: '%s' '%s' '%s'", s.database, s.content, s.extra);
	ck_assert_msg(s.color == COLOR_NEVER, "other personal settings still apply (color %d)", s.color);
	ck_assert_msg(strstr(s.warnings, user) && strstr(s.warnings, "ignored") && !strstr(s.warnings, extra),
		      "one warning, naming the first file that tried: %s", s.warnings);

	/* In a family (no clinic group), [data] and [library] are the person's; [clinic] never is. */
	tu_write(sys, "[ui]\ncolor = always\n");
	rc = settings_load(&s, NULL, &err);
	ck_assert_msg(rc == TDL_OK && !strcmp(s.database, "/home/me/x.db") && !strcmp(s.content, "/home/me/lib") &&
		      !s.admins[0] && !s.group[0], "family: rc %d database '%s' content '%s' admins '%s'", rc,
		      s.database, s.content, s.admins);

	/* A system file others may change is refused, with the fix. */
	chmod(sys, 0664);
	rc = settings_load(&s, NULL, &err);
	ck_assert_msg(rc == TDL_EDATA && strstr(err.msg, "chmod go-w"), "group-writable system file: rc %d %s",
		      rc, err.msg);
	chmod(sys, 0644);
}
END_TEST

START_TEST(xdg_paths)
{
	char got[PATH_MAX], want[PATH_MAX];

	setenv("XDG_DATA_HOME", "/data/home", 1);
	setenv("HOME", "/home/parent", 1);
	ck_assert_msg(settings_default_db(got, sizeof got, NULL) == 0 &&
			      !strcmp(got, "/data/home/toddle/toddle.db"),
		      "XDG_DATA_HOME set: got %s", got);
	unsetenv("XDG_DATA_HOME");
	ck_assert_msg(settings_default_db(got, sizeof got, NULL) == 0 &&
			      !strcmp(got, "/home/parent/.local/share/toddle/toddle.db"),
		      "XDG_DATA_HOME unset: got %s", got);
	setenv("XDG_DATA_HOME", "", 1);
	ck_assert_msg(settings_default_db(got, sizeof got, NULL) == 0 &&
			      !strcmp(got, "/home/parent/.local/share/toddle/toddle.db"),
		      "XDG_DATA_HOME empty: got %s", got);
	setenv("XDG_DATA_HOME", "relative/dir", 1); /* the XDG spec says: ignore relative paths */
	ck_assert_msg(settings_default_db(got, sizeof got, NULL) == 0 &&
			      !strcmp(got, "/home/parent/.local/share/toddle/toddle.db"),
		      "XDG_DATA_HOME relative: got %s", got);
	ck_assert_msg(settings_default_db(got, 10, NULL) != 0, "a 10-byte buffer should fail");

	setenv("XDG_CONFIG_HOME", "relative", 1);
	ck_assert_msg(settings_user_path(got, sizeof got, NULL) == 0 &&
			      !strcmp(got, "/home/parent/.config/toddle/toddle.ini"),
		      "XDG_CONFIG_HOME relative: got %s", got);
	unsetenv("XDG_DATA_HOME");
	unsetenv("HOME");
	ck_assert_msg(settings_default_db(got, sizeof got, NULL) != 0, "no HOME and no XDG_DATA_HOME: got %s",
		      got);

	/* The user file is found through HOME when XDG_CONFIG_HOME is unset. */
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", tu_dir, 1);
	setenv("TODDLE_SYSTEM_CONFIG", "/nonexistent/toddle.ini", 1);
	tu_mkdir(tu_path(want, sizeof want, ".config"));
	tu_mkdir(tu_path(want, sizeof want, ".config/toddle"));
	tu_write(tu_path(want, sizeof want, ".config/toddle/toddle.ini"), "[ui]\ncolor = never\n");
	{
		struct settings s;
		struct tdl_err err;
		int rc = settings_load(&s, NULL, &err);

		ck_assert_msg(rc == TDL_OK && s.color == COLOR_NEVER,
			      "~/.config/toddle/toddle.ini not applied: rc %d color %d", rc, s.color);
	}
	unsetenv("TODDLE_SYSTEM_CONFIG");
	ck_assert_msg(!strcmp(settings_system_path(), SETTINGS_SYSTEM_FILE),
		      "default system path: %s", settings_system_path());
}
END_TEST

static Suite *settings_suite(void)
{
	Suite *s = suite_create("settings");

	TU_CASE(s, table_complete);
	TU_CASE(s, missing_file);
	TU_CASE(s, directory_refused);
	TU_CASE(s, world_writable_refused);
	TU_CASE(s, unreadable_refused);
	TU_CASE(s, too_large_refused);
	TU_CASE(s, malformed_line);
	TU_CASE(s, unknown_key_and_section);
	TU_CASE(s, warnings_bounded);
	TU_CASE(s, wrong_type);
	TU_CASE(s, out_of_range);
	TU_CASE(s, enum_and_bool);
	TU_CASE(s, missing_value);
	TU_CASE(s, cve_2023_33461_section_names);
	TU_CASE(s, line_length_limit);
	TU_CASE(s, nul_byte);
	TU_CASE(s, duplicates_comments_crlf_utf8);
	TU_CASE(s, layering);
	TU_CASE(s, clinic_keys_system_only);
	TU_CASE(s, xdg_paths);
	return s;
}

int main(void)
{
	return tu_run(settings_suite());
}
