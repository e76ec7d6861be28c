#!/usr/bin/python3
"""Every child's caseload (A) in a clinic of 200 children, which reads the costly columns
(team, next visit, idle days, the week) a page at a time: the rows on screen, at the start,
after PgDn and at the end, show what `toddle caseload --all` lists for those children, in
the same order, for every sort; the search finds a team far down the list."""
import os
import re
import sqlite3
import sys
import uuid

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import CaseFailed, run_case, start  # noqa: E402

CHILDREN = 200
COLS, ROWS = 150, 40
# the sorts in the order s steps through them, with the CLI's name for each
SORTS = (("age", "age"), ("worth talking", "flags"), ("days since practice", "idle"),
         ("next visit", "next"), ("name", "name"))


def make_children(s):
    """199 more children (one is there already) with assignments, home programs, logged
    practice and appointments, written with sqlite3 in one transaction."""
    con = sqlite3.connect(s.db, timeout=5)
    try:
        act = [r[0] for r in con.execute("SELECT id FROM activity WHERE alias_of IS NULL ORDER BY id LIMIT 3")]
        at = "2026-11-20T10:00:00Z"
        u = lambda: str(uuid.uuid4())  # noqa: E731
        therapists = ("alice", "bob", "carolina-long-login", "dave")
        for i in range(1, CHILDREN):
            born = "%d-%02d-%02d" % (2024 + i % 3, 1 + i % 12, 1 + (i * 7) % 27)
            due = "%d-%02d-%02d" % (2024 + i % 3, 1 + (i + 2) % 12, 1 + (i * 7) % 27) if i % 9 == 0 else None
            if born > "2026-11-01":
                born, due = "2026-%02d-%02d" % (1 + i % 10, 1 + i % 27), None
            name = "Kid %03d" % i + (" " + "x" * (i % 7) if i % 7 else "")
            cur = con.execute("INSERT INTO child(uuid, name, born, due, created_at, created_by, updated_at,"
                              " updated_by) VALUES(?,?,?,?,?,?,?,?)", (u(), name, born, due, at, "t", at, "t"))
            kid = cur.lastrowid
            for k, disc in enumerate(("pt", "ot", "speech")[:i % 3]):
                who = "zz-findme" if i == 187 and k == 0 else therapists[(i + k) % 4]
                con.execute("INSERT INTO assignment(uuid, child_id, therapist, discipline, created_at, created_by)"
                            " VALUES(?,?,?,?,?,?)", (u(), kid, who, disc, at, "t"))
            if i % 4:
                con.execute("INSERT INTO program(uuid, child_id, activity_id, times, per, start, created_at,"
                            " created_by) VALUES(?,?,?,?,?,?,?,?)",
                            (u(), kid, act[i % 3], 1 + i % 3, ("day", "week")[i % 2], "2026-10-05", at, "t"))
                for d in range(i % 5):
                    con.execute("INSERT INTO activity_log(uuid, child_id, activity_id, day, result, created_at,"
                                " created_by) VALUES(?,?,?,?,?,?,?)",
                                (u(), kid, act[i % 3], "2026-11-%02d" % (10 + (i + 3 * d) % 16),
                                 ("done", "hard", "skipped")[d % 3], at, "t"))
            if i % 5:
                con.execute("INSERT INTO appointment(uuid, child_id, day, time, title, created_at, created_by,"
                            " updated_at, updated_by) VALUES(?,?,?,?,?,?,?,?,?)",
                            (u(), kid, "2026-12-%02d" % (1 + i % 28), "" if i % 6 == 0 else "%02d:30" % (8 + i % 9),
                             "Visit", at, "t", at, "t"))
            if i % 3 == 0:
                con.execute("INSERT INTO milestone_log(uuid, child_id, milestone_id, status, observed,"
                            " created_at, created_by) VALUES(?,?,?,?,?,?,?)",
                            (u(), kid, "cdc-2m-se-calms", "not-yet", "2026-11-01", at, "t"))
        con.commit()
    finally:
        con.close()


def cli_rows(s, sort):
    """`toddle caseload --all --sort SORT`: (name, [team, next, talk, idle, week]) as the
    pane shows them (next as MM-DD, idle as Nd)."""
    out = []
    for line in s.ccli("caseload", "--all", "--sort", sort).stdout.splitlines():
        f = line.split("\t")
        nxt = f[5][5:10] if f[5] != "-" else "-"
        idle = f[7] + "d" if f[7] != "-" else "-"
        out.append((f[1], [f[4], nxt, f[6], idle, f[8]]))
    return out


def pane_rows(t):
    """The caseload table's rows on screen: each row's text from the Name column on, with
    runs of blanks made one."""
    lines = t.screen_text().split("\n")
    corner = next((ln.index("kl") for ln in lines[:3] if "Caseload" in ln and "kl" in ln), None)
    if corner is None:
        raise CaseFailed("no caseload pane on screen", lines)
    col = corner + 3  # the main box's corner, its side, a blank
    rows = []
    for ln in lines[2:]:
        text = ln[col:].rstrip(" \u2502x|")
        if text.startswith("Kid ") or text.startswith("Ada "):
            rows.append(" ".join(text.split()))
        elif rows:
            break
    return rows, lines


def check_rows(t, expected, where):
    """The rows on screen are a run of the CLI's list, with the same columns; returns them."""
    rows, lines = pane_rows(t)
    if len(rows) < 10:
        raise CaseFailed("%s: only %d caseload rows on screen" % (where, len(rows)), lines)
    names = [n for n, _ in expected]
    first = None
    for k, name in enumerate(names):
        if rows[0].startswith(name + " "):
            first = k
            break
    if first is None:
        raise CaseFailed("%s: the first row on screen is no child of the CLI's list: %r" % (where, rows[0]), lines)
    for j, row in enumerate(rows):
        if first + j >= len(expected):
            raise CaseFailed("%s: more rows on screen than the CLI lists" % where, lines)
        name, cols = expected[first + j]
        want_tail = " ".join(cols)
        if not row.startswith(name + " ") or not row.endswith(" " + want_tail):
            raise CaseFailed("%s: row %d on screen is %r; the CLI has %s ... %s (position %d)"
                             % (where, j, row, name, want_tail, first + j), lines)
        age = row[len(name) + 1:len(row) - len(want_tail) - 1]
        if not re.fullmatch(r"\d+[wm]\*?", age):
            raise CaseFailed("%s: %s's age on screen is %r" % (where, name, age), lines)
    return first, rows


def case_pages(s, tuis):
    env = s.make_clinic("boss", [("Ada Start", "2025-06-02")])
    make_children(s)
    by_name = cli_rows(s, "name")
    if len(by_name) != CHILDREN:
        raise CaseFailed("setup: the CLI lists %d children, not %d" % (len(by_name), CHILDREN))
    t = start(s, tuis, extra_env=env, cols=COLS, rows=ROWS)
    t.wait_for("Children assigned to you")
    t.type("A")
    t.wait_for("Every child, by name")
    t.settle()
    first, rows = check_rows(t, by_name, "A, first page")
    t.expect(first == 0, "A: the list starts at position %d of the CLI's, not 0" % first)
    t.send("pgdn")
    t.settle()
    first, rows = check_rows(t, by_name, "PgDn")
    t.expect(first > 0, "PgDn did not move the list")
    t.send("pgdn", "pgdn", "pgdn")
    t.settle()
    check_rows(t, by_name, "PgDn x4")
    t.send("end")
    t.settle()
    first, rows = check_rows(t, by_name, "End")
    t.expect(first + len(rows) == CHILDREN, "End: the last row on screen is position %d of %d"
             % (first + len(rows), CHILDREN), t.screen_text().split("\n"))
    t.send("home")
    t.settle()
    for title, sort in SORTS:
        t.type("s")
        t.wait_for("Every child, by %s" % title)
        t.settle()
        want = cli_rows(s, sort)
        first, _ = check_rows(t, want, "sort by %s, top" % title)
        t.expect(first == 0, "sort by %s: the list starts at position %d of the CLI's" % (title, first))
        t.send("end")
        t.settle()
        first, rows = check_rows(t, want, "sort by %s, end" % title)
        t.expect(first + len(rows) == CHILDREN, "sort by %s, End: the last row is position %d of %d"
                 % (title, first + len(rows), CHILDREN))
        t.send("home")
        t.settle()


def case_search(s, tuis):
    env = s.make_clinic("boss", [("Ada Start", "2025-06-02")])
    make_children(s)
    t = start(s, tuis, extra_env=env, cols=COLS, rows=ROWS)
    t.wait_for("Children assigned to you")
    t.type("A")
    t.wait_for("Every child, by name")
    t.settle()
    t.resize(COLS, 100)  # a taller screen shows more rows than the first page read
    t.settle()
    first, rows = check_rows(t, cli_rows(s, "name"), "resized to 100 rows")
    t.expect(first == 0 and len(rows) > 80, "resized to 100 rows: %d rows from position %d" % (len(rows), first))
    t.expect("zz-findme" not in t.screen_text(), "the team searched for is on screen already")
    t.type("/zz-findme")
    t.send("enter")
    t.wait_for("pt:zz-findme")
    lines = t.screen_text().split("\n")
    t.expect(any(re.search(r"Kid 187 x* +\d+[wm]\*? +pt:zz-findme ", ln) for ln in lines),
             "the search for a team far down the list did not show Kid 187's row", lines)

CASES = [
    ("A in a clinic of 200: the first page, PgDn and End show the CLI's columns for those rows, "
     "and every sort the CLI's order", case_pages),
    ("A: a taller screen shows its new rows read; the search finds a team in a row not read at first",
     case_search),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func, timeout_hint=60)
    tap.done()


if __name__ == "__main__":
    main()
