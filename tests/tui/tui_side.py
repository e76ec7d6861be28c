#!/usr/bin/python3
"""The open activity beside the week list on a wide terminal (120 columns and more).

At 140x40 the week pane shows, right of its list, the selected activity's detail (its
steps, why it helps, safety: the same document Enter opens), and Down changes it to the
next activity; the list keeps the focus and Enter still opens the whole window. At
100x30 there is no such column. Resizing between 100 and 140 columns brings the column
in and takes it away, each time with the selected activity's own text."""
import os
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

MONO = {"NO_COLOR": "1"}   # the selection is then reverse video, whatever the terminal
LIST_X = 28                # the list's text: the menu is 26 columns wide, then border and blank
WINDOW_FOOT = "o log how it went"  # the key bar while an activity window is open (its last line may
#                                    be below the window on 30 rows)


def side_x(t):
    """The column of the line between the list and the side column, or None."""
    i = t.line(1).find(" Activity ")
    return i - 2 if i > LIST_X else None


def flat(text):
    """Text with every run of blanks made one space (lines wrapped differently compare equal)."""
    return " ".join(text.split())


def side_text(t):
    """The side column's text, its lines joined."""
    x = side_x(t)
    if x is None:
        t.fail("no side column (no ' Activity ' title on the week pane's top border)")
    return flat(" ".join(t.line(y)[x + 1:t.cols - 1] for y in range(2, t.rows - 2)))


def selected(t):
    """The list's selected item (the rows drawn reversed), left of the side column."""
    right = side_x(t) or t.cols - 1
    rows = [t.line(y)[LIST_X:right] for y in range(2, t.rows - 2) if t.screen.buffer[y][LIST_X + 1].reverse]
    return flat(" ".join(rows))


def activity(s, title):
    """The activity of that title from the database: its steps, why and safety."""
    rows = s.query("SELECT steps, why, COALESCE(safety, '') FROM activity WHERE title = ?", (title,))
    if not rows:
        raise tuitest.CaseFailed("no activity titled %r in the database" % title)
    return rows[0]


def builds(s, title):
    """The texts of the milestones the activity of that title builds toward."""
    ids = re.split(r"[ ,]+", s.query("SELECT COALESCE(builds, '') FROM activity WHERE title = ?", (title,))[0][0])
    out = []
    for i in filter(None, ids):
        rows = s.query("SELECT text FROM milestone WHERE id = ? UNION ALL SELECT text FROM who_window WHERE id = ?",
                       (i, i))
        out += [rows[0][0]] if rows else []
    return out


def selected_title(s, t):
    """The selected item's activity title (the list shows 'Title  (domain, n min)')."""
    sel = selected(t)
    if not sel:
        t.fail("no item is selected in the week list")
    return sel.split(" (")[0].strip()


def expect_side_shows(s, t, title):
    """The side column shows that activity: title, every step, why it helps, its safety."""
    steps, why, safety = activity(s, title)
    text = side_text(t)
    want = [title] + ["%d. %s" % (k + 1, flat(step)) for k, step in enumerate(steps.split("\n"))]
    want += [flat(why)] + ([flat(safety)] if safety else [])
    want += ["- " + flat(b) for b in builds(s, title)]
    missing = [w for w in want if w not in text]
    t.expect(not missing, "the side column does not show %r whole: missing %r" % (title, missing),
             ["side column: " + text])
    if safety:
        t.expect("Safety " + flat(safety) in text, "the side column has no Safety heading for %r" % title)


def wait_side_title(t, title):
    t.wait_for(lambda scr: side_x(t) is not None and title in side_text(t),
               desc="the side column to show %r" % title)


def case_wide(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=140, rows=40, extra_env=MONO)
    t.wait_for("Week 11")
    t.wait_for(" Activity ")
    t.expect("Move to an activity" in side_text(t), "before any Down the side column does not say how to "
             "fill it", ["side column: " + side_text(t)])
    titles, with_safety = [], 0
    for _ in range(6):
        t.send("down")
        t.settle()
        title = selected_title(s, t)
        wait_side_title(t, title)
        expect_side_shows(s, t, title)
        titles.append(title)
        with_safety += bool(activity(s, title)[2])
    t.expect(all(a != b for a, b in zip(titles, titles[1:])),
             "Down did not change the side column each time: %r" % titles)
    t.expect(with_safety > 0, "none of the first six activities has a safety note: the test proves "
             "nothing about Safety (%r)" % titles)
    # the list keeps the focus: Down moved the list's selection, not the side column
    t.expect("This week ◀" in t.line(1), "the week list is not marked as having the focus: %r" % t.line(1))
    t.send("enter")
    t.wait_for(WINDOW_FOOT)
    t.expect(titles[-1] in t.screen_text(), "Enter opened a window without %r" % titles[-1])
    t.send("esc")
    t.wait_gone(WINDOW_FOOT)
    t.send("up")
    wait_side_title(t, titles[-2])
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit cleanly")


def case_narrow(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=100, rows=30, extra_env=MONO)
    t.wait_for("Week 11")
    t.send("down", "down")
    t.settle()
    title = selected_title(s, t)
    steps = activity(s, title)[0]
    t.expect(side_x(t) is None, "at 100 columns there is a side column: %r" % t.line(1))
    t.expect(flat(steps.split("\n")[0]) not in flat(t.screen_text()),
             "at 100 columns the steps of %r show without Enter" % title)
    t.send("enter")
    t.wait_for(WINDOW_FOOT)
    t.expect(title in t.screen_text(), "Enter opened a window without %r" % title)
    t.send("esc")
    t.wait_gone(WINDOW_FOOT)
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit cleanly")


def case_resize(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, cols=100, rows=30, extra_env=MONO)
    t.wait_for("Week 11")
    t.send("down", "down", "down")
    t.settle()
    for cols, rows in ((140, 40), (100, 30), (140, 30), (119, 30), (120, 30), (100, 30)):
        t.resize(cols, rows)
        # the week's heading may scroll away to keep the selection in view
        t.wait_for(lambda scr: " This week " in scr.split("\n")[1], desc="the week pane at %dx%d" % (cols, rows))
        t.settle()
        title = selected_title(s, t)
        if cols >= 120:
            wait_side_title(t, title)
            if rows >= 40:
                expect_side_shows(s, t, title)
        else:
            t.wait_for(lambda scr: side_x(t) is None, desc="no side column at %dx%d" % (cols, rows))
            t.expect(" Activity " not in t.screen_text(), "at %dx%d a piece of the side column is left"
                     % (cols, rows))
        t.send("down")
        t.settle()
        t.expect(selected_title(s, t) != title, "Down after resizing to %dx%d did not move" % (cols, rows))
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit cleanly")


CASES = [
    ("at 140x40 the selected activity's steps and safety show beside the list and follow Down; "
     "Enter opens the whole window", case_wide),
    ("at 100x30 there is no side column; Enter opens the window as before", case_narrow),
    ("resizing between 100 and 140 columns brings the side column in and takes it away", case_resize),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
