"""The core app driven with no desktop and no files: a history held in a list, detectors
that say what a test sets, and the loop's turn as ``tray/service.py`` takes it
(``wants``, ``Observed``, the inputs, ``Tick``). A restart goes through the real state
file, so what the tray saves is what the next run decides from."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from qlbreak.core import app, programmes
from qlbreak.core.app_programme import Programmes
from qlbreak.core.app_state import AppState, ClaimRefused, Counts, Facts, Input, Observed, Raised, Rules, Tick, Words
from qlbreak.core.effects import Claim, Effect, RaiseWindow, Write
from qlbreak.core.holds import HoldRules, Signals
from qlbreak.core.kinds import Record
from qlbreak.core.picker import Candidate, Done
from qlbreak.core.schedule import Plan, Reminder, ScheduleState
from qlbreak.storage import statefile

BERLIN = ZoneInfo("Europe/Berlin")
WORKDAYS = frozenset(range(5))
PLAN = Plan((Reminder("morning", time(9, 30), WORKDAYS), Reminder("lunch", time(12, 30), WORKDAYS)))
STRETCHES = ("door-frame-stretch", "seated-side-bend", "standing-side-bend")
RULES = Rules(
    plan=PLAN,
    holds=HoldRules(),
    candidates=tuple(Candidate(s, True, frozenset({"none"}), for_ql=True) for s in STRETCHES),
    words=tuple((s, Words(s.replace("-", " ").capitalize(), f"About {s}.")) for s in STRETCHES),
    looks=True,
)


@dataclass
class Desk:
    """One user's desk: the app's state, its history and what the detectors see."""

    state_file: Path
    rules: Rules = RULES
    signals: Signals = field(default_factory=Signals)
    records: list[Write] = field(default_factory=list)
    effects: list[Effect] = field(default_factory=list)  # everything carried out, in order
    state: AppState = field(default_factory=AppState)
    orphan: bool = False  # a stretch window an earlier run left open
    marks: list[programmes.Marked] = field(default_factory=list)  # the programmes' marks in the history

    def __post_init__(self) -> None:
        self.state = replace(self.state, rules=self.rules)

    def turn(self, now: datetime, *inputs: Input) -> None:
        """One loop turn at ``now``, as the tray's shell takes it."""
        wanted = app.wants(self.state, inputs, now)
        self._feed(Observed(self.facts(wanted, now)), now)
        for given in inputs:
            self._feed(given, now)
        if self.state.run.stale:
            self._feed(Observed(self.facts(app.wants(self.state, (), now), now)), now)
        self._feed(Tick(), now)

    def facts(self, wanted: app.Wants, now: datetime) -> Facts:
        done = [r for r in self.records if r.kind == Record.DONE and r.stretch]
        today = [r.at for r in done if r.at.date() == now.date() and r.at <= now]
        ahead = frozenset(
            (r.reminder, r.occurrence)
            for r in self.records
            if r.kind == Record.MISSED and r.at > now and r.reminder and r.occurrence
        )
        finished = tuple(Done(r.stretch or "", r.at) for r in done if r.at <= now)
        return Facts(
            at=now,
            done_today=tuple(today),
            done=tuple(Done(r.stretch or "", r.at) for r in done) if wanted.pick else None,
            signals=self.signals if wanted.signals is not None else None,
            recorded_ahead=ahead if wanted.recorded_ahead else frozenset(),
            counts=Counts(0, False) if wanted.counts else None,
            programmes=self.programmes(finished, now) if wanted.programmes else None,
        )

    def programmes(self, finished: tuple[Done, ...], now: datetime) -> Programmes:
        """As ``tray/observing.py`` reads them: the standing and today's exercises done."""
        known = self.rules.known()
        today = tuple(d for d in finished if d.at.date() == now.date())
        return Programmes(programmes.standing(self.marks, finished, known, now), today)

    def _feed(self, given: Input, now: datetime) -> None:
        self.state, effects = app.step(self.state, given, now)
        for effect in effects:
            self._do(effect, now)

    def _do(self, effect: Effect, now: datetime) -> None:
        self.effects.append(effect)
        if isinstance(effect, Claim):
            record = effect.record
            if any(self._same(record, r) for r in self.records):
                if effect.drop and record.reminder and record.occurrence:
                    self._feed(ClaimRefused((record.reminder, record.occurrence)), now)
                return
            self.records.append(record)
            for after in effect.then:
                self._do(after, now)
        elif isinstance(effect, Write):
            self.records.append(effect)
        elif isinstance(effect, RaiseWindow) and effect.otherwise:
            if self.orphan:  # a stretch window a killed run left: raised in place of a new one
                self._feed(Raised(effect.kind), now)
            for instead in () if self.orphan else effect.otherwise:
                self._do(instead, now)

    @staticmethod
    def _same(a: Write, b: Write) -> bool:
        return (a.kind, a.reminder, a.occurrence) == (b.kind, b.reminder, b.occurrence)

    def restart(self, now: datetime) -> None:
        """Saved whole, read back, started as the tray starts (the windows of the run
        before are gone)."""
        statefile.save(
            self.state_file, self.state.schedule, self.state.reminder, memory=statefile.Memory.of(self.state)
        )
        saved = statefile.load(self.state_file, now)
        settled = frozenset(self._keys(Record.FIRED, Record.MISSED))
        shown = frozenset(self._keys(Record.FIRED))
        self.state = app.start(saved.app, self.rules, settled, shown, now)

    def _keys(self, *kinds: Record) -> list[tuple[str, date]]:
        return [(r.reminder, r.occurrence) for r in self.records if r.kind in kinds and r.reminder and r.occurrence]

    def finish_stretch(self, now: datetime, stretch: str) -> None:
        """The user did the stretch to the end: the window writes it, then ends."""
        self.records.append(Write(now, Record.DONE, stretch))

    def kinds(self) -> list[tuple[str, str | None, date | None]]:
        return [(r.kind.value, r.reminder, r.occurrence) for r in self.records]

    @property
    def schedule(self) -> ScheduleState:
        return self.state.schedule
