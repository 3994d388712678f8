"""tray/windows.py: child windows are started from their spec and report how they
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
from qlbreak.core.reminder import falls_due
from qlbreak.core.schedule import Occurrence
from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches.catalogue import load
from qlbreak.tray import windows as windows_module
from qlbreak.tray.windows import ChildWindows
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

    monkeypatch.setattr(windows_module.spec, "command", command)
    return ChildWindows(Config(), load(), default_paths(), ended.put), ended, told


def test_a_prompt_is_told_its_reminder_and_reports_the_choice_it_answered(monkeypatch):
    w, ended, told = windows("print('snooze')", monkeypatch)
    w.open_prompt(DUE, 10, 60)
    assert ended.get(timeout=20) == ChildEnded("prompt", "snooze")
    kind, prompt = told[0]
    assert kind == "prompt" and prompt["name"] == "Cat-cow" and prompt["snooze"] == 10
    assert set(prompt) >= set(spec.WINDOWS["prompt"][1])


def test_a_prompt_the_tray_closes_made_no_choice(monkeypatch):
    w, ended, _ = windows("import time; time.sleep(30)", monkeypatch)
    w.open_prompt(DUE, 10, 60)
    w.close_prompt()
    assert ended.get(timeout=20) == ChildEnded("prompt", None)


def test_a_crashed_window_made_no_choice(monkeypatch):
    w, ended, _ = windows("print('skip'); raise SystemExit(3)", monkeypatch)
    w.open_prompt(DUE, 10, 60)
    assert ended.get(timeout=20) == ChildEnded("prompt", None)


def test_a_new_menu_replaces_an_open_one(monkeypatch):
    w, ended, _ = windows("import time; time.sleep(30)", monkeypatch)
    w.open_menu((), 0, 0)
    w.open_menu((), 0, 0)
    assert ended.get(timeout=20) == ChildEnded("menu", None)  # the first, closed by the second
    w.close_all()
    assert ended.get(timeout=20) == ChildEnded("menu", None)


def test_the_stretch_window_answers_how_it_ended_and_can_be_raised(monkeypatch):
    w, ended, told = windows("import sys; print('done' if sys.stdin.readline() == 'raise\\n' else '?')", monkeypatch)
    w.open_stretch(load().get("cat-cow"))
    assert w.raise_stretch() is True
    assert ended.get(timeout=20) == ChildEnded("stretch", "done")
    kind, stretch = told[0]
    assert kind == "stretch" and stretch["stretch"]["id"] == "cat-cow" and stretch["listen"] is True


def test_no_stretch_window_means_nothing_to_raise(monkeypatch):
    w, _, _ = windows("pass", monkeypatch)
    assert w.raise_stretch() is False


@pytest.mark.parametrize("kind", sorted(spec.WINDOWS))
def test_every_window_refuses_a_wrong_spec_in_one_line(kind):
    argv = spec.command(kind, {"nothing": "useful"})
    done = subprocess.run(argv, capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith(f"qlbreak: the {kind} window was started wrongly: missing ")
    assert len(done.stderr.strip().splitlines()) == 1
