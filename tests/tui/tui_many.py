#!/usr/bin/python3
"""The side menu with 300 children: libmenu holds only the rows on screen (the views,
the separator, a page of children and "+ Add a child" when in view), and every way of
moving still reaches the whole list: the first page at start, End and PgDn to the last
child and "+ Add a child" with the views still in view, Down and Up across pages, the
last child chosen opens their week, the wheel and a click on a page further down, a child
far down found from the caseload's search, a child added shows with the marker, and the
marker is on the remembered child at the next start."""
import os
import re
import sqlite3
import sys
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

KIDS = 300  # "Ada" (the CLI's) and Kid 001 .. Kid 299 (straight into the file, in one transaction)
SIDE = 22   # the side pane's columns at 80x24


def add_kids(s, n=KIDS - 1):
    """Add Kid 001 .. Kid n straight into the database file, in one transaction."""
    con = sqlite3.connect(s.db)
    with con:
        con.executemany("INSERT INTO child(uuid, name, born, created_at, created_by, updated_at, updated_by)"
                        " VALUES (?, ?, ?, '2026-11-01T00:00:00Z', 'test', '2026-11-01T00:00:00Z', 'test')",
                        [(str(uuid.uuid4()), "Kid %03d" % i, "2026-%02d-15" % (1 + i % 10))
                         for i in range(1, n + 1)])
    con.close()


def side(t):
    """The side pane's lines (inside its border)."""
    return [line[1:SIDE - 1].rstrip() for line in t.screen_text().split("\n")[2:22]]


def side_has(t, text, timeout=5):
    """Wait until the side pane shows text; fail with the pane if it does not."""
    for _ in range(int(timeout / 0.05)):
        if any(text in line for line in side(t)):
            return
        t.pump(0.05)
    t.fail("the menu does not show %r" % text, side(t))


def marked(t):
    """The names the menu marks as the child shown (●)."""
    return [line[2:] for line in side(t) if line.startswith("●")]


def family(s):
    s.add_child("Ada", "2026-09-10")
    add_kids(s)


def case_first_page(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    side_has(t, "Kid 001")
    lines = side(t)
    t.expect(lines[0] == "This week" and "● Ada" in lines, "the first page is not views then Ada: %r" % lines)
    t.expect(not any("Kid 299" in x or "Add a child" in x for x in lines),
             "the last child or '+ Add a child' is on the first page", lines)
    kids = [x for x in lines if x.strip().startswith("Kid")]
    t.expect(kids and kids == ["  Kid %03d" % i for i in range(1, len(kids) + 1)],
             "the first page is not the first children by name: %r" % lines)


def case_end_and_pgdn(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("tab")              # the menu
    for key in ("end", "pgdn"):
        if key == "pgdn":
            t.send("home")
            side_has(t, "Kid 001")
        t.send(key)
        side_has(t, "+ Add a child")
        side_has(t, "Kid 299")
        lines = side(t)
        # the views stay: the menu holds the rows on screen, it does not scroll them away
        t.expect(lines[0] == "This week" and "Guidance" in lines,
                 "%s: the views are gone from the menu: %r" % (key, lines))
        t.expect(lines.index("+ Add a child") == lines.index("  Kid 299") + 1,
                 "%s: the last child is not just above '+ Add a child': %r" % (key, lines))
    t.send("enter")
    t.wait_for("Add a child")  # End's row is the form's
    t.send("esc")


def case_last_child_opens(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("tab", "end", "up", "enter")
    t.wait_for("Kid 299 ·")     # the title bar names the child shown
    t.wait_for("Picked for Kid 299 this week")
    side_has(t, "● Kid 299")
    t.expect(marked(t) == ["Kid 299"], "the marker is not on Kid 299 alone: %r" % side(t))
    t.type("q")
    t.expect(t.wait_exit() == 0, "toddle did not quit cleanly")
    # the next start shows the remembered child, marked, on the page around them
    t = start(s, tuis)
    t.wait_for("Kid 299 ·")
    side_has(t, "● Kid 299")
    t.expect(marked(t) == ["Kid 299"], "after a restart the marker is not on Kid 299: %r" % side(t))


def case_down_up_across_pages(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.send("tab")
    side_has(t, "Kid 001")
    rows = len([x for x in side(t) if x.strip().startswith(("Kid", "● Ada"))])
    for _ in range(rows + 5):      # Tab selects the child shown (Ada, list place 0); past the page
        t.send("down")
    t.settle()
    want = "Kid %03d" % (rows + 5)  # the selection, at the page's foot
    side_has(t, want)
    lines = side(t)
    t.expect(lines[0] == "This week" and "Kid 001" not in "\n".join(lines) and lines[-1].strip() == want,
             "Down past the page did not move it by one row at a time: %r" % lines)
    t.send("enter")
    t.wait_for(want + " ·")     # the menu keeps the focus, on the child chosen
    for _ in range(rows + 6):      # back to Ada, then over the separator to Guidance
        t.send("up")
    t.settle()
    side_has(t, "Ada")
    t.send("enter")            # Guidance is opened, not a child
    t.wait_for("Guidance ")
    t.expect(want + " ·" in t.screen_text(), "Up over the separator changed the child shown")


def mouse_at(t, y, x, code, release=True):
    """A mouse report in SGR 1006 at row y, column x (0-based): 0 a left click, 65 the wheel down."""
    t.child.send(("\x1b[<%d;%d;%dM" % (code, x + 1, y + 1)).encode())
    if release:
        t.child.send(("\x1b[<%d;%d;%dm" % (code, x + 1, y + 1)).encode())
    t.pump(0)


def case_wheel_and_click(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    side_has(t, "Kid 001")
    for _ in range(10):             # 3 rows a turn: the selection leaves the first page
        mouse_at(t, 10, 5, 65, release=False)
    # from "This week": 4 moves to Guidance, 1 over the separator to Ada, 25 to Kid 025
    side_has(t, "Kid 025")
    t.expect("Kid 001" not in "\n".join(side(t)), "the wheel did not move the page: %r" % side(t))
    t.expect(side(t)[-1] == "  Kid 025", "the page does not end at the selection: %r" % side(t))
    y = 2 + side(t).index("  Kid 020")
    mouse_at(t, y, 5, 0)           # a click selects the row ...
    mouse_at(t, y, 5, 0)           # ... and a second opens the child
    t.wait_for("Kid 020 ·")
    side_has(t, "● Kid 020")


def case_search_far_child(s, tuis):
    env = s.make_clinic("boss", [("Ada", "2026-09-10")])
    add_kids(s)
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")
    t.type("A")
    t.wait_for("Every child")
    t.type("/")
    t.type("kid 287")
    t.send("enter")             # keep the place found
    t.send("enter")             # open it
    t.wait_for("Kid 287 ·")
    side_has(t, "● Kid 287")
    t.expect(marked(t) == ["Kid 287"], "the marker is not on Kid 287: %r" % side(t))


def case_added_child_shows(s, tuis):
    family(s)
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("a")
    t.wait_for("Add a child")
    t.type("Zoe")
    t.send("tab")
    t.type("2026-10-01")
    t.send("enter", "enter")
    t.wait_for("Saved Zoe")
    side_has(t, "● Zoe")
    lines = side(t)
    t.expect(marked(t) == ["Zoe"] and lines.index("  Kid 299") + 1 == lines.index("● Zoe"),
             "the new child is not shown, marked, after the last: %r" % lines)
    rows = sqlite3.connect(s.db).execute("SELECT count(*) FROM child").fetchone()[0]
    t.expect(rows == KIDS + 1, "%d children in the database, not %d" % (rows, KIDS + 1))
    # what the title says and what the week is for agree with the menu
    t.expect(re.search(r"Zoe · ", t.screen_text()) is not None, "the title bar does not name Zoe")


CASES = [
    ("300 children: the first page of the menu is the views, then the first children", case_first_page),
    ("End and PgDn reach the last child and '+ Add a child' with the views in view", case_end_and_pgdn),
    ("the last child chosen opens their week, marked, and is remembered at the next start",
     case_last_child_opens),
    ("Down and Up move over the whole list, a page built as the selection leaves one",
     case_down_up_across_pages),
    ("the wheel moves the menu past its page; a click on a child there opens them", case_wheel_and_click),
    ("the caseload's search finds a child far down the list and the menu marks them", case_search_far_child),
    ("a child added from the view shows in the menu with the marker", case_added_child_shows),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
