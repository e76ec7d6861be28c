#!/usr/bin/python3
"""All-day appointments and the report form's Include field, in a real pty.
An appointment without a time (made with the CLI) reads "all day" and comes
before a timed one in the start-up message, the week view and the calendar's
day lines, and marks its day; the appointment form saves an empty Time as all
day, its intro says so, and editing one shows the Time empty. The report
form's Include field goes through the same parser as report --include: an
unknown section is refused on that field with nothing written, and "goals"
puts the goals into a school report, which leaves them out without it."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

CTRL_S = "\x13"


def cli_ok(s, *args):
    r = s.cli(*args)
    if r.returncode != 0:
        raise tuitest.CaseFailed("setup: %r failed" % (args,), ["stderr: " + r.stderr])
    return r


def rows_with(t, text):
    """The screen's rows holding text, top to bottom, as row numbers."""
    return [i for i, line in enumerate(t.screen_text().split("\n")) if text in line]


def case_week_and_calendar(s, tuis):
    s.add_child("Mia", "2026-09-10")
    cli_ok(s, "event", "add", "--date", "2026-11-26", "--time", "08:00", "--title", "PT visit")
    cli_ok(s, "event", "add", "--date", "2026-11-26", "--title", "Hospital day", "--place", "Ward 3")
    cli_ok(s, "event", "add", "--date", "2026-11-27", "--title", "Daycare trip")
    t = start(s, tuis, cols=100, rows=30)
    # the start-up message: today's all-day one first, tomorrow's too, no 00:00 anywhere
    t.wait_for("Today all day: Hospital day (Mia)")
    scr = t.screen_text()
    t.expect("Today all day: Hospital day (Mia); Today 08:00 PT visit (Mia); Tomorrow all day: Daycare trip"
             in scr.replace("\n", ""), "the start-up message does not list all day first, then 08:00, then tomorrow")
    # the week view: one line each, the all-day one above the timed one
    t.wait_all(["@ Today all day: Hospital day, Ward 3", "@ Today 08:00: PT visit",
                "@ Tomorrow all day: Daycare trip"], what="the week view's appointments")
    t.expect(rows_with(t, "@ Today all day: Hospital day")[0] < rows_with(t, "@ Today 08:00: PT visit")[0],
             "the week view lists the timed appointment before the all-day one")
    t.expect("00:00" not in t.screen_text(), "an all-day appointment reads as 00:00 somewhere on the week view")
    # the calendar: today's day lines, all day first; the day is marked @
    t.type("3")
    t.wait_for("November 2026")
    t.wait_all(["All day: Hospital day, Ward 3", "08:00 PT visit (30 min)"], what="the calendar's day lines")
    t.expect(rows_with(t, "All day: Hospital day")[0] < rows_with(t, "08:00 PT visit")[0],
             "the calendar lists the timed appointment before the all-day one")
    t.expect(any("26@" in line for line in t.screen_text().split("\n")), "the 26th is not marked @")
    t.send("right")                                  # the 27th: only the all-day trip, marked too
    t.wait_for("All day: Daycare trip")
    t.expect(any("27@" in line for line in t.screen_text().split("\n")), "the 27th is not marked @")
    t.expect("(30 min)" not in t.screen_text(), "an all-day appointment shows a length in minutes")


def case_many_today(s, tuis):
    # a clinic's day holds hundreds: the opening line names the first six by time and says there
    # are more (before, every appointment of the two days was read for a line that shows a few)
    s.add_child("Mia", "2026-09-10")
    for h in range(8, 18):                              # ten today, 08:00 to 17:00
        cli_ok(s, "event", "add", "--date", "2026-11-26", "--time", "%02d:00" % h, "--title", "Visit %d" % h)
    t = start(s, tuis, cols=200, rows=30)
    t.wait_for("Today 08:00 Visit 8 (Mia)")
    line = t.screen_text().replace("\n", "")
    for h in range(8, 14):
        t.expect("Today %02d:00 Visit %d (Mia)" % (h, h) in line, "the opening line lacks the %02d:00 visit" % h)
    t.expect("Visit 14 (Mia)" not in line, "the opening line names more than six appointments")
    t.expect("and more (3: the calendar)" in line, "the opening line does not say there are more")


def case_form_all_day(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("3")
    t.wait_for("November 2026")
    t.type("n")
    t.wait_for("New appointment")
    t.wait_for("Time as HH:MM, or empty for all day")
    t.type("Hospital day")
    t.send("enter", "enter")                         # title -> date -> time
    t.send("backspace", "backspace", "backspace", "backspace", "backspace")   # empty the 09:00
    t.send(CTRL_S)
    t.wait_for("Saved the appointment")
    rows = s.query("SELECT day, time, title FROM appointment")
    t.expect(rows == [("2026-11-26", "", "Hospital day")], "appointment row: %r" % (rows,))
    t.wait_for("All day: Hospital day")
    # a time that is neither HH:MM nor empty is still refused, on the Time field
    t.type("n")
    t.wait_for("New appointment")
    t.type("Check")
    t.send("enter", "enter", "backspace", "backspace", "backspace", "backspace", "backspace")
    t.type("9h")
    t.send(CTRL_S)
    t.wait_for("or leave it empty for all day")
    t.expect(s.query("SELECT count(*) FROM appointment")[0][0] == 1, "a bad time was saved")
    t.send("esc")                                    # a changed form asks first
    t.wait_for("y/n")
    t.type("y")
    t.wait_for("Closed without saving")
    # editing it shows the Time field empty; saving unchanged changes nothing
    t.send("enter")
    t.wait_for("Log an activity on this day")
    t.wait_for("All day: Hospital day")
    t.send("down")
    t.send("enter")
    t.wait_for("Edit appointment")
    line = [x for x in t.screen_text().split("\n") if "Time" in x[:12]]
    t.expect(line and "09:00" not in line[0] and ":" not in line[0].split("Time", 1)[1],
             "the edit form's Time is not empty for an all-day appointment: %r" % (line,))
    t.send(CTRL_S)
    t.wait_for("Nothing changed")
    t.expect(s.query("SELECT version, time FROM appointment")[0] == (1, ""), "the unchanged save wrote a version")


def case_report_include(s, tuis):
    s.add_child("Ava", "2026-09-10")
    cli_ok(s, "goal", "add", "--text", "Sits alone for a minute")
    t = start(s, tuis, cols=100, rows=30)
    t.wait_for("Ava ·")
    t.type("r")
    t.wait_for("Write a report")
    t.wait_for("goals, program, activities")          # the intro's hint
    t.send("tab", " ", " ")                          # For: doctor -> parent -> therapist
    t.send(" ")                                      # school
    t.wait_for("school")
    t.send("tab")
    t.type("goals, homework")
    t.send(CTRL_S)
    t.wait_for("Include: 'homework' is not a section")
    home = s.home
    t.expect(not [f for f in os.listdir(home) if f.startswith("toddle-report-")],
             "a report was written though Include was refused")
    t.send("ctrl-u")
    t.type("goals")
    t.send(CTRL_S)
    t.wait_for("Report written to")
    files = [f for f in os.listdir(home) if f.startswith("toddle-report-Ava-2026-11-26")]
    t.expect(len(files) == 1, "no report file in HOME: %r" % os.listdir(home))
    path = os.path.join(home, files[0])
    body = open(path, encoding="utf-8").read()
    t.expect("Sits alone for a minute" in body, "the school report with Include goals has no goals")
    os.unlink(path)
    # the same form without Include: the school's report leaves the goals out
    t.type("r")
    t.wait_for("Write a report")
    t.send("tab", " ", " ", " ")
    t.wait_for("school")
    t.send(CTRL_S)
    t.wait_for("Report written to")
    body = open(path, encoding="utf-8").read()
    t.expect("Sits alone for a minute" not in body, "the school report without Include carries the goals")


CASES = [
    ("an all-day appointment reads 'all day', first on its day: start-up message, week view, calendar, marks",
     case_week_and_calendar),
    ("the appointment form: an empty Time saves all day; a bad time is refused; editing shows it empty",
     case_form_all_day),
    ("the report form's Include: an unknown section is refused, goals reach the school report",
     case_report_include),
    ("ten appointments today: the opening line names six, by time, and says there are more", case_many_today),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
