"""Choosing a stretch for this user now: the catalogue, their settings and their
history handed to ``core/picker.py``. The tray, ``qlbreak stretch`` and the stretch
window's "Another one" all choose here."""

from __future__ import annotations

from dataclasses import replace

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from datetime import datetime

    from qlbreak.core.picker import Preferences, Recent
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches.catalogue import Catalogue, Stretch


def lately(catalogue: Catalogue, history: History | Outbox, now: datetime) -> Recent:
    """What the history says of today and yesterday, for the picker's rules 3 to 5."""
    from datetime import timedelta

    from qlbreak.core.picker import Recent
    from qlbreak.core.schedule import start_of_day

    today = start_of_day(now)
    events = history.events(since=start_of_day(today - timedelta(hours=12)))
    offered = [e for e in events if e.stretch and e.kind in ("fired", "done", "partial", "skipped", "switched")]
    ql = {s.id for s in catalogue if "ql" in s.targets and not s.strengthens}  # an exercise stretches nothing
    declined = frozenset(
        e.stretch for e in offered if e.kind in ("skipped", "switched") and e.at >= today and e.stretch
    )
    last = offered[-1].stretch if offered else history.last_stretch()
    return Recent(last=last, declined=declined, ql_lately=any(e.stretch in ql for e in offered))


class NothingFits(Exception):
    """The user's settings leave no stretch to offer."""


def choose(
    catalogue: Catalogue,
    prefs: Preferences,
    history: History | Outbox,
    now: datetime,
    skip: frozenset[str] = frozenset(),
) -> Stretch:
    """The picker's choice for this user now, in the variant that fits their equipment;
    ``skip`` widens ``avoid`` while it can."""
    from qlbreak.core.picker import pick  # here: the stretch window imports this module on its way to the screen

    candidates = [s.candidate for s in catalogue]
    done = history.done()
    recent = lately(catalogue, history, now)
    wider = replace(prefs, avoid=prefs.avoid | skip)
    chosen = pick(candidates, wider, done, now, recent=recent) or pick(candidates, prefs, done, now, recent=recent)
    if chosen is None:
        from qlbreak.core.words import _  # here: only when nothing fits

        # Translators: keep [stretches] and "qlbreak config" as they are (a section of the file, a command).
        raise NothingFits(_("no stretch fits your settings; see [stretches] in your config (qlbreak config)"))
    stretch = catalogue.get(chosen)
    assert stretch is not None
    return stretch.for_equipment(prefs.equipment)  # named and shown for what they have
