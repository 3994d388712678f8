"""Every window in German, for the README's German section (``shots``/de/: CI keeps
them as artifacts, QLBREAK_UPDATE_DOCS=1 writes docs/screenshots/de/). The stretch
window and an exercise are walked in this process (their steps pressed, no timer
waited on); every other window is its own process, as the tray or the CLI starts it,
told German by LANGUAGE=de or by its spec's language."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.reminder import falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.session import Feeling, Phase
from qlbreak.core.tray_view import View, menu, title
from qlbreak.core.words import _, using
from qlbreak.language.catalogues import load as load_language
from qlbreak.storage import config
from qlbreak.storage.history import History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import translated
from qlbreak.stretches.catalogue import Stretch, load
from qlbreak.ui import spec as ui_spec
from qlbreak.ui.dialog import Dialog
from tests.gui.conftest import APP, ROOT
from tests.gui.exercise_walk import check_layout, open_window
from tests.gui.screen import Screen, end, wait_until
from tests.progress_history import four_weeks

GERMAN = load_language("de")
CATALOGUE = load()
NOW = datetime(2026, 12, 3, 11, 0, tzinfo=ZoneInfo("Europe/Berlin"))
LUNCH = Occurrence(datetime(2026, 12, 3, 12, 30, tzinfo=NOW.tzinfo), "lunch", date(2026, 12, 3))
MORNING = Occurrence(datetime(2026, 12, 4, 9, 30, tzinfo=NOW.tzinfo), "morning", date(2026, 12, 4))


def german(msgid: str) -> str:
    with using(GERMAN):
        return _(msgid)


def german_stretch(stretch_id: str) -> Stretch:
    stretch = CATALOGUE.get(stretch_id)
    assert stretch is not None, stretch_id
    with using(GERMAN):
        return translated.stretch(stretch)


@pytest.fixture
def de(shots: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The screenshots' folder; every process started from here on speaks German."""
    assert GERMAN.code == "de", "the German catalogue is not compiled (python -m qlbreak.language.compile)"
    monkeypatch.setenv("LANGUAGE", "de")
    folder = shots / "de"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Child:
    """One window process on the test screen, ended when the test ends."""

    def __init__(self, screen: Screen, argv: list[str], log: Path) -> None:
        self.screen = screen
        with log.open("wb") as out:
            self.proc = subprocess.Popen(
                argv, env={**screen.env, "PYTHONDONTWRITEBYTECODE": "1"}, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT
            )

    def shoot(self, app: str, title: str, path: Path) -> int:
        """Wait for the window, let it paint, and save it."""
        wid = self.screen.wait_window(title)
        wait_until(lambda: self.screen.texts(app), 10, f"{app}'s words")
        self.screen.send(app, "update")
        self.screen.screenshot(path, wid)
        return wid


Start = Callable[..., Child]


@pytest.fixture
def child(screen: Screen, tmp_path: Path) -> Iterator[Callable[..., Child]]:
    started: list[Child] = []

    def start(*argv: str) -> Child:
        c = Child(screen, list(argv), tmp_path / f"child-{len(started)}.log")
        started.append(c)
        return c

    yield start
    for c in started:
        end(c.proc)


def _qlbreak(*args: str) -> list[str]:
    return [sys.executable, "-m", "qlbreak", *args]


def _spec_window(window: str, spec: dict[str, object]) -> list[str]:
    with using(GERMAN):
        return ui_spec.command(window, spec)


# -- the stretch window and an exercise, in this process ------------------------------


def _phase(dialog: Dialog) -> Phase:
    """The step the window is at (read afresh: a press moves it on)."""
    return dialog.walk.session.phase


def _shoot(screen: Screen, dialog: Dialog, path: Path) -> None:
    check_layout(dialog)  # nothing cut, past an edge or on top of another
    dialog.root.update()
    screen.screenshot(path, int(dialog.root.wm_frame(), 16))


def test_the_stretch_window_in_german(screen: Screen, de: Path) -> None:
    with using(GERMAN):
        dialog = open_window(screen.display, german_stretch("seated-side-bend"), "light")
        walk = dialog.walk
        try:
            _shoot(screen, dialog, de / "stretch-1-intro.png")
            dialog.press(walk.next)
            _shoot(screen, dialog, de / "stretch-2-position.png")
            dialog.press(walk.next)
            assert _phase(dialog) is Phase.HOLD
            dialog._t0 -= 11  # the ring a third of the way round
            dialog.render()
            _shoot(screen, dialog, de / "stretch-3-hold.png")
            dialog._t0 -= 19.5  # the hold runs out by itself, held in full (half a second past: no rounding edge)
            dialog.press(walk.tick)
            assert _phase(dialog) is Phase.SWITCH, walk.session
            _shoot(screen, dialog, de / "stretch-4-switch.png")
            while _phase(dialog) is not Phase.FEEDBACK:  # the switch and the other side, in full
                dialog.press(lambda now: walk.tick(now + 1000))
            _shoot(screen, dialog, de / "stretch-5-feedback.png")
            dialog.feel(Feeling.BETTER)
            _shoot(screen, dialog, de / "stretch-6-done.png")
        finally:
            dialog.root.destroy()


def test_an_exercise_in_german(screen: Screen, de: Path) -> None:
    with using(GERMAN):
        dialog = open_window(screen.display, german_stretch("hip-hitch"), "light")
        walk = dialog.walk
        try:
            dialog.press(walk.next)
            dialog.press(walk.next)  # set 1
            while _phase(dialog) is not Phase.REST:
                dialog.press(walk.next)
            dialog._t0 -= 6  # a rest at 0:24
            dialog.render()
            _shoot(screen, dialog, de / "exercise-rest.png")
            dialog.press(walk.next)  # set 2
            dialog._t0 -= 13  # at its fourth rep
            dialog.render()
            _shoot(screen, dialog, de / "exercise-set.png")
        finally:
            dialog.root.destroy()


# -- windows of their own ---------------------------------------------------------------


def test_the_check_in_and_the_warning_signs_in_german(screen: Screen, de: Path, child: Start) -> None:
    safety = default_paths().safety_file
    safety.parent.mkdir(parents=True, exist_ok=True)
    safety.write_text("2026-11-25T09:00:00+00:00\n")
    c = child(*_qlbreak("stretch", "seated-side-bend"))
    wid = screen.wait_window(german("qlbreak — Check-in"))
    for path in (".checkin.scale.p4", ".checkin.sides.left", ".checkin.leg.leg_yes"):
        screen.send(APP, path, "invoke")
    c.shoot(APP, german("qlbreak — Check-in"), de / "checkin.png")
    screen.key(wid, "Return")  # Go on: a leg's symptoms bring the warning signs
    c.shoot(APP, german("qlbreak — Before you stretch"), de / "warning-signs.png")


def test_the_safety_notice_in_german(screen: Screen, de: Path, child: Start) -> None:
    c = child(*_qlbreak("safety"))
    c.shoot(APP, german("qlbreak — Safety"), de / "safety.png")


def _cut_short(screen: Screen, paths: list[str]) -> list[str]:
    """Which of the settings window's labels show fewer words than they have: wider
    than the room they were given (their end is cut off, not wrapped)."""
    assert paths
    test = "{expr {[winfo reqwidth $w] > [winfo width $w]}}"
    script = f"update idletasks; lmap w {{{' '.join(paths)}}} {test}"
    cut = screen.tk().tk.splitlist(screen.send("qlbreak-settings", script))
    return [screen.send("qlbreak-settings", p, "cget", "-text") for p, c in zip(paths, cut, strict=True) if c == "1"]


def test_the_welcome_and_every_settings_page_in_german(screen: Screen, de: Path, child: Start) -> None:
    c = child(*_qlbreak("settings", "--welcome"))
    c.shoot("qlbreak-welcome", german("qlbreak \u2014 Welcome"), de / "welcome.png")
    # the welcome's last line (under its button) inside the window: German's is longer
    last = "update idletasks; expr {[winfo rooty .welcome] + [winfo reqheight .welcome]"
    last += " <= [winfo rooty .] + [winfo height .]}"
    assert screen.send("qlbreak-welcome", last) == "1"
    start = wait_until(lambda: screen.send("qlbreak-welcome", "focus"), 15, "the focus on Start")
    assert start.endswith(".start"), start
    screen.send("qlbreak-welcome", start, "invoke")  # the presets, written with the file's names
    assert c.proc.wait(timeout=10) == 0
    saved = config.load(default_paths().config_file, CATALOGUE.ids).config.plan.reminders
    assert [r.name for r in saved] == ["morning", "lunch"]
    c = child(*_qlbreak("settings"))
    settings = german("qlbreak \u2014 Settings")
    c.shoot("qlbreak-settings", settings, de / "settings-reminders.png")
    tabs = dict(screen.widgets("qlbreak-settings"))
    for page in ("stretches", "programme", "general"):
        (path,) = [p for p in tabs if p.endswith(f".{page}")]
        screen.send("qlbreak-settings", path, "invoke")
        c.shoot("qlbreak-settings", settings, de / f"settings-{page}.png")
        if page == "stretches":
            assert _cut_short(screen, [p for p in tabs if ".stretchlist." in p and p.endswith(".why")]) == []
    assert german("Language") in screen.texts("qlbreak-settings")
    # the General page's last words (the settings file's path and the note) inside the window
    # (a new user's General page, taller in German, had them cut off below the buttons)
    below = "update idletasks; list [winfo ismapped {w}] [expr {{[winfo rooty {w}] + [winfo height {w}]}}]"
    below += " [expr {{[winfo rooty .] + [winfo height .]}}]"
    mapped, bottom, window = screen.tk().tk.splitlist(
        screen.send("qlbreak-settings", below.format(w=".settings.body.generalpage.path"))
    )
    assert mapped == "1" and int(bottom) <= int(window), (mapped, bottom, window)
    # the presets' names in German ("morning" is the file's word for Vormittag), saved as the file has them
    rows = ".settings.body.reminderspage.reminders"
    shown = [screen.send("qlbreak-settings", f"{rows}.row{n}.name", "get") for n in (1, 2)]
    assert shown == [german("morning"), german("lunch")] != ["morning", "lunch"], shown
    (save,) = [p for p, t in screen.widgets("qlbreak-settings") if t == german("Save")]
    screen.send("qlbreak-settings", save, "invoke")
    assert c.proc.wait(timeout=10) == 0
    saved = config.load(default_paths().config_file, CATALOGUE.ids).config.plan.reminders
    assert [r.name for r in saved] == ["morning", "lunch"]


def test_progress_in_german(screen: Screen, de: Path, child: Start, tmp_path: Path) -> None:
    db = tmp_path / "history.db"
    history = History.open(db, datetime.now(UTC))
    for e in four_weeks(datetime.now(UTC)):
        history.record(e)
    history.close()
    names = {i: german_stretch(i).name for i in ("cat-cow", "knee-to-chest", "seated-twist")}
    names["pelvic-tilt"] = "Beckenkippen"
    spec: dict[str, object] = {
        "history": str(db),
        "theme": "light",
        "timezone": "UTC",
        "names": names,
        "workdays": [0, 1, 2, 3, 4],
    }
    c = child(*_spec_window("progress", spec))
    wid = screen.wait_window(german("qlbreak \u2014 Progress"))

    def drawn() -> bool:
        kids = screen.tk().tk.splitlist(screen.send("qlbreak-progress", "winfo", "children", ".progress.charts"))
        return any(screen.send("qlbreak-progress", "winfo", "class", k) == "Canvas" for k in kids)

    wait_until(drawn, 30, "the charts to be drawn")
    screen.send("qlbreak-progress", "update")
    screen.screenshot(de / "progress.png", wid)
    assert c.proc.poll() is None


def test_the_reminder_the_menu_and_the_tooltip_in_german(screen: Screen, de: Path, child: Start) -> None:
    stretch = german_stretch("seated-side-bend")
    with using(GERMAN):
        due = falls_due(LUNCH, stretch.id, stretch.name, timedelta(minutes=30))
        entries = menu(View(NOW, MORNING, reminder=due, done_today=1, due_today=2, streak=4, autostart=True))
        tooltip = title(View(NOW, LUNCH, done_today=1, due_today=2))
    prompt = ui_spec.prompt(stretch.name, stretch.summary, 10, 60, "light", None)
    c = child(*_spec_window("prompt", prompt))
    c.shoot("qlbreak-prompt", german("qlbreak \u2014 Time for a stretch"), de / "reminder.png")
    end(c.proc)
    c = child(*_spec_window("menu", ui_spec.menu(entries, 1200, 20, "light")))
    c.shoot("qlbreak-menu", german("qlbreak \u2014 menu"), de / "tray-menu.png")
    end(c.proc)
    c = child(*_spec_window("tooltip", ui_spec.tooltip(tooltip, "light", (1240, 0, 24, 24))))
    c.shoot("qlbreak-tooltip", german("qlbreak \u2014 tooltip"), de / "tooltip.png")
    assert tooltip == "qlbreak \u2014 " + german("next: {reminder} at {time}").format(
        reminder=german("lunch"), time="12:30"
    ), tooltip
