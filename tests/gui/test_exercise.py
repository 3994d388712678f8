"""An exercise done in sets, as a person does it: its own window process, pressed with
the real pointer, the history read back; and the screenshots of its set and rest."""

from __future__ import annotations

import subprocess
from dataclasses import replace

from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from qlbreak.ui import spec
from tests.gui.conftest import APP, ROOT, history
from tests.gui.exercise_walk import walk_exercise
from tests.gui.screen import Screen, end

EXERCISE = "sit-to-stand"


def _window(screen: Screen, log, **short: int) -> tuple[subprocess.Popen[bytes], str]:
    """The exercise's window as the tray starts it (not a demo: it records), with the
    safety screen and the check-in already behind; ``short``: fewer seconds and sets."""
    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("2026-12-01T09:00:00+00:00\n")
    stretch = load().get(EXERCISE)
    assert stretch is not None and stretch.harder is not None
    stretch = replace(stretch, **short)
    argv = spec.command("stretch", spec.stretch(stretch, replace(Config(), checkin=False), default_paths(), "light"))
    with log.open("wb") as out:
        proc = subprocess.Popen(argv, env=screen.env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
    return proc, stretch.name


def test_two_sets_a_rest_between_the_rating_kept_and_the_next_time_harder(screen, tmp_path):
    standard = load().get(EXERCISE)
    assert standard is not None and standard.harder is not None
    proc, name = _window(screen, tmp_path / "first.log", sets=2, rest_seconds=10, reps=2, hold_seconds=3)
    try:
        screen.wait_window(f"qlbreak \u2014 {name}")
        screen.wait_text(APP, "^2 sets of 2 slow reps, 10 s rest between|Position: .*2 sets of 2 slow reps")
        screen.press(APP, "Start")
        screen.press(APP, "I'm ready")
        screen.wait_text(APP, "^Set 1 of 2$")
        screen.wait_text(APP, r"^[12] of 2 · breathe (out|in) as you")
        screen.wait_text(APP, r"^Rest · 0:(10|0\d) · Set 2 next$", timeout=15)  # the set ran to its end
        screen.wait_text(APP, r"^Rest · 0:0[0-7] · Set 2 next$", timeout=15)  # and the rest counts down
        assert "Set 1 of 2" not in screen.texts(APP)
        screen.press(APP, "Skip")  # the rest cut short: the next set at once
        screen.wait_text(APP, "^Set 2 of 2$")
        screen.wait_text(APP, r"^How did that feel\?$", timeout=15)
        texts = screen.texts(APP)
        feelings = ("Easy", "About right", "Too hard", "It hurt")
        assert sorted(t for t in texts if t in feelings) == sorted(feelings), texts  # the tree comes in its own order
        assert any(t.startswith("Easy: harder next time") for t in texts), texts
        screen.press(APP, "Easy")
        screen.wait_text(APP, "^Close$")
        screen.press(APP, "Close")
        assert proc.wait(timeout=10) == 0
    finally:
        end(proc)
    (event,) = history()["events"]
    assert (event["kind"], event["stretch"], event["feeling"]) == ("done", EXERCISE, "easy")
    proc, _ = _window(screen, tmp_path / "second.log")
    try:  # rated easy: the harder version now, and the window says why
        screen.wait_window(f"qlbreak \u2014 {standard.harder.name}")
        screen.wait_text(
            APP, "^The harder version: you found the usual one easy. The picture shows the usual version.$"
        )
    finally:
        end(proc)


def test_screenshots_of_an_exercise_at_its_set_and_its_rest(screen, shots):
    """For the README (QLBREAK_UPDATE_DOCS=1 writes them to docs/screenshots)."""

    def shoot(dialog, step: str) -> None:
        if step in ("set", "rest"):
            dialog._t0 -= 13 if step == "set" else 6  # a set at its fourth rep, a rest at 0:24
            dialog.render()
            dialog.root.update()
            wid = int(dialog.root.wm_frame(), 16)
            screen.screenshot(shots / f"exercise-{step}-{dialog.palette.name}.png", wid)

    for theme in ("light", "dark"):
        walk_exercise(screen.display, "hip-hitch", theme, shoot)


def test_an_exercise_that_hurt_is_left_out_and_said_to_be_an_exercise(screen, tmp_path):
    proc, name = _window(screen, tmp_path / "hurt.log", sets=1, reps=2, hold_seconds=3)
    try:
        screen.wait_window(f"qlbreak \u2014 {name}")
        screen.press(APP, "Start")
        screen.press(APP, "I'm ready")
        screen.wait_text(APP, "^Easy: harder next time. Too hard: easier next time. It hurt: left out", timeout=15)
        screen.press(APP, "It hurt")
        screen.wait_text(APP, "^An exercise should feel like effort, never pain.")
        texts = screen.texts(APP)
        assert (
            "qlbreak will leave this exercise out for the next 14 days, then bring it back as its easier version."
            in texts
        )
        assert not any("stretch" in t for t in texts if "14 days" in t or "never pain" in t), texts
        screen.press(APP, "Close")
        assert proc.wait(timeout=10) == 0
    finally:
        end(proc)
    (event,) = history()["events"]
    assert (event["kind"], event["feeling"]) == ("done", "hurt")
