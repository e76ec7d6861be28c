/* Status codes and messages. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include "toddle/err.h"

/* Fill err with a formatted message and return code. */
int err_set(struct tdl_err *err, int code, const char *fmt, ...)
{
	va_list ap;

	if (!err)
		return code;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return code;
}

/* Clear err to an empty message. */
void err_clear(struct tdl_err *err)
{
	if (err)
		err->msg[0] = '\0';
}

/* True when err says a save was refused because of someone else's change. */
int err_is_conflict(const struct tdl_err *err)
{
	return err && strstr(err->msg, TDL_CONFLICT_WORDS) != NULL;
}
