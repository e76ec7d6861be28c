#!/usr/bin/python3
"""The library in the full-screen view: an activity marked done from its details,
a class opened and marked watched, and the guidance screen."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402


def case_activity_done(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("enter")
    t.wait_all(["Steps", "Why it helps", "d done today"], what="the activity's details")
    t.type("d")
    t.wait_for("Logged as done today")
    rows = s.query("SELECT result, day, minutes, created_by FROM activity_log")
    t.expect(len(rows) == 1 and rows[0][0] == "done" and rows[0][1] == "2026-11-26" and rows[0][2],
             "activity_log after 'd': %r" % (rows,))


def case_class_watched(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("4")
    t.wait_all(["For this age", "d marks it watched"], what="the classes pane")
    t.send("enter")
    t.wait_all(["For Parents", "d watched on/off"], what="an open class")
    t.type("d")
    t.wait_for("Marked as watched")
    rows = s.query("SELECT class_id, day FROM class_log")
    t.expect(len(rows) == 1 and rows[0][1] == "2026-11-26", "class_log after 'd': %r" % (rows,))
    mark = "✓"
    t.wait_for(mark)


def case_guidance(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("5")
    t.wait_all(["Who helps with what", "they are never a"], what="the guidance pane")
    for _ in range(12):
        t.send("pgdn")
    t.wait_for("source:")


def case_guidance_no_child(s, tuis):
    t = start(s, tuis)
    t.wait_for("Welcome to toddle")
    t.type("5")
    t.wait_for("Who helps with what")
    t.type("4")
    t.wait_for("All classes")


CASES = [
    ("an activity's details: d logs it as done today", case_activity_done),
    ("classes: open one and mark it watched", case_class_watched),
    ("guidance: who helps with what, signs with sources", case_guidance),
    ("guidance and classes work before any child is added", case_guidance_no_child),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
