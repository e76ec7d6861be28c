/* The form to correct one milestone entry: choose the status it should have had. */
#include <stdio.h>
#include <string.h>
#include "toddle/milestone_view.h"
#include "toddle/text.h"
#include "tui/form.h"
#include "tui/pane.h"
#include "tui/undo.h"

/* Save the correction through the model; the old entry stays in the history. */
static int save_fix(struct tui *t, struct form_state *f)
{
	struct tdl_err err;
	struct milestone_fix fix = { f->row_id, 0, MS_NONE };
	long long made;

	milestone_status_parse(milestone_status_choices()[f->choice[0]], &fix.status);
	if (milestone_correct(t->app->db, &f->child, &fix, &made, &err))
		return form_refuse(t, 0, err.msg);
	{
		char text[300];

		if (milestone_text(t->app->db, f->item_id, text, sizeof text))
			snprintf(text, sizeof text, "%s", f->item_id);
		undo_note_milestone_corrected(t, made, (enum ms_status)f->row_version, text);
	}
	form_close(t);
	tui_message(t, T_OK, "Corrected to %s; the old entry stays in the history (u undoes it).",
		    milestone_status_name(fix.status));
	return R_RELOAD | R_DRAW;
}

/* Open the form to correct entry h (an item's history line) for the shown child. */
int form_milestone_fix_open(struct tui *t, const struct milestone_entry *h)
{
	struct form_state *f = form_new(t, "Correct a milestone entry", save_fix);
	char line[2300], intro[2400];

	if (!f)
		return R_NONE;
	milestone_view_history_line(h, line, sizeof line);
	snprintf(intro, sizeof intro, "%s. Entry %lld: %s", h->text, h->entry, line);
	text_sanitize(intro, f->intro, sizeof f->intro);
	snprintf(f->item_id, sizeof f->item_id, "%s", h->id);
	snprintf(f->record, sizeof f->record, "entry-%lld", h->entry);
	f->row_id = h->entry;
	f->row_version = (int)h->status; /* the status it had, for u */
	form_field(f, "Status", FK_CHOICE, 10, 10, milestone_status_choices(), NULL);
	f->choice[0] = h->status == MS_EMERGING ? 1 : h->status == MS_NOT_YET ? 2 : 0;
	return form_show(t);
}
