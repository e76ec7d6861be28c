/* The clinic's setgid privilege: held only while toddle uses the database. */
#ifndef TODDLE_PRIV_H
#define TODDLE_PRIV_H

#include <sys/types.h>
#include "toddle/err.h"

/* Note the real and effective groups at start; returns 1 when toddle runs
 * with a group the person running it does not have (installed setgid). */
int priv_init(void);

/* 1 while the privilege is held (not suspended, not dropped). */
int priv_held(void);

/* 1 when toddle started with the privilege, even if it is now suspended. */
int priv_started(void);

/* The group toddle was installed setgid to (the effective group at start). */
gid_t priv_data_gid(void);

/* Act as the person (their real group) until priv_resume: around every file
 * they name (outputs, exports, their settings, editor files). Never call it
 * while an SQLite call is running. Nests. */
void priv_suspend(void);

/* Take the data group back after priv_suspend. */
void priv_resume(void);

/* Give the privilege up for good (family mode, and in a child before exec);
 * fails when the system would not let it go. */
int priv_drop(struct tdl_err *err);

#endif
