"""core/programmes.py and core/programme_offers.py: each row of each table, and the
programmes as a person lives them (day N of M, a missed day, a pause, the end)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from itertools import product

import pytest

from qlbreak.core import programme_offers as offers
from qlbreak.core import programmes as p
from qlbreak.core.picker import Done
from qlbreak.core.programmes import BALL_RELEASE, STRENGTHEN, Mark, Marked, Spacing, State

ZONE = timezone(timedelta(hours=1))
MONDAY = datetime(2026, 11, 2, 9, 0, tzinfo=ZONE)  # a Monday
KNOWN = {
    e.id: e
    for e in (
        p.Exercise("ql-ball-wall-release", "stretch", True),
        p.Exercise("ql-ball-release", "stretch", True),
        p.Exercise("seated-side-bend", "stretch", True),
        p.Exercise("ql-stick-stretch", "stretch", True),
        p.Exercise("cat-cow", "stretch", False),
        p.Exercise("wall-side-plank", "strengthen", True),
        p.Exercise("bird-dog", "strengthen", False),
    )
}


def at(day: int, hour: int = 10) -> datetime:
    return MONDAY + timedelta(days=day, hours=hour - 9)


def start(day: int = 0, programme: str = "ball-release") -> Marked:
    return Marked(at(day, 9), Mark.START, programme)


def releases(*days: int) -> list[Done]:
    return [Done("ql-ball-wall-release", at(day)) for day in days]


def standing(marks: list[Marked], done: list[Done], day: int, hour: int = 18) -> p.Standing:
    found = p.standing(marks, done, KNOWN, at(day, hour))
    assert found is not None
    return found


# -- the programmes as data -------------------------------------------------------------


def test_the_first_programmes_as_the_sources_give_them():
    assert (BALL_RELEASE.id, BALL_RELEASE.length, BALL_RELEASE.spacing) == ("ball-release", 14, Spacing.DAILY)
    assert BALL_RELEASE.exercises == ("ql-ball-wall-release", "ql-ball-release")  # the office's first
    assert (STRENGTHEN.id, STRENGTHEN.length, STRENGTHEN.spacing, STRENGTHEN.kind) == (
        "strengthen",
        12,
        Spacing.TWICE_A_WEEK,
        "strengthen",
    )
    assert p.find("strengthen") is STRENGTHEN and p.find("yoga") is None


def test_todays_exercise_is_the_first_the_filters_allow():
    everything = set(KNOWN)
    assert BALL_RELEASE.choices(KNOWN, everything) == ("ql-ball-wall-release",)  # at the office
    assert BALL_RELEASE.choices(KNOWN, everything - {"ql-ball-wall-release"}) == ("ql-ball-release",)  # at home
    assert BALL_RELEASE.choices(KNOWN, {"cat-cow"}) == ()
    assert STRENGTHEN.choices(KNOWN, everything) == ("wall-side-plank", "bird-dog")  # any of its kind
    assert STRENGTHEN.counts("bird-dog", KNOWN) and not STRENGTHEN.counts("cat-cow", KNOWN)
    assert BALL_RELEASE.counts("ql-ball-release", KNOWN) and not BALL_RELEASE.counts("seated-side-bend", KNOWN)


def test_exercises_reads_what_the_rules_need_from_catalogue_entries():
    from qlbreak.stretches.catalogue import load

    known = p.exercises(load())
    assert known["ql-ball-wall-release"] == p.Exercise("ql-ball-wall-release", "stretch", True)
    assert not known["cat-cow"].for_ql


# -- MOVES: every (state, mark) pair ----------------------------------------------------

STATES: list[State | None] = [None, *State]


@pytest.mark.parametrize(("state", "mark"), list(product(STATES, sorted(p.COURSE_MARKS))))
def test_a_mark_is_allowed_exactly_where_moves_has_a_row(state, mark):
    marks = {
        None: [],
        State.UNDER_WAY: [start()],
        State.PAUSED: [start(), Marked(at(0, 11), Mark.PAUSE, "ball-release")],
        State.STOPPED: [start(), Marked(at(0, 11), Mark.STOP, "ball-release")],
        State.DONE: [start()],
    }[state]
    done = releases(*range(14)) if state is State.DONE else []
    before = p.standing(marks, done, KNOWN, at(20))
    assert (before.state if before else None) is state
    refused = p.refusal(before, mark, STRENGTHEN)
    assert (refused is None) == ((state, mark) in p.MOVES)
    named = "strengthen" if mark is Mark.START else "ball-release"  # pause, resume, stop: the course's own
    after = p.standing([*marks, Marked(at(20, 8), mark, named)], done, KNOWN, at(20))
    expected = p.MOVES.get((state, mark), state)
    assert (after.state if after else None) is expected
    if refused is None and mark is Mark.START:
        assert after is not None and after.programme is STRENGTHEN and after.day == 1  # a new course


def test_refusals_are_plain_lines_naming_the_programme_under_way():
    under_way = standing([start()], releases(0, 1, 2, 3), 4)
    assert p.refusal(under_way, Mark.START, STRENGTHEN) == (
        "Ball release is under way (day 5 of 14); one programme at a time, so stop it first"
    )
    assert p.refusal(under_way, Mark.START, BALL_RELEASE) == "Ball release has already started (day 5 of 14, under way)"
    assert p.refusal(under_way, Mark.RESUME) == "Ball release is not paused: it is under way (day 5 of 14)"
    paused = standing([start(), Marked(at(4, 8), Mark.PAUSE, "ball-release")], releases(0, 1, 2, 3), 4)
    assert p.refusal(paused, Mark.PAUSE) == "Ball release is already paused (at day 5 of 14)"
    assert p.refusal(None, Mark.PAUSE) == "no programme is under way"
    assert p.refusal(None, Mark.RESUME) == "no programme is paused"
    assert p.refusal(None, Mark.OFFERED, STRENGTHEN) is None  # not a course's mark: always allowed


# -- DAY_RULES: each row ----------------------------------------------------------------


def facts(**changed: object) -> p.DayFacts:
    base: dict[str, object] = {
        "state": State.UNDER_WAY,
        "counted": False,
        "spacing": Spacing.TWICE_A_WEEK,
        "since_last": 4,
        "this_week": 1,
    }
    return p.DayFacts(**(base | changed))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("row", "case"),
    [
        (0, facts(state=None)),
        (0, facts(state=State.STOPPED)),
        (0, facts(state=State.DONE)),
        (1, facts(state=State.PAUSED)),
        (2, facts(counted=True)),
        (3, facts(since_last=2)),
        (4, facts(this_week=2)),
        (5, facts()),
        (5, facts(spacing=Spacing.DAILY, since_last=1, this_week=6)),  # daily: every day may count
        (5, facts(since_last=None, this_week=0)),  # the first session
    ],
)
def test_each_day_rule(row, case):
    assert p.first(p.DAY_RULES, case) is p.DAY_RULES[row]
    assert p.DAY_RULES[row][2] is (row == len(p.DAY_RULES) - 1)


def test_day_n_of_m_counts_done_days_and_todays_only_once_done():
    marks = [start()]
    assert standing(marks, [], 0, 9).words() == "Ball release: day 1 of 14"
    assert standing(marks, releases(0), 0).words() == "Ball release: day 1 of 14"  # today's done
    assert standing(marks, releases(0), 0).done_today
    assert standing(marks, releases(0), 1).words() == "Ball release: day 2 of 14"  # tomorrow's to do
    assert standing(marks, releases(0, 0, 0), 1).sessions == 1  # one a day


def test_a_missed_day_neither_restarts_nor_counts():
    marks = [start()]
    assert standing(marks, releases(0, 1, 2), 3).day == 4
    later = standing(marks, releases(0, 1, 2, 5), 5)  # days 3 and 4 missed
    assert (later.sessions, later.day, later.state) == (4, 4, State.UNDER_WAY)


def test_while_paused_days_do_not_count_and_resume_carries_on():
    marks = [start(), Marked(at(2, 8), Mark.PAUSE, "ball-release"), Marked(at(5, 8), Mark.RESUME, "ball-release")]
    done = releases(0, 1, 2, 3, 4, 5)
    paused = standing(marks[:2], done, 4)
    assert (paused.state, paused.sessions, paused.due) == (State.PAUSED, 2, False)
    assert paused.words() == "Ball release: paused after 2 of 14 days"
    resumed = standing(marks, done, 5)
    assert (resumed.state, resumed.sessions) == (State.UNDER_WAY, 3)
    assert resumed.words() == "Ball release: day 3 of 14"


def test_the_fourteenth_day_ends_it_said_once():
    done = releases(*range(16))  # and two more, after the end
    before = standing([start()], done[:13], 13, 8)
    assert (before.state, before.day, before.due) == (State.UNDER_WAY, 14, True)
    finished = standing([start()], done, 15)
    assert (finished.state, finished.sessions, finished.day) == (State.DONE, 14, 14)
    assert finished.words() == "Ball release: all 14 days done" and not finished.active
    assert finished.tell_finished
    said = standing([start(), Marked(at(15, 19), Mark.FINISHED, "ball-release")], done, 15, 20)
    assert not said.tell_finished


def test_stop_keeps_where_it_stood_and_a_new_start_begins_at_day_1():
    marks = [start(), Marked(at(3, 8), Mark.STOP, "ball-release")]
    stopped = standing(marks, releases(0, 1, 2, 3), 4)
    assert (stopped.state, stopped.sessions, stopped.words()) == (
        State.STOPPED,
        3,
        "Ball release: stopped after 3 of 14 days",
    )
    again = standing([*marks, start(4)], releases(0, 1, 2, 3, 4), 4)
    assert (again.state, again.sessions, again.started) == (State.UNDER_WAY, 1, at(4).date())


def test_twice_a_week_at_least_three_days_apart_and_two_a_week():
    marks = [start(0, "strengthen")]
    done = [Done("bird-dog", at(day)) for day in (0, 1, 3, 5, 6, 7, 10)]  # Mon Tue Thu Sat Sun | Mon Thu
    course = standing(marks, done, 10)
    # Mon counts; Tue too soon; Thu (3 days on) counts; Sat too soon; Sun the week's third; Mon, Thu count
    assert course.sessions == 4 and course.words() == "Strengthening: session 4 of 12"
    assert standing(marks, done[:3], 4).next_day == date(2026, 11, 9)  # two this week: next Monday
    assert standing(marks, done[:1], 1).next_day == date(2026, 11, 5)  # Monday's done: Thursday
    assert not standing(marks, done[:1], 1).due


def test_marks_and_records_after_now_are_not_seen_and_unknown_programmes_ignored():
    marks = [start(), Marked(at(1, 9), Mark.START, "from-a-newer-qlbreak")]
    assert p.standing(marks, releases(0, 1), KNOWN, at(0, 8)) is None  # not started yet at 08:00
    assert standing(marks, releases(0, 1), 0, 12).sessions == 1
    assert p.standing([Marked(at(0), Mark.START, "yoga")], [], KNOWN, at(1)) is None


def test_mark_words_for_the_history():
    assert p.mark_words("ball-release", Mark.START) == "Programme: Ball release started"
    assert p.mark_words("strengthen", Mark.DECLINED) == "Programme: Strengthening suggested, and you said no thanks"
    assert p.mark_words("yoga", Mark.STOP) == "Programme: yoga stopped"


# -- RELEASE_RULES ----------------------------------------------------------------------

SIDES = frozenset({"seated-side-bend", "ql-stick-stretch"})


@pytest.mark.parametrize(
    ("row", "done", "kept"),
    [
        (0, [], None),
        (0, [Done("ql-ball-release", at(-1))], None),  # yesterday's
        (0, [Done("cat-cow", at(0))], None),
        (1, [Done("ql-ball-wall-release", at(0, 9)), Done("seated-side-bend", at(0, 10))], None),
        (2, [Done("ql-ball-wall-release", at(0, 9))], SIDES),
        (2, [Done("ql-ball-release", at(0, 9)), Done("cat-cow", at(0, 10))], SIDES),  # not a QL stretch
        # a side stretch before the release does not follow it; a second release wants another
        (2, [Done("seated-side-bend", at(0, 8)), Done("ql-ball-wall-release", at(0, 9))], SIDES),
    ],
)
def test_each_release_rule(row, done, kept):
    assert offers.release_then_stretch(done, KNOWN, at(0, 12)) == kept
    today = [d for d in done if d.at.date() == at(0).date()]
    released = [d.at for d in today if d.stretch in p.RELEASES]
    after = bool(released) and any(d.at >= released[-1] and d.stretch in SIDES for d in today)
    assert p.first(offers.RELEASE_RULES, offers.ReleaseFacts(bool(released), after)) is offers.RELEASE_RULES[row]


def test_the_side_stretches_are_stretches_for_the_ql_but_no_release_nor_exercise():
    assert offers.side_stretches(KNOWN) == SIDES


# -- OFFER_RULES ------------------------------------------------------------------------

WEEKDAYS = frozenset(range(5))


def stretching(days: range, skip: frozenset[int] = frozenset()) -> list[Done]:
    return [Done("cat-cow", at(d)) for d in days if d not in skip and at(d).weekday() < 5]


@pytest.mark.parametrize(
    ("row", "case"),
    [
        (0, offers.OfferFacts(asked=True, busy=False, days_stretching=30, work_days_done=10)),
        (1, offers.OfferFacts(asked=False, busy=True, days_stretching=30, work_days_done=10)),
        (2, offers.OfferFacts(asked=False, busy=False, days_stretching=13, work_days_done=10)),
        (3, offers.OfferFacts(asked=False, busy=False, days_stretching=14, work_days_done=7)),
        (4, offers.OfferFacts(asked=False, busy=False, days_stretching=14, work_days_done=6)),
    ],
)
def test_each_offer_rule(row, case):
    assert p.first(offers.OFFER_RULES, case) is offers.OFFER_RULES[row]


def test_two_weeks_of_stretching_on_most_work_days_offers_strengthening_once():
    done = stretching(range(15), skip=frozenset({2, 8, 9}))  # 7 of the last 10 work days
    assert offers.offer_strengthening([], done, KNOWN, WEEKDAYS, at(14, 18))
    assert not offers.offer_strengthening([], done, KNOWN, WEEKDAYS, at(13, 18))  # 13 days: not yet
    for mark in (Mark.OFFERED, Mark.DECLINED, Mark.START):
        asked = [Marked(at(3), mark, "strengthen")]
        assert not offers.offer_strengthening(asked, done, KNOWN, WEEKDAYS, at(30, 18))
    fewer = stretching(range(15), skip=frozenset({2, 7, 8, 9}))  # 6 of 10
    assert not offers.offer_strengthening([], fewer, KNOWN, WEEKDAYS, at(14, 18))


def test_no_offer_while_a_programme_runs_nor_for_strengthening_done():
    done = stretching(range(15))
    assert not offers.offer_strengthening([start(1)], done, KNOWN, WEEKDAYS, at(14, 18))
    exercises = [Done("bird-dog", d.at) for d in done]  # strengthening is no stretch
    assert not offers.offer_strengthening([], exercises, KNOWN, WEEKDAYS, at(14, 18))


def test_today_counts_once_a_stretch_is_done_and_weekends_are_not_looked_at():
    done = stretching(range(14), skip=frozenset({2, 3, 4}))  # Mon 2 Nov .. Sun 15 Nov: 7 of 10
    assert offers.offer_strengthening([], done, KNOWN, WEEKDAYS, at(14, 8))  # Monday morning: still 7
    # every day a work day: the last 10 days include the weekend, where nothing was done
    assert not offers.offer_strengthening([], done, KNOWN, frozenset(), at(14, 8))
    fewer = [Done("cat-cow", at(-1)), *stretching(range(14), skip=frozenset({0, 3, 4, 7}))]  # from a Sunday
    assert not offers.offer_strengthening([], fewer, KNOWN, WEEKDAYS, at(14, 8))  # 6 of 10
    assert offers.offer_strengthening([], [*fewer, Done("cat-cow", at(14, 9))], KNOWN, WEEKDAYS, at(14, 10))
