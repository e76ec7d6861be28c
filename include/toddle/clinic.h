/* Clinic mode: one shared database that only toddle can open, for a staff group. */
#ifndef TODDLE_CLINIC_H
#define TODDLE_CLINIC_H

#include <stddef.h>
#include <sys/types.h>
#include "toddle/buf.h"
#include "toddle/err.h"
#include "toddle/settings.h"

/* What clinic init is asked to set up. */
struct clinic_plan {
	const char *dir;          /* the clinic folder, absolute */
	const char *staff;        /* the people's group */
	const char *data_group;   /* the group no person is in that owns the data */
	const char *exe;          /* the running program, resolved */
	const char *installed;    /* where the installed program lives (BINDIR/toddle) */
	const char *system_file;  /* the system settings file */
};

/* Refuse a set-up that cannot work (not root, no staff group, staff and data
 * the same group, a database already there), before anything is made. */
int clinic_plan_check(const struct clinic_plan *p, struct tdl_err *err);

/* Set up a clinic as root: the data group (made if missing), DIR (root:data,
 * 2770) and DIR/toddle.db (0660), the installed program setgid to the data
 * group, and the system settings file when there is none. Each step done is
 * one line in `done`; the settings lines to add by hand go to `todo`. */
int clinic_init(const struct clinic_plan *p, struct buf *done, struct buf *todo, struct tdl_err *err);

/* Check the whole set-up of the clinic named in s; each problem is two lines
 * in out ("problem: ..." and "  fix: COMMAND"). Returns the number of problems. */
int clinic_check_setup(const struct settings *s, const char *system_file, const char *installed,
		       struct buf *out);

/* Refuse a clinic database whose folder or file others could reach, or that
 * is not the data group's; the message says how to fix it. */
int clinic_check(const char *db_path, const struct settings *s, struct tdl_err *err);

/* Refuse a person who may not use the clinic: not root and not in the staff
 * group (read from the group database, so a removal counts at once). */
int clinic_member_check(const char *staff, uid_t uid, struct tdl_err *err);

/* Refuse a login that does not exist or is not in the staff group. */
int clinic_login_check(const char *staff, const char *login, struct tdl_err *err);

/* A warning (into out, "" if none) when a household database can be read by others. */
void clinic_household_warning(const char *db_path, char *out, size_t outsz);

/* True when login is named in clinic.admins, or when no clinic is set up. */
int clinic_is_admin(const struct settings *s, const char *login);

#endif
