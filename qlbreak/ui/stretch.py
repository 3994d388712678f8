"""The stretch window's own process (``ui/spec.py`` says how it is started).

Its parent (``qlbreak stretch``, or the tray) has already read the config and the
catalogue and picked the stretch, so this process imports little more than tkinter
and paints at once. The history, the clock's zone data and the picker load only when
first needed; before its first screen, one read-only look at the history says whether
the morning check-in is due (``ui/lately.py``, ``ui/checkin.py``). It answers how the
stretch ended: ``done``, ``partial``, ``skipped``, ``switched`` (to another, then
left) or ``closed`` (nothing recorded: closed before the first hold began).

A record is kept in the spool beside the history the moment it is made
(``storage/spool.py``); a window of the tray's also writes ``done`` or ``partial`` to
the file its spec names (``answer_file``), so the tray hears how it ended even if
this process is killed on the done screen, or answers a tray that is gone. SIGTERM
(a logout) closes it as a stretch ends: a stretch waiting only for its rating is
recorded as done, then the window answers; never a skip.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable, Sequence

from qlbreak.system import THIS, System
from qlbreak.ui import spec as window_spec

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    import tkinter as tk
    from datetime import datetime

    from qlbreak.core.checkin import Side
    from qlbreak.core.picker import Preferences
    from qlbreak.storage.history import History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches.catalogue import Catalogue, Stretch
    from qlbreak.ui.sound import Cue
    from qlbreak.ui.theme import Palette
    from qlbreak.ui.walkthrough import Walkthrough


HISTORY_WAIT = 1.0  # seconds a press waits for a busy history before its record is kept for later


def main(argv: Sequence[str] | None = None) -> int:
    try:
        spec = window_spec.read("stretch", sys.argv[1:] if argv is None else argv)
    except window_spec.SpecError as err:
        print(f"qlbreak: the stretch window was started wrongly: {err}", file=sys.stderr)
        return 2
    return run(spec)


def run(spec: window_spec.Spec, root: tk.Tk | None = None) -> int:
    """``root``: a Tk made before the spec came (``ui/warm.py``), withdrawn."""
    import tkinter

    from qlbreak.core.checkin import TIGHTER_FACTOR
    from qlbreak.storage import consent
    from qlbreak.stretches.catalogue import Stretch
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
        spool_beside=str(spec["history"]),
        ended=lambda kind: _tell(spec.get("answer_file"), kind),
        factor=float(spec.get("tighter", TIGHTER_FACTOR)),
        leveled=functools.partial(_leveled, str(spec["history"])),
    )
    try:
        _open(
            walk,
            named(spec["theme"]),
            Cue(os.path.join(spec["assets"], "chime.wav"), enabled=bool(spec["sound"])),
            spec["assets"],
            float(spec["speed"]),
            ask_safety=lambda: not consent.given(spec["safety_file"]),
            on_accept=lambda: remember(spec["safety_file"], zone),
            wants_raise=_listen_for_raise() if spec.get("listen") else None,
            root=root,
            history=None if walk.demo else str(spec["history"]),
            checkin=bool(spec.get("checkin", True)),
            spoken=bool(spec.get("spoken_cues")),
        )
    except tkinter.TclError as err:
        print(f"qlbreak: cannot open a window: {err}", file=sys.stderr)
        return 2
    finally:
        unsaved = walk.unsaved
        walk.close_history()
    # How it ended, then any record the history could not take, for the parent to keep.
    try:
        window_spec.answer(walk.outcome, *(json.dumps(e.as_record()) for e in unsaved))
    except OSError:  # the parent is gone (killed, logged out): the spool has the records
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # and no error at exit
    return 0


def _leveled(history: str, stretch: Stretch) -> tuple[Stretch, str]:
    """An exercise at the version its past ratings lead to (``core/levels.py``), read
    from the history now: a stretch, and the window's start, pay nothing for it."""
    if not stretch.strengthens:
        return stretch, "standard"
    from qlbreak.core.levels import level
    from qlbreak.ui.lately import ratings

    chosen = level(ratings(history, stretch.id), tuple(k for k in ("easier", "harder") if getattr(stretch, k)))
    return stretch.at_level(chosen), chosen


def _tell(answer_file: str | None, kind: str) -> None:
    """Tell the tray, in a file that outlives this process, that the stretch was done."""
    from qlbreak.core.kinds import STRETCHED

    if answer_file is None or kind not in STRETCHED:
        return
    from pathlib import Path

    from qlbreak.storage.atomic import write_atomic

    try:
        write_atomic(Path(answer_file), kind.encode())
    except OSError as err:  # the tray still hears the answer on stdout, unless it is gone
        print(f"qlbreak: cannot note how the stretch ended: {err}", file=sys.stderr)


def _open(
    walk: Walkthrough,
    palette: Palette,
    cue: Cue,
    assets: str,
    speed: float,
    ask_safety: Callable[[], bool],
    on_accept: Callable[[], None],
    wants_raise: Callable[[], bool] | None = None,
    root: tk.Tk | None = None,
    history: str | None = None,
    checkin: bool = True,
    spoken: bool = False,
) -> None:
    """Open the window and return when it closes; the safety screen comes first once,
    then the morning check-in (``checkin``: switched on) when the ``history`` (None: a
    demo, never asked) says it is due, or a worry from the data to say once.
    ``wants_raise`` is asked now and then (the tray's "raise the open one")."""
    from qlbreak.core.session import Phase
    from qlbreak.ui.base import main_window, show_and_wait
    from qlbreak.ui.cues_toggle import Voice
    from qlbreak.ui.dialog import Dialog
    from qlbreak.ui.safety import before_first_stretch

    root = main_window(palette, root=root)
    dialog = Dialog(root, walk, palette, cue, assets, speed, Voice(spoken))
    _end_on_terminate(root, lambda: walk.close(dialog.now()) if walk.session.phase is Phase.FEEDBACK else None)
    first = dialog.start
    ask, look_back, tighter = _look(history, checkin) if history is not None else (False, False, None)
    if tighter is not None:  # today's check-in named a side: it holds longer in this stretch too
        walk.hold_tighter(tighter)
    if ask or look_back:  # the check-in, or the day's first look at what the data says
        from qlbreak.ui.checkin import before_stretch
        from qlbreak.ui.lately import recent

        read = functools.partial(recent, history or "")
        first = functools.partial(before_stretch, root, palette, dialog.fonts, walk, ask, read, then=dialog.start)
    if ask_safety():
        before_first_stretch(root, palette, dialog.fonts, on_accept, then=first)
    else:
        first()
    if wants_raise is not None:
        _watch_raise(root, wants_raise)
    if root.state() == "withdrawn":  # a warm root: laid out first, so it maps with its content
        root.update_idletasks()
        root.deiconify()
    show_and_wait(root)


def _end_on_terminate(root: tk.Tk, save: Callable[[], None], system: System = THIS) -> None:
    """SIGTERM (a logout, ``qlbreak stretch`` stopped): ``save``, then close as the
    window does (``stretch_posix``)."""
    if not system.signals:
        return  # Windows ends a process without a signal to catch
    from qlbreak.ui.stretch_posix import end_on_terminate

    end_on_terminate(root, save)


def _watch_raise(root: tk.Tk, wants_raise: Callable[[], bool]) -> None:
    if wants_raise():
        root.deiconify()
        root.lift()
        root.focus_force()
    root.after(200, _watch_raise, root, wants_raise)


def _listen_for_raise() -> Callable[[], bool]:
    """The tray writes "raise" lines to this process's stdin; a closed pipe ends it."""
    import signal
    import threading

    asked = threading.Event()

    def read() -> None:
        for line in sys.stdin:
            if line.strip() == "raise":
                asked.set()

    threading.Thread(target=read, daemon=True).start()
    if hasattr(signal, "SIGUSR1"):  # a tray started after ours was killed asks this way (edges/children/locks.py)
        signal.signal(signal.SIGUSR1, lambda *_: asked.set())

    def wants_raise() -> bool:
        if asked.is_set():
            asked.clear()
            return True
        return False

    return wants_raise


def _look(history: str, checkin: bool) -> tuple[bool, bool, Side | None]:
    """Whether the check-in is due, and whether to look back for a worry to say: a
    quick read-only look, before the first screen (``ui/lately.py``)."""
    from qlbreak.ui.lately import look

    return look(history, checkin)


def _history(path: str, zone: str) -> History:
    from pathlib import Path

    from qlbreak.storage.history import History

    return History.open(Path(path), _now(zone), timeout=HISTORY_WAIT)


def _another(config_file: str, history: Outbox, zone: str, skip: frozenset[str]) -> Stretch:
    from qlbreak.stretches.choosing import choose

    catalogue, prefs = _catalogue_and_prefs(config_file)
    return choose(catalogue, prefs, history, _now(zone), skip)


@functools.cache
def _catalogue_and_prefs(config_file: str) -> tuple[Catalogue, Preferences]:
    from pathlib import Path

    from qlbreak.storage import config
    from qlbreak.stretches import catalogue, own, translated

    shipped = translated.catalogue(catalogue.load())  # in the window's words, as its first stretch was
    stretches, _ = own.load_all(Path(config_file), shipped)  # "Another one" may be the user's own
    return stretches, config.load(Path(config_file), stretches.ids).config.prefs


def _now(zone: str) -> datetime:
    from qlbreak import clock

    return clock.now(zone)


if __name__ == "__main__":
    sys.exit(main())
