"""core/app_programme.py through the app: a programme day's reminder offers today's
programme exercise, a ball release is followed by a QL side stretch (seed 004), and the
tray's title and menu say where the programme stands. Driven by the app simulator."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core import app, app_programme, app_reminder
from qlbreak.core.app_state import Rules, Words
from qlbreak.core.commands import ChildEnded, Hover, OpenMenu, Snooze, StretchNow
from qlbreak.core.effects import OpenWindow, Render, Write
from qlbreak.core.kinds import Record, Window
from qlbreak.core.picker import Candidate, Recent
from qlbreak.core.programmes import BALL_RELEASE, STRENGTHEN, Exercise, Mark, Marked, Standing, State
from qlbreak.core.window_specs import MenuSpec, PromptSpec, StretchSpec, TooltipSpec
from tests.appsim import BERLIN, PLAN, Desk

MONDAY = datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN)
NINE_THIRTY = MONDAY + timedelta(minutes=30)
LUNCH = MONDAY.replace(hour=12, minute=30)
WALL = "ql-ball-wall-release"
SIDES = ("standing-side-bend", "seated-side-bend")
STRONG = ("wall-side-plank", "sit-to-stand")
# (id, kind, for the QL); the stretch not for the QL first, so the usual pick is not a side stretch
CATALOGUE = (
    ("cat-cow", "stretch", False),
    *((s, "stretch", True) for s in SIDES),
    (WALL, "stretch", True),
    ("ql-ball-release", "stretch", True),  # on the floor: the office keeps the wall one
    *((s, "strengthen", False) for s in STRONG),
)
RULES = Rules(
    plan=PLAN,
    candidates=tuple(
        Candidate(i, i != "ql-ball-release", frozenset({"none"}), for_ql=ql, exercise=kind == "strengthen")
        for i, kind, ql in CATALOGUE
    ),
    words=tuple((i, Words(i.replace("-", " ").capitalize(), f"About {i}.")) for i, _, _ in CATALOGUE),
    exercises=tuple(Exercise(i, kind, ql) for i, kind, ql in CATALOGUE),
)


def desk_with_history(state_file: Path) -> Desk:
    """Every stretch for the QL done last Thursday, so the usual pick is cat-cow."""
    d = Desk(state_file, rules=RULES)
    thursday = MONDAY - timedelta(days=4)
    d.records.extend(Write(thursday, Record.DONE, i) for i, kind, ql in CATALOGUE if ql)
    d.turn(MONDAY)
    return d


@pytest.fixture
def desk(tmp_path) -> Desk:
    return desk_with_history(tmp_path / "state.json")


def start(desk: Desk, programme: str, at: datetime, *more: tuple[Mark, datetime]) -> None:
    desk.marks.append(Marked(at, Mark.START, programme))
    desk.marks.extend(Marked(when, mark, programme) for mark, when in more)


def offered(desk: Desk) -> list[str]:
    """The stretches offered so far: by a prompt, or opened in the stretch window."""
    specs = [e.spec for e in desk.effects if isinstance(e, OpenWindow)]
    return [s.reminder.stretch if isinstance(s, PromptSpec) else s.stretch for s in specs if _offer(s)]


def _offer(spec: object) -> bool:
    return isinstance(spec, PromptSpec) or (isinstance(spec, StretchSpec) and spec.stretch is not None)


def do(desk: Desk, stretch: str, at: datetime) -> None:
    """The user opens a stretch (from the reminder on show, or the menu) and finishes it."""
    desk.turn(at, StretchNow())
    desk.finish_stretch(at + timedelta(minutes=2), stretch)
    desk.turn(at + timedelta(minutes=2), ChildEnded(Window.STRETCH, "done"))


def rendered(desk: Desk) -> Render:
    return [e for e in desk.effects if isinstance(e, Render)][-1]


def test_without_a_programme_the_usual_pick_is_not_the_ball_release(desk):
    desk.turn(NINE_THIRTY)
    assert offered(desk) == ["cat-cow"]
    assert "Ball release" not in rendered(desk).title


def test_a_ball_release_day_offers_the_wall_release_then_a_side_stretch(desk):
    """At the office (no floor) the wall one; once done, the next offer (lunch) is a
    QL side stretch, not the release again nor anything else; the next day, the
    release again."""
    start(desk, BALL_RELEASE.id, MONDAY - timedelta(days=1))
    desk.turn(NINE_THIRTY)
    assert offered(desk) == [WALL]
    do(desk, WALL, NINE_THIRTY + timedelta(minutes=1))
    assert offered(desk)[-1] == WALL  # the window opened on the reminder's stretch
    desk.turn(LUNCH)
    assert offered(desk)[-1] in SIDES
    do(desk, offered(desk)[-1], LUNCH + timedelta(minutes=1))
    desk.turn(LUNCH + timedelta(minutes=10), StretchNow())
    assert offered(desk)[-1] not in (WALL, *SIDES)  # released and stretched: the rotation as usual
    desk.turn(LUNCH + timedelta(minutes=11), ChildEnded(Window.STRETCH, None))
    desk.turn(NINE_THIRTY + timedelta(days=1))
    assert offered(desk)[-1] == WALL


def test_the_title_and_the_menu_say_where_the_programme_stands(desk):
    start(desk, BALL_RELEASE.id, MONDAY - timedelta(days=1))
    desk.turn(MONDAY + timedelta(minutes=10))  # read again every ten minutes (and as the menu opens)
    assert rendered(desk).title.endswith("\u00b7 Ball release: day 1 of 14")
    assert "Ball release: day 1 of 14" in [e.label for e in rendered(desk).menu]
    do(desk, WALL, MONDAY + timedelta(minutes=5))
    assert "Ball release: day 1 of 14, done today" in [e.label for e in rendered(desk).menu]
    desk.turn(MONDAY + timedelta(days=1, minutes=1))
    assert rendered(desk).title.endswith("Ball release: day 2 of 14")


def test_a_programme_started_elsewhere_shows_when_the_menu_or_the_tooltip_opens(desk):
    """Started from the command line or Settings while the tray runs: read again as the
    person looks, not ten minutes later."""
    desk.turn(MONDAY + timedelta(minutes=1))
    start(desk, BALL_RELEASE.id, MONDAY + timedelta(minutes=2))
    desk.turn(MONDAY + timedelta(minutes=3), OpenMenu(10, 10))
    menus = [e.spec for e in desk.effects if isinstance(e, OpenWindow) and isinstance(e.spec, MenuSpec)]
    assert "Ball release: day 1 of 14" in [e.label for e in menus[-1].entries]
    desk.marks.append(Marked(MONDAY + timedelta(minutes=4), Mark.PAUSE, BALL_RELEASE.id))
    desk.turn(MONDAY + timedelta(minutes=5), Hover(True))
    tips = [e.spec for e in desk.effects if isinstance(e, OpenWindow) and isinstance(e.spec, TooltipSpec)]
    assert tips[-1].text.endswith("Ball release: paused before day 1 of 14")


def test_a_paused_programme_offers_nothing_of_its_own(desk):
    start(desk, BALL_RELEASE.id, MONDAY - timedelta(days=2), (Mark.PAUSE, MONDAY - timedelta(days=1)))
    desk.turn(NINE_THIRTY)
    assert offered(desk) == ["cat-cow"]
    assert rendered(desk).title.endswith("Ball release: paused before day 1 of 14")


def test_declined_today_the_programme_exercise_is_not_pushed_again():
    standing = Standing(BALL_RELEASE, State.UNDER_WAY, 3, False, True, date(2026, 11, 25))
    known = {i: Exercise(i, kind, ql) for i, kind, ql in CATALOGUE}
    found = app_programme.Programmes(standing)
    usual = app_programme.steer(RULES.candidates, RULES.prefs, (), known, found, Recent(), NINE_THIRTY)
    assert usual == frozenset({WALL})
    declined = Recent(declined=frozenset({WALL}))
    assert app_programme.steer(RULES.candidates, RULES.prefs, (), known, found, declined, NINE_THIRTY) is None


def test_strengthening_offers_its_exercises_on_its_days_only(desk):
    """Twice a week, at least three days apart: Monday's session done, Tuesday's
    reminders offer the rotation."""
    start(desk, STRENGTHEN.id, MONDAY - timedelta(days=1))
    desk.turn(NINE_THIRTY)
    assert offered(desk)[-1] in STRONG
    assert rendered(desk).title.endswith("Strengthening: session 1 of 12")
    do(desk, offered(desk)[-1], NINE_THIRTY + timedelta(minutes=1))
    desk.turn(NINE_THIRTY + timedelta(days=1))
    assert offered(desk)[-1] not in STRONG
    assert rendered(desk).title.endswith("Strengthening: session 2 of 12, next on Thu 3 Dec")
    desk.turn(NINE_THIRTY + timedelta(days=3))
    assert offered(desk)[-1] in STRONG
    assert rendered(desk).title.endswith("Strengthening: session 2 of 12")


@pytest.mark.parametrize(
    ("state", "sessions", "today", "words"),
    [
        (State.UNDER_WAY, 4, False, "Ball release: day 5 of 14"),
        (State.UNDER_WAY, 5, True, "Ball release: day 5 of 14, done today"),
        (State.PAUSED, 4, False, "Ball release: paused after 4 of 14 days"),
        (State.DONE, 14, True, "Ball release: all 14 days done"),
        (State.STOPPED, 4, False, None),
    ],
)
def test_the_line_for_each_state(state, sessions, today, words):
    standing = Standing(BALL_RELEASE, state, sessions, today, state is State.UNDER_WAY, date(2026, 11, 25))
    assert app_programme.line(standing) == words


def test_no_programme_ever_started_says_nothing():
    assert app_programme.line(None) is None
    assert replace(app.view(app.AppState(), MONDAY)).programme is None


def test_a_snoozed_reminder_brings_back_the_same_exercise(desk):
    """Not another one of the programme's (the rotation passes over the one offered
    last): what was proposed comes back after the snooze."""
    start(desk, STRENGTHEN.id, MONDAY - timedelta(days=1))
    desk.turn(NINE_THIRTY)
    first = offered(desk)[-1]
    desk.turn(NINE_THIRTY + timedelta(minutes=1), Snooze())
    later = NINE_THIRTY + timedelta(minutes=11)
    state = desk.state
    assert state.reminder is not None and state.reminder.stretch == first
    facts = replace(state.run.facts, recent=Recent(last=first))  # as the tray reads it: offered last
    state = replace(state, run=replace(state.run, facts=facts))
    assert app_reminder.with_stretch(state, state.reminder, later).stretch == first
