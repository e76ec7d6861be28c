#!/usr/bin/python3
"""The catch-up in the full-screen view: a child who starts late is invited (one calm line in
the week and milestone views, never a flag) to go through the checklists they have passed;
one screen per checklist age, one key per item, saved at once. A typical 20-month-old's
catch-up is counted key by key and must stay well under a minute's worth of keys."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, CaseFailed, TODAY  # noqa: E402

KEYS_MAX = 40          # the whole catch-up of a typical child, every key counted
INVITE = "Not answered yet:"


class Counted:
    """Keys sent to a session, each one counted (named keys count once)."""

    def __init__(self, t):
        self.t, self.n = t, 0

    def press(self, *keys):
        for k in keys:
            self.t.send(k)
            self.n += 1 if k in tuitest.KEYS else len(k)


def unanswered(s, child):
    r = s.cli("milestone", "list", "--child", child, "--unanswered")
    if r.returncode != 0:
        raise CaseFailed("'milestone list --unanswered' failed", ["exit %d" % r.returncode, r.stderr])
    return [x for x in r.stdout.split("\n") if x]


def checklist_of(t):
    """The checklist age on the catch-up's screen, from its heading."""
    for line in t.screen_text().split("\n"):
        i = line.find("-month checklist (")
        if i > 0:
            return int(line[:i].split()[-1])
    return None


def case_twenty_months(s, tuis):
    s.add_child("Mia", "2025-03-26")          # 20 months on 2026-11-26
    todo = unanswered(s, "Mia")
    t = start(s, tuis)
    t.wait_all(["Week 87", INVITE, "7 checklists (%d items)" % len(todo), "press C"])
    t.expect("Worth talking" not in t.screen_text(), "the week view shows a concern")
    k = Counted(t)
    k.press("C")
    # a typical child: everything yes but two items: the third of the 12-month list and
    # the first of the 18-month list are "not yet"
    not_yet = []
    for age in (2, 4, 6, 9, 12, 15, 18):
        t.wait_for(lambda scr, a=age: "The %d-month checklist" % a in scr,
                   desc="the %d-month checklist" % age)
        items = [x.split("\t") for x in todo if x.split("\t")[1] == str(age)]
        if age == 12:
            k.press("down", "down", "n")
            not_yet.append(items[2][0])
        elif age == 18:
            k.press("n")
            not_yet.append(items[0][0])
        k.press("a")
    t.wait_all(["Thank you", "%d yes, 2 not yet, 0 not sure." % (len(todo) - 2)])
    k.press("enter")
    t.wait_gone("Thank you")
    t.wait_gone(INVITE)
    tuitest_tap.diag("a 20-month-old's catch-up (%d items, 2 not yet): %d keys" % (len(todo), k.n))
    t.expect(k.n < KEYS_MAX, "the catch-up took %d keys (fewer than %d expected)" % (k.n, KEYS_MAX))
    t.expect(unanswered(s, "Mia") == [], "items are still unanswered after the catch-up")
    rows = s.query("SELECT milestone_id, observed FROM milestone_log WHERE status = 'not-yet' ORDER BY id")
    t.expect(rows == [(i, TODAY) for i in not_yet], "the not-yet answers in the database: %r, want %r"
             % (rows, [(i, TODAY) for i in not_yet]))
    yes = s.query("SELECT count(*), count(observed) FROM milestone_log WHERE status = 'achieved'")[0]
    t.expect(yes == (len(todo) - 2, 0), "yes answers (all, dated): %r; want %d undated" % (yes, len(todo) - 2))
    t.type("q")
    t.expect(t.wait_exit() == 0, "toddle did not quit cleanly")


def case_offered_after_adding(s, tuis):
    t = start(s, tuis)
    t.wait_for("Welcome to toddle")
    t.type("a")
    t.wait_for("Add a child")
    t.type("Leo")
    t.send("tab")
    t.type("2026-03-01")                       # 8 months: the 2-, 4- and 6-month lists have passed
    t.send("enter", "enter")
    t.wait_all(["A quick catch-up", "Leo is past 3 checklists (2 to 6 months)", "Enter: start now"])
    t.send("esc")
    t.wait_all(["Later, then: press C", INVITE, "3 checklists"])
    t.type("2")
    t.wait_all(["By 6 months", INVITE], what="the invitation in the milestone view")
    t.type("C")
    t.wait_for("The 2-month checklist (1 of 3)")
    first = unanswered(s, "Leo")[:2]
    t.type("?")                                # not sure: nothing saved, the item stays
    t.type("y")
    t.wait_for("✓ " + first[1].split("\t")[2])
    t.type("s")
    t.wait_for("The 4-month checklist (2 of 3)")
    t.type("q")
    t.wait_for("1 answer saved")
    rows = s.query("SELECT milestone_id, status, observed FROM milestone_log")
    t.expect(rows == [(first[1].split("\t")[0], "achieved", None)], "saved: %r" % (rows,))
    t.expect(first[0] in unanswered(s, "Leo"), "the 'not sure' item is no longer unanswered")
    # a child with nothing passed is not offered anything
    t.type("a")
    t.wait_for("Add a child")
    t.type("Ivy")
    t.send("tab")
    t.type("2026-10-01")
    t.send("enter", "enter")
    t.wait_for("Saved Ivy")
    t.expect("A quick catch-up" not in t.screen_text() and INVITE not in t.screen_text(),
             "a 1-month-old is offered a catch-up")
    t.type("C")
    t.wait_for("Nothing to catch up")


def case_hang_up_keeps_answers(s, tuis):
    s.add_child("Ada", "2026-04-20")           # 7 months: 2-, 4- and 6-month lists
    t = start(s, tuis)
    t.wait_for(INVITE)
    t.type("C")
    t.wait_for("The 2-month checklist")
    t.type("a")
    t.wait_for("The 4-month checklist")
    t.type("n")
    t.wait_for("○")
    t.resize(70, 20)                           # the session survives a resize
    t.wait_all(["The 4-month checklist (2 of 3)", "○"])
    before = len(unanswered(s, "Ada"))
    t.child.kill(1)                            # the SSH session drops
    t.wait_exit()
    rows = s.query("SELECT status, count(*) FROM milestone_log GROUP BY status ORDER BY status")
    t.expect(rows == [("achieved", 11), ("not-yet", 1)], "after the hang-up: %r" % (rows,))
    t.expect(before == 13 + 12 - 1, "unanswered after 12 answers: %d" % before)


def case_plain_terminal(s, tuis):
    s.add_child("Mia", "2025-03-26")
    t = start(s, tuis, cols=60, rows=18, extra_env={"LANG": "C", "LC_ALL": "C"})
    # the view is 40 columns wide here: the line wraps, whole, with a plain dash
    t.wait_all([INVITE + " 7 checklists (87", "items) - press C"])
    t.type("C")
    t.wait_for("The 2-month checklist")
    t.type("y")
    t.wait_for("[x]")
    t.send("esc")
    t.wait_for("1 answer saved")


CASES = [
    ("a 20-month-old's catch-up: mostly all yes, two not yet, under %d keys; nothing left unanswered"
     % KEYS_MAX, case_twenty_months),
    ("the catch-up is offered after adding a child past 2 months; ? saves nothing, s skips, q leaves",
     case_offered_after_adding),
    ("each answer is saved at once: the session survives a resize, a hang-up loses nothing",
     case_hang_up_keeps_answers),
    ("60 columns without UTF-8: the invitation wraps whole and the marks are plain", case_plain_terminal),
]

tuitest_tap = None


def main():
    global tuitest_tap
    tuitest_tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tuitest_tap, desc, func, timeout_hint=30)
    tuitest_tap.done()


if __name__ == "__main__":
    main()
