"""edges/children/launch.py: child windows are started from their spec and report how they
ended; ones the tray closed made no choice. Stand-in children (``python -c``) take the
windows' place, so no display is needed."""

from __future__ import annotations

import json
import queue
import subprocess
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.commands import ChildEnded
from qlbreak.core.kinds import Window
from qlbreak.core.reminder import falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.core.window_specs import MenuSpec, ProgressSpec, PromptSpec, SafetySpec, StretchSpec
from qlbreak.edges.children import launch as windows_module
from qlbreak.edges.children.launch import ChildWindows
from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from qlbreak.ui import spec

AT = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
DUE = falls_due(Occurrence(AT, "morning", AT.date()), "cat-cow", "Cat-cow", timedelta(minutes=30))


def windows(stand_in: str, monkeypatch: pytest.MonkeyPatch) -> tuple[ChildWindows, queue.Queue, list]:
    """Every window started runs ``stand_in`` instead; the specs they were given are kept."""
    ended: queue.Queue = queue.Queue()
    told: list = []

    def command(kind: str, window_spec: spec.Spec, python: str = sys.executable) -> list[str]:
        told.append((kind, json.loads(json.dumps(window_spec))))
        return [sys.executable, "-c", stand_in]

    monkeypatch.setattr(windows_module.ui_spec, "command", command)
    return ChildWindows(Config(), load(), default_paths(), ended.put), ended, told


def test_a_prompt_is_told_its_reminder_and_reports_the_choice_it_answered(monkeypatch):
    w, ended, told = windows("print('snooze')", monkeypatch)
    w.open(Window.PROMPT, PromptSpec(DUE, 10, 60))
    said = ended.get(timeout=20)
    assert said == ChildEnded(Window.PROMPT, "snooze") and said.kind is Window.PROMPT  # typed, not a look-alike
    kind, prompt = told[0]
    assert kind == "prompt" and prompt["name"] == "Cat-cow" and prompt["snooze"] == 10
    assert set(prompt) >= set(spec.WINDOWS["prompt"][1])


def test_a_prompt_the_tray_closes_made_no_choice(monkeypatch):
    w, ended, _ = windows("import time; time.sleep(30)", monkeypatch)
    w.open(Window.PROMPT, PromptSpec(DUE, 10, 60))
    w.close(Window.PROMPT)
    assert ended.get(timeout=20) == ChildEnded("prompt", None)


def test_a_crashed_window_made_no_choice(monkeypatch):
    w, ended, _ = windows("print('skip'); raise SystemExit(3)", monkeypatch)
    w.open(Window.PROMPT, PromptSpec(DUE, 10, 60))
    assert ended.get(timeout=20) == ChildEnded("prompt", None)


def test_a_new_menu_replaces_an_open_one(monkeypatch):
    w, ended, _ = windows("import time; time.sleep(30)", monkeypatch)
    w.open(Window.MENU, MenuSpec((), 0, 0))
    w.open(Window.MENU, MenuSpec((), 0, 0))
    assert ended.get(timeout=20) == ChildEnded("menu", None)  # the first, closed by the second
    w.close_all()
    assert ended.get(timeout=20) == ChildEnded("menu", None)


def test_the_stretch_window_answers_how_it_ended_and_can_be_raised(monkeypatch):
    w, ended, told = windows("import sys; print('done' if sys.stdin.readline() == 'raise\\n' else '?')", monkeypatch)
    w.open(Window.STRETCH, StretchSpec("cat-cow"))
    assert w.raise_(Window.STRETCH) is True
    assert ended.get(timeout=20) == ChildEnded("stretch", "done")
    kind, stretch = told[0]
    assert kind == "stretch" and stretch["stretch"]["id"] == "cat-cow" and stretch["listen"] is True


def test_no_stretch_window_means_nothing_to_raise(monkeypatch):
    w, _, _ = windows("pass", monkeypatch)
    assert w.raise_(Window.STRETCH) is False


def test_a_spec_of_another_kind_is_refused_and_starts_nothing(monkeypatch):
    w, ended, told = windows("pass", monkeypatch)
    with pytest.raises(ValueError, match="prompt window's spec cannot open a stretch window"):
        w.open(Window.STRETCH, PromptSpec(DUE, 10, 60))
    with pytest.raises(ValueError):
        w.open(Window.SETTINGS, SafetySpec())
    assert told == [] and w.close_all() is None and ended.empty()


def test_only_the_stretch_window_can_be_raised(monkeypatch):
    w, ended, _ = windows("import time; time.sleep(30)", monkeypatch)
    w.open(Window.PROMPT, PromptSpec(DUE, 10, 60))
    assert w.raise_(Window.PROMPT) is False  # it does not listen: as if none were open
    w.close_all()
    assert ended.get(timeout=20) == ChildEnded(Window.PROMPT, None)


def test_the_progress_window_is_told_where_the_history_is_and_opens_once(monkeypatch):
    """It reads the history itself: the tray tells it the file, the zone, the workdays
    (the streak) and each stretch's name as done with what is to hand (a door frame)."""
    from dataclasses import replace

    w, ended, told = windows("import time; time.sleep(30)", monkeypatch)
    w.configure(replace(Config(), timezone="Europe/Berlin", theme="dark"))
    w.open(Window.PROGRESS, ProgressSpec())
    w.open(Window.PROGRESS, ProgressSpec())  # chosen again while open: the one stays
    assert [kind for kind, _ in told] == ["progress"]
    progress = told[0][1]
    assert set(progress) >= set(spec.WINDOWS["progress"][1]) and spec.WINDOWS["progress"][0] == "qlbreak.ui.progress"
    assert progress["history"] == str(default_paths().history_db) and progress["timezone"] == "Europe/Berlin"
    assert progress["theme"] == "dark" and progress["workdays"] == [0, 1, 2, 3, 4]
    assert progress["names"]["ql-stick-stretch"] == "Door frame side stretch"  # no stick by default
    assert len(progress["names"]) == len(load().ids)
    w.close_all()
    assert ended.get(timeout=20) == ChildEnded(Window.PROGRESS, None)


TRAY_OPENS_PROGRESS = """
import sys
import qlbreak.tray.start, qlbreak.tray.main, qlbreak.tray.service
from qlbreak.core.kinds import Window
from qlbreak.core.window_specs import ProgressSpec
from qlbreak.edges.children import launch
from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
launch.ui_spec.command = lambda kind, told, python=sys.executable: [sys.executable, "-c", "pass"]
windows = launch.ChildWindows(Config(), load(), default_paths(), lambda ended: None)
windows.open(Window.PROGRESS, ProgressSpec())
windows.close_all()
print(sorted({m.split(".")[0] for m in sys.modules} & {"matplotlib", "numpy", "tkinter", "PIL"}))
"""


def test_the_tray_opens_the_progress_window_without_loading_matplotlib():
    """matplotlib (and numpy) load in the Progress window's process alone, never the tray's."""
    done = subprocess.run(
        [sys.executable, "-c", TRAY_OPENS_PROGRESS], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "matplotlib" not in done.stdout and "numpy" not in done.stdout and "tkinter" not in done.stdout


@pytest.mark.parametrize("kind", sorted(set(spec.WINDOWS) - {"warm-stretch"}))  # told on stdin, below
def test_every_window_refuses_a_wrong_spec_in_one_line(kind):
    argv = spec.command(kind, {"nothing": "useful"})
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"qlbreak: the {kind} window was started wrongly: missing ")
    assert len(done.stderr.strip().splitlines()) == 1


# -- a stretch window started ahead (the pointer came onto the icon) ---------------------

WARM_STAND_IN = """
import json, sys
if sys.argv[1] == "warm-stretch":
    line = sys.stdin.readline()  # the spec, or nothing: not needed after all
    if not line.strip():
        sys.exit(0)
    print("warm " + json.loads(line)["stretch"]["id"])
else:
    print("cold")
"""


def warm_windows(monkeypatch: pytest.MonkeyPatch) -> tuple[ChildWindows, queue.Queue, list]:
    ended: queue.Queue = queue.Queue()
    kinds: list = []

    def command(kind: str, window_spec: spec.Spec, python: str = sys.executable) -> list[str]:
        kinds.append(kind)
        return [sys.executable, "-c", WARM_STAND_IN, kind]

    monkeypatch.setattr(windows_module.ui_spec, "command", command)
    return ChildWindows(Config(), load(), default_paths(), ended.put), ended, kinds


def test_a_click_after_the_pointer_came_shows_the_window_started_ahead(monkeypatch):
    w, ended, kinds = warm_windows(monkeypatch)
    w.open(Window.STRETCH, StretchSpec(None))
    w.open(Window.STRETCH, StretchSpec(None))  # the pointer came back: still the one
    w.open(Window.STRETCH, StretchSpec("cat-cow"))
    assert ended.get(timeout=20) == ChildEnded("stretch", "warm cat-cow")
    assert kinds == ["warm-stretch"]  # no second process for the click


def test_a_window_started_ahead_and_never_asked_for_ends_unheard(monkeypatch):
    monkeypatch.setattr(windows_module, "WARM_FOR", 0.2)
    w, ended, kinds = warm_windows(monkeypatch)
    w.open(Window.STRETCH, StretchSpec(None))
    warm = w._warm
    assert warm is not None
    assert warm.wait(timeout=10) == 0
    with pytest.raises(queue.Empty):
        ended.get(timeout=0.5)  # the service hears of no stretch window at all
    w.open(Window.STRETCH, StretchSpec("cat-cow"))  # later, a click with no pointer first: a cold start
    assert ended.get(timeout=20) == ChildEnded("stretch", "cold")
    assert kinds == ["warm-stretch", "stretch"]


def test_closing_everything_ends_a_window_started_ahead(monkeypatch):
    w, ended, _ = warm_windows(monkeypatch)
    w.open(Window.STRETCH, StretchSpec(None))
    warm = w._warm
    w.close_all()
    assert warm is not None and warm.poll() == 0
    with pytest.raises(queue.Empty):
        ended.get(timeout=0.3)


def test_no_window_starts_ahead_while_a_stretch_is_open(monkeypatch):
    w, _, kinds = warm_windows(monkeypatch)
    monkeypatch.setattr(w, "_alive", lambda kind: object() if kind == "stretch" else None)
    w.open(Window.STRETCH, StretchSpec(None))
    assert kinds == []
