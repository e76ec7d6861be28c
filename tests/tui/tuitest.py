"""tuitest: drive toddle's full-screen view in a real pseudo-terminal.

A small library for the end-to-end tests in tests/tui: it starts the built toddle (env
TODDLE) in a pty with pexpect, feeds everything it writes into a pyte screen, and offers
polling (wait_for), named keys (in application mode, as keypad(TRUE) expects), resizing
and a TAP reporter. Data is set up with the real CLI and checked with sqlite3 on the real
database file.

Each test script prints TAP (plan first) and exits 0 even when a case fails; it exits 77
with "1..0 # SKIP" only when pexpect or pyte cannot be imported.
"""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import termios
import time
import traceback

try:
    import pexpect
    import pyte
except ImportError as exc:  # pragma: no cover - depends on the machine
    print("1..0 # SKIP python3-pexpect or python3-pyte is missing (%s)" % exc)
    sys.stdout.flush()
    sys.exit(77)

TODAY = "2026-11-26"


# Keys as a terminal in application (keypad) mode sends them.
KEYS = {
    "up": "\x1bOA", "down": "\x1bOB", "right": "\x1bOC", "left": "\x1bOD",
    "enter": "\r", "esc": "\x1b", "tab": "\t", "backtab": "\x1b[Z",
    "backspace": "\x7f", "home": "\x1bOH", "end": "\x1bOF",
    "pgup": "\x1b[5~", "pgdn": "\x1b[6~", "f1": "\x1bOP", "ctrl-l": "\x0c", "ctrl-u": "\x15",
}


class Screen(pyte.Screen):
    """pyte's screen with the xterm sequences ncurses uses that pyte lacks: scrolling the
    region by n lines (CSI n S, CSI n T: ncurses pages a list with them) and repeating the
    last character (CSI n b). Without them a paged list is drawn over its old lines."""

    def draw(self, data):
        if data:
            self.last_char = data[-1]
        super().draw(data)

    def scroll_up(self, count=1, *args, **kwargs):
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        count = max(int(count or 1), 1)
        self.dirty.update(range(self.lines))
        for y in range(top, bottom + 1):
            if y + count <= bottom and y + count in self.buffer:
                self.buffer[y] = self.buffer.pop(y + count)
            else:
                self.buffer.pop(y, None)

    def scroll_down(self, count=1, *args, **kwargs):
        top, bottom = self.margins or pyte.screens.Margins(0, self.lines - 1)
        count = max(int(count or 1), 1)
        self.dirty.update(range(self.lines))
        for y in range(bottom, top - 1, -1):
            if y - count >= top and y - count in self.buffer:
                self.buffer[y] = self.buffer.pop(y - count)
            else:
                self.buffer.pop(y, None)

    def repeat_last(self, count=1, *args, **kwargs):
        if getattr(self, "last_char", None):
            self.draw(self.last_char * max(int(count or 1), 1))


class ByteStream(pyte.ByteStream):
    """pyte's byte stream, sending the sequences Screen adds to it."""
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down", b="repeat_last")


def toddle_path():
    """The toddle under test: $TODDLE, else ./toddle in the build directory."""
    path = os.environ.get("TODDLE")
    if not path and os.access("./toddle", os.X_OK):
        path = os.path.abspath("./toddle")
    if not path or not os.access(path, os.X_OK):
        print("Bail out! TODDLE does not point at the built toddle (got %r)" % path)
        sys.stdout.flush()
        sys.exit(0)
    return path


TODDLE = toddle_path()


class CaseFailed(Exception):
    """A check inside a case failed; the lines are TAP diagnostics."""

    def __init__(self, msg, lines=()):
        Exception.__init__(self, msg)
        self.lines = list(lines)


class Tap:
    """A TAP reporter: plan first, then one line per case with '# ' diagnostics."""

    def __init__(self, count):
        self.count = count
        self.n = 0
        print("1..%d" % count)
        sys.stdout.flush()

    def ok(self, cond, desc, diag=()):
        self.n += 1
        print("%s %d - %s" % ("ok" if cond else "not ok", self.n, desc))
        if not cond:
            for line in diag:
                for part in str(line).split("\n"):
                    print("# " + part)
        sys.stdout.flush()
        return cond

    def skip(self, desc, why):
        """A case that cannot apply here: TAP's '# SKIP' with the reason (counted as skipped)."""
        self.n += 1
        print("ok %d - %s # SKIP %s" % (self.n, desc, why))
        sys.stdout.flush()

    def diag(self, text):
        for part in str(text).split("\n"):
            print("# " + part)
        sys.stdout.flush()

    def done(self):
        if self.n != self.count:
            self.diag("planned %d cases, ran %d" % (self.count, self.n))
        sys.exit(0)


class Scratch:
    """A fresh temp folder with HOME, XDG folders and a database path."""

    def __init__(self):
        self.dir = tempfile.mkdtemp(prefix="toddle-tui.")
        self.home = os.path.join(self.dir, "home")
        for d in ("home", "config", "data"):
            os.makedirs(os.path.join(self.dir, d))
        self.db = os.path.join(self.dir, "family.db")

    def env(self, term="xterm-256color", extra=None, unset=()):
        """The environment for toddle: C.UTF-8, ESCDELAY=25, private HOME."""
        env = dict(os.environ)
        for k in ("COLUMNS", "LINES", "NO_COLOR", "TERMINFO", "TERMINFO_DIRS"):
            env.pop(k, None)
        env.update({
            "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "ESCDELAY": "25",
            "HOME": self.home,
            "XDG_CONFIG_HOME": os.path.join(self.dir, "config"),
            "XDG_DATA_HOME": os.path.join(self.dir, "data"),
            "XDG_STATE_HOME": os.path.join(self.dir, "state"),
            "TODDLE_SYSTEM_CONFIG": os.path.join(self.dir, "no-such-system.ini"),
        })
        if term is not None:
            env["TERM"] = term
        if extra:
            env.update(extra)
        for k in unset:
            env.pop(k, None)
        return env

    def cli(self, *args, today=TODAY):
        """Run the real CLI on the scratch database; returns CompletedProcess (text)."""
        cmd = [TODDLE, "--db", self.db]
        if today:
            cmd += ["--today", today]
        cmd += list(args)
        return subprocess.run(cmd, env=self.env(), stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=30, universal_newlines=True)

    def add_child(self, name, born, *more):
        r = self.cli("child", "add", name, "--born", born, *more)
        if r.returncode != 0:
            raise CaseFailed("setup: 'child add %s' failed" % name,
                             ["exit %d" % r.returncode, "stderr: " + r.stderr.strip()])
        return r

    def make_clinic(self, admins, children):
        """Make this scratch a clinic with children (name, born) added first: its
        database in a folder of the person's own group (2770, the database 0660)
        and a system file naming it ([clinic] group and data_group: that group)
        with admins. Returns the environment for toddle in clinic mode (pass it as
        extra_env; self.cli keeps family mode, self.ccli runs in clinic mode)."""
        import grp
        group = grp.getgrgid(os.getgid()).gr_name
        folder = os.path.join(self.dir, "clinic")
        os.makedirs(folder)
        self.db = os.path.join(folder, "toddle.db")
        for name, born in children:
            self.add_child(name, born)            # family mode: makes the database
        ini = os.path.join(self.dir, "system.ini")
        with open(ini, "w") as f:
            f.write("[data]\ndatabase = %s\n[clinic]\ngroup = %s\ndata_group = %s\nadmins = \"%s\"\n"
                    % (self.db, group, group, admins))
        os.chmod(ini, 0o644)
        os.chown(folder, -1, os.getgid())
        os.chmod(folder, 0o2770)
        os.chmod(self.db, 0o660)
        self.system = ini
        return {"TODDLE_SYSTEM_CONFIG": ini}

    def ccli(self, *args, today=TODAY):
        """Run the real CLI in clinic mode (after make_clinic); fails the case on a non-zero exit."""
        cmd = [TODDLE, "--db", self.db] + (["--today", today] if today else []) + list(args)
        r = subprocess.run(cmd, env=self.env(extra={"TODDLE_SYSTEM_CONFIG": self.system}),
                           stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=30, universal_newlines=True)
        if r.returncode != 0:
            raise CaseFailed("setup: %r failed" % (args,), ["exit %d" % r.returncode, "stderr: " + r.stderr])
        return r

    def query(self, sql, params=()):
        """Rows from the real database file (opened read-only for each query)."""
        con = sqlite3.connect("file:%s?mode=ro" % self.db, uri=True, timeout=5)
        try:
            return con.execute(sql, params).fetchall()
        finally:
            con.close()

    def cleanup(self):
        shutil.rmtree(self.dir, ignore_errors=True)


class Tui:
    """toddle running in a pty, its output fed into a pyte screen."""

    def __init__(self, scratch, args=None, cols=80, rows=24, term="xterm-256color",
                 extra_env=None, unset=(), preexec_fn=None, program=None):
        self.scratch = scratch
        if args is None:
            args = ["--db", scratch.db, "--today", TODAY]
        self.args = list(args)
        self.cols, self.rows = cols, rows
        self.screen = Screen(cols, rows)
        self.stream = ByteStream(self.screen)
        self.raw = bytearray()
        self.eof = False
        self.status = None
        self.child = pexpect.spawn(program or TODDLE, self.args, env=scratch.env(term, extra_env, unset),
                                   dimensions=(rows, cols), encoding=None, timeout=5,
                                   cwd=scratch.dir, preexec_fn=preexec_fn)

    # ---- output -----------------------------------------------------------------------
    def pump(self, wait=0.05):
        """Read what is pending (waiting up to `wait` s for the first bytes)."""
        got = False
        while not self.eof:
            try:
                data = self.child.read_nonblocking(65536, timeout=0 if got else wait)
            except pexpect.TIMEOUT:
                break
            except pexpect.EOF:
                self.eof = True
                break
            if not data:
                break
            got = True
            self.raw += data
            self.stream.feed(data)
        return got

    def screen_text(self):
        """The screen as text, one line per row (trailing blanks dropped)."""
        return "\n".join(line.rstrip() for line in self.screen.display)

    def line(self, row):
        return self.screen.display[row].rstrip()

    def dump(self):
        """The screen framed for TAP diagnostics."""
        out = ["screen (%dx%d)%s:" % (self.screen.columns, self.screen.lines,
                                      ", toddle has exited" if self.eof else "")]
        out += ["|" + line.rstrip() for line in self.screen.display]
        return out

    def fail(self, msg, extra=()):
        raise CaseFailed(msg, list(extra) + self.dump())

    def wait_for(self, text, timeout=10, desc=None):
        """Poll the screen until text (a string, or a predicate on the screen text) shows."""
        pred = text if callable(text) else (lambda s: text in s)
        deadline = time.monotonic() + timeout
        while True:
            if pred(self.screen_text()):
                return True
            if time.monotonic() > deadline or (self.eof and not self.pump(0)):
                what = desc or (getattr(text, "__doc__", None) if callable(text) else repr(text))
                self.fail("%s after %gs waiting for %s"
                          % ("toddle exited" if self.eof else "timed out", timeout,
                             what or "a condition on the screen"))
            self.pump(0.05)

    def wait_all(self, texts, timeout=10, what="texts"):
        """Poll until every one of texts is on the screen at once (not a half-drawn frame)."""
        texts = list(texts)
        try:
            return self.wait_for(lambda s: all(x in s for x in texts), timeout)
        except CaseFailed as e:
            missing = [x for x in texts if x not in self.screen_text()]
            raise CaseFailed("timed out after %gs: %s missing %r" % (timeout, what, missing), e.lines)

    def wait_gone(self, text, timeout=10):
        """Poll until text is no longer on the screen."""
        return self.wait_for(lambda s: text not in s, timeout, "%r to go away" % text)

    def settle(self, quiet=0.15, limit=3):
        """Read until no output came for `quiet` s (used only where nothing can be awaited)."""
        end = time.monotonic() + limit
        while time.monotonic() < end and self.pump(quiet):
            pass

    def expect(self, cond, msg, extra=()):
        if not cond:
            self.fail(msg, extra)

    # ---- input ------------------------------------------------------------------------
    def send(self, *keys):
        """Send keys: names from KEYS (up down left right enter esc tab ...) or literal text."""
        for k in keys:
            seq = KEYS.get(k, k)
            self.child.send(seq.encode("utf-8"))
        self.pump(0)

    def type(self, text):
        self.child.send(text.encode("utf-8"))
        self.pump(0)

    def paste(self, data, timeout=120):
        """Write bytes as a terminal does for a paste: all at once, as fast as toddle takes
        them, reading its output meanwhile (a plain send of 100 KB would block on a full
        pty while toddle blocks writing to us). Returns the seconds the writing took."""
        import fcntl
        import select
        fd = self.child.child_fd
        flags = fcntl.fcntl(fd, fcntl.F_GETFL)
        fcntl.fcntl(fd, fcntl.F_SETFL, flags | os.O_NONBLOCK)
        t0 = time.monotonic()
        at = 0
        try:
            while at < len(data):
                if time.monotonic() - t0 > timeout:
                    self.fail("toddle took only %d of %d pasted bytes in %gs" % (at, len(data), timeout))
                r, w, _ = select.select([fd], [fd], [], 0.5)
                if r:
                    self.pump(0)
                if w:
                    try:
                        at += os.write(fd, data[at:at + 4096])
                    except BlockingIOError:
                        pass
        finally:
            fcntl.fcntl(fd, fcntl.F_SETFL, flags)
        return time.monotonic() - t0

    def resize(self, cols, rows):
        """Change the window size: the pty (the kernel sends SIGWINCH) and our screen."""
        self.pump(0)
        self.screen.resize(rows, cols)
        # Blank our copy: pyte keeps the old rows, which would satisfy a wait before toddle
        # has redrawn. toddle repaints the whole screen after a resize (clearok), so every
        # text seen from here on was drawn for the new size.
        self.screen.erase_in_display(2)
        self.cols, self.rows = cols, rows
        self.child.setwinsize(rows, cols)

    # ---- life -------------------------------------------------------------------------
    def alive(self):
        return self.child.isalive()

    def wait_exit(self, timeout=5):
        """Wait for toddle to end; returns its exit status (or -signal), None if it did not."""
        deadline = time.monotonic() + timeout
        while not self.eof and time.monotonic() < deadline:
            self.pump(0.05)
        while self.child.isalive() and time.monotonic() < deadline:
            time.sleep(0.02)
        if self.child.isalive():
            return None
        return self.exit_status()

    def exit_status(self):
        if self.status is None:
            self.child.isalive()  # reaps and fills exitstatus/signalstatus
            if self.child.signalstatus is not None:
                self.status = -self.child.signalstatus
            else:
                self.status = self.child.exitstatus
        return self.status

    def tty_sane(self):
        """The pty's modes after exit: echo and canonical input back on (reads the pair's termios)."""
        try:
            attrs = termios.tcgetattr(self.child.child_fd)
        except (termios.error, OSError, ValueError) as e:
            return None, "tcgetattr failed: %s" % e
        lflag = attrs[3]
        bad = []
        if not lflag & termios.ECHO:
            bad.append("ECHO off")
        if not lflag & termios.ICANON:
            bad.append("ICANON off")
        return not bad, ", ".join(bad) or "echo and icanon on"

    def kill(self):
        """End toddle if still running (TERM, then KILL) and close the pty."""
        try:
            if self.child.isalive():
                self.child.kill(15)
                end = time.monotonic() + 1
                while self.child.isalive() and time.monotonic() < end:
                    self.pump(0.02)
                if self.child.isalive():
                    self.child.kill(9)
            self.child.close(force=True)
        except Exception:  # noqa: BLE001 - best effort cleanup
            pass


def run_case(tap, desc, func, timeout_hint=15):
    """Run one case: func(scratch, tuis) where tuis is a list it appends its sessions to.
    Reports one TAP line; kills every session and removes the scratch folder afterwards."""
    scratch = Scratch()
    tuis = []
    t0 = time.monotonic()
    try:
        func(scratch, tuis)
    except CaseFailed as e:
        tap.ok(False, desc, [str(e)] + e.lines)
    except Exception as e:  # noqa: BLE001 - a broken test is a failing case
        lines = traceback.format_exc().rstrip().split("\n")
        for t in tuis:
            lines += t.dump()
        tap.ok(False, desc, ["unexpected error: %s" % e] + lines)
    else:
        took = time.monotonic() - t0
        tap.ok(True, desc)
        if took > timeout_hint:
            tap.diag("case took %.1fs" % took)
    finally:
        for t in tuis:
            t.kill()
        scratch.cleanup()


def start(scratch, tuis, **kw):
    """Start toddle and remember the session for cleanup."""
    t = Tui(scratch, **kw)
    tuis.append(t)
    return t
