/* Schema migrations: the SQL for each version step. */
#ifndef TODDLE_SCHEMA_H
#define TODDLE_SCHEMA_H

/* The SQL that brings version n-1 to n, or NULL past the newest. */
const char *schema_step(int n);

/* The newest version the steps reach. */
int schema_latest(void);

#endif
