#!/usr/bin/python3
"""The add and edit child form: a due date or the weeks at birth (32+4), the
same rules as `toddle child add --ga`, and birth dates more than 6 years ago
refused in place (nothing stored) while a kept old birth date can be edited around."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

INTRO = "Dates as YYYY-MM-DD"


def fill_new_child(t, name, born, due):
    """Open the add form and type the three fields, then Enter on the last (saves)."""
    t.send("a")
    t.wait_for(INTRO)
    t.type(name)
    t.send("tab")
    t.type(born)
    t.send("tab")
    t.type(due)
    t.send("enter")


def case_weeks_at_birth(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    fill_new_child(t, "Leo", "2026-09-01", "32+4")
    t.wait_for("Saved Leo")
    rows = s.query("SELECT born, due FROM child WHERE name = 'Leo'")
    # 32+4 weeks at birth: 40 weeks less 228 days = due 52 days after the birth, as --ga 32+4
    t.expect(rows == [("2026-09-01", "2026-10-23")], "Leo's dates: %r" % (rows,))
    s.add_child("Cli", "2026-09-01", "--ga", "32+4")
    cli = s.query("SELECT due FROM child WHERE name = 'Cli'")
    t.expect(cli == [("2026-10-23",)], "the form and --ga disagree: %r" % (cli,))
    t.wait_for("corrected")


def case_bad_weeks(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    fill_new_child(t, "Leo", "2026-09-01", "45")
    t.wait_all(["Due date or weeks:", "22-44", INTRO], what="the rule in the open form")
    t.send("ctrl-u")
    t.type("2026-30-01")
    t.send("enter")
    t.wait_for("'2026-30-01' is neither a date")
    rows = s.query("SELECT count(*) FROM child WHERE name = 'Leo'")
    t.expect(rows == [(0,)], "a child was stored: %r" % (rows,))


def case_too_old(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    fill_new_child(t, "Ben", "2010-05-01", "")
    t.wait_all(["more than 6 years ago", INTRO], what="the 6-year rule in the open form")
    t.wait_for("2020-11-26")   # the earliest birth date it takes, named
    rows = s.query("SELECT count(*) FROM child")
    t.expect(rows == [(1,)], "a child was stored: %r" % (rows,))
    # the edit form holds a changed birth date to the same rule
    t.send("esc")
    t.wait_for("Discard your changes? y/n")
    t.type("y")
    t.wait_gone(INTRO)
    t.type("e")
    t.wait_for("Edit child")
    t.send("tab", "ctrl-u")
    t.type("2019-01-01")
    t.send("enter", "enter")
    t.wait_for("more than 6 years ago")
    rows = s.query("SELECT born FROM child")
    t.expect(rows == [("2026-09-10",)], "the birth date changed: %r" % (rows,))


def case_old_child_kept(s, tuis):
    # added when younger than 6; today past 6 years: renaming keeps the old birth date
    r = s.cli("child", "add", "Ada", "--born", "2020-12-01", today="2021-01-10")
    if r.returncode != 0:
        raise tuitest.CaseFailed("setup: " + r.stderr)
    t = start(s, tuis, args=["--db", s.db, "--today", "2027-06-01"])
    t.wait_for("Ada")
    t.type("e")
    t.wait_for("Edit child")
    t.type("lina")
    t.send("enter", "enter", "enter")
    t.wait_for("Saved Adalina")
    rows = s.query("SELECT name, born FROM child")
    t.expect(rows == [("Adalina", "2020-12-01")], "after the edit: %r" % (rows,))


CASES = [
    ("the add form takes the weeks at birth (32+4) as --ga does", case_weeks_at_birth),
    ("weeks or a date it cannot read are refused in place with the rule", case_bad_weeks),
    ("a birth date more than 6 years ago is refused in the add and edit forms", case_too_old),
    ("an old birth date kept as it was does not block an edit", case_old_child_kept),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
