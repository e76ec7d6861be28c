/* Clinic mode: the shared folder and database that only toddle can open, the
 * staff group that may use them, and checks that say how to fix a set-up. */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <limits.h>
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "toddle/clinic.h"
#include "toddle/db.h"
#include "toddle/file.h"
#include "toddle/priv.h"

/* The data group (the face makes it first when missing); its gid in *gid. */
static int data_group_check(const char *name, gid_t *gid, struct tdl_err *err)
{
	struct group *g = getgrnam(name);

	if (!g) {
		return err_set(err, TDL_EDATA, "there is no data group '%.60s': run 'groupadd --system %.60s' "
			       "and try again", name, name);
	} else if (g->gr_mem && g->gr_mem[0]) {
		return err_set(err, TDL_EINPUT, "the data group '%.60s' has members (%.60s...): no person may be in it; "
			       "pick another with --data-group or run 'gpasswd -d %.60s %.60s'",
			       name, g->gr_mem[0], g->gr_mem[0], name);
	}
	*gid = g->gr_gid;
	return TDL_OK;
}

/* Write the system settings file (root's, 0644) atomically. */
static int system_file_write(const char *path, const char *text, struct tdl_err *err)
{
	char dir[PATH_MAX];

	file_folder(path, dir, sizeof dir);
	for (char *p = dir + 1;; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(dir, 0755) != 0 && errno != EEXIST)
			return err_set(err, TDL_EDATA, "cannot make %s: %s", dir, strerror(errno));
		*p = c;
		if (!c)
			break;
	}
	return file_write_atomic(path, text, strlen(text), 0644, err);
}

/* Make the installed program setgid to the data group, or say how to. */
static void program_setgid(const struct clinic_plan *p, gid_t gid, struct buf *done, struct buf *todo)
{
	char real[PATH_MAX];

	if (!p->exe || !realpath(p->installed, real) || strcmp(real, p->exe) != 0) {
		buf_printf(todo, "This toddle (%s) is not the installed one (%s), so it was not made setgid.\n"
			   "Install toddle, then run: chown root:%s %s && chmod 2755 %s\n", p->exe ? p->exe : "?",
			   p->installed, p->data_group, p->installed, p->installed);
		return;
	}
	/* chown clears the set-group-ID bit, so it goes first */
	if (chown(real, 0, gid) != 0 || chmod(real, 02755) != 0) {
		buf_printf(todo, "Could not make %s setgid (%s): run chown root:%s %s && chmod 2755 %s\n", real,
			   strerror(errno), p->data_group, real, real);
		return;
	}
	buf_printf(done, "Made %s setgid to %s (mode 2755): only toddle can open the clinic's data.\n", real,
		   p->data_group);
}

/* The settings that make this server a clinic. */
static void settings_text(const struct clinic_plan *p, const char *db, struct buf *b)
{
	buf_printf(b, "[data]\ndatabase = %s\n\n[clinic]\ngroup = %s\ndata_group = %s\n"
		   "; logins (space separated) that may delete children and reassign caseloads:\n"
		   "; admins = alice\n", db, p->staff, p->data_group);
}

/* Make the folder (root's, 0700 while it is made), an empty database in it
 * (0660), and only then give the folder to the data group (2770): a folder
 * that was there already is never taken over by a failed init. */
static int clinic_files_make(const struct clinic_plan *p, gid_t gid, const char *db, struct buf *done,
			     struct tdl_err *err)
{
	sqlite3 *conn;
	int fd, dfd, rc;

	if (mkdir(p->dir, 0700) != 0 && errno != EEXIST)
		return err_set(err, TDL_EDATA, "cannot create %s: %s", p->dir, strerror(errno));
	/* the folder itself, never what a link put in its place */
	dfd = open(p->dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (dfd < 0)
		return err_set(err, TDL_EDATA, "cannot open the folder %s: %s", p->dir, strerror(errno));
	fd = openat(dfd, "toddle.db", O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0660);
	if (fd < 0) {
		rc = err_set(err, errno == EEXIST ? TDL_EINPUT : TDL_EDATA, "cannot create %s: %s", db,
			     errno == EEXIST ? "there is a database there already (clinic check looks at it)"
			     : strerror(errno));
		close(dfd);
		return rc;
	}
	rc = fchown(fd, 0, gid) || fchmod(fd, 0660);
	close(fd);
	if (rc) {
		close(dfd);
		return err_set(err, TDL_EDATA, "cannot give %s to group %s: %s", db, p->data_group, strerror(errno));
	}
	rc = db_open(db, DB_CREATE, &conn, err);
	db_close(conn);
	if (!rc && (fchown(dfd, 0, gid) != 0 || fchmod(dfd, 02770) != 0))
		rc = err_set(err, TDL_EDATA, "cannot give %s to group %s: %s", p->dir, p->data_group, strerror(errno));
	close(dfd);
	if (rc)
		return rc;
	buf_printf(done, "Made %s (root:%s, 2770) and %s (0660): staff cannot open, copy or remove them.\n",
		   p->dir, p->data_group, db);
	return TDL_OK;
}

/* Refuse a folder clinic init must not use: a link, not a folder, or a
 * folder with something in it (init never takes over what is there). */
static int folder_check(const char *dir, struct tdl_err *err)
{
	char path[PATH_MAX];
	size_t len = strlen(dir);
	struct stat st;
	struct dirent *e;
	DIR *d;
	int used = 0;

	while (len > 1 && dir[len - 1] == '/')
		len--;
	if (len >= sizeof path)
		return err_set(err, TDL_EINPUT, "the folder path is too long");
	memcpy(path, dir, len);
	path[len] = '\0';
	if (lstat(path, &st) != 0)
		return errno == ENOENT ? TDL_OK : err_set(err, TDL_EDATA, "cannot look at %s: %s", path, strerror(errno));
	if (S_ISLNK(st.st_mode))
		return err_set(err, TDL_EINPUT, "%s is a symbolic link: give the real folder (clinic init follows no links)",
			       path);
	if (!S_ISDIR(st.st_mode))
		return err_set(err, TDL_EINPUT, "%s exists and is not a folder: give a new folder, like /srv/toddle", path);
	d = opendir(path);
	if (!d)
		return err_set(err, TDL_EDATA, "cannot read the folder %s: %s", path, strerror(errno));
	while (!used && (e = readdir(d)))
		used = strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	if (used)
		return err_set(err, TDL_EINPUT, "the folder %s exists and is not empty: clinic init makes its own "
			       "folder and changes nothing in one that is in use; give a new or empty folder", path);
	return TDL_OK;
}

/* Refuse a set-up that cannot work, before anything is made. */
int clinic_plan_check(const struct clinic_plan *p, struct tdl_err *err)
{
	char db[PATH_MAX];
	struct stat st;

	if (getuid() != 0 || geteuid() != 0)
		return err_set(err, TDL_EINPUT, "clinic init makes groups, folders and a setgid program: run it as root "
			       "(sudo toddle clinic init %.200s --group %.60s)", p->dir, p->staff);
	if (!getgrnam(p->staff))
		return err_set(err, TDL_EINPUT, "there is no Unix group '%.60s': create it first and add the therapists "
			       "(groupadd %.60s && usermod -aG %.60s LOGIN)", p->staff, p->staff, p->staff);
	if (!strcmp(p->staff, p->data_group))
		return err_set(err, TDL_EINPUT, "the data group must be another group than the staff group '%.60s': "
			       "leave --data-group out to use toddle-data", p->staff);
	if (snprintf(db, sizeof db, "%s/toddle.db", p->dir) >= (int)sizeof db)
		return err_set(err, TDL_EINPUT, "the folder path is too long");
	if (lstat(db, &st) == 0)
		return err_set(err, TDL_EINPUT, "there is a clinic database at %s already: 'toddle clinic check' "
			       "looks at its set-up", db);
	return folder_check(p->dir, err);
}

/* Set up a clinic as root. */
int clinic_init(const struct clinic_plan *p, struct buf *done, struct buf *todo, struct tdl_err *err)
{
	char db[PATH_MAX];
	struct stat st;
	struct buf lines;
	gid_t gid = 0;
	int rc = clinic_plan_check(p, err);

	if (rc)
		return rc;
	snprintf(db, sizeof db, "%s/toddle.db", p->dir);
	rc = data_group_check(p->data_group, &gid, err);
	if (!rc)
		rc = clinic_files_make(p, gid, db, done, err);
	if (rc)
		return rc;
	program_setgid(p, gid, done, todo);
	buf_init(&lines);
	settings_text(p, db, &lines);
	if (stat(p->system_file, &st) != 0 && errno == ENOENT) {
		rc = system_file_write(p->system_file, buf_str(&lines), err);
		if (!rc)
			buf_printf(done, "Wrote %s (root's, 0644): name the admins there.\n", p->system_file);
	} else {
		buf_printf(todo, "%s exists already: put these lines in it by hand:\n\n%s\n", p->system_file,
			   buf_str(&lines));
	}
	buf_free(&lines);
	return rc;
}

/* One problem found by clinic check, with the command that fixes it. */
static void problem(struct buf *out, int *n, const char *fix, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

static void problem(struct buf *out, int *n, const char *fix, const char *fmt, ...)
{
	va_list ap;

	buf_add(out, "problem: ");
	va_start(ap, fmt);
	buf_vprintf(out, fmt, ap);
	va_end(ap);
	buf_printf(out, "\n  fix: %s\n", fix);
	(*n)++;
}

/* Check one clinic file: owner root (folder and program), group, mode. */
static void file_check(struct buf *out, int *n, const char *path, const char *what, gid_t gid,
		       const char *group, mode_t want, int optional)
{
	char fix[PATH_MAX * 2 + 160];
	struct stat st;
	mode_t mode;

	if (stat(path, &st) != 0) {
		if (errno == ENOENT && optional)
			return;
		snprintf(fix, sizeof fix, errno == EACCES ? "run 'toddle clinic check' as root, or with the installed toddle"
			 : "run 'toddle clinic init FOLDER --group STAFF' as root");
		problem(out, n, fix, "cannot look at the %s %s: %s", what, path, strerror(errno));
		return;
	}
	mode = st.st_mode & 07777;
	if (S_ISDIR(st.st_mode) && mode == 03770)
		mode = 02770; /* the sticky bit is fine on the folder */
	if (st.st_gid != gid || mode != want || (want & S_ISGID && st.st_uid != 0)) {
		snprintf(fix, sizeof fix, "%s%s %s && chmod %o %s", want & S_ISGID ? "chown root:" : "chgrp ",
			 group, path, (unsigned)want, path);
		problem(out, n, fix, "the %s %s is %s%o, group %ld; it must be %s%s, mode %o", what, path,
			st.st_uid == 0 ? "root's, mode " : "not root's, mode ", (unsigned)mode, (long)st.st_gid,
			want & S_ISGID ? "root's, group " : "in group ", group, (unsigned)want);
	}
}

/* A clinic's folder or database that is a symbolic link is a problem. */
static void link_check(struct buf *out, int *n, const char *path, const char *what)
{
	struct stat st;

	if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
		problem(out, n, "put the real one there (or name it in [data] database) and remove the link",
			"the %s %s is a symbolic link: toddle does not follow links in a clinic", what, path);
}

/* Check the system settings file; 0 when the rest can be checked. */
static int system_check(const struct settings *s, const char *path, struct buf *out, int *n)
{
	char fix[PATH_MAX + 80];
	struct stat st;

	if (stat(path, &st) != 0) {
		problem(out, n, "toddle clinic init FOLDER --group STAFF (as root)",
			"there is no system settings file %s, so this server has no clinic", path);
		return -1;
	}
	if (st.st_uid != 0 || (st.st_mode & (S_IWGRP | S_IWOTH))) {
		snprintf(fix, sizeof fix, "chown root: %s && chmod 644 %s", path, path);
		problem(out, n, fix, "%s must belong to root and be writable by no one else", path);
	}
	if (!s->group[0] || !s->database[0]) {
		problem(out, n, "toddle clinic init FOLDER --group STAFF (as root), or add [data] database and "
			"[clinic] group to it", "%s names no %s", path, s->group[0] ? "[data] database" : "[clinic] group");
		return -1;
	}
	return 0;
}

/* Check the staff and data groups; the data group's gid into *gid (0 when missing). */
static int groups_check(const struct settings *s, struct buf *out, int *n, gid_t *gid)
{
	char fix[300];
	struct group *g;

	if (!getgrnam(s->group)) {
		snprintf(fix, sizeof fix, "groupadd %.60s && usermod -aG %.60s LOGIN (for each therapist)", s->group,
			 s->group);
		problem(out, n, fix, "the staff group '%s' does not exist", s->group);
	}
	g = getgrnam(s->data_group);
	if (!g) {
		snprintf(fix, sizeof fix, "groupadd --system %.60s", s->data_group);
		problem(out, n, fix, "the data group '%s' does not exist", s->data_group);
		return -1;
	}
	*gid = g->gr_gid;
	for (char **m = g->gr_mem; m && *m; m++) {
		snprintf(fix, sizeof fix, "gpasswd -d %.60s %.60s", *m, s->data_group);
		problem(out, n, fix, "%s is in the data group '%s': no person may be", *m, s->data_group);
	}
	if (!strcmp(s->group, s->data_group))
		problem(out, n, "name another [clinic] data_group in the system settings",
			"the staff group and the data group are both '%s'", s->group);
	return 0;
}

/* Check the whole set-up of the clinic named in s. */
int clinic_check_setup(const struct settings *s, const char *system_file, const char *installed,
		       struct buf *out)
{
	char dir[PATH_MAX], side[PATH_MAX + 8];
	gid_t gid = 0;
	int n = 0;

	if (system_check(s, system_file, out, &n) || groups_check(s, out, &n, &gid))
		return n;
	file_check(out, &n, installed, "installed program", gid, s->data_group, 02755, 0);
	file_folder(s->database, dir, sizeof dir);
	link_check(out, &n, dir, "clinic folder");
	link_check(out, &n, s->database, "clinic database");
	file_check(out, &n, dir, "clinic folder", gid, s->data_group, 02770, 0);
	file_check(out, &n, s->database, "clinic database", gid, s->data_group, 0660, 0);
	snprintf(side, sizeof side, "%s-wal", s->database);
	file_check(out, &n, side, "database's write-ahead log", gid, s->data_group, 0660, 1);
	snprintf(side, sizeof side, "%s-shm", s->database);
	file_check(out, &n, side, "database's shared-memory file", gid, s->data_group, 0660, 1);
	return n;
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

/* True when this process can act as group gid. */
static int have_group(gid_t gid)
{
	gid_t list[256];
	int n = getgroups(256, list);

	if (getegid() == gid)
		return 1;
	for (int i = 0; i < n; i++)
		if (list[i] == gid)
			return 1;
	return 0;
}

/* Refuse a clinic database that others could reach, or not the data group's. */
int clinic_check(const char *db_path, const struct settings *s, struct tdl_err *err)
{
	const char *group = s->data_group;
	struct group *g = getgrnam(group);
	struct stat fs, ds;
	char dir[PATH_MAX], have[64];

	if (!g)
		return err_set(err, TDL_EDATA, "the clinic's data group '%.60s' does not exist: an admin runs "
			       "'toddle clinic check' to see how to fix it", group);
	if (priv_started() && priv_data_gid() != g->gr_gid) {
		group_name(priv_data_gid(), have, sizeof have);
		return err_set(err, TDL_EDATA, "this toddle is setgid to group %s, but the clinic's data group is %.60s: "
			       "an admin runs 'toddle clinic check'", have, group);
	}
	if (getuid() != 0 && !have_group(g->gr_gid))
		return err_set(err, TDL_EDATA, "this toddle cannot open the clinic's records: it is not installed setgid "
			       "to group %.60s (an admin runs 'toddle clinic check' to see how to fix it)", group);
	file_folder(db_path, dir, sizeof dir);
	/* a link could point everyone at a file its maker owns: follow none */
	if (lstat(dir, &ds) != 0)
		return err_set(err, TDL_EDATA, "cannot read the clinic folder %s: %s", dir, strerror(errno));
	if (S_ISLNK(ds.st_mode))
		return err_set(err, TDL_EDATA, "the clinic folder %s is a symbolic link, which toddle does not follow in "
			       "a clinic: an admin names the real folder in [data] database ('toddle clinic check')", dir);
	if (ds.st_mode & 0007)
		return err_set(err, TDL_EDATA, "the clinic folder %s is open to users outside group %s: run 'chmod o-rwx %s'",
			       dir, group, dir);
	if (ds.st_gid != g->gr_gid || !(ds.st_mode & S_ISGID)) {
		group_name(ds.st_gid, have, sizeof have);
		return err_set(err, TDL_EDATA, "the clinic folder %s must belong to group %s and be setgid (it is %s%s): "
			       "run 'chgrp %s %s && chmod 2770 %s'", dir, group, have,
			       ds.st_mode & S_ISGID ? "" : ", not setgid", group, dir, dir);
	}
	if (lstat(db_path, &fs) != 0)
		return errno == ENOENT ? TDL_OK : err_set(err, TDL_EDATA, "cannot read %s: %s", db_path, strerror(errno));
	if (S_ISLNK(fs.st_mode))
		return err_set(err, TDL_EDATA, "the clinic database %s is a symbolic link, which toddle does not follow in "
			       "a clinic: an admin puts the real database there ('toddle clinic check')", db_path);
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

/* True when the account (name, primary gid) is in group g. */
static int in_group(const struct group *g, const char *name, gid_t primary)
{
	if (primary == g->gr_gid)
		return 1;
	for (char **m = g->gr_mem; m && *m; m++)
		if (!strcmp(*m, name))
			return 1;
	return 0;
}

/* Refuse a person who may not use the clinic. */
int clinic_member_check(const char *staff, uid_t uid, struct tdl_err *err)
{
	struct passwd *pw;
	struct group *g;
	char name[64];
	gid_t primary;

	if (uid == 0)
		return TDL_OK;
	pw = getpwuid(uid);
	if (!pw)
		return err_set(err, TDL_EDATA, "user id %ld has no login on this server, so toddle cannot name who "
			       "made a change: ask the clinic's admin", (long)uid);
	snprintf(name, sizeof name, "%s", pw->pw_name);
	primary = pw->pw_gid;
	g = getgrnam(staff);
	if (!g)
		return err_set(err, TDL_EDATA, "the clinic's staff group '%.60s' does not exist: ask the clinic's admin "
			       "to run 'toddle clinic check'", staff);
	if (!in_group(g, name, primary))
		return err_set(err, TDL_EDATA, "%s is not in the clinic's staff group '%.60s', so toddle will not open or "
			       "change the clinic's records: ask the clinic's admin (root on this server) to run "
			       "'usermod -aG %.60s %s'", name, staff, staff, name);
	return TDL_OK;
}

/* Refuse a login that does not exist or is not in the staff group. */
int clinic_login_check(const char *staff, const char *login, struct tdl_err *err)
{
	struct passwd *pw = getpwnam(login);
	struct group *g;
	char name[64];

	if (!pw)
		return err_set(err, TDL_EINPUT, "there is no login '%.60s' on this server: check the spelling "
			       "('getent passwd %.60s')", login, login);
	snprintf(name, sizeof name, "%s", pw->pw_name);
	g = getgrnam(staff);
	if (!g || !in_group(g, name, pw->pw_gid))
		return err_set(err, TDL_EINPUT, "%.60s is not in the clinic's staff group '%.60s': only staff can be "
			       "assigned (the admin adds them with 'usermod -aG %.60s %.60s')", login, staff, staff, login);
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
