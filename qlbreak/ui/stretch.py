"""The stretch window's own process: ``python -m qlbreak.ui.stretch SNAPSHOT``.

Its parent (``qlbreak stretch``, later the tray) has already read the config and the
catalogue and picked the stretch; it hands over a small JSON snapshot, so this
process imports little more than tkinter and paints at once. The history, the
clock's zone data and the picker load only when first needed.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Sequence
from functools import cache

from qlbreak.core.record import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

SNAPSHOT_KEYS = ("stretch", "theme", "sound", "assets", "history", "safety_file", "config", "timezone", "speed")


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1:
        print("usage: python -m qlbreak.ui.stretch SNAPSHOT  (started by 'qlbreak stretch')", file=sys.stderr)
        return 2
    try:
        with open(args[0], encoding="utf-8") as f:
            spec = json.load(f)
        missing = [k for k in SNAPSHOT_KEYS if k not in spec]
        if missing:
            raise ValueError(f"missing {', '.join(missing)}")
    except (OSError, ValueError) as err:
        print(f"qlbreak: {args[0]}: not a window snapshot: {err}", file=sys.stderr)
        return 2
    return run(spec)


def run(spec: dict[str, Any]) -> int:
    from qlbreak.ui import dialog
    from qlbreak.ui.sound import Cue
    from qlbreak.ui.theme import DARK, LIGHT
    from qlbreak.ui.walkthrough import Walkthrough

    stretch = stretch_from(spec["stretch"])
    walk = Walkthrough(
        stretch,
        open_history=lambda: _history(spec),
        another_for=lambda history, skip: _another(spec, history, skip),
        workdays=frozenset(spec.get("workdays", range(5))),
        wall=lambda: _now(spec["timezone"]),
    )
    try:
        dialog.run(
            walk,
            DARK if spec["theme"] == "dark" else LIGHT,
            Cue(os.path.join(spec["assets"], "chime.wav"), enabled=bool(spec["sound"])),
            spec["assets"],
            float(spec["speed"]),
            ask_safety=lambda: not os.path.exists(spec["safety_file"]),
            on_accept=lambda: _accept_safety(spec),
            wants_raise=_listen_for_raise() if spec.get("listen") else None,
        )
    except dialog.tk.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    finally:
        walk.close_history()
    return 0


def _listen_for_raise() -> Any:
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


def stretch_from(data: dict[str, Any]) -> Any:
    """A catalogue Stretch back from its snapshot form (lists become tuples)."""
    from qlbreak.stretches.catalogue import Stretch

    return Stretch(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def _history(spec: dict[str, Any]) -> Any:
    from pathlib import Path

    from qlbreak.storage.history import History

    return History.open(Path(spec["history"]), _now(spec["timezone"]))


def _another(spec: dict[str, Any], history: Any, skip: frozenset[str]) -> Any:
    from qlbreak.ui.walkthrough import choose

    catalogue, prefs = _catalogue_and_prefs(spec["config"])
    return choose(catalogue, prefs, history, _now(spec["timezone"]), skip)


@cache
def _catalogue_and_prefs(config_file: str) -> tuple[Any, Any]:
    from pathlib import Path

    from qlbreak.storage import config
    from qlbreak.stretches import catalogue as catalog

    catalogue = catalog.load()
    return catalogue, config.load(Path(config_file), catalogue.ids).config.prefs


def _now(zone_name: str) -> Any:
    from qlbreak import clock

    return clock.now(zone_name)


def _accept_safety(spec: dict[str, Any]) -> None:
    from pathlib import Path

    from qlbreak.storage.atomic import write_atomic

    try:
        write_atomic(Path(spec["safety_file"]), f"{_now(spec['timezone']).isoformat()}\n".encode())
    except OSError as err:
        print(f"qlbreak: cannot remember the safety notice: {err}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
