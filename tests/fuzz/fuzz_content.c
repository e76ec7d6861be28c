/* Fuzz target: the content file parser (pure: no files, no globals). */
#include <stdint.h>
#include <string.h>
#include "toddle/content.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Touch every field so the sanitizers see any bad pointer. */
static int visit(const struct content_record *r, void *ctx, struct tdl_err *err)
{
	size_t *total = ctx;

	(void)err;
	*total += strlen(r->type) + strlen(r->id);
	for (int i = 0; i < r->nfields; i++)
		*total += strlen(r->fields[i].key) + strlen(r->fields[i].value);
	return TDL_OK;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct tdl_err err;
	size_t total = 0;

	content_parse((const char *)data, size, "fuzz.ini", visit, &total, &err);
	return 0;
}
