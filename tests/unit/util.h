/* Shared helpers for the unit tests: a private temp folder per test, files. */
#ifndef TODDLE_TEST_UTIL_H
#define TODDLE_TEST_UTIL_H

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <check.h>

/* The current test's private folder (made by tu_setup, removed by tu_teardown). */
static char tu_dir[PATH_MAX];

/* out = tu_dir/name. */
static inline const char *tu_path(char *out, size_t outsz, const char *name)
{
	int n = snprintf(out, outsz, "%s/%s", tu_dir, name);

	ck_assert_msg(n > 0 && (size_t)n < outsz, "path %s/%s does not fit", tu_dir, name);
	return out;
}

/* Write len bytes to path (mode 0600 before the umask); fails the test on error. */
static inline void tu_write_n(const char *path, const void *data, size_t len)
{
	FILE *f = fopen(path, "wb");

	ck_assert_msg(f != NULL, "cannot create %s: %s", path, strerror(errno));
	ck_assert_msg(fwrite(data, 1, len, f) == len, "cannot write %s", path);
	ck_assert_msg(fclose(f) == 0, "cannot close %s", path);
	chmod(path, 0600);
}

/* Write a C string to path. */
static inline void tu_write(const char *path, const char *text)
{
	tu_write_n(path, text, strlen(text));
}

/* Write text to tu_dir/name and return its path in out. */
static inline const char *tu_file(char *out, size_t outsz, const char *name, const char *text)
{
	tu_path(out, outsz, name);
	tu_write(out, text);
	return out;
}

/* Copy the file src to dst. */
static inline void tu_copy(const char *src, const char *dst)
{
	FILE *in = fopen(src, "rb");
	char buf[8192];
	size_t n, total = 0;
	char *all = NULL;

	ck_assert_msg(in != NULL, "cannot open %s: %s", src, strerror(errno));
	while ((n = fread(buf, 1, sizeof buf, in)) > 0) {
		all = realloc(all, total + n);
		ck_assert_msg(all != NULL, "out of memory copying %s", src);
		memcpy(all + total, buf, n);
		total += n;
	}
	fclose(in);
	tu_write_n(dst, all ? all : "", total);
	free(all);
}

/* Make a folder (and its parents are assumed to exist). */
static inline void tu_mkdir(const char *path)
{
	ck_assert_msg(mkdir(path, 0700) == 0 || errno == EEXIST, "cannot mkdir %s: %s", path,
		      strerror(errno));
}

/* True when path exists. */
static inline int tu_exists(const char *path)
{
	struct stat st;

	return lstat(path, &st) == 0;
}

/* Remove a file or a folder tree (folders are made writable first). */
static inline int tu_rmtree(const char *path)
{
	struct stat st;
	DIR *d;
	struct dirent *e;

	if (lstat(path, &st) != 0)
		return errno == ENOENT ? 0 : -1;
	if (!S_ISDIR(st.st_mode))
		return unlink(path);
	chmod(path, 0700);
	if ((d = opendir(path))) {
		while ((e = readdir(d))) {
			char sub[PATH_MAX];

			if (!strcmp(e->d_name, ".") || !strcmp(e->d_name, ".."))
				continue;
			if (snprintf(sub, sizeof sub, "%s/%s", path, e->d_name) < (int)sizeof sub)
				tu_rmtree(sub);
		}
		closedir(d);
	}
	return rmdir(path);
}

/* Unchecked fixture (runs in the parent, so cleanup happens even after a failure). */
static inline void tu_setup(void)
{
	snprintf(tu_dir, sizeof tu_dir, "%s/toddle-unit-XXXXXX",
		 getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
	if (!mkdtemp(tu_dir)) {
		fprintf(stderr, "mkdtemp %s: %s\n", tu_dir, strerror(errno));
		abort();
	}
}

static inline void tu_teardown(void)
{
	if (tu_dir[0])
		tu_rmtree(tu_dir);
	tu_dir[0] = '\0';
}

/* One TCase per test, with a fresh temp folder, added to suite s. */
#define TU_CASE(s, fn)                                                        \
	do {                                                                  \
		TCase *tc_ = tcase_create(#fn);                               \
		tcase_add_unchecked_fixture(tc_, tu_setup, tu_teardown);      \
		tcase_set_timeout(tc_, 60);                                   \
		tcase_add_test(tc_, fn);                                      \
		suite_add_tcase(s, tc_);                                      \
	} while (0)

/* Run suite s with the environment's settings; exit status for make check. */
static inline int tu_run(Suite *s)
{
	SRunner *sr = srunner_create(s);
	int failed;

	srunner_run_all(sr, CK_ENV);
	failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? 1 : 0;
}

#endif
