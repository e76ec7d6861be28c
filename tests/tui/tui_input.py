#!/usr/bin/python3
"""What reaches a form from the terminal: flow control (IXON, IXOFF) is off while the
view runs, so Ctrl-S saves, and the terminal's own settings come back at exit, at a
suspend (Ctrl-Z, then fg from a job-control shell: dash) and on a hang-up; a 100 KB paste
into a note keeps, byte for byte, the beginning that fits and refuses the rest whole
(a paste that fits is kept whole); text from the editor (Ctrl-E) with an invalid byte
or an escape is refused with the line named, the field unchanged and the file kept,
and the next Ctrl-E opens that file again."""
import ast
import os
import pwd
import signal
import sys
import termios

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402

LOGIN = pwd.getpwuid(os.getuid()).pw_name
CTRL_S = "\x13"
CTRL_E = "\x05"
FLOW = termios.IXON | termios.IXOFF


def flow_on(saved):
    """A preexec_fn: the pty's termios with IXON and IXOFF on, written to `saved` as they are."""
    def fn():
        attrs = termios.tcgetattr(0)
        attrs[0] |= FLOW
        termios.tcsetattr(0, termios.TCSANOW, attrs)
        with open(saved, "w") as f:
            f.write(repr(termios.tcgetattr(0)))
    return fn


def originals(s):
    with open(os.path.join(s.dir, "termios")) as f:
        return ast.literal_eval(f.read())


def flow_of(t):
    return termios.tcgetattr(t.child.child_fd)[0] & FLOW


def add_kai(t, s):
    """Open the add-child form, fill it and save it with Ctrl-S."""
    t.send("a")
    t.wait_for("Dates as YYYY-MM-DD")
    t.type("Kai")
    t.send("tab")
    t.type("2026-10-02")
    t.wait_for("2026-10-02")
    t.child.send(CTRL_S.encode())
    t.wait_for("Saved Kai")
    rows = s.query("SELECT name, born FROM child WHERE name = 'Kai'")
    t.expect(rows == [("Kai", "2026-10-02")], "Ctrl-S did not save Kai", ["rows: %r" % rows])


def case_flow_control(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, preexec_fn=flow_on(os.path.join(s.dir, "termios")))
    t.wait_for("Week 11")
    before = originals(s)
    t.expect(before[0] & FLOW == FLOW, "setup: IXON and IXOFF were not on before toddle started")
    t.expect(flow_of(t) == 0, "IXON or IXOFF is still on while the view runs (iflag %#x)"
             % termios.tcgetattr(t.child.child_fd)[0])
    add_kai(t, s)
    t.send("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit with status 0")
    after = termios.tcgetattr(t.child.child_fd)
    t.expect(after == before, "the terminal's settings were not given back at exit",
             ["before: %r" % (before,), "after:  %r" % (after,)])


def case_suspend(s, tuis):
    s.add_child("Mia", "2026-09-10")
    env = {"PS1": "shell> ", "ENV": ""}
    # a shell without line editing, so the terminal at its prompt is as the shell found it
    if os.access("/bin/dash", os.X_OK):
        shell, args = "/bin/dash", ["-i"]
    else:
        shell, args = "/bin/bash", ["--norc", "--noprofile", "--noediting", "-i"]
    t = start(s, tuis, args=args, program=shell, extra_env=env,
              preexec_fn=flow_on(os.path.join(s.dir, "termios")))
    t.wait_for("shell>")
    before = originals(s)
    t.type("'%s' --db '%s' --today %s\r" % (tuitest.TODDLE, s.db, tuitest.TODAY))
    t.wait_for("Week 11")
    t.expect(flow_of(t) == 0, "flow control is on while the view runs")
    t.type("\x1a")                             # Ctrl-Z: back to the shell
    t.wait_for(lambda scr: "Stopped" in scr or "stopped" in scr, desc="the shell saying toddle stopped")
    now = termios.tcgetattr(t.child.child_fd)
    t.expect(now == before, "the shell did not get its terminal settings back at Ctrl-Z",
             ["before: %r" % (before,), "now:    %r" % (now,)])
    t.type("fg\r")
    t.wait_for("Week 11")
    t.settle()
    t.expect(flow_of(t) == 0, "flow control came back on after fg")
    add_kai(t, s)
    mark = len(t.raw)
    t.send("q")
    t.wait_for(lambda scr: b"shell> " in t.raw[mark:], desc="the shell's prompt after q")
    after = termios.tcgetattr(t.child.child_fd)
    t.expect(after == before, "the terminal's settings were not given back after a suspend and q",
             ["before: %r" % (before,), "after:  %r" % (after,)])
    t.type("exit\r")


def case_hangup(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis, preexec_fn=flow_on(os.path.join(s.dir, "termios")))
    t.wait_for("Week 11")
    before = originals(s)
    t.send("a")
    t.wait_for("Dates as YYYY-MM-DD")
    t.type("Kai")
    t.wait_for("Kai")
    t.child.kill(signal.SIGHUP)
    t.wait_exit(5)
    t.expect(not t.child.isalive(), "toddle did not end on a hang-up")
    after = termios.tcgetattr(t.child.child_fd)
    t.expect(after == before, "the terminal's settings were not given back on a hang-up",
             ["before: %r" % (before,), "after:  %r" % (after,)])


def clinic_note(s, tuis, extra=None):
    """A new session note for Ava, assigned to this user, the cursor in Subjective."""
    env = s.make_clinic(LOGIN, [("Ava", "2026-09-10")])
    s.ccli("assign", "--child", "Ava", "--therapist", LOGIN, "--discipline", "pt")
    t = start(s, tuis, extra_env=dict(env, **(extra or {})))
    t.wait_for("Ava ·")
    t.type("7")
    t.wait_for("Session notes")
    t.type("n")
    t.wait_for("SOAP: what you heard")
    t.send("enter", "enter")
    t.wait_for("Enter new line")
    return t


def case_paste(s, tuis):
    t = clinic_note(s, tuis)
    # a paste as a terminal sends it: line breaks as CR; the 8,000-byte end of
    # the note falls inside a three-byte character, so a letter after it would fit
    unit = "Rolled both ways, café, 寝返り; sat 5 s.\r".encode("utf-8")
    big = b"ab" + unit * (100 * 1024 // len(unit))
    stored = big.replace(b"\r", b"\n")
    keep = 8000
    while keep and (stored[keep] & 0xC0) == 0x80:
        keep -= 1
    t.expect(keep < 8000 and stored[keep] >= 0xE0, "setup: the note's end is not inside a wide character")
    t.paste(big)
    t.wait_for("Subjective is full", timeout=60)
    t.send("tab")
    small = ("Reaches for toys, 手を伸ばす, à gauche.\r" * 150).encode("utf-8")
    t.expect(6000 < len(small) < 8000, "setup: the paste that fits is %d bytes" % len(small))
    t.paste(small)
    for text in ("A", "P"):
        t.send("tab")
        t.type(text)
    t.send(CTRL_S)
    t.wait_for("Saved the session note.", timeout=60)
    got = s.query("SELECT CAST(subjective AS BLOB), CAST(objective AS BLOB) FROM session_note")
    t.expect(len(got) == 1, "no session note stored: %r" % (got,))
    subj, obj = bytes(got[0][0]), bytes(got[0][1])
    t.expect(subj == stored[:keep].rstrip(b"\n "), "Subjective is not the pasted text's beginning byte for byte",
             ["stored %d bytes, pasted %d; first difference at %r" % (
                 len(subj), len(big), next((i for i, (a, b) in enumerate(zip(subj, stored)) if a != b), None))])
    want = small.replace(b"\r", b"\n").rstrip(b"\n")
    t.expect(obj == want, "Objective is not the pasted text byte for byte",
             ["stored %d bytes, pasted %d" % (len(obj), len(want))])


def case_editor_refused(s, tuis):
    editor = os.path.join(s.dir, "editor")
    seen = os.path.join(s.dir, "editor-saw")
    # first run: an invalid byte on line 2; second: an escape on line 1;
    # third: keeps what it got (the kept file) and fixes it
    with open(editor, "w") as f:
        f.write("#!/bin/sh\n"
                "n=$(cat '%s.n' 2>/dev/null || echo 0); n=$((n + 1)); echo $n > '%s.n'\n"
                "cp \"$1\" '%s'.$n\n"
                "case $n in\n"
                "1) printf 'fine line\\nbad \\377 byte\\n' > \"$1\" ;;\n"
                "2) printf 'an \\033[2J escape\\n' > \"$1\" ;;\n"
                "*) printf 'all fixed\\n' > \"$1\" ;;\n"
                "esac\n" % (seen, seen, seen))
    os.chmod(editor, 0o755)
    t = clinic_note(s, tuis, {"VISUAL": editor})
    t.type("Typed first")
    t.wait_for("Typed first")
    t.send(CTRL_E)
    t.wait_for("invalid byte at line 2")
    t.expect("Typed first" in t.screen_text(), "the field lost its text when the edit was refused")
    kept_files = [os.path.join(d, f) for d, _, fs in os.walk(s.dir) for f in fs if f == "field.txt"]
    t.expect(len(kept_files) == 1, "the refused edit's file was not kept: %r" % kept_files)
    t.expect(kept_files[0] in t.screen_text(), "the message does not say where the edit is kept (%s)"
             % kept_files[0])
    with open(kept_files[0], "rb") as f:
        t.expect(f.read() == b"fine line\nbad \xff byte\n", "the kept file is not what the editor wrote")
    t.send(CTRL_E)                                  # opens the kept file again
    t.wait_for("invalid byte at line 1")
    with open(seen + ".2", "rb") as f:
        t.expect(f.read() == b"fine line\nbad \xff byte\n", "the second Ctrl-E did not open the kept edit")
    t.expect("Typed first" in t.screen_text(), "the field lost its text when the escape was refused")
    t.send(CTRL_E)
    t.wait_for("all fixed")
    t.wait_gone("invalid byte")
    for text in ("O", "A", "P"):
        t.send("tab")
        t.type(text)
    t.send(CTRL_S)
    t.wait_for("Saved the session note.")
    got = s.query("SELECT subjective FROM session_note")
    t.expect(got == [("all fixed",)], "the fixed edit was not what was stored: %r" % (got,))
    left = [f for d, _, fs in os.walk(s.dir) for f in fs if f == "field.txt"]
    t.expect(left == [], "the edit's file was left behind once it was taken: %r" % left)


CASES = [
    ("IXON and IXOFF are off while the view runs; Ctrl-S saves; the terminal's settings are as before after q",
     case_flow_control),
    ("Ctrl-Z gives the shell its settings, fg takes flow control off again, Ctrl-S still saves",
     case_suspend),
    ("a hang-up gives the terminal its settings back", case_hangup),
    ("a 100 KB paste into a note keeps the beginning that fits byte for byte; a paste that fits is kept whole",
     case_paste),
    ("Ctrl-E text with an invalid byte or an escape is refused with its line, the field and the file kept",
     case_editor_refused),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
