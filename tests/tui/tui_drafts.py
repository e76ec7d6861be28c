#!/usr/bin/python3
"""Drafts kept on a hang-up while a colleague holds the database's write lock
(issue 16, item 9): toddle writes the open form's text to a private file of the
person's own ($XDG_STATE_HOME/toddle/drafts, 0600) without waiting for the
database, ends within a couple of seconds, and the next start takes the file
into the database (the form offers the text byte for byte) and removes it. With
no place for the file either, it ends with status 2 and says so. A planted file
cannot name another child or another login."""
import os
import pty
import signal
import sqlite3
import stat
import sys
import time
import tty

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import CaseFailed, run_case, start  # noqa: E402

LOGIN = __import__("pwd").getpwuid(os.geteuid()).pw_name
LINE1 = "Mum says: Ça roule — 子供 👶 «ok»"
LINE2 = "second line ✓"
TYPED = LINE1 + "\n" + LINE2


def drafts_dir(s):
    return os.path.join(s.dir, "state", "toddle", "drafts")


def draft_files(s):
    d = drafts_dir(s)
    return sorted(os.listdir(d)) if os.path.isdir(d) else []


class Lock:
    """A colleague's save in progress: BEGIN IMMEDIATE held on the same database."""

    def __init__(self, path):
        self.con = sqlite3.connect(path, isolation_level=None, timeout=5)
        self.con.execute("BEGIN IMMEDIATE")

    def release(self):
        self.con.execute("ROLLBACK")
        self.con.close()


def open_note_form(t, name, to_note=True):
    """From the start screen: the record of the shown child, a new note, the S field."""
    t.wait_for(name + " ·")
    t.type("7")
    t.wait_for("Session notes")
    t.type("n")
    t.wait_for("SOAP: what you heard")
    if to_note:
        t.send("enter", "enter")          # date, minutes: to the first note field


def type_note(t):
    t.type(LINE1)
    t.send("enter")                       # Enter in a note starts a new line
    t.type(LINE2)
    t.wait_for(LINE2)


def wait_exit_timed(t, limit):
    t0 = time.monotonic()
    st = t.wait_exit(limit)
    return st, time.monotonic() - t0


def check_file(t, s):
    files = draft_files(s)
    t.expect(len(files) == 1, "one draft file expected in %s: %r" % (drafts_dir(s), files))
    path = os.path.join(drafts_dir(s), files[0])
    st = os.lstat(path)
    t.expect(stat.S_ISREG(st.st_mode) and stat.S_IMODE(st.st_mode) == 0o600 and st.st_uid == os.getuid(),
             "the draft file is mode %o, uid %d (want a regular file 0600 of our own)"
             % (stat.S_IMODE(st.st_mode), st.st_uid))
    dmode = stat.S_IMODE(os.stat(drafts_dir(s)).st_mode)
    t.expect(dmode == 0o700, "the drafts folder is mode %o, not 700" % dmode)
    with open(path, "rb") as f:
        data = f.read()
    t.expect(TYPED.encode("utf-8") in data, "the file does not hold the typed text byte for byte")
    return data[data.rindex(b"\nbody ") + 1:].split(b"\n", 1)[1][:-1]   # the body field's bytes


def check_merged(s, tuis, env, ava, body):
    """Start again with the database free: the file goes in (its body byte for
    byte), the form offers the text."""
    t2 = start(s, tuis, extra_env=env)
    open_note_form(t2, "Ava", to_note=False)
    t2.wait_all([LINE1, "unsaved text"], what="the kept draft offered in Ava's note form")
    rows = s.query("SELECT who, child_id, body FROM draft")
    t2.expect(len(rows) == 1 and rows[0][0] == LOGIN and rows[0][1] == ava and TYPED in rows[0][2],
              "the draft in the database after the merge: %r" % (rows,))
    t2.expect(rows[0][2].encode("utf-8") == body, "the merged draft differs from the file's: %r / %r"
              % (rows[0][2], body))
    t2.expect(draft_files(s) == [], "the draft file is still there after the merge: %r" % draft_files(s))
    t2.send("esc")
    t2.wait_for("Discard your changes? y/n")
    t2.type("y")
    t2.wait_for("Closed without saving")
    t2.expect(s.query("SELECT count(*) FROM draft")[0][0] == 0, "Esc did not discard the merged draft")


def clinic(s):
    env = s.make_clinic(LOGIN, [("Ava", "2026-09-10")])
    return env, s.query("SELECT id FROM child WHERE name = 'Ava'")[0][0]


def case_sighup_locked(s, tuis):
    env, ava = clinic(s)
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    type_note(t)
    lock = Lock(s.db)
    try:
        t.child.kill(signal.SIGHUP)
        st, took = wait_exit_timed(t, 12)
        t.expect(st is not None, "toddle did not end after SIGHUP")
        t.expect(took < 2.5, "toddle took %.1fs to end (it waited for the database)" % took)
        t.expect(st == 0, "toddle ended with status %r though the text was kept" % (st,))
        body = check_file(t, s)
    finally:
        lock.release()
    t.expect(s.query("SELECT count(*) FROM draft")[0][0] == 0, "a draft reached the locked database?")
    check_merged(s, tuis, env, ava, body)


def start_with_own_input(s, tuis, env):
    """toddle whose input is a second pty (not its controlling terminal): closing
    that pty's master ends toddle's input with EOF/EIO and sends no signal."""
    master, slave = pty.openpty()
    tty.setraw(slave)
    path = os.ttyname(slave)

    def use_slave_as_stdin():
        fd = os.open(path, os.O_RDWR | os.O_NOCTTY)
        os.dup2(fd, 0)
        os.close(fd)

    t = start(s, tuis, preexec_fn=use_slave_as_stdin, extra_env=env)
    os.close(slave)
    return t, master


def case_eof_locked(s, tuis):
    env, ava = clinic(s)
    t, keys = start_with_own_input(s, tuis, env)
    t.wait_for("Ava ·")
    os.write(keys, b"7")
    t.wait_for("Session notes")
    os.write(keys, b"n")
    t.wait_for("SOAP: what you heard")
    os.write(keys, b"\r\r" + LINE1.encode("utf-8") + b"\r" + LINE2.encode("utf-8"))
    t.wait_for(LINE2)
    lock = Lock(s.db)
    try:
        os.close(keys)                    # end of input, no signal
        st, took = wait_exit_timed(t, 12)
        t.expect(st is not None, "toddle did not end when its input ended")
        t.expect(took < 2.5, "toddle took %.1fs to end (it waited for the database)" % took)
        t.expect(st == 0, "toddle ended with status %r though the text was kept" % (st,))
        body = check_file(t, s)
    finally:
        lock.release()
    check_merged(s, tuis, env, ava, body)


def case_pty_closed_locked(s, tuis):
    env, ava = clinic(s)
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    type_note(t)
    lock = Lock(s.db)
    try:
        t0 = time.monotonic()
        os.close(t.child.child_fd)        # the terminal goes away (SIGHUP, then EIO)
        t.child.child_fd = -1
        t.eof = True
        while t.child.isalive() and time.monotonic() - t0 < 12:
            time.sleep(0.02)
        took = time.monotonic() - t0
        t.expect(not t.child.isalive(), "toddle did not end when its terminal closed")
        t.expect(took < 2.5, "toddle took %.1fs to end (it waited for the database)" % took)
        body = check_file(t, s)
    finally:
        lock.release()
    check_merged(s, tuis, env, ava, body)


def case_nowhere(s, tuis):
    env, ava = clinic(s)
    # a file where the state folder should be: no drafts folder can be made, not even by root
    with open(os.path.join(s.dir, "state"), "w") as f:
        f.write("not a folder\n")
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    type_note(t)
    lock = Lock(s.db)
    try:
        t.child.kill(signal.SIGHUP)
        st, took = wait_exit_timed(t, 20)
    finally:
        lock.release()
    t.expect(st == 2, "toddle ended with status %r; 2 expected when the draft could not be kept" % (st,))
    out = t.raw.decode("utf-8", "replace")
    t.expect("could not keep the draft of" in out, "no message on stderr",
             ["output tail: %r" % out[-400:]])
    t.expect(s.query("SELECT count(*) FROM draft")[0][0] == 0, "a draft in the database?")


def case_free_db(s, tuis):
    env, ava = clinic(s)
    t = start(s, tuis, extra_env=env)
    open_note_form(t, "Ava")
    type_note(t)
    t.child.kill(signal.SIGHUP)
    st, took = wait_exit_timed(t, 12)
    t.expect(st == 0, "toddle ended with status %r" % (st,))
    rows = s.query("SELECT child_id, body FROM draft")
    t.expect(len(rows) == 1 and rows[0][0] == ava and TYPED in rows[0][1],
             "the draft went to the free database as before: %r" % (rows,))
    t.expect(draft_files(s) == [], "a draft file was left though the database took it: %r" % draft_files(s))


def plant(s, name, fields):
    os.makedirs(drafts_dir(s), mode=0o700, exist_ok=True)
    data = b"toddle draft 1\n"
    for key in ("db", "who", "form", "child", "uuid", "saved", "body"):
        v = fields[key].encode("utf-8")
        data += b"%s %d\n%s\n" % (key.encode(), len(v), v)
    path = os.path.join(drafts_dir(s), name)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.write(fd, data)
    os.close(fd)
    return path


def case_planted(s, tuis):
    env, ava = clinic(s)
    s.ccli("child", "add", "Ben", "--born", "2026-05-01")
    ben, ben_uuid = s.query("SELECT id, uuid FROM child WHERE name = 'Ben'")[0]
    base = {"db": os.path.realpath(s.db), "who": LOGIN, "child": str(ava), "saved": "2026-11-26T10:00:00Z",
            "form": "x|child %d|record 0|" % ava, "body": "planted"}
    wrong_child = plant(s, "draft-1", dict(base, uuid=ben_uuid))        # Ava's id with Ben's uuid
    other_login = plant(s, "draft-2", dict(base, who="colleague", uuid=""))
    other_db = plant(s, "draft-3", dict(base, db="/elsewhere/toddle.db", uuid=""))
    t = start(s, tuis, extra_env=env)
    t.wait_for("Ava ·")
    t.settle()
    rows = s.query("SELECT who, child_id, body FROM draft")
    t.expect(rows == [], "a planted draft reached the database: %r" % (rows,))
    t.expect(not os.path.exists(wrong_child), "the draft naming a child that is not there was kept")
    t.expect(os.path.exists(other_login) and os.path.exists(other_db),
             "another login's or another database's draft file was removed")


CASES = [
    ("SIGHUP with the write lock held: a 0600 file at once, exit 0; merged and removed at the next start",
     case_sighup_locked),
    ("end of input with the write lock held: the same", case_eof_locked),
    ("the terminal closed with the write lock held: the same", case_pty_closed_locked),
    ("no place for the file and the lock held: exit 2 and 'could not keep the draft of'", case_nowhere),
    ("SIGHUP with the database free: the draft goes to the database, no file is left", case_free_db),
    ("planted files cannot name another child, login or database", case_planted),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
