/* Fuzz target: date parsing and formatting round trip. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/child.h"
#include "toddle/date.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char s[64], out[11];
	day_t d, due;

	if (size >= sizeof s)
		return 0;
	memcpy(s, data, size);
	s[size] = '\0';
	if (date_parse(s, &d) == 0) {
		date_format(d, out);
		if (strcmp(out, s) != 0)
			abort(); /* a parsed date must print back as itself */
	}
	child_due_from_ga(s, 20000, &due, NULL);
	return 0;
}
