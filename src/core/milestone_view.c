/* The milestone screen as one model: the checklist shown, every record's
 * history, the worth-talking-about list, the WHO windows and progress, read
 * once; each line worded here for both faces. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/db.h"
#include "toddle/guide.h"
#include "toddle/milestone_view.h"

/* The latest checklist age at or under months, else the first one (2 with none). */
static int checklist_for(const int *ages, int n, int months)
{
	int pick = n ? ages[0] : 2;

	for (int i = 0; i < n; i++)
		if (ages[i] <= months)
			pick = ages[i];
	return pick;
}

/* The first checklist age past months (what comes next), or months when none is. */
static int checklist_next(const int *ages, int n, int months)
{
	for (int i = 0; i < n; i++)
		if (ages[i] > months)
			return ages[i];
	return months;
}

/* Read the milestone view of child c on day today. */
int milestone_view_load(sqlite3 *db, const struct child *c, day_t today,
			const struct milestone_view_ask *ask, struct milestone_view *out, struct tdl_err *err)
{
	int rc;

	memset(out, 0, sizeof *out);
	out->child = *c;
	out->today = today;
	child_age(c, today, ask->correct_until_months, &out->age);
	out->own_age = out->age.use_months;
	out->age_months = out->age.use_days < 0 ? 0 : out->age.use_tenths / 10.0;
	rc = milestone_ages(db, &out->ages, &out->nages, err);
	if (rc)
		return rc;
	out->check_age = ask->check_age > 0 ? ask->check_age
		: ask->up_to ? checklist_next(out->ages, out->nages, out->own_age)
		: checklist_for(out->ages, out->nages, out->own_age);
	rc = milestone_range(db, c, ask->up_to ? 0 : out->check_age, out->check_age, &out->items, &out->nitems, err);
	if (!rc)
		rc = progress_history(db, c, NULL, &out->history, &out->nhistory, err);
	if (!rc)
		rc = flags_compute(db, c, today, ask->correct_until_months, &out->flags, &out->nflags, err);
	if (!rc)
		rc = progress_windows(db, c, &out->windows, &out->nwindows, err);
	if (!rc)
		rc = progress_by_domain(db, c, out->own_age, &out->progress, &out->nprogress, err);
	if (rc)
		milestone_view_free(out);
	return rc;
}

/* Show checklist check_age in the loaded view v: only its items are read again. */
int milestone_view_recheck(sqlite3 *db, struct milestone_view *v, int check_age, struct tdl_err *err)
{
	int rc;

	milestone_entries_free(v->items, v->nitems);
	v->items = NULL;
	v->nitems = 0;
	v->check_age = check_age;
	rc = milestone_range(db, &v->child, check_age, check_age, &v->items, &v->nitems, err);
	if (rc)
		milestone_view_free(v);
	return rc;
}

/* Free what the view holds and leave it empty. */
void milestone_view_free(struct milestone_view *v)
{
	free(v->ages);
	milestone_entries_free(v->items, v->nitems);
	milestone_entries_free(v->history, v->nhistory);
	flags_free(v->flags, v->nflags);
	progress_windows_free(v->windows, v->nwindows);
	progress_free(v->progress, v->nprogress);
	v->ages = NULL;
	v->items = v->history = NULL;
	v->flags = NULL;
	v->windows = NULL;
	v->progress = NULL;
	v->nages = v->nitems = v->nhistory = v->nflags = v->nwindows = v->nprogress = 0;
}

/* The checklist age before or after the one shown, or -1. */
int milestone_view_step(const struct milestone_view *v, int dir)
{
	for (int i = 0; i < v->nages; i++)
		if (v->ages[i] == v->check_age && i + dir >= 0 && i + dir < v->nages)
			return v->ages[i + dir];
	return -1;
}

/* One earlier record of an item, and whether it was corrected or removed, by whom and when. */
int milestone_view_history_line(const struct milestone_entry *h, char *out, size_t outsz)
{
	char d[11] = "-", when[24] = "";

	if (h->has_date)
		date_format(h->observed, d);
	if (h->state != MS_IN_FORCE && h->changed_at)
		db_when(h->changed_at, when);
	return snprintf(out, outsz, "%s %s, by %s%s%s%s%s%s%s%s", d, milestone_status_name(h->status), h->who,
			h->note[0] ? ": " : "", h->note,
			h->state == MS_IN_FORCE ? "" : h->state == MS_REMOVED ? " (removed by " : " (corrected by ",
			h->state == MS_IN_FORCE ? "" : h->changed_by, h->state == MS_IN_FORCE ? "" : ", ", when,
			h->state == MS_IN_FORCE ? "" : ")");
}

/* The word for an entry's state in lists: in-force, corrected or removed. */
const char *milestone_entry_state_name(enum ms_entry_state st)
{
	return st == MS_CORRECTED ? "corrected" : st == MS_REMOVED ? "removed" : "in-force";
}

/* The window a WHO window's id names in v, or NULL. */
static const struct who_window *window_find(const struct milestone_view *v, const char *id)
{
	for (int i = 0; i < v->nwindows; i++)
		if (!strcmp(v->windows[i].id, id))
			return &v->windows[i];
	return NULL;
}

/* Where the child is with one WHO window, in words. */
int milestone_view_window_state(const struct milestone_view *v, const struct who_window *w, char *out,
				size_t outsz)
{
	char d[11] = "";

	if (w->status != MS_ACHIEVED && w->retired_by[0]) {
		const struct who_window *by = window_find(v, w->retired_by);

		return snprintf(out, outsz, "passed by a later skill: %s", by ? by->text : w->retired_by);
	}
	if (w->status == MS_NONE)
		return snprintf(out, outsz, "not recorded");
	if (w->has_date)
		date_format(w->day, d);
	return snprintf(out, outsz, "%s%s%s%s%s%s", w->status == MS_NOT_YET ? "not yet" : milestone_status_name(w->status),
			d[0] ? " " : "", d, w->via[0] ? " (as " : "", w->via, w->via[0] ? ")" : "");
}

/* A flag's area and who usually helps. */
int milestone_view_area_line(const struct flag *f, char *out, size_t outsz)
{
	return snprintf(out, outsz, "%s (%s usually helps)", f->area, guide_discipline_name(f->helps));
}

/* One flag, calmly. */
int milestone_view_flag_line(const struct flag *f, char *out, size_t outsz)
{
	if (f->kind == FLAG_LOST)
		return snprintf(out, outsz, "Seen before, not now: %s", f->text);
	if (f->kind == FLAG_WINDOW)
		return snprintf(out, outsz, "%s (most children by %.1f months)", f->text, f->p99);
	return snprintf(out, outsz, "%s (%d-month list, not yet)", f->text, f->age_months);
}

/* The word a flag's kind has in lists. */
const char *milestone_view_flag_kind(enum flag_kind k)
{
	static const char *const kinds[] = { "lost-skill", "checklist", "who-window" };

	return k >= FLAG_LOST && k <= FLAG_WINDOW ? kinds[k] : "?";
}

/* Where the child is on the WHO axis. */
int milestone_view_now_line(const struct milestone_view *v, char *out, size_t outsz)
{
	int tenths = v->age.use_days < 0 ? 0 : v->age.use_tenths; /* the header's months, and a tenth */

	return snprintf(out, outsz, "| marks %s now: %d.%d months%s. Wide windows are normal;"
			" ask now if near the end of one or worried.", v->child.name,
			tenths / 10, tenths % 10, v->age.corrected ? " (corrected)" : "");
}

/* One domain's progress. */
int milestone_view_progress_line(const struct progress *p, char *out, size_t outsz)
{
	return snprintf(out, outsz, "%-18s %d of %d achieved", p->domain, p->achieved, p->total);
}
