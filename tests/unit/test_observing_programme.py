"""tray/observing.py reads the programme from a real history: its marks (written by
Settings or `qlbreak programme`) and the exercises done to the end, only on the turns
that want it; the rules in force know the catalogue's exercises."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from qlbreak.core.app_state import AppState, Wants
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark, State
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches.catalogue import load
from qlbreak.tray.observing import Observer, rules
from tests.fakes import FakeLogin

NOW = datetime(2026, 12, 3, 11, 0, tzinfo=UTC)


def test_the_standing_and_todays_exercises_are_read_when_wanted(tmp_path):
    path = tmp_path / "history.db"
    history = History.open(path, NOW)
    history.record(Event(NOW - timedelta(days=2), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    history.record(Event(NOW - timedelta(days=1), Record.DONE, "ql-ball-wall-release"))
    history.record(Event(NOW - timedelta(hours=1), Record.DONE, "ql-ball-wall-release"))
    history.record(Event(NOW - timedelta(minutes=30), Record.PARTIAL, "standing-side-bend"))
    history.close()
    catalogue = load()
    observer = Observer(Outbox(lambda: History.open(path, NOW)), catalogue, FakeLogin(), None, frozenset)
    try:
        read = observer.read(Wants(programmes=True), AppState(), NOW)
        assert read.programmes is not None and read.programmes.standing is not None
        standing = read.programmes.standing
        assert (standing.state, standing.sessions, standing.done_today) == (State.UNDER_WAY, 2, True)
        assert [d.stretch for d in read.programmes.finished_today] == ["ql-ball-wall-release"]  # to the end only
        assert read.done is None  # the picker's history: not asked for
        assert observer.read(Wants(), AppState(), NOW).programmes is None  # not wanted: not read
    finally:
        observer.history.close()
    known = rules(Config(), catalogue, False, False).known()
    assert known["wall-side-plank"].kind == "strengthen" and known["standing-side-bend"].for_ql
