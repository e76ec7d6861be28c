#!/usr/bin/python3
"""u takes back the edits the full-screen view makes, each as a new change.

An appointment's edit (the day window), a child's edit (e), a goal's status
(the record) and an ended assignment (x x on a team line) are taken back by
u as a new version or a new row, with who and when, nothing deleted; when a
colleague changed the same thing in between, u refuses and names them. Ending
a home program entry cannot be taken back: u says so, and undoes nothing
older in its place."""
import os
import pwd
import sqlite3
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

LOGIN = pwd.getpwuid(os.getuid()).pw_name
AT = "2026-11-26T10:00:00Z"


def colleague(s, sql, params=()):
    """A colleague's change, written straight to the file (as another toddle would)."""
    con = sqlite3.connect(s.db, timeout=5)
    try:
        con.execute(sql, params)
        con.commit()
    finally:
        con.close()


def audit(s):
    return [r for r in s.query("SELECT action, who FROM audit ORDER BY id")]


def open_day(t):
    t.wait_for("Week 11")
    t.type("3")
    t.wait_for("November 2026")
    t.send("enter")
    t.wait_for("Log an activity on this day")


def edit_appointment(t):
    t.wait_for("09:00 PT check")
    t.send("down")
    t.send("enter")
    t.wait_for("Edit appointment")
    t.type(" again")
    t.send("enter", "enter", "enter", "enter", "enter", "enter")   # title .. with, then save
    t.wait_for("Saved the appointment (u undoes the edit)")


def case_appointment(s, tuis):
    s.add_child("Mia", "2026-09-10")
    s.cli("event", "add", "--date", "2026-11-26", "--time", "09:00", "--title", "PT check", "--place", "Clinic")
    t = start(s, tuis)
    open_day(t)
    edit_appointment(t)
    rows = s.query("SELECT title, place, version FROM appointment")
    t.expect(rows == [("PT check again", "Clinic", 2)], "after the edit: %r" % (rows,))
    t.type("u")
    t.wait_for("Undone the edit of the appointment")
    rows = s.query("SELECT title, place, day, time, version, updated_by, updated_at IS NOT NULL, deleted_at"
                   " FROM appointment")
    t.expect(rows == [("PT check", "Clinic", "2026-11-26", "09:00", 3, LOGIN, 1, None)],
             "after undo (title, place, day, time, version, by, at, deleted): %r" % (rows,))
    t.expect(audit(s)[-2:] == [("appointment changed", LOGIN)] * 2, "audit after undo: %r" % (audit(s),))
    # a colleague's change in between: u refuses, names them, and writes nothing
    t.send("esc")
    t.wait_gone("Log an activity on this day")
    t.send("enter")
    t.wait_for("Log an activity on this day")
    edit_appointment(t)
    colleague(s, "UPDATE appointment SET place = 'Room 2', version = version + 1, updated_by = 'kim',"
              " updated_at = ?", (AT,))
    t.type("u")
    t.wait_for("Cannot undo: the appointment was changed meanwhile by kim at")
    rows = s.query("SELECT title, place, version, updated_by FROM appointment")
    t.expect(rows == [("PT check again", "Room 2", 5, "kim")], "a refused undo wrote: %r" % (rows,))


def case_child(s, tuis):
    s.add_child("Mia", "2026-09-10", "--due", "2026-10-01")
    t = start(s, tuis)
    t.wait_for("Week")
    t.type("e")
    t.wait_for("Edit child")
    t.type("lina")
    t.send("tab", "ctrl-u")
    t.type("2026-09-12")                   # the birth date too
    t.send("enter", "enter")
    t.wait_for("Saved Mialina (u undoes the edit)")
    rows = s.query("SELECT name, born, due, version FROM child")
    t.expect(rows == [("Mialina", "2026-09-12", "2026-10-01", 2)], "after the edit: %r" % (rows,))
    t.type("u")
    t.wait_for("Undone the edit of Mia")
    rows = s.query("SELECT name, born, due, version, updated_by, updated_at IS NOT NULL FROM child")
    t.expect(rows == [("Mia", "2026-09-10", "2026-10-01", 3, LOGIN, 1)],
             "after undo (name, born, due, version, by, at): %r" % (rows,))
    t.expect(audit(s)[-2:] == [("child edited", LOGIN)] * 2, "audit after undo: %r" % (audit(s),))
    t.wait_for("Mia ·")
    t.type("e")
    t.wait_for("Edit child")
    t.type("lina")
    t.send("enter", "enter", "enter")
    t.wait_for("Saved Mialina")
    colleague(s, "UPDATE child SET due = NULL, version = version + 1, updated_by = 'kim', updated_at = ?", (AT,))
    t.type("u")
    t.wait_for("Cannot undo: Mia was changed meanwhile by kim at")
    rows = s.query("SELECT name, due, version, updated_by FROM child")
    t.expect(rows == [("Mialina", None, 5, "kim")], "a refused undo wrote: %r" % (rows,))


def open_record(s, tuis, env):
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")
    t.type("A")
    t.wait_for("Every child")
    t.send("enter")
    t.wait_all(["Mia ·", "Team"], what="Mia's record")
    return t


def set_goal_met(t):
    t.send("enter")
    t.wait_for("Goal status")
    t.send("right")                        # open -> met
    t.send("enter")
    t.wait_for("Saved the goal's status (u undoes it)")


def case_goal(s, tuis):
    env = s.make_clinic(LOGIN, [("Mia", "2026-09-10")])
    s.ccli("goal", "add", "--child", "Mia", "--text", "Rolls to both sides")
    t = open_record(s, tuis, env)
    t.wait_for("[open] Rolls to both sides")
    t.send("home")
    t.settle()
    set_goal_met(t)
    rows = s.query("SELECT status, version FROM goal")
    t.expect(rows == [("met", 2)], "after the status: %r" % (rows,))
    t.type("u")
    t.wait_for("Undone the status of the goal 'Rolls to both sides': it is open again")
    rows = s.query("SELECT status, version, updated_by, updated_at IS NOT NULL FROM goal")
    t.expect(rows == [("open", 3, LOGIN, 1)], "after undo (status, version, by, at): %r" % (rows,))
    t.expect(audit(s)[-2:] == [("goal met", LOGIN), ("goal open", LOGIN)], "audit after undo: %r" % (audit(s),))
    t.wait_for("[open] Rolls to both sides")
    set_goal_met(t)
    colleague(s, "UPDATE goal SET status = 'partly-met', version = version + 1, updated_by = 'kim',"
              " updated_at = ?", (AT,))
    t.type("u")
    t.wait_for("Cannot undo: this goal was changed meanwhile by kim at")
    rows = s.query("SELECT status, version, updated_by FROM goal")
    t.expect(rows == [("partly-met", 5, "kim")], "a refused undo wrote: %r" % (rows,))


def end_team_line(t):
    t.wait_for("pt: " + LOGIN)
    t.send("home")
    t.settle()
    t.type("x")
    t.wait_for("Press x again")
    t.type("x")
    t.wait_for("Ended %s's assignment (pt)" % LOGIN)


def case_assignment(s, tuis):
    env = s.make_clinic(LOGIN, [("Mia", "2026-09-10")])
    s.ccli("assign", "--child", "Mia", "--therapist", LOGIN, "--discipline", "pt")
    t = open_record(s, tuis, env)
    end_team_line(t)
    t.type("u")
    t.wait_for("Undone the end of %s's assignment (pt): assigned again" % LOGIN)
    rows = s.query("SELECT therapist, discipline, created_by, created_at IS NOT NULL, ended_by FROM assignment"
                   " ORDER BY id")
    t.expect(rows == [(LOGIN, "pt", LOGIN, 1, LOGIN), (LOGIN, "pt", LOGIN, 1, None)],
             "after undo (therapist, discipline, by, at, ended_by): %r" % (rows,))
    acts = [a for a, _ in audit(s)]
    t.expect(acts[-3:] == ["assigned", "assignment ended", "assigned"], "audit after undo: %r" % (acts,))
    end_team_line(t)
    colleague(s, "INSERT INTO assignment(uuid, child_id, therapist, discipline, created_at, created_by)"
              " VALUES('colleague-1', 1, 'kim', 'pt', ?, 'boss')", (AT,))
    t.type("u")
    t.wait_for("Cannot undo: the pt assignment was changed meanwhile by boss at")
    rows = s.query("SELECT therapist FROM assignment WHERE ended_at IS NULL")
    t.expect(rows == [("kim",)], "a refused undo assigned: %r" % (rows,))
    t.expect(s.query("SELECT count(*) FROM assignment")[0][0] == 3, "rows were added or deleted")


def case_program(s, tuis):
    env = s.make_clinic(LOGIN, [("Mia", "2026-09-10")])
    s.ccli("program", "add", "--child", "Mia", "--activity", "tummy-on-chest", "--times", "2", "--per", "day")
    t = open_record(s, tuis, env)
    t.wait_for("Home program")
    t.send("home")
    t.settle()
    t.type("x")
    t.wait_for("Press x again to end this program entry")
    t.type("x")
    t.wait_for("Ended the program entry today")
    t.type("u")
    t.wait_for("Cannot undo: an ended home program entry")
    rows = s.query("SELECT ended_by, version FROM program")
    t.expect(rows == [(LOGIN, 2)], "the program entry changed: %r" % (rows,))
    t.type("u")
    t.wait_for("Nothing more to undo")


CASES = [
    ("u takes back an appointment's edit as a new version; a colleague's change makes it refuse",
     case_appointment),
    ("u takes back a child's edit (name, birth) as a new version; a colleague's change makes it refuse",
     case_child),
    ("u takes back a goal's status as a new version; a colleague's change makes it refuse", case_goal),
    ("u takes back an ended assignment by a new one; a colleague's assignment makes it refuse",
     case_assignment),
    ("u says an ended program entry cannot be taken back, and undoes nothing older", case_program),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
