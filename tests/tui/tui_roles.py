#!/usr/bin/python3
"""Two kinds of user, one program; and undo.

A family's database shows no Caseload or Record (menu, help, keys). In clinic
mode (the system file's [clinic] group, named by TODDLE_SYSTEM_CONFIG) a
therapist starts on the caseload, Enter opens the child's record with its
team, v shows a note's versions and L the audit trail; an admin assigns, ends
an assignment and deletes a child by typing the name. The last child and view
are remembered per user ($XDG_STATE_HOME). u takes back an activity removal
and a milestone correction as new changes (nothing deleted)."""
import os
import pwd
import stat
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import CaseFailed, run_case, start  # noqa: E402

LOGIN = pwd.getpwuid(os.getuid()).pw_name


def side(t):
    """The side pane's text (the menu), columns 0-21."""
    return "\n".join(line[:21] for line in t.screen_text().split("\n"))


def case_family(s, tuis):
    s.add_child("Mia", "2026-09-10")
    t = start(s, tuis)
    t.wait_all(["Week 11", "Guidance", "Add a child"], what="the first frame")
    menu = side(t)
    t.expect("Caseload" not in menu and "Record" not in menu and "Guidance" in menu,
             "a family's menu shows the therapists' views")
    t.type("6")
    t.type("7")
    t.settle()
    t.expect("Week 11" in t.screen_text() and "Children assigned" not in t.screen_text(),
             "6 or 7 left the week in a family database")
    t.type("?")
    t.wait_for("show this help")
    for _ in range(8):
        t.send("pgdn")
    t.settle()
    t.send("home")
    t.settle()
    text = ""
    for _ in range(12):
        text += t.screen_text()
        t.send("pgdn")
        t.settle()
    t.expect("caseload" not in text.lower() and "audit trail" not in text,
             "a family's help lists the therapists' keys")


def case_therapist(s, tuis):
    env = s.make_clinic("boss", [("Mia", "2026-09-10"), ("Leo", "2026-05-01")])
    s.ccli("assign", "--child", "Leo", "--therapist", LOGIN, "--discipline", "pt")
    r = s.ccli("note", "add", "--child", "Leo", "--subjective", "Mum says rolling", "--objective", "Rolls",
             "--assessment", "On track", "--plan", "Floor time")
    first = r.stdout.split()[0]
    s.ccli("note", "add", "--child", "Leo", "--corrects", first, "--subjective", "Mum says rolling both ways",
         "--objective", "Rolls", "--assessment", "On track", "--plan", "Floor time")
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")   # a therapist starts on the caseload
    t.wait_for(lambda _s: "Caseload" in side(t) and "Record" in side(t),
               desc="Caseload and Record in the clinic's menu")
    t.send("enter")                          # Leo, the only child assigned
    t.wait_all(["Leo ·", "Team", "Session notes"], what="the record")
    t.wait_for("pt: " + LOGIN)
    t.type("T")
    t.wait_for("Only a clinic admin")       # boss is the admin here
    t.send("down", "down")                   # the team line, then the note
    t.type("v")
    t.wait_all(["Note versions", "Version 1", "Version 2", "by " + LOGIN, "Mum says rolling both ways"],
               what="the note's versions")
    t.send("esc")
    t.wait_gone("Note versions")
    t.type("L")
    t.wait_all(["Audit trail", "note written", "assigned"], what="the audit trail")
    t.send("esc")
    t.wait_gone("Audit trail")


def case_admin(s, tuis):
    env = s.make_clinic(LOGIN, [("Mia", "2026-09-10")])
    t = start(s, tuis, extra_env=env)
    t.wait_for("Children assigned to you")
    t.type("A")
    t.wait_for("Every child")
    t.send("enter")
    t.wait_all(["Mia ·", "Team", "Nobody is assigned yet"], what="Mia's record")
    t.type("T")
    t.wait_for("Assign a therapist")
    t.type(LOGIN)
    t.send("tab", "right", "enter")         # discipline pt -> ot, save
    t.wait_for("Assigned %s to Mia for ot" % LOGIN)
    rows = s.query("SELECT therapist, discipline, created_by, ended_at FROM assignment")
    t.expect(rows == [(LOGIN, "ot", LOGIN, None)], "assignment: %r" % (rows,))
    t.wait_for("ot: " + LOGIN)
    t.send("home")
    t.send("down")                          # the team line
    t.type("x")
    t.wait_for("Press x again")
    t.type("x")
    t.wait_for("Ended %s's assignment" % LOGIN)
    rows = s.query("SELECT ended_by FROM assignment")
    t.expect(rows == [(LOGIN,)], "the assignment did not end: %r" % (rows,))
    t.type("D")
    t.wait_for("Delete a child")
    t.type("Mi")
    t.send("enter")
    t.wait_for("type the child's name exactly")
    t.expect(len(s.query("SELECT id FROM child")) == 1, "a wrong name deleted the child")
    t.type("a")
    t.send("enter")
    t.wait_for("Deleted Mia")
    t.expect(s.query("SELECT count(*) FROM child")[0][0] == 0, "the child is still there")
    acts = [r[0] for r in s.query("SELECT action FROM audit ORDER BY id")]
    t.expect("child deleted" in acts, "no audit row for the deletion: %r" % (acts,))


def case_remember(s, tuis):
    s.add_child("Mia", "2026-09-10")
    s.add_child("Leo", "2026-01-15")
    t = start(s, tuis)
    t.wait_for("Leo ·")                      # the first by name
    t.send("tab")                            # the menu, on the child shown
    t.send("down")                           # Mia (after Leo)
    t.send("enter")
    t.wait_for("Mia ·")
    t.type("2")
    t.wait_for("By 2 months")
    t.type("q")
    t.expect(t.wait_exit(5) == 0, "toddle did not quit")
    path = os.path.join(s.dir, "state", "toddle", "state")
    t.expect(os.path.exists(path), "no state file at %s" % path)
    st = os.stat(path)
    t.expect(stat.S_IMODE(st.st_mode) == 0o600 and st.st_uid == os.getuid() and st.st_gid == os.getgid(),
             "the state file is %o %d:%d" % (stat.S_IMODE(st.st_mode), st.st_uid, st.st_gid))
    t2 = start(s, tuis)
    t2.wait_all(["Mia ·", "By 2 months"], what="the remembered child and view")
    t2.type("q")
    t2.wait_exit(5)
    with open(path, "w") as f:
        f.write("child = \x01garbage\n")
    t3 = start(s, tuis)
    t3.wait_all(["Leo ·", "is damaged"], what="the first child and one warning")
    t3.type("q")
    t3.wait_exit(5)
    mia = s.query("SELECT uuid FROM child WHERE name = 'Mia'")[0][0]
    with open(path, "w") as f:
        f.write("child = %s\nview = calendar\n" % mia)
    s.cli("child", "delete", "Mia")
    t4 = start(s, tuis)
    t4.wait_all(["Leo ·", "November 2026"], what="the first child when the remembered one is gone")
    t4.expect("damaged" not in t4.screen_text(), "a remembered child that is gone gave a warning")
    t4.type("q")
    t4.wait_exit(5)
    t5 = start(s, tuis, extra_env={"XDG_STATE_HOME": "/" + "0" * 5000})
    t5.wait_all(["Leo ·", "XDG_STATE_HOME is too long (5001 bytes"],
                what="an XDG_STATE_HOME too long for the state file is said, not skipped quietly")


def case_undo_activity(s, tuis):
    s.add_child("Mia", "2026-09-10")
    s.cli("activity", "log", "tummy-on-chest", "--minutes", "5", "--date", "2026-11-26")
    t = start(s, tuis)
    t.wait_for("Week 11")
    t.type("3")
    t.wait_for("November 2026")
    t.send("enter")
    t.wait_for("Log an activity on this day")
    t.send("down")
    t.type("x")
    t.wait_for("Press x again")
    t.type("x")
    t.wait_for("Removed.")
    rows = s.query("SELECT deleted_by FROM activity_log")
    t.expect(rows == [(LOGIN,)], "not removed: %r" % (rows,))
    t.type("u")
    t.wait_for("Undone the removal of")
    rows = s.query("SELECT count(*), min(deleted_at), max(version), max(updated_by), max(updated_at) FROM activity_log")
    t.expect(rows[0][0] == 1 and rows[0][1] is None and rows[0][2] == 3 and rows[0][3] == LOGIN and rows[0][4],
             "activity_log after undo (count, deleted_at, version, updated_by, updated_at): %r" % (rows,))
    acts = [r for r in s.query("SELECT action, who FROM audit ORDER BY id")]
    t.expect(acts[-2:] == [("activity removed", LOGIN), ("activity corrected", LOGIN)],
             "audit after undo: %r" % (acts,))
    t.type("u")
    t.wait_for("Nothing more to undo")


def case_undo_milestone(s, tuis):
    s.add_child("Leo", "2026-01-15")
    first = s.query("SELECT id FROM milestone WHERE age_months = 9 ORDER BY sort LIMIT 1")[0][0]
    s.cli("milestone", "log", "--child", "Leo", first, "--status", "not-yet", "--date", "2026-11-20")
    t = start(s, tuis)
    t.wait_for("Leo")
    t.type("2")
    t.wait_for("By 9 months")
    t.send("down")
    t.wait_for("#1 2026-11-20 not-yet, by")
    t.send("down")
    t.type("E")
    t.wait_for("Correct a milestone entry")
    t.send("right")                     # not-yet -> achieved
    t.send("enter")
    t.wait_for("Corrected to achieved")
    t.type("u")
    t.wait_for("Undone the correction of")
    rows = s.query("SELECT id, status, corrects, removed, created_by FROM milestone_log ORDER BY id")
    t.expect(rows == [(1, "not-yet", None, 0, LOGIN), (2, "achieved", 1, 0, LOGIN), (3, "not-yet", 2, 0, LOGIN)],
             "milestone_log after undo: %r" % (rows,))
    live = s.query("SELECT id, status FROM milestone_live")
    t.expect(live == [(3, "not-yet")], "in force after undo: %r" % (live,))
    # a removal taken back: the entry is in force again, by a row that corrects the removal
    t.send("down", "down")                  # from entry #1 to #3, the one in force
    t.settle()
    t.type("x")
    t.wait_for("Press x again")
    t.type("x")
    t.wait_for("Removed; the history keeps it")
    t.type("u")
    t.wait_for("Undone the removal of")
    rows = s.query("SELECT id, status, corrects, removed FROM milestone_log WHERE id > 3 ORDER BY id")
    t.expect(len(rows) == 2 and rows[0][3] == 1 and rows[1][2] == rows[0][0] and rows[1][3] == 0,
             "milestone_log after undoing a removal: %r" % (rows,))
    t.expect(s.query("SELECT count(*) FROM milestone_live")[0][0] == 1, "nothing in force after undo")


CASES = [
    ("a family's menu, help and keys have no Caseload or Record", case_family),
    ("a therapist starts on the caseload; Enter opens the record with its team; v versions, L audit",
     case_therapist),
    ("an admin assigns, ends the assignment and deletes the child by typing the name", case_admin),
    ("the last child and view are remembered per user; a damaged or stale state falls back; "
     "an XDG_STATE_HOME too long is said", case_remember),
    ("u takes back an activity removal as a new version, and says when nothing is left", case_undo_activity),
    ("u takes back a milestone correction and a removal as new rows", case_undo_milestone),
]


def main():
    tap = tuitest.Tap(len(CASES))
    for desc, func in CASES:
        run_case(tap, desc, func)
    tap.done()


if __name__ == "__main__":
    main()
