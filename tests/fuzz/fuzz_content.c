/* Fuzz target: the content file parser (pure: no files, no globals), and
 * text_sanitize in place against a separate buffer on every value. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/content.h"
#include "toddle/text.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Clean s in place and into a second buffer; any difference is a bug. */
static void sanitize_both_ways(const char *s, size_t len)
{
	char *in_place = malloc(len + 1), *apart = malloc(len + 1);

	if (in_place && apart) {
		memcpy(in_place, s, len);
		in_place[len] = '\0';
		text_sanitize(in_place, apart, len + 1);
		text_sanitize(in_place, in_place, len + 1);
		if (strcmp(in_place, apart))
			abort();
	}
	free(in_place);
	free(apart);
}

/* Touch every field so the sanitizers see any bad pointer. */
static int visit(const struct content_record *r, void *ctx, struct tdl_err *err)
{
	size_t *total = ctx;

	(void)err;
	*total += strlen(r->type) + strlen(r->id);
	for (int i = 0; i < r->nfields; i++) {
		*total += strlen(r->fields[i].key) + strlen(r->fields[i].value);
		sanitize_both_ways(r->fields[i].value, strlen(r->fields[i].value));
	}
	return TDL_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tdl_err err;
	size_t total = 0;

	sanitize_both_ways((const char *)data, size);
	content_parse((const char *)data, size, "fuzz.ini", visit, &total, &err);
	return 0;
}
