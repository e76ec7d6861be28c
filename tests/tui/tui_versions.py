#!/usr/bin/python3
"""Forms bound to the child they were opened for, with several people on one
database: a note form open for a child that another process deletes is refused
with who deleted it (nothing reaches the next child, the text is kept as a
draft); a terminal whose input ends (EOF/EIO, no signal) keeps the open form as a
draft; a draft is offered only in its own child's form; and a hang-up while the
editor (Ctrl-E) is open keeps the editor's text and leaves no file behind."""
import os
import pty
import signal
import stat
import sys
import time
import tty

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import CaseFailed, run_case, start  # noqa: E402

LOGIN = __import__("pwd").getpwuid(os.geteuid()).pw_name


def child_id(s, name):
    rows = s.query("SELECT id FROM child WHERE name = ?", (name,))
    if not rows:
        raise CaseFailed("setup: no child called %s" % name)
    return rows[0][0]


def open_note_form(t, name):
    """From the start screen: the record of the shown child, then a new note."""
    t.wait_for(name + " ·")
    t.type("7")
    t.wait_for("Session notes")
    t.type("n")
    t.wait_for("SOAP: what you heard")


def show_child(t, name):
    """Show a child through the caseload: every child, searched by name (/), Enter."""
    t.type("6")
    t.wait_for(lambda scr: "Children assigned to you" in scr or "Every child" in scr, desc="the caseload")
    if "Every child" not in t.screen_text():
        t.type("A")
        t.wait_for("Every child")
    t.type("/")
    t.wait_for(lambda scr: scr.split("\n")[-1].startswith("/_"), desc="the search on the status line")
    t.type(name)
    t.wait_for(lambda scr: scr.split("\n")[-1].startswith("/%s_  1 of" % name), desc="%s found" % name)
    t.send("enter")                       # keep the row found
    t.send("enter")                       # and open it
    t.wait_for(lambda scr: (name + " ·") in scr.split("\n")[0], desc="%s shown in the title" % name)


def case_deleted_child(s, tuis):
    env = s.make_clinic(LOGIN, [("Ava", "2026-09-10"), ("Ben", "2026-05-01")])
    ava = child_id(s, "Ava")
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    t.send("enter", "enter")              # date, minutes
    for text in ("Mum says rolling", "Rolled both ways", "On track"):
        t.type(text)
        t.send("tab")                     # Enter in a note starts a new line
    t.type("Keep floor time")             # the last field: Ctrl-S saves
    t.settle()
    r = s.ccli("child", "delete", "Ava")  # an admin, in another process
    t.expect(r.returncode == 0, "child delete failed: %s" % r.stderr)
    t.wait_for(lambda scr: "Ben ·" in scr.split("\n")[0], timeout=5,
               desc="the screen to move on to Ben after the deletion")
    t.send("\x13")
    t.wait_all(["Ava was removed by %s at" % LOGIN, "nothing was saved", "kept as a draft"], timeout=5,
               what="the refusal naming who removed Ava")
    t.expect("SOAP: what you heard" in t.screen_text(), "the form closed after the refusal")
    notes = s.query("SELECT child_id, plan FROM session_note")
    t.expect(notes == [], "a note was written after Ava was deleted: %r" % (notes,))
    drafts = s.query("SELECT child_id, body FROM draft")
    t.expect(len(drafts) == 1 and "Keep floor time" in drafts[0][1] and drafts[0][0] is None,
             "the typed text should be kept as a draft (no longer tied to the deleted child): %r" % (drafts,))
    t.send("esc")
    t.wait_for("your text is kept as a draft")
    t.expect(len(s.query("SELECT 1 FROM draft")) == 1, "Esc after the refusal dropped the kept draft")
    t.expect(ava not in [row[0] for row in s.query("SELECT id FROM child")], "Ava is still there")


def start_with_own_input(s, tuis, env):
    """toddle whose input is a second pty (not its controlling terminal): closing
    that pty's master ends toddle's input with EOF/EIO and sends no signal."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)

    def use_slave_as_stdin():
        # pexpect closes inherited descriptors first: open the pty again by name
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        os.dup2(fd, 0)
        os.close(fd)

    t = start(s, tuis, preexec_fn=use_slave_as_stdin, extra_env=env)
    os.close(slave)
    return t, master


def case_eof_keeps_draft(s, tuis):
    env = s.make_clinic(LOGIN, [("Ava", "2026-09-10"), ("Ben", "2026-05-01")])
    ava = child_id(s, "Ava")
    t, keys = start_with_own_input(s, tuis, env)
    t.wait_for("Ava ·")
    os.write(keys, b"7")
    t.wait_for("Session notes")
    os.write(keys, b"n")
    t.wait_for("SOAP: what you heard")
    os.write(keys, b"\r\rHalf a note about Ava")
    t.wait_for("Half a note about Ava")
    os.close(keys)                        # end of input, no SIGHUP
    st = t.wait_exit(5)
    t.expect(st is not None, "toddle did not end when its input ended")
    t.expect(st == 0, "toddle ended with status %r (a signal would be negative)" % (st,))
    drafts = s.query("SELECT child_id, form, body FROM draft")
    t.expect(len(drafts) == 1 and drafts[0][0] == ava and "Half a note about Ava" in drafts[0][2],
             "the draft after end of input: %r" % (drafts,))
    # Ben's note form does not offer Ava's draft; Ava's does
    t2 = start(s, tuis, extra_env=env)
    t2.wait_for("Ava ·")
    show_child(t2, "Ben")
    t2.type("7")
    t2.wait_for("Session notes")
    t2.type("n")
    t2.wait_for("SOAP: what you heard")
    t2.settle()
    scr = t2.screen_text()
    t2.expect("Half a note" not in scr and "unsaved text" not in scr, "Ava's draft was offered in Ben's form")
    t2.send("esc")
    t2.wait_for("Closed without saving")
    t2.expect(len(s.query("SELECT 1 FROM draft")) == 1, "Esc in Ben's form dropped Ava's draft")
    show_child(t2, "Ava")
    t2.type("7")
    t2.wait_for("Session notes")
    t2.type("n")
    t2.wait_all(["Half a note about Ava", "unsaved text"], what="Ava's draft offered in her own form")


def case_editor_hangup(s, tuis):
    env = s.make_clinic(LOGIN, [("Ava", "2026-09-10")])
    run = os.path.join(s.dir, "run")
    os.mkdir(run, 0o700)
    editor = os.path.join(s.dir, "slow-editor")
    marker = os.path.join(s.dir, "editor-started")
    with open(editor, "w") as f:
        # writes text (and a nano-style FILE.save, which wins) and a swap file, then waits
        f.write('#!/bin/sh\nprintf "typed in the editor\\n" > "$1"\n'
                'printf "saved by the editor on hang-up\\n" > "$1.save"\n'
                ': > "$(dirname "$1")/.field.txt.swp"\n'
                ': > "%s"\nexec sleep 30\n' % marker)
    os.chmod(editor, 0o755)
    env.update({"VISUAL": editor, "XDG_RUNTIME_DIR": run, "TMPDIR": os.path.join(s.dir, "tmp-must-stay-unused")})
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    t.send("enter", "enter")
    t.type("before the editor")
    t.send("\x05")                       # Ctrl-E
    deadline = time.monotonic() + 5
    while not os.path.exists(marker) and time.monotonic() < deadline:
        t.pump(0.05)
    t.expect(os.path.exists(marker), "the editor did not start")
    folder = os.path.join(run, "toddle")
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    t.expect(mode == 0o700, "the editor folder %s is mode %o, not 700" % (folder, mode))
    edits = os.listdir(folder)
    t.expect(len(edits) == 1, "one per-edit folder expected in %s: %r" % (folder, edits))
    t.child.kill(signal.SIGTERM)
    st = t.wait_exit(8)
    t.expect(st is not None, "toddle did not end after SIGTERM while the editor was open")
    drafts = s.query("SELECT body FROM draft")
    t.expect(len(drafts) == 1 and "saved by the editor on hang-up" in drafts[0][0],
             "the draft should hold the editor's saved text: %r" % (drafts,))
    left = os.listdir(folder)
    t.expect(left == [], "the editor's files were left behind: %r" % (left,))
    t.expect(not os.path.exists(os.path.join(s.dir, "tmp-must-stay-unused")), "TMPDIR was used")


CASES = [
    ("a note form for a child deleted meanwhile is refused naming who; nothing reaches the next child",
     case_deleted_child),
    ("end of input (no signal) keeps the open form as a draft, offered only in that child's form",
     case_eof_keeps_draft),
    ("a hang-up while the editor is open keeps its text as a draft and leaves no file",
     case_editor_hangup),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
