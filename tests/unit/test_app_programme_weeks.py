"""The tray and a programme over simulated weeks (the app simulator, a fake clock):
whatever the person does each day (does the offered stretch, skips the day, misses
the reminder) and however often the app restarts, a morning reminder on a programme
day with its session to do offers the programme's exercise, a reminder after a ball
release done today offers a QL side stretch, and the tray's title says where the
course stands, as the rules (core/programmes.py) rebuild it from the history alone."""

from __future__ import annotations

from datetime import timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core import programmes
from qlbreak.core.app_programme import line, session_due
from qlbreak.core.commands import ChildEnded, SkipToday, StretchNow
from qlbreak.core.effects import OpenWindow, Render
from qlbreak.core.kinds import Record, Window
from qlbreak.core.picker import Done
from qlbreak.core.programmes import BALL_RELEASE, Mark, Marked
from qlbreak.core.window_specs import PromptSpec
from tests.appsim import Desk
from tests.unit.test_app_programme import LUNCH, MONDAY, NINE_THIRTY, RULES, SIDES, WALL, desk_with_history

Day = tuple[str, str, bool]  # the morning's answer, the lunch's answer, a restart before the day


def prompted(desk: Desk, before: int) -> str | None:
    """The stretch the reminder shown since ``before`` effects offers, if one showed."""
    shown = [e.spec for e in desk.effects[before:] if isinstance(e, OpenWindow) and isinstance(e.spec, PromptSpec)]
    return shown[-1].reminder.stretch if shown else None


def answer(desk: Desk, what: str, stretch: str, at) -> None:
    if what == "do":
        desk.turn(at, StretchNow())
        desk.finish_stretch(at + timedelta(minutes=2), stretch)
        desk.turn(at + timedelta(minutes=2), ChildEnded(Window.STRETCH, "done"))
    elif what == "skip":
        desk.turn(at, SkipToday())
    # "miss": nothing; the reminder passes


def standing(desk: Desk, at):
    done = [Done(r.stretch or "", r.at) for r in desk.records if r.kind == Record.DONE and r.at <= at]
    return programmes.standing(desk.marks, done, RULES.known(), at)


days = st.lists(
    st.tuples(st.sampled_from(["do", "do", "skip", "miss"]), st.sampled_from(["do", "miss"]), st.booleans()),
    min_size=3,
    max_size=16,
)


@settings(max_examples=40, deadline=None)
@given(plan=days)
def test_the_offers_and_the_title_follow_the_rules_day_by_day(tmp_path_factory, plan: list[Day]):
    desk = desk_with_history(tmp_path_factory.mktemp("weeks") / "state.json")
    desk.marks.append(Marked(MONDAY - timedelta(hours=1), Mark.START, BALL_RELEASE.id))
    for n, (morning, lunch, restart) in enumerate(plan):
        day = timedelta(days=n)
        if (MONDAY + day).weekday() >= 5:
            continue  # the plan's reminders are on work days only
        if restart:
            desk.restart(MONDAY + day)
        before = len(desk.effects)
        desk.turn(NINE_THIRTY + day)
        offered = prompted(desk, before)
        now = standing(desk, NINE_THIRTY + day)
        assert offered is not None
        assert (offered == WALL) is session_due(now), (n, offered, now)
        title = [e for e in desk.effects if isinstance(e, Render)][-1].title
        assert title.endswith(f"\u00b7 {line(now)}")
        answer(desk, morning, offered, NINE_THIRTY + day + timedelta(minutes=1))
        before = len(desk.effects)
        desk.turn(LUNCH + day)
        offered_at_lunch = prompted(desk, before)
        if morning == "skip":
            assert offered_at_lunch is None  # skipped today: no more reminders today
            continue
        assert offered_at_lunch is not None
        if morning == "do" and offered == WALL:
            assert offered_at_lunch in SIDES  # release, then stretch
        answer(desk, lunch, offered_at_lunch, LUNCH + day + timedelta(minutes=1))
    last = standing(desk, LUNCH + timedelta(days=len(plan)))
    released = {r.at.date() for r in desk.records if r.kind == Record.DONE and r.stretch == WALL and r.at >= MONDAY}
    assert last is not None and last.sessions == min(len(released), BALL_RELEASE.length)
