#!/usr/bin/python3
"""An activity's page says where it sits in a progression and where its advice comes from.

A baby in week 40 sees "Soft finger foods on the tray"; its page (the side column on a
wide terminal, the same document Enter opens) ends with "Leads on to" naming the next
step, pincer-soft-bits, with its weeks, and "Source:" with the guidelines the library
gives for it; the next step's page says what it "Comes after"."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402
from tui_side import flat, selected_title, side_text, wait_side_title, MONO  # noqa: E402


def row(s, id_):
    """Title, weeks and source of an activity from the database."""
    r = s.query("SELECT title, week_from, week_to, COALESCE(source, '') FROM activity WHERE id = ?", (id_,))
    if not r:
        raise tuitest.CaseFailed("no activity %r in the database" % id_)
    return r[0]


def select(s, t, title, presses=80):
    """Move down the week list until the activity of that title is selected."""
    for _ in range(presses):
        t.send("down")
        t.settle()
        if selected_title(s, t) == title:
            wait_side_title(t, title)
            return
    t.fail("%r never came up in the week list" % title)


def case_links(s, tuis):
    s.add_child("Ivy", "2026-02-19")
    first, nxt = row(s, "soft-finger-foods"), row(s, "pincer-soft-bits")
    t = start(s, tuis, cols=140, rows=70, extra_env=MONO)
    t.wait_for("Week 40")
    t.wait_for(" Activity ")
    select(s, t, first[0])
    text = side_text(t)
    want = "Leads on to %s (weeks %d-%d)" % (nxt[0], nxt[1], nxt[2])
    t.expect(want in text, "the page of %r does not say %r" % (first[0], want), ["side column: " + text])
    t.expect(first[3] != "", "soft-finger-foods has no source in the library")
    t.expect("Source: " + flat(first[3]) in text, "the page does not end with its source %r" % first[3],
             ["side column: " + text])
    select(s, t, nxt[0])
    text = side_text(t)
    want = "Comes after %s (weeks %d-%d)" % (first[0], first[1], first[2])
    t.expect(want in text, "the page of %r does not say %r" % (nxt[0], want), ["side column: " + text])
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit cleanly")


CASES = [
    ("a progression's pages name the step before and after, and each page its source", case_links),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
