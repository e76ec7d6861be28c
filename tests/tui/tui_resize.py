#!/usr/bin/python3
"""End-to-end tests of toddle's full-screen view when the terminal changes size."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

FORM = "Dates as YYYY-MM-DD"  # the add-child form's intro line


def normal_screen(t):
    t.wait_for("Week 11")
    t.wait_for(lambda s: "Mia" in s.split("\n")[0], desc="Mia in the title bar")
    t.wait_gone("too small")


def quit_ok(t):
    t.expect(t.alive(), "toddle is no longer running", ["exit status: %r" % t.exit_status()])
    t.send("q")
    st = t.wait_exit(5)
    t.expect(st == 0, "after 'q': exit status %r, expected 0 (None: still running)" % st)


def case_too_small(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.resize(40, 12)
    t.wait_for("too small")
    t.expect(t.alive(), "toddle died after shrinking to 40x12")


def case_back_to_normal(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.resize(40, 12)
    t.wait_for("too small")
    t.resize(80, 24)
    normal_screen(t)
    t.wait_for("Picked for Mia this week")
    # keys work again after the round trip
    t.send("3")
    t.wait_for("November 2026")
    quit_ok(t)


def title_and_pane(t):
    """The title names Mia and the week pane is drawn (any scroll position)."""
    t.wait_gone("too small")
    t.wait_for(lambda scr: "Mia" in scr.split("\n")[0] and " This week " in scr.split("\n")[1],
               desc="the title naming Mia and the week pane's frame")


def case_many_sizes(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    for cols, rows in ((60, 18), (59, 18), (60, 17), (20, 5), (1, 1), (132, 40), (100, 30), (80, 24)):
        t.resize(cols, rows)
        if cols < 19:
            t.settle()  # no room for any words: only check it survives
        elif cols < 60 or rows < 18:
            t.wait_for("too small")
        else:
            # small screens scroll the week heading away to keep the selection in view
            title_and_pane(t)
        t.expect(t.alive(), "toddle died after resizing to %dx%d" % (cols, rows))
    # a key pressed while too small must not crash it either
    t.resize(40, 12)
    t.wait_for("too small")
    t.send("x", "down", "2")
    t.resize(80, 24)
    title_and_pane(t)
    quit_ok(t)


def pane_has_selection(t):
    """True when some cell of the main pane is drawn highlighted (the selection)."""
    for y in range(2, t.screen.lines - 2):
        row = t.screen.buffer[y]
        for x in range(t.screen.columns // 3, t.screen.columns - 1):
            if row[x].data.strip() and (row[x].reverse or row[x].bg != "default"):
                return True
    return False


def case_heading_returns(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.send("down")             # select the first activity
    t.wait_for(lambda scr: "Week 11" in scr and "Picked for Mia this week" in scr
               and pane_has_selection(t), desc="the first activity selected, heading in view")
    t.resize(60, 18)           # the smallest usable size: the pane scrolls to the selection
    title_and_pane(t)
    t.resize(80, 24)
    title_and_pane(t)
    # everything up to the selected activity fits again, so the week heading should be back
    t.wait_for("Week 11", timeout=3)
    quit_ok(t)


def case_form_keeps_text(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.send("a")
    t.wait_for(FORM)
    t.type("Zoë Ma")
    t.wait_for("Zoë Ma")
    # smaller but still usable, then too small, then back
    t.resize(64, 20)
    t.wait_for(FORM)
    t.wait_for("Zoë Ma")
    t.resize(40, 12)
    t.wait_for("too small")
    t.resize(80, 24)
    t.wait_for(FORM)
    t.wait_for("Zoë Ma")
    # the text is really in the field: finish the name and save it
    t.type("rie")
    t.wait_for("Zoë Marie")
    t.send("tab")
    t.type("2026-10-01")
    t.wait_for("2026-10-01")
    t.send("enter", "enter")
    t.wait_for("Saved Zoë Marie")
    rows = s.query("SELECT name, born FROM child WHERE born = '2026-10-01'")
    t.expect(rows == [("Zoë Marie", "2026-10-01")], "the saved child is not 'Zoë Marie'",
             ["rows: %r" % rows])
    quit_ok(t)


def case_form_esc_after_resize(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.send("a")
    t.wait_for(FORM)
    t.type("Ana")
    t.wait_for("Ana")
    t.resize(40, 12)
    t.wait_for("too small")
    t.resize(80, 24)
    t.wait_for(FORM)
    t.send("esc")
    t.wait_for("Discard your changes? y/n")   # the typed text survived the resize: asked first
    t.type("y")
    t.wait_gone(FORM, timeout=5)
    t.wait_for("Closed without saving")
    n = s.query("SELECT count(*) FROM child")[0][0]
    t.expect(n == 1, "the child table has %d rows after Esc, expected 1" % n)
    quit_ok(t)


def case_help_resize(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=80, rows=24)
    normal_screen(t)
    t.send("?")
    t.wait_for("show this help")
    t.resize(40, 12)
    t.wait_for("too small")
    t.resize(80, 24)
    t.wait_for("Week 11")
    t.expect(t.alive(), "toddle died after resizing with help open")
    t.send("esc")
    t.wait_gone("show this help", timeout=5)
    quit_ok(t)


def overlay_rows(t, title):
    """The inside of the overlay box whose top border carries title, as a list of strings."""
    lines = t.screen.display
    for y, line in enumerate(lines):
        i = line.find(" %s " % title)
        if i > 0 and line[i - 2:i] == "lq":
            x0 = i - 2
            x1 = line.find("k", i + len(title) + 2)
            out = []
            for row in lines[y + 1:]:
                if row[x0:x0 + 1] == "m":
                    break
                out.append(row[x0 + 1:x1].rstrip())
            return out
    t.fail("no overlay titled %r on the screen" % title)


def case_detail_rewraps(s, tuis):
    s.add_child("Mia", "2026-09-10")
    # what the details look like when opened at 60x18
    ref = start(s, tuis, cols=60, rows=18)
    title_and_pane(ref)
    ref.send("enter")
    ref.wait_for("Steps")
    ref.settle()
    want = overlay_rows(ref, "Activity")
    ref.kill()
    # opened at 100x30, then shrunk to 60x18: the same text should be shown, wrapped anew
    t = start(s, tuis, cols=100, rows=30)
    title_and_pane(t)
    t.send("enter")
    t.wait_for("Steps")
    t.resize(60, 18)
    t.wait_for("Steps")
    t.settle()
    got = overlay_rows(t, "Activity")
    t.expect(t.alive(), "toddle died after resizing with details open")
    if got != want:
        diff = ["opened at 60x18:"] + ["  |" + l for l in want] + \
               ["opened at 100x30, then resized to 60x18:"] + ["  |" + l for l in got]
        t.fail("the details are not re-wrapped for the new width (text is cut off)", diff)
    t.send("esc")
    t.wait_gone("Steps", timeout=5)
    quit_ok(t)


CASES = [
    ("shrinking to 40x12 says the terminal is too small", case_too_small),
    ("back to 80x24 the normal screen returns and keys work", case_back_to_normal),
    ("many sizes, down to 1x1 and up to 132x40, never crash it", case_many_sizes),
    ("after 60x18 and back to 80x24 the week heading shows again", case_heading_returns),
    ("the add-child form keeps typed text across resizes and saves it", case_form_keeps_text),
    ("Esc closes the form after a resize without saving", case_form_esc_after_resize),
    ("help open during a resize, then Esc and q", case_help_resize),
    ("activity details are re-wrapped when the terminal shrinks", case_detail_rewraps),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
