/* A child's report: its sections for each reader, in the order that reader wants them;
 * never a diagnosis. The formats are report_render.c's. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/activity.h"
#include "toddle/audit.h"
#include "toddle/db.h"
#include "toddle/export.h"
#include "toddle/file.h"
#include "toddle/guide.h"
#include "toddle/milestone.h"
#include "toddle/progress.h"
#include "toddle/priv.h"
#include "toddle/report.h"
#include "toddle/text.h"
#include "report_parts.h"

static const char calm_line[] = "Talk this over with your child's doctor; it is not a diagnosis.";
static const char clinician_line[] = "These are observations recorded at home and in therapy, listed for "
	"your own assessment; toddle does not diagnose.";

/* A checklist or activity domain as people say it. */
const char *report_domain_title(const char *d)
{
	static const char *const names[][2] = {
		{ "social-emotional", "Social and emotional" },
		{ "language", "Language and communication" },
		{ "cognitive", "Learning, thinking, problem solving" },
		{ "movement", "Movement and physical development" },
		{ "gross-motor", "Big movements (gross motor)" },
		{ "fine-motor", "Hand skills (fine motor)" },
		{ "sensory", "Senses (sensory play)" },
		{ "communication", "Communication" },
		{ "daily-routines", "Daily routines" },
		{ "other", "Other activities" },
	};

	for (size_t i = 0; d && i < sizeof names / sizeof names[0]; i++)
		if (!strcmp(d, names[i][0]))
			return names[i][1];
	return d ? d : "Other activities";
}

/* True when this report carries the section `what`: the doctor's and the
 * therapist's carry goals and program, the parent's and therapist's the
 * daily activity log; anything else only when asked for. */
int report_has(const struct rep *r, unsigned what)
{
	int clinic = r->who == REPORT_DOCTOR || r->who == REPORT_THERAPIST;

	if (r->include & what)
		return 1;
	if (what == REPORT_INCLUDE_ACTIVITIES)
		return r->who == REPORT_PARENT || r->who == REPORT_THERAPIST;
	return clinic;
}

/* Which age the checklists follow, said for this reader. */
static void section_which_age(struct rep *r)
{
	const struct child_age *a = &r->age;
	char real[80], corr[80], due[11];

	child_age_words(a->days, a->months, real, sizeof real);
	child_age_words(a->cdays, a->cmonths, corr, sizeof corr);
	if (r->who == REPORT_SCHOOL) {
		if (a->corrected)
			report_para(r, "The skills below are counted by %s's corrected age, %s (the age counted from "
				    "the due date), not by the age since birth, %s.", r->c->name, corr, real);
		else
			report_para(r, "The skills below are counted by %s's age, %s.", r->c->name, real);
		return;
	}
	if (r->who != REPORT_DOCTOR) {
		if (a->corrected)
			report_para(r, "%s was born early, so the checklists follow the corrected age until %d months.",
				    r->c->name, r->correct_until);
		return;
	}
	if (a->corrected && r->c->has_due) {
		date_format(r->c->due, due);
		report_para(r, "Born at %d+%d weeks: the CDC checklists and the WHO windows below follow the "
			    "corrected age, %s (counted from the due date, %s), not the chronological age, %s. "
			    "Correction applies until %d months.", a->ga_weeks, a->ga_days, corr, due, real,
			    r->correct_until);
	} else if (r->c->has_due && a->ga_weeks < PRETERM_WEEKS) {
		report_para(r, "Born at %d+%d weeks; past %d months the checklists and WHO windows follow the "
			    "chronological age, %s.", a->ga_weeks, a->ga_days, r->correct_until, real);
	} else {
		report_para(r, "The checklists and WHO windows follow the chronological age, %s.", real);
	}
}

/* Name, dates and ages; gestational details only where the reader needs them. */
static void section_header(struct rep *r)
{
	static const char *const titles[] = { "development report", "development summary for the doctor",
					      "progress report for the therapist", "a profile for school" };
	const struct child_age *a = &r->age;
	char words[80], d[11], t[11];
	struct buf title;

	buf_init(&title);
	buf_printf(&title, "%s: %s", r->c->name, titles[r->who]);
	if (title.failed)
		r->b->failed = 1;
	report_heading(r, 1, buf_str(&title));
	buf_free(&title);
	date_format(r->c->born, d);
	date_format(r->today, t);
	report_fact(r, "Born", "%s", d);
	report_fact(r, "Date of this report", "%s", t);
	child_age_words(a->days, a->months, words, sizeof words);
	report_fact(r, r->who == REPORT_DOCTOR && a->corrected ? "Chronological age" : "Age", "%s", words);
	if (a->corrected) {
		child_age_words(a->cdays, a->cmonths, words, sizeof words);
		if (r->who == REPORT_DOCTOR)
			report_fact(r, "Corrected age", "%s (the checklists use this one)", words);
		else if (r->who == REPORT_SCHOOL)
			report_fact(r, "Corrected age", "%s (the skills are counted by this one)", words);
		else
			report_fact(r, "Corrected age", "%s (born at %d+%d weeks)", words, a->ga_weeks, a->ga_days);
	}
	if (r->who == REPORT_DOCTOR && r->c->has_due) {
		date_format(r->c->due, d);
		report_fact(r, "Gestational age at birth", "%d+%d weeks (due %s)", a->ga_weeks, a->ga_days, d);
		if (!a->corrected && a->ga_weeks < PRETERM_WEEKS)
			report_fact(r, "Corrected age", "no longer applied after %d months", r->correct_until);
	}
	date_format(r->from, d);
	report_fact(r, r->who == REPORT_SCHOOL ? "Activities" : "Activities and notes", "from %s to %s", d, t);
	if (r->who == REPORT_PARENT)
		report_para(r, "This report gathers what you recorded in toddle. Every child grows at their own pace.");
	section_which_age(r);
	report_list_end(r);
}

/* Achieved checklist items by domain, then reached WHO windows, with dates. */
static int section_achieved(struct rep *r)
{
	struct milestone_entry *e;
	struct who_window *w;
	int n, nw, shown = 0, rc = milestone_range(r->db, r->c, 0, 1000, &e, &n, r->err);
	char d[11], age[24];

	if (rc)
		return rc;
	if ((rc = progress_windows(r->db, r->c, &w, &nw, r->err))) {
		milestone_entries_free(e, n);
		return rc;
	}
	report_heading(r, 2, "Milestones achieved");
	for (int i = 0; i < n; i++) {
		int seen = 0, any = 0;

		for (int j = 0; j < i && !seen; j++)
			seen = !strcmp(e[j].domain, e[i].domain);
		for (int j = i; j < n && !any; j++)
			any = !strcmp(e[j].domain, e[i].domain) && e[j].status == MS_ACHIEVED;
		if (seen || !any)
			continue;
		report_heading(r, 3, report_domain_title(e[i].domain));
		report_table(r, "Skill|Checklist|Seen on");
		for (int j = i; j < n; j++) {
			if (strcmp(e[j].domain, e[i].domain) || e[j].status != MS_ACHIEVED)
				continue;
			if (e[j].has_date)
				date_format(e[j].observed, d);
			snprintf(age, sizeof age, "%d months", e[j].age_months);
			report_rowf(r, 3, (const char *[]){ e[j].text, age, e[j].has_date ? d : "date not recorded" },
				    "%s (%d-month checklist): %s", e[j].text, e[j].age_months,
				    e[j].has_date ? d : "date not recorded");
			shown++;
		}
	}
	for (int i = 0, head = 0; i < nw; i++) {
		if (w[i].status != MS_ACHIEVED || w[i].same_as[0]) /* with a CDC item: listed above */
			continue;
		if (!head++) {
			report_heading(r, 3, "Movement: WHO motor milestones");
			report_table(r, "Skill|Seen on");
		}
		if (w[i].has_date)
			date_format(w[i].day, d);
		report_rowf(r, 2, (const char *[]){ w[i].text, w[i].has_date ? d : "date not recorded" }, "%s: %s",
			    w[i].text, w[i].has_date ? d : "date not recorded");
		shown++;
	}
	if (!shown)
		report_para(r, "Nothing is recorded as achieved yet.");
	report_list_end(r);
	milestone_entries_free(e, n);
	progress_windows_free(w, nw);
	return TDL_OK;
}

/* Why one flag is on the list, in calm words. */
static void flag_reason(const struct flag *f, char *out, size_t outsz)
{
	if (f->kind == FLAG_LOST)
		snprintf(out, outsz, "recorded as achieved before, and later as not yet");
	else if (f->kind == FLAG_WINDOW)
		snprintf(out, outsz, "WHO window: most children do this by %.1f months; %s", f->p99,
			 f->status == MS_EMERGING ? "emerging" : f->status == MS_NOT_YET ? "not yet"
			 : "not recorded as reached");
	else
		snprintf(out, outsz, "%d-month checklist: not yet", f->age_months);
}

/* The "worth talking about" list with the area and who usually helps. */
static int section_flags(struct rep *r)
{
	struct flag *f;
	int n, rc = flags_compute(r->db, r->c, r->today, r->correct_until, &f, &n, r->err);
	char why[160];

	if (rc)
		return rc;
	report_heading(r, 2, "Worth talking about");
	for (int i = 0; i < n; i++) {
		flag_reason(&f[i], why, sizeof why);
		report_itemf(r, "%s (%s). Area: %s; who usually helps: %s.", f[i].text, why, f[i].area,
		      guide_discipline_name(f[i].helps));
	}
	if (n)
		report_para(r, "%s", r->who == REPORT_PARENT ? calm_line : clinician_line);
	else
		report_para(r, "Nothing to raise right now: no skill seen before and not now, no checklist item "
			    "marked not yet after its age, and no WHO window closed without the skill.");
	flags_free(f, n);
	return TDL_OK;
}

/* The newest checklist age the child has reached, or -1 before the first. */
static int checklist_age(struct rep *r, int *first, int *rc)
{
	int *ages, n, best = -1;

	*first = 0;
	if ((*rc = milestone_ages(r->db, &ages, &n, r->err)))
		return -1;
	for (int i = 0; i < n; i++)
		if (ages[i] <= r->age.use_months)
			best = ages[i];
	*first = n ? ages[0] : 0;
	free(ages);
	return best;
}

/* Achieved of total checklist items by domain; for school, the strengths too. */
static int section_progress(struct rep *r)
{
	struct progress *p;
	int first, n, rc, best = 0, upto = checklist_age(r, &first, &rc);

	if (rc)
		return rc;
	report_heading(r, 2, "Progress by area");
	if (upto < 0) {
		report_para(r, "The first checklist is at %d months, so there is nothing to count yet.", first);
		return TDL_OK;
	}
	if ((rc = progress_by_domain(r->db, r->c, upto, &p, &n, r->err)))
		return rc;
	report_para(r, "Skills achieved from the checklists up to %d months:", upto);
	report_table(r, "Area|#Achieved|#Of");
	for (int i = 0; i < n; i++) {
		char a[12], t[12];

		snprintf(a, sizeof a, "%d", p[i].achieved);
		snprintf(t, sizeof t, "%d", p[i].total);
		report_rowf(r, 3, (const char *[]){ report_domain_title(p[i].domain), a, t }, "%s: %d of %d",
			    report_domain_title(p[i].domain), p[i].achieved, p[i].total);
	}
	if (r->who == REPORT_SCHOOL && n > 0) {
		report_heading(r, 2, "Strengths");
		for (int i = 0; i < n; i++)
			if (p[i].achieved * p[best].total > p[best].achieved * p[i].total)
				best = i;
		for (int i = 0; i < n; i++)
			if (p[i].achieved > 0 && p[i].achieved * p[best].total == p[best].achieved * p[i].total)
				report_itemf(r, "%s: %d of %d skills so far", report_domain_title(p[i].domain), p[i].achieved,
				      p[i].total);
		if (p[best].achieved == 0)
			report_para(r, "Strengths show here once skills are recorded.");
	}
	report_list_end(r);
	progress_free(p, n);
	return r->who == REPORT_SCHOOL ? TDL_OK : report_unanswered(r);
}

/* Tries and minutes by activity domain in the period (for the therapist). */
static int activity_minutes_by_domain(struct rep *r)
{
	sqlite3_stmt *st = db_prepare(r->db,
		"SELECT COALESCE(a.domain, 'other'), count(*), COALESCE(sum(l.minutes), 0)"
		" FROM activity_log l LEFT JOIN activity a ON a.id = l.activity_id"
		" WHERE l.child_id = ?1 AND l.day BETWEEN ?2 AND ?3 AND l.deleted_at IS NULL"
		" GROUP BY 1 ORDER BY 3 DESC, 1", r->err);
	int rc;

	if (!st)
		return TDL_EDATA;
	sqlite3_bind_int64(st, 1, r->c->id);
	db_bind_day(st, 2, r->from);
	db_bind_day(st, 3, r->today);
	report_heading(r, 3, "Minutes by area");
	report_table(r, "Area|#Minutes|#Tries");
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *area = report_domain_title((const char *)sqlite3_column_text(st, 0));
		int minutes = sqlite3_column_int(st, 2), tries = sqlite3_column_int(st, 1);
		char m[12], t[12];

		snprintf(m, sizeof m, "%d", minutes);
		snprintf(t, sizeof t, "%d", tries);
		report_rowf(r, 3, (const char *[]){ area, m, t }, "%s: %d minutes in %d %s", area, minutes, tries,
			    tries == 1 ? "try" : "tries");
	}
	sqlite3_finalize(st);
	report_list_end(r);
	return rc == SQLITE_DONE ? TDL_OK : db_fail(r->db, "cannot read the activity log", r->err);
}

/* Activities in the period: counts by result, minutes, and the entries by date. */
static int section_activities(struct rep *r)
{
	struct activity_entry *e;
	int n, count[4] = { 0 }, minutes = 0, rc = activity_entries(r->db, r->c, r->from, r->today, &e, &n, r->err);
	char f[11], t[11], d[11];

	if (rc)
		return rc;
	date_format(r->from, f);
	date_format(r->today, t);
	report_heading(r, 2, "Activities");
	for (int i = 0; i < n; i++) {
		count[e[i].result >= ACT_DONE && e[i].result <= ACT_SKIPPED ? e[i].result : 0]++;
		minutes += e[i].minutes;
	}
	if (!n)
		report_para(r, "No activities recorded from %s to %s.", f, t);
	else
		report_para(r, "From %s to %s: %d %s (%d done, %d hard, %d skipped), %d minutes in all.", f, t, n,
		     n == 1 ? "try" : "tries", count[ACT_DONE], count[ACT_HARD], count[ACT_SKIPPED], minutes);
	if (n && report_has(r, REPORT_INCLUDE_ACTIVITIES))
		report_table(r, "Date|Activity|Result|#Minutes");
	for (int i = 0; i < n && report_has(r, REPORT_INCLUDE_ACTIVITIES); i++) {
		const char *res = activity_result_name(e[i].result);
		char m[12] = "";

		date_format(e[i].day, d);
		if (e[i].minutes > 0)
			snprintf(m, sizeof m, "%d", e[i].minutes);
		if (e[i].minutes > 0)
			report_rowf(r, 4, (const char *[]){ d, e[i].title, res, m }, "%s %s: %s, %d minutes", d,
				    e[i].title, res, e[i].minutes);
		else
			report_rowf(r, 4, (const char *[]){ d, e[i].title, res, m }, "%s %s: %s", d, e[i].title, res);
	}
	report_list_end(r);
	activity_entries_free(e, n);
	if (n && r->who == REPORT_THERAPIST)
		return activity_minutes_by_domain(r);
	return TDL_OK;
}

/* One note for the Notes section. */
struct note {
	day_t day;
	const char *who, *about, *text;
	int order;
};

/* Notes by date, then in the order they were gathered. */
static int note_cmp(const void *a, const void *b)
{
	const struct note *x = a, *y = b;

	return x->day != y->day ? (x->day < y->day ? -1 : 1) : x->order - y->order;
}

/* The day of a milestone record: when it was seen, or else when it was written down. */
static day_t record_day(const struct milestone_record *m)
{
	char d[11];
	day_t day;

	if (m->has_date)
		return m->observed;
	snprintf(d, sizeof d, "%s", m->at);
	return date_parse(d, &day) ? 0 : day;
}

/* Milestone and activity notes in the period, by date, with who wrote them. */
static int section_notes(struct rep *r)
{
	struct milestone_record *m;
	struct activity_entry *e;
	struct note *all;
	int nm, ne, k = 0, rc = milestone_records(r->db, r->c, &m, &nm, r->err);
	char d[11];

	if (rc)
		return rc;
	if ((rc = activity_entries(r->db, r->c, r->from, r->today, &e, &ne, r->err))) {
		milestone_records_free(m, nm);
		return rc;
	}
	all = malloc((size_t)(nm + ne + 1) * sizeof *all);
	if (!all)
		rc = err_set(r->err, TDL_EDATA, "out of memory gathering the notes");
	for (int i = 0; all && i < nm; i++) {
		day_t day = record_day(&m[i]);

		if (m[i].note[0] && day >= r->from && day <= r->today) {
			all[k] = (struct note){ day, m[i].who, m[i].text, m[i].note, k };
			k++;
		}
	}
	for (int i = 0; all && i < ne; i++)
		if (e[i].note[0]) {
			all[k] = (struct note){ e[i].day, e[i].who, e[i].title, e[i].note, k };
			k++;
		}
	if (all) {
		qsort(all, (size_t)k, sizeof *all, note_cmp);
		report_heading(r, 2, "Notes");
		for (int i = 0; i < k; i++) {
			date_format(all[i].day, d);
			report_itemf(r, "%s, %s, about \"%s\": %s", d, all[i].who, all[i].about, all[i].text);
		}
		if (!k)
			report_para(r, "No notes in this period.");
		report_list_end(r);
	}
	free(all);
	milestone_records_free(m, nm);
	activity_entries_free(e, ne);
	return rc;
}

/* The six WHO windows: reached or not, with the window in months. */
static int section_windows(struct rep *r)
{
	struct who_window *w;
	int n, rc = progress_windows(r->db, r->c, &w, &n, r->err);
	char d[11], state[64];

	if (rc)
		return rc;
	report_heading(r, 2, "WHO motor windows");
	for (int i = 0; i < n; i++) {
		if (w[i].status == MS_ACHIEVED && w[i].has_date)
			date_format(w[i].day, d), snprintf(state, sizeof state, "reached on %s", d);
		else if (w[i].status != MS_ACHIEVED && w[i].retired_by[0])
			snprintf(state, sizeof state, "passed by a later skill");
		else
			snprintf(state, sizeof state, "%s", w[i].status == MS_ACHIEVED ? "reached"
					: w[i].status == MS_EMERGING ? "emerging"
					: w[i].status == MS_NOT_YET ? "not reached yet" : "not recorded yet");
		report_itemf(r, "%s: %s (window %.1f to %.1f months)", w[i].text, state, w[i].p1, w[i].p99);
	}
	report_para(r, "Each window runs from the age when the first 1 in 100 children reach the milestone "
		"to the age by which 99 in 100 do; any age within it is typical.");
	progress_windows_free(w, n);
	return TDL_OK;
}

/* The sources and the reminder that toddle is not a diagnosis. */
static void section_footer(struct rep *r)
{
	char t[11];

	report_list_end(r);
	date_format(r->today, t);
	buf_add(r->b, r->fmt == REPORT_HTML ? "<footer>\n" : r->fmt == REPORT_MD ? "---\n\n" : "----\n\n");
	report_para(r, "Sources: CDC Learn the Signs. Act Early. milestone checklists (2022); "
		"WHO Motor Development Study (2006).");
	if (r->who == REPORT_PARENT)
		report_para(r, "toddle is not a diagnosis: it helps you notice and talk things over with your "
			    "child's doctor. Made with toddle on %s.", t);
	else if (r->who == REPORT_SCHOOL)
		report_para(r, "toddle is not a diagnosis: this profile gathers what the family recorded. "
			    "Made with toddle on %s.", t);
	else
		report_para(r, "toddle is not a diagnosis: it gathers what the family and therapists recorded, "
			    "for your own assessment. Made with toddle on %s.", t);
	if (r->fmt == REPORT_HTML)
		buf_add(r->b, "</footer>\n");
}

/* HTML: a first page a clinician reads in a minute (the child, the ages,
 * the concerns, the WHO chart, progress by area), then the detail. */
static int report_html_sections(struct rep *r)
{
	int rc, school = r->who == REPORT_SCHOOL;

	report_markup(r, "<section class=\"summary\">\n");
	section_header(r);
	if ((!school && (rc = section_flags(r))) || (!school && (rc = report_who_chart(r))) ||
	    (rc = section_progress(r)))
		return rc;
	report_markup(r, "</section>\n");
	if ((rc = section_achieved(r)) || (rc = section_activities(r)) || (!school && (rc = section_notes(r))) ||
	    (rc = report_care_sections(r)))
		return rc;
	section_footer(r);
	return TDL_OK;
}

/* The sections in the order this reader wants them. */
static int report_sections(struct rep *r)
{
	int rc;

	if (r->fmt == REPORT_HTML)
		return report_html_sections(r);
	section_header(r);
	if (r->who == REPORT_DOCTOR) {
		if ((rc = section_flags(r)) || (rc = section_achieved(r)) || (rc = section_progress(r)) ||
		    (rc = section_windows(r)) || (rc = section_activities(r)) || (rc = section_notes(r)))
			return rc;
	} else if (r->who == REPORT_SCHOOL) {
		if ((rc = section_achieved(r)) || (rc = section_progress(r)) || (rc = section_activities(r)))
			return rc;
	} else {
		if ((rc = section_achieved(r)) || (rc = section_flags(r)) || (rc = section_progress(r)) ||
		    (rc = section_activities(r)) || (rc = section_notes(r)) || (rc = section_windows(r)))
			return rc;
	}
	if ((rc = report_care_sections(r)))
		return rc;
	section_footer(r);
	return TDL_OK;
}

/* Append the report of child c on day `today` to out. */
int report_build(sqlite3 *db, const struct child *c, const struct report_request *rq,
		 struct buf *out, struct tdl_err *err)
{
	struct rep r = { .db = db, .c = c, .today = rq->today, .fmt = rq->format, .who = rq->audience,
			 .include = rq->include,
			 .correct_until = rq->correct_until_months, .b = out, .err = err };
	int rc;

	if (rq->format > REPORT_HTML || rq->audience > REPORT_SCHOOL)
		return err_set(err, TDL_EINPUT, "report: unknown format or reader");
	r.from = rq->has_since ? rq->since : rq->today - REPORT_DEFAULT_DAYS;
	if (r.from > rq->today)
		return err_set(err, TDL_EINPUT, "the period starts after today: give a --since day up to today");
	if (r.from < c->born && c->born <= rq->today)
		r.from = c->born;
	child_age(c, rq->today, rq->correct_until_months, &r.age);
	report_page_begin(&r);
	rc = report_sections(&r);
	report_page_end(&r);
	return rc ? rc : buf_status(out, err);
}

static const char *const format_names[] = { "text", "md", "html" };
static const char *const audience_names[] = { "parent", "doctor", "therapist", "school" };

/* Parse "text", "md" or "html". */
int report_format_parse(const char *s, enum report_format *out)
{
	for (int i = 0; i < 3; i++)
		if (s && !strcmp(s, format_names[i])) {
			*out = (enum report_format)i;
			return 0;
		}
	return -1;
}

/* Parse "parent", "doctor", "therapist" or "school". */
int report_audience_parse(const char *s, enum report_audience *out)
{
	for (int i = 0; i < 4; i++)
		if (s && !strcmp(s, audience_names[i])) {
			*out = (enum report_audience)i;
			return 0;
		}
	return -1;
}

/* Parse a comma list of goals, program, activities into REPORT_INCLUDE_* bits. */
int report_include_parse(const char *list, unsigned *out, char *bad, size_t badsz)
{
	static const char *const words[] = { "goals", "program", "activities" };
	const char *p = list ? list : "";

	*out = 0;
	for (;;) {
		size_t len = strcspn(p, ","), i;

		for (i = 0; i < 3; i++)
			if (len == strlen(words[i]) && !strncmp(p, words[i], len))
				break;
		if (i == 3) {
			snprintf(bad, badsz, "%.*s", (int)len, p);
			return -1;
		}
		*out |= 1u << i;
		if (!p[len])
			return 0;
		p += len + 1;
	}
}

/* Record in the audit trail that a report of c was written. */
int report_record(sqlite3 *db, const struct child *c, enum report_format fmt, enum report_audience who,
		  const char *file, struct tdl_err *err)
{
	char where[4096], detail[4200];

	file_where(file, where, sizeof where);
	snprintf(detail, sizeof detail, "%s report, %s, to %s", audience_names[who], format_names[fmt], where);
	return audit_record(db, c->id, "report written", detail, err);
}
