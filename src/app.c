/* Shared start-up: finding the content, opening the database, the demo. */
#include "config.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include "app.h"
#include "toddle/clinic.h"
#include "toddle/content.h"
#include "toddle/db.h"
#include "toddle/demo.h"
#include "toddle/priv.h"

/* True when path is a folder. */
static int is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Copy a path that fits; 0 on success. */
static int path_copy(char *dst, size_t n, const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);

	if (la + lb + 1 > n)
		return -1;
	memcpy(dst, a, la);
	memcpy(dst + la, b, lb + 1);
	return 0;
}

/* Pick the content folder: setting, beside the program, or the installed one. */
void app_find_content(struct app *app)
{
	char exe[PATH_MAX];
	ssize_t n;

	if (app->set.content[0]) {
		snprintf(app->content_dir, sizeof app->content_dir, "%s", app->set.content);
		return;
	}
	/* a setgid toddle never trusts a folder beside a copy or link of itself */
	n = priv_started() ? -1 : readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		char *slash;

		exe[n] = '\0';
		slash = strrchr(exe, '/');
		if (slash) {
			snprintf(slash, sizeof exe - (size_t)(slash - exe), "/content");
			if (is_dir(exe) && path_copy(app->content_dir, sizeof app->content_dir, exe, "") == 0)
				return;
		}
	}
	snprintf(app->content_dir, sizeof app->content_dir, "%s/content", PKGDATADIR);
}

/* Before each write: the person must still be in the clinic's staff group. */
static int member_guard(void *ctx, struct tdl_err *err)
{
	const struct app *app = ctx;

	return clinic_member_check(app->set.group, getuid(), err);
}

/* Open the database (creating it when allowed) and load changed content. */
int app_open(struct app *app, int create, struct tdl_err *err)
{
	struct tdl_err cerr;
	char cwarn[600] = "";
	int reloaded, rc;

	if (app->set.group[0] && !app->demo) {
		struct stat st;

		rc = clinic_member_check(app->set.group, getuid(), err);
		if (!rc)
			rc = clinic_check(app->db_path, &app->set, err);
		if (rc)
			return rc;
		/* a shared database is made by 'toddle clinic init', never on the fly */
		if (stat(app->db_path, &st) != 0)
			return err_set(err, TDL_EINPUT, "there is no clinic database at %s: an admin makes it with "
				       "'toddle clinic init FOLDER --group %s'", app->db_path, app->set.group);
		create = 0;
		db_set_write_guard(member_guard, app);
		/* SQLite makes -wal/-shm with the creator's umask and only then widens
		 * them to the database's 0660: a colleague opening in between would be
		 * refused (read-only); with the group's bits never masked there is no gap */
		umask(umask(0) & 007);
	}
	if (create && app->default_db)
		create = DB_CREATE_WITH_FOLDERS; /* ~/.local/share/toddle may not exist yet */
	rc = db_open(app->db_path, create, &app->db, err);
	if (rc)
		return rc;
	if (!app->set.group[0])
		clinic_household_warning(app->db_path, app->warning, sizeof app->warning);
	err_clear(&cerr);
	if (content_sync_with(app->db, app->content_dir, app->set.extra, &reloaded, cwarn, sizeof cwarn, &cerr))
		snprintf(cwarn, sizeof cwarn, "%s", cerr.msg);
	if (cwarn[0] && !app->warning[0])
		snprintf(app->warning, sizeof app->warning, "%s", cwarn);
	return TDL_OK;
}

/* Close the database. */
void app_close(struct app *app)
{
	db_close(app->db);
	app->db = NULL;
}

/* Make a throwaway database with a demo family. */
int app_demo_create(struct app *app, struct tdl_err *err)
{
	const char *tmp = secure_getenv("TMPDIR");
	char dir[SETTINGS_PATH_MAX];
	int rc;

	snprintf(dir, sizeof dir, "%s/toddle-demo-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir))
		return err_set(err, TDL_EDATA, "cannot make a folder for the demo in %s", dir);
	if (path_copy(app->db_path, sizeof app->db_path, dir, "/demo.db"))
		return err_set(err, TDL_EINPUT, "TMPDIR is too long for the demo");
	app->demo = 1;
	rc = app_open(app, 1, err);
	if (!rc)
		rc = demo_populate(app->db, app->today, err);
	return rc;
}

/* Remove the throwaway database of --demo and its folder. */
void app_demo_remove(struct app *app)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	char path[SETTINGS_PATH_MAX + 16];
	char *slash;

	if (!app->demo)
		return;
	for (size_t i = 0; i < sizeof suffix / sizeof suffix[0]; i++) {
		snprintf(path, sizeof path, "%s%s", app->db_path, suffix[i]);
		unlink(path);
	}
	slash = strrchr(app->db_path, '/');
	if (slash) {
		*slash = '\0';
		rmdir(app->db_path);
	}
}
