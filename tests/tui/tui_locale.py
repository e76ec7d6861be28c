#!/usr/bin/python3
"""No locale damages stored text: the full-screen view under LANG=C and under
LC_ALL=POSIX (no UTF-8) opens forms on text it cannot show and saves them
without losing a byte. The screen cannot show these names, so every check reads
the bytes back from the database file, never from the screen."""
import os
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

NAME = "Zoë 李 👶"
NOTE = "très bien — 好"
LOCALE_VARS = ("LC_ALL", "LC_CTYPE", "LC_MESSAGES", "LC_COLLATE", "LANGUAGE")

# Each case runs once per locale: LANG=C alone, and LC_ALL=POSIX over a UTF-8 LANG.
LOCALES = [
    ("LANG=C", {"LANG": "C"}, LOCALE_VARS),
    ("LC_ALL=POSIX", {"LANG": "C.UTF-8", "LC_ALL": "POSIX"}, ()),
]


def blob(s, sql):
    """The first column of the first row as bytes, read from the database file."""
    rows = s.query(sql)
    if not rows:
        return None
    v = rows[0][0]
    return v.encode("utf-8", "surrogateescape") if isinstance(v, str) else v


def expect_bytes(t, got, want, what):
    want = want.encode("utf-8")
    t.expect(got == want, "%s: stored %r, expected %r" % (what, got, want))


def open_tui(s, tuis, loc, extra=None):
    env = dict(loc[1])
    env.update(extra or {})
    t = start(s, tuis, extra_env=env, unset=loc[2])
    t.wait_for("Week")
    return t


def open_child_form(t):
    t.type("e")
    t.wait_for("Edit child")
    t.wait_for("Zo? ? ?", desc="the name's stand-in (one ? per character this locale cannot show)")


def child_saved_unchanged(loc):
    def case(s, tuis):
        s.add_child(NAME, "2026-09-10")
        t = open_tui(s, tuis, loc)
        open_child_form(t)
        t.wait_for("? marks what this terminal cannot show; it is kept as it is.")
        t.send("enter", "enter", "enter")
        t.wait_for("Nothing changed")
        expect_bytes(t, blob(s, "SELECT CAST(name AS BLOB) FROM child"), NAME, "child name")
    return case


def child_other_field(loc):
    def case(s, tuis):
        s.add_child(NAME, "2026-09-10")
        t = open_tui(s, tuis, loc)
        open_child_form(t)
        t.send("enter")                     # name -> born
        t.send("ctrl-u")
        t.type("2026-09-12")
        t.resize(100, 30)                   # the form is rebuilt from what it holds
        t.wait_for("Zo? ? ?")
        t.send("enter", "enter")            # born -> due -> save
        t.wait_for("Saved")
        rows = s.query("SELECT born FROM child")
        t.expect(rows == [("2026-09-12",)], "born after the edit: %r" % (rows,))
        expect_bytes(t, blob(s, "SELECT CAST(name AS BLOB) FROM child"), NAME, "child name")
    return case


def child_locked_field(loc):
    def case(s, tuis):
        s.add_child(NAME, "2026-09-10")
        t = open_tui(s, tuis, loc)
        open_child_form(t)
        t.type("x")
        t.wait_for("so it is kept as it is")
        t.send("backspace")
        t.send("enter", "enter", "enter")
        t.wait_for("Nothing changed")
        expect_bytes(t, blob(s, "SELECT CAST(name AS BLOB) FROM child"), NAME, "child name after typing")
        # Ctrl-U clears the name on purpose; what is typed then replaces it
        open_child_form(t)
        t.send("ctrl-u")
        t.type("Zoe")
        t.send("enter", "enter", "enter")
        t.wait_for("Saved Zoe")
        expect_bytes(t, blob(s, "SELECT CAST(name AS BLOB) FROM child"), "Zoe", "child name after Ctrl-U")
    return case


def ascii_form_note(loc):
    def case(s, tuis):
        s.add_child("Mia", "2026-09-10")
        t = open_tui(s, tuis, loc)
        t.type("e")
        t.wait_for("Edit child")
        t.wait_for("Not a UTF-8 terminal: type plain letters, or Ctrl-E for your editor.")
        t.type("h")
        t.send("enter", "enter", "enter")
        t.wait_for("Saved Miah")
        expect_bytes(t, blob(s, "SELECT CAST(name AS BLOB) FROM child"), "Miah", "child name")
    return case


def open_entry(s, tuis, loc, extra=None):
    s.add_child(NAME, "2026-09-10")
    r = s.cli("activity", "log", "tummy-on-chest", "--minutes", "5", "--note", NOTE)
    if r.returncode != 0:
        raise tuitest.CaseFailed("setup: activity log failed: " + r.stderr)
    t = open_tui(s, tuis, loc, extra)
    t.type("3")
    t.wait_for("November 2026")
    t.send("enter")
    t.wait_for("Activity done")
    t.send("down", "enter")
    t.wait_for("Correct a logged activity")
    return t


def entry_saved_unchanged(loc):
    def case(s, tuis):
        t = open_entry(s, tuis, loc)
        t.send("enter", "enter", "\x13")    # -> minutes -> note; Ctrl-S saves
        t.wait_for("Nothing changed")
        expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), NOTE, "note")
    return case


def entry_other_field(loc):
    def case(s, tuis):
        t = open_entry(s, tuis, loc)
        t.send("enter")                     # how it went -> minutes
        t.send("backspace")
        t.type("12")
        t.send("enter", "\x13")             # minutes -> note; Ctrl-S saves
        t.wait_for("Saved the correction")
        rows = s.query("SELECT minutes FROM activity_log")
        t.expect(rows == [(12,)], "minutes after the correction: %r" % (rows,))
        expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), NOTE, "note")
    return case


def entry_in_editor(loc):
    def case(s, tuis):
        # an editor that changes one ASCII word in place, byte for byte elsewhere
        t = open_entry(s, tuis, loc, {"VISUAL": "sed -i s/bien/BIEN/"})
        t.send("enter", "enter")            # -> note
        t.send("\x05")                      # Ctrl-E: the note in the editor
        t.wait_for("Correct a logged activity")
        t.send("\x13")                      # Ctrl-S saves
        t.wait_for("Saved the correction")
        expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), NOTE.replace("bien", "BIEN"),
                     "note written in the editor")
    return case


def editor_unchanged(loc):
    def case(s, tuis):
        t = open_entry(s, tuis, loc, {"VISUAL": "/bin/true"})
        t.send("enter", "enter")
        t.send("\x05")
        t.wait_for("Correct a logged activity")
        t.send("\x13")
        t.wait_for("Nothing changed")
        expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), NOTE, "note")
    return case


def tab_kept(s, tuis):
    """Under UTF-8 too: a note holding a tab (the CLI takes one) is not turned into a space,
    and the note field (several lines, edited byte for byte) can be edited around it."""
    s.add_child("Mia", "2026-09-10")
    s.cli("activity", "log", "tummy-on-chest", "--minutes", "5", "--note", "a\tb")
    t = open_tui(s, tuis, ("C.UTF-8", {}, ()))
    t.type("3")
    t.wait_for("November 2026")
    t.send("enter")
    t.wait_for("Activity done")
    t.send("down", "enter")
    t.wait_for("Correct a logged activity")
    t.send("enter", "enter", "\x13")        # -> minutes -> note; Ctrl-S saves
    t.wait_for("Nothing changed")
    expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), "a\tb", "note")
    t.send("enter")
    t.wait_for("Activity done")
    t.send("down", "enter")
    t.wait_for("Correct a logged activity")
    t.send("enter", "enter", "end")
    t.type("c")
    t.send("\x13")
    t.wait_for("Saved the correction")
    expect_bytes(t, blob(s, "SELECT CAST(note AS BLOB) FROM activity_log"), "a\tbc", "note typed after the tab")


CASES = [("C.UTF-8: a note's tab is kept by the correct form", tab_kept)]
for loc in LOCALES:
    CASES += [
        (loc[0] + ": the child form saved unchanged keeps every byte of the name", child_saved_unchanged(loc)),
        (loc[0] + ": changing the birth date (and a resize) keeps every byte of the name", child_other_field(loc)),
        (loc[0] + ": a name it cannot show is not edited in place; Ctrl-U replaces it", child_locked_field(loc)),
        (loc[0] + ": a plain name is edited as usual; the form says what the terminal allows", ascii_form_note(loc)),
        (loc[0] + ": the day window's correct form keeps a note's bytes", entry_saved_unchanged(loc)),
        (loc[0] + ": correcting the minutes keeps the note's bytes", entry_other_field(loc)),
        (loc[0] + ": the note changed in $VISUAL keeps every other byte", entry_in_editor(loc)),
        (loc[0] + ": the note left unchanged in $VISUAL keeps its bytes", editor_unchanged(loc)),
    ]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
