#!/bin/sh
# The caseload (every child, a therapist's, each sort) is read in a few
# statements, not child by child: it must show what the old child-by-child
# reading showed. tests/data/caseload.expected is that reading's output for the
# children of caseload_build.sh; the flags column must also equal each child's
# 'milestone list --flagged', here and on a generated clinic.
. "$TOP_SRCDIR/tests/cli/lib.sh"
plan 4
TODAY=2026-11-26
if ! command -v sqlite3 >/dev/null 2>&1; then
	for i in 1 2 3 4; do echo "ok $i - caseload # SKIP sqlite3 missing"; done
	exit 0
fi
. "$TOP_SRCDIR/tests/cli/caseload_build.sh"

# every listing, as tests/data/caseload.expected has them
listings() {
	for s in name age flags idle next; do
		echo "== --all --sort $s"
		"$TODDLE" --db "$1" --today 2026-11-26 caseload --all --sort $s
	done
	for t in zz-alice zz-bob zz-nobody; do
		for s in name next; do
			echo "== --therapist $t --sort $s"
			"$TODDLE" --db "$1" --today 2026-11-26 caseload --therapist $t --sort $s
		done
	done
	echo "== Monday 2026-11-30, --all"
	"$TODDLE" --db "$1" --today 2026-11-30 caseload --all --sort idle
}
listings "$DB" >"$TMP/got" 2>"$TMP/err"
if cmp -s "$TMP/got" "$TOP_SRCDIR/tests/data/caseload.expected" && [ ! -s "$TMP/err" ]; then
	ok "every listing of the caseload is what the child-by-child reading showed"
else
	not_ok "every listing of the caseload is what the child-by-child reading showed" \
		"$(diff "$TOP_SRCDIR/tests/data/caseload.expected" "$TMP/got")" "$(cat "$TMP/err")"
fi

# flagged DB DAY: "NAME FLAGS" lines where the caseload's count differs from milestone list --flagged
flagged() {
	"$TODDLE" --db "$1" --today "$2" caseload --all | while IFS="$(printf '\t')" read -r id name age cage team next flags rest; do
		want=$("$TODDLE" --db "$1" --today "$2" milestone list --flagged --child "$name" | grep -c .)
		[ "$flags" = "$want" ] || echo "$name: caseload $flags, milestone list --flagged $want"
	done
}
bad=$(flagged "$DB" "$TODAY")
if [ -z "$bad" ] && [ "$(listings "$DB" | grep -c .)" -gt 40 ]; then
	ok "each child's flags are as many as 'milestone list --flagged' lists"
else not_ok "each child's flags are as many as 'milestone list --flagged' lists" "$bad"; fi

# A generated clinic: 60 children with two years of random records each (more
# than one run of the flags statement), on two days.
if command -v python3 >/dev/null 2>&1 &&
   TODDLE="$TODDLE" python3 "$TOP_SRCDIR/bench/make-clinic-db" --children 60 --rows 30000 "$TMP/clinic.db" >/dev/null 2>"$TMP/err"; then
	for day in 2026-03-02 2025-10-15; do
		bad=$(flagged "$TMP/clinic.db" "$day")
		if [ -z "$bad" ]; then ok "a generated clinic on $day: every child's flags match 'milestone list --flagged'"
		else not_ok "a generated clinic on $day: every child's flags match 'milestone list --flagged'" "$bad"; fi
	done
else
	for day in 2026-03-02 2025-10-15; do
		ok "a generated clinic on $day # SKIP python3 or bench/make-clinic-db unavailable: $(head -1 "$TMP/err" 2>/dev/null)"
	done
fi
