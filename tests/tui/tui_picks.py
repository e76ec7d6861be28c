#!/usr/bin/python3
"""The plan for the week in the full-screen view: the picks come first, above the
note and the whole list, and are the ones `toddle week --picks` prints; an activity
done with 'd' in its detail is marked 'done today' there and in the list, and the
plan stays the same; without a UTF-8 locale the marks read the same ('done Wed')."""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, CaseFailed  # noqa: E402


def cli_picks(s, today=tuitest.TODAY):
    """The plan as the CLI prints it: a list of (id, domain, minutes, title, done)."""
    r = s.cli("week", "--picks", today=today)
    if r.returncode != 0:
        raise CaseFailed("setup: 'week --picks' failed", ["exit %d" % r.returncode, r.stderr])
    return [tuple(line.split("\t")) for line in r.stdout.splitlines()]


def row_of(t, text):
    """The first screen row holding text, or -1."""
    for y, row in enumerate(t.screen_text().split("\n")):
        if text in row:
            return y
    return -1


def cell_text(t, y):
    """Row y of the main pane without its frame (the menu box is 22 columns wide)."""
    row = t.screen.display[y]
    return row[23:len(row) - 1].strip()


def pane_lines(t):
    """The main pane's text, its wrapped lines joined: one string, single spaces."""
    return " ".join(" ".join(cell_text(t, y) for y in range(2, t.rows - 2)).split())


def case_picks_first_then_done(s, tuis):
    s.add_child("Mia", "2026-09-10")
    plan = cli_picks(s)
    t = start(s, tuis)
    t.wait_all(["Picked for Mia this week (%d)" % len(plan), "Typical now"] + [p[3] for p in plan],
               what="the plan above the note")
    head = row_of(t, "Picked for Mia this week")
    rows = [row_of(t, p[3]) for p in plan]
    t.expect(rows == sorted(rows) and head < rows[0] and rows[-1] < row_of(t, "Typical now"),
             "the plan is not first, in the CLI's order, above the note",
             ["heading row %d, pick rows %r, note row %d" % (head, rows, row_of(t, "Typical now"))])
    whole = row_of(t, "activities for this age")
    t.expect(whole < 0 or whole > rows[-1], "the whole list's heading (row %d) is above the plan" % whole)
    t.send("enter")                       # Enter takes the first pick
    t.wait_all(["Why it helps", plan[0][3]], what="the first pick's details")
    t.type("d")
    t.wait_for("Logged as done today: %s" % plan[0][3])
    t.wait_for("Done today")              # the detail says so
    logged = s.query("SELECT activity_id, day, result FROM activity_log")
    t.expect(logged == [(plan[0][0], tuitest.TODAY, "done")], "activity_log: %r" % (logged,))
    t.send("esc")
    t.wait_gone("Why it helps")
    t.wait_for(lambda scr: "done" in scr and "Why it helps" not in scr, desc="a done mark in the week list")
    y = row_of(t, plan[0][3])
    near = " ".join(" ".join(cell_text(t, r) for r in (y, y + 1)).split())  # it may wrap
    t.expect(y >= 0 and near.startswith(plan[0][3] + " (") and "; done today)" in near,
             "the pick's line has no 'done today' mark", [near])
    after = cli_picks(s)
    t.expect([p[0] for p in after] == [p[0] for p in plan] and after[0][4] == tuitest.TODAY,
             "the plan changed after logging a pick today, or DONE is not today",
             ["before: %r" % plan, "after: %r" % after])
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit cleanly")


def case_ascii_mark(s, tuis):
    s.add_child("Mia", "2026-09-10")
    plan = cli_picks(s)
    r = s.cli("activity", "log", plan[1][0], "--date", "2026-11-25")
    if r.returncode != 0:
        raise CaseFailed("setup: activity log failed", [r.stderr])
    t = start(s, tuis, extra_env={"LANG": "C", "LC_ALL": "C"})
    t.wait_for("Picked for Mia this week")
    t.expect(plan[1][3] not in "\n".join(t.screen_text().split("\n")[:row_of(t, "Typical now")]),
             "a pick done yesterday is still in today's plan")
    want = re.compile(re.escape(plan[1][3]) + r" \([a-z-]+, \d+ min; done Wed\)")
    for _ in range(40):                   # page down to the whole list's line for it
        if want.search(pane_lines(t)):
            break
        t.send("pgdn")
        t.settle()
    t.expect(want.search(pane_lines(t)), "no line '%s (..., N min; done Wed)' in the whole list"
             % plan[1][3])


CASES = [
    ("the plan comes first; 'd' in a pick's detail marks it done today and the plan stays",
     case_picks_first_then_done),
    ("without a UTF-8 locale a pick done yesterday leaves the plan and reads 'done Wed'", case_ascii_mark),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
