/* Unit tests: the content file parser, folder checks, and loading into a database. */
#include <dirent.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <check.h>
#include <sqlite3.h>
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/milestone.h"
#include "util.h"

#define SHIPPED TOP_SRCDIR "/content"
#define SHIPPED_MILESTONES shipped_count("milestone")
#define SHIPPED_ACTIVITIES shipped_count("activity")
#define SHIPPED_WEEKS shipped_count("week")

/* Rows of a type the shipped library stores, counted from the files' headers (and replaced ids). */
static int shipped_count(const char *type)
{
	char path[PATH_MAX + 300], line[4096], head[64];
	DIR *d = opendir(SHIPPED);
	struct dirent *e;
	int n = 0;

	snprintf(head, sizeof head, "[%s ", type);
	while (d && (e = readdir(d))) {
		size_t len = strlen(e->d_name);
		FILE *f;

		if (len < 5 || strcmp(e->d_name + len - 4, ".ini"))
			continue;
		snprintf(path, sizeof path, "%s/%s", SHIPPED, e->d_name);
		f = fopen(path, "r");
		while (f && fgets(line, sizeof line, f)) {
			n += !strncmp(line, head, strlen(head));
			/* each id an activity replaces is kept as a row of its own */
			for (char *p = !strcmp(type, "activity") && !strncmp(line, "replaces = ", 11) ? line + 11 : NULL;
			     p && *(p += strspn(p, " ,\n")); p += strcspn(p, " ,\n"))
				n++;
		}
		if (f)
			fclose(f);
	}
	if (d)
		closedir(d);
	return n;
}

/* Bytes as one printable line for messages (\n, controls and non-ASCII escaped). */
static const char *shown(const char *s)
{
	static char buf[4][2048];
	static int k;
	char *out = buf[k++ % 4];
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && o + 5 < sizeof buf[0]; p++) {
		if (*p == '\n')
			o += (size_t)snprintf(out + o, 3, "\\n");
		else if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			out[o++] = (char)*p;
		else
			o += (size_t)snprintf(out + o, 5, "\\x%02x", *p);
	}
	out[o] = '\0';
	return out;
}

/* ---- content_parse: a callback that writes what it sees as text ----------- */

struct seen {
	char log[8192];
	int records;
	int stop_at;   /* return TDL_EDATA on this record (1-based); 0 = never */
};

static void seen_add(struct seen *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void seen_add(struct seen *s, const char *fmt, ...)
{
	size_t used = strlen(s->log);
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(s->log + used, sizeof s->log - used, fmt, ap);
	va_end(ap);
}

/* Log "type id @line" then "  key=value @line" for each field. */
static int on_record(const struct content_record *r, void *ctx, struct tdl_err *err)
{
	struct seen *s = ctx;

	s->records++;
	seen_add(s, "%s|%s %s @%d\n", r->file, r->type, r->id, r->line);
	for (int i = 0; i < r->nfields; i++)
		seen_add(s, "  %s=%s @%d\n", r->fields[i].key, r->fields[i].value, r->fields[i].line);
	if (s->stop_at && s->records == s->stop_at)
		return err_set(err, TDL_EDATA, "stopped at record %d", s->records);
	return TDL_OK;
}

static int parse(const char *buf, size_t len, struct seen *s, struct tdl_err *err)
{
	memset(s, 0, sizeof *s);
	err_clear(err);
	return content_parse(buf, len, "f.ini", on_record, s, err);
}

/* Parse text; expect success and exactly the log `want`. */
static void expect_parse(const char *what, const char *text, const char *want)
{
	struct seen s;
	struct tdl_err err;
	int rc = parse(text, strlen(text), &s, &err);

	ck_assert_msg(rc == TDL_OK, "%s: parse failed: %s", what, err.msg);
	ck_assert_msg(!strcmp(s.log, want), "%s: the callback saw \"%s\", expected \"%s\"", what,
		      shown(s.log), shown(want));
}

/* Parse len bytes; expect TDL_EINPUT with a message holding `where` and `word`. */
static void expect_parse_error(const char *what, const char *buf, size_t len, const char *where,
			       const char *word)
{
	struct seen s;
	struct tdl_err err;
	int rc = parse(buf, len, &s, &err);

	ck_assert_msg(rc == TDL_EINPUT, "%s: rc %d, expected TDL_EINPUT (callback saw \"%s\")", what,
		      rc, shown(s.log));
	ck_assert_msg(strstr(err.msg, where) != NULL, "%s: message should hold \"%s\": %s", what,
		      where, err.msg);
	ck_assert_msg(!word || strstr(err.msg, word), "%s: message should mention \"%s\": %s", what,
		      word ? word : "", err.msg);
}

#define PARSE_ERROR(what, text, where, word) \
	expect_parse_error((what), (text), sizeof(text) - 1, (where), (word))

START_TEST(parse_good_record)
{
	expect_parse("one record",
		     "[activity tummy-time]\ntitle = Tummy time\nweeks = 0-8\nwhy =  two  spaces  inside \n",
		     "f.ini|activity tummy-time @1\n  title=Tummy time @2\n  weeks=0-8 @3\n"
		     "  why=two  spaces  inside @4\n");
	expect_parse("two records, no final newline",
		     "[week 1]\ntitle=a=b\n[milestone m-1]\ntext = x",
		     "f.ini|week 1 @1\n  title=a=b @2\nf.ini|milestone m-1 @3\n  text=x @4\n");
	expect_parse("header with blanks", "  [ activity   a-1 ]  \n\tkey\t=\tv\t\n",
		     "f.ini|activity a-1 @1\n  key=v @2\n");
	expect_parse("header only", "[week 3]\n", "f.ini|week 3 @1\n");
	expect_parse("empty file", "", "");
}
END_TEST

START_TEST(parse_comments_and_blanks)
{
	expect_parse("comments",
		     "# top comment\n\n   # indented comment\n[week 2]\n\n# between\ntitle = x # kept ; kept\n\n",
		     "f.ini|week 2 @4\n  title=x # kept ; kept @7\n");
	expect_parse("only comments", "# a\n#b\n\n   \n\t\n", "");
}
END_TEST

START_TEST(parse_crlf)
{
	expect_parse("CRLF", "[week 1]\r\ntitle = a\r\n\r\n# c\r\nfocus = b\r\n",
		     "f.ini|week 1 @1\n  title=a @2\n  focus=b @5\n");
	expect_parse("CRLF without final newline", "[week 1]\r\ntitle = a\r",
		     "f.ini|week 1 @1\n  title=a @2\n");
}
END_TEST

START_TEST(parse_key_before_header)
{
	PARSE_ERROR("key first", "title = x\n[week 1]\n", "f.ini:1:", "before");
	PARSE_ERROR("key after comments", "# c\n\ntitle = x\n", "f.ini:3:", NULL);
}
END_TEST

START_TEST(parse_bad_headers)
{
	PARSE_ERROR("no id", "[activity]\ntitle = x\n", "f.ini:1:", NULL);
	PARSE_ERROR("no id after a record", "[week 1]\ntitle = x\n[milestone ]\n", "f.ini:3:", NULL);
	PARSE_ERROR("two-word id", "[activity a b]\n", "f.ini:1:", NULL);
	PARSE_ERROR("empty header", "[]\n", "f.ini:1:", NULL);
	PARSE_ERROR("unclosed", "[activity a\n", "f.ini:1:", NULL);
	PARSE_ERROR("text after ]", "[activity a] extra\n", "f.ini:1:", NULL);
}
END_TEST

START_TEST(parse_bad_keys)
{
	PARSE_ERROR("capitals", "[week 1]\nTitle = x\n", "f.ini:2:", "Title");
	expect_parse("digit", "[window w]\np1_months = 3.8\n", "f.ini|window w @1\n  p1_months=3.8 @2\n");
	PARSE_ERROR("dash", "[week 1]\ncan-wait = x\n", "f.ini:2:", NULL);
	PARSE_ERROR("blank inside", "[week 1]\ncan wait = x\n", "f.ini:2:", NULL);
	PARSE_ERROR("no key", "[week 1]\n= x\n", "f.ini:2:", NULL);
	PARSE_ERROR("no '='", "[week 1]\ntitle x\n", "f.ini:2:", "key = value");
	PARSE_ERROR("no '=' on line 3", "[week 1]\ntitle = x\njust words\n", "f.ini:3:", NULL);
}
END_TEST

START_TEST(parse_bad_bytes)
{
	PARSE_ERROR("NUL", "[week 1]\ntitle = a\0b\n", "f.ini:2:", "NUL");
	PARSE_ERROR("NUL in a comment", "# a\0b\n[week 1]\n", "f.ini:1:", NULL);
	PARSE_ERROR("invalid UTF-8", "[week 1]\ntitle = caf\xe9\n", "f.ini:2:", "UTF-8");
	PARSE_ERROR("overlong UTF-8", "[week 1]\ntitle = \xc0\xaf\n", "f.ini:2:", "UTF-8");
	PARSE_ERROR("ESC", "[week 1]\ntitle = \033[31mred\n", "f.ini:2:", "control");
	PARSE_ERROR("DEL", "[week 1]\ntitle = a\x7f\n", "f.ini:2:", "control");
	PARSE_ERROR("BEL", "[week 1]\ntitle = a\a\n", "f.ini:2:", "control");
	PARSE_ERROR("lone CR inside", "[week 1]\ntitle = a\rb\n", "f.ini:2:", "control");
	PARSE_ERROR("ESC in a comment", "# \033]0;x\a\n", "f.ini:1:", "control");
	expect_parse("tab is fine", "[week 1]\ntitle = a\tb\n", "f.ini|week 1 @1\n  title=a\tb @2\n");
	expect_parse("UTF-8 is fine", "[week 1]\ntitle = Zo\xc3\xab \xe6\x97\xa5\n",
		     "f.ini|week 1 @1\n  title=Zo\xc3\xab \xe6\x97\xa5 @2\n");
}
END_TEST

/* FORMAT: "Text is UTF-8 with no control characters" - C1 controls and
 * bidi overrides are control characters too (text_check refuses them). */
START_TEST(parse_c1_and_bidi_controls)
{
	PARSE_ERROR("C1 NEL U+0085", "[week 1]\ntitle = a\xc2\x85" "b\n", "f.ini:2:", NULL);
	PARSE_ERROR("C1 CSI U+009B", "[week 1]\ntitle = a\xc2\x9b" "31m\n", "f.ini:2:", NULL);
	PARSE_ERROR("bidi override U+202E", "[week 1]\ntitle = a\xe2\x80\xae" "b\n", "f.ini:2:", NULL);
}
END_TEST

START_TEST(parse_value_length)
{
	size_t n = CONTENT_VALUE_MAX;
	char *buf = malloc(n + 64);
	struct seen s;
	struct tdl_err err;
	int rc;

	strcpy(buf, "[week 1]\ntitle = ");
	memset(buf + strlen(buf), 'x', n);
	buf[17 + n] = '\0';
	strcat(buf, "\n");
	rc = parse(buf, strlen(buf), &s, &err);
	ck_assert_msg(rc == TDL_OK && s.records == 1, "a %zu-byte value must load: %s", n, err.msg);

	strcpy(buf, "[week 1]\ntitle = ");
	memset(buf + strlen(buf), 'x', n + 1);
	buf[17 + n + 1] = '\0';
	strcat(buf, "\n");
	expect_parse_error("a 2001-byte value", buf, strlen(buf), "f.ini:2:", "2000");
	free(buf);
}
END_TEST

START_TEST(parse_repeated_steps)
{
	expect_parse("steps in order",
		     "[activity a]\nstep = first\nwhy = w\nstep = second\nstep = third\n",
		     "f.ini|activity a @1\n  step=first @2\n  why=w @3\n  step=second @4\n  step=third @5\n");
	{
		/* many fields: the parser's array grows */
		char buf[4096];
		struct seen s;
		struct tdl_err err;
		size_t o = (size_t)snprintf(buf, sizeof buf, "[activity a]\n");
		int rc;

		for (int i = 0; i < 100; i++)
			o += (size_t)snprintf(buf + o, sizeof buf - o, "step = s%d\n", i);
		rc = parse(buf, o, &s, &err);
		ck_assert_msg(rc == TDL_OK && strstr(s.log, "step=s0 @2\n") &&
				      strstr(s.log, "step=s99 @101\n"),
			      "100 steps: rc %d %s", rc, err.msg);
	}
}
END_TEST

START_TEST(parse_callback_stops)
{
	static const char text[] = "[week 1]\ntitle = a\n[week 2]\ntitle = b\n[week 3]\ntitle = c\n";
	struct seen s;
	struct tdl_err err;
	int rc;

	memset(&s, 0, sizeof s);
	s.stop_at = 2;
	err_clear(&err);
	rc = content_parse(text, sizeof text - 1, "f.ini", on_record, &s, &err);
	ck_assert_msg(rc == TDL_EDATA, "a callback status must stop the parse: rc %d", rc);
	ck_assert_msg(s.records == 2, "the callback ran %d times after asking to stop at 2", s.records);
	ck_assert_msg(strstr(err.msg, "stopped at record 2") != NULL, "the callback's message was lost: %s",
		      err.msg);
	/* the buffer does not need a NUL: only len bytes are read */
	rc = parse("[week 1]\ntitle = abcdef", 19, &s, &err);
	ck_assert_msg(rc == TDL_OK && strstr(s.log, "title=ab @2"), "len must bound the parse: %s",
		      shown(s.log));
}
END_TEST

/* ---- content_check_dir -------------------------------------------------------- */

#define MS(id) "[milestone " id "]\nage_months = 2\ndomain = movement\ntext = Lifts the head\nsource = https://example.org/2m\n\n"
#define ACT_BODY(id, weeks, domain)                                                           \
	"[activity " id "]\ntitle = A title\nweeks = " weeks "\ndomain = " domain                 \
	"\ndiscipline = pt\nminutes = 5\nmaterials = none\nstep = one\nstep = two\nwhy = because\n" \
	"easier = e\nharder = h\n"
#define ACT0(id, weeks, domain) ACT_BODY(id, weeks, domain) "builds = " id "-m\n\n" MS(id "-m")
#define ACT(id, weeks, domain, builds) ACT_BODY(id, weeks, domain) "builds = " builds "\n\n"
#define WEEK(n) "[week " n "]\ntitle = t\ntypical = ty\nfocus = f\ncan_wait = c\nsource = s\n\n"

/* A fresh library folder under the test folder, with up to two files. */
static const char *make_lib(char *dir, size_t dirsz, const char *name1, const char *text1,
			    const char *name2, const char *text2)
{
	static int k;
	char sub[32], path[PATH_MAX + 64];

	snprintf(sub, sizeof sub, "lib%d", ++k);
	tu_mkdir(tu_path(dir, dirsz, sub));
	if (name1) {
		snprintf(path, sizeof path, "%s/%s", dir, name1);
		tu_write(path, text1);
	}
	if (name2) {
		snprintf(path, sizeof path, "%s/%s", dir, name2);
		tu_write(path, text2);
	}
	return dir;
}

/* A library of base + extra in one file must fail, naming "a.ini:line" and `word`. */
static void expect_lib_error(const char *what, const char *text, const char *where, const char *word)
{
	char dir[PATH_MAX];
	struct tdl_err err;
	int rc;

	make_lib(dir, sizeof dir, "a.ini", text, NULL, NULL);
	err_clear(&err);
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_EINPUT, "%s: rc %d, expected TDL_EINPUT (%s)", what, rc, err.msg);
	ck_assert_msg(strstr(err.msg, where) != NULL, "%s: message should hold \"%s\": %s", what,
		      where, err.msg);
	ck_assert_msg(!word || strstr(err.msg, word), "%s: message should mention \"%s\": %s", what,
		      word ? word : "", err.msg);
}

static void expect_lib_ok(const char *what, const char *text)
{
	char dir[PATH_MAX];
	struct tdl_err err;
	int rc;

	make_lib(dir, sizeof dir, "a.ini", text, NULL, NULL);
	err_clear(&err);
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_OK, "%s: refused: %s", what, err.msg);
}

START_TEST(check_shipped_library)
{
	struct tdl_err err = { "" };
	int rc = content_check_dir(SHIPPED, &err);

	ck_assert_msg(rc == TDL_OK, "the shipped content folder %s fails: %s", SHIPPED, err.msg);
}
END_TEST

START_TEST(check_minimal_library)
{
	expect_lib_ok("one of each", MS("m-one") ACT("a-one", "0-8", "gross-motor", "m-one") WEEK("0"));
	expect_lib_ok("builds with two ids and commas",
		      MS("m-one") MS("m-two") ACT("a-one", "4-4", "sensory", "m-one, m-two"));
	expect_lib_ok("weeks at the limits", ACT0("a-one", "0-104", "cognitive") WEEK("104"));
}
END_TEST

START_TEST(check_duplicate_id_across_files)
{
	char dir[PATH_MAX];
	struct tdl_err err = { "" };
	int rc;

	make_lib(dir, sizeof dir, "a.ini", MS("m-one"), "b.ini", WEEK("1") MS("m-one"));
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_EINPUT, "a duplicate id: rc %d (%s)", rc, err.msg);
	ck_assert_msg(strstr(err.msg, "a.ini:1") && strstr(err.msg, "b.ini:8") &&
			      strstr(err.msg, "m-one"),
		      "a duplicate id: message should name both places: %s", err.msg);
	/* The same id as two types is fine. */
	make_lib(dir, sizeof dir, "a.ini", MS("same"), "b.ini", ACT("same", "0-4", "sensory", "same"));
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_OK, "the same id for a milestone and an activity: %s", err.msg);
}
END_TEST

/* Two records for one week, written "7" and "07", are one week defined twice. */
START_TEST(check_duplicate_week_number)
{
	char dir[PATH_MAX], dbpath[PATH_MAX];
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int rc, reloaded = 0;

	make_lib(dir, sizeof dir, "a.ini", WEEK("7") WEEK("07"), NULL, NULL);
	rc = content_check_dir(dir, &err);
	tu_path(dbpath, sizeof dbpath, "toddle.db");
	ck_assert_int_eq(db_open(dbpath, 1, &db, &(struct tdl_err){ "" }), TDL_OK);
	{
		struct tdl_err serr = { "" };
		int src = content_sync(db, dir, &reloaded, &serr);

		db_close(db);
		ck_assert_msg(rc == TDL_EINPUT,
			      "[week 7] and [week 07]: content_check_dir rc %d (\"%s\") but content_sync "
			      "rc %d: \"%s\"",
			      rc, err.msg, src, serr.msg);
	}
	ck_assert_msg(strstr(err.msg, "a.ini:") != NULL, "duplicate week: message %s", err.msg);
}
END_TEST

START_TEST(check_unknown_domain_and_type)
{
	expect_lib_error("activity domain", MS("m-one") ACT("a-one", "0-8", "flying", "m-one"),
			 "a.ini:", "flying");
	expect_lib_error("milestone domain",
			 "[milestone m]\nage_months = 2\ndomain = motor\ntext = t\nsource = s\n",
			 "a.ini:3:", "motor");
	expect_lib_error("discipline",
			 "[activity a]\ntitle = t\nweeks = 0-1\ndomain = sensory\ndiscipline = yoga\n"
			 "minutes = 5\nmaterials = none\nstep = s\nwhy = w\nbuilds = m\neasier = e\nharder = h\n",
			 "a.ini:5:", NULL);
	expect_lib_error("record type", "[recipe r-1]\ntitle = t\n", "a.ini:1:", "recipe");
	expect_lib_error("id characters", "[milestone Bad_Id]\nage_months = 2\ndomain = movement\n"
			 "text = t\nsource = s\n", "a.ini:1:", NULL);
	expect_lib_error("week number", WEEK("105"), "a.ini:1:", NULL);
	expect_lib_error("week word", WEEK("seven"), "a.ini:1:", NULL);
	expect_lib_error("minutes", "[activity a]\ntitle = t\nweeks = 0-1\ndomain = sensory\n"
			 "discipline = pt\nminutes = 61\nmaterials = none\nstep = s\nwhy = w\nbuilds = m\neasier = e\nharder = h\n",
			 "a.ini:6:", "minutes");
	expect_lib_error("age", "[milestone m]\nage_months = 0\ndomain = movement\ntext = t\nsource = s\n",
			 "a.ini:2:", "age_months");
}
END_TEST

START_TEST(check_weeks_range)
{
	expect_lib_error("weeks 8-4", ACT0("a-one", "8-4", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks 4-200", ACT0("a-one", "4-200", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks 4", ACT0("a-one", "4", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks -4", ACT0("a-one", "-4", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks 4-", ACT0("a-one", "4-", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks a-b", ACT0("a-one", "a-b", "sensory"), "a.ini:3:", "weeks");
	expect_lib_error("weeks 1-2-3", ACT0("a-one", "1-2-3", "sensory"), "a.ini:3:", "weeks");
	expect_lib_ok("weeks 4-4", ACT0("a-one", "4-4", "sensory"));
}
END_TEST

START_TEST(check_missing_required)
{
	expect_lib_error("milestone without source",
			 "[milestone m]\nage_months = 2\ndomain = movement\ntext = t\n", "a.ini:1:",
			 "source");
	expect_lib_error("activity without step",
			 "[activity a]\ntitle = t\nweeks = 0-1\ndomain = sensory\ndiscipline = pt\n"
			 "minutes = 5\nmaterials = none\nwhy = w\nbuilds = m\neasier = e\nharder = h\n",
			 "a.ini:1:", "step");
	expect_lib_error("week without can_wait", "[week 1]\ntitle = t\ntypical = t\nfocus = f\n",
			 "a.ini:1:", "can_wait");
	expect_lib_error("empty value", "[week 1]\ntitle = \ntypical = t\nfocus = f\ncan_wait = c\n",
			 "a.ini:2:", "title");
	expect_lib_error("repeated title", "[week 1]\ntitle = a\ntitle = b\ntypical = t\nfocus = f\n"
			 "can_wait = c\n", "a.ini:3:", "twice");
}
END_TEST

START_TEST(check_unknown_key)
{
	expect_lib_error("unknown key", "[week 1]\ntitle = t\ntypical = t\nfocus = f\ncan_wait = c\n"
			 "colour = red\n", "a.ini:6:", "colour");
	expect_lib_error("activity key on a milestone",
			 "[milestone m]\nage_months = 2\ndomain = movement\ntext = t\nsource = s\n"
			 "step = s\n", "a.ini:6:", "step");
}
END_TEST

START_TEST(check_builds_unknown_milestone)
{
	expect_lib_error("builds names no milestone",
			 MS("m-one") ACT("a-one", "0-8", "gross-motor", "m-one m-missing"), "a.ini:",
			 "m-missing");
	/* a prefix of an existing id is not that id */
	expect_lib_error("builds names a prefix", MS("m-one") ACT("a-one", "0-8", "gross-motor", "m-on"),
			 "a.ini:", "m-on");
	/* an activity id is not a milestone */
	expect_lib_error("builds names an activity",
			 ACT0("a-one", "0-8", "gross-motor") ACT("a-two", "0-8", "sensory", "a-one"),
			 "a.ini:", "a-one");
}
END_TEST

START_TEST(check_missing_and_empty_folder)
{
	char dir[PATH_MAX];
	struct tdl_err err = { "" };
	int rc;

	tu_path(dir, sizeof dir, "no-such-folder");
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_EDATA, "a missing folder: rc %d, expected TDL_EDATA", rc);
	ck_assert_msg(strstr(err.msg, dir) != NULL, "missing folder: message lacks the path: %s",
		      err.msg);

	make_lib(dir, sizeof dir, NULL, NULL, NULL, NULL);
	err_clear(&err);
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc != TDL_OK, "an empty folder was accepted");
	ck_assert_msg(strstr(err.msg, dir) != NULL, "empty folder: message lacks the path: %s", err.msg);

	/* only files that are not *.ini: still empty */
	make_lib(dir, sizeof dir, "README", "not content", ".hidden.ini", "garbage");
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc != TDL_OK, "a folder without .ini files was accepted");
}
END_TEST

START_TEST(check_ignores_other_files)
{
	char dir[PATH_MAX], path[PATH_MAX + 32];
	struct tdl_err err = { "" };
	int rc;

	make_lib(dir, sizeof dir, "a.ini", MS("m-one"), "FORMAT", "garbage = [ \033 \xff\n");
	snprintf(path, sizeof path, "%s/.editor-swap.ini", dir);
	tu_write(path, "garbage\n");
	snprintf(path, sizeof path, "%s/notes.ini~", dir);
	tu_write(path, "garbage\n");
	rc = content_check_dir(dir, &err);
	ck_assert_msg(rc == TDL_OK, "files that are not *.ini (or are hidden) must be ignored: %s",
		      err.msg);
}
END_TEST

/* ---- content_sync ------------------------------------------------------------ */

static int count(sqlite3 *db, const char *table)
{
	char sql[64];
	sqlite3_stmt *st = NULL;
	int v = -1;

	snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", table);
	ck_assert_msg(sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK, "%s: %s", sql,
		      sqlite3_errmsg(db));
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

static int data_version(sqlite3 *db)
{
	sqlite3_stmt *st = NULL;
	int v = -1;

	ck_assert_int_eq(sqlite3_prepare_v2(db, "PRAGMA data_version", -1, &st, NULL), SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

/* Copy the shipped *.ini files into tu_dir/content; open tu_dir/toddle.db. */
static sqlite3 *setup_copy(char *dir, size_t dirsz, char *dbpath, size_t dbsz)
{
	DIR *d = opendir(SHIPPED);
	struct dirent *e;
	struct tdl_err err = { "" };
	sqlite3 *db = NULL;
	int n = 0;

	ck_assert_msg(d != NULL, "cannot list %s", SHIPPED);
	tu_mkdir(tu_path(dir, dirsz, "content"));
	while ((e = readdir(d))) {
		char src[PATH_MAX + 300], dst[PATH_MAX + 300];
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 4, ".ini"))
			continue;
		snprintf(src, sizeof src, "%s/%s", SHIPPED, e->d_name);
		snprintf(dst, sizeof dst, "%s/%s", dir, e->d_name);
		tu_copy(src, dst);
		n++;
	}
	closedir(d);
	ck_assert_msg(n >= 3, "only %d .ini files in %s", n, SHIPPED);
	tu_path(dbpath, dbsz, "toddle.db");
	ck_assert_msg(db_open(dbpath, 1, &db, &err) == TDL_OK, "db_open: %s", err.msg);
	return db;
}

static void expect_shipped_counts(sqlite3 *db, const char *when)
{
	ck_assert_msg(count(db, "milestone") == SHIPPED_MILESTONES &&
			      count(db, "activity") == SHIPPED_ACTIVITIES &&
			      count(db, "week_note") == SHIPPED_WEEKS,
		      "%s: %d milestones, %d activities, %d weeks; expected %d, %d, %d", when,
		      count(db, "milestone"), count(db, "activity"), count(db, "week_note"),
		      SHIPPED_MILESTONES, SHIPPED_ACTIVITIES, SHIPPED_WEEKS);
}

START_TEST(sync_loads_once)
{
	char dir[PATH_MAX], dbpath[PATH_MAX], text[256];
	struct tdl_err err = { "" };
	sqlite3 *db = setup_copy(dir, sizeof dir, dbpath, sizeof dbpath), *watcher = NULL;
	int reloaded = -1, rc, changes, v1, v2;

	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1, "first sync: rc %d reloaded %d (%s)", rc, reloaded,
		      err.msg);
	expect_shipped_counts(db, "after the first sync");
	ck_assert_msg(milestone_text(db, "cdc-2m-se-calms", text, sizeof text) == 0 &&
			      !strcmp(text, "Calms down when spoken to or picked up"),
		      "milestone text after sync: %s", text);

	ck_assert_int_eq(sqlite3_open_v2(dbpath, &watcher, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
	v1 = data_version(watcher);
	changes = sqlite3_total_changes(db);
	reloaded = -1;
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 0, "second sync, nothing changed: rc %d reloaded %d (%s)",
		      rc, reloaded, err.msg);
	v2 = data_version(watcher);
	ck_assert_msg(sqlite3_total_changes(db) == changes,
		      "an unchanged library still wrote %d rows", sqlite3_total_changes(db) - changes);
	ck_assert_msg(v1 == v2, "an unchanged library still committed (data_version %d -> %d)", v1, v2);
	expect_shipped_counts(db, "after the second sync");

	/* The watcher does notice a real reload, so the check above can fail. */
	{
		char path[PATH_MAX + 32];
		struct timespec ts[2] = { { 1000000000, 0 }, { 1000000000, 0 } };

		snprintf(path, sizeof path, "%s/weeks-00-12.ini", dir);
		ck_assert_int_eq(utimensat(AT_FDCWD, path, ts, 0), 0);
		rc = content_sync(db, dir, &reloaded, &err);
		ck_assert_msg(rc == TDL_OK && reloaded == 1, "after touching a file: rc %d reloaded %d (%s)",
			      rc, reloaded, err.msg);
		ck_assert_msg(data_version(watcher) != v2, "the watcher missed a reload");
	}
	sqlite3_close(watcher);
	db_close(db);
}
END_TEST

START_TEST(sync_reloads_on_change)
{
	char dir[PATH_MAX], dbpath[PATH_MAX], path[PATH_MAX + 32], text[256];
	struct tdl_err err = { "" };
	sqlite3 *db = setup_copy(dir, sizeof dir, dbpath, sizeof dbpath);
	int reloaded = -1, rc;
	FILE *f;

	ck_assert_int_eq(content_sync(db, dir, &reloaded, &err), TDL_OK);
	snprintf(path, sizeof path, "%s/milestones-cdc.ini", dir);
	f = fopen(path, "a");
	ck_assert_msg(f != NULL, "cannot append to %s", path);
	fputs("\n" MS("cdc-2m-new-one"), f);
	fclose(f);
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1, "after adding a record: rc %d reloaded %d (%s)", rc,
		      reloaded, err.msg);
	ck_assert_msg(count(db, "milestone") == SHIPPED_MILESTONES + 1, "%d milestones after adding one",
		      count(db, "milestone"));
	ck_assert_msg(milestone_text(db, "cdc-2m-new-one", text, sizeof text) == 0,
		      "the new milestone is not in the database");
	ck_assert_msg(count(db, "activity") == SHIPPED_ACTIVITIES, "activities duplicated: %d",
		      count(db, "activity"));

	/* a new file */
	snprintf(path, sizeof path, "%s/zz-extra.ini", dir);
	tu_write(path, MS("zz-extra-one"));
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1 && count(db, "milestone") == SHIPPED_MILESTONES + 2,
		      "after adding a file: rc %d reloaded %d milestones %d (%s)", rc, reloaded,
		      count(db, "milestone"), err.msg);
	/* a removed file */
	unlink(path);
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 1 && count(db, "milestone") == SHIPPED_MILESTONES + 1,
		      "after removing a file: rc %d reloaded %d milestones %d (%s)", rc, reloaded,
		      count(db, "milestone"), err.msg);
	db_close(db);
}
END_TEST

START_TEST(sync_broken_keeps_library)
{
	char dir[PATH_MAX], dbpath[PATH_MAX], path[PATH_MAX + 32], stamp[64], stamp2[64];
	struct tdl_err err = { "" };
	sqlite3 *db = setup_copy(dir, sizeof dir, dbpath, sizeof dbpath);
	int reloaded = -1, rc;

	ck_assert_int_eq(content_sync(db, dir, &reloaded, &err), TDL_OK);
	ck_assert_msg(db_meta_get(db, "content_stamp", stamp, sizeof stamp) == 0, "no content stamp");

	snprintf(path, sizeof path, "%s/zz-broken.ini", dir);
	tu_write(path, "[milestone broken]\nage_months = 2\n");
	reloaded = -1;
	err_clear(&err);
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_EINPUT && reloaded == 0, "a broken file: rc %d reloaded %d", rc, reloaded);
	ck_assert_msg(strstr(err.msg, "zz-broken.ini:1") != NULL, "broken file: message %s", err.msg);
	expect_shipped_counts(db, "after a broken folder");
	ck_assert_msg(db_meta_get(db, "content_stamp", stamp2, sizeof stamp2) == 0 && !strcmp(stamp, stamp2),
		      "a broken folder changed the stamp");
	ck_assert_msg(sqlite3_get_autocommit(db), "a transaction is left open");

	/* a broken reference across files */
	tu_write(path, ACT("zz-act", "0-4", "sensory", "no-such-milestone"));
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_EINPUT && reloaded == 0, "a broken reference: rc %d reloaded %d", rc,
		      reloaded);
	expect_shipped_counts(db, "after a broken reference");

	/* the folder gone */
	unlink(path);
	rc = content_sync(db, "/nonexistent/toddle/content", &reloaded, &err);
	ck_assert_msg(rc == TDL_EDATA && reloaded == 0, "a missing folder: rc %d reloaded %d", rc,
		      reloaded);
	expect_shipped_counts(db, "after a missing folder");

	/* fixed again: the same files as loaded, so nothing to do */
	rc = content_sync(db, dir, &reloaded, &err);
	ck_assert_msg(rc == TDL_OK && reloaded == 0, "after removing the broken file: rc %d reloaded %d (%s)",
		      rc, reloaded, err.msg);
	db_close(db);
}
END_TEST

/* ---- content_lint_dir: near-duplicates ------------------------------------------ */

/* Keep the near-duplicate lines of the lint (a tiny library has many other problems). */
static void collect(const char *problem, void *ctx)
{
	char *all = ctx;
	size_t len = strlen(all);

	if (strstr(problem, "read alike"))
		snprintf(all + len, 16384 - len, "%s\n", problem);
}

/* The near-duplicate lint lines of a one-file library, as text (a static buffer). */
static const char *lint_text(const char *text)
{
	static char all[16384];
	char dir[PATH_MAX];
	struct tdl_err err;
	int rc;

	make_lib(dir, sizeof dir, "a.ini", text, NULL, NULL);
	err_clear(&err);
	all[0] = '\0';
	rc = content_lint_dir(dir, collect, all, &err);
	ck_assert_msg(rc > 0, "a tiny library must have lint problems: rc %d (%s)", rc, err.msg);
	return all;
}

/* Three real activities as they read before the issue 14 curation (801a50e). */
#define REAL_ACT(id, title, weeks, extra, steps, why)                                               \
	"[activity " id "]\ntitle = " title "\nweeks = " weeks "\ndomain = social-emotional\n"      \
	"discipline = general\nminutes = 5\nmaterials = none\n" steps "why = " why "\n"            \
	"builds = m-one\neasier = e\nharder = h\n" extra "\n"
#define WAVE_A(weeks, extra)                                                                       \
	REAL_ACT("wave-bye-bye", "Wave bye-bye at the door", weeks, extra,                         \
		 "step = When someone leaves, wave and say bye-bye.\n"                             \
		 "step = Help baby wave too if they seem to want to.\n"                            \
		 "step = Wave bye-bye to the bath water, the cat or the bus as well.\n"            \
		 "step = Cheer any wave, even a tiny one.\n",                                      \
		 "Waving is one of the first gestures babies learn to use, and it brings words and " \
		 "people together.")
#define WAVE_B(weeks, extra)                                                                       \
	REAL_ACT("bye-bye-wave", "Waving bye-bye at the door", weeks, extra,                       \
		 "step = When someone leaves, hold baby where they can see the person.\n"          \
		 "step = Wave and say bye-bye in a cheerful voice.\n"                              \
		 "step = Encourage the person leaving to wave back to baby.\n"                     \
		 "step = Wave bye-bye to everyday things too, like the bath water or the bus.\n",  \
		 "Waving is one of the first gestures children use to join in social moments, and " \
		 "repetition makes it stick.")
#define CLAP(weeks)                                                                                \
	REAL_ACT("clap-and-cheer", "Clapping when something great happens", weeks, "",             \
		 "step = When something exciting happens, clap and say yay!\n"                     \
		 "step = Clap for the tower falling, the dog arriving, or a new step.\n"           \
		 "step = Let your child see your face light up.\n"                                 \
		 "step = Cheer when your child claps too.\n",                                      \
		 "Sharing excitement shows children how to express happy feelings and invites them " \
		 "to join in.")

START_TEST(lint_near_duplicates)
{
	const char *out;

	/* the two waves in overlapping weeks: one line naming both ids and the similarity;
	 * clapping shares only everyday words ("when", "say", "cheer", "your child") */
	out = lint_text(MS("m-one") WAVE_A("34-44", "") WAVE_B("44-52", "") CLAP("34-52"));
	ck_assert_msg(strstr(out, "activities 'wave-bye-bye' and 'bye-bye-wave'") && strstr(out, "similarity 0."),
		      "alike activities in the same weeks were not reported:\n%s", out);
	ck_assert_msg(strstr(strstr(out, "read alike") + 1, "read alike") == NULL,
		      "only the waves are alike, as one problem line:\n%s", out);
	ck_assert_msg(!strstr(out, "clap-and-cheer"), "clapping was reported as alike:\n%s", out);
	/* the same words in weeks that never meet are not a duplicate */
	out = lint_text(MS("m-one") WAVE_A("34-43", "") WAVE_B("44-52", "") CLAP("34-52"));
	ck_assert_msg(!strstr(out, "read alike"), "activities in separate weeks were reported:\n%s", out);
	/* linked as a progression (next / before): not a duplicate */
	out = lint_text(MS("m-one") WAVE_A("34-44", "next = bye-bye-wave\n")
				WAVE_B("44-52", "before = wave-bye-bye\n") CLAP("34-52"));
	ck_assert_msg(!strstr(out, "read alike"), "a progression was reported as alike:\n%s", out);
}
END_TEST

static Suite *content_suite(void)
{
	Suite *s = suite_create("content");

	TU_CASE(s, parse_good_record);
	TU_CASE(s, parse_comments_and_blanks);
	TU_CASE(s, parse_crlf);
	TU_CASE(s, parse_key_before_header);
	TU_CASE(s, parse_bad_headers);
	TU_CASE(s, parse_bad_keys);
	TU_CASE(s, parse_bad_bytes);
	TU_CASE(s, parse_c1_and_bidi_controls);
	TU_CASE(s, parse_value_length);
	TU_CASE(s, parse_repeated_steps);
	TU_CASE(s, parse_callback_stops);
	TU_CASE(s, check_shipped_library);
	TU_CASE(s, check_minimal_library);
	TU_CASE(s, check_duplicate_id_across_files);
	TU_CASE(s, check_duplicate_week_number);
	TU_CASE(s, check_unknown_domain_and_type);
	TU_CASE(s, check_weeks_range);
	TU_CASE(s, check_missing_required);
	TU_CASE(s, check_unknown_key);
	TU_CASE(s, check_builds_unknown_milestone);
	TU_CASE(s, check_missing_and_empty_folder);
	TU_CASE(s, check_ignores_other_files);
	TU_CASE(s, lint_near_duplicates);
	TU_CASE(s, sync_loads_once);
	TU_CASE(s, sync_reloads_on_change);
	TU_CASE(s, sync_broken_keeps_library);
	return s;
}

int main(void)
{
	return tu_run(content_suite());
}
