#!/usr/bin/python3
"""The mouse (SGR 1006 sequences, as ncurses asks xterm-256color for): a click
selects, a click on the selected line opens, the wheel scrolls, in the views,
the menu and open windows; [ui] mouse = false leaves the mouse alone. And the
smaller items: a future calendar day offers no activity to log; d toggles
watched in the class list, kept as history; "play video" only for a class that
has one; ending an ended program entry says so in the view's words; a name
field at its limit says so."""
import os
import pwd
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402


def row_of(t, text):
    """The screen row (0-based) holding text, and its column."""
    for y, line in enumerate(t.screen.display):
        x = line.find(text)
        if x >= 0:
            return y, x
    t.fail("%r is not on the screen" % text)


def click(t, y, x):
    """A left-button press and release at row y, column x (0-based) in SGR 1006."""
    t.child.send(("\x1b[<0;%d;%dM\x1b[<0;%d;%dm" % (x + 1, y + 1, x + 1, y + 1)).encode())
    t.pump(0)


def wheel(t, y, x, down):
    t.child.send(("\x1b[<%d;%d;%dM" % (65 if down else 64, x + 1, y + 1)).encode())
    t.pump(0)


def first_pick(t):
    """Row and column of the first activity picked for the week."""
    y, _x = row_of(t, "Picked for")
    seg = t.screen.display[y + 1][23:]
    return y + 1, 23 + len(seg) - len(seg.lstrip())


def selected_on(t, y):
    return any(ch.reverse or ch.bg != "default" for ch in t.screen.buffer[y].values())


def write_config(s, text):
    d = os.path.join(s.dir, "config", "toddle")
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "toddle.ini"), "w") as f:
        f.write(text)


def case_click_selects_then_opens(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.settle()
    t.expect(b"1006" in t.raw, "toddle did not ask the terminal for SGR mouse reports")
    y, x = first_pick(t)
    title = t.line(y)[x:].split(" (")[0]
    click(t, y, x + 2)
    t.wait_for(lambda _s: selected_on(t, y), desc="the clicked activity to be selected")
    t.settle()
    t.expect("Steps" not in t.screen_text(), "one click opened the activity")
    click(t, y, x + 2)
    t.wait_all([title, "Steps"], what="the activity opened by a second click")
    t.send("esc")
    t.wait_gone("Steps")


def case_menu_click(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_all(["Week 11", "Classes"], what="the week and the menu")
    y, x = row_of(t, "Classes")
    click(t, y, x)
    t.wait_for(lambda _s: selected_on(t, y), desc="the menu's Classes to be selected")
    click(t, y, x)
    t.wait_for("For this age")


def case_wheel_scrolls(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("?")
    t.wait_for("Keys")
    t.settle()
    y, x = row_of(t, "Keys")
    # ncurses scrolls with CSI S, which pyte does not follow: Ctrl-L repaints the whole screen
    for _ in range(4):
        wheel(t, y + 2, x, True)
    t.send("\x0c")
    t.wait_for(lambda _s: not t.line(y)[x:].startswith("Keys"), desc="the help to scroll down with the wheel")
    for _ in range(12):
        wheel(t, y + 2, x, False)
    t.send("\x0c")
    t.wait_for(lambda _s: t.line(y)[x:].startswith("Keys"), desc="the wheel up to bring the help back to its top")


def case_mouse_off(s, tuis):
    s.add_child("Mia", "2026-09-10")
    write_config(s, "[ui]\nmouse = false\n")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.settle()
    t.expect(b"1006" not in t.raw and b"?1000h" not in t.raw,
             "with [ui] mouse = false toddle still asked for mouse reports")
    y, x = first_pick(t)
    click(t, y, x + 2)
    click(t, y, x + 2)
    t.settle()
    t.expect("Steps" not in t.screen_text(), "with the mouse off, two clicks opened an activity")


def case_future_day(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("3")
    t.wait_for("November 2026")
    t.send("right", "enter")
    t.wait_all(["2026-11-27", "This day is still to come"], what="a future day")
    t.expect("Log an activity on this day" not in t.screen_text(), "a future day offers to log an activity")
    t.send("esc", "enter")
    t.wait_all(["2026-11-27"], what="the day again")
    t.send("esc", "left", "enter")
    t.wait_all(["2026-11-26 (today)", "Log an activity on this day"], what="today still offers activities")


def case_class_toggle(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("4")
    t.wait_for("For this age")
    t.type("d")
    t.wait_for("Marked as watched")
    t.wait_for("✓")
    t.type("d")
    t.wait_for("Marked as not watched")
    t.wait_gone("✓")
    rows = s.query("SELECT class_id, unwatched, created_by FROM class_log ORDER BY id")
    t.expect(len(rows) == 2 and rows[0][0] == rows[1][0] and [r[1] for r in rows] == [0, 1] and rows[1][2],
             "class_log after d, d: %r (both rows kept, the second says not watched)" % (rows,))
    audit = s.query("SELECT action FROM audit WHERE action LIKE 'class%' ORDER BY id")
    t.expect([a[0] for a in audit] == ["class watched", "class marked not watched"], "audit: %r" % (audit,))
    t.send("enter")
    t.wait_for(lambda _s: "d watched on/off" in t.line(t.rows - 1), desc="an open class's hints")
    t.settle()
    t.expect("play video" not in t.line(t.rows - 1), "a class without a video offers to play one: %r"
             % t.line(t.rows - 1))


def case_video_hint(s, tuis):
    s.add_child("Mia", "2026-09-10")
    lib = os.path.join(s.dir, "ours")
    os.makedirs(lib)
    with open(os.path.join(lib, "ours.ini"), "w") as f:
        f.write("[video tummy-time-day-one]\nurl = https://example.invalid/tummy\n")
    write_config(s, "[library]\nextra = %s\n" % lib)
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("4")
    t.wait_all(["For this age", "Tummy time from the first day home"], what="the classes")
    y, x = row_of(t, "Tummy time from the first day home")
    click(t, y, x)
    click(t, y, x)
    t.wait_for(lambda _s: "p play video" in t.line(t.rows - 1), desc="the hint 'p play video'")


def case_program_already_ended(s, tuis):
    # the home program is kept in a clinic's record
    env = s.make_clinic(pwd.getpwuid(os.getuid()).pw_name, [("Mia", "2026-09-10")])
    s.ccli("program", "add", "--activity", "tummy-on-chest", "--times", "2", "--per", "day",
           "--from", "2026-11-23", "--to", "2026-11-25")
    t = start(s, tuis, extra_env=env)
    t.wait_for("Mia ·")
    t.type("7")
    t.wait_for("Home program this week")
    t.send("down")
    t.type("x")
    t.wait_for("This program entry already ended on 2026-11-25: there is nothing to end.")
    t.expect("toddle program list" not in t.screen_text() and "nothing was changed" not in t.screen_text(),
             "a command-line message in the view")


def case_name_limit(s, tuis):
    t = start(s, tuis)
    t.wait_for("Welcome to toddle")
    t.type("a")
    t.wait_for("Name")
    t.type("a" * 201)
    t.wait_for("Name: at most 200 characters")
    t.type("\t2026-09-10")
    t.send("enter", "enter")
    t.wait_for(lambda _s: s.query("SELECT length(name) FROM child") == [(200,)], desc="a 200-character child")


CASES = [
    ("a click selects a line, a click on the selected line opens it", case_click_selects_then_opens),
    ("a click in the menu selects, a second opens the view", case_menu_click),
    ("the wheel scrolls an open window", case_wheel_scrolls),
    ("[ui] mouse = false: no mouse reports asked for, clicks do nothing", case_mouse_off),
    ("a future calendar day offers no activity to log", case_future_day),
    ("d in the class list toggles watched, kept as history with who and when", case_class_toggle),
    ("'p play video' only for a class with a video", case_video_hint),
    ("an already ended program entry: the view's words", case_program_already_ended),
    ("a name field at its limit says so; 200 characters are kept", case_name_limit),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
