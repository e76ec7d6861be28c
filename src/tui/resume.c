/* Where the person left the full-screen view: the child and the view, kept
 * per user (core/uistate.c) and shown again at the next start. */
#include <string.h>
#include "toddle/uistate.h"
#include "tui/resume.h"

/* The views by the names the state file keeps, in enum view's order. */
static const char *const view_names[V_COUNT] = {
	"week", "milestones", "calendar", "classes", "guidance", "caseload", "record",
};

/* The view a name stands for, or -1 (a family has no caseload or record). */
static int view_named(const struct tui *t, const char *name)
{
	for (int v = 0; v < V_COUNT; v++)
		if (!strcmp(view_names[v], name))
			return !t->clinic && (v == V_CASELOAD || v == V_RECORD) ? -1 : v;
	return -1;
}

/* Show the remembered child and view. */
void resume_start(struct tui *t)
{
	struct ui_state s;
	struct tdl_err err;
	char path[4096];
	int v = -1;

	int rc = TDL_EINPUT;

	memset(&s, 0, sizeof s);
	if (!t->app->demo)
		rc = ui_state_path(path, sizeof path, &err);
	if (rc == TDL_EDATA) /* a path too long is said, never skipped quietly */
		tui_message(t, T_ERROR, "%s", err.msg);
	else if (rc == TDL_OK && ui_state_read(path, &s, &err))
		tui_message(t, T_ERROR, "%s", err.msg);
	memcpy(t->find_uuid, s.child, sizeof t->find_uuid); /* found by the first read of the children */
	t->find_uuid[sizeof t->find_uuid - 1] = '\0';
	if (s.view[0])
		v = view_named(t, s.view);
	if (v < 0 && t->clinic)
		v = V_CASELOAD;
	if (v >= 0)
		tui_view_show(t, (enum view)v);
}

/* Keep the shown child and view. */
void resume_save(struct tui *t)
{
	struct ui_state s;
	struct tdl_err err;
	char path[4096];
	const struct child *c = tui_child(t);

	if (t->app->demo || ui_state_path(path, sizeof path, &err))
		return;
	memset(&s, 0, sizeof s);
	if (c)
		memcpy(s.child, c->uuid, sizeof s.child);
	memcpy(s.view, view_names[t->view], strlen(view_names[t->view]) + 1);
	ui_state_write(path, &s, &err);
}
