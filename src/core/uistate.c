/* The last child and view of the full-screen view, per user: a small text
 * file of "key = value" lines, written atomically with the person's own group. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "toddle/file.h"
#include "toddle/priv.h"
#include "toddle/settings.h"
#include "toddle/uistate.h"

/* The state file's path. */
int ui_state_path(char *out, size_t outsz, struct tdl_err *err)
{
	return settings_xdg_path("XDG_STATE_HOME", ".local/state", "toddle/state", out, outsz, err);
}

/* True when v is made of the characters a uuid or a view name holds (or empty). */
static int plain_word(const char *v)
{
	return strspn(v, "abcdefghijklmnopqrstuvwxyz0123456789-") == strlen(v);
}

/* Take one "key = value" line into s; -1 when it makes no sense. */
static int state_line(char *line, struct ui_state *s)
{
	char *eq = strchr(line, '='), *k = line, *v, *end;

	line[strcspn(line, "\r\n")] = '\0';
	k += strspn(k, " \t");
	if (!*k || *k == '#')
		return 0;
	if (!eq)
		return -1;
	*eq = '\0';
	v = eq + 1 + strspn(eq + 1, " \t");
	for (end = eq; end > k && (end[-1] == ' ' || end[-1] == '\t'); end--)
		end[-1] = '\0';
	for (end = v + strlen(v); end > v && (end[-1] == ' ' || end[-1] == '\t'); end--)
		end[-1] = '\0';
	if (!plain_word(v))
		return -1;
	if (!strcmp(k, "child") && strlen(v) < sizeof s->child)
		snprintf(s->child, sizeof s->child, "%s", v);
	else if (!strcmp(k, "view") && strlen(v) < sizeof s->view)
		snprintf(s->view, sizeof s->view, "%s", v);
	else if (strcmp(k, "child") && strcmp(k, "view"))
		return 0; /* a key from a later toddle */
	else
		return -1;
	return 0;
}

/* Read the state file. */
int ui_state_read(const char *path, struct ui_state *s, struct tdl_err *err)
{
	char line[256];
	FILE *f;
	int bad = 0, n = 0;

	memset(s, 0, sizeof *s);
	priv_suspend();
	f = fopen(path, "re");
	priv_resume();
	if (!f)
		return errno == ENOENT || errno == ENOTDIR ? TDL_OK
			: err_set(err, TDL_EINPUT, "cannot read %s (%s): toddle starts at the first child", path,
				  strerror(errno));
	while (!bad && fgets(line, sizeof line, f))
		bad = ++n > 50 || state_line(line, s);
	fclose(f);
	if (bad) {
		memset(s, 0, sizeof *s);
		return err_set(err, TDL_EINPUT, "%s is damaged: toddle starts at the first child and writes it anew", path);
	}
	return TDL_OK;
}

/* Write the state file. */
int ui_state_write(const char *path, const struct ui_state *s, struct tdl_err *err)
{
	char data[200];
	int n, rc;

	n = snprintf(data, sizeof data, "# toddle: where you left the full-screen view\nchild = %s\nview = %s\n",
		     s->child, s->view);
	if (n < 0 || (size_t)n >= sizeof data)
		return err_set(err, TDL_EINPUT, "the state is too long to keep");
	priv_suspend();
	file_make_parents(path);
	rc = file_write_atomic(path, data, (size_t)n, 0600, err);
	priv_resume();
	return rc;
}
