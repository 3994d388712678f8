"""Issue 22's "Done when": a person's week on a fake clock, through the code their
actions go through (the stretch window's ``Walkthrough`` and its look at the history,
``qlbreak check-in``): morning check-ins with the pain falling 6 to 3 and the left side
tighter, one skipped, one with leg symptoms; stretches with the tighter side held
longer, one that hurt, one stopped part-way, one closed. Then what the Progress window
shows, ``qlbreak history --csv`` and ``qlbreak report --pdf`` all agree with the
history, and with what the person did."""

from __future__ import annotations

import argparse
import csv
import io
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

from qlbreak import __version__
from qlbreak import clock as wall_clock
from qlbreak.cli import main
from qlbreak.cli.context import Context
from qlbreak.cli.progress import names
from qlbreak.core.checkin import Side
from qlbreak.core.kinds import Record
from qlbreak.core.picker import Preferences
from qlbreak.core.progress import Progress, build
from qlbreak.core.session import Feeling, Phase
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from qlbreak.stretches.choosing import choose
from qlbreak.ui import lately, spec
from qlbreak.ui.walkthrough import Walkthrough
from tests.need import missing

PLUS_ONE = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 23, tzinfo=PLUS_ONE)
SUNDAY = MONDAY + timedelta(days=6)
CATALOGUE = load()
Answer = tuple[int | None, Side | None, bool | None]  # the check-in screen's answers; (None, ...): skipped
SKIP: Answer = (None, None, None)


class Clock:
    """The wall clock (``qlbreak.clock.now``) and the window's seconds, moved by hand."""

    def __init__(self, at: datetime) -> None:
        self.at = at

    def now(self, zone_name: str = wall_clock.LOCAL) -> datetime:
        return self.at

    @property
    def t(self) -> float:
        return self.at.timestamp()

    def go(self, seconds: float) -> float:
        self.at += timedelta(seconds=seconds)
        return self.t

    def to(self, day: int, hour: int, minute: int = 0) -> None:
        self.at = (MONDAY + timedelta(days=day)).replace(hour=hour, minute=minute)


@dataclass(frozen=True)
class Did:
    """One stretch window, as the person went through it, and what it should record."""

    stretch: str
    kind: Record
    feeling: Feeling | None
    left: float | None
    right: float | None


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def context() -> Context:
    return Context(argparse.Namespace(config=None), io.StringIO(), io.StringIO())


def window(
    clock: Clock,
    stretch_id: str,
    answer: Answer | None = None,  # None: the window must not ask (already asked today)
    feeling: Feeling | None = Feeling.SAME,  # None: closed (Esc) during the first hold
    cut_after: float | None = None,  # the first hold skipped after this many seconds
) -> Walkthrough:
    """A stretch window from its look at the history to the last press, as
    ``ui/stretch.py`` builds it; the clock moves as the holds run."""
    ctx, path = context(), default_paths().history_db
    ask, _, tighter = lately.look(str(path), ctx.config.checkin, clock.now())
    assert ask == (answer is not None), f"{clock.at:%a %H:%M}: the check-in asked: {ask}"
    stretch = CATALOGUE.get(stretch_id)
    assert stretch is not None
    w = Walkthrough(
        stretch,
        open_history=lambda: History.open(path, wall_clock.now(), timeout=1.0),
        another_for=lambda h, skip: choose(CATALOGUE, Preferences(), h, wall_clock.now(), skip),
        workdays=ctx.config.workdays,
        wall=lambda: wall_clock.now(ctx.config.timezone),
        spool_beside=str(path),
        factor=ctx.config.tighter,
    )
    if tighter is not None:  # as ui/stretch.py does: today's side holds longer here too
        w.hold_tighter(tighter)
    if answer is not None:
        w.check_in(*answer)
        clock.go(20)
    w.next(clock.go(5))  # Start
    w.next(clock.go(10))  # I'm ready: the first hold
    if feeling is None:
        w.close(clock.go(12))
    else:
        if cut_after is not None:
            w.next(clock.go(cut_after))
        while w.session.timed:
            w.tick(clock.go(w.session.remaining(clock.t)))
        assert w.session.phase is Phase.FEEDBACK
        w.feel(feeling, clock.go(3))
    w.close_history()
    return w


def the_window_shows() -> tuple[Progress, dict[str, str]]:
    """What the Progress window shows, made as it makes it (``ui/progress.Window``) from
    the spec the tray and ``qlbreak progress`` give it; no Tk needed for the words."""
    from qlbreak.ui.progress import read

    ctx = context()
    told = spec.progress("light", ctx.paths, ctx.config, names(ctx))
    told_names = {str(k): str(v) for k, v in dict(told["names"]).items()}
    now = wall_clock.now(str(told["timezone"]))
    seen = read(str(told["history"]), now)
    assert seen.problem is None
    workdays = frozenset(int(d) for d in told["workdays"])
    return build(seen.events, now, workdays, told_names, seen.done_days), told_names


def stored() -> list[Event]:
    history = History.open(default_paths().history_db, wall_clock.now())
    try:
        return history.events()
    finally:
        history.close()


def a_week(clock: Clock) -> list[Did]:
    """Monday to Sunday: what the person does, and what each window should record."""
    factor = context().config.tighter
    left = Side.LEFT
    did: list[Did] = []

    def go(
        stretch: str,
        kind: Record,
        feeling: Feeling | None,
        sides: tuple[float, float] | None,
        answer: Answer | None = None,
        cut_after: float | None = None,
    ) -> None:
        w = window(clock, stretch, answer, feeling, cut_after)
        assert w.outcome == kind
        did.append(Did(stretch, kind, feeling, *(sides or (None, None))))

    long = 30 * factor  # seated side bend and seated twist: 30 s a side; the tighter one longer
    clock.to(0, 8, 30)  # Monday
    go("seated-side-bend", Record.DONE, Feeling.BETTER, (long, 30), answer=(6, left, False))
    clock.to(0, 14)
    go("cat-cow", Record.DONE, Feeling.SAME, None)
    clock.to(1, 8, 45)  # Tuesday: the left hold stopped after 20 s
    go("seated-side-bend", Record.PARTIAL, Feeling.SAME, (20, 30), answer=(5, left, False), cut_after=20)
    clock.to(1, 15)
    go("cat-cow", Record.DONE, Feeling.BETTER, None)
    clock.to(2, 9)  # Wednesday: the check-in skipped (Esc), so no side is held longer
    go("seated-side-bend", Record.DONE, Feeling.BETTER, (30, 30), answer=SKIP)
    clock.to(3, 8, 30)  # Thursday: a leg's symptoms; the twist hurt
    go("seated-twist", Record.DONE, Feeling.HURT, (long, 30), answer=(5, left, True))
    clock.to(4, 9)  # Friday: one done, then one closed (Esc) during its first hold
    go("seated-side-bend", Record.DONE, Feeling.BETTER, (long, 30), answer=(4, left, False))
    clock.to(4, 16)
    go("seated-twist", Record.SKIPPED, None, None)
    clock.to(5, 9)  # Saturday: checked in from the command line, so the window does not ask
    assert qlbreak("check-in", "--pain", "4", "--tighter", "left") == (
        0,
        "Recorded: back 4/10, left side tighter.\n",
        "",
    )
    clock.to(5, 11)
    go("cat-cow", Record.DONE, Feeling.BETTER, None)
    clock.to(6, 10)  # Sunday
    go("seated-side-bend", Record.DONE, Feeling.BETTER, (long, 30), answer=(3, left, False))
    clock.to(6, 20)
    return did


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Clock:
    c = Clock(MONDAY)
    monkeypatch.setattr(wall_clock, "now", c.now)
    return c


def test_a_week_of_check_ins_and_stretches_agrees_everywhere(clock: Clock, tmp_path: Path) -> None:
    did = a_week(clock)
    events = stored()
    the_history_is_the_week(did, events, clock)
    named = the_progress_window_agrees(events)
    the_csv_agrees(events, tmp_path / "history.csv")
    the_report_agrees(events, named, tmp_path / "report.pdf")


def done_of(events: list[Event]) -> list[Event]:
    return [e for e in events if e.kind in (Record.DONE, Record.PARTIAL)]


def sides_of(events: list[Event]) -> tuple[float, float]:
    done = done_of(events)
    return sum(e.left_seconds or 0 for e in done), sum(e.right_seconds or 0 for e in done)


def pains_of(events: list[Event]) -> list[tuple[date, int]]:
    return [(e.at.date(), e.pain) for e in events if e.kind is Record.CHECKIN and e.pain is not None]


def the_history_is_the_week(did: list[Did], events: list[Event], clock: Clock) -> None:
    """What the person did, each record once, each side's seconds as held."""
    factor = context().config.tighter
    assert factor > 1
    stretches = [e for e in events if e.kind in (Record.DONE, Record.PARTIAL, Record.SKIPPED)]
    assert [(e.stretch, e.kind, e.feeling) for e in stretches] == [(d.stretch, d.kind, d.feeling) for d in did]
    assert [(e.left_seconds, e.right_seconds) for e in stretches] == [(d.left, d.right) for d in did]
    longer = [e for e in stretches if e.kind is Record.DONE and e.left_seconds != e.right_seconds]
    assert len(longer) == 4 and all((e.left_seconds or 0) == (e.right_seconds or 0) * factor for e in longer)
    (partial,) = (e for e in events if e.kind is Record.PARTIAL)
    assert (partial.seconds, partial.left_seconds, partial.right_seconds) == (50, 20, 30)
    assert [(e.at.date(), e.pain, e.tighter, e.leg) for e in events if e.kind is Record.CHECKIN] == [
        (date(2026, 11, 23), 6, Side.LEFT, False),
        (date(2026, 11, 24), 5, Side.LEFT, False),
        (date(2026, 11, 25), None, None, None),
        (date(2026, 11, 26), 5, Side.LEFT, True),
        (date(2026, 11, 27), 4, Side.LEFT, False),
        (date(2026, 11, 28), 4, Side.LEFT, False),  # qlbreak check-in
        (date(2026, 11, 29), 3, Side.LEFT, False),
    ]
    path = default_paths().history_db
    assert not list(path.with_name("waiting").glob("*"))  # nothing left waiting in the spool
    assert lately.recent(str(path), clock.now()).to_say(clock.now()) is None  # the pain fell: no worry to say
    left, right = sides_of(events)
    assert (left, right) == (sum(d.left or 0 for d in did), sum(d.right or 0 for d in did)) and left > right


def the_progress_window_agrees(events: list[Event]) -> dict[str, str]:
    """Counts per day, the pain, each side's time, the hurt and the leg flagged."""
    shown, named = the_window_shows()
    done, (left, right) = done_of(events), sides_of(events)
    per_day = Counter((e.at.date(), e.kind) for e in done)
    week = [d for d in shown.days if d.day >= MONDAY.date()]
    assert [(d.day, d.done, d.partial, d.workday) for d in week] == [
        (d, per_day[(d, Record.DONE)], per_day[(d, Record.PARTIAL)], d.weekday() < 5)
        for d in (MONDAY.date() + timedelta(days=i) for i in range(7))
    ]
    assert [(d.done, d.partial) for d in week] == [(2, 0), (1, 1), (1, 0), (1, 0), (1, 0), (1, 0), (1, 0)]
    assert all(d.done + d.partial == 0 for d in shown.days if d.day < MONDAY.date())
    assert list(shown.pain) == pains_of(events) and [p for _, p in shown.pain] == [6, 5, 5, 4, 4, 3]
    assert (shown.left, shown.right) == (left, right)
    assert shown.streak == 5
    assert {r.stretch: (r.times, r.hurt) for r in shown.ranked}["seated-twist"] == (1, 1)
    hurt_line = f"{named['seated-twist']} hurt once: talk it over before doing it again"
    leg_line = "Pain, numbness or tingling down a leg: said at 1 check-in"
    assert hurt_line in shown.flagged and leg_line in shown.flagged
    legs = [e.at.date() for e in events if e.kind is Record.CHECKIN and e.leg]
    assert [s.day for s in shown.signs if s.leg] == legs == [date(2026, 11, 26)]
    assert shown.sentences[:4] == (
        f"{len(done)} stretches in 4 weeks, on 5 of 20 work days (1 of them in part)",
        "Back pain: 5.5 \u2192 3.7 over 6 days (check-ins, 0\u201310)",
        f"Left side held {round((left / right - 1) * 100)}% longer than the right",
        "Streak: 5 work days in a row with a stretch",
    )
    assert shown.sentences[-2:] == (hurt_line, leg_line)
    return named


def the_csv_agrees(events: list[Event], table: Path) -> None:
    """``qlbreak history --csv``, read back as a spreadsheet would: a row a record."""
    assert qlbreak("history", "--csv", str(table)) == (0, f"wrote {len(events)} records to {table}\n", "")
    with table.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(events)
    for row, e in zip(rows, events, strict=True):
        assert datetime.fromisoformat(row["at"]) == e.at.replace(microsecond=0)
        assert row["stretch"] == (e.stretch or "") and row["feeling"] == (e.feeling.value if e.feeling else "")
        assert row["pain"] == ("" if e.pain is None else str(e.pain))
        assert row["tighter"] == (e.tighter.value if e.tighter else "")
        for column, value in (("left_seconds", e.left_seconds), ("right_seconds", e.right_seconds)):
            assert (float(row[column]) if row[column] else None) == value
    whats = Counter(row["what"] for row in rows)
    assert (whats["check-in"], whats["done"], whats["done in part"], whats["skipped"]) == (7, 8, 1, 1)
    held = tuple(sum(float(r[column] or 0) for r in rows) for column in ("left_seconds", "right_seconds"))
    assert held == sides_of(events)
    assert [r["at"][:10] for r in rows if r["leg_symptoms"] == "yes"] == ["2026-11-26"]
    assert [r["pain"] for r in rows if r["what"] == "check-in"] == ["6", "5", "", "5", "4", "4", "3"]


def the_report_agrees(events: list[Event], named: dict[str, str], pdf: Path) -> None:
    """``qlbreak report --pdf``, as pdftotext reads it: names, counts, pain, minutes a side."""
    if shutil.which("pdftotext") is None:
        missing("pdftotext is not installed (apt-get install poppler-utils)")
    assert qlbreak("report", "--pdf", str(pdf))[0] == 0
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    said = re.sub(r"\s+", " ", text.stdout)
    assert "Mon 2 Nov \u2013 Sun 29 Nov 2026 (4 weeks)" in said
    assert f"Made by qlbreak {__version__} on 29 Nov 2026" in said
    times = Counter(named[e.stretch] for e in done_of(events) if e.stretch)
    for name in times:
        assert name in said
    assert sorted(int(n) for n in re.findall(r"(\d+)\u00d7", said)) == sorted(times.values()) == [1, 3, 5]
    assert f"{named['seated-twist']} (hurt)" in said
    pains = [p for _, p in pains_of(events)]
    mean = sum(pains) / len(pains)
    assert mean == 4.5 and f"week 4: {mean:.1f}" in said  # the pain trend's mean of the week
    left, right = sides_of(events)
    more = round((left / right - 1) * 100)
    assert (
        f"Left side held {more}% longer than the right: {left / 60:.0f} min left, {right / 60:.0f} min right." in said
    )
    assert "New pain, numbness or tingling down a leg: yes, on Thu 26 Nov." in said


def test_the_side_named_tighter_holds_every_stretch_that_day(clock: Clock) -> None:
    clock.to(5, 9)
    assert qlbreak("check-in", "--pain", "4", "--tighter", "left")[0] == 0
    clock.to(5, 11)
    window(clock, "seated-side-bend")
    clock.to(5, 15)
    window(clock, "seated-twist")
    factor = context().config.tighter
    sides = [(e.left_seconds, e.right_seconds) for e in stored() if e.kind is Record.DONE]
    assert sides == [(30 * factor, 30.0)] * 2
