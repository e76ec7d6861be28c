#!/usr/bin/python3
"""Moving around and searching, the same in every list and document: PgDn pages the
selection through the week's whole list to its last activity, End/G select the last
item and Home/g the first (week, milestones, a long help screen); / finds as it is
typed, ignoring case and accents, n/N step, Esc goes back to where the search started;
the week view's / searches every activity of every age and opens the one found; the
pane with the focus is marked without colour."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, TODAY  # noqa: E402

MONO = {"NO_COLOR": "1"}   # the selection is then reverse video, whatever the terminal


def pane_rows(t):
    """Rows 2..n-3 of the screen: inside the main pane's box (and an overlay over it)."""
    return range(2, t.rows - 2)


def selected(t, x=25):
    """The text of the rows drawn reversed at column x (the selected item), joined."""
    rows = [t.line(y)[x - 1:].rstrip(" x") for y in pane_rows(t) if t.screen.buffer[y][x].reverse]
    return " ".join(r.strip() for r in rows)


def week_titles(s, week=11):
    """The week's whole list of activities in the order the view shows them."""
    return [r[0] for r in s.query("SELECT title FROM activity WHERE week_from <= ? AND week_to >= ?"
                                  " ORDER BY domain, title", (week, week))]


def press_until_still(t, key, limit=40):
    """Press key until the screen stops changing; returns the screens seen (first: before)."""
    seen = [t.screen_text()]
    for _ in range(limit):
        t.send(key)
        t.settle()
        if t.screen_text() == seen[-1]:
            return seen
        seen.append(t.screen_text())
    t.fail("%s still changed the screen after %d presses" % (key, limit))


def case_week_paging(s, tuis):
    s.add_child("Mia", "2026-09-10")   # 11 weeks on the pinned day
    titles = week_titles(s)
    t = start(s, tuis, extra_env=MONO)
    t.wait_for("Picked for Mia this week")
    seen = press_until_still(t, "pgdn")
    t.expect(len(seen) >= 3, "PgDn paged %d times: the week's list is longer than two screens" % (len(seen) - 1))
    t.expect(selected(t).startswith(titles[-1]), "after PgDn to the end the last activity %r is not selected"
             " (selected: %r)" % (titles[-1], selected(t)))
    passed = [x for x in titles if any(x in scr for scr in seen[2:])]
    t.expect(len(passed) > len(titles) // 2, "PgDn did not page through the list: only %r were shown"
             % passed)
    t.send("g")
    t.wait_for("Picked for Mia this week")
    t.settle()  # the whole frame, not the first rows of it (seen under load)
    first = selected(t)
    t.expect(first and "Picked for Mia" not in first and "Week 11: " in t.line(2),
             "g: not at the top with the first activity selected (selected %r)" % first)
    t.send("G")
    t.wait_for(lambda scr: selected(t).startswith(titles[-1]), desc="G selecting the last activity")
    t.send("home")
    t.wait_for(lambda scr: selected(t) == first, desc="Home selecting the first activity again")
    t.send("end")
    t.wait_for(lambda scr: selected(t).startswith(titles[-1]), desc="End selecting the last activity")
    t.send("pgup")
    t.wait_for(lambda scr: selected(t) and not selected(t).startswith(titles[-1]),
               desc="PgUp moving the selection up a page")


def case_milestone_paging(s, tuis):
    s.add_child("Leo", "2026-01-15")   # 10 months: the 9-month checklist
    t = start(s, tuis, extra_env=MONO)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    t.send("down")                      # a checklist item selected
    t.wait_for(lambda scr: selected(t) != "", desc="the first item selected")
    first = selected(t)
    seen = press_until_still(t, "pgdn")
    t.expect(len(seen) >= 3, "with an item selected PgDn moved only %d times" % (len(seen) - 1))
    t.expect("Progress up to 10 months" in seen[-1], "PgDn never reached the progress at the end")
    t.expect("Walks alone" in selected(t), "after PgDn to the end the last WHO window is not selected: %r"
             % selected(t))
    t.send("g")
    t.wait_for(lambda scr: selected(t) == first and "achieved" in t.line(2), desc="g: the top, first item")
    t.send("G")
    t.wait_for(lambda scr: "Walks alone" in selected(t) and "movement" in scr, desc="G: the end, last window")


def case_help_paging(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, extra_env=MONO, rows=18, cols=60)
    t.wait_for("Mia")
    t.send("?")
    t.wait_for("show this help")
    top = t.screen_text()
    t.send("pgdn")
    t.wait_for(lambda scr: scr != top, desc="PgDn to page the help")
    t.send("G")
    t.wait_for("while it applies")       # the help's last sentence
    t.send("g")
    t.wait_for(lambda scr: scr == top, desc="g back at the help's top")
    t.send("end")
    t.wait_for("while it applies")
    t.send(" ")                          # Space at the end changes nothing
    t.settle()
    t.expect("while it applies" in t.screen_text(), "Space at the end moved the help away from its end")
    t.send("home")
    t.wait_for(lambda scr: scr == top, desc="Home back at the help's top")


def status(t):
    return t.line(t.rows - 1)


def case_search_guidance(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, extra_env=MONO)
    t.wait_for("Mia")
    t.type("5")
    t.wait_for("Who helps with what")
    t.settle()
    before = t.screen_text()
    t.type("/")
    t.wait_for(lambda scr: status(t).startswith("/_"), desc="the search prompt on the status line")
    t.type("THÉRAPY")                    # upper case and an accent the guidance does not have
    t.wait_for(lambda scr: status(t).startswith("/THÉRAPY_  1 of "), desc="a first match as typed")
    total = int(status(t).split(" of ")[1].split()[0])
    t.expect(total >= 2, "only %d match for 'therapy': n cannot be tried" % total)
    marked = selected(t, x=24)
    t.expect("therapy" in marked.lower(), "the line found is not marked: %r" % marked)
    t.send("enter")
    t.wait_for(lambda scr: "n N next/previous" in status(t), desc="n and N offered once kept")
    t.type("n")
    t.wait_for(lambda scr: status(t).startswith("/THÉRAPY  2 of %d" % total), desc="n to match 2")
    t.type("N")
    t.wait_for(lambda scr: status(t).startswith("/THÉRAPY  1 of %d" % total), desc="N back to match 1")
    t.type("N")
    t.wait_for(lambda scr: status(t).startswith("/THÉRAPY  %d of %d" % (total, total)),
               desc="N round to the last match")
    t.send("esc")                        # ends the kept search where it is
    t.wait_for(lambda scr: not status(t).startswith("/"), desc="Esc ending the search")
    t.settle()
    kept = t.screen_text()
    t.expect(kept != before, "the last match is on the page the search started from: Esc is not tested")
    t.send("g")
    t.settle()
    top = t.screen_text()
    t.type("/")
    t.type("Loses any skill")            # near the end of the guidance
    t.wait_for(lambda scr: status(t).startswith("/Loses any skill_  1 of"), desc="a new search")
    t.expect(t.screen_text().split("\n")[2:-1] != top.split("\n")[2:-1], "the match is on the top page")
    t.send("esc")                        # while typing: back to where it started
    t.wait_for(lambda scr: not status(t).startswith("/"), desc="Esc leaving the search")
    t.settle()
    t.expect(t.screen_text() == top, "Esc while typing did not go back to the top of the guidance",
             ["where the search started:"] + top.split("\n"))
    t.type("/")
    t.type("zzqq")
    t.wait_for(lambda scr: "not found" in status(t), desc="'not found' for a word nowhere")
    t.send("esc")
    t.settle()
    t.expect(t.screen_text() == top, "Esc after 'not found' did not leave the view as it was")


def case_search_back_to_start(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, extra_env=MONO)
    t.wait_for("Mia")
    t.type("4")                          # the classes: a list
    t.wait_for("For this age")
    t.send("down", "down")
    t.settle()
    start_sel, start_screen = selected(t), t.screen_text()
    t.type("/")
    t.type("sleep")
    t.wait_for(lambda scr: status(t).startswith("/sleep_  1 of"), desc="a class about sleep found")
    t.expect("sleep" in selected(t).lower() and selected(t) != start_sel,
             "the class found is not selected: %r" % selected(t))
    t.send("esc")
    t.wait_for(lambda scr: not status(t).startswith("/"), desc="Esc leaving the search")
    t.settle()
    t.expect(selected(t) == start_sel and t.screen_text().split("\n")[1:-1] == start_screen.split("\n")[1:-1],
             "Esc did not go back to the class selected before (%r, now %r)" % (start_sel, selected(t)))
    t.type("/")
    t.type("sleep")
    t.wait_for(lambda scr: status(t).startswith("/sleep_  1 of"))
    found = selected(t)
    t.send("enter")                      # keeps the place
    t.wait_for(lambda scr: not status(t).startswith("/sleep_"))
    t.expect(selected(t) == found, "Enter did not keep the class found (%r, now %r)" % (found, selected(t)))
    t.send("enter")                      # opens it
    t.wait_for(" Class ")


EXTRA_ACTIVITY = """[activity eveil-musical]
title = Éveil musical au tambour
weeks = 60-70
domain = sensory
discipline = general
minutes = 10
materials = a pot and a wooden spoon
step = Tap a slow beat and stop; wait for your toddler to tap back.
why = Taking turns with sounds builds listening and play.
builds = cdc-18m-se-points-to-share
easier = Tap together, your hand over theirs.
harder = Tap a quick beat and a slow one.
"""


def case_week_search_all_ages(s, tuis):
    s.add_child("Mia", "2026-09-10")   # week 11: nothing of weeks 60-70 in this week's list
    lib = os.path.join(s.dir, "lib")
    os.makedirs(lib)
    with open(os.path.join(lib, "ours.ini"), "w", encoding="utf-8") as f:
        f.write(EXTRA_ACTIVITY)
    ini = os.path.join(s.dir, "toddle.ini")
    with open(ini, "w", encoding="utf-8") as f:
        f.write("[library]\nextra = %s\n" % lib)
    t = start(s, tuis, extra_env=MONO, args=["--db", s.db, "--today", TODAY, "--config", ini])
    t.wait_for("Picked for Mia this week")
    t.expect("Éveil" not in t.screen_text(), "the activity of weeks 60-70 is in week 11's view")
    t.type("/")
    t.type("EVEIL MUS")                  # no accent typed; the title has one
    t.wait_for("Activities of every age matching")
    t.wait_for(lambda scr: selected(t).startswith("Éveil musical au tambour"), desc="the activity found selected")
    t.send("enter")                      # keep
    t.send("enter")                      # open
    t.wait_for(" Activity ")
    t.wait_all(["Éveil musical au tambour", "weeks 60-70", "a pot and a wooden spoon"],
               what="the activity of another age, opened")
    t.send("esc")                        # closes the activity: the matches again
    t.wait_for("Activities of every age matching")
    t.send("esc")                        # ends the search: back to the week
    t.wait_for("Picked for Mia this week")


def case_focus_without_colour(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term="vt100", extra_env=MONO)
    t.wait_for("Picked for Mia this week")

    def marked(word):
        line = t.line(1)
        i = line.find(" %s " % word)
        return i >= 0 and "◀" in line[i:i + len(word) + 4] and t.screen.buffer[1][i + 1].reverse

    t.expect(marked("This week") and not marked("toddle"),
             "at start the main pane is not the one marked ◀ and reversed: %r" % t.line(1))
    t.send("tab")
    t.wait_for(lambda scr: marked("toddle") and not marked("This week"), desc="the menu marked after Tab")
    t.send("tab")
    t.wait_for(lambda scr: marked("This week") and not marked("toddle"), desc="the main pane marked again")


def case_today_past_limit(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, args=["--db", s.db, "--today", "2999-12-31"])
    t.wait_for("2999-12-31 is more than 6 years after Mia's birth date")
    t.wait_for("Mia · 6 years")             # shown as on the last day toddle follows her
    t.expect("973 years" not in t.screen_text(), "--today 2999-12-31 still shows an age of 973 years")
    for key in ("]", "]", "[", "2", "1"):
        t.type(key)
    t.settle()
    t.expect("973 years" not in t.screen_text(), "stepping the weeks shows an age of 973 years")
    t.type("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit")


CASES = [
    ("PgDn pages the week's activities to the last; End/G the last, Home/g the first", case_week_paging),
    ("with a milestone selected PgDn pages to the end; g and G go to the first and last", case_milestone_paging),
    ("a long help screen pages with PgDn, Space, g/G and Home/End at 60x18", case_help_paging),
    ("/ in the guidance ignores case and accents; n/N step and go round; Esc ends", case_search_guidance),
    ("/ in the classes: Esc goes back to the class selected before, Enter keeps the one found",
     case_search_back_to_start),
    ("/ in the week view finds an activity of another age (accent-blind) and opens it",
     case_week_search_all_ages),
    ("without colour the focused pane's title is marked and reversed, and Tab moves the mark",
     case_focus_without_colour),
    ("a --today more than 6 years after the birth is said, and the child shown at 6 years, never '973 years'",
     case_today_past_limit),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func, timeout_hint=30)
    tap.done()


if __name__ == "__main__":
    main()
