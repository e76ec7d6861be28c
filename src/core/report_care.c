/* The report's therapy sections: goals, home program adherence by week, session notes. */
#include <stdio.h>
#include "report_parts.h"
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/program.h"

#define ADHERENCE_WEEKS 4 /* whole weeks before the current one */

/* Goals with their status and target. */
static int section_goals(struct rep *r)
{
	struct goal *g;
	char d[11];
	int n, rc = goal_list(r->db, r->c, &g, &n, r->err);

	if (rc || !n) {
		if (!rc)
			goal_free(g, n);
		return rc;
	}
	report_heading(r, 2, "Goals");
	for (int i = 0; i < n; i++) {
		if (g[i].has_target)
			date_format(g[i].target, d);
		report_itemf(r, "%s (%s%s%s)", g[i].text, g[i].status, g[i].has_target ? ", target " : "",
			     g[i].has_target ? d : "");
	}
	report_list_end(r);
	goal_free(g, n);
	return TDL_OK;
}

/* The current week's line: a week that began today has nothing to count, and
 * a week under way says how many of its days have passed, so a part week
 * never reads as poor adherence. */
static int program_this_week(struct rep *r, day_t monday)
{
	int planned, done, rc = program_adherence(r->db, r->c, monday, &planned, &done, r->err);
	int days = (int)(r->today - monday) + 1;
	char d[11];

	if (rc)
		return rc;
	date_format(monday, d);
	if (!planned)
		report_itemf(r, "Week of %s (this week): nothing planned", d);
	else if (days == 1)
		report_itemf(r, "Week of %s (this week): began today, %d done so far of %d planned for the week",
			     d, done, planned);
	else
		report_itemf(r, "Week of %s (this week, %d of 7 days so far): %d done of %d planned for the week",
			     d, days, done, planned);
	return TDL_OK;
}

/* Home program done of planned: the last whole weeks, then this week so far. */
static int section_program(struct rep *r)
{
	day_t monday = program_monday(r->today);
	struct program *p;
	char d[11];
	int n, rc = program_list(r->db, r->c, monday, 1, &p, &n, r->err);

	if (rc || !n) {
		if (!rc)
			program_free(p, n);
		return rc;
	}
	report_heading(r, 2, "Home program");
	for (int i = 0; i < n; i++)
		if (p[i].times == 1)
			report_itemf(r, "%s: once a %s", p[i].title, p[i].per_week ? "week" : "day");
		else
			report_itemf(r, "%s: %d times a %s", p[i].title, p[i].times, p[i].per_week ? "week" : "day");
	report_list_end(r);
	program_free(p, n);
	report_para(r, "Done of planned, by week (Monday to Sunday):");
	for (int w = ADHERENCE_WEEKS; w >= 1; w--) {
		int planned, done;

		rc = program_adherence(r->db, r->c, monday - 7 * w, &planned, &done, r->err);
		if (rc)
			return rc;
		date_format(monday - 7 * w, d);
		if (planned)
			report_itemf(r, "Week of %s: %d of %d done", d, done, planned);
		else
			report_itemf(r, "Week of %s: nothing planned", d);
	}
	rc = program_this_week(r, monday);
	report_list_end(r);
	return rc;
}

/* Session notes in the period, latest version of each. */
static int section_sessions(struct rep *r)
{
	struct session_note *s;
	char d[11];
	int n, shown = 0, rc = note_list(r->db, r->c, 0, &s, &n, r->err);

	if (rc)
		return rc;
	for (int i = n - 1; i >= 0; i--) {
		if (s[i].day < r->from)
			continue;
		if (!shown++)
			report_heading(r, 2, "Session notes");
		date_format(s[i].day, d);
		report_itemf(r, "%s, %d minutes, %s%s. S: %s O: %s A: %s P: %s", d, s[i].minutes, s[i].created_by,
			     s[i].version > 1 ? " (corrected)" : "", s[i].subjective, s[i].objective,
			     s[i].assessment, s[i].plan);
	}
	if (shown)
		report_list_end(r);
	note_free(s, n);
	return TDL_OK;
}

/* The therapy sections this report carries, then the activities' sources: goals and program for the doctor
 * and the therapist (others only when asked), session notes for them only. */
int report_care_sections(struct rep *r)
{
	int rc = report_has(r, REPORT_INCLUDE_GOALS) ? section_goals(r) : TDL_OK;

	if (!rc && report_has(r, REPORT_INCLUDE_PROGRAM))
		rc = section_program(r);
	if (!rc && (r->who == REPORT_DOCTOR || r->who == REPORT_THERAPIST))
		rc = section_sessions(r);
	return rc ? rc : report_sources(r);
}
