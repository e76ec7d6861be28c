#!/usr/bin/python3
"""Clinic work in the full-screen view: another process's write shows without a
keypress; a dropped connection (SIGHUP) keeps a half-typed form as a draft that
is offered again; the caseload and a SOAP note from the record pane."""
import os
import signal
import sys
import time

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import run_case, start  # noqa: E402


def case_live_refresh(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("2")
    t.wait_for("By 2 months")
    t.settle()
    t.expect("2026-11-26" not in t.screen_text(), "the date is on screen before anything was logged")
    r = s.cli("milestone", "log", "--child", "Mia", "cdc-2m-se-calms", "--note", "from the CLI")
    t.expect(r.returncode == 0, "the CLI could not log: %s" % r.stderr)
    t0 = time.monotonic()
    t.wait_for("2026-11-26", timeout=4)   # no key is sent: the screen refreshes by itself
    took = time.monotonic() - t0
    t.expect(took <= 2.5, "the change took %.1fs to show (should be within 2 s)" % took)


def case_sighup_draft(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("a")
    t.wait_for("Add a child")
    t.type("Half-typed Name")
    t.settle()
    t.child.kill(signal.SIGHUP)
    st = t.wait_exit(5)
    t.expect(st is not None, "toddle did not end after SIGHUP")
    rows = s.query("SELECT who, form, body FROM draft")
    t.expect(len(rows) == 1 and "Half-typed Name" in rows[0][2], "draft after SIGHUP: %r" % (rows,))
    t.expect(s.query("PRAGMA integrity_check")[0][0] == "ok", "the database is not intact")
    t.expect(len(s.query("SELECT id FROM child")) == 1, "something half-saved reached the child table")
    t2 = start(s, tuis)
    t2.wait_for("Week 11")
    t2.type("a")
    t2.wait_for("Half-typed Name")
    t2.wait_for("unsaved text")
    t2.send("esc")
    t2.wait_for("Discard your changes? y/n")   # the draft is text someone typed: asked first
    t2.type("y")
    t2.wait_for("Closed without saving")
    t2.expect(s.query("SELECT count(*) FROM draft")[0][0] == 0, "Esc did not discard the draft")


def case_caseload_and_note(s, tuis):
    env = s.make_clinic("boss", [("Mia", "2026-09-10"), ("Leo", "2026-05-01")])
    login = __import__("pwd").getpwuid(os.geteuid()).pw_name
    s.ccli("assign", "--child", "Leo", "--therapist", login, "--discipline", "pt")
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")   # a therapist starts on the caseload
    t.wait_for("pt:" + login)
    pane = "\n".join(line[22:] for line in t.screen_text().split("\n"))
    t.expect("Mia" not in pane, "Mia is not on my caseload but is shown")
    t.type("A")
    t.wait_for("Every child")
    t.wait_for("Mia")
    t.type("A")
    t.wait_for("Children assigned to you")
    t.send("enter")            # open Leo's record
    t.wait_all(["Leo ·", "Session notes"], what="Leo's record")
    t.type("n")
    t.wait_for("Session note")
    t.send("enter", "enter")   # date, minutes
    for text in ("Mum says rolling", "Rolled both ways", "On track", "Keep floor time"):
        t.type(text)
        t.send("tab")              # Enter in a note starts a new line; Tab goes on
    t.send("\x13")                 # Ctrl-S saves
    t.wait_for("Saved the session note")
    rows = s.query("SELECT version, subjective, plan, created_by FROM session_note")
    t.expect(rows == [(1, "Mum says rolling", "Keep floor time", login)], "session_note: %r" % (rows,))


CASES = [
    ("another process's write shows within 2 s without a keypress", case_live_refresh),
    ("SIGHUP in a form keeps the typed text as a draft, offered next time", case_sighup_draft),
    ("caseload (mine, all) and a SOAP note from the record pane", case_caseload_and_note),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
