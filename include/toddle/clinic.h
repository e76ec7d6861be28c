/* Clinic mode: one shared database for a Unix group, and who may do what. */
#ifndef TODDLE_CLINIC_H
#define TODDLE_CLINIC_H

#include <stddef.h>
#include "toddle/err.h"
#include "toddle/settings.h"

/* Make DIR (2770, group) and DIR/toddle.db (0660, group) with its schema;
 * db_out receives the database's path. */
int clinic_init(const char *dir, const char *group, char *db_out, size_t outsz, struct tdl_err *err);

/* Refuse a shared database whose file or folder others may read or write, or
 * that is not in the clinic's group; the message says how to fix it. */
int clinic_check(const char *db_path, const char *group, struct tdl_err *err);

/* A warning (into out, "" if none) when a household database can be read by others. */
void clinic_household_warning(const char *db_path, char *out, size_t outsz);

/* True when login is named in clinic.admins, or when no clinic is set up. */
int clinic_is_admin(const struct settings *s, const char *login);

#endif
