"""adapters/children.py: child windows report how they ended; closed ones made no choice.
Stand-in children (``python -c``) take the windows' place, so no display is needed."""

from __future__ import annotations

import queue
import sys
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qlbreak.core.schedule import Occurrence
from qlbreak.core.tray_view import Due
from qlbreak.storage.config import Config
from qlbreak.storage.paths import default_paths
from qlbreak.stretches import catalogue as catalog
from qlbreak.tray.windows import ChildWindows

AT = datetime(2026, 12, 1, 9, 30, tzinfo=ZoneInfo("UTC"))
DUE = Due(Occurrence(AT, "morning", AT.date()), "cat-cow", "Cat-cow", AT + timedelta(minutes=30))


def windows(stand_in: str) -> tuple[ChildWindows, queue.Queue]:
    ended: queue.Queue = queue.Queue()
    w = ChildWindows(Config(), catalog.load(), default_paths(), lambda name, arg: ended.put((name, arg)))
    w._module = lambda module, spec: [sys.executable, "-c", stand_in]  # type: ignore[method-assign]
    return w, ended


def test_a_prompt_reports_the_choice_it_printed():
    w, ended = windows("print('snooze')")
    w.open_prompt(DUE, 10, 60)
    name, (kind, result, started) = ended.get(timeout=20)
    assert (name, kind, result) == ("ended", "prompt", "snooze") and started.tzinfo is not None


def test_a_prompt_the_tray_closes_made_no_choice():
    w, ended = windows("import time; time.sleep(30)")
    w.open_prompt(DUE, 10, 60)
    w.close_prompt()
    assert ended.get(timeout=20)[1][:2] == ("prompt", None)


def test_a_new_menu_replaces_an_open_one():
    w, ended = windows("import time; time.sleep(30)")
    w.open_menu((), 0, 0)
    w.open_menu((), 0, 0)
    assert ended.get(timeout=20)[1][:2] == ("menu", None)  # the first, closed by the second
    w.close_all()
    assert ended.get(timeout=20)[1][:2] == ("menu", None)


def test_no_stretch_window_means_nothing_to_raise():
    w, _ = windows("pass")
    assert w.raise_stretch() is False
