"""One stretch from "Start" to "Done": the session, the choice of stretch, the history.

The dialog renders ``Walkthrough.session`` and calls the methods here for every press;
this class turns final phases into history events (done with a feeling, skipped,
switched) and "Another one" into a fresh session. A stretch closed before its first
hold began was looked at, not declined: nothing is recorded, so the picker may offer
it again. Each record is kept in the spool beside the history before the history is
tried (``storage/spool.py``), so a locked history and then the end of the window or
the tray lose nothing. No Tk here, so it is tested without a display.

The window's process must paint fast, so the history and the picker are reached
through callables and imported only when first used (after the window is up).
"""

from __future__ import annotations

from collections.abc import Callable

from qlbreak.core import checkin
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling, Phase, Session, Side, Timing, begin
from qlbreak.core.words import _
from qlbreak.stretches.choosing import NothingFits

TYPE_CHECKING = False  # typing.TYPE_CHECKING to mypy; the window's start skips importing typing (~3 ms)
if TYPE_CHECKING:
    from datetime import datetime

    from qlbreak.core.checkin import Worry
    from qlbreak.storage.history import Event, History
    from qlbreak.storage.outbox import Outbox
    from qlbreak.stretches.catalogue import Stretch


class Walkthrough:
    def __init__(
        self,
        stretch: Stretch,
        open_history: Callable[[], History],  # called when the first record is due (and again if it fails)
        another_for: Callable[[Outbox, frozenset[str]], Stretch],  # "Another one", avoiding these
        workdays: frozenset[int],
        wall: Callable[[], datetime],  # the wall clock, for history records
        demo: bool = False,  # a demo (`qlbreak stretch --demo`, `--speed`): nothing is recorded
        spool_beside: str | None = None,  # the history whose spool keeps each record first
        ended: Callable[[str], None] = lambda kind: None,  # told each record's kind once it is kept
        factor: float = checkin.TIGHTER_FACTOR,  # the side named tighter is held this many times as long
        leveled: Callable[[Stretch], tuple[Stretch, str]] = lambda s: (s, "standard"),  # an exercise at its level
    ) -> None:
        self.demo, self.spool_beside, self.ended = demo, spool_beside, ended
        self.factor = factor
        self.tighter: checkin.Side | None = None  # today's check-in's answer, once given
        self.spool_trouble: OSError | None = None  # why the last record could not be kept in the spool
        self.leveled = leveled
        (self.stretch, self.level), self.open_history, self.another_for = leveled(stretch), open_history, another_for
        self.workdays, self.wall = workdays, wall
        self.session: Session = begin(self._timing())
        self.offered: dict[str, Stretch] = {stretch.id: self.stretch}  # offered in this dialog, in turn
        self._levels = {stretch.id: self.level}  # the version each was offered at
        self._standard = {stretch.id: stretch}  # and its standard version (its words, its picture)
        self.alone = False  # "Another one" found that nothing else fits: said once, then no more
        self.streak = 0  # set once the stretch is done
        self.outcome = "closed"  # the last record made: "done", "partial", "skipped", "switched";
        # "closed": none (closed before the first hold, or only looked at)
        self._history: Outbox | None = None

    @property
    def history(self) -> Outbox:
        """Where records go: the history, or kept until it takes them (busy, full disk)."""
        if self._history is None:
            from qlbreak.storage.outbox import Outbox

            self._history = Outbox(self.open_history)
        return self._history

    @property
    def waiting(self) -> bool:
        """Whether a record waits for the history (busy, a full disk)."""
        return self._history is not None and bool(self._history.pending)

    @property
    def unsaved(self) -> list[Event]:
        """Records the history has not taken yet (after one more try)."""
        if self._history is None or self._history.flush():
            return []
        return list(self._history.pending)

    def close_history(self) -> None:
        if self._history is not None:
            self._history.close()
            self._history = None

    # Every press goes through _move, which records what a final phase means.

    def next(self, now: float) -> None:
        self._move(lambda s: s.next(now))

    def toggle_pause(self, now: float) -> None:
        self._move(lambda s: s.resume(now) if s.paused else s.pause(now))

    def feel(self, feeling: Feeling, now: float) -> None:
        self._move(lambda s: s.feel(feeling, now))

    def close(self, now: float) -> None:
        if not self.session.finished:
            self._move(lambda s: s.close(now))

    @property
    def standard(self) -> Stretch:
        """The stretch shown, at its standard version (``stretch`` may be easier or harder)."""
        return self._standard[self.stretch.id]

    @property
    def hint(self) -> str:
        """The keys this screen answers, in a line: what Space does now, say."""
        session = self.session
        if session.timed and session.paused:
            # Translators: the keys during a hold: Space, the Right arrow key and Esc (key names stay)
            return _("Space resume · → skip · Esc stop")
        if session.timed:
            return _("Space pause · → skip · Esc stop")
        if session.phase is Phase.FEEDBACK:
            return _("1-4 to answer")
        if session.phase is Phase.DONE:
            return _("Enter to close")
        return _("Enter to go on · Esc to close")

    def tick(self, now: float) -> None:
        self.session = self.session.tick(now)

    def hold_for(self, seconds: int) -> None:
        """The user picked a hold within the stretch's range (before starting only)."""
        from dataclasses import replace

        span = self.stretch.hold_range
        if self.session.phase is not Phase.INTRO or span is None or not span[0] <= seconds <= span[1]:
            return
        self.stretch = replace(self.stretch, hold_seconds=seconds)
        self.session = begin(self._timing())

    def another(self, now: float) -> None:
        """Record the switch and start over with a different stretch: each one in the
        rotation in turn, the picker's order, then round again from the first.

        Raises NothingFits, with nothing recorded or changed, when no other fits."""
        self.session.another(now)  # an illegal move raises before anything is picked
        fresh = self.another_for(self.history, frozenset(self.offered))
        if fresh.id in self.offered:  # every one that fits was offered: round again
            fresh = self._after(self.stretch.id)
        if fresh.id == self.stretch.id:
            self.alone = True
            raise NothingFits(_("this is the only stretch that fits your settings"))
        self._move(lambda s: s.another(now))
        if fresh.id not in self.offered:  # the first time here: at its level (offered ones already are)
            self._standard[fresh.id] = fresh
            fresh, self._levels[fresh.id] = self.leveled(fresh)
        self.stretch, self.level = fresh, self._levels[fresh.id]
        self.offered.setdefault(fresh.id, fresh)
        self.session = begin(self._timing())

    # The morning check-in and what the data worried about: records of their own.

    def check_in(self, pain: int | None, tighter: checkin.Side | None = None, leg: bool | None = None) -> None:
        """Record today's check-in (``pain`` None: skipped) and hold the side named
        tighter longer from now on; before the first hold only."""
        from qlbreak.storage.history import Event

        if pain is not None:
            self.hold_tighter(tighter)
        if not self.demo:
            self._record(Event(self.wall(), Record.CHECKIN, pain=pain, tighter=tighter, leg=leg))

    def hold_tighter(self, tighter: checkin.Side | None) -> None:
        """Hold the side today's check-in named tighter longer (an earlier window's, or
        ``qlbreak check-in``'s, read from the history); before the first hold only."""
        self.tighter = tighter
        if self.session.phase is Phase.INTRO:
            self.session = begin(self._timing())

    def warned(self, worry: Worry) -> None:
        """Record that ``worry`` was said, so it is not said again for a while."""
        from qlbreak.storage.history import Event

        if not self.demo:
            self._record(Event(self.wall(), Record.WARNED, worry=worry))

    @property
    def tighter_note(self) -> str | None:
        """What the hold screen says when today's tighter side is held longer."""
        timing, side = self.session.timing, self.session.side
        if self.tighter not in (checkin.Side.LEFT, checkin.Side.RIGHT) or side is None or timing.left is None:
            return None
        named = Side.LEFT if self.tighter is checkin.Side.LEFT else Side.RIGHT
        other = Side.RIGHT if named is Side.LEFT else Side.LEFT
        long, short = round(timing.of(named)), round(timing.of(other))
        if named is Side.LEFT and side is named:
            # Translators: {long}, {short}: seconds held on the tighter side and on the other side
            words = _("Your left side felt tighter today: {long} s here, {short} s on the right.")
        elif named is Side.LEFT:
            words = _("Your left side felt tighter today, so it had {long} s; {short} s here.")
        elif side is named:
            words = _("Your right side felt tighter today: {long} s here, {short} s on the left.")
        else:  # the right side is still to come
            words = _("Your right side felt tighter today, so it gets {long} s; {short} s here.")
        return words.format(long=long, short=short)

    def _timing(self) -> Timing:
        return self.stretch.timing.tighter(self.tighter, self.factor)

    def _after(self, current: str) -> Stretch:
        """The stretch offered after ``current`` the first time round (the first after the last)."""
        order = list(self.offered)
        return self.offered[order[(order.index(current) + 1) % len(order)]]

    def _keep(self, event: Event) -> None:
        """Put ``event`` in the spool beside the history (``storage/spool.py``)."""
        if self.spool_beside is None:
            return
        from pathlib import Path

        from qlbreak.storage.spool import Spool, beside

        try:
            Spool(beside(Path(self.spool_beside))).put(event)
            self.spool_trouble = None
        except OSError as trouble:  # a full disk, a read-only folder: it waits in memory, as before
            self.spool_trouble = trouble

    def _record(self, event: Event) -> None:
        """Kept in the spool first, then written (or kept until the history takes it)."""
        self._keep(event)
        self.history.record(event)

    def _move(self, action: Callable[[Session], Session]) -> None:
        before = self.session.phase
        self.session = action(self.session)
        phase = self.session.phase
        if phase is before or not self.session.finished:
            return
        from qlbreak.core.streak import streak
        from qlbreak.storage.history import Event

        if phase is Phase.CLOSED and not self.session.started:
            return  # only looked at: not a skip (outcome stays "closed")
        kind = {Phase.DONE: Record.DONE, Phase.CLOSED: Record.SKIPPED, Phase.ANOTHER: Record.SWITCHED}[phase]
        seconds = None
        if phase is Phase.DONE and self.session.short:  # a hold cut short: not a streak's "done"
            kind, seconds = Record.PARTIAL, round(self.session.held)
        self.outcome = kind
        if self.demo:
            return  # a demo leaves no trace: no record, no streak, no rest after "it hurt"
        left = right = None
        if kind in (Record.DONE, Record.PARTIAL) and self.session.timing.two_sided:
            left, right = round(self.session.held_left, 1), round(self.session.held_right, 1)
        event = Event(
            self.wall(),
            kind,
            self.stretch.id,
            self.session.feeling,
            None,
            None,
            seconds,
            left_seconds=left,
            right_seconds=right,
        )
        self._keep(event)  # on disk before the history is even opened: nothing that ends this process loses it
        self.ended(kind)
        self.history.record(event)
        if kind is Record.DONE:
            self.streak = streak(self.history.done_days(), self.workdays, self.wall().date())
