"""The tray's port onto the detectors: every fact read when asked, none ever raising.

A fact is a function of no arguments. It returns what it saw, or raises
``Unavailable`` when this desktop cannot tell (no X display, no such D-Bus service):
that is logged once and the fact is not asked again. An answer of the wrong kind
(``OddAnswer``: a screen saver that says "maybe") and any other error count as "not
known" for that look only, logged once per kind: a garbage "locked" must never hold a
reminder, and a look every 3 s must not fill the log.
"""

from __future__ import annotations

import logging
import math
from collections.abc import Callable, Mapping
from dataclasses import fields

from qlbreak.core.holds import Signals
from qlbreak.core.words import N_, _

log = logging.getLogger("qlbreak")
Fact = Callable[[], bool | float | None]
# what a detector reads: locked, full_screen, do_not_disturb, microphone, camera, idle_seconds
# ("stretching" is the tray's own fact, never read from the desktop)
FACTS = tuple(f.name for f in fields(Signals) if f.name != "stretching")


class Unavailable(Exception):
    """This desktop cannot tell. ``words`` say it for a person (``qlbreak status``:
    "cannot ask the sound server (it refused the connection)"), a whole sentence marked
    with ``N_`` (``said`` in the user's language); ``detail`` is what the library or the
    server said, for the log and ``status --json`` only."""

    def __init__(self, words: str, detail: str = "") -> None:
        super().__init__(f"{words} [{detail}]" if detail else words)
        self.words, self.detail = words, detail


CANNOT_TELL = N_("qlbreak cannot tell on this system")


class OddAnswer(Exception):
    """A service answered, but not with the kind of value it should (a word where a
    yes or no belongs): not known for this look. ``kind`` names the oddity, so each
    is logged once however often it comes back."""

    def __init__(self, what: str, value: object) -> None:
        super().__init__(f"{what} answered {_shown(value)} ({type(value).__name__})")
        self.kind = f"{what}:{type(value).__name__}"


def flag(value: object, what: str) -> bool:
    """A yes or no from outside: True or False (0 or 1, as some services send);
    anything else is an ``OddAnswer``, never ``bool("maybe")``."""
    if isinstance(value, bool):
        return value
    if type(value) is int and value in (0, 1):
        return value == 1
    raise OddAnswer(what, value)


def amount(value: object, what: str) -> float:
    """A count from outside (milliseconds, seconds): a finite number, not below zero."""
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value) or value < 0:
        raise OddAnswer(what, value)
    return float(value)


def _shown(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


class FactSources:
    """Reads each fact in ``sources`` (several per fact: the first that can tell
    answers), for ``Signals``; switched-off facts are never asked. A ``pooled`` fact is
    one each source sees only a part of (a camera a program opens itself, one PipeWire
    runs for it): every source that can tell is asked, and one yes is enough."""

    def __init__(
        self, sources: Mapping[str, tuple[tuple[str, Fact], ...]], pooled: frozenset[str] = frozenset()
    ) -> None:
        unknown = (set(sources) | pooled) - set(FACTS)
        if unknown:
            raise ValueError(f"unknown facts: {sorted(unknown)}")
        self._sources = {name: list(found) for name, found in sources.items()}
        self._pooled = pooled
        self._why_not: dict[str, list[tuple[str, Unavailable]]] = {}  # fact -> (source, why it cannot tell)
        self._failed: set[str] = set()

    def look(self, wanted: frozenset[str] | None = None) -> Signals:
        """One reading of every fact (or those in ``wanted``)."""
        seen: dict[str, bool | float | None] = {}
        for name in FACTS:
            if wanted is not None and name not in wanted:
                continue
            seen[name] = self._read(name)
        return Signals(**seen)  # type: ignore[arg-type]

    def available(self) -> dict[str, str]:
        """For ``qlbreak status --json``: each fact, and where it is read from or why not,
        in English words (machine output is never translated)."""
        return self._where(lambda text: text)

    def said(self) -> dict[str, str]:
        """As ``available``, in the user's language: for ``qlbreak status``'s own lines."""
        return self._where(_)

    def _where(self, say: Callable[[str], str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for name in FACTS:
            live = [source for source, _read in self._sources.get(name, [])]
            if live:
                # Translators: {source} names what qlbreak asks ("the sound server", "Windows")
                out[name] = say(N_("read from {source}")).format(source=say(live[0]))
            else:
                words = dict.fromkeys(say(why.words) for _source, why in self._why_not.get(name, []))
                out[name] = "; ".join(words) or say(CANNOT_TELL)
        return out

    def details(self) -> dict[str, list[str]]:
        """What each source that could not tell said, as the log has it (``status --json``)."""
        return {name: [f"{source}: {why}" for source, why in whys] for name, whys in self._why_not.items()}

    def _read(self, name: str) -> bool | float | None:
        found = self._sources.get(name, [])
        said: bool | float | None = None
        for source, fact in list(found):
            told, value = self._ask(name, source, fact)
            if not told:
                found.remove((source, fact))
                continue
            if name not in self._pooled or value is True:
                return value
            said = said if value is None else value
        return said

    def _ask(self, name: str, source: str, fact: Fact) -> tuple[bool, bool | float | None]:
        """Whether the source can tell here (why not is said once), and its answer."""
        try:
            return True, fact()
        except Unavailable as why:
            self._why_not.setdefault(name, []).append((source, why))
            log.info("cannot tell %s from %s here: %s", name.replace("_", " "), source, why)
            return False, None
        except OddAnswer as odd:
            key = f"{name}:{source}:{odd.kind}"
            if key not in self._failed:
                self._failed.add(key)
                log.warning("ignored an odd answer about %s from %s: %s", name.replace("_", " "), source, odd)
            return True, None
        except Exception as err:  # noqa: BLE001 - a detector must never stop reminders
            key = f"{name}:{type(err).__name__}"
            if key not in self._failed:
                self._failed.add(key)
                log.warning("reading %s from %s failed: %s: %s", name, source, type(err).__name__, err)
            return True, None
