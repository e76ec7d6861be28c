#!/usr/bin/python3
"""Notes of several lines and forms that never throw work away: a two-paragraph
SOAP note typed with Enter and saved with Ctrl-S reaches the database byte for
byte and the record shows its lines; a long line wraps in the field instead of
scrolling sideways; $EDITOR (Ctrl-E) gets and gives back line breaks; Esc on a
changed form asks (n keeps it, y discards), an unchanged one closes at once; the
report form's file name follows the format and an existing file is not
replaced without a yes."""
import os
import pwd
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

LOGIN = pwd.getpwuid(os.getuid()).pw_name
CTRL_S = "\x13"
CTRL_E = "\x05"


def clinic_with(s, name):
    """A clinic (session notes live in a therapist's record) with name assigned to this user."""
    env = s.make_clinic(LOGIN, [(name, "2026-09-10")])
    s.ccli("assign", "--child", name, "--therapist", LOGIN, "--discipline", "pt")
    return env


def open_note_form(t, name):
    """From the start screen: the shown child's record, then a new session note."""
    t.wait_for(name + " ·")
    t.type("7")
    t.wait_for("Session notes")
    t.type("n")
    t.wait_for("SOAP: what you heard")


def field_rows(t, label):
    """The form's rows from the one labelled label to the next label (or the hints)."""
    rows = t.screen_text().split("\n")
    labels = ("Date ", "Minutes ", "Subjective", "Objective", "Assessment", "Plan ", "Enter new line")
    for i, line in enumerate(rows):
        if (" " + label) in line[:20]:
            out = [line]
            for more in rows[i + 1:]:
                if any((" " + x) in more[:20] for x in labels):
                    break
                out.append(more)
            return out
    t.fail("no field labelled %r on the screen" % label)


def case_soap_paragraphs(s, tuis):
    t = start(s, tuis, extra_env=clinic_with(s, "Ava"))
    open_note_form(t, "Ava")
    t.send("enter", "enter")                       # Date, Minutes: to Subjective
    t.wait_for("Enter new line")                   # a note field's own hint
    t.type("Rolled both ways.")
    t.send("enter", "enter")
    t.type("Sat with support for 5 s.")
    t.wait_for("Sat with support for 5 s.")
    t.settle()                                     # the whole frame, not one cut short by typeahead
    rows = field_rows(t, "Subjective")
    t.expect(len(rows) >= 2 and not any("Rolled" in r and "Sat with" in r for r in rows)
             and "Sat with support" not in rows[0], "the second paragraph is not on a line of its own: %r" % rows)
    t.send("tab")
    t.type("Head up")
    t.send("enter")
    t.type("Reaches for toys")
    t.send("tab")
    t.type("On track")
    t.send("tab")
    long_plan = ("Sitting games every day, propped on a cushion, a few minutes at a time, "
                 "ending before she tires")
    t.type(long_plan)
    t.wait_for("before she tires")
    t.settle()
    rows = field_rows(t, "Plan")
    t.expect(any("before she tires" in r for r in rows[1:]) and not any("Sitting games" in r and "before she" in r
                                                                        for r in rows),
             "a long line should wrap at the field's width, not scroll sideways: %r" % rows)
    t.send("up")                                   # the line above, in the same field
    t.wait_for(lambda scr: "Sitting games" in "".join(field_rows(t, "Plan")), desc="the Plan's first line")
    t.send(CTRL_S)
    t.wait_for("Saved the session note.")
    got = s.query("SELECT subjective, objective, assessment, plan FROM session_note")
    want = [("Rolled both ways.\n\nSat with support for 5 s.", "Head up\nReaches for toys", "On track",
             long_plan)]
    t.expect(got == want, "stored %r, expected %r" % (got, want))
    t.type("G")                                    # the end of the record: its notes
    t.wait_for("Sat with support for 5 s.")       # the record shows the note's lines
    lines = t.screen_text().split("\n")
    at = [i for i, line in enumerate(lines) if "S: Rolled both ways." in line]
    t.expect(at and "Sat with support" in lines[at[0] + 2] and set(lines[at[0] + 1]) <= set(" x│"),
             "the record should show each line of the note, the blank one too")


def case_editor_lines(s, tuis):
    env = clinic_with(s, "Ava")
    seen = os.path.join(s.dir, "editor-saw")
    editor = os.path.join(s.dir, "editor")
    with open(editor, "w") as f:
        f.write('#!/bin/sh\ncp "$1" "%s"\nprintf "one\\r\\n\\r\\ntwo\\n" > "$1"\n' % seen)
    os.chmod(editor, 0o755)
    t = start(s, tuis, extra_env=dict(env, VISUAL=editor))
    open_note_form(t, "Ava")
    t.send("enter", "enter")
    t.type("A")
    t.send("enter")
    t.type("B")
    t.wait_for("B")
    t.send(CTRL_E)
    t.wait_for("two")
    with open(seen, "rb") as f:
        t.expect(f.read().rstrip(b"\n") == b"A\nB", "the editor did not get the line break")
    for text in ("O", "A", "P"):
        t.send("tab")
        t.type(text)
    t.send(CTRL_S)
    t.wait_for("Saved the session note.")
    got = s.query("SELECT subjective FROM session_note")
    t.expect(got == [("one\n\ntwo",)], "the editor's lines were not kept: %r" % (got,))


def case_esc_asks(s, tuis):
    s.add_child("Ava", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Ava ·")
    t.type("a")
    t.wait_for("Add a child")
    t.send("esc")                                   # nothing typed: closes at once
    t.wait_for("Closed without saving")
    t.type("a")
    t.wait_for("Add a child")
    t.type("Zed")
    t.send("esc")
    t.wait_for("Discard your changes? y/n")
    t.expect("Add a child" in t.screen_text(), "the form went away while asking")
    t.type("n")
    t.wait_gone("Discard your changes?")
    t.type("ie")
    t.wait_for("Zedie")
    t.send("esc")
    t.wait_for("Discard your changes? y/n")
    t.type("x")                                     # only y or n answers
    t.settle()
    t.expect("Discard your changes?" in t.screen_text() and "Zedie" in t.screen_text(),
             "a key other than y or n ended the question")
    t.type("y")
    t.wait_for("Closed without saving")
    t.expect("Dates as YYYY-MM-DD" not in t.screen_text(), "the form is still open after y")
    t.expect(s.query("SELECT count(*) FROM child")[0][0] == 1, "a child was saved")
    t.expect(s.query("SELECT count(*) FROM draft")[0][0] == 0, "a draft was left")


def case_report_form(s, tuis):
    s.add_child("Ava", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Ava ·")
    t.type("r")
    t.wait_for("Write a report")
    t.send("tab", "tab", "tab")                     # past Include: the File field shows its end
    t.wait_for("-2026-11-26.html")
    t.send("backtab", "backtab", "backtab", " ")    # Format: text
    t.wait_for("text ")
    t.send("tab", "tab", "tab")
    t.wait_for(lambda scr: "-2026-11-26.txt" in scr and ".html" not in scr, desc="the file name in .txt")
    t.send("backtab", "backtab", "backtab", " ")    # md
    t.send("tab", "tab", "tab")
    t.wait_for(lambda scr: "-2026-11-26.md" in scr and ".txt" not in scr, desc="the file name in .md")
    path = os.path.join(s.home, "toddle-report-Ava-2026-11-26.md")
    with open(path, "w") as f:
        f.write("keep me\n")
    t.send(CTRL_S)
    t.wait_for("is there already. Replace it? y/n")
    t.type("n")
    t.wait_for("Not written")
    with open(path) as f:
        t.expect(f.read() == "keep me\n", "the file changed after n")
    t.send(CTRL_S)
    t.wait_for("is there already. Replace it? y/n")
    t.type("y")
    t.wait_for("Report written to")
    with open(path) as f:
        t.expect(f.read().startswith("# "), "the file is not the Markdown report after y")
    # a name the person typed stays theirs when the format changes
    t.type("r")
    t.wait_for("Write a report")
    t.send("tab", "tab", "tab", "ctrl-u")
    t.type("/tmp/mine.html")
    t.send("backtab", "backtab", "backtab", " ")
    t.wait_for("text")
    t.expect("/tmp/mine.html" in t.screen_text(), "the typed file name was changed")


CASES = [
    ("a two-paragraph SOAP note typed with Enter, saved with Ctrl-S, stored byte for byte; lines wrap",
     case_soap_paragraphs),
    ("Ctrl-E gives the editor the note's line breaks and keeps the ones it gives back",
     case_editor_lines),
    ("Esc on a changed form asks (n keeps it, other keys wait, y discards); unchanged closes at once",
     case_esc_asks),
    ("the report file name follows the format; an existing file is replaced only after y",
     case_report_form),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
