"""Simulated months of a person's programme (a fake clock, random missed days, pauses,
stops, new starts, and restarts of the app, after which its state is rebuilt from the
history alone): the day count, the end and the strengthening offer follow the rules'
tables in core/programmes.py and core/programme_offers.py.

``Model`` is the rules written out a second way, one day at a time, as a person would
keep count on paper; the core rebuilds its answer from the records alone each time."""

from __future__ import annotations

import itertools
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from hypothesis import event, given, settings
from hypothesis import strategies as st

from qlbreak.core import programme_offers as offers
from qlbreak.core import programmes as p
from qlbreak.core.picker import Done
from qlbreak.core.programmes import Mark, Marked, State

ZONE = ZoneInfo("Europe/Berlin")  # months that cross the changes to and from summer time
KNOWN = {
    e.id: e
    for e in (
        p.Exercise("ql-ball-wall-release", "stretch", True),
        p.Exercise("ql-ball-release", "stretch", True),
        p.Exercise("seated-side-bend", "stretch", True),
        p.Exercise("cat-cow", "stretch", False),
        p.Exercise("bird-dog", "strengthen", False),
        p.Exercise("wall-side-plank", "strengthen", True),
    )
}
PROGRAMMES_OWN = ("ql-ball-wall-release", "ql-ball-release", "bird-dog", "wall-side-plank")
WORKDAYS = frozenset(range(5))
ACTIONS = ("start ball-release", "start strengthen", "pause", "resume", "stop", "finished")


@dataclass(frozen=True)
class Day:
    done: tuple[tuple[int, str], ...]  # (hour, exercise) done to the end
    action: str | None  # what the user did in Settings or the CLI, at noon
    restart: bool  # the app was restarted (its state rebuilt from the history)


@st.composite
def days(draw: st.DrawFn, most: int = 100) -> tuple[date, list[Day]]:
    """A person's days from a first one: how faithfully they do the programme's exercise
    (``habit``) and how often they touch the settings (``fidget``) drawn once, so some
    finish a course and some stop, pause and start again; days with nothing done are
    missed days."""
    first = draw(st.dates(date(2026, 1, 1), date(2027, 12, 31)), label="first")
    habit = draw(st.sampled_from([0.3, 0.7, 0.95]), label="habit")
    fidget = draw(st.sampled_from([0.0, 0.03, 0.1, 0.3]), label="fidget")
    count = draw(st.one_of(st.integers(1, most), st.integers(most // 2, most)), label="days")
    lived = []
    for n in range(count):
        done: list[tuple[int, str]] = []
        if draw(st.floats(0, 1)) < habit:  # a programme's exercise, most days
            done.append((draw(st.integers(7, 21)), draw(st.sampled_from(PROGRAMMES_OWN))))
        if draw(st.floats(0, 1)) < 0.5:  # and anything else, some days
            done.append((draw(st.integers(7, 21)), draw(st.sampled_from(sorted(KNOWN)))))
        action = draw(st.sampled_from(ACTIONS[:2])) if n == 0 else None
        if n and draw(st.floats(0, 1)) < fidget:
            action = draw(st.sampled_from(ACTIONS))
        lived.append(Day(tuple(done), action, draw(st.booleans())))
    return first, lived


def moment(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), ZONE)


@dataclass
class Model:
    """The rules kept on paper: one course at a time, counted day by day."""

    programme: p.Programme | None = None
    state: State | None = None
    counted: list[date] = field(default_factory=list)
    said: bool = False

    def mark(self, action: str) -> Mark | None:
        """The mark the app records for ``action`` (None: refused, nothing recorded)."""
        active = self.state in (State.UNDER_WAY, State.PAUSED)
        verb, _, name = action.partition(" ")
        if verb == "start" and not active:
            self.programme, self.state, self.counted, self.said = p.find(name), State.UNDER_WAY, [], False
            return Mark.START
        if verb == "pause" and self.state is State.UNDER_WAY:
            self.state = State.PAUSED
            return Mark.PAUSE
        if verb == "resume" and self.state is State.PAUSED:
            self.state = State.UNDER_WAY
            return Mark.RESUME
        if verb == "stop" and active:
            self.state = State.STOPPED
            return Mark.STOP
        if verb == "finished" and self.state is State.DONE and not self.said:
            self.said = True
            return Mark.FINISHED
        return None

    def did(self, day: date, exercise: str) -> None:
        programme = self.programme
        if programme is None or self.state is not State.UNDER_WAY or not programme.counts(exercise, KNOWN):
            return
        if day in self.counted:
            return
        if programme.spacing is p.Spacing.TWICE_A_WEEK and self.counted:
            monday = day - timedelta(days=day.weekday())
            if (day - self.counted[-1]).days < 3 or sum(d >= monday for d in self.counted) >= 2:
                return
        self.counted.append(day)
        if len(self.counted) == programme.length:
            self.state = State.DONE


def live(first: date, lived: list[Day], check: bool = True) -> tuple[list[Marked], list[Done], Model]:
    """Each day: the morning's exercises, the user's action at noon, the evening's; the
    app's answer (from the records alone) checked against the model every evening."""
    marks: list[Marked] = []
    done: list[Done] = []
    model = Model()
    for n, today in enumerate(lived):
        day = first + timedelta(days=n)
        for hour, exercise in sorted(today.done):
            if hour < 12:
                done.append(Done(exercise, moment(day, hour)))
                model.did(day, exercise)
        if today.action is not None:
            before = p.standing(marks, done, KNOWN, moment(day, 12))
            wanted = p.find(today.action.partition(" ")[2]) if today.action.startswith("start") else None
            mark = model.mark(today.action)
            verb = {"finished": Mark.FINISHED}.get(today.action, Mark(today.action.split()[0]))
            refused = p.refusal(before, verb, wanted)
            if verb is Mark.FINISHED:
                refused = None if before is not None and before.tell_finished else "nothing to say"
            assert (refused is None) == (mark is not None), (today.action, before, refused)
            if mark is not None:
                named = wanted or (before.programme if before else None)
                assert named is not None
                marks.append(Marked(moment(day, 12), mark, named.id))
        for hour, exercise in sorted(today.done):
            if hour >= 12:
                done.append(Done(exercise, moment(day, hour)))
                model.did(day, exercise)
        if not check:
            continue
        evening = moment(day, 22)
        rebuilt = p.standing(marks, done, KNOWN, evening)
        if today.restart:  # a restarted app knows only the records, in whatever order it reads them
            assert p.standing(marks[::-1], done[::-1], KNOWN, evening) == rebuilt
        agree(rebuilt, model, day)
    return marks, done, model


def agree(standing: p.Standing | None, model: Model, today: date) -> None:
    """The core's answer is the model's, in every field a person sees."""
    if model.programme is None:
        assert standing is None
        return
    assert standing is not None
    assert (standing.programme, standing.state, standing.sessions) == (model.programme, model.state, len(model.counted))
    assert standing.done_today == (today in model.counted)
    n = len(model.counted) + (0 if today in model.counted else 1)
    assert standing.day == (model.programme.length if model.state is State.DONE else min(n, model.programme.length))
    assert 1 <= standing.day <= standing.length
    assert standing.tell_finished == (model.state is State.DONE and not model.said)
    if model.state is not State.UNDER_WAY:
        assert not standing.due and standing.next_day is None
    if standing.due:
        assert standing.next_day == today
    counted = model.counted
    if model.programme.spacing is p.Spacing.TWICE_A_WEEK:  # spaced, and two a week at most
        assert all((b - a).days >= 3 for a, b in itertools.pairwise(counted))
        assert all(sum(d.isocalendar()[:2] == c.isocalendar()[:2] for d in counted) <= 2 for c in counted)
    words = standing.words()
    unit, length, sessions = standing.programme.unit, standing.length, standing.sessions
    done = f"after {sessions} of {length} {unit}s" if sessions else f"before {unit} 1 of {length}"
    said = {  # today's day while under way; what was done once paused or stopped
        State.UNDER_WAY: f"{unit} {standing.day} of {length}",
        State.PAUSED: f"paused {done}",
        State.STOPPED: f"stopped {done}",
        State.DONE: f"all {length} {unit}s done",
    }[model.state]
    assert words == f"{standing.name}: {said}"


@given(days())
def test_the_day_count_and_the_end_follow_the_rules_over_months(life):
    _, _, model = live(*life)
    event(f"the last course: {model.programme.id if model.programme else None}, {model.state}")


@given(days(60), st.integers(1, 10), st.data())
def test_missed_days_neither_restart_nor_count(life, gap, data):
    """Days with nothing done, put anywhere in a daily course, change nothing: it counts
    the days done while it ran, however far apart."""
    first, lived = life
    at = data.draw(st.integers(0, len(lived)), label="where")
    quiet = [Day((), None, False)] * gap
    stretched = [*lived[:at], *quiet, *lived[at:]]
    marks, done, _ = live(first, lived, check=False)
    marks2, done2, _ = live(first, stretched, check=False)
    end = moment(first + timedelta(days=len(stretched)), 23)
    before, after = p.standing(marks, done, KNOWN, end), p.standing(marks2, done2, KNOWN, end)
    if before is None or before.programme is not p.BALL_RELEASE:
        return
    assert after is not None
    assert (after.programme, after.state, after.sessions) == (before.programme, before.state, before.sessions)


@settings(max_examples=25)
@given(days(50))
def test_the_standing_rebuilt_from_a_real_history_file_is_the_same(life):
    """Through SQLite: each restart opens the file again and reads its marks and records."""
    from qlbreak.core.kinds import Record
    from qlbreak.storage import programmes as stored
    from qlbreak.storage.history import Event, History

    first, lived = life
    marks, done, _ = live(first, lived, check=False)
    end = moment(first + timedelta(days=len(lived) - 1), 23)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "history.db"
        history = History.open(path, end)
        for m in marks:
            history.record(Event(m.at, Record.PROGRAMME, programme=m.programme, mark=m.mark))
        for d in done:
            history.record(Event(d.at, Record.DONE, d.stretch))
        history.close()
        again = History.open(path, end)  # the app restarted
        try:
            assert stored.standing(again, KNOWN, end) == p.standing(marks, done, KNOWN, end)
        finally:
            again.close()


# -- the strengthening offer ------------------------------------------------------------


@st.composite
def stretching(draw: st.DrawFn) -> tuple[date, list[bool], list[str]]:
    """Weeks of days with a stretch done or not (each day's chance drawn once, so some
    people stretch most days and some rarely), and what the person says to an offer."""
    first = draw(st.dates(date(2026, 1, 1), date(2027, 12, 31)))
    chance = draw(st.sampled_from([0.3, 0.6, 0.8, 0.95]))
    count = draw(st.integers(1, 70))
    did = draw(st.lists(st.floats(0, 1), min_size=count, max_size=count).map(lambda xs: [x < chance for x in xs]))
    answers = draw(st.lists(st.sampled_from(["later", "no thanks", "start"]), min_size=1, max_size=3))
    return first, did, answers


def looks_ready(did: dict[date, bool], today: date) -> bool:
    """The offer's conditions, counted another way: two weeks since the first stretch,
    and stretches on at least 7 of the last 10 work days (today once done)."""
    stretched = sorted(d for d, yes in did.items() if yes and d <= today)
    if not stretched or (today - stretched[0]).days < offers.OFFER_AFTER_DAYS:
        return False
    back = [today - timedelta(days=n) for n in range(0 if did.get(today) else 1, 60)]
    work = [d for d in back if d.weekday() in WORKDAYS and d >= stretched[0]][: offers.OFFER_WORK_DAYS]
    return sum(did.get(d, False) for d in work) >= offers.OFFER_MIN_DONE


@given(stretching(), st.booleans())
def test_strengthening_is_offered_once_when_stretching_became_a_habit(life, release_first):
    first, did, answers = life
    marks: list[Marked] = []
    if release_first:  # a ball release course under way at first: no offer while it runs
        marks.append(Marked(moment(first, 8), Mark.START, "ball-release"))
    done: list[Done] = []
    offered: list[date] = []
    stretched: dict[date, bool] = {}
    for n, yes in enumerate(did):
        day = first + timedelta(days=n)
        stretched[day] = yes
        if yes:
            done.append(Done("cat-cow", moment(day, 10)))
        if n == 20 and release_first:
            marks.append(Marked(moment(day, 11), Mark.STOP, "ball-release"))
        evening = moment(day, 18)
        offer = offers.offer_strengthening(marks, done, KNOWN, WORKDAYS, evening)
        busy = release_first and n < 20
        asked = bool(offered)
        assert offer == (not asked and not busy and looks_ready(stretched, day)), (day, offered)
        if offer:
            offered.append(day)
            marks.append(Marked(evening, Mark.OFFERED, "strengthen"))
            answer = answers[0]
            if answer == "no thanks":
                marks.append(Marked(evening + timedelta(minutes=1), Mark.DECLINED, "strengthen"))
            elif answer == "start":
                marks.append(Marked(evening + timedelta(minutes=1), Mark.START, "strengthen"))
    assert len(offered) <= 1
    event(f"offered: {bool(offered)}")
