/* Inside src/core: the SQL that says where each skill of one child (?1)
 * stands, shared by the milestone lists, the WHO windows, progress and the
 * worth-talking-about list, so they can never disagree.
 *
 * A skill is a WHO window together with the CDC item of the same criterion
 * (who_window.same_as), or any other item alone: a record of either counts
 * for both. Only entries in force count (milestone_live). An entry keeps the
 * place of the entry it corrects, so correcting an old entry does not make it
 * the latest. Tables, each for child ?1:
 *   live(id, item, status, day, seq, skill)   every entry in force; day is
 *        the date seen, or the day it was logged when no date was given
 *   latest(...)                               the latest entry of each skill
 *        (SQLite takes the bare columns of a max() group from the row that
 *        holds the max: one pass, not a scan of live per entry)
 *   lost(...)    a latest not-yet after an achieved on an earlier day
 *   retired(id, by)  windows a later achieved skill implies (implied_by) */
#ifndef TODDLE_MS_LIVE_H
#define TODDLE_MS_LIVE_H

/* The skill an item belongs to: its window's id for a CDC item named by same_as. */
#define MS_SKILL_OF(item) "COALESCE((SELECT sw.id FROM who_window sw WHERE sw.same_as = " item "), " item ")"

#define MS_LIVE_CTE \
	"WITH RECURSIVE chain(id, root) AS (" \
	"  SELECT id, id FROM milestone_log WHERE child_id = ?1 AND corrects IS NULL" \
	"  UNION ALL SELECT l.id, c.root FROM milestone_log l JOIN chain c ON l.corrects = c.id)," \
	" live AS (SELECT v.id AS id, v.milestone_id AS item, v.status AS status, v.observed AS observed," \
	"  COALESCE(v.observed, substr(v.created_at, 1, 10)) AS day, c.root AS seq," \
	"  " MS_SKILL_OF("v.milestone_id") " AS skill" \
	"  FROM chain c JOIN milestone_live v ON v.id = c.id)," \
	" latest AS (SELECT id, item, status, observed, day, max(seq) AS seq, skill FROM live GROUP BY skill)," \
	" lost AS (SELECT * FROM latest x WHERE x.status = 'not-yet' AND EXISTS (SELECT 1 FROM live e" \
	"  WHERE e.skill = x.skill AND e.status = 'achieved' AND e.day < x.day))," \
	" retired AS (SELECT w.id AS id, min(a.skill) AS by FROM who_window w JOIN latest a" \
	"  ON a.status = 'achieved' AND instr(' ' || COALESCE(w.implied_by, '') || ' ', ' ' || a.skill || ' ') > 0" \
	"  GROUP BY w.id) "

#endif
