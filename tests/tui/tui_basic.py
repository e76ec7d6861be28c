#!/usr/bin/python3
"""End-to-end tests of toddle's full-screen view: first screen, forms, views, help, quit."""
import os
import termios
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, CaseFailed  # noqa: E402


def child_id(s, name):
    rows = s.query("SELECT id FROM child WHERE name = ?", (name,))
    if len(rows) != 1:
        raise CaseFailed("setup: child %r not found in the database" % name)
    return rows[0][0]


def highlighted(t, rows):
    """Text of the cells drawn as selected (reverse video or a background colour) on rows."""
    out = []
    for y in rows:
        line = t.screen.buffer[y]
        word = ""
        for x in range(t.screen.columns):
            ch = line[x]
            if ch.reverse or ch.bg != "default":
                word += ch.data
            elif word:
                out.append(word.strip())
                word = ""
        if word:
            out.append(word.strip())
    return [w for w in out if w]


def first_item(t, after, pattern):
    """The text of the first row below the row holding `after` that matches pattern (group 1)."""
    rows = t.screen_text().split("\n")
    for y, row in enumerate(rows):
        if after in row:
            for below in rows[y + 1:]:
                m = re.search(pattern, below)
                if m:
                    return m.group(1).strip()
            break
    t.fail("no item found below %r" % after)


def case_first_screen(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.wait_for("Mia")
    t.expect("Mia" in t.line(0), "the title bar does not name Mia")


def case_add_child(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("a")
    t.wait_for("Dates as YYYY-MM-DD")
    t.type("Zoë")
    t.wait_for("Zoë")
    t.send("tab")
    t.type("2026-10-01")
    t.wait_for("2026-10-01")
    t.send("enter")            # Born -> Due date
    t.send("enter")            # Enter on the last field (Due date, left empty) saves
    t.wait_for("Saved Zoë")
    t.wait_gone("Dates as YYYY-MM-DD")
    rows = s.query("SELECT name, born, due FROM child WHERE name = ?", ("Zoë",))
    t.expect(rows == [("Zoë", "2026-10-01", None)],
             "the child table does not hold Zoë born 2026-10-01 without a due date",
             ["rows: %r" % rows])
    t.wait_for(lambda scr: "Zoë" in scr.split("\n")[0], desc="Zoë in the title bar")
    t.wait_for("● Zoë")


def case_bad_date(s, tuis):
    s.add_child("Mia", "2026-09-10")
    before = s.query("SELECT count(*) FROM child")[0][0]
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("a")
    t.wait_for("Dates as YYYY-MM-DD")
    t.type("Ana")
    t.send("tab")
    t.type("2026-02-30")
    t.wait_for("2026-02-30")
    t.send("enter")            # Born -> Due date
    t.send("enter")            # tries to save
    t.wait_for(lambda scr: ("not a real date" in scr or "Born:" in scr) and "Dates as YYYY" in scr,
               desc="a message about the birth date in the open form")
    scr = t.screen_text()
    msg = [l for l in scr.split("\n") if "Born:" in l or "not a real date" in l]
    t.expect(msg and "date" in msg[0].lower(), "no message about the date", ["lines: %r" % msg])
    t.expect("Dates as YYYY-MM-DD" in scr, "the form closed after an invalid date")
    after = s.query("SELECT count(*) FROM child")[0][0]
    t.expect(after == before, "the child table changed: %d rows, was %d" % (after, before))
    t.send("esc")
    t.wait_for("Discard your changes? y/n")   # the form was filled in: Esc asks first
    t.type("y")
    t.wait_gone("Dates as YYYY-MM-DD", timeout=5)
    t.wait_for("Week 11")
    after = s.query("SELECT count(*) FROM child")[0][0]
    t.expect(after == before, "the child table changed after Esc: %d rows, was %d" % (after, before))


def case_milestone(s, tuis):
    s.add_child("Mia", "2026-09-10")
    cid = child_id(s, "Mia")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("2")
    t.wait_for("achieved")     # the legend of the milestone view
    t.wait_for("By ")
    t.settle()                 # the whole list is drawn, not just its top
    first = first_item(t, "By ", r"  [·✓◐○] (\S.*?)\s*[x|]?$")
    t.send("g")                # Home: back to the top, so Enter takes the first item
    t.send("enter")
    t.wait_for("Log a milestone")
    t.wait_for(first[:30])     # the form names the milestone
    t.wait_for("Status")
    t.send("enter")            # Status -> Date seen
    t.send("enter")            # Date seen -> Note
    t.send("\x13")             # Ctrl-S saves (Enter in a note starts a new line)
    t.wait_for("Saved: achieved")
    t.wait_gone("Log a milestone")
    rows = s.query("SELECT status, observed FROM milestone_log WHERE child_id = ?", (cid,))
    t.expect(len(rows) == 1 and rows[0][0] == "achieved",
             "milestone_log does not hold one 'achieved' row for Mia", ["rows: %r" % rows])
    t.expect(rows[0][1] == tuitest.TODAY, "the date seen is not today", ["rows: %r" % rows])
    text = s.query("SELECT m.text FROM milestone_log l JOIN milestone m ON m.id = l.milestone_id "
                   "WHERE l.child_id = ?", (cid,))
    t.expect(text and text[0][0].startswith(first[:30]),
             "the logged milestone is not the first item shown",
             ["first item on screen: %r" % first, "logged: %r" % text])
    t.wait_for("✓ " + first[:30])  # the list now marks it achieved


def case_activity(s, tuis):
    s.add_child("Mia", "2026-09-10")
    cid = child_id(s, "Mia")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("2")                # away and back, so '1' is exercised
    t.wait_for("By ")
    t.send("1")
    t.wait_for("Picked for Mia this week")
    t.settle()
    first = first_item(t, "Picked for Mia this week", r"[x|]{2}\s+(\S.*?)\s*[x|]$")
    first = re.sub(r"\s*\(.*$", "", first)  # the title without "(domain, N min)"
    t.send("enter")            # Enter takes the first activity
    t.wait_for("Steps")
    t.wait_for(first)          # the details of that activity
    t.send("o")
    t.wait_for("Log an activity")
    t.wait_for("How it went")
    t.send("enter", "enter", "enter")  # How it went -> Date -> Minutes -> Note
    t.send("\x13")             # Ctrl-S saves (Enter in a note starts a new line)
    t.wait_for("Logged: done")
    t.wait_gone("Log an activity")
    rows = s.query("SELECT activity_id, day, result FROM activity_log WHERE child_id = ?", (cid,))
    t.expect(len(rows) == 1 and rows[0][1] == tuitest.TODAY and rows[0][2] == "done",
             "activity_log does not hold one 'done' row for today", ["rows: %r" % rows])
    title = s.query("SELECT title FROM activity WHERE id = ?", (rows[0][0],))
    t.expect(title and title[0][0] == first, "the logged activity is not the first one shown",
             ["first on screen: %r" % first, "logged: %r" % title])


def case_help(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("?")
    t.wait_all(("show this help", "quit", "Keys", "? F1", "Tab", "Up k", "Down j", "[ <"),
               what="the help's first page")
    seen = t.screen_text()
    for _ in range(6):         # the rest of the keys are further down, a page at a time
        if "In a form" in seen:
            break
        t.send("pgdn")
        t.settle()
        seen += t.screen_text()
    for want in ("open the selected item", "Enter", "Esc", "add a child", "In a form"):
        t.expect(want in seen, "the help never shows %r" % want)
    t.send("esc")
    t.wait_gone("show this help", timeout=5)
    t.wait_for("Week 11")


def case_ctrl_s(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("a")
    t.wait_for("Dates as YYYY-MM-DD")
    t.type("Kai")
    t.send("tab")
    t.type("2026-10-02")
    t.wait_for("2026-10-02")
    t.child.send(b"\x13")      # Ctrl-S, from the Born field: the terminal must not swallow it (XOFF)
    t.wait_for("Saved Kai")
    rows = s.query("SELECT name, born FROM child WHERE name = 'Kai'")
    t.expect(rows == [("Kai", "2026-10-02")], "Ctrl-S did not save Kai", ["rows: %r" % rows])
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit with status 0")
    attrs = termios.tcgetattr(t.child.child_fd)
    t.expect(attrs[0] & termios.IXON, "the terminal's flow control (IXON) was not given back at exit")


def case_quit(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("q")
    st = t.wait_exit(5)
    t.expect(st is not None, "toddle did not exit within 5 s of 'q'")
    t.expect(st == 0, "exit status %r, expected 0" % st)
    sane, why = t.tty_sane()
    t.expect(sane is not False, "the terminal was left in raw mode: %s" % why)
    tail = bytes(t.raw[-400:])
    t.expect(b"\x1b[?1049l" in tail, "the alternate screen was not left (no rmcup at the end)",
             ["last bytes: %r" % tail[-120:]])
    t.expect(b"\x1b[?25h" in tail, "the cursor was not made visible again",
             ["last bytes: %r" % tail[-120:]])


def case_calendar(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("3")
    t.wait_for("November 2026")
    t.wait_for("2026-11-26 (today)")
    grid = range(2, 12)
    t.wait_for(lambda scr: highlighted(t, grid) == ["26"], 5,
               desc="26 highlighted in the grid")
    t.send("right")
    t.wait_for("2026-11-27")
    t.wait_gone("(today)", timeout=5)
    t.wait_for(lambda scr: highlighted(t, grid) == ["27"], 5,
               desc="the highlight to move from 26 to 27")
    t.send("]")
    t.wait_for("December 2026")
    t.wait_for("2026-12-27")


CASES = [
    ("first screen shows the child and her week", case_first_screen),
    ("add a child with a UTF-8 name in the form", case_add_child),
    ("an invalid birth date is refused and nothing is written", case_bad_date),
    ("log the first milestone from the milestone view", case_milestone),
    ("log an activity from its details in the week pane", case_activity),
    ("? shows help with the keys, Esc closes it", case_help),
    ("Ctrl-S saves a form from any field (flow control off while toddle runs, back after)", case_ctrl_s),
    ("q quits with status 0 and leaves the terminal sane", case_quit),
    ("calendar: month, Right moves the day, ] next month", case_calendar),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
