#!/usr/bin/python3
"""Milestone tracking in the full-screen view: a milestone logged in the pane
shows in a report written from the view; checklist ages step with [ and ];
the worth-talking-about list; appointments added, opened and removed in the
calendar; a logged activity corrected from the day window."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402


def case_milestone_in_report(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("2")
    t.wait_for("By 2 months")
    t.send("enter")
    t.wait_for("Log a milestone")
    t.send("enter", "enter")
    t.type("first time on the rug")
    t.send("\x13")             # Ctrl-S saves (Enter in a note starts a new line)
    t.wait_for("Saved: achieved")
    text = s.query("SELECT m.text FROM milestone_log l JOIN milestone m ON m.id = l.milestone_id")[0][0]
    t.type("r")
    t.wait_for("Write a report")
    t.send("enter", "enter", "enter", "enter")   # Format, For, Include (empty), File: saves
    t.wait_for("Report written to")
    home = os.path.join(s.dir, "home")
    files = [f for f in os.listdir(home) if f.startswith("toddle-report-Mia-2026-11-26")]
    t.expect(len(files) == 1, "no report file in HOME: %r" % os.listdir(home))
    path = os.path.join(home, files[0])
    body = open(path, encoding="utf-8").read()
    t.expect(text in body and "2026-11-26" in body and "first time on the rug" in body,
             "the report does not show the milestone, its date and note")
    t.expect(oct(os.stat(path).st_mode & 0o777) == "0o600", "the report is not private (0600)")


def case_checklist_ages(s, tuis):
    s.add_child("Leo", "2026-01-15")
    t = start(s, tuis)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    t.type("]")
    t.wait_for("By 12 months (coming next)")
    t.type("[")
    t.type("[")
    t.wait_for("By 6 months")
    t.type("t")
    t.wait_for("By 9 months")


def case_worth_talking(s, tuis):
    s.add_child("Leo", "2026-01-15")
    s.cli("milestone", "log", "--child", "Leo", "cdc-6m-mp-rolls-to-back", "--date", "2026-07-20")
    s.cli("milestone", "log", "--child", "Leo", "cdc-6m-mp-rolls-to-back", "--status", "not-yet")
    t = start(s, tuis)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    for _ in range(60):  # page down until the list's heading is in view
        if "Worth talking about" in t.screen_text():
            break
        t.send("pgdn")
        t.settle()
    t.wait_for("Worth talking about")
    t.wait_for("Seen before, not now: Rolls")


def case_appointment(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("3")
    t.wait_for("November 2026")
    t.type("n")
    t.wait_for("New appointment")
    t.type("PT check, hips")
    t.send("enter", "enter")   # title -> date -> time
    t.send("backspace", "backspace", "backspace", "backspace", "backspace")
    t.type("14:30")
    t.send("enter", "enter")   # time -> minutes -> place
    t.type("Clinic")
    t.send("enter")            # place -> with
    t.type("Sam")
    t.send("enter")            # save
    t.wait_for("Saved the appointment")
    rows = s.query("SELECT day, time, title, place, with_whom, created_by FROM appointment")
    t.expect(len(rows) == 1 and rows[0][:5] == ("2026-11-26", "14:30", "PT check, hips", "Clinic", "Sam"),
             "appointment row: %r" % (rows,))
    t.send("enter")
    t.wait_for("Log an activity on this day")
    t.wait_for("14:30 PT check, hips")
    t.send("down")
    t.type("x")
    t.wait_for("press x again")
    t.type("x")
    t.wait_for("Removed.")
    rows = s.query("SELECT deleted_at IS NOT NULL, deleted_by FROM appointment")
    t.expect(rows and rows[0][0] == 1 and rows[0][1], "the appointment is not marked removed: %r" % (rows,))


def case_correct_entry(s, tuis):
    s.add_child("Mia", "2026-09-10")
    s.cli("activity", "log", "tummy-on-chest", "--minutes", "5")
    t = start(s, tuis)
    t.wait_for("Tummy time: 5 of 30 minutes")
    t.type("3")
    t.wait_for("November 2026")
    t.send("enter")
    t.wait_for("Activity done")
    t.send("down")
    t.send("enter")
    t.wait_for("Correct a logged activity")
    t.send("right")            # done -> hard
    t.send("enter")
    t.send("backspace")
    t.type("12")
    t.send("enter", "\x13")   # minutes -> note; Ctrl-S saves
    t.wait_for("Saved the correction")
    rows = s.query("SELECT result, minutes, updated_by IS NOT NULL FROM activity_log")
    t.expect(rows == [("hard", 12, 1)], "activity_log after the correction: %r" % (rows,))


CASES = [
    ("a milestone logged in the pane shows in the report written from the view", case_milestone_in_report),
    ("[ and ] step through checklist ages; t returns", case_checklist_ages),
    ("a lost skill is listed as worth talking about", case_worth_talking),
    ("an appointment is added in the calendar, opened and removed", case_appointment),
    ("a logged activity is corrected from the day window", case_correct_entry),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
