#!/usr/bin/python3
"""Text is wrapped, never cut, at 60x18 (the smallest size), 80x24 and 200x60.

One session per size visits every view, the help and every form (add child, log
activity, log milestone, new appointment, session note, goal, report), triggers a
long form error, and at each stop compares the screen with the texts it came
from: every word of those texts must show whole (a word cut at a border, like
"bor" for "born", is missing), no word on screen may be a cut-off piece of a
known word, and every box keeps its four corners. Words are compared, not
layout, so the test survives changes in wording and placement."""
import glob
import os
import pwd
import re
import sys

sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import tuitest  # noqa: E402  (skips with exit 77 when pexpect/pyte are missing)
from tuitest import CaseFailed, run_case, start  # noqa: E402

SRC = os.environ.get("TOP_SRCDIR") or os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
TITLE = "Appointment with the developmental pediatrician about crawling"
PLACE = "Children's hospital outpatient building, second floor"
TUMMY = "Tummy time: 0 of 30 minutes (WHO: at least 30 a day, spread out, while awake)"
LEGEND = ("Age: w weeks, m months, * corrected. Next: next visit. Talk: items worth talking about. "
          "Idle: days since the home program was last practised. Week: home program done of planned.")
INTROS = {
    "add child": "Dates as YYYY-MM-DD. Born early? Due date, or weeks at birth (32+4).",
    "appointment": "For Mia. Time as HH:MM, or empty for all day; place and with whom are optional.",
    "goal": "A goal for Mia, in words the family can use.",
    "report": ("A report on Mia for a doctor, therapist or school. Include adds what a reader's report "
               "leaves out: goals, program, activities (the school's has none of them)."),
}
WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
BOX = {"tl": "l┌+", "tr": "k┐+", "bl": "m└+", "br": "j┘+", "h": "q─-", "v": "x│|"}


def words(text):
    """The words of a text (letters only: numbers and dates are not wrapped words)."""
    return WORD.findall(text)


def vocabulary():
    """Every word toddle can draw: the content library, the strings in its source, the key table."""
    vocab = set()
    for pattern in ("content/*.ini", "src/tui/*.c", "src/core/*.c", "include/toddle/*.h"):
        for path in glob.glob(os.path.join(SRC, pattern)):
            with open(path, encoding="utf-8", errors="replace") as f:
                vocab.update(w.lower() for w in words(f.read()))
    return vocab


VOCAB = vocabulary()


def unboxed(t):
    """The screen's rows with the box lines blanked: runs of side characters
    (two or more down, three or more across) and the corners that end them."""
    disp = t.screen.display
    rows, cols = len(disp), len(disp[0])
    corners = BOX["tl"] + BOX["tr"] + BOX["bl"] + BOX["br"]
    mask = [[False] * cols for _ in range(rows)]

    def runs(cells, side, least):
        """Start and end of each run of side characters at least `least` long."""
        out, start = [], None
        for i, c in enumerate(cells + [" "]):
            if c in side and c not in " ":
                start = i if start is None else start
            else:
                if start is not None and i - start >= least:
                    out.append((start, i))
                start = None
        return out
    for y in range(rows):
        for a, b in runs(list(disp[y]), BOX["h"], 3):
            for x in range(max(a - 1, 0), min(b + 1, cols)):
                if x in range(a, b) or disp[y][x] in corners:
                    mask[y][x] = True
    for x in range(cols):
        col = [disp[y][x] for y in range(rows)]
        for a, b in runs(col, BOX["v"], 2):
            for y in range(max(a - 1, 0), min(b + 1, rows)):
                if y in range(a, b) or col[y] in corners:
                    mask[y][x] = True
    return ["".join(" " if mask[y][x] else disp[y][x] for x in range(cols)) for y in range(rows)]


def screen_words(t):
    """The words on the screen, borders taken off; with a window open, the words in it."""
    rows = unboxed(t)
    over = overlay_box(t, find_boxes(t))
    if over and over[2] is not None and over[3] is not None:
        rows = [r[over[1]:over[3] + 1] for r in rows[over[0]:over[2] + 1]]
    out = set()
    for row in rows:
        # a file path (the report form's File field, which scrolls sideways) is not prose:
        # the scratch folder's random name would read as pieces of words
        out.update(words(" ".join(w for w in row.split() if "/" not in w)))
    return out


STYLES = ("lkmjqx", "┌┐└┘─│", "++++-|")  # corners tl tr bl br, then across and down


def find_boxes(t):
    """The boxes on the screen as (top, left, bottom, right), bottom and right
    None when missing: a top-left corner followed by a line across and a side down."""
    disp = t.screen.display
    rows, cols = len(disp), len(disp[0])
    boxes = []
    for y in range(rows - 1):
        for x in range(cols - 1):
            st = next((st for st in STYLES if disp[y][x] == st[0]), None)
            if not st or disp[y][x + 1] != st[4] or disp[y + 1][x] != st[5]:
                continue
            tl, tr, bl, br, across, down = st
            xr = next((i for i in range(x + 2, cols) if disp[y][i] == tr and disp[y][i - 1] == across), None)
            yb = next((j for j in range(y + 1, rows) if disp[j][x] != down), None)
            if xr is not None and yb is not None and (disp[yb][x] != bl or disp[yb][xr] != br):
                yb = None
            boxes.append((y, x, yb, xr))
    return boxes


def overlay_box(t, boxes):
    """The open window over the panes: the box that starts at neither pane's left edge."""
    side = 26 if t.cols >= 100 else 22 if t.cols >= 80 else 18
    over = [b for b in boxes if b[1] not in (0, side)]
    return over[0] if over else None


def box_problems(t):
    """What is wrong with the boxes: one without its right corner or its bottom
    corners. With a window open, only that window is checked (it covers the panes)."""
    boxes = find_boxes(t)
    over = overlay_box(t, boxes)
    return ["box at row %d col %d has lost %s" % (b[0], b[1], "its right corner" if b[3] is None else "its bottom")
            for b in ([over] if over else boxes) if b[2] is None or b[3] is None]


def cut_words(seen):
    """Words on screen that are not words toddle knows but the start of one: cut-off words."""
    known = {w.lower() for w in seen if w.lower() in VOCAB}
    bad = []
    for w in seen:
        lw = w.lower()
        if len(lw) < 3 or lw in VOCAB or lw in known:
            continue
        if any(v.startswith(lw) for v in VOCAB):
            bad.append(w)
    return sorted(bad)


class Stop:
    """One place in the session and the checks made there."""

    def __init__(self, t, size, where):
        self.t, self.size, self.where = t, size, where
        self.seen = set()

    def look(self):
        """Redraw (ncurses' scrolling can confuse the emulator) and take in the screen."""
        t = self.t
        t.send("ctrl-l")
        t.settle(0.15)
        probs = box_problems(t)
        if probs:
            t.fail("%s at %s: a box is not whole" % (self.where, self.size), probs)
        self.seen |= screen_words(t)
        cut = cut_words(screen_words(t))
        if cut:
            t.fail("%s at %s: words cut off: %s" % (self.where, self.size, ", ".join(cut)))

    def pages(self, n=8, key="pgdn"):
        """Take in every page of a long document."""
        self.look()
        for _ in range(n):
            self.t.send(key)
            self.look()

    def expect_words(self, *texts):
        """Every word of the texts was seen whole."""
        missing = []
        for text in texts:
            missing += [w for w in words(text) if w not in self.seen]
        if missing:
            self.t.fail("%s at %s: these words were not shown whole: %s"
                        % (self.where, self.size, ", ".join(sorted(set(missing)))))


def key_help_texts(s):
    r = s.cli("keys", today=None)
    if r.returncode != 0:
        raise CaseFailed("toddle keys failed: %s" % r.stderr)
    return [line.split("\t")[2] for line in r.stdout.splitlines() if line.count("\t") == 2]


def who_labels():
    labels = []
    with open(os.path.join(SRC, "content", "who-windows.ini"), encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\s*text\s*=\s*(.+)", line)
            if m:
                labels.append(m.group(1).strip().strip('"'))
    return labels


def future_birth_error(s):
    r = s.cli("child", "add", "Zed", "--born", "2027-09-01")
    if r.returncode == 0:
        raise CaseFailed("setup: a birth date in the future was accepted")
    return r.stderr.strip().split(": ", 1)[1]


def form(t, size, where, opened_by, title, intro=None, fill=(), err=None):
    """Open a form, check it whole (and its error), then close it with Esc."""
    t.send(*opened_by)
    t.wait_for(title)
    st = Stop(t, size, where)
    st.look()
    if intro:
        st.expect_words(intro)
    if fill:
        t.send(*fill)
        t.wait_for(err[:20] if err else "", timeout=5)
        st.look()
        st.expect_words(err)
    t.send("esc")
    t.settle(0.2)
    if overlay_box(t, find_boxes(t)) and "iscard" in t.screen_text():
        t.send("y")  # a form that asks before throwing typed text away
    t.wait_for(lambda scr: overlay_box(t, find_boxes(t)) is None, desc="the form to close")


def side_column(s, t, size):
    """A wide week view shows the selected activity beside the list: its words whole."""
    st = Stop(t, size, "the open activity beside the week list")
    for _ in range(3):
        t.send("down")
        st.look()
    x = t.line(1).find(" Activity ")
    if x < 0:
        t.fail("at %s no side column beside the week list" % size)
    title = t.line(2)[x - 1:t.cols - 1].strip()
    rows = s.query("SELECT materials, steps, why, COALESCE(safety, '') FROM activity WHERE title = ?", (title,))
    if not rows:
        t.fail("the side column's first line %r is no activity's title" % title)
    st.expect_words(title, *rows[0])


def session(cols, rows):
    def run(s, tuis):
        # a clinic, so that the caseload, the record and their forms are there too
        login = pwd.getpwuid(os.geteuid()).pw_name
        err = future_birth_error(s)   # the refusal's words, from a family database
        env = s.make_clinic(login, [("Mia", "2026-09-10")])
        s.ccli("assign", "--child", "Mia", "--therapist", login, "--discipline", "pt")
        s.ccli("event", "add", "--child", "Mia", "--date", tuitest.TODAY, "--time", "09:00",
               "--title", TITLE, "--place", PLACE)
        helps = key_help_texts(s)
        size = "%dx%d" % (cols, rows)
        t = start(s, tuis, cols=cols, rows=rows, extra_env=env)
        t.wait_for("Mia")
        t.send("1")                # a therapist starts on the caseload: the week first
        t.wait_for("Week 11")
        t.settle()

        st = Stop(t, size, "the week view")
        st.pages(6)
        st.expect_words(TUMMY)
        t.send("home")
        if cols >= 120:
            side_column(s, t, size)

        st = Stop(t, size, "the help")
        t.send("?")
        t.wait_for("Keys")
        st.pages(30)
        st.expect_words(*helps)
        t.send("esc")
        t.wait_gone("Keys")

        t.send("2")
        t.wait_for("By 2 months")
        st = Stop(t, size, "the milestones view")
        st.pages(8)
        st.expect_words("WHO motor windows (1st to 99th percentile, months)", *who_labels())
        t.send("home", "down")
        form(t, size, "the milestone form", ["enter"], "Status")

        t.send("3")
        t.wait_for("(today)")
        Stop(t, size, "the calendar").look()
        t.send("enter")            # the day's own window shows what the month had no room for
        t.wait_for("Log an activity on this day")
        st = Stop(t, size, "the calendar's day")
        st.pages(3)
        st.expect_words(TITLE, PLACE)
        t.send("esc")
        t.wait_gone("Log an activity on this day")
        form(t, size, "the appointment form", ["n"], "New appointment", INTROS["appointment"],
             ["Visit", "tab", "ctrl-u", "2026-13-45", "\x13"], "Date: write it as YYYY-MM-DD")

        for key, name in (("4", "the classes"), ("5", "the guidance"), ("7", "the record")):
            t.send(key)
            t.settle()
            Stop(t, size, name).pages(3)
        form(t, size, "the session note form", ["n"], "Subjective")
        form(t, size, "the goal form", ["O"], "Target date", INTROS["goal"])

        t.send("6")
        t.wait_for("Children assigned to you")
        st = Stop(t, size, "the caseload")
        st.pages(3)
        st.expect_words(LEGEND, "Mia")

        t.send("1")
        t.settle()
        form(t, size, "the report form", ["r"], "Format", INTROS["report"])
        form(t, size, "the add-child form with a long error", ["a"], "Add a child", INTROS["add child"],
             ["Zed", "tab", "2027-09-01", "enter", "enter"], err)
        t.send("home", "down")
        form(t, size, "the activity log form", ["o"], "How it went")
        t.send("q")
        st_ = t.wait_exit(5)
        t.expect(st_ == 0, "toddle did not quit cleanly: %r" % st_)
    return run


def case_wrap_helpers_catch_cuts(s, tuis):
    """The checks themselves: a cut word and a broken box are found."""
    class Fake:
        pass
    t = Fake()
    import pyte
    t.cols = 30
    t.screen = pyte.Screen(30, 5)
    t.screen.draw("use the day the baby was bor")
    if "bor" not in cut_words(set(words("use the day the baby was bor"))):
        raise CaseFailed("cut_words did not notice 'bor'")
    t.screen.cursor_position(2, 3)
    t.screen.draw("lqqqk")
    t.screen.cursor_position(3, 3)
    t.screen.draw("x   x")
    if not box_problems(t):
        raise CaseFailed("box_problems did not notice a box without its bottom")


tap = tuitest.Tap(4)
run_case(tap, "the checks notice a cut word and a broken box", case_wrap_helpers_catch_cuts)
for c, r in ((60, 18), (80, 24), (200, 60)):
    run_case(tap, "at %dx%d every view, the help and every form show their words whole" % (c, r),
             session(c, r), timeout_hint=90)
tap.done()
