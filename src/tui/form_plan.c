/* The calendar's forms: add or edit an appointment, correct a logged activity. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include "toddle/file.h"
#include "toddle/activity.h"
#include "toddle/appointment.h"
#include "toddle/buf.h"
#include "toddle/report.h"
#include "toddle/text.h"
#include "tui/form.h"
#include "tui/pane.h"
#include "tui/undo.h"


/* Read the Time field: HH:MM, or nothing (spaces only) for all day; 0 when it is one of those. */
static int appointment_time_field(const char *s, int *time)
{
	if (!s[strspn(s, " ")]) {
		*time = APPOINTMENT_ALL_DAY;
		return 0;
	}
	return appointment_parse_time(s, time);
}

/* Check and save the appointment form (fields: title, date, time, minutes, place, with). */
static int save_appointment(struct tui *t, struct form_state *f)
{
	struct appointment a, *was = NULL;
	struct tdl_err err;
	int given, changed = 1, rc, edited;

	memset(&a, 0, sizeof a);
	if (text_check(f->value[0], "Title", APPOINTMENT_TEXT_MAX, 1, &err))
		return form_refuse(t, 0, err.msg);
	if (form_date(f, 1, 0, &a.day, &given))
		return form_refuse(t, 1, "Date: write it as YYYY-MM-DD, like 2026-03-14");
	if (appointment_time_field(f->value[2], &a.time))
		return form_refuse(t, 2, "Time: write it as HH:MM, like 09:30, or leave it empty for all day");
	if (form_number(f, 3, 1, 1440, 30, &a.minutes))
		return form_refuse(t, 3, "Minutes: a whole number from 1 to 1440");
	a.title = f->value[0];
	a.place = f->value[4];
	a.with_whom = f->value[5];
	a.id = f->row_id;
	a.version = f->row_version;
	/* the appointment as it was, for u: read before the save, which checks the version */
	if (f->row_id && appointment_get(t->app->db, f->row_id, &was, &err) == 0 && was->version != f->row_version) {
		appointment_free_all(was, 1);
		was = NULL;
	}
	rc = f->row_id ? appointment_update(t->app->db, &a, &changed, &err)
		       : appointment_add(t->app->db, &f->child, &a, &err);
	if (!rc && changed && was)
		undo_note_appointment_edited(t, was, a.version);
	if (was)
		appointment_free_all(was, 1);
	if (rc)
		return form_refuse_model(t, strstr(err.msg, "place") ? 4 : strstr(err.msg, "with") ? 5 : 0, &err,
					 "Esc, then open the day again to see the appointment as it is now");
	calendar_pane_set_day(t, a.day);
	edited = f->row_id != 0;
	form_close(t); /* frees f */
	if (changed)
		tui_message(t, T_OK, edited ? "Saved the appointment (u undoes the edit)." : "Saved the appointment.");
	else
		tui_message(t, T_DIM, "Nothing changed: the appointment already says this.");
	return R_RELOAD | R_DRAW;
}

/* Open the appointment form: a new one on day (id 0), or appointment id to edit. */
int form_appointment_open(struct tui *t, long long id, day_t day)
{
	struct child *c = tui_child(t);
	struct appointment *list = NULL, *a = NULL;
	struct tdl_err err;
	struct form_state *f;
	char d[11], tm[6] = "09:00", min[12] = "30";
	int n = 0;

	if (!c)
		return R_NONE;
	if (id && appointment_list(t->app->db, c->id, day, day, &list, &n, &err) == 0)
		for (int i = 0; i < n; i++)
			if (list[i].id == id)
				a = &list[i];
	if (id && !a) {
		appointment_free_all(list, n);
		tui_message(t, T_ERROR, "That appointment was changed or removed meanwhile.");
		return R_RELOAD;
	}
	f = form_new(t, a ? "Edit appointment" : "New appointment", save_appointment);
	if (!f) {
		appointment_free_all(list, n);
		return R_NONE;
	}
	snprintf(f->intro, sizeof f->intro, "For %s. Time as HH:MM, or empty for all day; place and with whom "
		 "are optional.", c->name);
	date_format(a ? a->day : day, d);
	if (a) {
		appointment_format_time(a->time, tm);
		snprintf(min, sizeof min, "%d", a->minutes);
		f->row_id = a->id;
		f->row_version = a->version;
	}
	form_field(f, "Title", FK_TEXT, 40, APPOINTMENT_TEXT_MAX, NULL, a ? a->title : "");
	form_field(f, "Date", FK_TEXT, 10, 10, NULL, d);
	form_field(f, "Time", FK_TEXT, 5, 5, NULL, tm);
	form_field(f, "Minutes", FK_TEXT, 4, 4, NULL, min);
	form_field(f, "Place", FK_TEXT, 40, APPOINTMENT_TEXT_MAX, NULL, a ? a->place : "");
	form_field(f, "With", FK_TEXT, 40, APPOINTMENT_TEXT_MAX, NULL, a ? a->with_whom : "");
	appointment_free_all(list, n);
	return form_show(t);
}

/* Check and save a corrected activity entry (fields: result, minutes, note). */
static int save_entry(struct tui *t, struct form_state *f)
{
	struct activity_entry old;
	struct tdl_err err;
	enum act_result r;
	int minutes, changed, rc;

	activity_result_parse(activity_result_choices()[f->choice[0]], &r);
	if (form_number(f, 1, 0, 600, 0, &minutes))
		return form_refuse(t, 1, "Minutes: a whole number from 0 to 600");
	if (text_check_lines(f->value[2], "Note", ACTIVITY_NOTE_MAX, 0, &err))
		return form_refuse(t, 2, err.msg);
	/* the entry as it was, for u: read before the save, which checks the version */
	if (activity_entry_get(t->app->db, f->row_id, &old, &err) || old.version != f->row_version)
		activity_entry_clear(&old);
	rc = activity_entry_update(t->app->db, f->row_id, f->row_version, r, minutes, f->value[2], &changed, &err);
	if (rc) {
		activity_entry_clear(&old);
		return form_refuse_model(t, 0, &err, "Esc, then open the day again to see the entry as it is now");
	}
	if (changed && old.id)
		undo_note_activity_corrected(t, &old, f->row_version + 1);
	activity_entry_clear(&old);
	form_close(t);
	if (changed)
		tui_message(t, T_OK, "Saved the correction (u undoes it).");
	else
		tui_message(t, T_DIM, "Nothing changed: the entry already says this.");
	return R_RELOAD | R_DRAW;
}

/* Open the form to correct one logged activity. */
int form_entry_open(struct tui *t, long long id)
{
	struct activity_entry e;
	struct tdl_err err;
	struct form_state *f;
	char min[12];

	if (activity_entry_get(t->app->db, id, &e, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		return R_RELOAD;
	}
	f = form_new(t, "Correct a logged activity", save_entry);
	if (!f) {
		activity_entry_clear(&e);
		return R_NONE;
	}
	{
		char d[11];

		date_format(e.day, d);
		snprintf(f->intro, sizeof f->intro, "%s, %s", e.title, d);
	}
	text_sanitize(f->intro, f->intro, sizeof f->intro);
	f->row_id = e.id;
	f->row_version = e.version;
	snprintf(min, sizeof min, "%d", e.minutes);
	form_field(f, "How it went", FK_CHOICE, 10, 10, activity_result_choices(), NULL);
	f->choice[0] = (int)e.result - 1;
	form_field(f, "Minutes", FK_TEXT, 4, 4, NULL, min);
	form_field(f, "Note", FK_NOTE, 40, ACTIVITY_NOTE_MAX, NULL, e.note);
	activity_entry_clear(&e);
	return form_show(t);
}

static const char *const format_choices[] = { "html", "text", "md", NULL };
enum { RF_INCLUDE = 2, RF_FILE = 3 }; /* the report form's text fields */
static const char *const format_ext[] = { ".html", ".txt", ".md" };

/* The format changed: a file name toddle offered follows it (.html, .txt,
 * .md); a name the person typed stays theirs. */
static void report_format_changed(struct form_state *f, int i)
{
	char name[sizeof f->suggested];
	size_t n = strlen(f->value[RF_FILE]);

	if (i != 0 || !f->suggested[0] || strcmp(f->value[RF_FILE], f->suggested) != 0)
		return;
	for (int k = 0; k < 3; k++) {
		size_t e = strlen(format_ext[k]);

		if (n > e && !strcmp(f->value[RF_FILE] + n - e, format_ext[k])) {
			snprintf(name, sizeof name, "%.*s%s", (int)(n - e), f->value[RF_FILE], format_ext[f->choice[0]]);
			snprintf(f->suggested, sizeof f->suggested, "%s", name);
			form_set_text(f, RF_FILE, name);
			return;
		}
	}
}
static const char *const audience_choices[] = { "doctor", "parent", "therapist", "school", NULL };

/* Read the Include field with the model's parser (the CLI's --include); 0, or
 * the form refused with what was wrong. */
static int report_include_field(struct tui *t, struct form_state *f, unsigned *include, int *refused)
{
	char list[200], bad[48], msg[200];
	size_t k = 0;

	/* "goals, program" reads as "goals,program": spaces between words are dropped */
	for (const char *p = f->value[RF_INCLUDE]; *p && k + 1 < sizeof list; p++)
		if (*p != ' ')
			list[k++] = *p;
	list[k] = '\0';
	*include = 0;
	*refused = 0;
	if (!k || !report_include_parse(list, include, bad, sizeof bad))
		return 0;
	snprintf(msg, sizeof msg, "Include: '%s' is not a section: write a comma list of %s, or leave it empty",
		 bad, REPORT_INCLUDE_WORDS);
	*refused = form_refuse(t, RF_INCLUDE, msg);
	return -1;
}

/* Build the report and write it to the file named in the form (fields: format, for, include, file). */
static int save_report(struct tui *t, struct form_state *f)
{
	static const enum report_format formats[] = { REPORT_HTML, REPORT_TEXT, REPORT_MD };
	static const enum report_audience whom[] = { REPORT_DOCTOR, REPORT_PARENT, REPORT_THERAPIST,
		REPORT_SCHOOL };
	struct tdl_err err;
	struct stat st;
	struct buf b;
	unsigned include;
	int rc, refused, replace_ok = f->replace_ok;

	f->replace_ok = 0; /* a yes is for this save only */
	if (!f->child.id)
		return form_refuse(t, 0, "Add a child first.");
	if (report_include_field(t, f, &include, &refused))
		return refused;
	if (text_check(f->value[RF_FILE], "File", 1000, 1, &err))
		return form_refuse(t, RF_FILE, err.msg);
	if (!replace_ok && stat(f->value[RF_FILE], &st) == 0)
		return form_ask(t, ASK_REPLACE, "A file of that name is there already. Replace it? y/n");
	buf_init(&b);
	rc = report_build(t->app->db, &f->child, &(struct report_request){
			.today = t->app->today,
			.correct_until_months = t->app->set.correct_until_months,
			.format = formats[f->choice[0]], .audience = whom[f->choice[1]],
			.include = include, .has_since = 0, .since = 0 }, &b, &err);
	if (!rc)
		rc = file_write_own(f->value[RF_FILE], &b, &err);
	buf_free(&b);
	if (rc)
		return form_refuse(t, RF_FILE, err.msg);
	if (t->app->set.group[0] && report_record(t->app->db, &f->child, formats[f->choice[0]], whom[f->choice[1]],
						  f->value[RF_FILE], &err))
		tui_message(t, T_ERROR, "Report written to %s, but not recorded in the audit trail: %s",
			    f->value[RF_FILE], err.msg);
	else
		tui_message(t, T_OK, "Report written to %s", f->value[RF_FILE]);
	form_close(t);
	return R_DRAW;
}

/* Open the form that writes a report for the shown child to a file. */
int form_report_open(struct tui *t)
{
	struct child *c = tui_child(t);
	struct form_state *f;
	const char *home = getenv("HOME");
	char path[1100], d[11], name[CHILD_NAME_MAX + 1];

	if (!c)
		return R_NONE;
	f = form_new(t, "Write a report", save_report);
	if (!f)
		return R_NONE;
	snprintf(f->intro, sizeof f->intro, "A report on %s for a doctor, therapist or school. Include adds what "
		 "a reader's report leaves out: goals, program, activities (the school's has none of them).", c->name);
	date_format(t->app->today, d);
	snprintf(name, sizeof name, "%s", c->name);
	for (char *p = name; *p; p++)
		if (*p == '/' || *p == ' ' || (unsigned char)*p < 0x20)
			*p = '-';
	snprintf(path, sizeof path, "%s/toddle-report-%s-%s.html", home && *home ? home : ".", name, d);
	form_field(f, "Format", FK_CHOICE, 6, 6, format_choices, NULL);
	form_field(f, "For", FK_CHOICE, 10, 10, audience_choices, NULL);
	form_field(f, "Include", FK_TEXT, 30, 100, NULL, "");
	form_field(f, "File", FK_TEXT, 50, 1000, NULL, path);
	snprintf(f->suggested, sizeof f->suggested, "%s", path);
	f->on_choice = report_format_changed;
	return form_show(t);
}
