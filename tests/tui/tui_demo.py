#!/usr/bin/python3
"""toddle --demo: the full-screen view opens on a demo family (Mia, and Leo born
early) in a throwaway database under $TMPDIR, shows the week, and leaves nothing
behind when it ends (q, or a hang-up); the person's own database, state file and
data folder are not touched. On the command line --demo stands alone: with a
subcommand or --db it is refused with one line and nothing is made; a $TMPDIR
where no folder can be made is refused the same way."""
import hashlib
import os
import signal
import sqlite3
import subprocess
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import TODAY, TODDLE, CaseFailed, run_case, start  # noqa: E402


def tree(top):
    """Every file and folder under top, as paths relative to it."""
    out = set()
    for root, dirs, files in os.walk(top):
        for n in dirs + files:
            out.add(os.path.relpath(os.path.join(root, n), top))
    return out


def digest(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def own_database(s):
    """The person's own database at the default place (no --db), with one child, Zed."""
    r = subprocess.run([TODDLE, "--today", TODAY, "child", "add", "Zed", "--born", "2026-01-05"],
                       env=s.env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, timeout=30, universal_newlines=True)
    path = os.path.join(s.dir, "data", "toddle", "toddle.db")
    if r.returncode != 0 or not os.path.exists(path):
        raise CaseFailed("setup: 'toddle child add Zed' (default database) failed",
                         ["exit %d" % r.returncode, "stderr: " + r.stderr.strip(), "expected %s" % path])
    return path


def demo_env(s):
    tmp = os.path.join(s.dir, "tmp")
    os.makedirs(tmp, exist_ok=True)
    return tmp, {"TMPDIR": tmp}


def demo_db(t, tmp):
    """The demo's database while it runs: the one toddle-demo-*/demo.db under tmp."""
    found = [os.path.join(tmp, d, "demo.db") for d in os.listdir(tmp) if d.startswith("toddle-demo-")]
    t.expect(len(found) == 1 and os.path.exists(found[0]),
             "expected one toddle-demo-*/demo.db under $TMPDIR while the demo runs, found %r" % (tree(tmp),))
    return found[0]


def case_demo_week(s, tuis):
    own = own_database(s)
    before_sum, before_tree = digest(own), tree(s.dir)
    tmp, env = demo_env(s)
    t = start(s, tuis, args=["--demo", "--today", TODAY], extra_env=env)
    # Leo, born 8 weeks early, is shown by his corrected age and his week's picks
    t.wait_all(["· demo", "Leo", "Mia", "corrected 12 weeks", "Week 12:", "Picked for Leo this week"],
               what="the demo's first screen")
    scr = t.screen_text()
    t.expect("Zed" not in scr, "the demo shows the person's own child")
    # the throwaway database holds the demo family and its logs
    con = sqlite3.connect("file:%s?mode=ro" % demo_db(t, tmp), uri=True, timeout=5)
    try:
        names = sorted(r[0] for r in con.execute("SELECT name FROM child"))
        early = con.execute("SELECT count(*) FROM child WHERE name = 'Leo' AND due > born").fetchone()[0]
        logs = con.execute("SELECT count(*) FROM milestone_log").fetchone()[0]
        acts = con.execute("SELECT count(*) FROM activity_log").fetchone()[0]
    finally:
        con.close()
    t.expect(names == ["Leo", "Mia"], "demo children: %r" % (names,))
    t.expect(early == 1, "Leo has no due date after his birth in the demo")
    t.expect(logs >= 6 and acts >= 5, "demo logs: %d milestones, %d activities" % (logs, acts))
    t.send("tab", "down", "enter")       # Mia from the menu: born 75 days ago, on time
    t.wait_all(["Mia · 10 weeks 5 days · demo", "Week 10:", "Picked for Mia this week"], what="Mia's week")
    t.type("q")
    st = t.wait_exit(10)
    t.expect(st == 0, "q in the demo: exit status %r" % st)
    t.expect(tree(tmp) == set(), "the demo left files in $TMPDIR: %r" % sorted(tree(tmp)))
    t.expect(digest(own) == before_sum, "the person's own database changed during the demo")
    after = tree(s.dir) - {"tmp"}
    t.expect(after == before_tree, "files made or removed outside $TMPDIR: %r"
             % sorted(after ^ before_tree))


def case_demo_hangup(s, tuis):
    tmp, env = demo_env(s)
    before = tree(s.dir)
    t = start(s, tuis, args=["--demo", "--today", TODAY], extra_env=env)
    t.wait_all(["· demo", "Mia"], what="the demo's first screen")
    demo_db(t, tmp)
    t.type("a")                          # a form open: the demo keeps no draft either
    t.wait_for("Add a child")
    t.type("Half typed")
    t.settle()
    t.child.kill(signal.SIGHUP)
    st = t.wait_exit(10)
    t.expect(st is not None, "toddle did not end after SIGHUP")
    t.expect(tree(tmp) == set(), "a hang-up left the demo's files: %r" % sorted(tree(tmp)))
    after = tree(s.dir) - {"tmp"}
    t.expect(after == before - {"tmp"}, "a hang-up in the demo made files: %r (no default database, "
             "no state file)" % sorted(after ^ (before - {"tmp"})))


def refused(s, args, env, want):
    r = subprocess.run([TODDLE] + args, env=s.env(extra=env), stdin=subprocess.DEVNULL,
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=30,
                       universal_newlines=True)
    lines = r.stderr.strip().split("\n")
    if r.returncode != want[0] or len(lines) != 1 or want[1] not in lines[0] or r.stdout:
        raise CaseFailed("toddle %s: expected exit %d and one line naming %r" % (" ".join(args), want[0], want[1]),
                         ["exit %d" % r.returncode, "stdout: %r" % r.stdout, "stderr: %r" % r.stderr])


def case_cli_refused(s, tuis):
    tmp, env = demo_env(s)
    before = tree(s.dir)
    other = os.path.join(s.dir, "other.db")
    refused(s, ["--demo", "--today", TODAY, "week"], env, (1, "--demo"))
    refused(s, ["--demo", "--db", other], env, (1, "--demo"))
    refused(s, ["--demo", "child", "list"], env, (1, "drop the other arguments"))
    # a TMPDIR where no folder can be made: refused, nothing made elsewhere
    refused(s, ["--demo"], {"TMPDIR": os.path.join(s.dir, "no", "such", "dir")}, (2, "demo"))
    after = tree(s.dir)
    if after != before:
        raise CaseFailed("a refused --demo made files: %r" % sorted(after ^ before))


CASES = [
    ("--demo opens the demo family's week in a throwaway database; q leaves nothing and the "
     "person's own database untouched", case_demo_week),
    ("a hang-up in the demo (a form open) removes its database and writes no draft or state",
     case_demo_hangup),
    ("--demo with a subcommand or --db, or an unusable TMPDIR, is refused with one line, "
     "nothing made", case_cli_refused),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
