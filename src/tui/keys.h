/* The key table as the command line shows it (`toddle keys`); no curses types here. */
#ifndef TODDLE_TUI_KEYS_H
#define TODDLE_TUI_KEYS_H

#include <stdio.h>

/* Print the key table for people (WHERE, KEYS, WHAT; tab separated) or, with
 * man, as the manual's list (troff), which a test compares with doc/toddle.1. */
void keys_print(FILE *out, int man);

#endif
