/* How alike two activities read, for the near-duplicate lint: the words of
 * their titles and of their title, steps and why, weighted by how rare each
 * word is in the library (TF-IDF), so the words every activity uses ("your
 * baby", "show them") count for little and what an activity is about counts
 * for much. Words are lower-cased, stop words dropped and endings stemmed
 * (plural -s/-es/-ies, -ing, -ed, a final -e), so "waving" meets "wave". */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "content_lib.h"

#define WORD_MAX 48
/* How much more the body's cosine counts than the title's overlap. */
#define BODY_WEIGHT 2.0

/* Words that say nothing about what an activity is. */
static const char *const stop_words[] = { "a", "about", "after", "again", "all", "also", "an", "and", "any",
	"are", "around", "as", "at", "baby", "baby's", "be", "before", "but", "by", "can", "child", "did",
	"do", "does", "down", "each", "for", "from", "had", "has", "have", "he", "her", "here", "his",
	"how", "i", "if", "in", "into", "is", "it", "it's", "its", "just", "let", "let's", "lets", "me",
	"more", "most", "my", "near", "no", "not", "of", "off", "on", "once", "one", "only", "onto", "or",
	"our", "out", "over", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there",
	"these", "they", "this", "those", "to", "toddler", "too", "two", "under", "until", "up", "us",
	"very", "we", "what", "when", "where", "which", "while", "who", "will", "with", "you", "your",
	"yours" };

/* True for a byte that belongs to a word (ASCII letters, digits, apostrophe). */
static int word_byte(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '\'';
}

/* True if the word is a stop word. */
static int is_stop(const char *w)
{
	for (size_t i = 0; i < sizeof stop_words / sizeof stop_words[0]; i++)
		if (!strcmp(w, stop_words[i]))
			return 1;
	return 0;
}

/* True if w (of length n) ends with suffix. */
static int ends(const char *w, size_t n, const char *suffix)
{
	size_t k = strlen(suffix);

	return n >= k && !memcmp(w + n - k, suffix, k);
}

/* Stem a lower-case word in place: possessive, plural, -ing, -ed, a final e. */
static void stem(char *w)
{
	size_t n = strlen(w);

	if (ends(w, n, "'s"))
		w[n -= 2] = '\0';
	while (n && w[n - 1] == '\'')
		w[--n] = '\0';
	while (w[0] == '\'')
		memmove(w, w + 1, n--);
	if (n > 4 && ends(w, n, "ies"))
		w[n - 3] = 'y', w[n -= 2] = '\0';
	else if (n > 4 && (ends(w, n, "shes") || ends(w, n, "ches") || ends(w, n, "xes") || ends(w, n, "sses")))
		w[n -= 2] = '\0';
	else if (n > 3 && w[n - 1] == 's' && w[n - 2] != 's')
		w[--n] = '\0';
	if (n > 5 && ends(w, n, "ing"))
		w[n -= 3] = '\0';
	else if (n > 4 && ends(w, n, "ed"))
		w[n -= 2] = '\0';
	if (n > 3 && w[n - 1] == 'e')
		w[--n] = '\0';
}

/* Add the kept, stemmed words of text to a list of terms; 0 on success. */
static int add_words(const char *text, struct similar_term **t, size_t *n, size_t *cap)
{
	const unsigned char *p = (const unsigned char *)text;

	while (*p) {
		char w[WORD_MAX + 1];
		size_t len = 0;
		uint64_t h = 1469598103934665603ULL;

		while (*p && !word_byte(*p))
			p++;
		if (!*p)
			break;
		for (; word_byte(*p); p++)
			if (len < WORD_MAX)
				w[len++] = (char)(*p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
		w[len] = '\0';
		if (is_stop(w))
			continue;
		stem(w);
		if (!w[0] || is_stop(w))
			continue;
		for (const char *c = w; *c; c++)
			h = (h ^ (unsigned char)*c) * 1099511628211ULL;
		if (*n == *cap) {
			size_t nc = *cap ? *cap * 2 : 64;
			struct similar_term *nt = realloc(*t, nc * sizeof *nt);

			if (!nt)
				return -1;
			*t = nt, *cap = nc;
		}
		(*t)[*n].h = h, (*t)[(*n)++].w = 1.0;
	}
	return 0;
}

/* Order two terms by hash for qsort. */
static int cmp_term(const void *a, const void *b)
{
	uint64_t x = ((const struct similar_term *)a)->h, y = ((const struct similar_term *)b)->h;

	return (x > y) - (x < y);
}

/* Sort terms and merge equal ones, adding their counts; returns the new length. */
static size_t terms_merge(struct similar_term *t, size_t n)
{
	size_t m = 0;

	if (n < 2)
		return n; /* nothing to merge; qsort must not get NULL (no words) */
	qsort(t, n, sizeof *t, cmp_term);
	for (size_t i = 0; i < n; i++)
		if (m && t[m - 1].h == t[i].h)
			t[m - 1].w += t[i].w;
		else
			t[m++] = t[i];
	return m;
}

/* The sorted, counted words of the keys of r named in keys; 0 on success. */
static int doc_terms(const struct rec *r, const char *const *keys, struct similar_term **out, size_t *n)
{
	size_t cap = 0;
	int rc = 0;

	*out = NULL, *n = 0;
	for (int i = 0; i < r->nfields && !rc; i++)
		for (const char *const *k = keys; *k && !rc; k++)
			if (!strcmp(r->keys[i], *k))
				rc = add_words(r->values[i], out, n, &cap);
	if (!rc)
		*n = terms_merge(*out, *n);
	return rc;
}

/* The square root of x >= 0 (Newton's method; no libm). */
static double root(double x)
{
	double r = x > 1 ? x : 1;

	if (x <= 0)
		return 0;
	for (int i = 0; i < 64; i++) {
		double next = (r + x / r) / 2;

		if (next >= r)
			break;
		r = next;
	}
	return r;
}

/* The natural logarithm of x >= 1 (halving, then the atanh series; no libm). */
static double ln(double x)
{
	double k = 0, y, y2, sum = 0, p;

	while (x > 2)
		x /= 2, k += 1;
	y = (x - 1) / (x + 1), y2 = y * y, p = y;
	for (int i = 1; i < 60; i += 2, p *= y2)
		sum += p / i;
	return k * 0.69314718055994530942 + 2 * sum;
}

/* The rarity weight of a word: ln(1 + activities / activities using it). */
static double idf(const struct similar *s, uint64_t h)
{
	size_t lo = 0, hi = s->nwords;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (s->words[mid].h < h)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->nwords && s->words[lo].h == h ? s->words[lo].w : 0;
}

/* Words and weights of every activity of l, indexed like l->recs; 0 on success. */
int similar_prepare(const struct lib *l, struct similar *s)
{
	static const char *const title[] = { "title", NULL };
	static const char *const body[] = { "title", "step", "why", NULL };
	size_t all = 0, cap = 0;
	int docs = 0, rc = 0;

	memset(s, 0, sizeof *s);
	s->d = calloc((size_t)l->n + 1, sizeof *s->d);
	if (!s->d)
		return -1;
	s->n = l->n;
	for (int i = 0; i < l->n && !rc; i++) {
		struct similar_doc *d = &s->d[i];

		if (strcmp(l->recs[i].type, "activity"))
			continue;
		docs++;
		rc = doc_terms(&l->recs[i], title, &d->title, &d->ntitle);
		if (!rc)
			rc = doc_terms(&l->recs[i], body, &d->body, &d->nbody);
		/* each word once per activity: how many activities use it */
		for (size_t k = 0; !rc && d->body && k < d->nbody; k++) {
			if (all == cap) {
				size_t nc = cap ? cap * 2 : 1024;
				struct similar_term *nw = realloc(s->words, nc * sizeof *nw);

				if (!nw) {
					rc = -1;
					break;
				}
				s->words = nw, cap = nc;
			}
			s->words[all].h = d->body[k].h, s->words[all++].w = 1.0;
		}
	}
	if (!rc) {
		s->nwords = all ? terms_merge(s->words, all) : 0;
		for (size_t k = 0; k < s->nwords; k++)
			s->words[k].w = ln(1 + (double)docs / s->words[k].w);
		for (int i = 0; i < s->n; i++) {
			struct similar_doc *d = &s->d[i];
			double sum = 0;

			for (size_t k = 0; k < d->nbody; k++) {
				d->body[k].w *= idf(s, d->body[k].h);
				sum += d->body[k].w * d->body[k].w;
			}
			d->norm = root(sum);
			for (size_t k = 0; k < d->ntitle; k++)
				d->title[k].w = idf(s, d->title[k].h);
		}
	}
	if (rc)
		similar_free(s);
	return rc;
}

/* How alike activities i and j read, 0..1: the title words' overlap (the
 * weight of the shared words over the weight of all) and, counting double,
 * the cosine of the body's word weights. 0 for anything not an activity. */
double similar_score(const struct similar *s, int i, int j)
{
	const struct similar_doc *a = &s->d[i], *b = &s->d[j];
	double dot = 0, both = 0, either = 0, cosine, overlap;
	size_t x = 0, y = 0;

	while (x < a->nbody && y < b->nbody)
		if (a->body[x].h == b->body[y].h)
			dot += a->body[x++].w * b->body[y++].w;
		else if (a->body[x].h < b->body[y].h)
			x++;
		else
			y++;
	for (x = 0, y = 0; x < a->ntitle || y < b->ntitle;)
		if (y == b->ntitle || (x < a->ntitle && a->title[x].h < b->title[y].h))
			either += a->title[x++].w;
		else if (x == a->ntitle || b->title[y].h < a->title[x].h)
			either += b->title[y++].w;
		else
			both += a->title[x].w, either += a->title[x].w, x++, y++;
	cosine = a->norm > 0 && b->norm > 0 ? dot / (a->norm * b->norm) : 0;
	overlap = either > 0 ? both / either : 0;
	return (overlap + BODY_WEIGHT * cosine) / (1 + BODY_WEIGHT);
}

/* Free what similar_prepare made. */
void similar_free(struct similar *s)
{
	for (int i = 0; s->d && i < s->n; i++)
		free(s->d[i].title), free(s->d[i].body);
	free(s->d);
	free(s->words);
	memset(s, 0, sizeof *s);
}
