"""core/holds.py: the table of what holds a reminder, and the service holding one."""

from __future__ import annotations

import queue
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from qlbreak.core import holds
from qlbreak.core.commands import SkipToday, Snooze
from qlbreak.core.holds import HoldRules, Reason, Signals
from qlbreak.edges.ports import Ports
from qlbreak.storage.config import Config
from qlbreak.storage.history import History
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches import catalogue
from qlbreak.tray.service import Service
from tests.fakes import FakeClock, FakeDetectors, FakeLogin, FakeNotifier, FakeTray, FakeWindows, prompts

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_0929 = datetime(2026, 11, 30, 9, 29, tzinfo=BERLIN)
FULL = Signals(full_screen=True)


@pytest.mark.parametrize(
    ("signals", "reason"),
    [
        (Signals(), None),
        (Signals(locked=False, full_screen=False, do_not_disturb=False, microphone=False, idle_seconds=3), None),
        (Signals(full_screen=True), Reason.PRESENTING),
        (Signals(do_not_disturb=True), Reason.DO_NOT_DISTURB),
        (Signals(microphone=True), Reason.IN_A_CALL),
        (Signals(idle_seconds=299), None),
        (Signals(idle_seconds=300), Reason.AWAY),
        (Signals(locked=True, idle_seconds=900, microphone=True), Reason.LOCKED),  # the strongest is named
        (Signals(microphone=True, idle_seconds=900), Reason.IN_A_CALL),  # still in the call, just not typing
        (Signals(camera=True, idle_seconds=900), Reason.CAMERA),  # a video call, muted
        (Signals(microphone=True, camera=True), Reason.IN_A_CALL),  # a call with both: "until your call ends"
    ],
)
def test_the_table_names_the_strongest_reason(signals, reason):
    assert holds.holding(signals, HoldRules()) is reason


def test_a_switched_off_detector_holds_nothing_and_is_not_asked():
    rules = HoldRules(presenting=False, away_minutes=10)
    assert holds.holding(Signals(full_screen=True, do_not_disturb=True, idle_seconds=400), rules) is None
    assert holds.holding(Signals(idle_seconds=600), rules) is Reason.AWAY
    assert holds.wanted(rules) == {"locked", "microphone", "camera", "idle_seconds"}
    assert holds.holding(Signals(camera=True), replace(rules, camera=False)) is None
    assert "camera" not in holds.wanted(replace(rules, camera=False))
    off = HoldRules(locked=False, presenting=False, in_a_call=False, camera=False, away=False)
    assert holds.wanted(off) == frozenset()


class Rig:
    def __init__(self, tmp_path, config=None, now=MONDAY_0929, signals=None, buttons=None):
        self.clock = FakeClock(now)
        commands = queue.Queue()
        self.tray, self.notifier, self.detectors = FakeTray(), FakeNotifier(), FakeDetectors()
        self.detectors.signals = signals or Signals()
        self.windows = FakeWindows(report=commands.put)
        self.history = Outbox(lambda: History.open(tmp_path / "history.db", self.clock.now(), timeout=0.2))
        self.buttons = buttons
        ports = Ports(self.tray, self.notifier, self.windows, FakeLogin(), self.clock, None, self.detectors, buttons)
        self.service = Service(config or Config(), catalogue.load(), self.history, tmp_path / "s.json", ports, commands)
        self.service.step()

    def at(self, seconds):
        """Time passes as the loop lets it: each step returns when to look again."""
        end = self.clock.now() + timedelta(seconds=seconds)
        while self.clock.now() < end:
            wake = min(self.service.step(), end, self.clock.now() + timedelta(seconds=30))
            self.clock.advance(max((wake - self.clock.now()).total_seconds(), 0.5))
        self.service.step()

    def kinds(self):
        return [e.kind for e in self.history.events()]


@pytest.fixture
def rig(tmp_path):
    r = Rig(tmp_path)
    yield r
    r.history.close()


def test_a_reminder_due_during_full_screen_waits_then_shows_once(rig):
    rig.detectors.signals = FULL
    rig.at(2 * 60)
    assert rig.notifier.sent == [] and prompts(rig.windows) == []
    assert rig.tray.look == "normal"
    assert "reminder held, waiting until you leave full screen (until 10:00)" in rig.tray.title
    assert "Reminder held, waiting until you leave full screen (until 10:00)" in rig.tray.labels()
    assert "Skip today" in rig.tray.labels()
    rig.detectors.signals = Signals(full_screen=False)
    rig.at(5)
    assert len(rig.notifier.sent) == 1 and len(prompts(rig.windows)) == 1
    assert rig.tray.look == "due"
    rig.at(60)
    assert len(rig.notifier.sent) == 1 and rig.kinds() == ["fired"]


def test_going_away_hides_a_prompt_on_show_and_coming_back_shows_it_again(rig):
    rig.at(2 * 60)
    assert "prompt" in rig.windows.showing
    rig.detectors.signals = Signals(idle_seconds=301)
    rig.at(5)
    assert "prompt" not in rig.windows.showing and "waiting until you are back" in rig.tray.title
    rig.detectors.signals = Signals(idle_seconds=1)
    rig.at(5)
    assert "prompt" in rig.windows.showing and len(prompts(rig.windows)) == 2


NO_CATCH_UP = replace(Config(), holds=HoldRules(catch_up=False))


def test_held_past_its_grace_window_it_is_missed(tmp_path):
    rig = Rig(tmp_path, config=NO_CATCH_UP)
    rig.detectors.signals = Signals(microphone=True)
    rig.at(40 * 60)
    assert rig.kinds() == ["fired", "missed"] and prompts(rig.windows) == []
    rig.detectors.signals = Signals()
    rig.at(60)
    assert prompts(rig.windows) == [] and rig.tray.look == "normal"


def test_a_snooze_that_ends_during_a_call_is_held(rig):
    rig.at(2 * 60)
    rig.service.put(Snooze())
    rig.service.step()
    rig.detectors.signals = Signals(microphone=True)
    rig.at(11 * 60)
    assert len(prompts(rig.windows)) == 1 and "waiting until your call ends" in rig.tray.title
    rig.detectors.signals = Signals()
    rig.at(5)
    assert len(prompts(rig.windows)) == 2


def test_the_detectors_are_read_only_while_a_reminder_is_due_or_held(rig):
    rig.at(60)  # 09:30 falls due
    rig.at(2 * 60)
    rig.service.put(SkipToday())
    rig.service.step()
    looks = rig.detectors.looks
    rig.at(60 * 60)
    assert rig.detectors.looks == looks


def test_a_held_reminder_survives_a_restart_held(tmp_path):
    first = Rig(tmp_path)
    first.detectors.signals = FULL
    first.at(2 * 60)
    first.history.close()
    second = Rig(tmp_path, now=first.clock.now(), signals=FULL)
    second.at(5)
    assert prompts(second.windows) == [] and "held" in second.tray.title
    second.detectors.signals = Signals()
    second.at(5)
    assert len(prompts(second.windows)) == 1 and second.kinds() == ["fired"]
    second.history.close()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.tuples(st.booleans(), st.integers(1, 400)), min_size=1, max_size=12), st.booleans())
def test_never_shown_while_held_and_missed_only_if_never_free_in_grace(tmp_path_factory, spells, asleep_once):
    """Random spells of full screen and free time from 09:29, one of them perhaps
    slept through: a prompt never opens while held, the reminder fires once, and
    when no free spell touched its grace window it is missed, never shown."""
    rig = Rig(tmp_path_factory.mktemp("holds"), config=NO_CATCH_UP)
    due_at, grace_end = MONDAY_0929 + timedelta(minutes=1), MONDAY_0929 + timedelta(minutes=31)
    free_in_grace = False
    for index, (busy, seconds) in enumerate(spells):
        rig.detectors.signals = FULL if busy else Signals()
        start, before = rig.clock.now(), len(prompts(rig.windows))
        slept = asleep_once and index == len(spells) // 2
        if slept:
            rig.clock.advance(seconds, asleep=True)
            rig.service.step()
        else:
            rig.at(seconds)
        if busy:
            assert len(prompts(rig.windows)) == before
        if not busy and rig.clock.now() >= due_at and start < grace_end:
            free_in_grace = True
    rig.detectors.signals = FULL  # busy until everything is decided
    rig.at(40 * 60)
    assert rig.kinds().count("fired") <= 1
    if prompts(rig.windows):
        assert free_in_grace
    if not free_in_grace and "fired" in rig.kinds():
        assert prompts(rig.windows) == [] and "missed" in rig.kinds()
    rig.history.close()


def test_holds_are_read_from_the_config(tmp_path):
    from qlbreak.storage.config import parse

    loaded = parse(b"[holds]\naway_minutes = 15\nin_a_call = false\n", "config.toml", [])
    assert loaded.problems == () and loaded.config.holds == HoldRules(in_a_call=False, away_minutes=15)
    bad = parse(
        b"[holds]\naway_minutes = 0\n", "config.toml", [], keep=replace(Config(), holds=HoldRules(away_minutes=7))
    )
    assert bad.config.holds.away_minutes == 7
    assert "config.toml:2" in str(bad.problems[0].path) + ":" + str(bad.problems[0].line)


# -- the catch-up ------------------------------------------------------------------------


def test_missed_while_in_a_call_it_is_offered_once_when_the_call_ends(rig):
    rig.detectors.signals = Signals(microphone=True)
    rig.at(40 * 60)  # 10:09: missed, held all along
    assert rig.kinds() == ["fired", "missed"] and prompts(rig.windows) == []
    rig.detectors.signals = Signals()
    rig.at(40)
    assert len(prompts(rig.windows)) == 1 and prompts(rig.windows)[0].catch_up
    assert rig.notifier.sent[-1][0] == "Missed your morning stretch \u2014 do it now?"
    assert rig.tray.look == "due"
    rig.at(60 * 60)  # unanswered again: never a second one that day
    assert len(prompts(rig.windows)) == 1 and rig.kinds().count("missed") == 1


def test_no_catch_up_for_a_reminder_that_was_seen_and_let_pass(rig):
    rig.at(40 * 60)  # on screen for its whole grace window
    assert rig.kinds() == ["fired", "missed"]
    rig.at(60 * 60)
    assert len(prompts(rig.windows)) == 1


def test_the_catch_up_never_comes_while_held_nor_at_or_after_the_next_reminder(rig):
    rig.detectors.signals = Signals(idle_seconds=3600)
    rig.at(3 * 60 * 60)  # 12:29: away since before 09:30
    assert prompts(rig.windows) == []
    rig.at(2 * 60)  # 12:31: the lunch reminder falls due, still away: held
    rig.detectors.signals = Signals(idle_seconds=0)
    rig.at(10)
    assert [p.catch_up for p in prompts(rig.windows)] == [False]
    assert prompts(rig.windows)[0].occurrence.reminder == "lunch"


def test_a_catch_up_after_a_sleep_through_the_reminder(rig):
    rig.clock.advance(2 * 60 * 60, asleep=True)  # 11:29: the lid was closed at 09:30
    rig.at(5)
    assert rig.kinds() == ["missed"]
    assert len(prompts(rig.windows)) == 1 and prompts(rig.windows)[0].catch_up


def test_the_catch_up_can_be_switched_off(tmp_path):
    rig = Rig(tmp_path, config=NO_CATCH_UP)
    rig.clock.advance(2 * 60 * 60, asleep=True)
    rig.at(60)
    assert prompts(rig.windows) == []


def test_a_hold_across_midnight_ends_with_the_grace_window_and_no_catch_up_the_next_day(tmp_path):
    from qlbreak.storage.config import parse

    late = parse(b'[[reminder]]\nname = "late"\ntime = "23:50"\ndays = ["mon"]\n', "c.toml", []).config
    rig = Rig(tmp_path, config=late, now=datetime(2026, 11, 30, 23, 49, tzinfo=BERLIN), signals=FULL)
    rig.at(10 * 60)  # 23:59: held
    assert prompts(rig.windows) == [] and "held" in rig.tray.title
    rig.detectors.signals = Signals()
    rig.at(6 * 60)  # 00:05 on Tuesday: still inside its grace window, so it shows now
    assert len(prompts(rig.windows)) == 1 and rig.kinds() == ["fired"]
    rig.detectors.signals = FULL
    rig.at(20 * 60)  # held again, and its window ends at 00:20
    assert rig.kinds() == ["fired", "missed"]
    rig.detectors.signals = Signals()
    rig.at(60)  # Monday's reminder earns no catch-up on Tuesday
    assert len(prompts(rig.windows)) == 1
    rig.history.close()


def test_only_todays_miss_earns_a_catch_up():
    from qlbreak.core import catchup
    from qlbreak.core.schedule import Occurrence

    now = datetime(2026, 12, 1, 11, 0, tzinfo=BERLIN)
    today = Occurrence(now.replace(hour=9, minute=30), "morning", now.date())
    yesterday = Occurrence(today.at - timedelta(days=1), "morning", today.day - timedelta(days=1))
    lunch = now.replace(hour=12, minute=30)
    assert catchup.after_miss(yesterday, None, False, "", "", lunch, now) is None
    pending = catchup.after_miss(today, None, False, "", "", lunch, now)
    assert pending is not None and pending.before == lunch
    assert catchup.after_miss(today, catchup.Stage.DUE, False, "", "", lunch, now) is None  # seen, let pass
    assert catchup.after_miss(today, catchup.Stage.HELD, True, "", "", lunch, now) is None  # superseded
    assert catchup.offer(pending, now, held=False, offered_on=None, on=True)
    assert not catchup.offer(pending, now, held=True, offered_on=None, on=True)
    assert not catchup.offer(pending, now, held=False, offered_on=now.date(), on=True)
    assert not catchup.offer(pending, lunch, held=False, offered_on=None, on=True)
    assert catchup.expired(pending, lunch) and not catchup.expired(pending, now)
