#!/usr/bin/python3
"""The milestone view's rows beyond the checklist: a WHO window is selected on the
chart and logged with the milestone form; an entry of an item's history is
corrected (C, choosing a status) and removed (x twice), and the history keeps both."""
import os
import sqlite3
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402


def added_today(s):
    """Say the children were added on the pinned day, so no window closed while in toddle."""
    con = sqlite3.connect(s.db, timeout=5)
    try:
        con.execute("UPDATE child SET created_at = '2026-11-26T09:00:00Z'")
        con.commit()
    finally:
        con.close()


def case_log_window(s, tuis):
    s.add_child("Leo", "2026-01-15")   # 10 months on 2026-11-26: the 9-month checklist
    added_today(s)
    n9 = s.query("SELECT count(*) FROM milestone WHERE age_months = 9")[0][0]
    t = start(s, tuis)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    # the first Down selects item 0; then the 9-month items, sitting, standing held, crawling
    for _ in range(1 + n9 + 2):
        t.send("down")
    t.wait_for("Crawls on hands and knees: not recorded")
    t.send("enter")
    t.wait_for("Log a milestone")
    t.wait_for("Crawls on hands and knees")
    t.send("enter", "enter", "\x13")   # status (achieved) -> date -> note; Ctrl-S saves
    t.wait_for("Saved: achieved")
    rows = s.query("SELECT milestone_id, status, observed FROM milestone_log")
    t.expect(rows == [("who-crawling", "achieved", "2026-11-26")], "milestone_log after logging: %r" % (rows,))
    t.wait_for("Crawls on hands and knees: achieved 2026-11-26")


def case_correct_and_remove(s, tuis):
    s.add_child("Leo", "2026-01-15")
    added_today(s)
    first = s.query("SELECT id FROM milestone WHERE age_months = 9 ORDER BY sort LIMIT 1")[0][0]
    r = s.cli("milestone", "log", "--child", "Leo", first, "--status", "not-yet", "--date", "2026-11-20")
    t = start(s, tuis)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    t.send("down")                      # the first item: its history opens under it
    t.wait_for("#1 2026-11-20 not-yet, by")
    t.expect("correct entry" not in t.screen_text(), "the hints offer a correction on a checklist item",
             [t.screen_text()])
    t.send("down")                      # the history entry
    t.wait_for("E correct entry")       # the hints follow the selection
    t.type("E")
    t.wait_for("Correct a milestone entry")
    t.send("right")                     # not-yet -> the next choice, achieved
    t.send("enter")
    t.wait_for("Corrected to achieved")
    rows = s.query("SELECT id, status, observed, corrects, removed FROM milestone_log ORDER BY id")
    t.expect(rows == [(1, "not-yet", "2026-11-20", None, 0), (2, "achieved", "2026-11-20", 1, 0)],
             "milestone_log after the correction: %r" % (rows,), [r.stderr])
    t.wait_for("(corrected by")
    t.send("down")                      # the correction, now in force
    t.type("x")
    t.wait_for("press x again")
    t.type("x")
    t.wait_for("Removed; the history keeps it")
    rows = s.query("SELECT corrects, removed FROM milestone_log WHERE id = 3")
    t.expect(rows == [(2, 1)], "the removal row: %r" % (rows,))
    t.wait_for("(removed by")


CASES = [
    ("a WHO window is selected on the chart and logged", case_log_window),
    ("a history entry is corrected with E and removed with x twice", case_correct_and_remove),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
