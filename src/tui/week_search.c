/* The week view's search of every activity of every age: read once when the
 * search starts (search.c opens it), matched as the query changes, and the
 * activity found opened from the week pane. */
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "toddle/week_view.h"
#include "tui/pane.h"

/* Free what a search of every activity read. */
void week_search_free(struct week_search *s)
{
	activity_free_all(s->all, s->nall);
	free(s->hits);
	memset(s, 0, sizeof *s);
}

/* Read every activity of every age for a search: one statement. */
int week_pane_search_open(struct tui *t)
{
	struct week_search *s = week_pane_found(t);
	struct tdl_err err;

	week_search_free(s);
	if (activity_list(t->app->db, -1, NULL, &s->all, &s->nall, &err)) {
		tui_message(t, T_ERROR, "%s", err.msg);
		s->all = NULL, s->nall = 0;
		return -1;
	}
	s->hits = calloc((size_t)s->nall + 1, sizeof *s->hits);
	if (!s->hits) {
		week_search_free(s);
		return -1;
	}
	return 0;
}

/* True when activity a holds the folded query q in its title, area, kind of
 * help, tags or what it needs. */
static int activity_matches(const struct activity *a, const char *q)
{
	const char *fields[] = { a->title, a->domain, a->discipline, a->tags, a->materials };
	char f[2400];

	for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
		text_fold(fields[i], f, sizeof f);
		if (strstr(f, q))
			return 1;
	}
	return 0;
}

/* List the activities matching query (none for ""); how many. */
int week_pane_search_update(struct tui *t, const char *query)
{
	struct week_search *s = week_pane_found(t);
	char q[200];

	text_fold(query, q, sizeof q);
	s->nhits = 0;
	for (int i = 0; s->hits && q[0] && i < s->nall; i++)
		if (activity_matches(&s->all[i], q))
			s->hits[s->nhits++] = i;
	return s->nhits;
}

/* The search of every activity is over. */
void week_pane_search_close(struct tui *t)
{
	week_search_free(week_pane_found(t));
}

/* Match k of the search, or NULL. */
const struct activity *week_pane_hit(struct tui *t, int k)
{
	struct week_search *s = week_pane_found(t);

	return k >= 0 && k < s->nhits ? &s->all[s->hits[k]] : NULL;
}

/* The activity selected (a match while searching), and its index in the week's list. */
const struct activity *week_pane_selected(struct tui *t, int *week)
{
	const struct week_view *v = week_pane_view(t);
	const struct activity *a;

	*week = -1;
	if (!t->search[0].all_ages) {
		*week = week_pane_item_activity(t, t->doc.sel);
		return week_pane_activity(t, *week);
	}
	a = week_pane_hit(t, t->doc.sel);
	for (int i = 0; a && i < v->nacts; i++)
		if (!strcmp(v->acts[i].id, a->id))
			*week = i;
	return a;
}
