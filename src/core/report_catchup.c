/* The report's one line on the checklists not answered yet: how much of the
 * record is missing, said beside the progress, never among the concerns. */
#include <stdlib.h>
#include "toddle/catchup.h"
#include "report_parts.h"

/* "Not answered yet: 85 of the 87 items ..." when the passed checklists have gaps. */
int report_unanswered(struct rep *r)
{
	struct catchup_age *a;
	int n, unanswered, total, rc = catchup_ages(r->db, r->c, r->today, r->correct_until, &a, &n, r->err);

	if (rc)
		return rc;
	catchup_totals(a, n, &unanswered, &total);
	if (unanswered && n == 1)
		report_para(r, "Not answered yet: %d of the %d items of the %d-month checklist, recorded neither "
			    "as seen nor as not yet.", unanswered, total, a[0].age_months);
	else if (unanswered)
		report_para(r, "Not answered yet: %d of the %d items of the checklists %s has passed (%d to %d "
			    "months), recorded neither as seen nor as not yet.", unanswered, total, r->c->name,
			    a[0].age_months, a[n - 1].age_months);
	free(a);
	return TDL_OK;
}
