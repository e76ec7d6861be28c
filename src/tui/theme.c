/* Colours by meaning; NO_COLOR and monochrome terminals get attributes only. */
#include <stdlib.h>
#include "tui/tui.h"

static attr_t attrs[T_ROLE_COUNT];

/* Plain attributes for terminals without colour. */
static void theme_mono(void)
{
	attrs[T_NORMAL] = A_NORMAL;
	attrs[T_TITLE] = A_REVERSE;
	attrs[T_HEADING] = A_BOLD;
	attrs[T_DIM] = A_DIM;
	attrs[T_SELECTED] = A_REVERSE;
	attrs[T_SELECTED_DIM] = A_UNDERLINE;
	attrs[T_MARK_MS] = A_BOLD;
	attrs[T_MARK_ACT] = A_UNDERLINE;
	attrs[T_ERROR] = A_BOLD;
	attrs[T_OK] = A_BOLD;
	attrs[T_BORDER] = A_NORMAL;
	attrs[T_TODAY] = A_BOLD | A_UNDERLINE;
}

/* Set up the roles for this terminal and the ui.color setting. */
void theme_init(struct tui *t)
{
	const char *no_color = getenv("NO_COLOR");
	int want = t->app->set.color;

	theme_mono();
	if (want == COLOR_NEVER || (want == COLOR_AUTO && no_color && *no_color) || !has_colors())
		return;
	if (start_color() != OK)
		return;
	if (use_default_colors() != OK)
		assume_default_colors(COLOR_WHITE, COLOR_BLACK);
	init_pair(1, COLOR_BLACK, COLOR_CYAN);   /* title bar */
	init_pair(2, COLOR_CYAN, -1);            /* headings */
	init_pair(3, COLOR_BLACK, COLOR_YELLOW); /* selected, focused */
	init_pair(4, COLOR_GREEN, -1);           /* milestone marks, ok */
	init_pair(5, COLOR_MAGENTA, -1);         /* activity marks */
	init_pair(6, COLOR_RED, -1);             /* errors */
	init_pair(7, COLOR_BLUE, -1);            /* borders */
	attrs[T_TITLE] = COLOR_PAIR(1);
	attrs[T_HEADING] = COLOR_PAIR(2) | A_BOLD;
	attrs[T_SELECTED] = COLOR_PAIR(3);
	attrs[T_MARK_MS] = COLOR_PAIR(4) | A_BOLD;
	attrs[T_OK] = COLOR_PAIR(4);
	attrs[T_MARK_ACT] = COLOR_PAIR(5) | A_BOLD;
	attrs[T_ERROR] = COLOR_PAIR(6) | A_BOLD;
	attrs[T_BORDER] = COLOR_PAIR(7);
}

/* The attribute for a role. */
attr_t theme_attr(int role)
{
	return role >= 0 && role < T_ROLE_COUNT ? attrs[role] : A_NORMAL;
}
