/* The clinic's setgid privilege: held for the database only, dropped around
 * anything the person names, and for good before exec or in family mode. */
#include <errno.h>
#include <string.h>
#include <unistd.h>
#include "toddle/priv.h"

static gid_t real_gid, data_gid;
static int started, dropped, depth;

/* Note the real and effective groups at start. */
int priv_init(void)
{
	real_gid = getgid();
	data_gid = getegid();
	started = real_gid != data_gid;
	dropped = 0;
	depth = 0;
	return started;
}

/* 1 while the privilege is held. */
int priv_held(void)
{
	return started && !dropped && depth == 0;
}

/* 1 when toddle started with the privilege. */
int priv_started(void)
{
	return started;
}

/* The group toddle was installed setgid to. */
gid_t priv_data_gid(void)
{
	return data_gid;
}

/* Act as the person until priv_resume. */
void priv_suspend(void)
{
	if (!started || dropped)
		return;
	if (depth++ == 0 && setegid(real_gid) != 0)
		depth--; /* cannot happen: the real group is always allowed */
}

/* Take the data group back after priv_suspend. */
void priv_resume(void)
{
	if (!started || dropped || depth == 0)
		return;
	if (--depth == 0 && setegid(data_gid) != 0)
		depth++;
}

/* Give the privilege up for good. */
int priv_drop(struct tdl_err *err)
{
	gid_t r, e, s;

	if (!started)
		return TDL_OK;
	if (setresgid(real_gid, real_gid, real_gid) != 0 || getresgid(&r, &e, &s) != 0 ||
	    r != real_gid || e != real_gid || s != real_gid)
		return err_set(err, TDL_EDATA, "cannot give up toddle's clinic group: %s", strerror(errno));
	dropped = 1;
	depth = 0;
	return TDL_OK;
}
