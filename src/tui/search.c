/* `/` in every list and document: typed on the status line and found as it is
 * typed (case and accents ignored), n and N for the next and previous match,
 * Enter keeps the place and Esc goes back. The main pane and an open overlay
 * each have their own search; the week view searches every activity of every
 * age instead of its own text (week_pane.c lists them). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "toddle/text.h"
#include "tui/pane.h"

#define FOLD_MAX 2600

/* Which search keys go to: the open overlay's (1) or the main pane's (0). */
static int slot_of(const struct tui *t)
{
	return pane_of_modal(t->modal) >= 0;
}

/* The document a search slot looks in, and the lines it shows. */
static struct doc *slot_doc(struct tui *t, int over, int *height)
{
	*height = getmaxy(over ? t->over : t->main) - 2;
	if (*height < 1)
		*height = 1;
	return over ? &t->over_doc : &t->doc;
}

/* True when line i holds the folded query q, or it starts at the end of line i
 * and runs on into the next (a phrase the wrapping cut in two). */
static int line_matches(const struct doc *d, int i, const char *q)
{
	char a[FOLD_MAX], b[FOLD_MAX / 2];
	size_t la;
	const char *at;

	text_fold(d->line[i].text, a, sizeof a);
	if (strstr(a, q))
		return 1;
	if (i + 1 >= d->n || !strchr(q, ' ') || d->line[i + 1].item != d->line[i].item)
		return 0;
	la = strlen(a);
	text_fold(d->line[i + 1].text + strspn(d->line[i + 1].text, " "), b, sizeof b);
	snprintf(a + la, sizeof a - la, " %s", b);
	at = strstr(a, q);
	return at && (size_t)(at - a) < la;
}

/* True when line i starts a match unit: a line outside any item, or an item's
 * first matching line (an item counts once however many of its lines match). */
static int unit_matches(const struct doc *d, int i, const char *q)
{
	int it = d->line[i].item;

	if (!line_matches(d, i, q))
		return 0;
	for (int k = i - 1; it >= 0 && k >= 0 && d->line[k].item == it; k--)
		if (line_matches(d, k, q))
			return 0;
	return 1;
}

/* Count the matches, and which of them line `at` is (index from 1). */
static void count_matches(struct search *s, const struct doc *d, const char *q, int at)
{
	s->total = s->index = 0;
	for (int i = 0; i < d->n; i++)
		if (unit_matches(d, i, q)) {
			s->total++;
			if (i <= at)
				s->index = s->total;
		}
}

/* Show line i: its item selected (or none, for plain text) and the line in view. */
static void show_line(struct search *s, struct doc *d, int i, int height)
{
	s->found = i + 1;
	d->sel = d->line[i].item;
	if (i < d->top || i >= d->top + height)
		d->top = i - height / 3;
	if (d->top > d->n - height)
		d->top = d->n - height;
	if (d->top < 0)
		d->top = 0;
}

/* Find the query from line `from` on (dir 1) or back (-1), going round the
 * end; 0 when nothing matches. */
static int find_from(struct search *s, struct doc *d, int from, int dir, int height)
{
	char q[sizeof s->query * 2];

	text_fold(s->query, q, sizeof q);
	s->wrapped = 0;
	for (int k = 0; k < d->n; k++) {
		int i = from + dir * k;

		if (i >= d->n || i < 0) {
			i = (i + d->n) % d->n;
			s->wrapped = 1;
		}
		if (unit_matches(d, i, q)) {
			show_line(s, d, i, height);
			count_matches(s, d, q, i);
			return 1;
		}
	}
	return 0;
}

/* The line a search starts from: the selected item's first line, else the top. */
static int start_line(const struct doc *d)
{
	for (int i = 0; i < d->n && d->sel >= 0; i++)
		if (d->line[i].item == d->sel)
			return i;
	return d->top;
}

/* Back to where the search started. */
static void go_back(struct search *s, struct doc *d)
{
	d->sel = s->sel;
	d->top = s->top;
	s->found = 0;
}

/* Search again after the query changed: from where the search started. */
static void refind(struct tui *t, int over)
{
	struct search *s = &t->search[over];
	int height;
	struct doc *d = slot_doc(t, over, &height);

	if (s->all_ages) {
		s->total = week_pane_search_update(t, s->query);
		s->index = s->total ? 1 : 0;
		d->sel = s->total ? 0 : -1;
		d->top = 0;
		return;
	}
	go_back(s, d);
	s->total = s->index = 0;
	if (s->query[0] && !find_from(s, d, start_line(d), 1, height))
		go_back(s, d);
}

/* Start a search where the person is. */
static int search_start(struct tui *t)
{
	int over = slot_of(t), height;
	struct search *s = &t->search[over];
	struct doc *d;

	if (t->modal == M_FORM)
		return R_NONE;
	if (!over && t->view == V_CALENDAR) {
		tui_message(t, T_DIM, "Open a day (Enter) to search it; / searches lists and documents.");
		return R_DRAW;
	}
	search_forget(t, over);
	t->focus = over ? t->focus : F_MAIN;
	d = slot_doc(t, over, &height);
	s->on = S_TYPING;
	s->sel = d->sel;
	s->top = d->top;
	if (!over && t->view == V_CASELOAD)
		caseload_pane_search_open(t);
	if (!over && t->view == V_WEEK && tui_child(t) && week_pane_search_open(t) == 0) {
		s->all_ages = 1;
		refind(t, over);
	}
	return R_MENU | R_DRAW;
}

/* Go to the next (dir 1) or previous (-1) match of a kept search. */
static int search_step(struct tui *t, int dir)
{
	int over = slot_of(t), height, from;
	struct search *s = &t->search[over];
	struct doc *d = slot_doc(t, over, &height);

	if (s->all_ages) {
		if (s->total == 0)
			return R_DRAW;
		d->sel = d->sel < 0 ? 0 : (d->sel + dir + s->total) % s->total;
		s->wrapped = (dir > 0 && d->sel == 0) || (dir < 0 && d->sel == s->total - 1);
		s->index = d->sel + 1;
		return R_DRAW;
	}
	if (!s->query[0] || d->n == 0)
		return R_DRAW;
	from = s->found ? s->found - 1 + dir : start_line(d);
	/* step over the rest of the item found, so the selection moves */
	while (s->found && from >= 0 && from < d->n && d->line[from].item >= 0 &&
	       d->line[from].item == d->line[s->found - 1].item)
		from += dir;
	if (!find_from(s, d, from < 0 ? d->n - 1 : from >= d->n ? 0 : from, dir, height))
		tui_message(t, T_DIM, "No match for \"%s\" here.", s->query);
	else if (from < 0 || from >= d->n)
		s->wrapped = 1;
	return R_DRAW;
}

/* The search's own actions: / starts one; n, N and Esc act on a kept one. */
int search_action(struct tui *t, enum action a)
{
	int over = slot_of(t);

	switch (a) {
	case DO_SEARCH:
		return search_start(t);
	case DO_FIND_NEXT:
	case DO_FIND_PREV:
		return search_step(t, a == DO_FIND_NEXT ? 1 : -1);
	case DO_BACK:
		/* the week's list of every activity gives the week back; elsewhere the place is kept */
		if (t->search[over].all_ages)
			go_back(&t->search[over], over ? &t->over_doc : &t->doc);
		search_forget(t, over);
		return R_DRAW;
	default:
		return R_NONE;
	}
}

/* True while a search is being typed where the keys go. */
int search_typing(const struct tui *t)
{
	return t->modal != M_FORM && t->search[slot_of(t)].on == S_TYPING;
}

/* True while a search is kept where the keys go (n, N and Esc are its own);
 * not while the menu has the focus. */
int search_kept(const struct tui *t)
{
	int over = slot_of(t);

	return t->modal != M_FORM && (over || t->focus == F_MAIN) && t->search[over].on == S_KEPT;
}

/* Add the typed character ch to the query (as UTF-8); 0 when it does not fit. */
static int query_add(struct search *s, wint_t ch)
{
	char mb[8];
	size_t len = strlen(s->query);
	int n;

	if (ch < 0x80) {
		mb[0] = (char)ch;
		n = 1;
	} else if (ch < 0x800) {
		mb[0] = (char)(0xC0 | (ch >> 6)), mb[1] = (char)(0x80 | (ch & 0x3F)), n = 2;
	} else if (ch < 0x10000) {
		mb[0] = (char)(0xE0 | (ch >> 12)), mb[1] = (char)(0x80 | ((ch >> 6) & 0x3F));
		mb[2] = (char)(0x80 | (ch & 0x3F)), n = 3;
	} else {
		mb[0] = (char)(0xF0 | (ch >> 18)), mb[1] = (char)(0x80 | ((ch >> 12) & 0x3F));
		mb[2] = (char)(0x80 | ((ch >> 6) & 0x3F)), mb[3] = (char)(0x80 | (ch & 0x3F)), n = 4;
	}
	if (len + (size_t)n >= sizeof s->query)
		return 0;
	memcpy(s->query + len, mb, (size_t)n);
	s->query[len + (size_t)n] = '\0';
	return 1;
}

/* Drop the query's last character. */
static void query_rubout(struct search *s)
{
	size_t len = strlen(s->query);

	while (len > 0 && ((unsigned char)s->query[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;
	s->query[len] = '\0';
}

/* A key while the search is typed: text, or Enter, Esc, Backspace, Ctrl-U,
 * Down and Up (the next and previous match as it stands). */
int search_key(struct tui *t, int is_key, wint_t ch)
{
	int over = slot_of(t);
	struct search *s = &t->search[over];
	enum action a = keys_action(KM_PROMPT, is_key, ch);

	switch (a) {
	case DO_FORM_ENTER:
		s->on = s->query[0] ? S_KEPT : S_OFF;
		if (s->on == S_OFF)
			search_forget(t, over);
		return R_DRAW;
	case DO_BACK:
		go_back(s, over ? &t->over_doc : &t->doc);
		search_forget(t, over);
		return R_DRAW;
	case DO_FORM_RUBOUT:
		query_rubout(s);
		refind(t, over);
		return R_DRAW;
	case DO_FORM_CLEAR:
		s->query[0] = '\0';
		refind(t, over);
		return R_DRAW;
	case DO_FIND_NEXT:
	case DO_FIND_PREV:
		return search_step(t, a == DO_FIND_NEXT ? 1 : -1);
	case DO_REDRAW:
		clearok(curscr, TRUE);
		return R_DRAW;
	default:
		break;
	}
	if (is_key || ch < 0x20 || ch == 0x7F || (ch >= 0x80 && ch < 0xA0))
		return R_NONE;
	if (query_add(s, ch))
		refind(t, over);
	return R_DRAW;
}

/* End a slot's search: the week's list of every activity closes, the mark goes. */
void search_forget(struct tui *t, int over)
{
	struct search *s = &t->search[over];

	if (s->all_ages)
		week_pane_search_close(t);
	memset(s, 0, sizeof *s);
}

/* The status line while searching: the query, where the match is, and the keys. */
void search_status(const struct tui *t, char *out, size_t outsz)
{
	const struct search *s = &t->search[slot_of(t)];
	char where[120], hint[200];

	if (!s->query[0])
		snprintf(where, sizeof where, "%s", s->all_ages ? "(all ages)" : "");
	else if (!s->total)
		snprintf(where, sizeof where, "not found");
	else if (s->all_ages)
		snprintf(where, sizeof where, "%d of %d (all ages)", s->index, s->total);
	else
		snprintf(where, sizeof where, "%d of %d%s", s->index, s->total, s->wrapped ? ", from the other end" : "");
	keys_hints(s->on == S_TYPING ? HP_PROMPT : HP_FOUND, hint, sizeof hint);
	snprintf(out, outsz, "/%s%s  %s  %s", s->query, s->on == S_TYPING ? "_" : "", where, hint);
}

/* Mark the line a search found, when it is plain text (a found item is shown selected). */
void search_mark(struct tui *t, struct doc *d, WINDOW *w, int y0, int x0, int height, int width)
{
	const struct search *s = &t->search[d == &t->over_doc];
	int i = s->found - 1;
	char q[sizeof s->query * 2];

	if (s->on == S_OFF || i < 0 || i >= d->n || i < d->top || i >= d->top + height || d->line[i].item >= 0)
		return;
	text_fold(s->query, q, sizeof q);
	if (!line_matches(d, i, q))
		return; /* the document changed under the search (another week, a reload) */
	draw_text(w, y0 + i - d->top, x0, width, T_SELECTED, d->line[i].text);
}
