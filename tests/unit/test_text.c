/* Unit tests: UTF-8 checks, field checks, sanitising for the terminal, width. */
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <check.h>
#include "toddle/text.h"
#include "util.h"

/* Show bytes as escaped text for messages. */
static const char *show(const char *s)
{
	static char buf[4][256];
	static int k;
	char *out = buf[k++ % 4];
	size_t o = 0;

	for (const unsigned char *p = (const unsigned char *)s; *p && o + 5 < sizeof buf[0]; p++) {
		if (*p >= 0x20 && *p < 0x7f && *p != '\\')
			out[o++] = (char)*p;
		else
			o += (size_t)snprintf(out + o, 5, "\\x%02x", *p);
	}
	out[o] = '\0';
	return out;
}

/* ---- text_utf8_valid ---------------------------------------------------- */

START_TEST(utf8_valid_ok)
{
	static const char *const ok[] = {
		"", "plain ascii", "\xc3\xa9" /* é */, "\xe2\x82\xac" /* € */,
		"\xf0\x9f\x98\x80" /* 😀 */, "\xf4\x8f\xbf\xbf" /* U+10FFFF */,
		"\xc2\x80" /* U+0080, smallest 2-byte */, "\xe0\xa0\x80" /* U+0800 */,
		"\xf0\x90\x80\x80" /* U+10000 */, "\xed\x9f\xbf" /* U+D7FF */,
		"\xee\x80\x80" /* U+E000 */, "\xe6\x97\xa5\xe6\x9c\xac" /* 日本 */,
	};

	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		ck_assert_msg(text_utf8_valid(ok[i], strlen(ok[i])), "valid UTF-8 \"%s\" refused",
			      show(ok[i]));
	ck_assert_msg(text_utf8_valid("a\0b", 3), "a NUL byte is valid UTF-8 when len covers it");
}
END_TEST

START_TEST(utf8_valid_bad)
{
	static const struct { const char *s; const char *why; } bad[] = {
		{ "\xc0\xaf", "overlong 2-byte '/'" },
		{ "\xc1\xbf", "overlong 2-byte" },
		{ "\xe0\x80\xaf", "overlong 3-byte '/'" },
		{ "\xe0\x9f\xbf", "overlong 3-byte U+07FF" },
		{ "\xf0\x80\x80\xaf", "overlong 4-byte '/'" },
		{ "\xf0\x8f\xbf\xbf", "overlong 4-byte U+FFFF" },
		{ "\xed\xa0\x80", "surrogate U+D800" },
		{ "\xed\xbf\xbf", "surrogate U+DFFF" },
		{ "\xed\xa0\xbd\xed\xb8\x80", "CESU-8 surrogate pair" },
		{ "\xf4\x90\x80\x80", "above U+10FFFF" },
		{ "\xf5\x80\x80\x80", "lead byte F5" },
		{ "\xf8\x88\x80\x80\x80", "5-byte form" },
		{ "\xfe", "byte FE" },
		{ "\xff", "byte FF" },
		{ "\x80", "lone continuation" },
		{ "a\xbf" "b", "continuation in ASCII" },
		{ "\xc3", "truncated 2-byte" },
		{ "\xe2\x82", "truncated 3-byte" },
		{ "\xf0\x9f\x98", "truncated 4-byte" },
		{ "\xc3" "a", "2-byte lead then ASCII" },
		{ "\xe2\x28\xa1", "bad second byte" },
		{ "ok \xe2\x82\xac then \xc3", "valid text with a truncated end" },
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!text_utf8_valid(bad[i].s, strlen(bad[i].s)), "%s (\"%s\") accepted",
			      bad[i].why, show(bad[i].s));
	/* len cuts a valid sequence short */
	ck_assert_msg(!text_utf8_valid("\xc3\xa9", 1), "é cut to 1 byte accepted");
	ck_assert_msg(!text_utf8_valid("\xf0\x9f\x98\x80", 3), "emoji cut to 3 bytes accepted");
}
END_TEST

/* ---- text_check --------------------------------------------------------- */

START_TEST(check_required_and_length)
{
	struct tdl_err err;
	int rc;

	err_clear(&err);
	rc = text_check("", "the name", 10, 1, &err);
	ck_assert_msg(rc == TDL_EINPUT, "required empty accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "the name") && strstr(err.msg, "empty"),
		      "required empty: message should name the field and say empty: %s", err.msg);
	ck_assert_msg(text_check(NULL, "x", 10, 1, &err) == TDL_EINPUT, "required NULL accepted");
	ck_assert_msg(text_check("", "x", 10, 0, &err) == TDL_OK, "optional empty refused: %s", err.msg);
	ck_assert_msg(text_check(NULL, "x", 10, 0, &err) == TDL_OK, "optional NULL refused: %s", err.msg);
	ck_assert_msg(text_check("abcde", "x", 5, 1, &err) == TDL_OK, "exactly maxbytes refused: %s",
		      err.msg);
	err_clear(&err);
	rc = text_check("abcdef", "the note", 5, 1, &err);
	ck_assert_msg(rc == TDL_EINPUT, "maxbytes+1 accepted (rc %d)", rc);
	ck_assert_msg(strstr(err.msg, "the note") && strstr(err.msg, "too long"),
		      "too long: message should name the field: %s", err.msg);
	/* bytes, not characters: "ééé" is 6 bytes */
	ck_assert_msg(text_check("\xc3\xa9\xc3\xa9\xc3\xa9", "x", 5, 1, &err) == TDL_EINPUT,
		      "6 bytes of UTF-8 accepted with maxbytes 5");
	{
		char *big = malloc(10 * 1024 + 1);

		memset(big, 'x', 10 * 1024);
		big[10 * 1024] = '\0';
		rc = text_check(big, "the note", 2000, 0, &err);
		free(big);
		ck_assert_msg(rc == TDL_EINPUT, "10 KB text accepted for a 2000-byte field (rc %d)", rc);
	}
}
END_TEST

START_TEST(check_control_chars)
{
	static const struct { const char *s; const char *why; } bad[] = {
		{ "a\x01" "b", "SOH" },
		{ "\033[31mred", "ESC (terminal escape sequence)" },
		{ "\033]0;title\007", "OSC title sequence" },
		{ "a\x7f" "b", "DEL" },
		{ "a\nb", "newline" },
		{ "a\rb", "carriage return" },
		{ "a\xc2\x85" "b", "C1 NEL U+0085" },
		{ "a\xc2\x9b" "31m", "C1 CSI U+009B" },
		{ "a\xe2\x80\xae" "b", "bidi override U+202E" },
		{ "a\xe2\x80\xaa" "b", "bidi embedding U+202A" },
		{ "a\xe2\x81\xa6" "b", "bidi isolate U+2066" },
		{ "a\xe2\x81\xa9" "b", "bidi isolate end U+2069" },
	};
	static const char *const ok[] = {
		"tab\tinside", "Zoë", "\xe6\x97\xa5\xe6\x9c\xac", "O'Brien \"x\"; DROP TABLE child;--",
		"\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d" /* Hebrew, right-to-left without override */,
		"\xf0\x9f\x98\x80",
	};
	struct tdl_err err;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		int rc;

		err_clear(&err);
		rc = text_check(bad[i].s, "the note", 100, 1, &err);
		ck_assert_msg(rc == TDL_EINPUT, "%s (\"%s\") accepted (rc %d)", bad[i].why,
			      show(bad[i].s), rc);
		ck_assert_msg(strstr(err.msg, "the note") != NULL, "%s: message should name the field: %s",
			      bad[i].why, err.msg);
		ck_assert_msg(!strchr(err.msg, '\033'), "%s: the message itself holds ESC", bad[i].why);
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		ck_assert_msg(text_check(ok[i], "the note", 100, 1, &err) == TDL_OK,
			      "\"%s\" refused: %s", show(ok[i]), err.msg);
	err_clear(&err);
	ck_assert_msg(text_check("a\xff", "the note", 100, 1, &err) == TDL_EINPUT &&
			      strstr(err.msg, "UTF-8"),
		      "invalid UTF-8: wrong result or message: %s", err.msg);
}
END_TEST

/* Notes take several lines: newline and tab pass, every other control
 * character is still refused, and one-line fields still refuse a newline. */
START_TEST(check_lines)
{
	static const struct { const char *s; const char *why; } bad[] = {
		{ "a\rb", "carriage return" },
		{ "a\r\nb", "CR LF (only LF is a line break)" },
		{ "one\n\033[2Jtwo", "ESC on the second line" },
		{ "a\x0b" "b", "vertical tab" },
		{ "a\x0c" "b", "form feed" },
		{ "a\x7f" "b", "DEL" },
		{ "a\xc2\x85" "b", "C1 NEL U+0085" },
		{ "a\n\xe2\x80\xae" "b", "bidi override after a line break" },
		{ "a\n\x01", "SOH" },
	};
	static const char *const ok[] = {
		"one\ntwo", "Rolled both ways.\n\nSat with support.", "\tindented\n\tlist",
		"ends with a break\n", "Zoë\n日本", "a\tb",
	};
	struct tdl_err err;

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		err_clear(&err);
		ck_assert_msg(text_check_lines(bad[i].s, "the note", 100, 1, &err) == TDL_EINPUT,
			      "%s (\"%s\") accepted in a note", bad[i].why, show(bad[i].s));
		ck_assert_msg(strstr(err.msg, "the note") && strstr(err.msg, "line breaks and tabs"),
			      "%s: the message should name the field and what is allowed: %s", bad[i].why, err.msg);
	}
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
		err_clear(&err);
		ck_assert_msg(text_check_lines(ok[i], "the note", 100, 1, &err) == TDL_OK,
			      "note \"%s\" refused: %s", show(ok[i]), err.msg);
	}
	ck_assert_msg(text_check("one\ntwo", "the name", 100, 1, &err) == TDL_EINPUT,
		      "a one-line field took a newline");
	ck_assert_msg(text_check_lines("\n\n\n", "the note", 2, 1, &err) == TDL_EINPUT &&
			      strstr(err.msg, "too long"), "line breaks count toward the length: %s", err.msg);
	ck_assert_msg(text_check_lines("a\xff\nb", "the note", 100, 1, &err) == TDL_EINPUT &&
			      strstr(err.msg, "UTF-8"), "invalid UTF-8 in a note: %s", err.msg);
	{
		char out[64];

		text_sanitize("one\ntwo\tthree", out, sizeof out);
		ck_assert_msg(!strcmp(out, "one two three"), "sanitize kept a raw break: %s", show(out));
	}
}
END_TEST

/* ---- text_sanitize ------------------------------------------------------ */

static void expect_sanitized(const char *in, const char *expect)
{
	char out[256];

	text_sanitize(in, out, sizeof out);
	ck_assert_msg(!strcmp(out, expect), "sanitize(\"%s\") gave \"%s\", expected \"%s\"", show(in),
		      show(out), show(expect));
}

START_TEST(sanitize_drops_controls)
{
	char out[256];

	text_sanitize("\033[31mred", out, sizeof out);
	ck_assert_msg(!strchr(out, '\033'), "ESC survived: \"%s\"", show(out));
	ck_assert_msg(strstr(out, "red") != NULL, "the text after the escape was lost: \"%s\"",
		      show(out));
	text_sanitize("\033]0;pwned\007x", out, sizeof out);
	ck_assert_msg(!strchr(out, '\033') && !strchr(out, '\007'), "OSC ESC/BEL survived: \"%s\"",
		      show(out));
	expect_sanitized("a\x01\x02\x7f" "b", "ab");
	expect_sanitized("a\xc2\x85" "b", "ab");        /* C1 NEL */
	expect_sanitized("a\xc2\x9b" "b", "ab");        /* C1 CSI */
	expect_sanitized("a\xe2\x80\xae" "b", "ab");    /* RLO */
	expect_sanitized("a\xe2\x81\xa6" "b", "ab");    /* LRI */
	expect_sanitized("a\tb\nc", "a b c");           /* tab and newline become spaces */
	expect_sanitized("a\rb", "ab");
	expect_sanitized("", "");
	expect_sanitized(NULL, "");
}
END_TEST

START_TEST(sanitize_keeps_text)
{
	expect_sanitized("plain text", "plain text");
	expect_sanitized("Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80", "Zo\xc3\xab \xe2\x82\xac \xf0\x9f\x98\x80");
	expect_sanitized("\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e");
	expect_sanitized("\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d", "\xd7\xa9\xd7\x9c\xd7\x95\xd7\x9d");
	expect_sanitized("quotes ' \" ; -- ok", "quotes ' \" ; -- ok");
}
END_TEST

START_TEST(sanitize_invalid_bytes)
{
	expect_sanitized("a\xff" "b", "a?b");
	expect_sanitized("\xc3", "?");
	expect_sanitized("\xc0\xaf", "??");             /* overlong: each byte replaced */
	expect_sanitized("\xed\xa0\x80", "???");        /* surrogate */
	expect_sanitized("x\xe2\x82", "x??");           /* truncated at the end */
	{
		char *dup = text_sanitize_dup("ok\xff\033[0m");

		ck_assert_msg(dup != NULL, "text_sanitize_dup returned NULL");
		ck_assert_msg(!strchr(dup, '\033') && strstr(dup, "ok?"), "sanitize_dup gave \"%s\"",
			      show(dup));
		ck_assert_msg(text_utf8_valid(dup, strlen(dup)), "sanitize_dup output is not UTF-8");
		free(dup);
	}
}
END_TEST

START_TEST(sanitize_small_buffers)
{
	static const char *const inputs[] = {
		"abcdefghij",
		"\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",          /* 3-byte characters */
		"a\xf0\x9f\x98\x80" "b\xf0\x9f\x98\x80",         /* 4-byte characters */
		"\033[31m\xc3\xa9\xc3\xa9\xff\xff\t\n\xe2\x80\xae" "xyz",
		"\xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\xf7",
	};

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char full[256];

		text_sanitize(inputs[i], full, sizeof full);
		for (size_t outsz = 1; outsz <= 8; outsz++) {
			char buf[32];
			size_t len;

			memset(buf, 'Z', sizeof buf);
			text_sanitize(inputs[i], buf, outsz);
			len = strnlen(buf, outsz);
			ck_assert_msg(len < outsz, "input %zu, outsz %zu: no NUL inside the buffer", i,
				      outsz);
			for (size_t k = outsz; k < sizeof buf; k++)
				ck_assert_msg(buf[k] == 'Z', "input %zu, outsz %zu: wrote byte %zu past the end",
					      i, outsz, k);
			ck_assert_msg(text_utf8_valid(buf, len),
				      "input %zu, outsz %zu: output \"%s\" splits a character", i, outsz,
				      show(buf));
			ck_assert_msg(!strncmp(buf, full, len),
				      "input %zu, outsz %zu: \"%s\" is not a prefix of \"%s\"", i, outsz,
				      show(buf), show(full));
		}
	}
	{
		char buf[4] = "ZZZ";

		text_sanitize("abc", buf, 0);
		ck_assert_msg(!strcmp(buf, "ZZZ"), "outsz 0 must write nothing, got \"%s\"", show(buf));
	}
}
END_TEST

/* In place (in == out, as form_plan.c calls it) gives what a separate buffer gives. */
START_TEST(sanitize_in_place)
{
	static const char *const inputs[] = {
		"plain text",
		"\x01\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e",        /* output one byte behind 3-byte characters */
		"\x01\x02\xf0\x9f\x98\x80\xf0\x9f\x98\x80 ok",   /* two behind 4-byte ones */
		"\033[31mZo\xc3\xab\xc3\xab\033]0;t\007\xe2\x82\xac",
		("a\xff\t\n\xe2\x80\xae" "b\xc2\x85\xc3\xa9"),
		"",
	};

	for (size_t i = 0; i < sizeof inputs / sizeof inputs[0]; i++) {
		char expect[64], buf[64];

		text_sanitize(inputs[i], expect, sizeof expect);
		snprintf(buf, sizeof buf, "%s", inputs[i]);
		text_sanitize(buf, buf, sizeof buf);
		ck_assert_msg(!strcmp(buf, expect), "in place, input %zu gave \"%s\", expected \"%s\"",
			      i, show(buf), show(expect));
	}
}
END_TEST

/* ---- text_find_bad -------------------------------------------------------- */

/* The first byte an editor's text may not bring into a field, and its line. */
START_TEST(find_bad)
{
	static const struct {
		const char *s;
		size_t len;
		long at;
		int line;
	} cases[] = {
		{ "fine\tline\r\nnext \xc3\xa9\n", 19, -1, 3 },
		{ "one\ntwo \xff\n", 10, 8, 2 },               /* invalid byte */
		{ "an \033[2J escape", 17, 3, 1 },             /* ESC */
		{ "a\rb\r\nc\x7f", 7, 6, 3 },                  /* DEL; a lone CR starts a line too */
		{ "nul\0after", 9, 3, 1 },                     /* NUL inside the text */
		{ "x\n\xe2\x80\xae", 5, 2, 2 },                /* a direction override */
		{ "cut \xe5\xaf", 6, 4, 1 },                   /* a character cut short */
		{ "\xc2\x85", 2, 0, 1 },                        /* C1 control (NEL) */
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		int line = 0;
		long at = text_find_bad(cases[i].s, cases[i].len, &line);

		ck_assert_msg(at == cases[i].at, "case %zu: bad byte at %ld, expected %ld", i, at, cases[i].at);
		ck_assert_msg(line == cases[i].line, "case %zu: line %d, expected %d", i, line, cases[i].line);
	}
}
END_TEST

/* ---- text_trim, text_dup ------------------------------------------------ */

START_TEST(trim)
{
	static const struct { const char *in, *out; } t[] = {
		{ "  a b  ", "a b" }, { "\t x\t", "x" }, { "x \r\n", "x" }, { "", "" },
		{ "    ", "" }, { " \t \r\n", "" }, { "abc", "abc" }, { " \xc3\xa9 ", "\xc3\xa9" },
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		char buf[32];
		char *r;

		strcpy(buf, t[i].in);
		r = text_trim(buf);
		ck_assert_msg(r == buf, "text_trim(\"%s\") did not return its argument", show(t[i].in));
		ck_assert_msg(!strcmp(buf, t[i].out), "text_trim(\"%s\") gave \"%s\", expected \"%s\"",
			      show(t[i].in), show(buf), show(t[i].out));
	}
	ck_assert_msg(text_trim(NULL) == NULL, "text_trim(NULL) should be NULL");
	{
		char *d = text_dup("hi");

		ck_assert_msg(d && !strcmp(d, "hi"), "text_dup(\"hi\") gave %s", d ? d : "NULL");
		free(d);
		ck_assert_msg(text_dup(NULL) == NULL, "text_dup(NULL) should be NULL");
	}
}
END_TEST

/* ---- text_width --------------------------------------------------------- */

START_TEST(width)
{
	static const struct { const char *s; int w; } t[] = {
		{ "", 0 },
		{ "abc", 3 },
		{ "Zo\xc3\xab", 3 },                           /* é is one column */
		{ "\xe6\x97\xa5\xe6\x9c\xac\xe8\xaa\x9e", 6 },  /* 日本語: 2 each */
		{ "a\xe6\x97\xa5" "b", 4 },
		{ "e\xcc\x81", 1 },                            /* combining acute: 0 */
		{ "a\033b", 2 },                               /* ESC takes no column */
		{ "a\xff" "b", 3 },                            /* an invalid byte shows as one */
		{ "\xef\xbc\xa1", 2 },                         /* fullwidth A */
	};

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		ck_assert_msg(text_width(t[i].s) == t[i].w, "text_width(\"%s\") = %d, expected %d",
			      show(t[i].s), text_width(t[i].s), t[i].w);
	ck_assert_msg(text_width(NULL) == 0, "text_width(NULL) should be 0");
}
END_TEST

/* ---- text_fold ---------------------------------------------------------- */

START_TEST(fold)
{
	static const struct { const char *in, *out; } t[] = {
		{ "", "" },
		{ "Tummy Time", "tummy time" },
		{ "\xc3\x89veil \xc3\xa0 l'\xc3\xa9t\xc3\xa9", "eveil a l'ete" },  /* Éveil à l'été */
		{ "Stra\xc3\x9f" "e", "strasse" },                               /* ß */
		{ "\xc5\x81\xc3\xb3" "d\xc5\xba", "lodz" },                         /* Łódź */
		{ "\xc5\x92uf \xc3\x86", "oeuf ae" },                              /* Œuf Æ */
		{ "2\xc3\x97" "3", "2\xc3\x97" "3" },                             /* × stays */
		{ "\xe6\x97\xa5 \xd0\x91", "\xe6\x97\xa5 \xd0\x91" },                /* 日 Б stay */
		{ "a\xff" "B", "a\xff" "b" },                                    /* an invalid byte stays */
	};
	char buf[64], small[4];

	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++) {
		text_fold(t[i].in, buf, sizeof buf);
		ck_assert_msg(!strcmp(buf, t[i].out), "text_fold(\"%s\") gave \"%s\", expected \"%s\"",
			      show(t[i].in), show(buf), show(t[i].out));
	}
	text_fold("\xc3\x89t\xc3\xa9s", small, sizeof small);  /* Étés: a whole letter or none */
	ck_assert_msg(!strcmp(small, "ete"), "text_fold into 4 bytes gave \"%s\", expected \"ete\"", show(small));
	text_fold("\xc3\x86x", small, 2);
	ck_assert_msg(!strcmp(small, ""), "text_fold of \"\xc3\x86x\" into 2 bytes gave \"%s\", expected \"\"", show(small));
	text_fold(NULL, buf, sizeof buf);
	ck_assert_msg(!strcmp(buf, ""), "text_fold(NULL) gave \"%s\"", show(buf));
}
END_TEST

static Suite *text_suite(void)
{
	Suite *s = suite_create("text");

	TU_CASE(s, utf8_valid_ok);
	TU_CASE(s, utf8_valid_bad);
	TU_CASE(s, check_required_and_length);
	TU_CASE(s, check_control_chars);
	TU_CASE(s, check_lines);
	TU_CASE(s, sanitize_drops_controls);
	TU_CASE(s, sanitize_keeps_text);
	TU_CASE(s, sanitize_invalid_bytes);
	TU_CASE(s, sanitize_small_buffers);
	TU_CASE(s, sanitize_in_place);
	TU_CASE(s, find_bad);
	TU_CASE(s, trim);
	TU_CASE(s, width);
	TU_CASE(s, fold);
	return s;
}

int main(void)
{
	/* make check sets LC_ALL=C.UTF-8; fall back to it when run by hand in a C locale. */
	if (!setlocale(LC_ALL, "") || strcmp(nl_langinfo(CODESET), "UTF-8"))
		setlocale(LC_ALL, "C.UTF-8");
	return tu_run(text_suite());
}
