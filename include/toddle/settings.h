/* Settings: built-in defaults, then INI files in layers, into one struct. */
#ifndef TODDLE_SETTINGS_H
#define TODDLE_SETTINGS_H

#include <stddef.h>
#include "toddle/err.h"

#define SETTINGS_PATH_MAX 1024
#define SETTINGS_WARN_MAX 2048

/* The system settings file, fixed when toddle is built. */
#ifndef SYSCONFDIR
#define SYSCONFDIR "/etc"
#endif
#define SETTINGS_SYSTEM_FILE SYSCONFDIR "/toddle/toddle.ini"

enum color_mode { COLOR_AUTO = 0, COLOR_NEVER = 1, COLOR_ALWAYS = 2 };

/* Every setting toddle knows, already checked. */
struct settings {
	char database[SETTINGS_PATH_MAX];   /* data.database; "" = default path */
	char content[SETTINGS_PATH_MAX];    /* library.content; "" = default */
	char extra[SETTINGS_PATH_MAX];      /* library.extra: a clinic's or family's own folder */
	int correct_until_months;          /* child.correct_until_months */
	int color;                         /* ui.color: enum color_mode */
	int escdelay_ms;                   /* ui.escdelay_ms */
	int week_starts_sunday;            /* ui.week_starts: monday|sunday */
	int ascii;                         /* ui.ascii: plain ASCII lines */
	int mouse;                         /* ui.mouse: clicks and the wheel */
	char player[SETTINGS_PATH_MAX];    /* ui.player: command to play a class video */
	char group[64];                    /* clinic.group: the Unix group sharing the database */
	char admins[512];                  /* clinic.admins: logins that may delete and reassign */
	char data_group[64];               /* clinic.data_group: owns the clinic's files; no person in it */
	char warnings[SETTINGS_WARN_MAX];  /* unknown keys and the like, one a line */
};

enum setting_type { SET_STRING, SET_INT, SET_BOOL, SET_ENUM };

/* One row of the settings table: the single description of a key. */
struct setting_spec {
	const char *section;
	const char *key;
	enum setting_type type;
	long min, max;            /* SET_INT range */
	const char *choices;      /* SET_ENUM: "a|b|c" */
	const char *default_text; /* shown in help and the manual */
	const char *help;         /* one line for people */
	size_t offset;            /* where it lives in struct settings */
	size_t size;              /* SET_STRING buffer size */
};

/* The table of every setting; n receives its length. */
const struct setting_spec *settings_table(size_t *n);

/* Fill s with the built-in defaults. */
void settings_defaults(struct settings *s);

/* Apply one INI file on top of s. A missing file is fine unless must_exist.
 * Unknown keys add a line to s->warnings; a bad value or a file that cannot
 * be read fails with a message naming the file and key. */
int settings_load_file(struct settings *s, const char *path, int must_exist,
		       struct tdl_err *err);

/* Defaults, then the system file, the user's file and `extra` (may be NULL).
 * [clinic] comes only from the system file, and in a clinic (the system file
 * names a group) so do [data] and [library]; a personal layer that tries is
 * warned about and ignored. The system file must belong to root and be
 * writable by no one else. */
int settings_load(struct settings *s, const char *extra, struct tdl_err *err);

/* Path of the system settings file (SETTINGS_SYSTEM_FILE; TODDLE_SYSTEM_CONFIG
 * replaces it only for an unprivileged toddle, as in tests). */
const char *settings_system_path(void);

/* $var/rel, or $HOME/fallback/rel when var is unset or not absolute, into out:
 * TDL_EINPUT when HOME is not set either, TDL_EDATA "VAR is too long (N bytes;
 * at most M)" when the path does not fit in outsz (never cut short). */
int settings_xdg_path(const char *var, const char *fallback, const char *rel, char *out, size_t outsz,
		      struct tdl_err *err);

/* Path of the user's settings file under $XDG_CONFIG_HOME (or ~/.config). */
int settings_user_path(char *out, size_t outsz, struct tdl_err *err);

/* Default database path under $XDG_DATA_HOME (or ~/.local/share). */
int settings_default_db(char *out, size_t outsz, struct tdl_err *err);

#endif
