"""Choosing a stretch for this user now: the catalogue, their settings and their
history handed to ``core/picker.py``. The tray, ``qlbreak stretch`` and the stretch
window's "Another one" all choose here."""

from __future__ import annotations

from dataclasses import replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from datetime import datetime

    from qlbreak.core.picker import Preferences
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches.catalogue import Catalogue, Stretch


class NothingFits(Exception):
    """The user's settings leave no stretch to offer."""


def choose(
    catalogue: Catalogue,
    prefs: Preferences,
    history: History | Outbox,
    now: datetime,
    skip: frozenset[str] = frozenset(),
) -> Stretch:
    """The picker's choice for this user now; ``skip`` widens ``avoid`` while it can."""
    from qlbreak.core.picker import pick  # here: the stretch window imports this module on its way to the screen

    candidates = [s.candidate for s in catalogue]
    done = history.done()
    last = history.last_stretch()
    wider = replace(prefs, avoid=prefs.avoid | skip)
    chosen = pick(candidates, wider, done, now, last) or pick(candidates, prefs, done, now, last)
    if chosen is None:
        raise NothingFits("no stretch fits your settings; see [stretches] in your config (qlbreak config)")
    stretch = catalogue.get(chosen)
    assert stretch is not None
    return stretch
