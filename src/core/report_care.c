/* The report's therapy sections: goals, home program adherence by week, session notes. */
#include <stdio.h>
#include "report_parts.h"
#include "toddle/goal.h"
#include "toddle/note.h"
#include "toddle/program.h"

#define ADHERENCE_WEEKS 4

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

/* Home program done of planned, week by week, for the last few weeks. */
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
		report_itemf(r, "%s: %d a %s", p[i].title, p[i].times, p[i].per_week ? "week" : "day");
	report_list_end(r);
	program_free(p, n);
	report_para(r, "Done of planned, by week (Monday to Sunday):");
	for (int w = ADHERENCE_WEEKS - 1; w >= 0; w--) {
		int planned, done;

		rc = program_adherence(r->db, r->c, monday - 7 * w, &planned, &done, r->err);
		if (rc)
			return rc;
		date_format(monday - 7 * w, d);
		if (planned)
			report_itemf(r, "Week of %s: %d of %d", d, done, planned);
		else
			report_itemf(r, "Week of %s: nothing planned", d);
	}
	report_list_end(r);
	return TDL_OK;
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

/* The therapy sections, for the doctor, therapist and school reports. */
int report_care_sections(struct rep *r)
{
	int rc = section_goals(r);

	if (!rc)
		rc = section_program(r);
	if (!rc && r->who != REPORT_SCHOOL)
		rc = section_sessions(r);
	return rc;
}
