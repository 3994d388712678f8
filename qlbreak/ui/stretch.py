"""The stretch window's own process (``ui/spec.py`` says how it is started).

Its parent (``qlbreak stretch``, or the tray) has already read the config and the
catalogue and picked the stretch, so this process imports little more than tkinter
and paints at once. The history, the clock's zone data and the picker load only when
first needed. It answers how the stretch ended: ``done``, ``skipped``, ``switched``
(to another, then left) or ``closed`` (nothing recorded).
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable, Sequence
from functools import cache

from qlbreak.ui import spec as window_spec

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from datetime import datetime

    from qlbreak.core.picker import Preferences
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches.catalogue import Catalogue, Stretch


HISTORY_WAIT = 1.0  # seconds a press waits for a busy history before its record is kept for later


def main(argv: Sequence[str] | None = None) -> int:
    try:
        spec = window_spec.read("stretch", sys.argv[1:] if argv is None else argv)
    except window_spec.SpecError as err:
        print(f"qlbreak: the stretch window was started wrongly: {err}", file=sys.stderr)
        return 2
    return run(spec)


def run(spec: window_spec.Spec) -> int:
    import tkinter

    from qlbreak.storage import consent
    from qlbreak.stretches.catalogue import Stretch
    from qlbreak.ui import dialog
    from qlbreak.ui.safety import remember
    from qlbreak.ui.sound import Cue
    from qlbreak.ui.theme import named
    from qlbreak.ui.walkthrough import Walkthrough

    zone = str(spec["timezone"])
    walk = Walkthrough(
        Stretch.from_spec(spec["stretch"]),
        open_history=lambda: _history(spec["history"], zone),
        another_for=lambda history, skip: _another(spec["config"], history, zone, skip),
        workdays=frozenset(spec["workdays"]),
        wall=lambda: _now(zone),
        demo=bool(spec.get("demo")),
    )
    try:
        dialog.run(
            walk,
            named(spec["theme"]),
            Cue(os.path.join(spec["assets"], "chime.wav"), enabled=bool(spec["sound"])),
            spec["assets"],
            float(spec["speed"]),
            ask_safety=lambda: not consent.given(spec["safety_file"]),
            on_accept=lambda: remember(spec["safety_file"], zone),
            wants_raise=_listen_for_raise() if spec.get("listen") else None,
        )
    except tkinter.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    finally:
        unsaved = walk.unsaved
        walk.close_history()
    # How it ended, then any record the history could not take, for the parent to keep.
    window_spec.answer(walk.outcome, *(json.dumps(e.as_record()) for e in unsaved))
    return 0


def _listen_for_raise() -> Callable[[], bool]:
    """The tray writes "raise" lines to this process's stdin; a closed pipe ends it."""
    import threading

    asked = threading.Event()

    def read() -> None:
        for line in sys.stdin:
            if line.strip() == "raise":
                asked.set()

    threading.Thread(target=read, daemon=True).start()

    def wants_raise() -> bool:
        if asked.is_set():
            asked.clear()
            return True
        return False

    return wants_raise


def _history(path: str, zone: str) -> History:
    from pathlib import Path

    from qlbreak.storage.history import History

    return History.open(Path(path), _now(zone), timeout=HISTORY_WAIT)


def _another(config_file: str, history: Outbox, zone: str, skip: frozenset[str]) -> Stretch:
    from qlbreak.stretches.choosing import choose

    catalogue, prefs = _catalogue_and_prefs(config_file)
    return choose(catalogue, prefs, history, _now(zone), skip)


@cache
def _catalogue_and_prefs(config_file: str) -> tuple[Catalogue, Preferences]:
    from pathlib import Path

    from qlbreak.storage import config
    from qlbreak.stretches import catalogue

    stretches = catalogue.load()
    return stretches, config.load(Path(config_file), stretches.ids).config.prefs


def _now(zone: str) -> datetime:
    from qlbreak import clock

    return clock.now(zone)


if __name__ == "__main__":
    sys.exit(main())
