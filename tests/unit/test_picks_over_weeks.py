"""The picker over simulated weeks: two reminders a work day, each stretch done, cut
short, skipped or swapped at random, with random feelings. Whatever happens, picks vary
(never the same twice in a row, never one declined today again) and the QL stretches,
the sources' focus, come up at least every other day while one fits."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core.picker import Done, Preferences, allowed, resting
from qlbreak.core.session import Feeling
from qlbreak.storage.history import STRETCHED, Event
from qlbreak.stretches.catalogue import load
from qlbreak.stretches.choosing import choose

CATALOGUE = load()
QL = {s.id for s in CATALOGUE if "ql" in s.targets}
ZONE = ZoneInfo("Europe/Berlin")
MONDAY = datetime(2026, 11, 30, 9, 30, tzinfo=ZONE)


@dataclass
class Log:
    """The history as the picker reads it, in memory."""

    records: list[Event] = field(default_factory=list)

    def events(self, since: datetime | None = None) -> list[Event]:
        return [e for e in self.records if since is None or e.at >= since]

    def done(self) -> list[Done]:
        return [Done(e.stretch, e.at, e.feeling) for e in self.records if e.kind in STRETCHED and e.stretch]

    def last_stretch(self) -> str | None:
        mine = [e.stretch for e in self.records if e.stretch and e.kind in (*STRETCHED, "skipped", "switched")]
        return mine[-1] if mine else None


OUTCOMES = st.sampled_from(["done", "partial", "skipped", "switched", "ignored"])
FEELINGS = st.sampled_from([None, Feeling.BETTER, Feeling.SAME, Feeling.WORSE, Feeling.HURT])
PREFS = st.sampled_from(
    [
        Preferences(),
        Preferences(no_floor=False, equipment=frozenset({"none", "chair"})),
        Preferences(no_floor=False, equipment=frozenset({"none", "chair", "ball", "door-frame"})),
    ]
)


@settings(max_examples=40, deadline=None)
@given(st.lists(st.tuples(OUTCOMES, FEELINGS), min_size=20, max_size=20), PREFS)
def test_two_weeks_of_reminders_vary_and_bring_the_ql_every_other_day(answers, prefs):
    log = Log()
    offers: list[tuple[datetime, str]] = []
    for index, (outcome, feeling) in enumerate(answers):
        day, second = divmod(index, 2)
        now = MONDAY + timedelta(days=day, hours=3 * second)
        stretch = choose(CATALOGUE, prefs, log, now).id  # type: ignore[arg-type]
        fits = [s.id for s in CATALOGUE if allowed(s.candidate, prefs) and s.id not in resting(log.done(), now)]
        if offers and len(fits) > 1:
            assert stretch != offers[-1][1], "the same stretch at two reminders in a row"
        declined = {e.stretch for e in log.records if e.kind in ("skipped", "switched") and e.at.date() == now.date()}
        if set(fits) - declined:
            assert stretch not in declined, "a stretch declined today offered again"
        offers.append((now, stretch))
        log.records.append(Event(now, "fired", stretch, reminder=f"r{second}", occurrence=now.date()))
        if outcome != "ignored":
            seconds = 20.0 if outcome == "partial" else None
            kept = feeling if outcome in STRETCHED else None
            log.records.append(Event(now + timedelta(minutes=2), outcome, stretch, kept, seconds=seconds))
    for day in range(1, 10):
        first = MONDAY + timedelta(days=day - 1)
        two_days = [s for at, s in offers if first.date() <= at.date() <= (first + timedelta(days=1)).date()]
        ql_fit = any(
            s in QL
            and allowed(CATALOGUE.get(s).candidate, prefs)  # type: ignore[union-attr]
            and s not in resting(log.done(), first + timedelta(days=1))
            for s in CATALOGUE.ids
        )
        if ql_fit and two_days:
            assert set(two_days) & QL, f"no QL stretch on {first:%a %d} or the day after"


def test_a_declined_stretch_is_not_offered_again_the_same_day():
    log = Log()
    now = MONDAY
    first = choose(CATALOGUE, Preferences(), log, now)  # type: ignore[arg-type]
    log.records.append(Event(now, "skipped", first.id))
    again = choose(CATALOGUE, Preferences(), log, now + timedelta(hours=3))  # type: ignore[arg-type]
    assert again.id != first.id
    log.records.append(Event(now + timedelta(hours=3), "done", again.id))
    later = [choose(CATALOGUE, Preferences(), log, now + timedelta(hours=h)).id for h in (4, 5)]  # type: ignore[arg-type]
    assert first.id not in later
    tomorrow = choose(CATALOGUE, Preferences(), log, now + timedelta(days=1, hours=1))  # type: ignore[arg-type]
    assert tomorrow.id  # a new day: it may come again
