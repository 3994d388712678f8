"""tests/fakes.py's child-windows fake checks the protocol (``ports.Windows``) as the
real launcher (``edges/children/launch.py``) keeps it: a test that breaks it fails at
the call, not with a wrong count later; and ``NoWindows`` opens nothing."""

from __future__ import annotations

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.commands import ChildEnded, Command
from qlbreak.core.kinds import Window
from qlbreak.core.reminder import falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.window_specs import MenuSpec, ProgressSpec, PromptSpec, SettingsSpec, StretchSpec, TooltipSpec
from qlbreak.edges.children.nothing import NoWindows
from qlbreak.edges.ports import Windows
from qlbreak.storage.config import Config
from tests.fakes import FakeWindows, prompts, stretches

AT = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
DUE = falls_due(Occurrence(AT, "morning", AT.date()), "cat-cow", "Cat-cow", timedelta(minutes=30))


@pytest.fixture
def fake() -> tuple[FakeWindows, list[Command]]:
    heard: list[Command] = []
    return FakeWindows(heard.append), heard


def test_a_second_stretch_window_while_one_is_open_is_a_breach(fake):
    windows, _ = fake
    windows.open(Window.STRETCH, StretchSpec("cat-cow"))
    with pytest.raises(AssertionError, match="a second stretch window opened while one is open"):
        windows.open(Window.STRETCH, StretchSpec("seated-twist"))
    assert windows.raise_(Window.STRETCH) is True  # what the caller should have done
    assert stretches(windows) == ["cat-cow"]


def test_a_spec_of_another_kind_is_a_breach(fake):
    windows, _ = fake
    with pytest.raises(AssertionError, match="given a tooltip window's spec"):
        windows.open(Window.PROMPT, TooltipSpec("qlbreak"))
    assert windows.showing == {}


def test_a_prompt_menu_or_tooltip_replaces_the_open_one_which_ends_unanswered(fake):
    windows, heard = fake
    for kind, spec in [
        (Window.PROMPT, PromptSpec(DUE, 10, 60.0)),
        (Window.MENU, MenuSpec((), 0, 0)),
        (Window.TOOLTIP, TooltipSpec("qlbreak")),
    ]:
        windows.open(kind, spec)
        windows.open(kind, spec)
        assert windows.showing[kind] == spec and heard[-1] == ChildEnded(kind, None)
    assert prompts(windows) == [DUE, DUE]


def test_a_settings_window_open_already_stays_as_it_is(fake):
    windows, heard = fake
    windows.open(Window.SETTINGS, SettingsSpec(True))
    windows.open(Window.SETTINGS, SettingsSpec(False))
    assert windows.showing == {Window.SETTINGS: SettingsSpec(True)} and heard == []


def test_a_progress_window_open_already_stays_as_it_is(fake):
    windows, heard = fake
    windows.open(Window.PROGRESS, ProgressSpec())
    windows.open(Window.PROGRESS, ProgressSpec())
    assert windows.showing == {Window.PROGRESS: ProgressSpec()} and heard == []


def test_a_stretch_started_ahead_is_not_open_and_never_a_breach(fake):
    windows, _ = fake
    windows.open(Window.STRETCH, StretchSpec(None))
    assert windows.warm and windows.raise_(Window.STRETCH) is False
    windows.open(Window.STRETCH, StretchSpec("cat-cow"))
    windows.open(Window.STRETCH, StretchSpec(None))  # the pointer again, the window open: nothing starts
    assert not windows.warm and stretches(windows) == ["cat-cow"]


def test_closing_is_idempotent_and_only_an_open_window_can_be_answered(fake):
    windows, heard = fake
    windows.close(Window.PROMPT)
    assert heard == [] and windows.calls == [("close", Window.PROMPT)]
    with pytest.raises(AssertionError, match="no prompt window is open"):
        windows.finish(Window.PROMPT, "snooze")
    windows.open(Window.PROMPT, PromptSpec(DUE, 10, 60.0))
    windows.close_all()
    assert heard == [ChildEnded(Window.PROMPT, None)] and windows.showing == {}


def test_no_windows_opens_nothing_and_raises_nothing():
    windows: Windows = NoWindows()
    windows.configure(Config())
    windows.open(Window.STRETCH, StretchSpec("cat-cow"))
    assert windows.raise_(Window.STRETCH) is False
    windows.close(Window.STRETCH)
    windows.close_all()
