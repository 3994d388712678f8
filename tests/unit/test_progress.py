"""core/progress.py: the four weeks at a glance, counted right and said in plain words."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core.checkin import WORRIES, Side, Worry
from qlbreak.core.kinds import Record
from qlbreak.core.progress import DAYS, EMPTY, build
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 27, 17, 0, tzinfo=ZONE)  # a Friday
TODAY = NOW.date()


def at(days_ago: int, hour: int = 10) -> datetime:
    return datetime.combine(TODAY - timedelta(days=days_ago), datetime.min.time(), ZONE).replace(hour=hour)


def done(days_ago: int, stretch: str = "cat", feeling: Feeling | None = Feeling.BETTER, **kw: object) -> Event:
    return Event(at(days_ago), Record.DONE, stretch, feeling, **kw)  # type: ignore[arg-type]


def checkin(days_ago: int, pain: int | None, leg: bool = False) -> Event:
    return Event(at(days_ago, 8), Record.CHECKIN, pain=pain, tighter=Side.LEFT, leg=leg)


def test_empty_history_says_what_will_show():
    p = build([], NOW)
    assert p.empty and p.sentences == (EMPTY,)
    assert EMPTY.startswith("Nothing yet: after your first stretch, this shows")
    assert len(p.days) == DAYS and p.days[-1].day == TODAY and p.days[0].day == TODAY - timedelta(days=DAYS - 1)
    assert (p.done, p.partial, p.missed, p.streak, p.pain, p.ranked) == (0, 0, 0, 0, (), ())


def test_events_outside_the_four_weeks_are_left_out():
    p = build([done(DAYS), done(DAYS - 1), Event(NOW + timedelta(days=1), Record.DONE, "cat")], NOW)
    assert p.done == 1 and p.days[0].done == 1


def test_each_day_counts_done_in_part_and_missed():
    missed = Event(at(0, 12), Record.MISSED, reminder="noon", occurrence=TODAY - timedelta(days=1))
    events = [done(0), done(0), Event(at(0), Record.PARTIAL, "cat", seconds=20), missed, Event(at(0), Record.FIRED)]
    p = build(events, NOW)
    assert (p.days[-1].done, p.days[-1].partial, p.days[-1].missed) == (2, 1, 0)
    assert p.days[-2].missed == 1  # a missed reminder belongs to the day it was for
    assert p.sentences[0] == (
        "3 stretches in 4 weeks, on 1 of 20 work days (1 of them in part); 1 reminder passed unanswered"
    )


def test_one_stretch_is_said_in_the_singular():
    assert build([done(0)], NOW).sentences[0] == "1 stretch in 4 weeks, on 1 of 20 work days"


def test_weekends_are_not_work_days_unless_the_config_says_so():
    p = build([done(0)], NOW, workdays=range(7))
    assert p.sentences[0] == "1 stretch in 4 weeks, on 1 of 28 work days"
    assert [d.workday for d in build([], NOW).days[-7:]] == [False, False, True, True, True, True, True]


def test_pain_series_keeps_the_last_answer_of_a_day_and_skips_skipped():
    p = build([checkin(3, 6), checkin(3, 5), checkin(2, None), checkin(1, 4)], NOW)
    assert p.pain == ((TODAY - timedelta(days=3), 5), (TODAY - timedelta(days=1), 4))


def test_pain_trend_compares_the_first_week_with_the_last():
    events = [checkin(d, 5 if d > 20 else 3 if d < 7 else 4) for d in range(27, -1, -1)]
    assert "Back pain: 5 \u2192 3 over 4 weeks (check-ins, 0\u201310)" in build(events, NOW).sentences


def test_pain_trend_over_days_and_with_one_check_in():
    within_a_week = build([checkin(3, 6), checkin(0, 4)], NOW).sentences
    assert "Back pain: 6 \u2192 4 over 3 days (check-ins, 0\u201310)" in within_a_week  # under two weeks: halves
    halves = build([checkin(13, 6), checkin(12, 5), checkin(0, 4)], NOW).sentences
    assert "Back pain: 5.5 \u2192 4 over 2 weeks (check-ins, 0\u201310)" in halves
    assert "Back pain: 6 out of 10 (one day of check-ins so far)" in build([checkin(3, 6)], NOW).sentences


def test_side_balance():
    p = build([done(1, left_seconds=42.0, right_seconds=30.0), done(0, left_seconds=42.0, right_seconds=30.0)], NOW)
    assert (p.left, p.right) == (84.0, 60.0)
    assert "Left side held 40% longer than the right" in p.sentences
    even = build([done(0, left_seconds=31.0, right_seconds=30.0)], NOW).sentences
    assert "Left and right sides held about as long as each other" in even
    assert (
        "Right side held 50% longer than the left"
        in build([done(0, left_seconds=20.0, right_seconds=30.0)], NOW).sentences
    )
    assert not any("side" in s for s in build([done(0)], NOW).sentences)


def test_stretches_ranked_helped_first_hurt_flagged_last():
    events = [
        done(5, "bridge", Feeling.SAME),
        done(4, "cat", Feeling.BETTER),
        done(3, "cat", Feeling.BETTER),
        done(3, "cat", Feeling.SAME),
        done(2, "twist", Feeling.HURT),
        done(1, "twist", Feeling.BETTER),
        done(1, "knee", Feeling.BETTER),
    ]
    p = build(events, NOW, names={"cat": "Cat\u2013cow", "twist": "Seated twist"})
    assert [r.stretch for r in p.ranked] == ["cat", "knee", "bridge", "twist"]
    cat, twist = p.ranked[0], p.ranked[-1]
    assert (cat.times, cat.better, cat.same, cat.worse, cat.hurt, cat.helped) == (3, 2, 1, 0, 0, True)
    assert twist.hurt == 1
    assert "Helped most: Cat\u2013cow (felt better 2 of 3 times)" in p.sentences
    assert "Seated twist hurt once: talk it over before doing it again" in p.sentences
    assert p.flagged == ("Seated twist hurt once: talk it over before doing it again",)


def test_streak_reuses_the_streak_rule():
    assert build([done(0), done(1), done(2)], NOW).streak == 3
    assert "Streak: 3 work days in a row with a stretch" in build([done(0), done(1), done(2)], NOW).sentences
    longer = {TODAY - timedelta(days=d) for d in range(60) if (TODAY - timedelta(days=d)).weekday() < 5}
    assert build([done(0)], NOW, done_days=longer).streak == len(longer)


def test_warning_signs_answered():
    events = [checkin(4, 5, leg=True), checkin(2, 5, leg=True), Event(at(1), Record.WARNED, worry=Worry.RISING)]
    p = build(events, NOW)
    assert [s.leg for s in p.signs] == [True, True, False]
    assert "Pain, numbness or tingling down a leg: said at 2 check-ins" in p.sentences
    assert f"{WORRIES[Worry.RISING]} (said Thu 26 Nov)" in p.sentences
    assert p.flagged == p.sentences[-2:]  # the signs, to show as warnings


kinds = st.sampled_from([Record.DONE, Record.PARTIAL, Record.MISSED, Record.CHECKIN, Record.FIRED, Record.WARNED])
events = st.builds(
    lambda ago, hour, kind, stretch, feeling, pain, left, right: Event(
        at(ago, hour),
        kind,
        stretch,
        feeling,
        occurrence=(TODAY - timedelta(days=ago)) if kind is Record.MISSED else None,
        left_seconds=left,
        right_seconds=right,
        pain=pain if kind is Record.CHECKIN else None,
    ),
    st.integers(-2, DAYS + 3),
    st.integers(0, 23),
    kinds,
    st.sampled_from([None, "cat", "knee", "twist"]),
    st.sampled_from([None, *Feeling]),
    st.integers(0, 10),
    st.floats(0, 120),
    st.floats(0, 120),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(events, max_size=60))
def test_counts_add_up(history: list[Event]):
    p = build(history, NOW)
    inside = [e for e in history if TODAY - timedelta(days=DAYS - 1) <= e.at.date() <= TODAY]
    stretched = [e for e in inside if e.kind in (Record.DONE, Record.PARTIAL)]
    assert p.done == sum(e.kind is Record.DONE for e in inside)
    assert p.partial == sum(e.kind is Record.PARTIAL for e in inside)
    assert p.missed == sum(e.kind is Record.MISSED for e in inside)
    assert sum(r.times for r in p.ranked) == sum(1 for e in stretched if e.stretch)
    assert all(r.better + r.same + r.worse + r.hurt <= r.times for r in p.ranked)
    assert abs(p.left - sum(e.left_seconds or 0 for e in stretched)) < 1e-6
    assert len(p.pain) == len({e.at.date() for e in inside if e.kind is Record.CHECKIN})
    assert all(0 <= v <= 10 for _, v in p.pain)
    assert p.streak <= sum(1 for d in p.days if d.done)
    assert p.empty == (not inside) and all(isinstance(s, str) and s for s in p.sentences)
    assert set(p.flagged) <= set(p.sentences)
    hurt = [r for r in p.ranked if r.hurt]
    assert list(p.ranked[len(p.ranked) - len(hurt) :]) == hurt  # the ones that hurt come last
