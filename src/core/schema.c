/* The schema, one migration step per version. */
#include "toddle/schema.h"

/* Step n brings a database from version n-1 to version n. */
static const char *const steps[] = {
	/* 1: children, the library, and the two logs */
	"CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	"CREATE TABLE child("
	"  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  name TEXT NOT NULL, born TEXT NOT NULL, due TEXT,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);"
	"CREATE UNIQUE INDEX child_name ON child(name COLLATE NOCASE);"
	"CREATE TABLE week_note(week INTEGER PRIMARY KEY, title TEXT NOT NULL,"
	"  typical TEXT NOT NULL, focus TEXT NOT NULL, can_wait TEXT NOT NULL, source TEXT);"
	"CREATE TABLE activity(id TEXT PRIMARY KEY, title TEXT NOT NULL,"
	"  week_from INTEGER NOT NULL, week_to INTEGER NOT NULL, domain TEXT NOT NULL,"
	"  discipline TEXT NOT NULL, minutes INTEGER NOT NULL, materials TEXT NOT NULL,"
	"  steps TEXT NOT NULL, why TEXT NOT NULL, builds TEXT, easier TEXT, harder TEXT,"
	"  safety TEXT, tags TEXT, file TEXT);"
	"CREATE INDEX activity_weeks ON activity(week_from, week_to);"
	"CREATE TABLE milestone(id TEXT PRIMARY KEY, age_months INTEGER NOT NULL,"
	"  domain TEXT NOT NULL, text TEXT NOT NULL, source TEXT NOT NULL, sort INTEGER NOT NULL);"
	"CREATE INDEX milestone_age ON milestone(age_months, sort);"
	"CREATE TABLE milestone_log("
	"  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  milestone_id TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK(status IN ('achieved','emerging','not-yet')),"
	"  observed TEXT, note TEXT,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL);"
	"CREATE INDEX milestone_log_child ON milestone_log(child_id, milestone_id, id);"
	"CREATE INDEX milestone_log_day ON milestone_log(child_id, observed);"
	"CREATE TABLE activity_log("
	"  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  activity_id TEXT NOT NULL, day TEXT NOT NULL,"
	"  result TEXT NOT NULL CHECK(result IN ('done','hard','skipped')),"
	"  minutes INTEGER, note TEXT,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL);"
	"CREATE INDEX activity_log_day ON activity_log(child_id, day);",
	/* 2: the rest of the library (WHO windows, guidance, classes) and class log */
	"CREATE TABLE who_window(id TEXT PRIMARY KEY, text TEXT NOT NULL, p1 REAL NOT NULL,"
	"  p99 REAL NOT NULL, criteria TEXT NOT NULL, source TEXT NOT NULL, sort INTEGER NOT NULL);"
	"CREATE TABLE guide(id TEXT PRIMARY KEY, title TEXT NOT NULL, discipline TEXT NOT NULL,"
	"  body TEXT NOT NULL, source TEXT NOT NULL, sort INTEGER NOT NULL);"
	"CREATE TABLE concern(id TEXT PRIMARY KEY, title TEXT NOT NULL, helps TEXT NOT NULL,"
	"  about TEXT NOT NULL, domains TEXT NOT NULL, sort INTEGER NOT NULL);"
	"CREATE TABLE sign(id TEXT PRIMARY KEY, concern TEXT NOT NULL, age_months INTEGER NOT NULL,"
	"  text TEXT NOT NULL, source TEXT NOT NULL, sort INTEGER NOT NULL);"
	"CREATE TABLE class(id TEXT PRIMARY KEY, title TEXT NOT NULL, audience TEXT NOT NULL,"
	"  week_from INTEGER NOT NULL, week_to INTEGER NOT NULL, minutes INTEGER NOT NULL,"
	"  sections TEXT NOT NULL, steps TEXT NOT NULL, video TEXT, source TEXT NOT NULL,"
	"  sort INTEGER NOT NULL);"
	"CREATE TABLE class_log("
	"  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  class_id TEXT NOT NULL, day TEXT NOT NULL,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL);"
	"CREATE INDEX class_log_child ON class_log(child_id, class_id);"
	"DELETE FROM meta WHERE key='content_stamp';",
	/* 3: appointments; activity log entries can be corrected or removed, traceably */
	"CREATE TABLE appointment("
	"  id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  day TEXT NOT NULL, time TEXT NOT NULL, minutes INTEGER NOT NULL DEFAULT 30,"
	"  title TEXT NOT NULL, place TEXT, with_whom TEXT,"
	"  version INTEGER NOT NULL DEFAULT 1,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL,"
	"  updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,"
	"  deleted_at TEXT, deleted_by TEXT);"
	"CREATE INDEX appointment_day ON appointment(child_id, day);"
	"ALTER TABLE activity_log ADD COLUMN updated_at TEXT;"
	"ALTER TABLE activity_log ADD COLUMN updated_by TEXT;"
	"ALTER TABLE activity_log ADD COLUMN deleted_at TEXT;"
	"ALTER TABLE activity_log ADD COLUMN deleted_by TEXT;",
};

/* The SQL that brings version n-1 to n, or NULL past the newest. */
const char *schema_step(int n)
{
	if (n < 1 || n > (int)(sizeof steps / sizeof steps[0]))
		return 0;
	return steps[n - 1];
}

/* The newest version the steps reach. */
int schema_latest(void)
{
	return (int)(sizeof steps / sizeof steps[0]);
}
