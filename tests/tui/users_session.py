"""Full-screen sessions of real clinic users, run by tests/cli/users.sh as root.

Usage: users_session.py TODDLE DB ALICE BOB STAFF

Prints five TAP result lines (no plan; users.sh numbers them):
  a hang-up with `bash -i` between the terminal and toddle keeps the draft;
  the draft is offered again, in the same child's form;
  a hang-up while someone holds the write lock keeps the draft in the member's
  own file (their group, never the clinic's; 0600), at once;
  the next start takes that file into the database and offers the text;
  a member removed from the staff group mid-session stops writing, with a message.
"""
import os
import sqlite3
import subprocess
import sys
import time

import pexpect
import pyte

TODDLE, DB, ALICE, BOB, STAFF = sys.argv[1:6]
TODAY = "2026-11-26"


def env_for(user):
    return {"HOME": "/home/" + user, "PATH": "/usr/bin:/bin", "TERM": "xterm-256color",
            "LANG": "C.UTF-8", "ESCDELAY": "25"}


class Session:
    """A program run as a user in a pty, its output fed into a pyte screen."""

    def __init__(self, user, argv):
        self.screen = pyte.Screen(80, 24)
        self.stream = pyte.ByteStream(self.screen)
        self.child = pexpect.spawn("/usr/sbin/runuser", ["-u", user, "--", "env", "-i"] +
                                   ["%s=%s" % kv for kv in env_for(user).items()] + argv,
                                   dimensions=(24, 80), encoding=None, timeout=5)

    def pump(self, wait=0.1):
        try:
            while True:
                data = self.child.read_nonblocking(65536, timeout=wait)
                if not data:
                    break
                self.stream.feed(data)
                wait = 0
        except (pexpect.TIMEOUT, pexpect.EOF):
            pass

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def wait_for(self, what, timeout=10):
        end = time.time() + timeout
        while time.time() < end:
            self.pump()
            if what in self.text():
                return True
        return False

    def send(self, keys):
        self.child.send(keys.encode())
        time.sleep(0.15)


def query(sql, params=()):
    con = sqlite3.connect(DB, timeout=10)
    try:
        return con.execute(sql, params).fetchall()
    finally:
        con.close()


def report(ok, desc, diag=""):
    print("%s - %s" % ("ok" if ok else "not ok", desc))
    for line in diag.splitlines():
        print("# " + line)
    sys.stdout.flush()


def open_note_form(s):
    """From a fresh toddle on Mia: the record pane, then a new session note."""
    if not s.wait_for("Mia"):
        return False
    s.send("7")
    if not s.wait_for("Session notes"):
        return False
    s.send("n")
    return s.wait_for("SOAP")


def hangup_through_shell():
    s = Session(ALICE, ["/bin/bash", "--norc", "--noprofile", "-i"])
    time.sleep(0.5)
    s.send("%s --today %s\r" % (TODDLE, TODAY))
    opened = open_note_form(s)
    s.send("\r\r")                      # date, minutes
    s.send("Said goodbye mid-sentence")
    time.sleep(0.3)
    # the terminal goes away: close the pty master, send no signal of our own
    os.close(s.child.child_fd)
    s.child.child_fd = -1
    rows = []
    end = time.time() + 10
    while time.time() < end and not rows:
        rows = query("SELECT body, child_id FROM draft WHERE who = ?", (ALICE,))
        time.sleep(0.2)
    kept = any("Said goodbye mid-sentence" in r[0] for r in rows)
    report(opened and kept, "a hang-up with bash -i between the terminal and toddle keeps the note as a draft",
           "" if kept else "form opened: %s; drafts: %r\nscreen:\n%s" % (opened, rows, s.text()))
    try:
        s.child.wait()
    except Exception:
        pass

    s2 = Session(ALICE, [TODDLE, "--today", TODAY])
    opened = open_note_form(s2)
    back = s2.wait_for("Said goodbye mid-sentence", 5) and "unsaved text" in s2.text()
    report(opened and back, "the draft is offered again in the same child's note form",
           "" if back else s2.text())
    s2.send("\x1b")
    s2.send("q")
    s2.child.terminate(force=True)


def hangup_locked():
    import pwd
    import stat
    pw = pwd.getpwnam(ALICE)
    folder = os.path.join(pw.pw_dir, ".local/state/toddle/drafts")
    s = Session(ALICE, [TODDLE, "--today", TODAY])
    opened = open_note_form(s)
    s.send("\r\r")                      # date, minutes
    s.send("Lock held \u00fc\u4e00")
    time.sleep(0.3)
    con = sqlite3.connect(DB, isolation_level=None, timeout=10)
    con.execute("BEGIN IMMEDIATE")        # a colleague's save in progress
    files, st = [], None
    try:
        os.close(s.child.child_fd)        # the terminal goes away
        s.child.child_fd = -1
        end = time.time() + 4
        while time.time() < end and not files:
            # a name with a dot is mkstemp's, still being written (then renamed): not a draft yet
            files = [f for f in os.listdir(folder) if "." not in f] if os.path.isdir(folder) else []
            time.sleep(0.1)
        if files:
            st = os.lstat(os.path.join(folder, files[0]))
    finally:
        con.execute("ROLLBACK")
        con.close()
    good = (opened and len(files) == 1 and st is not None and st.st_uid == pw.pw_uid and
            st.st_gid == pw.pw_gid and stat.S_IMODE(st.st_mode) == 0o600)
    report(good, "a hang-up while the write lock is held keeps the draft at once in the member's own file "
           "(their group, 0600)",
           "" if good else "form opened: %s; files: %r; stat: %r (uid %d gid %d)" % (opened, files, st, pw.pw_uid,
                                                                                   pw.pw_gid))
    try:
        s.child.wait()
    except Exception:
        pass

    s2 = Session(ALICE, [TODDLE, "--today", TODAY])
    opened = open_note_form(s2)
    back = s2.wait_for("Lock held \u00fc\u4e00", 5) and "unsaved text" in s2.text()
    left = os.listdir(folder) if os.path.isdir(folder) else []
    rows = query("SELECT body FROM draft WHERE who = ?", (ALICE,))
    merged = any("Lock held \u00fc\u4e00" in r[0] for r in rows)
    report(opened and back and merged and left == [],
           "the next start takes the member's draft file into the database, offers it and removes the file",
           "" if back and merged and left == [] else "files: %r drafts: %r\n%s" % (left, rows, s2.text()))
    s2.send("\x1b")
    s2.send("q")
    s2.child.terminate(force=True)


def removed_mid_session():
    s = Session(BOB, [TODDLE, "--today", TODAY])
    ready = s.wait_for("Mia")
    s.send("1")                          # a therapist starts on the caseload: the week
    ready = ready and s.wait_for("Picked for Mia")
    before = query("SELECT count(*) FROM activity_log WHERE created_by = ?", (BOB,))[0][0]
    subprocess.run(["gpasswd", "-d", BOB, STAFF], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        s.send("\x1bOB")                 # the first activity
        s.send("\r")                     # open it
        s.send("d")                      # log it as done today
        refused = s.wait_for("not in the clinic's staff group", 5)
        after = query("SELECT count(*) FROM activity_log WHERE created_by = ?", (BOB,))[0][0]
    finally:
        subprocess.run(["usermod", "-aG", STAFF, BOB])
    report(ready and refused and after == before,
           "a member removed from the staff group mid-session stops writing, with a message",
           "" if refused and after == before else "rows before %d after %d\n%s" % (before, after, s.text()))
    s.send("q")
    s.child.terminate(force=True)


hangup_through_shell()
hangup_locked()
removed_mid_session()
