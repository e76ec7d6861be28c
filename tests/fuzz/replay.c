/* Replays a fuzz target's corpus (tests/fuzz/corpus/TARGET) as TAP, one line a file,
 * so every build checks the inputs that once found a problem. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Read one corpus file; NULL when it cannot be read. */
static unsigned char *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *buf = NULL;
	long n;

	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
	    (buf = malloc((size_t)n + 1)) && fread(buf, 1, (size_t)n, f) == (size_t)n)
		*len = (size_t)n;
	else {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	return buf;
}

static int cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(void)
{
	const char *dir = CORPUS_DIR "/" TARGET;
	char *names[4096], path[4096];
	struct dirent *e;
	DIR *d = opendir(dir);
	int n = 0;

	if (!d) {
		printf("1..0 # SKIP no corpus at %s\n", dir);
		return 0;
	}
	while ((e = readdir(d)) && n < 4096)
		if (e->d_name[0] != '.')
			names[n++] = strdup(e->d_name);
	closedir(d);
	qsort(names, (size_t)n, sizeof *names, cmp);
	printf("1..%d\n", n);
	for (int i = 0; i < n; i++) {
		size_t len = 0;
		unsigned char *buf;

		snprintf(path, sizeof path, "%s/%s", dir, names[i]);
		buf = slurp(path, &len);
		if (!buf) {
			printf("not ok %d - %s: cannot read %s\n", i + 1, TARGET, names[i]);
			continue;
		}
		fflush(stdout);
		LLVMFuzzerTestOneInput(buf, len); /* a crash or sanitizer report fails the run */
		printf("ok %d - %s: %s\n", i + 1, TARGET, names[i]);
		free(buf);
		free(names[i]);
	}
	return 0;
}
