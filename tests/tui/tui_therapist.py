#!/usr/bin/python3
"""The therapist's forms in a clinic, driven in a real pty and checked in the
database afterwards: the session note (bad date, minutes, an empty SOAP field and
a date before birth refused with a clear line; saved; a correction is version 2;
an unchanged save says so; Esc y cancels), a goal (empty text, bad target date
refused; saved; its status set, and set again unchanged; Esc cancels), a home
program entry (times, from, to-before-from refused; saved; Esc cancels), an
admin's assignment (empty, unknown and non-staff logins refused; Esc keeps
nothing) and a therapist who is not an admin (T and D refused with a line)."""
import os
import pwd
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

LOGIN = pwd.getpwuid(os.getuid()).pw_name
CTRL_S = "\x13"


def clinic(s, tuis, admins=None):
    """A clinic with Ava (born 2026-09-10) assigned to this login for pt; toddle on her record."""
    env = s.make_clinic(admins or LOGIN, [("Ava", "2026-09-10")])
    s.ccli("assign", "--child", "Ava", "--therapist", LOGIN, "--discipline", "pt")
    t = start(s, tuis, extra_env=env)
    t.wait_for("Ava ·")
    t.type("7")
    t.wait_for("Session notes")
    return t


def refused(t, msg, table, count, s):
    """Ctrl-S shows msg in the open form and the table still has count rows."""
    t.send(CTRL_S)
    t.wait_for(msg)
    n = s.query("SELECT count(*) FROM %s" % table)[0][0]
    t.expect(n == count, "after the refusal %r, %s has %d rows (expected %d)" % (msg, table, n, count))


def cancel(t, s, table, count):
    """Esc on a changed form asks; y closes it without saving."""
    t.send("esc")
    t.wait_for("Discard your changes? y/n")
    t.type("y")
    t.wait_for("Closed without saving")
    n = s.query("SELECT count(*) FROM %s" % table)[0][0]
    t.expect(n == count, "after Esc y, %s has %d rows (expected %d)" % (table, n, count))


def case_note(s, tuis):
    t = clinic(s, tuis)
    t.type("n")
    t.wait_for("SOAP: what you heard")
    t.send("ctrl-u")
    t.type("2026-13-40")
    refused(t, "Date: write it as YYYY-MM-DD, like 2026-03-14", "session_note", 0, s)
    t.send("ctrl-u")
    t.type("2026-01-02")                    # a real date, before Ava was born
    t.send("tab", "ctrl-u")
    t.type("30")
    t.send("tab")
    for text in ("Mum says rolling", "Rolled both ways", "On track", "Floor time"):
        t.type(text)
        t.send("tab")
    refused(t, "the session date 2026-01-02 is before Ava's birth date", "session_note", 0, s)
    t.send("ctrl-u")
    t.type("2026-11-20")
    t.send("tab", "ctrl-u")
    t.type("0")
    refused(t, "Minutes: a whole number from 1 to 600", "session_note", 0, s)
    t.send("ctrl-u")
    t.type("700")
    refused(t, "Minutes: a whole number from 1 to 600", "session_note", 0, s)
    t.send("ctrl-u")
    t.type("30")
    t.send("tab", "tab")                    # Subjective, then Objective: emptied
    for _ in range(len("Rolled both ways")):
        t.send("backspace")
    refused(t, "Objective is empty: please fill it in", "session_note", 0, s)
    t.type("Rolled to the left")
    t.send(CTRL_S)
    t.wait_for("Saved the session note.")
    rows = s.query("SELECT version, day, minutes, subjective, objective, assessment, plan, created_by "
                   "FROM session_note")
    t.expect(rows == [(1, "2026-11-20", 30, "Mum says rolling", "Rolled to the left", "On track",
                       "Floor time", LOGIN)], "session_note: %r" % (rows,))
    # a correction: Enter on the note (the team line, then the note)
    t.send("home", "down", "down", "enter")
    t.wait_for("Correct a session note")
    t.send(CTRL_S)                          # unchanged: nothing new is written
    t.wait_for("Nothing changed: the note already says this (version 1).")
    t.expect(s.query("SELECT count(*) FROM session_note")[0][0] == 1, "an unchanged correction wrote a row")
    t.send("home", "down", "down", "enter")
    t.wait_for("Correct a session note")
    t.send("tab", "tab", "tab", "tab", "tab")   # Date, Minutes, S, O, A: to the Plan
    t.type(", twice a day")
    t.send(CTRL_S)
    t.wait_for("Saved the correction as version 2; the earlier one is kept.")
    rows = s.query("SELECT version, plan FROM session_note ORDER BY version")
    uuids = s.query("SELECT count(DISTINCT note_uuid) FROM session_note")[0][0]
    t.expect(rows == [(1, "Floor time"), (2, "Floor time, twice a day")] and uuids == 1,
             "the correction: %r (%d note uuids)" % (rows, uuids))
    # a new note typed and thrown away
    t.type("n")
    t.wait_for("SOAP: what you heard")
    t.send("tab", "tab")
    t.type("not kept")
    cancel(t, s, "session_note", 2)


def case_goal(s, tuis):
    t = clinic(s, tuis)
    t.type("O")
    t.wait_for("A goal for Ava, in words the family can use.")
    refused(t, "Goal is empty: please fill it in", "goal", 0, s)
    t.type("Sits alone for 30 s")
    t.send("tab")
    t.type("2027-02-30")
    refused(t, "Target date: write it as YYYY-MM-DD or leave it empty", "goal", 0, s)
    t.send("ctrl-u")
    t.type("2027-03-01")
    t.send(CTRL_S)
    t.wait_for("Saved the goal.")
    rows = s.query("SELECT text, target, status, version, created_by FROM goal")
    t.expect(rows == [("Sits alone for 30 s", "2027-03-01", "open", 1, LOGIN)], "goal: %r" % (rows,))
    t.wait_for("Sits alone for 30 s")
    # nothing typed: Esc closes at once
    t.type("O")
    t.wait_for("A goal for Ava")
    t.send("esc")
    t.wait_for("Closed without saving")
    t.expect(s.query("SELECT count(*) FROM goal")[0][0] == 1, "Esc saved a goal")
    # the status: Enter on the goal (after the team line), the next choice, save
    t.send("home", "down", "down", "enter")
    t.wait_for("Goal status")
    t.send("right")
    t.wait_for("met")
    t.send(CTRL_S)
    t.wait_for("Saved the goal's status (u undoes it).")
    rows = s.query("SELECT status, version, updated_by FROM goal")
    t.expect(rows == [("met", 2, LOGIN)], "goal after the status: %r" % (rows,))
    t.send("home", "down", "down", "enter")
    t.wait_for("Goal status")
    t.send(CTRL_S)
    t.wait_for("Nothing changed: the goal already had that status.")
    rows = s.query("SELECT status, version FROM goal")
    t.expect(rows == [("met", 2)], "an unchanged status changed the goal: %r" % (rows,))


def case_program(s, tuis):
    t = clinic(s, tuis)
    t.type("1")
    t.wait_for("Picked for Ava this week")
    t.send("down")
    t.type("P")
    t.wait_for("Add to the home program")
    rows = t.screen_text().split("\n")
    top = next(i for i, r in enumerate(rows) if "Add to the home program" in r)
    left = rows[top].index("Add to the home program") - 3     # the box's corner: "┌─ "
    title = rows[top + 1][left + 1:left + 60].strip()         # the activity's title, inside the box
    t.send("ctrl-u")
    t.type("0")
    refused(t, "Times: a whole number from 1 to 20", "program", 0, s)
    t.send("ctrl-u")
    t.type("21")
    refused(t, "Times: a whole number from 1 to 20", "program", 0, s)
    t.send("ctrl-u")
    t.type("3")
    t.send("tab", "right", "tab", "ctrl-u")   # Per: week; From
    t.type("2026-11-3x")
    refused(t, "From: write it as YYYY-MM-DD", "program", 0, s)
    t.send("ctrl-u")
    t.type("2026-11-26")
    t.send("tab")
    t.type("2026-11-01")
    refused(t, "the end date is before the start date", "program", 0, s)
    t.send("ctrl-u")
    t.type("2027-01-31")
    t.send(CTRL_S)
    t.wait_for("Added to Ava's home program.")
    rows = s.query("SELECT times, per, start, stop, created_by, ended_at FROM program")
    t.expect(rows == [(3, "week", "2026-11-26", "2027-01-31", LOGIN, None)], "program: %r" % (rows,))
    aid = s.query("SELECT activity_id FROM program")[0][0]
    t.expect(bool(aid), "the program row names no activity")
    t.type("7")                                # the record lists it by the title the form showed
    t.wait_all(["Home program this week", title[:20]], what="the program in the record")
    t.type("1")
    t.wait_for("Picked for Ava this week")
    t.send("down")
    t.type("P")
    t.wait_for("Add to the home program")
    t.send("ctrl-u")
    t.type("2")
    cancel(t, s, "program", 1)


def case_assign(s, tuis):
    t = clinic(s, tuis)
    t.type("T")
    t.wait_for("Assign a therapist")
    refused(t, "Therapist: write their login on this server, like alice", "assignment", 1, s)
    t.type("nosuchlogin15")
    refused(t, "there is no login 'nosuchlogin15' on this server", "assignment", 1, s)
    outsider = next((p.pw_name for p in pwd.getpwall()
                     if p.pw_name in ("nobody", "daemon", "bin") and p.pw_gid != os.getgid()), None)
    if outsider:
        t.send("ctrl-u")
        t.type(outsider)
        refused(t, "is not in the clinic's staff group", "assignment", 1, s)
    cancel(t, s, "assignment", 1)
    rows = s.query("SELECT therapist, discipline, ended_at FROM assignment")
    t.expect(rows == [(LOGIN, "pt", None)], "assignments after the refusals: %r" % (rows,))


def case_not_admin(s, tuis):
    t = clinic(s, tuis, admins="boss")
    t.type("T")
    t.wait_for("Only a clinic admin (clinic.admins) assigns therapists; ask one.")
    t.expect("Assign a therapist" not in t.screen_text(), "the assign form opened for a non-admin")
    t.type("D")
    t.wait_for("Only a clinic admin (clinic.admins) deletes a child.")
    t.expect("Delete a child" not in t.screen_text(), "the delete form opened for a non-admin")
    t.expect(s.query("SELECT count(*) FROM child")[0][0] == 1, "the child is gone")
    t.expect(s.query("SELECT count(*) FROM assignment")[0][0] == 1, "the assignments changed")


CASES = [
    ("session note: bad date, date before birth, minutes, an empty field refused; saved; "
     "corrected as version 2; unchanged says so; Esc y keeps nothing", case_note),
    ("goal: empty text and a bad target date refused; saved; status set (version 2), "
     "unchanged says so; Esc closes", case_goal),
    ("home program: times, a bad From and To before From refused; saved as asked; Esc y keeps nothing",
     case_program),
    ("assign (admin): empty, unknown and non-staff logins refused; Esc y keeps nothing", case_assign),
    ("a therapist who is not an admin: T and D are refused with a line, nothing changes", case_not_admin),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
