/* Clinic mode: creating the shared folder and database, and checking their permissions. */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "toddle/clinic.h"
#include "toddle/db.h"

/* The folder part of a path. */
static void dir_of(const char *path, char *out, size_t outsz)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		snprintf(out, outsz, ".");
	else if (slash == path)
		snprintf(out, outsz, "/");
	else
		snprintf(out, outsz, "%.*s", (int)(slash - path), path);
}

/* Make DIR and DIR/toddle.db for the group. */
int clinic_init(const char *dir, const char *group, char *db_out, size_t outsz, struct tdl_err *err)
{
	struct group *g = getgrnam(group);
	sqlite3 *db;
	int fd, rc;

	if (!g)
		return err_set(err, TDL_EINPUT, "there is no Unix group '%.60s': create it first (groupadd %.60s)",
			       group, group);
	if (snprintf(db_out, outsz, "%s/toddle.db", dir) >= (int)outsz)
		return err_set(err, TDL_EINPUT, "the folder path is too long");
	if (mkdir(dir, 02770) != 0 && errno != EEXIST)
		return err_set(err, TDL_EDATA, "cannot create %s: %s", dir, strerror(errno));
	if (chown(dir, (uid_t)-1, g->gr_gid) != 0 || chmod(dir, 02770) != 0)
		return err_set(err, TDL_EDATA, "cannot give %s to group %s: %s (are you in the group, or root?)",
			       dir, group, strerror(errno));
	fd = open(db_out, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0660);
	if (fd < 0)
		return err_set(err, errno == EEXIST ? TDL_EINPUT : TDL_EDATA, "cannot create %s: %s", db_out,
			       strerror(errno));
	rc = fchown(fd, (uid_t)-1, g->gr_gid) || fchmod(fd, 0660);
	close(fd);
	if (rc)
		return err_set(err, TDL_EDATA, "cannot give %s to group %s: %s", db_out, group, strerror(errno));
	rc = db_open(db_out, DB_CREATE, &db, err);
	db_close(db);
	return rc;
}

/* The group name of a gid, or its number. */
static void group_name(gid_t gid, char *out, size_t outsz)
{
	struct group *g = getgrgid(gid);

	if (g)
		snprintf(out, outsz, "%s", g->gr_name);
	else
		snprintf(out, outsz, "%ld", (long)gid);
}

/* Refuse a shared database that others may read or write, or not in the group. */
int clinic_check(const char *db_path, const char *group, struct tdl_err *err)
{
	struct group *g = getgrnam(group);
	struct stat fs, ds;
	char dir[PATH_MAX], have[64];

	if (!g)
		return err_set(err, TDL_EINPUT, "clinic.group names '%.60s', which is no Unix group: fix the system settings",
			       group);
	dir_of(db_path, dir, sizeof dir);
	if (stat(dir, &ds) != 0)
		return err_set(err, TDL_EDATA, "cannot read the clinic folder %s: %s", dir, strerror(errno));
	if (ds.st_mode & 0007)
		return err_set(err, TDL_EDATA, "the clinic folder %s is open to users outside group %s: run 'chmod o-rwx %s'",
			       dir, group, dir);
	if (ds.st_gid != g->gr_gid || !(ds.st_mode & S_ISGID)) {
		group_name(ds.st_gid, have, sizeof have);
		return err_set(err, TDL_EDATA, "the clinic folder %s must belong to group %s and be setgid (it is %s%s): "
			       "run 'chgrp %s %s && chmod 2770 %s'", dir, group, have,
			       ds.st_mode & S_ISGID ? "" : ", not setgid", group, dir, dir);
	}
	if (stat(db_path, &fs) != 0)
		return errno == ENOENT ? TDL_OK : err_set(err, TDL_EDATA, "cannot read %s: %s", db_path, strerror(errno));
	if (fs.st_mode & 0007)
		return err_set(err, TDL_EDATA, "the clinic database %s can be read or changed by users outside group %s: "
			       "run 'chmod 660 %s'", db_path, group, db_path);
	if (fs.st_gid != g->gr_gid) {
		group_name(fs.st_gid, have, sizeof have);
		return err_set(err, TDL_EDATA, "the clinic database %s belongs to group %s, not %s: run 'chgrp %s %s'",
			       db_path, have, group, group, db_path);
	}
	if (!(fs.st_mode & S_IWGRP))
		return err_set(err, TDL_EDATA, "the group cannot save to %s: run 'chmod 660 %s'", db_path, db_path);
	return TDL_OK;
}

/* A warning when a household database can be read by others. */
void clinic_household_warning(const char *db_path, char *out, size_t outsz)
{
	struct stat st;

	out[0] = '\0';
	if (stat(db_path, &st) == 0 && (st.st_mode & 0077))
		snprintf(out, outsz, "%s can be read by other users: run 'chmod 600 %s' to keep it private",
			 db_path, db_path);
}

/* True when login is named in clinic.admins, or when no clinic is set up. */
int clinic_is_admin(const struct settings *s, const char *login)
{
	size_t n = strlen(login);

	if (!s->group[0])
		return 1;
	for (const char *p = s->admins; *p;) {
		size_t len = strcspn(p, " ,");

		if (len == n && !strncmp(p, login, n))
			return 1;
		p += len;
		p += strspn(p, " ,");
	}
	return 0;
}
