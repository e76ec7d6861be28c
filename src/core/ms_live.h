/* Inside src/core: the SQL that says where each skill of one child (?1)
 * stands, shared by the milestone lists, the WHO windows, progress and the
 * worth-talking-about list, so they can never disagree.
 *
 * A skill is a WHO window together with the CDC item of the same criterion
 * (who_window.same_as), or any other item alone: a record of either counts
 * for both. Only entries in force count (milestone_live). An entry keeps the
 * place of the entry it corrects, so correcting an old entry does not make it
 * the latest. Tables, each for child ?1 (MS_LIVE_CTE) or each child of a
 * set (MS_LIVE_SET_CTE, every row naming its child: kid):
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

/* The same tables for every child of a set at once, each row carrying its
 * child (kid): kids is a SELECT of child ids (MS_LIVE_ONE: child ?1). A set
 * is read in one pass; for one child the index on milestone_log(child_id)
 * keeps it to that child's entries. A child's `lost` needs an achieved entry
 * of the skill on an earlier day: the first achieved day (first_done) is
 * earlier. */
#define MS_LIVE_SET_CTE(kids) \
	"WITH RECURSIVE kids(kid) AS (" kids ")," \
	" chain(id, root, kid) AS (" \
	"  SELECT l.id, l.id, l.child_id FROM kids k JOIN milestone_log l ON l.child_id = k.kid WHERE l.corrects IS NULL" \
	"  UNION ALL SELECT l.id, c.root, c.kid FROM milestone_log l JOIN chain c ON l.corrects = c.id)," \
	" live AS (SELECT v.id AS id, c.kid AS kid, v.milestone_id AS item, v.status AS status, v.observed AS observed," \
	"  COALESCE(v.observed, substr(v.created_at, 1, 10)) AS day, c.root AS seq," \
	"  " MS_SKILL_OF("v.milestone_id") " AS skill" \
	"  FROM chain c JOIN milestone_live v ON v.id = c.id)," \
	" latest AS (SELECT id, kid, item, status, observed, day, max(seq) AS seq, skill FROM live GROUP BY kid, skill)," \
	" first_done AS (SELECT kid, skill, min(day) AS day FROM live WHERE status = 'achieved' GROUP BY kid, skill)," \
	" lost AS (SELECT x.* FROM latest x JOIN first_done f ON f.kid = x.kid AND f.skill = x.skill" \
	"  WHERE x.status = 'not-yet' AND f.day < x.day)," \
	" retired AS (SELECT a.kid AS kid, w.id AS id, min(a.skill) AS by FROM who_window w JOIN latest a" \
	"  ON a.status = 'achieved' AND instr(' ' || COALESCE(w.implied_by, '') || ' ', ' ' || a.skill || ' ') > 0" \
	"  GROUP BY a.kid, w.id) "

/* Child ?1 alone. */
#define MS_LIVE_ONE "SELECT id FROM child WHERE id = ?1"

#define MS_LIVE_CTE MS_LIVE_SET_CTE(MS_LIVE_ONE)

#endif
