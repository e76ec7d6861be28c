/* Schema migrations: the SQL for each version step. */
#ifndef TODDLE_SCHEMA_H
#define TODDLE_SCHEMA_H

/* The most parts one step's SQL is cut into. */
#define SCHEMA_PARTS 4

/* Part `part` (from 0) of the SQL that brings version n-1 to n, or NULL past
 * its last part or past the newest version. Run parts 0, 1, ... until NULL. */
const char *schema_step(int n, int part);

/* The newest version the steps reach. */
int schema_latest(void);

#endif
