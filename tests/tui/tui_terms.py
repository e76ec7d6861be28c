#!/usr/bin/python3
"""End-to-end tests of toddle's full-screen view on different terminals and environments."""
import os
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start, CaseFailed  # noqa: E402

WIDE = "Zoë 日本"


def coloured_cells(t):
    """Cells drawn with a foreground or background colour."""
    n = 0
    for y in range(t.screen.lines):
        line = t.screen.buffer[y]
        for x in range(t.screen.columns):
            ch = line[x]
            if ch.fg != "default" or ch.bg != "default":
                n += 1
    return n


def first_screen(t, name="Mia"):
    t.wait_for("Week 11")
    t.wait_for(lambda s: name in s.split("\n")[0], desc="%r in the title bar" % name)
    t.wait_for("Picked for %s this week" % name)


def quit_ok(t):
    t.send("q")
    st = t.wait_exit(5)
    t.expect(st == 0, "after 'q': exit status %r, expected 0 (None: still running)" % st)


def case_linux(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term="linux")
    first_screen(t)
    t.send("2")
    t.wait_for("By ")
    quit_ok(t)


def case_vt100(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term="vt100")
    first_screen(t)
    t.settle()
    n = coloured_cells(t)
    t.expect(n == 0, "%d cells are coloured on a vt100, which has no colours" % n)
    t.send("down")             # arrow keys in vt100 application mode
    t.send("enter")
    t.wait_for("Steps")
    t.send("esc")
    t.wait_gone("Steps", timeout=5)
    quit_ok(t)


def case_no_color(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, extra_env={"NO_COLOR": "1"})
    first_screen(t)
    t.settle()
    n = coloured_cells(t)
    t.expect(n == 0, "NO_COLOR=1 is set, yet %d cells are coloured" % n)
    quit_ok(t)


def case_colour_default(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    first_screen(t)
    t.settle()
    t.expect(coloured_cells(t) > 0, "xterm-256color without NO_COLOR shows no colour at all")
    quit_ok(t)


def case_wide_name(s, tuis):
    s.add_child(WIDE, "2026-09-10")
    t = start(s, tuis)
    first_screen(t, WIDE)
    scr = t.screen_text()
    menu = [l for l in scr.split("\n")[1:-1] if WIDE in l]
    t.expect(menu, "the menu does not list %r" % WIDE)
    # the wide characters take two cells each: the title's right part stays in its columns
    row = t.screen.buffer[0]
    cols = [x for x in range(t.screen.columns) if row[x].data == "?"]
    t.expect(cols == [t.screen.columns - 16],
             "the title's '? help' is at column %r, expected %d (wide characters miscounted)"
             % (cols, t.screen.columns - 16))
    quit_ok(t)


def case_dumb(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term="dumb")
    st = t.wait_exit(8)
    if st is None:
        t.fail("with TERM=dumb toddle is still running after 8 s (it should refuse)")
    t.expect(st == 1, "TERM=dumb: exit status %r, expected 1" % st)
    out = bytes(t.raw).decode("utf-8", "replace")
    t.expect("terminal" in out.lower(), "TERM=dumb: no message about the terminal",
             ["output: %r" % out[-300:]])


def case_unset(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term=None, unset=("TERM",))
    deadline_ok = False
    try:
        t.wait_for(lambda scr: "Week 11" in scr or t.eof, timeout=8, desc="the first screen or an exit")
        deadline_ok = True
    except CaseFailed:
        pass
    if t.eof or not t.alive():
        st = t.wait_exit(5)
        out = bytes(t.raw).decode("utf-8", "replace")
        t.expect(st == 1, "TERM unset: toddle ended with status %r, expected 1 (or a working screen)"
                 % st, ["output: %r" % out[-300:]])
        t.expect("TERM" in out or "terminal" in out.lower(),
                 "TERM unset: it refused without saying why", ["output: %r" % out[-300:]])
        return
    t.expect(deadline_ok, "TERM unset: neither a screen nor an exit within 8 s")
    first_screen(t)
    quit_ok(t)


def case_unknown_term(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, term="no-such-terminal-xyz")
    t.wait_for(lambda scr: "Week 11" in scr or t.eof, timeout=8, desc="the first screen or an exit")
    if t.eof:
        st = t.wait_exit(5)
        out = bytes(t.raw).decode("utf-8", "replace")
        t.expect(st == 1, "unknown TERM: exit status %r, expected 1" % st, ["output: %r" % out[-300:]])
        return
    t.wait_for("unknown")      # the status line says it draws as vt100
    first_screen(t)
    quit_ok(t)


def case_not_a_tty(s, tuis):
    env = s.env()
    try:
        r = subprocess.run([tuitest.TODDLE, "--db", s.db], env=env, stdin=subprocess.DEVNULL,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=10,
                           universal_newlines=True)
    except subprocess.TimeoutExpired:
        raise CaseFailed("with stdin not a terminal toddle did not end within 10 s")
    diag = ["exit %d" % r.returncode, "stdout: %r" % r.stdout[-300:], "stderr: %r" % r.stderr[-300:]]
    if r.returncode != 1:
        raise CaseFailed("stdin not a terminal: exit status %d, expected 1" % r.returncode, diag)
    if "needs a terminal" not in r.stderr:
        raise CaseFailed("stdin not a terminal: stderr does not say it needs a terminal", diag)
    if "\x1b" in r.stdout:
        raise CaseFailed("stdin not a terminal: escape sequences were written to stdout", diag)


def case_c_locale(s, tuis):
    """Without a UTF-8 locale toddle draws plain ASCII: no '?' where a mark would be."""
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, extra_env={"LC_ALL": "C", "LANG": "C"})
    t.wait_for("Week 11")
    t.wait_for("Mia - 11 weeks")          # the title's dot becomes a dash
    t.type("2")
    t.wait_for("[~] emerging")            # ASCII marks in the legend
    t.wait_for("By 2 months")             # the whole milestone view, not the week's rest
    t.settle()
    t.expect("?" not in t.screen_text().replace("? help", ""), "a '?' stands in for a character")
    quit_ok(t)


def case_escape_in_name(s, tuis):
    """A name holding terminal escape sequences (written with another tool) is drawn safely."""
    s.add_child("Mia", "2026-09-10")
    import sqlite3
    con = sqlite3.connect(s.db)
    con.execute("UPDATE child SET name = ? WHERE name = 'Mia'", ("Mi\x1b[31ma\x1b]0;pwned\x07\x1b[2J",))
    con.commit()
    con.close()
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.wait_for("Mia")                      # the sequences are removed whole
    t.expect(not coloured_cells(t) or all(c.fg != "red" for row in t.screen.buffer.values()
                                          for c in row.values()), "the name turned the screen red")
    t.expect(b"\x1b]0;pwned" not in bytes(t.raw), "the title-setting sequence reached the terminal")
    quit_ok(t)


def case_normal_mode_arrows(s, tuis):
    """A terminal that ignores keypad mode sends ESC [ B for Down: it must move, not step a week."""
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    first_screen(t)
    t.type("\x1b[B\x1b[B")   # Down twice, in the terminal's normal cursor mode
    t.type("\r")               # open what is selected
    t.wait_for("Steps")
    t.send("esc")
    t.wait_gone("Steps", timeout=5)
    t.expect("press t to go back" not in t.screen_text(), "ESC [ B stepped to another week",
             [t.screen_text()])
    t.expect("Week 11" in t.screen_text(), "the week changed", [t.screen_text()])
    quit_ok(t)


CASES = [
    ("TERM=linux: the first screen works", case_linux),
    ("TERM=vt100: the first screen works without colour", case_vt100),
    ("NO_COLOR=1: the first screen works without colour", case_no_color),
    ("xterm-256color without NO_COLOR uses colour", case_colour_default),
    ("a wide UTF-8 name shows in the title and menu", case_wide_name),
    ("TERM=dumb: refuses with status 1 and says why", case_dumb),
    ("TERM unset: works or refuses cleanly, no hang or crash", case_unset),
    ("an unknown TERM falls back or refuses cleanly", case_unknown_term),
    ("stdin not a terminal: status 1, needs a terminal", case_not_a_tty),
    ("no UTF-8 locale (LC_ALL=C): the screen is plain ASCII", case_c_locale),
    ("escape sequences in a stored name never reach the terminal", case_escape_in_name),
    ("arrows in normal cursor mode (ESC [ B) move the selection", case_normal_mode_arrows),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
