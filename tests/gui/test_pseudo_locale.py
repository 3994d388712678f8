"""Every window in the pseudo-locale (issue 25): each line a person can see must be one
whole marked string (``tests/pseudo.py``), so nothing is left untranslated and nothing
is glued from pieces a translator could not reorder. User data is exempt by widget
(what an entry holds: the config's path, a reminder's name). The stretch window is
walked in this process (every step of every stretch); the other windows run as the
tray starts them, and are read through Tk's send. Screenshots: pseudo-*.png."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from qlbreak.core import tray_view
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import BALL_RELEASE, Mark
from qlbreak.core.reminder import headline
from qlbreak.core.words import Words, _, using
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import translated
from qlbreak.ui import spec as ui_spec
from qlbreak.ui.checkin import NO_RATING
from qlbreak.ui.offer import ASK
from qlbreak.ui.progress import APPNAME as PROGRESS
from qlbreak.ui.progress import DRAWING
from tests import pseudo
from tests.gui import language_walk
from tests.gui.conftest import APP, ROOT
from tests.gui.language_walk import walk_in
from tests.gui.pseudo_windows import (
    CATALOGUE,
    MISTAKES,
    Findings,
    a_programme_under_way,
    by_id,
    frame_of,
    say,
    seen,
    tray_views,
    up,
)
from tests.gui.screen import Screen, end, wait_until
from tests.gui.test_offer import stretched_for_weeks
from tests.progress_history import four_weeks


@pytest.fixture(scope="module")
def words() -> Words:
    return pseudo.words()


@pytest.fixture
def pseudo_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """Windows started from here (``screen.env`` copies this process's) speak the pseudo-locale."""
    for key, value in pseudo.env().items():
        monkeypatch.setenv(key, value)


@pytest.fixture
def child(screen: Screen, pseudo_env: None, words: Words, tmp_path: Path) -> Iterator[Callable[..., None]]:
    """Start a window as the tray does, in the pseudo-locale, and wait for it."""
    started: list[subprocess.Popen[bytes]] = []

    def start(kind: str, spec: dict[str, object], app: str) -> None:
        with using(words):
            argv = ui_spec.command(kind, spec)
        with (tmp_path / f"{kind}.log").open("wb") as log:
            started.append(subprocess.Popen(argv, env=screen.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT))
        up(screen, app)

    yield start
    for proc in started:
        end(proc)


def test_every_step_of_every_stretch_is_marked_whole(
    screen: Screen, words: Words, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The marks make each string wider than any language would: the layout is checked
    # in German (test_every_step_german.py), the words here.
    monkeypatch.setattr(language_walk, "check_layout", lambda _dialog: [])
    found = Findings()
    for stretch in CATALOGUE:
        walk_in(words, screen.display, stretch, "light", found.look)
        for level in ("easier", "harder") if stretch.easier or stretch.harder else ():  # an exercise's other levels
            walk_in(words, screen.display, stretch.at_level(level), "light", found.look)
    walk_in(words, screen.display, by_id("seated-side-bend"), "light", found.look, hurt=True)
    found.check()
    assert found.looked > 200


def test_the_first_run_safety_screen_and_the_check_in(
    screen: Screen, open_dialog: Callable[..., Any], pseudo_env: None, words: Words, shots: Path
) -> None:
    found = Findings()
    open_dialog("seated-side-bend", safety_done=False, checkin=True)
    wait_until(lambda: say(words, "I understand") in screen.texts(APP), 20, "the safety screen")
    found.look("first-run safety", seen(screen, APP))
    screen.screenshot(shots / "pseudo-safety.png", frame_of(screen, APP))
    screen.press(APP, say(words, "I understand"))
    wait_until(lambda: say(words, "How is your back today?") in screen.texts(APP), 10, "the check-in")
    found.look("check-in", seen(screen, APP))
    screen.press(APP, say(words, "Go on"))  # no rating yet: it says so
    screen.wait_text(APP, "^" + re.escape(say(words, NO_RATING)) + "$")
    found.look("check-in, no rating", seen(screen, APP))
    for answer in ("5", say(words, "Left"), say(words, "Yes"), say(words, "Go on")):  # a leg: the warning signs
        screen.press(APP, answer)
    screen.wait_text(APP, "^" + re.escape(say(words, "Go on gently")) + "$")
    found.look("check-in, the warning signs", seen(screen, APP))
    screen.screenshot(shots / "pseudo-warning-signs.png", frame_of(screen, APP))
    found.check()


def test_the_prompt_the_tray_menu_and_the_tooltip(
    screen: Screen, child: Callable[..., None], words: Words, shots: Path
) -> None:
    found = Findings()
    with using(words):
        shown = translated.stretch(by_id("seated-side-bend"))
        views = tray_views(datetime.now(UTC))
        # every state's entries in one menu, as each builds them (one window, not six)
        entries = [e for view in views for e in tray_view.menu(view)]
        tips = "\n".join(tray_view.title(view) for view in views)
        prompt = ui_spec.prompt(shown.name, shown.summary, 10, 60, "light", None)
        assert views[0].reminder is not None
        missed = headline(replace(views[0].reminder, catch_up=True))
        late = ui_spec.prompt(shown.name, shown.summary, 1, 60, "light", None, lead=missed)

    child("prompt", prompt, "qlbreak-prompt")
    found.look("prompt", seen(screen, "qlbreak-prompt"))
    screen.screenshot(shots / "pseudo-prompt.png", frame_of(screen, "qlbreak-prompt"))
    screen.send("qlbreak-prompt", "destroy", ".")
    child("prompt", late, "qlbreak-prompt")
    found.look("prompt, caught up", seen(screen, "qlbreak-prompt"))

    child("menu", ui_spec.menu(entries, 600, 400, "light"), "qlbreak-menu")
    found.look("tray menu", seen(screen, "qlbreak-menu"))

    child("tooltip", ui_spec.tooltip(tips, "light", None), "qlbreak-tooltip")
    found.look("tooltip", seen(screen, "qlbreak-tooltip"))
    found.check()


def test_the_safety_window_settings_and_the_welcome(
    screen: Screen, child: Callable[..., None], words: Words, shots: Path
) -> None:
    found = Findings()
    paths = default_paths()
    child("safety", ui_spec.safety("light", paths, "UTC"), APP)
    found.look("safety", seen(screen, APP))
    screen.send(APP, "destroy", ".")

    child("settings", ui_spec.settings("light", paths, True), "qlbreak-settings")
    tabs = [p for p, _t in screen.widgets("qlbreak-settings") if ".tabs." in p]
    assert len(tabs) == 4, tabs
    on = screen.send("qlbreak-settings", tabs[-1], "cget", "-bg")  # the first page's tab is lit
    for tab in tabs:
        screen.click_widget("qlbreak-settings", tab)

        def lit(tab: str = tab) -> bool:
            return screen.send("qlbreak-settings", tab, "cget", "-bg") == on

        wait_until(lit, 10, f"{tab} to show")
        found.look(f"settings {tab}", seen(screen, "qlbreak-settings"))
    screen.send("qlbreak-settings", "update")  # painted, before the screenshot reads the screen
    screen.screenshot(shots / "pseudo-settings.png", frame_of(screen, "qlbreak-settings"))

    child("welcome", ui_spec.settings("light", paths, True), "qlbreak-welcome")
    found.look("welcome", seen(screen, "qlbreak-welcome"))
    found.check()


def test_settings_and_the_welcome_with_every_note_a_hand_written_file_earns(
    screen: Screen, child: Callable[..., None], words: Words
) -> None:
    found = Findings()
    paths = default_paths()
    paths.config_file.parent.mkdir(parents=True, exist_ok=True)
    paths.config_file.write_text(MISTAKES)
    child("settings", ui_spec.settings("light", paths, False), "qlbreak-settings")
    for tab in [p for p, _t in screen.widgets("qlbreak-settings") if ".tabs." in p]:
        screen.send("qlbreak-settings", tab, "invoke")
        found.look(f"settings with mistakes {tab}", shown := seen(screen, "qlbreak-settings"))
        glued = [line for text in shown for line in text.splitlines() if line.endswith(pseudo.CLOSE + ".")]
        assert glued == [], f"a full stop glued after a translated sentence: {glued}"
    zone = say(words, "unknown time zone {name} (use an IANA name such as 'Europe/Berlin', or 'local')")
    assert zone.split("{name}")[0] in " ".join(shown), "the time zone's mistake in English"
    child("welcome", ui_spec.settings("light", paths, None), "qlbreak-welcome")
    shown = seen(screen, "qlbreak-welcome")
    found.look("welcome, again", shown)
    found.check()
    # a default reminder beyond the two fields is named in the language too, not as its id
    with using(words):
        lunch = _("{name} at {time}").format(name=_("lunch"), time="12:30")
    assert any(lunch in line for line in shown), shown


def test_progress_and_its_details(screen: Screen, child: Callable[..., None], words: Words, shots: Path) -> None:
    found = Findings()
    db = default_paths().history_db
    history = History.open(db, datetime.now(UTC))
    for event in four_weeks(datetime.now(UTC)):
        history.record(event)
    history.close()
    with using(words):
        names = {s.id: translated.stretch(s).name for s in CATALOGUE}
    spec = {"history": str(db), "theme": "light", "timezone": "UTC", "names": names, "workdays": [0, 1, 2, 3, 4]}
    child("progress", spec, PROGRESS)
    wait_until(lambda: say(words, DRAWING) not in screen.texts(PROGRESS), 30, "the charts")
    found.look("progress", seen(screen, PROGRESS))
    screen.screenshot(shots / "pseudo-progress.png", frame_of(screen, PROGRESS))
    screen.click_widget(PROGRESS, ".progress.buttons.details")
    wait_until(lambda: screen.send(PROGRESS, "winfo", "exists", ".details") == "1", 10, "the details")
    found.look("progress details", seen(screen, PROGRESS))
    found.check()


def test_the_strengthening_offer(
    screen: Screen, open_dialog: Callable[..., Any], pseudo_env: None, words: Words, shots: Path
) -> None:
    found = Findings()
    stretched_for_weeks(16)
    walk_to_the_end(screen, open_dialog, words, "standing-side-bend")
    screen.wait_text(APP, "^" + re.escape(say(words, ASK)[:40]))
    found.look("the offer", seen(screen, APP))
    screen.screenshot(shots / "pseudo-offer.png", frame_of(screen, APP))
    found.check()


def walk_to_the_end(screen: Screen, open_dialog: Callable[..., Any], words: Words, stretch: str) -> None:
    """``qlbreak stretch`` walked to its done screen in the pseudo-locale, "Better"."""
    open_dialog(stretch, "--speed", "120")
    screen.press(APP, say(words, "Start"), timeout=20)
    screen.wait_text(APP, "^" + re.escape(say(words, "Get into position")) + "$")
    screen.send(APP, "event", "generate", ".", "<Return>")
    screen.press(APP, say(words, "Better"), timeout=20)
    screen.wait_text(APP, "^" + re.escape(say(words, "Close")) + "$")


def test_a_programme_day_done(screen: Screen, open_dialog: Callable[..., Any], pseudo_env: None, words: Words) -> None:
    found = Findings()
    now = datetime.now(UTC)
    history = History.open(default_paths().history_db, now)
    history.record(Event(now - timedelta(days=3), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    history.record(Event(now - timedelta(days=2), Record.DONE, "ql-ball-wall-release"))
    history.close()
    walk_to_the_end(screen, open_dialog, words, "ql-ball-wall-release")
    wait_until(lambda: screen.send(APP, "winfo", "exists", ".walk.body.programme") == "1", 10, "the programme's day")
    found.look("done, a programme's day", seen(screen, APP))
    found.check()


def test_a_programme_under_way_in_settings_and_progress(
    screen: Screen, child: Callable[..., None], words: Words, shots: Path
) -> None:
    found = Findings()
    a_programme_under_way()
    paths = default_paths()
    child("settings", ui_spec.settings("light", paths, True), "qlbreak-settings")
    for tab in ("stretches", "programme"):
        screen.send("qlbreak-settings", f".settings.tabs.{tab}", "invoke")
        found.look(f"settings, {tab}", seen(screen, "qlbreak-settings"))
    ball = ".settings.body.programmepage.ballrelease"
    screen.send("qlbreak-settings", f"{ball}.buttons.stop", "invoke")  # asks first
    found.look("settings, programme: stop?", seen(screen, "qlbreak-settings"))
    where = screen.send("qlbreak-settings", f"{ball}.where", "cget", "-text")
    with using(words):
        name = _(BALL_RELEASE.name)
    assert name not in where, f"the programme's name again, under its name: {where}"
    with using(words):
        names = {s.id: translated.stretch(s).name for s in CATALOGUE}
    spec = {"history": str(paths.history_db), "theme": "light", "timezone": "UTC", "names": names, "workdays": []}
    child("progress", spec, PROGRESS)
    wait_until(lambda: say(words, DRAWING) not in screen.texts(PROGRESS), 30, "the charts")
    found.look("progress, a programme", seen(screen, PROGRESS))
    found.check()
