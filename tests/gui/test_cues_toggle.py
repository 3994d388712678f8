"""The stretch window's spoken cues (issue 24), in the test's own process on the
private X screen: an exercise on the floor offers "Read the cues aloud" while the
setting is off; ticked, the window's phase changes are said through the speech port
(a fake here). Each step is a press: nothing waits on the clock."""

from __future__ import annotations

import tkinter as tk

import pytest

from qlbreak.core.session import Phase
from qlbreak.storage.paths import assets_dir
from qlbreak.stretches.catalogue import load
from qlbreak.ui.base import main_window
from qlbreak.ui.cues_toggle import TOGGLE, Voice
from qlbreak.ui.dialog import Dialog
from qlbreak.ui.sound import Cue
from qlbreak.ui.theme import named
from qlbreak.ui.walkthrough import Walkthrough
from tests.fakes import FakeSpeaker


def opened(display: str, stretch_id: str, voice: Voice) -> Dialog:
    stretch = load().get(stretch_id)
    assert stretch is not None, stretch_id
    palette = named("light")
    root = main_window(palette, root=tk.Tk(screenName=display, className="Qlbreak"))
    walk = Walkthrough(
        stretch,
        open_history=lambda: pytest.fail("a demo opened the history"),
        another_for=lambda _history, _skip: stretch,
        workdays=frozenset(range(5)),
        wall=lambda: pytest.fail("a demo asked the wall clock"),
        demo=True,
    )
    dialog = Dialog(root, walk, palette, Cue("", enabled=False), str(assets_dir()), voice=voice)
    dialog.start()
    root.update()
    return dialog


def toggle(dialog: Dialog) -> tk.Checkbutton | None:
    boxes = [w for w in dialog.body.winfo_children() if isinstance(w, tk.Checkbutton)]
    return boxes[0] if boxes else None


def test_an_exercise_on_the_floor_offers_the_cues_and_ticked_they_are_said(screen, shots):
    fake = FakeSpeaker()
    dialog = opened(screen.display, "glute-bridge", Voice(False, speaker=lambda: fake))
    try:
        box = toggle(dialog)
        assert box is not None and box.cget("text") == TOGGLE and box.winfo_ismapped()
        box.invoke()  # ticked: for this window
        dialog.root.update()
        screen.screenshot(shots / "exercise-cues-offered.png", int(dialog.root.wm_frame(), 16))
        dialog.press(dialog.walk.next)  # getting into position: offered still, and ticked
        box = toggle(dialog)
        assert box is not None and dialog.voice.on
        dialog.press(dialog.walk.next)  # the first hold: the box is gone
        assert toggle(dialog) is None and fake.said == []
        while dialog.walk.session.phase is not Phase.FEEDBACK:
            dialog.press(dialog.walk.next, skip=True)  # each step skipped, as Right does
        sets, expected = dialog.walk.session.timing.sets, []
        assert sets > 1
        for n in range(1, sets + 1):
            side = ", left side" if dialog.walk.stretch.two_sided else ""
            expected += [f"Set {n} of {sets}{side}"] if n > 1 else []
            expected += ["Switch to your right side"] if dialog.walk.stretch.two_sided else []
            expected.append("Rest" if n < sets else "Done")
        assert fake.said == expected  # holds skipped: no "Ten seconds"
    finally:
        dialog.root.destroy()


@pytest.mark.parametrize(
    ("stretch_id", "on"),
    [
        ("wall-side-plank", False),  # an exercise at the office: the screen is in sight
        ("cat-cow", False),  # a stretch on the floor: not an exercise
        ("bird-dog", True),  # the setting is on already: nothing to offer
    ],
)
def test_nothing_is_offered_elsewhere(screen, stretch_id, on):
    fake = FakeSpeaker()
    dialog = opened(screen.display, stretch_id, Voice(on, speaker=lambda: fake))
    try:
        assert toggle(dialog) is None
        dialog.press(dialog.walk.next)
        assert toggle(dialog) is None
        dialog.press(dialog.walk.next)
        dialog.press(dialog.walk.next, skip=True)
        said = ["Switch to your right side"] if dialog.walk.stretch.two_sided else ["Rest"]
        assert fake.said == (said if on else [])
    finally:
        dialog.root.destroy()
