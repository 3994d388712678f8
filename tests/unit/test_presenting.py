"""core/app_reminder.py (show): the reminder in one place. Where the notification has buttons
it is the reminder; where it has none the prompt is, and the notification only points
to it from the other corner; an answer takes the notification away."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qlbreak import system
from qlbreak.core.commands import SkipToday, Snooze
from qlbreak.core.holds import Signals
from qlbreak.core.kinds import Window
from qlbreak.storage.config import Config
from qlbreak.ui.spec import prompt_corner
from tests.fakes import FakeButtons, prompts
from tests.unit.test_holds import Rig


@pytest.fixture
def with_buttons(tmp_path):
    r = Rig(tmp_path, buttons=FakeButtons())
    yield r
    r.history.close()


def test_with_buttons_the_notification_is_the_reminder_and_no_prompt_covers_it(with_buttons):
    rig = with_buttons
    rig.at(2 * 60)
    ((title, message, actions),) = rig.buttons.shown
    assert "prompt" not in message  # the stretch's own summary, no pointer to a prompt
    assert title.startswith("Time for a stretch: ")
    assert [a for a, _ in actions] == ["stretch", "snooze", "skip"]
    assert [label for _, label in actions] == ["Start", "Snooze 10 min", "Skip today"]
    assert prompts(rig.windows) == [] and rig.notifier.sent == [] and rig.tray.look == "due"


@pytest.mark.parametrize("answer", [Snooze(), SkipToday()])
def test_a_snooze_or_a_skip_takes_the_notification_away(with_buttons, answer):
    rig = with_buttons
    rig.at(2 * 60)
    rig.service.put(answer)
    rig.service.step()
    assert rig.buttons.withdrawn == 1


def test_held_it_is_taken_away_and_shown_again_after(with_buttons):
    rig = with_buttons
    rig.at(2 * 60)
    rig.detectors.signals = Signals(full_screen=True)
    rig.at(5)
    assert rig.buttons.withdrawn == 1
    rig.detectors.signals = Signals()
    rig.at(5)
    assert len(rig.buttons.shown) == 2


def test_without_buttons_the_prompt_is_the_reminder_and_a_short_pointer_stays_clear_of_it(tmp_path):
    rig = Rig(tmp_path, buttons=FakeButtons(capable=False))
    rig.at(2 * 60)
    assert len(prompts(rig.windows)) == 1 and rig.windows.specs(Window.PROMPT)[-1].clear
    ((title, message),) = rig.buttons.pointed
    assert title.startswith("Time for a stretch: ") and "prompt, bottom right of the screen" in message
    assert rig.notifier.sent == []
    rig.windows.finish("prompt", "snooze")  # answered in the prompt: the pointer goes with it
    rig.service.step()
    assert rig.buttons.withdrawn == 1 and "prompt" not in rig.windows.showing
    rig.history.close()


def test_where_no_notification_can_be_taken_back_the_pointer_is_a_plain_one(tmp_path):
    rig = Rig(tmp_path, buttons=FakeButtons(capable=False, can_point=False))
    rig.at(2 * 60)
    ((title, message),) = rig.notifier.sent
    assert title.startswith("Time for a stretch: ") and "qlbreak's prompt" in message
    rig.history.close()


def test_the_prompt_corner_is_the_other_one_when_a_notification_points_to_it():
    linux, windows = system.of(system.OS.LINUX), system.of(system.OS.WINDOWS)
    assert prompt_corner(False, linux) == "top-right" and prompt_corner(True, linux) == "bottom-right"
    assert prompt_corner(False, windows) == "bottom-right" and prompt_corner(True, windows) == "top-right"


def test_prompt_only_sends_no_notification_and_notification_only_opens_no_prompt(tmp_path):
    prompt_only = Rig(tmp_path / "a", config=replace(Config(), reminder_style="prompt"), buttons=FakeButtons())
    prompt_only.at(2 * 60)
    assert len(prompts(prompt_only.windows)) == 1 and not prompt_only.windows.specs(Window.PROMPT)[-1].clear
    assert prompt_only.notifier.sent == [] and prompt_only.buttons.shown == []
    plain = Rig(tmp_path / "b", config=replace(Config(), reminder_style="notification"), buttons=FakeButtons(False))
    plain.at(2 * 60)
    assert prompts(plain.windows) == [] and len(plain.buttons.pointed) == 1 and plain.notifier.sent == []
    prompt_only.history.close()
    plain.history.close()
