/* Status codes and error messages shared by every model call. */
#ifndef TODDLE_ERR_H
#define TODDLE_ERR_H

/* Every model call returns one of these; the CLI uses them as exit codes. */
enum tdl_status {
	TDL_OK = 0,     /* done */
	TDL_EINPUT = 1, /* the caller's input was wrong: nothing changed */
	TDL_EDATA = 2,  /* the database, a file or the system failed */
};

/* A message for a person: what was wrong and how to fix it. */
struct tdl_err {
	char msg[512];
};

/* Every refusal caused by someone else's change (a newer version, a removed
 * record or child) says these words, so a face can keep the person's text. */
#define TDL_CONFLICT_WORDS "nothing was saved"

/* True when err says a save was refused because of someone else's change. */
int err_is_conflict(const struct tdl_err *err);

/* Fill err with a formatted message and return code (err may be NULL). */
int err_set(struct tdl_err *err, int code, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Clear err to an empty message. */
void err_clear(struct tdl_err *err);

#endif
