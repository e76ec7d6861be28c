/* Tummy time against the WHO guidance, while a baby is not yet moving about. */
#include <stdio.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/progress.h"
#include "toddle/tummy.h"

/* Whether crawling or walking has been recorded as achieved for c. */
static int tummy_mobile(sqlite3 *db, const struct child *c, int *mobile, struct tdl_err *err)
{
	struct who_window *w;
	int n, rc = progress_windows(db, c, &w, &n, err);

	*mobile = 0;
	if (rc)
		return rc;
	for (int i = 0; i < n; i++)
		*mobile |= w[i].status == MS_ACHIEVED &&
			   (!strcmp(w[i].id, "who-crawling") || strstr(w[i].id, "walking"));
	progress_windows_free(w, n);
	return TDL_OK;
}

/* The tummy time of child c on each day from..from+ndays-1 (out[i] for day
 * from+i), with one look at whether the child moves about. */
int tummy_range(sqlite3 *db, const struct child *c, day_t from, int ndays, int correct_until_months,
		struct tummy *out, struct tdl_err *err)
{
	int minutes[TUMMY_RANGE_MAX], mobile = -1, rc;

	if (ndays < 1 || ndays > TUMMY_RANGE_MAX)
		return err_set(err, TDL_EINPUT, "a tummy-time range is 1 to %d days, not %d", TUMMY_RANGE_MAX, ndays);
	if ((rc = activity_tummy_minutes(db, c->id, from, ndays, minutes, err)))
		return rc;
	for (int i = 0; i < ndays; i++) {
		struct child_age a;
		day_t day = from + i;

		memset(&out[i], 0, sizeof out[i]);
		out[i].target = TUMMY_WHO_MINUTES;
		if (day < c->born)
			continue;
		child_age(c, day, correct_until_months, &a);
		if (a.use_months >= TUMMY_MOBILE_MONTHS)
			continue;
		if (mobile < 0 && (rc = tummy_mobile(db, c, &mobile, err)))
			return rc;
		out[i].applies = !mobile;
		out[i].minutes = minutes[i];
	}
	return TDL_OK;
}

/* The tummy time of child c on day, and whether the guidance applies. */
int tummy_get(sqlite3 *db, const struct child *c, day_t day, int correct_until_months,
	      struct tummy *out, struct tdl_err *err)
{
	return tummy_range(db, c, day, 1, correct_until_months, out, err);
}

/* The tummy-time line, or "" when the guidance does not apply. */
int tummy_format(const struct tummy *t, char *out, size_t outsz)
{
	if (!t->applies) {
		if (outsz)
			out[0] = '\0';
		return 0;
	}
	return snprintf(out, outsz, "Tummy time: %d of %d minutes (WHO: at least %d a day, spread out, while awake)",
			t->minutes, t->target, t->target);
}
