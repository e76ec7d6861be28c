/* Fuzz target: the settings loader (iniparser 4.1 reads only from a path, so
 * each input is written to one private file first). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include "toddle/settings.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char path[64];

/* Remove the input file when the run ends. */
static void remove_file(void)
{
	if (path[0])
		unlink(path);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct settings s;
	struct tdl_err err;
	FILE *f;

	if (!path[0]) {
		int fd;

		atexit(remove_file);
		snprintf(path, sizeof path, "/tmp/toddle-fuzz-XXXXXX");
		fd = mkstemp(path);
		if (fd < 0)
			return 0;
		close(fd);
	}
	f = fopen(path, "wb");
	if (!f)
		return 0;
	if (size)
		fwrite(data, 1, size, f);
	fclose(f);
	settings_defaults(&s);
	settings_load_file(&s, path, 1, &err);
	return 0;
}
