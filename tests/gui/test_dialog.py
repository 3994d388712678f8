"""The stretch window on a real X server, driven by real clicks and keys."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

import pytest

from qlbreak.storage.config import Config
from qlbreak.storage.history import History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from tests.gui.conftest import APP, history
from tests.gui.screen import Screen, end, wait_until

CATALOGUE = load()


def _fully_shown(screen: Screen, path: str) -> None:
    """``path`` is on screen, not squeezed, and above its window's bottom edge."""
    script = (
        f"update idletasks; list [winfo ismapped {path}] [winfo height {path}] [winfo reqheight {path}]"
        f" [expr {{[winfo rooty {path}] + [winfo height {path}]}}] [expr {{[winfo rooty .] + [winfo height .]}}]"
    )
    mapped, height, wanted, low, bottom = (int(n) for n in screen.tk().tk.splitlist(screen.send(APP, script)))
    assert mapped and height >= wanted and low <= bottom, f"{path}: {height} of {wanted} px, ends {low} of {bottom}"


def test_two_sided_hold_every_screen(screen, open_dialog, shots):
    # --speed 2: the switch, waited for as it runs out by itself, lasts 2.5 s (0.5 s at
    # --speed 10 could pass unseen on a busy machine); the holds are skipped, not waited.
    d = open_dialog("seated-side-bend", "--speed", "2")
    wid = d.window("qlbreak — Seated side bend")
    screen.wait_text(APP, "^Works: the side of the lower back")
    screen.screenshot(shots / "two-sided-1-intro.png", wid)

    screen.press(APP, "Start")
    screen.wait_text(APP, "^Get into position$")
    screen.screenshot(shots / "two-sided-2-position.png", wid)

    screen.key(wid, "Return")  # "I'm ready" has the focus
    screen.wait_text(APP, "^Left side: left arm up, lean to the right$")
    assert "Space pause · → skip · Esc stop" in screen.texts(APP)
    screen.key(wid, "space")
    screen.wait_text(APP, "^Resume$")
    assert "Space resume · → skip · Esc stop" in screen.texts(APP)  # what Space does now
    screen.screenshot(shots / "two-sided-3-hold-left-paused.png", wid)
    screen.key(wid, "space")
    screen.wait_text(APP, "^Pause$")
    assert "Space pause · → skip · Esc stop" in screen.texts(APP)

    screen.key(wid, "Right")
    screen.wait_text(APP, "^Switch sides$")
    screen.screenshot(shots / "two-sided-4-switch.png", wid)
    screen.wait_text(APP, "^Right side: right arm up, lean to the left$")  # the switch runs out by itself
    screen.screenshot(shots / "two-sided-5-hold-right.png", wid)

    screen.wait_text(APP, "^0:(1[0-9]|2[0-8])$")  # held two seconds or more, then cut short
    screen.press(APP, "Skip")
    screen.wait_text(APP, "^How did that feel\\?$")
    screen.screenshot(shots / "two-sided-6-feedback.png", wid)
    screen.press(APP, "Better")
    screen.wait_text(APP, "^Part of a stretch still does your back good")  # the right side was cut short
    screen.screenshot(shots / "two-sided-7-done.png", wid)
    screen.key(wid, "Return")  # Close
    assert d.exited() == 0
    events = history()["events"]
    assert [(e["kind"], e["stretch"], e["feeling"]) for e in events] == [("partial", "seated-side-bend", "better")]
    assert 0 < events[0]["seconds"] < 60


def test_a_demo_leaves_no_trace_even_when_it_hurt(screen, open_dialog):
    d = open_dialog("cat-cow", "--demo", "--speed", "20")
    wid = d.window("qlbreak — Cat-cow")
    screen.wait_text(APP, "^Start$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Right")
    screen.wait_text(APP, "^How did that feel\\?$", timeout=20)
    screen.key(wid, "4")  # It hurt
    screen.wait_text(APP, "^A try-out saves nothing: qlbreak will still offer this stretch")  # no rest promised
    screen.key(wid, "Escape")
    assert d.exited() == 0
    assert history()["events"] == []  # no record, so no rest for cat-cow and nothing for today


def test_rep_based_stretch_counts_reps_and_it_hurt_shows_the_warning_signs(screen, open_dialog, shots):
    d = open_dialog("cat-cow", "--speed", "8")
    wid = d.window("qlbreak — Cat-cow")
    screen.wait_text(APP, "^Start$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Right")  # skip the step
    # A rep lasts 0.75 s here: the first one seen, then a later one (never a given one,
    # which a busy machine could let pass unseen).
    first = int(screen.wait_text(APP, "^Rep [0-9]+ of 10 · breathe (out|in)$").split()[1])
    screen.screenshot(shots / "reps-1-hold.png", wid)
    screen.wait_text(APP, f"^Rep ({'|'.join(str(n) for n in range(first + 1, 11))}) of 10")
    screen.wait_text(APP, "^How did that feel\\?$", timeout=20)
    screen.key(wid, "4")  # It hurt
    screen.wait_text(APP, "If it hurts, stop")
    screen.wait_text(APP, "new pain in both legs")
    screen.wait_text(APP, "^qlbreak will leave this stretch out for the next 14 days.$")
    screen.screenshot(shots / "reps-2-it-hurt.png", wid)
    screen.key(wid, "Escape")
    assert d.exited() == 0
    (event,) = history()["events"]
    assert (event["kind"], event["feeling"]) == ("done", "hurt")


def test_the_walk_counts_minutes_and_escape_is_recorded_as_skipped(screen, open_dialog, shots):
    d = open_dialog("gentle-walk")
    wid = d.window("qlbreak — Gentle walk")
    screen.wait_text(APP, "4 minutes")
    screen.press(APP, "Start")
    screen.press(APP, "I'm ready")  # once the next screen shows it
    screen.wait_text(APP, "^Walk at an easy pace$")
    screen.wait_text(APP, "^[34]:[0-5][0-9]$")
    screen.screenshot(shots / "walk-1-hold.png", wid)
    screen.key(wid, "Escape")
    assert d.exited() == 0
    assert [e["kind"] for e in history()["events"]] == ["skipped"]


def test_another_one_then_not_now(screen, open_dialog, shots):
    d = open_dialog("seated-twist")
    d.window("qlbreak — Seated twist")
    screen.press(APP, "Another one")

    def new_title() -> str | None:
        title = screen.send(APP, "wm", "title", ".")
        return title if title != "qlbreak — Seated twist" else None

    wid = screen.wait_window(wait_until(new_title, 10, "a different stretch"))
    screen.screenshot(shots / "another-1.png", wid)
    screen.press(APP, "Not now")
    assert d.exited() == 0
    # The first was declined; the second only looked at, not skipped (nothing recorded).
    kinds = [(e["kind"], e["stretch"] == "seated-twist") for e in history()["events"]]
    assert kinds == [("switched", True)]


def test_opened_and_closed_before_the_first_hold_is_not_a_skip(screen, open_dialog):
    """Not now on the first screen, Escape on "Get into position": nothing recorded, so
    `qlbreak history` shows nothing and the picker may offer it again."""
    d = open_dialog("seated-twist")
    d.window("qlbreak — Seated twist")
    screen.press(APP, "Not now")
    assert d.exited() == 0
    d = open_dialog("seated-twist")
    wid = d.window("qlbreak — Seated twist")
    screen.press(APP, "Start")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Escape")
    assert d.exited() == 0
    assert history()["events"] == []


def test_safety_comes_first_and_is_remembered(screen, open_dialog, shots):
    first = open_dialog("seated-twist", safety_done=False)
    wid = first.window("qlbreak — Safety")
    screen.wait_text(APP, "not medical advice")
    assert "Before your first stretch" in screen.texts(APP)
    _fully_shown(screen, ".firstrun.accept")  # the notice is longer than the window was
    screen.screenshot(shots / "safety-1-first-run.png", wid)
    screen.key(wid, "Escape")  # closed without "I understand"
    assert first.exited() == 0
    assert not default_paths().safety_file.exists()
    assert history()["events"] == []

    again = open_dialog("seated-twist", safety_done=False)
    wid = again.window("qlbreak — Safety")
    screen.key(wid, "Return")  # "I understand" holds the focus
    again.window("qlbreak — Seated twist")
    assert default_paths().safety_file.exists()
    screen.press(APP, "Safety")  # the link reopens the notice
    link = screen.wait_window("qlbreak — Safety")
    screen.screenshot(shots / "safety-2-link.png", link)
    screen.key(link, "Escape")
    wait_until(lambda: not screen.windows("qlbreak — Safety"), 5, "the notice to close")


def test_safety_from_the_menu_is_not_headed_as_the_first_run(screen, shots, tmp_path):
    """`qlbreak safety` (the tray's Safety item) may come after many stretches."""
    import subprocess
    import sys

    from tests.gui.conftest import ROOT

    with (tmp_path / "safety.log").open("wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "qlbreak", "safety"], env=screen.env, stdout=log, stderr=log, cwd=ROOT
        )
    try:
        wid = screen.wait_window("qlbreak — Safety")
        screen.wait_text(APP, "not medical advice")
        texts = screen.texts(APP)
        assert "Stretch safely" in texts and "Before your first stretch" not in texts, texts
        _fully_shown(screen, ".firstrun.accept")
        screen.screenshot(shots / "safety-3-from-the-menu.png", wid)
        screen.key(wid, "Return")  # I understand
        assert proc.wait(timeout=10) == 0
    finally:
        end(proc)


@pytest.mark.parametrize("stretch", [s.id for s in CATALOGUE])
def test_every_stretch_opens_with_its_illustration(screen, open_dialog, shots, stretch):
    s = CATALOGUE.get(stretch).for_equipment(Config().prefs.equipment)  # as the default settings show it
    d = open_dialog(stretch)
    wid = d.window(f"qlbreak — {s.name}")
    image = wait_until(lambda: screen.send(APP, ".walk.illustration", "cget", "-image"), 10, "the illustration")
    assert int(screen.send(APP, "image", "width", image)) >= 300
    assert int(screen.send(APP, "image", "height", image)) >= 200
    screen.screenshot(shots / f"stretch-{stretch}.png", wid)
    screen.key(wid, "Escape")
    assert d.exited() == 0


def test_dark_theme(screen, open_dialog, shots, private_home, monkeypatch):
    config = private_home / "dark.toml"
    config.write_text('[dialog]\ntheme = "dark"\n')
    monkeypatch.setenv("QLBREAK_CONFIG", str(config))
    d = open_dialog("standing-side-bend")
    wid = d.window("qlbreak — Standing side reach")
    assert screen.send(APP, ".walk", "cget", "-background").upper() == "#23262B"
    screen.screenshot(shots / "dark-intro.png", wid)
    screen.key(wid, "Escape")
    assert d.exited() == 0


def test_at_200_percent_the_window_and_its_picture_are_twice_the_size(hidpi_screen, private_home, shots, tmp_path):
    from tests.gui.conftest import Dialog

    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("accepted\n")
    d = Dialog(hidpi_screen, ["seated-side-bend"], tmp_path / "hidpi.log")
    try:
        wid = d.window("qlbreak — Seated side bend")
        image = wait_until(lambda: hidpi_screen.send(APP, ".walk.illustration", "cget", "-image"), 10, "the picture")
        assert int(hidpi_screen.send(APP, "image", "width", image)) == 720
        _, _, width, height = hidpi_screen.geometry(wid)
        assert width >= 800 and height >= 1000
        hidpi_screen.screenshot(shots / "hidpi-intro.png", wid)
    finally:
        d.stop()


def test_a_busy_history_loses_no_finished_stretch_and_shows_no_traceback(screen, open_dialog, shots, tmp_path):
    """Another program holds the history while the stretch ends: the window says it
    saves it later, and the record arrives once the history is free (the window hands
    it to `qlbreak stretch`, which waits for the history)."""
    path = default_paths().history_db
    History.open(path, datetime.now(UTC)).close()
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("PRAGMA locking_mode=EXCLUSIVE")
    other.execute("BEGIN EXCLUSIVE")
    other.execute("COMMIT")  # held from now on
    d = open_dialog("seated-twist", "--speed", "50")
    wid = d.window("qlbreak — Seated twist")
    screen.press(APP, "Start")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^How did that feel\\?$", timeout=20)
    screen.press(APP, "Same")
    screen.wait_text(APP, "^Your history is busy right now", timeout=10)
    screen.screenshot(shots / "done-history-busy.png", wid)
    other.close()
    screen.key(wid, "Return")  # Close
    assert d.exited(timeout=40) == 0
    log = d.log.read_text()
    assert "Traceback" not in log and "not recorded" not in log
    assert [(e["kind"], e["feeling"]) for e in history()["events"]] == [("done", "same")]


def test_the_ball_release_warns_first_offers_its_range_and_names_each_side(screen, open_dialog, shots):
    d = open_dialog("ql-ball-release", "--demo", "--speed", "30")
    wid = d.window("qlbreak — Ball release, lying")
    screen.wait_text(APP, "^Not with sudden, severe back pain")
    screen.wait_text(APP, "^Once a day for two weeks")
    assert "Position: lying · 90 seconds each side" in screen.texts(APP)
    screen.press(APP, "2:00")
    screen.wait_text(APP, "^Position: lying · 2 minutes each side$")
    screen.screenshot(shots / "ball-release-intro.png", wid)
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Get into position$")
    screen.key(wid, "Return")
    screen.wait_text(APP, "^Left side: the ball under the left side of your low back")
    # Held 2:00 like the walk, but no walk: the line under the countdown says nothing of walking.
    shown = dict(screen.widgets(APP))
    rep = next(path for path in shown if path.endswith(".rep"))
    assert shown[rep] == "" and "Walk at an easy pace" not in shown.values()
    screen.key(wid, "Escape")
    assert d.exited() == 0


def test_a_window_started_ahead_is_unseen_until_told_its_stretch(screen, shots, tmp_path):
    """The tray starts one when the pointer comes onto its icon (``ui/warm.py``)."""
    import json
    import subprocess
    import time

    from qlbreak.storage.config import Config
    from qlbreak.ui import spec

    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("2026-11-25T09:00:00+00:00\n")
    argv = spec.command("warm-stretch", {})
    apps = set(screen.tk().tk.splitlist(screen.tk().tk.call("winfo", "interps")))
    warm = subprocess.Popen(argv, env=screen.env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        # Loaded and waiting: its Tk (made after its imports, before it reads the spec)
        # is on the display.
        wait_until(
            lambda: set(screen.tk().tk.splitlist(screen.tk().tk.call("winfo", "interps"))) - apps, 30, "the warm Tk"
        )
        assert screen.windows("qlbreak — Cat-cow") == [] and warm.poll() is None
        told = spec.stretch(CATALOGUE.get("cat-cow"), Config(checkin=False), default_paths(), "light")
        assert warm.stdin is not None
        warm.stdin.write(json.dumps(told).encode() + b"\n")
        warm.stdin.flush()
        started = time.monotonic()
        wid = screen.wait_window("qlbreak — Cat-cow", 10)
        shown_in = time.monotonic() - started
        screen.screenshot(shots / "dialog-started-ahead.png", wid)
        assert "Cat-cow" in screen.texts(APP)
        assert shown_in < 2.0
    finally:
        warm.terminate()
        warm.communicate(timeout=10)  # and its pipes closed


def test_a_window_started_ahead_ends_quietly_when_not_needed_or_told_wrongly(screen):
    import subprocess

    from qlbreak.ui import spec

    argv = spec.command("warm-stretch", {})
    unused = subprocess.run(argv, env=screen.env, input="\n", capture_output=True, text=True, timeout=30, check=False)
    assert (unused.returncode, unused.stdout, unused.stderr) == (0, "", "")
    wrong = subprocess.run(
        argv, env=screen.env, input='{"nothing": 1}\n', capture_output=True, text=True, timeout=30, check=False
    )
    assert wrong.returncode == 2 and wrong.stdout == ""
    assert wrong.stderr.startswith("qlbreak: the stretch window was told wrongly: missing ")
    assert len(wrong.stderr.strip().splitlines()) == 1


def test_another_one_offers_the_whole_rotation_in_turn(screen, open_dialog):
    """Twelve clicks on "Another one" under the default settings: every title is a
    stretch in the rotation, each one comes before any repeats, and the window never
    says that nothing else fits."""
    from qlbreak.core.picker import Preferences, allowed

    prefs = Preferences()
    rotation = {s.for_equipment(prefs.equipment).name: s.id for s in CATALOGUE if allowed(s.candidate, prefs)}
    assert len(rotation) > 2
    d = open_dialog()
    screen.wait_text(APP, "^Another one$")
    title = screen.send(APP, "wm", "title", ".")
    seen = [rotation[title.removeprefix("qlbreak — ")]]
    for _ in range(12):
        before = title
        screen.press(APP, "Another one")

        def changed(before: str = before) -> str | None:
            now = screen.send(APP, "wm", "title", ".")
            if any("No other stretch" in t or "only stretch" in t for t in screen.texts(APP)):
                return "told: no other stretch"
            return now if now != before else None

        title = wait_until(changed, 10, "another stretch")
        assert title.startswith("qlbreak — "), f"{title} after {len(seen) - 1} clicks: {seen}"
        seen.append(rotation[title.removeprefix("qlbreak — ")])
    first_repeat = next(i for i, s in enumerate(seen) if s in seen[:i])
    assert set(seen[:first_repeat]) == set(rotation.values()), seen
    assert seen[first_repeat] == seen[0], seen  # round again from the first
    screen.press(APP, "Not now")
    assert d.exited() == 0


def test_another_one_when_only_one_fits_says_so_once_and_greys_out(screen, open_dialog, shots):
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    others = sorted(CATALOGUE.ids - {"seated-twist"})
    config.write_text("[stretches]\navoid = [" + ", ".join(f'"{i}"' for i in others) + "]\n")
    d = open_dialog("seated-twist")
    wid = d.window("qlbreak — Seated twist")
    screen.press(APP, "Another one")
    screen.wait_text(APP, "^This is the only stretch that fits your settings$")
    screen.send(APP, "update")  # painted before the picture is taken
    screen.screenshot(shots / "another-only-one.png", wid)
    assert screen.send(APP, ".walk.buttons.another_one", "cget", "-state") == "disabled"
    assert screen.send(APP, "wm", "title", ".") == "qlbreak — Seated twist"
    screen.press(APP, "Start")  # the next screen keeps it grey, and says nothing more
    screen.wait_text(APP, "^Get into position$")
    assert screen.send(APP, ".walk.buttons.another_one", "cget", "-state") == "disabled"
    assert not any("only stretch" in t for t in screen.texts(APP))
    screen.key(wid, "Escape")  # closed before the first hold: nothing recorded
    assert d.exited() == 0
    assert history()["events"] == []
