/* The schema, one migration step per version. */
#include "toddle/schema.h"

/* Step n brings a database from version n-1 to version n. A long step is cut
 * into parts run one after the other in the same transaction, so that no string
 * is longer than the 4095 characters every C compiler must take. */
static const char *const steps[][SCHEMA_PARTS] = {
	/* 1: children, the library, and the two logs */
	{
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
	},
	/* 2: the rest of the library (WHO windows, guidance, classes) and class log */
	{
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
	},
	/* 3: appointments; activity log entries can be corrected or removed, traceably */
	{
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
	},
	/* 4: clinic work (caseloads, SOAP notes, goals, home programs), drafts, and an
	 * audit trail filled by triggers so that no write can skip it */
	{
	"CREATE TABLE assignment(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  therapist TEXT NOT NULL, discipline TEXT NOT NULL CHECK(discipline IN ('pt','ot','speech')),"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL, ended_at TEXT, ended_by TEXT);"
	"CREATE INDEX assignment_child ON assignment(child_id, ended_at);"
	"CREATE INDEX assignment_therapist ON assignment(therapist, ended_at);"
	"CREATE TABLE session_note(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  note_uuid TEXT NOT NULL, version INTEGER NOT NULL,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  day TEXT NOT NULL, minutes INTEGER NOT NULL, discipline TEXT,"
	"  subjective TEXT NOT NULL, objective TEXT NOT NULL, assessment TEXT NOT NULL, plan TEXT NOT NULL,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL, UNIQUE(note_uuid, version));"
	"CREATE INDEX session_note_child ON session_note(child_id, day);"
	"CREATE TABLE goal(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  text TEXT NOT NULL, target TEXT, status TEXT NOT NULL DEFAULT 'open'"
	"  CHECK(status IN ('open','met','partly-met','not-met','dropped')), version INTEGER NOT NULL DEFAULT 1,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL);"
	"CREATE TABLE program(id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  activity_id TEXT NOT NULL, times INTEGER NOT NULL CHECK(times BETWEEN 1 AND 20),"
	"  per TEXT NOT NULL CHECK(per IN ('day','week')), start TEXT NOT NULL, stop TEXT,"
	"  created_at TEXT NOT NULL, created_by TEXT NOT NULL, ended_at TEXT, ended_by TEXT);"
	"CREATE INDEX program_child ON program(child_id, start);"
	"CREATE TABLE draft(who TEXT NOT NULL, form TEXT NOT NULL, body TEXT NOT NULL,"
	"  saved_at TEXT NOT NULL, PRIMARY KEY(who, form));"
	"CREATE TABLE audit(id INTEGER PRIMARY KEY, at TEXT NOT NULL, who TEXT NOT NULL,"
	"  child_id INTEGER, action TEXT NOT NULL, detail TEXT NOT NULL);"
	"CREATE INDEX audit_child ON audit(child_id, at);",
	/* the audit trail of every change toddle makes */
	"CREATE TRIGGER audit_child_add AFTER INSERT ON child BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.id, 'child added', NEW.name || ', born ' || NEW.born); END;"
	"CREATE TRIGGER audit_child_edit AFTER UPDATE ON child BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(COALESCE(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(NEW.updated_by, '?'), NEW.id, 'child edited', OLD.name || ' -> ' || NEW.name"
	"  || ', born ' || NEW.born || COALESCE(', due ' || NEW.due, '')); END;"
	"CREATE TRIGGER audit_milestone AFTER INSERT ON milestone_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'milestone logged', NEW.milestone_id || ': ' || NEW.status"
	"  || COALESCE(' on ' || NEW.observed, '')); END;"
	"CREATE TRIGGER audit_activity AFTER INSERT ON activity_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'activity logged', NEW.activity_id || ': ' || NEW.result"
	"  || ' on ' || NEW.day); END;"
	"CREATE TRIGGER audit_activity_edit AFTER UPDATE ON activity_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(COALESCE(NEW.deleted_at, NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(NEW.deleted_by, NEW.updated_by, '?'), NEW.child_id,"
	"  CASE WHEN NEW.deleted_at IS NOT NULL THEN 'activity removed' ELSE 'activity corrected' END,"
	"  NEW.activity_id || ' on ' || NEW.day || ': ' || NEW.result); END;"
	"CREATE TRIGGER audit_appointment AFTER INSERT ON appointment BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'appointment added', NEW.day || ' ' || NEW.time || ' ' || NEW.title); END;"
	"CREATE TRIGGER audit_appointment_edit AFTER UPDATE ON appointment BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(COALESCE(NEW.deleted_at, NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(NEW.deleted_by, NEW.updated_by, '?'), NEW.child_id,"
	"  CASE WHEN NEW.deleted_at IS NOT NULL THEN 'appointment removed' ELSE 'appointment changed' END,"
	"  NEW.day || ' ' || NEW.time || ' ' || NEW.title); END;",
	"CREATE TRIGGER audit_class AFTER INSERT ON class_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'class watched', NEW.class_id); END;"
	"CREATE TRIGGER audit_assign AFTER INSERT ON assignment BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'assigned', NEW.therapist || ' (' || NEW.discipline || ')'); END;"
	"CREATE TRIGGER audit_unassign AFTER UPDATE OF ended_at ON assignment WHEN NEW.ended_at IS NOT NULL BEGIN"
	"  INSERT INTO audit(at, who, child_id, action, detail) VALUES(NEW.ended_at, COALESCE(NEW.ended_by, '?'), NEW.child_id,"
	"  'assignment ended', NEW.therapist || ' (' || NEW.discipline || ')'); END;"
	"CREATE TRIGGER audit_note AFTER INSERT ON session_note BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, CASE WHEN NEW.version = 1 THEN 'note written'"
	"  ELSE 'note corrected' END, 'session of ' || NEW.day || ', version ' || NEW.version); END;"
	"CREATE TRIGGER audit_goal AFTER INSERT ON goal BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'goal added', NEW.text); END;"
	"CREATE TRIGGER audit_goal_edit AFTER UPDATE ON goal BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(COALESCE(NEW.updated_at, strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), COALESCE(NEW.updated_by, '?'), NEW.child_id, 'goal ' || NEW.status, NEW.text); END;"
	"CREATE TRIGGER audit_program AFTER INSERT ON program BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, 'program added', NEW.activity_id || ' ' || NEW.times"
	"  || ' a ' || NEW.per || ' from ' || NEW.start); END;"
	"CREATE TRIGGER audit_program_end AFTER UPDATE OF ended_at ON program WHEN NEW.ended_at IS NOT NULL BEGIN"
	"  INSERT INTO audit(at, who, child_id, action, detail) VALUES(NEW.ended_at, COALESCE(NEW.ended_by, '?'), NEW.child_id,"
	"  'program ended', NEW.activity_id || ' on ' || NEW.stop); END;",
	/* rows toddle only adds: a change or removal made with another tool is recorded too
	 * (removals that come from deleting a whole child are recorded once, by child_delete) */
	"CREATE TRIGGER audit_session_note_changed AFTER UPDATE ON session_note BEGIN INSERT INTO audit(at, who, child_id,"
	"  action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id, 'session note changed outside toddle', 'note of ' || OLD.day || ', version ' || OLD.version); END;"
	"CREATE TRIGGER audit_milestone_log_changed AFTER UPDATE ON milestone_log BEGIN INSERT INTO audit(at, who, child_id,"
	"  action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id, 'milestone log changed outside toddle', OLD.milestone_id || ': ' || OLD.status); END;"
	"CREATE TRIGGER audit_class_log_changed AFTER UPDATE ON class_log BEGIN INSERT INTO audit(at, who, child_id,"
	"  action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id, 'class log changed outside toddle', OLD.class_id); END;"
	"CREATE TRIGGER audit_session_note_deleted AFTER DELETE ON session_note WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'session note removed outside toddle', 'note of ' || OLD.day || ', version ' || OLD.version); END;"
	"CREATE TRIGGER audit_milestone_log_deleted AFTER DELETE ON milestone_log WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'milestone log removed outside toddle', OLD.milestone_id || ': ' || OLD.status); END;"
	"CREATE TRIGGER audit_activity_log_deleted AFTER DELETE ON activity_log WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'activity log removed outside toddle', OLD.activity_id || ' on ' || OLD.day); END;"
	"CREATE TRIGGER audit_appointment_deleted AFTER DELETE ON appointment WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'appointment removed outside toddle', OLD.day || ' ' || OLD.title); END;"
	"CREATE TRIGGER audit_goal_deleted AFTER DELETE ON goal WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'goal removed outside toddle', OLD.text); END;"
	"CREATE TRIGGER audit_program_deleted AFTER DELETE ON program WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'program removed outside toddle', OLD.activity_id); END;"
	"CREATE TRIGGER audit_assignment_deleted AFTER DELETE ON assignment WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'assignment removed outside toddle', OLD.therapist || ' (' || OLD.discipline || ')'); END;",
	},
	/* 5: today's appointments for everyone, at start-up, without reading them all */
	{
	"CREATE INDEX appointment_by_day ON appointment(day, time);",
	},
	/* 6: every correctable record carries a version, so a stale save is refused;
	 * drafts belong to a child (and go with them); the audit trail is append-only */
	{
	"ALTER TABLE activity_log ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE program ADD COLUMN version INTEGER NOT NULL DEFAULT 1;"
	"ALTER TABLE draft ADD COLUMN child_id INTEGER REFERENCES child(id) ON DELETE CASCADE;"
	"CREATE TRIGGER audit_append_only_update BEFORE UPDATE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;"
	"CREATE TRIGGER audit_append_only_delete BEFORE DELETE ON audit"
	"  BEGIN SELECT RAISE(ABORT, 'the audit trail is append-only'); END;",
	},
	/* 7: a milestone entry can be corrected or removed by adding a row that names it
	 * (corrects); the old row stays, so the history shows what was changed, by whom
	 * and when. One correction per entry: a second one started from the same entry
	 * is stale and refused by the index. milestone_live holds the entries in force. */
	{
	"ALTER TABLE milestone_log ADD COLUMN corrects INTEGER REFERENCES milestone_log(id);"
	"ALTER TABLE milestone_log ADD COLUMN removed INTEGER NOT NULL DEFAULT 0 CHECK(removed IN (0, 1));"
	"CREATE UNIQUE INDEX milestone_log_corrects ON milestone_log(corrects) WHERE corrects IS NOT NULL;"
	"DROP TRIGGER audit_milestone;"
	"CREATE TRIGGER audit_milestone AFTER INSERT ON milestone_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, CASE WHEN NEW.removed THEN 'milestone removed'"
	"  WHEN NEW.corrects IS NOT NULL THEN 'milestone corrected' ELSE 'milestone logged' END,"
	"  NEW.milestone_id || ': ' || NEW.status || COALESCE(' on ' || NEW.observed, '')"
	"  || COALESCE(' (entry ' || NEW.corrects || ')', '')); END;"
	"CREATE VIEW milestone_live AS SELECT * FROM milestone_log l WHERE l.removed = 0"
	"  AND NOT EXISTS (SELECT 1 FROM milestone_log x WHERE x.corrects = l.id);",
	},
	/* 8: a WHO window names the CDC item with the same criterion (same_as, and
	 * why: same_reason) and the later skills that imply it (implied_by, space
	 * separated window ids); the library reloads to fill them */
	{
	"ALTER TABLE who_window ADD COLUMN same_as TEXT;"
	"ALTER TABLE who_window ADD COLUMN same_reason TEXT;"
	"ALTER TABLE who_window ADD COLUMN implied_by TEXT;"
	"CREATE INDEX who_window_same ON who_window(same_as);"
	"DELETE FROM meta WHERE key='content_stamp';",
	},
	/* 9: "watched" can be taken back by adding a row that says so (unwatched),
	 * with who and when; the earlier rows stay. A class counts as watched when
	 * a watch row comes after the child's last unwatch row of it. */
	{
	"ALTER TABLE class_log ADD COLUMN unwatched INTEGER NOT NULL DEFAULT 0 CHECK(unwatched IN (0, 1));"
	"DROP TRIGGER audit_class;"
	"CREATE TRIGGER audit_class AFTER INSERT ON class_log BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.created_at, NEW.created_by, NEW.child_id, CASE WHEN NEW.unwatched THEN 'class marked not watched'"
	"  ELSE 'class watched' END, NEW.class_id); END;",
	},
	/* 10: a record brought in from another toddle (toddle import) never
	 * overwrites: when a newer version of a row replaces the one here, the
	 * replaced values are kept (kind 'replaced'); when both sides changed the
	 * same version, the other side's values are kept beside ours ('conflict').
	 * Kept versions are append-only and every one is in the audit trail. */
	{
	"CREATE TABLE row_version(id INTEGER PRIMARY KEY,"
	"  child_id INTEGER NOT NULL REFERENCES child(id) ON DELETE CASCADE,"
	"  tbl TEXT NOT NULL, uuid TEXT NOT NULL, version INTEGER NOT NULL,"
	"  kind TEXT NOT NULL CHECK(kind IN ('replaced','conflict')), body TEXT NOT NULL,"
	"  source TEXT NOT NULL, at TEXT NOT NULL, who TEXT NOT NULL);"
	"CREATE INDEX row_version_row ON row_version(tbl, uuid, version);"
	"CREATE TRIGGER audit_row_version AFTER INSERT ON row_version BEGIN INSERT INTO audit(at, who, child_id, action, detail)"
	"  VALUES(NEW.at, NEW.who, NEW.child_id, CASE NEW.kind WHEN 'replaced' THEN 'replaced version kept'"
	"  ELSE 'conflicting version kept' END, NEW.tbl || ' ' || NEW.uuid || ', version ' || NEW.version"
	"  || ', from ' || NEW.source); END;"
	"CREATE TRIGGER row_version_append_only BEFORE UPDATE ON row_version"
	"  BEGIN SELECT RAISE(ABORT, 'kept versions are append-only'); END;"
	"CREATE TRIGGER audit_row_version_deleted AFTER DELETE ON row_version WHEN EXISTS (SELECT 1 FROM child WHERE id = OLD.child_id)"
	"  BEGIN INSERT INTO audit(at, who, child_id, action, detail) VALUES(strftime('%Y-%m-%dT%H:%M:%SZ', 'now'), 'outside toddle', OLD.child_id,"
	"  'kept version removed outside toddle', OLD.tbl || ' ' || OLD.uuid || ', version ' || OLD.version); END;",
	},
	/* 11: an activity names its sources, the activities it leads to and
	 * follows (next, before: space separated ids), and an id merged into
	 * another lives on as a row naming it (alias_of), so earlier logs and
	 * home programs keep their title; the library reloads to fill them */
	{
	"ALTER TABLE activity ADD COLUMN source TEXT;"
	"ALTER TABLE activity ADD COLUMN next TEXT;"
	"ALTER TABLE activity ADD COLUMN before TEXT;"
	"ALTER TABLE activity ADD COLUMN alias_of TEXT;"
	"DELETE FROM meta WHERE key='content_stamp';",
	},
	/* 12: the caseload of every child in a few statements: the last day each
	 * activity of a child was logged, and a child's next appointment, each one
	 * step of an index (removed rows left out) */
	{ "CREATE INDEX activity_log_live ON activity_log(child_id, activity_id, day) WHERE deleted_at IS NULL;"
	  "CREATE INDEX appointment_next ON appointment(child_id, day, time) WHERE deleted_at IS NULL;", },
	/* 13: each child's number of flags (the caseload's column), stored with
	 * the days it holds for (since <= day < until) and the correct_until
	 * setting it was counted with. Flags change only with the child's
	 * milestone entries, birth and due dates, the day the child was added and
	 * the library's milestones and windows: a trigger drops the stored count
	 * on any of those writes, whoever writes, and the next caseload counts it
	 * again. */
	{
	"CREATE TABLE flag_count(child_id INTEGER PRIMARY KEY REFERENCES child(id) ON DELETE CASCADE,"
	"  flags INTEGER NOT NULL, since TEXT NOT NULL, until TEXT NOT NULL, correct_until INTEGER NOT NULL);"
	"CREATE TRIGGER flag_count_logged AFTER INSERT ON milestone_log"
	"  BEGIN DELETE FROM flag_count WHERE child_id = NEW.child_id; END;"
	"CREATE TRIGGER flag_count_log_changed AFTER UPDATE ON milestone_log"
	"  BEGIN DELETE FROM flag_count WHERE child_id IN (OLD.child_id, NEW.child_id); END;"
	"CREATE TRIGGER flag_count_log_removed AFTER DELETE ON milestone_log"
	"  BEGIN DELETE FROM flag_count WHERE child_id = OLD.child_id; END;"
	"CREATE TRIGGER flag_count_child AFTER UPDATE OF born, due, created_at ON child"
	"  BEGIN DELETE FROM flag_count WHERE child_id IN (OLD.id, NEW.id); END;",
	"CREATE TRIGGER flag_count_milestone_new AFTER INSERT ON milestone BEGIN DELETE FROM flag_count; END;"
	"CREATE TRIGGER flag_count_milestone_changed AFTER UPDATE ON milestone BEGIN DELETE FROM flag_count; END;"
	"CREATE TRIGGER flag_count_milestone_gone AFTER DELETE ON milestone BEGIN DELETE FROM flag_count; END;"
	"CREATE TRIGGER flag_count_window_new AFTER INSERT ON who_window BEGIN DELETE FROM flag_count; END;"
	"CREATE TRIGGER flag_count_window_changed AFTER UPDATE ON who_window BEGIN DELETE FROM flag_count; END;"
	"CREATE TRIGGER flag_count_window_gone AFTER DELETE ON who_window BEGIN DELETE FROM flag_count; END;",
	},
};

/* Part `part` (from 0) of the SQL that brings version n-1 to n, or NULL past
 * its last part or past the newest version. */
const char *schema_step(int n, int part)
{
	if (n < 1 || n > (int)(sizeof steps / sizeof steps[0]) || part < 0 || part >= SCHEMA_PARTS)
		return 0;
	return steps[n - 1][part];
}

/* The newest version the steps reach. */
int schema_latest(void)
{
	return (int)(sizeof steps / sizeof steps[0]);
}
