/* How alike two activities read: Jaccard similarity of their 3-word shingles
 * (lower-cased words of title, steps and why), for the near-duplicate lint. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"

#define SHINGLE_WORDS 3

/* True for a byte that belongs to a word (ASCII letters, digits, apostrophe). */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

/* Lower-case ASCII. */
static unsigned char lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Order two hashes for qsort. */
static int cmp_hash(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return (x > y) - (x < y);
}

/* Add the words of text to the list of word hashes; 0 on success. */
static int add_words(const char *text, uint64_t **w, size_t *n, size_t *cap)
{
	const unsigned char *p = (const unsigned char *)text;

	while (*p) {
		uint64_t h = 1469598103934665603ULL;

		while (*p && !word_byte(*p))
			p++;
		if (!*p)
			break;
		for (; word_byte(*p); p++)
			h = (h ^ lower(*p)) * 1099511628211ULL;
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 64;
			uint64_t *nw = realloc(*w, nc * sizeof *nw);

			if (!nw)
				return -1;
			*w = nw, *cap = nc;
		}
		(*w)[(*n)++] = h;
	}
	return 0;
}

/* The sorted, unique shingle hashes of an activity's title, steps and why; 0 on success. */
int similar_shingles(const struct rec *r, struct shingles *out)
{
	uint64_t *w = NULL;
	size_t n = 0, cap = 0;
	int rc = 0;

	out->h = NULL, out->n = 0;
	for (int i = 0; i < r->nfields && !rc; i++)
		if (!strcmp(r->keys[i], "title") || !strcmp(r->keys[i], "step") || !strcmp(r->keys[i], "why"))
			rc = add_words(r->values[i], &w, &n, &cap);
	if (!rc && n >= SHINGLE_WORDS) {
		out->h = malloc((n - SHINGLE_WORDS + 1) * sizeof *out->h);
		rc = out->h ? 0 : -1;
		for (size_t i = 0; !rc && i + SHINGLE_WORDS <= n; i++)
			out->h[i] = (w[i] * 31 + w[i + 1]) * 1000003ULL ^ w[i + 2];
		if (!rc) {
			size_t m = 0, all = n - SHINGLE_WORDS + 1;

			qsort(out->h, all, sizeof *out->h, cmp_hash);
			for (size_t i = 0; i < all; i++)
				if (!m || out->h[m - 1] != out->h[i])
					out->h[m++] = out->h[i];
			out->n = m;
		}
	}
	free(w);
	return rc;
}

/* Shared shingles over all shingles of the two (0 when both are empty). */
double similar_jaccard(const struct shingles *a, const struct shingles *b)
{
	size_t i = 0, j = 0, both = 0;

	while (i < a->n && j < b->n) {
		if (a->h[i] == b->h[j])
			both++, i++, j++;
		else if (a->h[i] < b->h[j])
			i++;
		else
			j++;
	}
	return a->n + b->n ? (double)both / (double)(a->n + b->n - both) : 0.0;
}
