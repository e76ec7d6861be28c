#!/usr/bin/python3
"""How many SQL statements the full-screen view runs: for its first frame, for a Down in
the week view and for ']' (next week), counted by the preload shim tests/sqlcount.

The counts are printed as TAP diagnostics. Moving the cursor or paging runs no statement at all (the
week view is read once, at reload; drawing never reads); the first frame and a step to the
next week stay within today's numbers with a little room. The first frame must also not grow with the
data: one child with nothing logged costs what thirty children with 200 activities each do.
The one-second PRAGMA data_version poll is left out of every count (it depends on time).
"""
import os
import subprocess
import sys
import time
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, CaseFailed, TODDLE  # noqa: E402

SHIM = os.path.join(os.path.dirname(TODDLE), "tests", "sqlcount", "sqlcount.so")

# Today's counts are 16, 0 and 8 (the not-answered line and the plan for the week cost one
# statement each; the list of children is their ids by name, with the names of the menu's
# page only, in one statement, and the child shown is read on its own, at start and on every
# reload, so a clinic's ten thousand children cost a few bytes each).
# Statements kept prepared count each time they run (the shim counts a run after a reset).
# A cursor key reads nothing; the others have a little room.
FIRST_FRAME_MAX = 16
DOWN_MAX = 0
NEXT_WEEK_MAX = 9
WIDE_MORE = 1  # from 120 columns: every checklist text, for the open activity beside the list
CHECKLIST_STEP_MAX = 1  # ] or [ in the milestones: the new checklist's items, nothing else
DOWNS = 8   # past the plan's five rows at the top, so the view scrolls and its text changes


def skip(reason):
    """Skip the whole script. tap-driver.sh reads the plan '1..0 # SKIP' as a skip
    but reports any non-zero exit (77 included) as an error, so the exit is 0."""
    print("1..0 # SKIP %s" % reason)
    sys.stdout.flush()
    sys.exit(0)


def check_setup():
    """Skip when the shim cannot be preloaded into this toddle."""
    if not os.access(SHIM, os.R_OK):
        skip("the shim %s is not built (make check builds it)" % SHIM)
    try:
        ldd = subprocess.run(["ldd", TODDLE], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                             universal_newlines=True)
    except OSError as e:
        skip("cannot run ldd to see how toddle is linked (%s)" % e)
    if "asan" in ldd.stdout:
        skip("toddle is built with AddressSanitizer, which must come first in the preload list")
    if "libsqlite3" not in ldd.stdout:
        skip("toddle does not link libsqlite3 dynamically, so the shim cannot count its statements")


class Counter:
    """The shim's log for one session: statements counted, the data_version poll and the
    read transaction around a load (BEGIN DEFERRED ... COMMIT: one lock for the reads
    that follow, not a read) left out."""

    def __init__(self, scratch):
        self.path = os.path.join(scratch.dir, "sqlcount.log")

    def env(self):
        return {"LD_PRELOAD": SHIM, "SQLCOUNT_FILE": self.path}

    def lines(self):
        try:
            with open(self.path, encoding="utf-8", errors="replace") as f:
                return [x for x in f.read().split("\n")
                        if x and "PRAGMA data_version" not in x and x not in ("E BEGIN DEFERRED", "E COMMIT")]
        except FileNotFoundError:
            return []

    def count(self):
        return len(self.lines())


def quiet(t, counter, still=0.4, limit=5):
    """Wait until neither the screen nor the statement count changed for `still` s."""
    end = time.monotonic() + limit
    last, since = counter.count(), time.monotonic()
    while time.monotonic() < end:
        t.pump(0.05)
        now = counter.count()
        if now != last:
            last, since = now, time.monotonic()
        elif time.monotonic() - since >= still:
            break
    return counter.count()


def first_frame(s, tuis, **size):
    """Start toddle under the shim on s's database; the statements of its first frame."""
    c = Counter(s)
    t = start(s, tuis, extra_env=c.env(), **size)
    t.wait_for("Week 11")
    t.wait_for("Mia")
    return t, c, quiet(t, c)


def add_activities(s, per_child):
    """Log per_child activities for every child straight into the database file."""
    import sqlite3
    con = sqlite3.connect(s.db, timeout=5)
    try:
        acts = [r[0] for r in con.execute("SELECT id FROM activity ORDER BY id")]
        kids = con.execute("SELECT id, born FROM child").fetchall()
        if not acts or not kids:
            raise CaseFailed("setup: no activities or children in the database")
        rows = []
        for kid, born in kids:
            for i in range(per_child):
                day = "2026-%02d-%02d" % (9 + (i % 3) // 2, 11 + i % 18)
                rows.append((str(uuid.uuid4()), kid, acts[i % len(acts)], max(day, born),
                             ("done", "hard", "skipped")[i % 3], 5 + i % 20,
                             "2026-11-20T10:00:00Z", "tester"))
        con.executemany("INSERT INTO activity_log(uuid, child_id, activity_id, day, result, minutes,"
                        " created_at, created_by) VALUES(?,?,?,?,?,?,?,?)", rows)
        con.commit()
    finally:
        con.close()


def case_steps(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t, c, first = first_frame(s, tuis)
    top = t.screen_text()
    downs = []
    for _ in range(DOWNS):
        before = c.count()
        t.send("down")
        downs.append(quiet(t, c) - before)
    t.expect(t.screen_text() != top, "%d Downs did not move the week view: the counts are not of it"
             % DOWNS)
    before = c.count()
    t.send("]")
    t.wait_for("Week 12")
    nxt = quiet(t, c) - before
    tuitest_tap.diag("first frame: %d statements; Down: %s; next week: %d"
                     % (first, ", ".join(str(d) for d in downs), nxt))
    t.expect(first <= FIRST_FRAME_MAX, "the first frame ran %d statements (at most %d expected)"
             % (first, FIRST_FRAME_MAX), c.lines()[:first])
    t.expect(max(downs) <= DOWN_MAX, "a Down in the week view ran %d statements (at most %d expected)"
             % (max(downs), DOWN_MAX))
    t.expect(nxt <= NEXT_WEEK_MAX, "']' (next week) ran %d statements (at most %d expected)"
             % (nxt, NEXT_WEEK_MAX), c.lines()[-nxt:] if nxt else [])


def case_data_size(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t, c, small = first_frame(s, tuis)
    small_lines = c.lines()
    t.send("q")
    t.wait_exit()
    os.remove(c.path)
    for i in range(29):
        s.add_child("Pat %02d" % i, "2025-%02d-15" % (1 + i % 12))
    add_activities(s, 200)
    t, c, big = first_frame(s, tuis)
    tuitest_tap.diag("first frame with 1 child: %d statements; with 30 children and 200 activities "
                     "each: %d" % (small, big))
    t.expect(big == small, "the first frame ran %d statements with 30 children and 6000 activities "
             "but %d with one child" % (big, small),
             ["one child: " + x for x in small_lines] + ["thirty: " + x for x in c.lines()])


def case_paging_and_search(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t, c, _ = first_frame(s, tuis)
    moves = []
    for key in ("pgdn", " ", "end", "G", "pgup", "home", "g"):
        before = c.count()
        t.send(key)
        moves.append(quiet(t, c) - before)
    before = c.count()
    t.type("/")
    t.wait_for("Type to search every activity")
    opened = quiet(t, c) - before
    before = c.count()
    t.type("tummy")
    t.wait_for("Activities of every age matching")
    t.send("enter")
    t.type("n")
    t.type("N")
    typed = quiet(t, c) - before
    tuitest_tap.diag("PgDn Space End G PgUp Home g: %s; / in the week: %d; typing, Enter, n, N: %d"
                     % (", ".join(str(m) for m in moves), opened, typed))
    t.expect(max(moves) == 0, "paging keys ran statements: %r" % moves)
    t.expect(opened <= 1, "/ in the week view ran %d statements (at most 1: every activity, once)" % opened,
             c.lines()[-opened:] if opened else [])
    t.expect(typed == 0, "typing the search and n/N ran %d statements" % typed, c.lines()[-typed:] if typed else [])


def case_wide(s, tuis):
    """At 140 columns the open activity shows beside the list: the texts of what activities
    build toward are read with the week (one statement more), so Down still reads nothing."""
    s.add_child("Mia", "2026-09-10")
    t, c, first = first_frame(s, tuis, cols=140, rows=40)
    t.wait_for(" Activity ")
    downs = []
    for _ in range(DOWNS):
        before = c.count()
        t.send("down")
        downs.append(quiet(t, c) - before)
    t.expect("Steps" in t.screen_text(), "at 140 columns no activity's steps show beside the list")
    before = c.count()
    t.send("]")
    t.wait_for("Week 12")
    nxt = quiet(t, c) - before
    tuitest_tap.diag("at 140x40: first frame: %d statements; Down: %s; next week: %d"
                     % (first, ", ".join(str(d) for d in downs), nxt))
    t.expect(first <= FIRST_FRAME_MAX + WIDE_MORE, "at 140 columns the first frame ran %d statements "
             "(at most %d expected)" % (first, FIRST_FRAME_MAX + WIDE_MORE), c.lines()[:first])
    t.expect(max(downs) == 0, "a Down beside the open activity ran %d statements" % max(downs))
    t.expect(nxt <= NEXT_WEEK_MAX + WIDE_MORE, "']' at 140 columns ran %d statements (at most %d expected)"
             % (nxt, NEXT_WEEK_MAX + WIDE_MORE), c.lines()[-nxt:] if nxt else [])


def case_checklist_step(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t, c, _ = first_frame(s, tuis)
    t.send("2")
    t.wait_for("By 2 months")
    quiet(t, c)
    steps = []
    for key, want in (("]", "By 4 months"), ("]", "By 6 months"), ("[", "By 4 months")):
        before = c.count()
        t.send(key)
        t.wait_for(want)
        steps.append(quiet(t, c) - before)
    tuitest_tap.diag("a step between checklist ages: %s statements" % ", ".join(str(n) for n in steps))
    t.expect(max(steps) <= CHECKLIST_STEP_MAX, "a step between checklist ages ran %d statements (at most %d "
             "expected: only the new checklist's items; the concerns, windows and progress do not change)"
             % (max(steps), CHECKLIST_STEP_MAX), c.lines()[-max(steps):])


# A, the first time on a day: the spine (every child's name, age and stored flag count), the
# flags of every 50 children whose count is not stored yet, the save of those counts
# (SAVEPOINT, one INSERT for every 50 children, RELEASE), and the first page's other columns
# (team, next visit, idle days, the week: one statement for up to 64 rows): 6 up to 50 children
CASELOAD_ALL_MAX = 6
CASELOAD_AGAIN_MAX = 2  # A again: every count is stored: the spine, then the page on screen
SORTS = ("age", "worth talking", "days since practice", "next visit", "name")


def add_caseload_records(s, n):
    """For the first n children: a home program, a not-yet and a lost skill, an appointment
    ahead, a removed one and an assignment, straight into the database file."""
    import sqlite3
    con = sqlite3.connect(s.db, timeout=5)
    try:
        kids = [r[0] for r in con.execute("SELECT id FROM child ORDER BY id LIMIT ?", (n,))]
        act = con.execute("SELECT id FROM activity WHERE alias_of IS NULL ORDER BY id LIMIT 1").fetchone()[0]
        at = "2026-11-20T10:00:00Z"
        for i, kid in enumerate(kids):
            u = lambda: str(uuid.uuid4())  # noqa: E731
            con.execute("INSERT INTO program(uuid, child_id, activity_id, times, per, start, created_at,"
                        " created_by) VALUES(?,?,?,?,?,?,?,?)",
                        (u(), kid, act, 1 + i % 3, ("day", "week")[i % 2], "2026-11-02", at, "tester"))
            for item, status, day in (("cdc-2m-se-calms", "not-yet", "2026-11-01"),
                                      ("who-sitting", "achieved", "2026-10-01"),
                                      ("cdc-9m-mp-sits-alone", "not-yet", "2026-11-10")):
                con.execute("INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed,"
                            " created_at, created_by) VALUES(?,?,?,?,?,?,?)",
                            (u(), kid, item, status, day, at, "tester"))
            for day, gone in (("2026-12-%02d" % (1 + i % 20), None), ("2026-11-30", at)):
                con.execute("INSERT INTO appointment(uuid, child_id, day, time, title, created_at, created_by,"
                            " updated_at, updated_by, deleted_at) VALUES(?,?,?,?,?,?,?,?,?,?)",
                            (u(), kid, day, "%02d:00" % (8 + i % 9), "Visit", at, "tester", at, "tester", gone))
            con.execute("INSERT INTO assignment(uuid, child_id, therapist, discipline, created_at, created_by)"
                        " VALUES(?,?,?,?,?,?)", (u(), kid, "zz-t%d" % (i % 4), "pt", at, "tester"))
        con.commit()
    finally:
        con.close()


def caseload_counts(s, tuis, children):
    """Open the caseload of every child (A) in a clinic of these children, then each sort
    (s): the statements each ran, and the log lines of A."""
    env = s.make_clinic("boss", children)
    if len(children) > 3:
        add_activities(s, 100)
    add_caseload_records(s, len(children))
    c = Counter(s)
    env.update(c.env())
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")
    quiet(t, c)
    before = c.count()
    t.type("A")
    t.wait_for("Every child, by name")
    opened = quiet(t, c) - before
    lines = c.lines()[before:]
    sorts = []
    for name in SORTS:
        before = c.count()
        t.type("s")
        t.wait_for("Every child, by %s" % name)
        sorts.append(quiet(t, c) - before)
    t.type("A")
    t.wait_for("Children assigned to you")
    quiet(t, c)
    before = c.count()
    t.type("A")
    t.wait_for("Every child, by name")
    again = quiet(t, c) - before
    again_lines = c.lines()[before:]
    t.send("q")
    t.wait_exit()
    return opened, sorts, lines, again, again_lines


def case_caseload(s, tuis):
    small, small_sorts, small_lines, small_again, small_again_lines = caseload_counts(s, tuis, [("Mia", "2026-09-10"), ("Leo", "2026-05-01"),
                                                                ("Ada", "2025-11-20")])
    s2 = tuitest.Scratch()  # a second clinic, in its own folder
    try:
        big, big_sorts, big_lines, big_again, big_again_lines = caseload_counts(s2, tuis, [("Kid %02d" % i, "2025-%02d-%02d" % (1 + i % 12, 1 + i % 27))
                                                               for i in range(30)])
    finally:
        s2.cleanup()
    tuitest_tap.diag("every child's caseload (A): %d statements for 3 children, %d for 30 with 100 activities "
                     "each; the sorts: %s and %s; A again (counts stored): %d and %d"
                     % (small, big, small_sorts, big_sorts, small_again, big_again))
    t_lines = ["3 children: " + x for x in small_lines] + ["30 children: " + x for x in big_lines]
    if big != small or big > CASELOAD_ALL_MAX:
        raise CaseFailed("A ran %d statements for 30 children and %d for 3 (the same, at most %d, expected)"
                         % (big, small, CASELOAD_ALL_MAX), t_lines)
    if max(small_again, big_again) > CASELOAD_AGAIN_MAX:
        raise CaseFailed("A again, with every flag count stored, ran %d statements for 3 children and %d for 30"
                         " (at most %d expected)" % (small_again, big_again, CASELOAD_AGAIN_MAX),
                         ["3 children: " + x for x in small_again_lines] + ["30 children: " + x for x in big_again_lines])
    if max(small_sorts + big_sorts) != 0:
        raise CaseFailed("a new sort order read the database: %s, %s statements" % (small_sorts, big_sorts))


CASES = [
    ("statements for the first frame, a Down and the next week stay within today's bounds", case_steps),
    ("paging reads nothing; a search of every activity reads once when it starts, then nothing",
     case_paging_and_search),
    ("the first frame runs as many statements for 30 children with 200 activities each as for one",
     case_data_size),
    ("at 140 columns the open activity beside the list costs one statement per load, a Down none",
     case_wide),
    ("a step between checklist ages in the milestones reads only the new checklist", case_checklist_step),
    ("every child's caseload runs as many statements for 30 children as for 3, two (spine, page) when the counts are stored; a sort runs none",
     case_caseload),
]

tuitest_tap = None


def main():
    global tuitest_tap
    check_setup()
    tuitest_tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tuitest_tap, desc, func, timeout_hint=30)
    tuitest_tap.done()


if __name__ == "__main__":
    main()
