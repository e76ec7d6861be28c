/* Words that make an activity need a safety note: food, water and small objects. */
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include "content_lib.h"

/* Each tag with the whole words (lower case) that call for it. */
static const char *const food_words[] = { "food", "foods", "snack", "snacks", "meal", "meals", "mealtime",
	"banana", "avocado", "puree", "purée", "cracker", "crackers", "fruit", "grape", "grapes", "toast",
	"pasta", "yogurt", "yoghurt", "cereal", "peas", "berries", "cheese", "bread", "eat", "eats", "eating",
	NULL };
static const char *const water_words[] = { "water", "bath", "bathtub", "pool", "puddle", "puddles",
	"paddling", "splash", "splashing", NULL };
static const char *const small_words[] = { "bead", "beads", "coin", "coins", "pebble", "pebbles", "marble",
	"marbles", "battery", "batteries", "magnet", "magnets", "balloon", "balloons", NULL };

const struct safety_words safety_words[] = {
	{ "food", food_words },
	{ "water", water_words },
	{ "small-objects", small_words },
	{ NULL, NULL },
};

/* True for a byte that belongs to a word (letters, digits, '_', any UTF-8 byte). */
static int word_byte(unsigned char c)
{
	return isalnum(c) || c == '_' || c >= 0x80;
}

/* The first of words found in text as a whole word, ignoring ASCII case, or NULL. */
const char *words_find(const char *text, const char *const *words)
{
	for (const char *p = text; p && *p;) {
		size_t len;

		while (*p && !word_byte((unsigned char)*p))
			p++;
		for (len = 0; p[len] && word_byte((unsigned char)p[len]); len++)
			;
		for (int w = 0; len && words[w]; w++)
			if (strlen(words[w]) == len && !strncasecmp(p, words[w], len))
				return words[w];
		p += len;
	}
	return NULL;
}
