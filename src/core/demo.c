/* A demo family for first runs and screenshots. */
#include <stddef.h>
#include "toddle/activity.h"
#include "toddle/child.h"
#include "toddle/demo.h"
#include "toddle/milestone.h"

/* Add two demo children with a few logged milestones and activities. */
int demo_populate(sqlite3 *db, day_t today, struct tdl_err *err)
{
	static const struct { const char *id; enum ms_status st; int ago; } ms[] = {
		{ "cdc-2m-se-calms", MS_ACHIEVED, 30 },
		{ "cdc-2m-se-looks-at-face", MS_ACHIEVED, 28 },
		{ "cdc-2m-se-smiles-back", MS_ACHIEVED, 12 },
		{ "cdc-2m-lc-sounds", MS_ACHIEVED, 9 },
		{ "cdc-2m-mp-lifts-head", MS_EMERGING, 5 },
		{ "cdc-2m-mp-moves-limbs", MS_ACHIEVED, 40 },
	};
	static const struct { const char *id; enum act_result r; int min, ago; } acts[] = {
		{ "tummy-on-chest", ACT_DONE, 5, 6 },
		{ "tummy-across-lap", ACT_HARD, 3, 4 },
		{ "tummy-on-chest", ACT_DONE, 8, 2 },
		{ "hold-my-finger", ACT_DONE, 5, 1 },
		{ "tummy-towel-roll", ACT_SKIPPED, 0, 1 },
	};
	struct child mia, leo;
	int rc;

	rc = child_add(db, "Mia", today - 75, 0, 0, today, &mia, err);
	if (!rc)
		rc = child_add(db, "Leo", today - 140, 1, today - 140 + 56, today, &leo, err);
	if (rc)
		return rc;
	/* Logs name library items: without a library they are skipped, not fatal. */
	for (unsigned i = 0; i < sizeof ms / sizeof ms[0]; i++)
		milestone_log(db, &mia, &(struct milestone_seen){
				.id = ms[i].id, .status = ms[i].st, .has_date = 1,
				.date = today - ms[i].ago, .note = NULL }, today, NULL);
	for (unsigned i = 0; i < sizeof acts / sizeof acts[0]; i++)
		activity_log(db, &mia, &(struct activity_done){
				.id = acts[i].id, .day = today - acts[i].ago, .result = acts[i].r,
				.minutes = acts[i].min, .note = NULL }, today, NULL);
	milestone_log(db, &leo, &(struct milestone_seen){
			.id = "cdc-2m-se-smiles-back", .status = MS_ACHIEVED, .has_date = 1,
			.date = today - 20, .note = "First real smile at bath time" }, today, NULL);
	activity_log(db, &leo, &(struct activity_done){
			.id = "tummy-on-chest", .day = today - 1, .result = ACT_DONE, .minutes = 10,
			.note = NULL }, today, NULL);
	return TDL_OK;
}
