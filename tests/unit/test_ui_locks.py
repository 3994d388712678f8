"""What the settings window and the welcome save for an organisation's settings (issue 26,
``qlbreak/ui/locks.py``): a locked setting as read, to the letter; the things to hand as
read when the same are ticked (no "none" added as a change)."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from qlbreak.core.schedule import Plan
from qlbreak.storage.config import Config
from qlbreak.ui.locks import FIELDS, kept, things


def test_a_locked_setting_is_saved_as_read_and_an_unlocked_one_as_chosen() -> None:
    base = Config()
    chosen = replace(
        base,
        plan=Plan((), grace=timedelta(minutes=3), snooze=timedelta(minutes=4)),
        theme="dark",
        tighter=2.0,
        prefs=replace(base.prefs, no_floor=False),
    )
    out = kept(chosen, base, ["reminder", "schedule.snooze_minutes", "dialog.theme", "stretches.no_floor"])
    assert out.plan == Plan(base.plan.reminders, grace=timedelta(minutes=3), snooze=base.plan.snooze)
    assert out.theme == base.theme and out.prefs.no_floor == base.prefs.no_floor and out.tighter == 2.0
    every = [key for keys in FIELDS.values() for key in keys]
    assert kept(chosen, base, every) == base


def test_the_things_to_hand_as_read_when_the_same_are_ticked() -> None:
    assert things(frozenset({"chair"}), {"chair"}) == {"chair"}
    assert things(frozenset({"none", "chair"}), {"chair"}) == {"none", "chair"}
    assert things(frozenset({"chair"}), {"chair", "ball"}) == {"none", "chair", "ball"}
    assert things(frozenset({"chair"}), set()) == {"none"}
