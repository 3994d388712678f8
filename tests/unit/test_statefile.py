"""storage/statefile.py: the tray's memory survives a restart; old and bad files."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from qlbreak.core.reminder import Stage, falls_due
from qlbreak.core.schedule import Occurrence, ScheduleState
from qlbreak.storage import statefile

ZONE = ZoneInfo("Europe/Berlin")
AT = datetime(2026, 11, 30, 9, 30, tzinfo=ZONE)
OCC = Occurrence(AT, "morning", date(2026, 11, 30))


def test_every_stage_round_trips_with_its_stretch(tmp_path):
    path = tmp_path / "state.json"
    state = ScheduleState(AT, AT, frozenset({("morning", OCC.day)}), AT + timedelta(hours=1))
    for stage in Stage:
        on_show = replace(falls_due(OCC, "cat-cow", "Cat-cow", timedelta(minutes=30)), stage=stage)
        statefile.save(path, state, on_show)
        saved = statefile.load(path, AT)
        assert (saved.state, saved.reminder, saved.notice) == (state, on_show, None)
    assert json.loads(path.read_text())["version"] == statefile.VERSION


def test_a_version_1_file_is_read(tmp_path):
    path = tmp_path / "state.json"
    occurrence = {"at": AT.isoformat(), "reminder": "morning", "day": "2026-11-30"}
    until = (AT + timedelta(minutes=10)).isoformat()
    v1 = {"version": 1, "since": None, "seen_until": AT.isoformat(), "handled": [["morning", "2026-11-30"]]}
    path.write_text(json.dumps(v1 | {"snoozed": {"occurrence": occurrence, "until": until}, "due": None}))
    snoozed = statefile.load(path, AT).reminder
    assert snoozed is not None and snoozed.stage is Stage.SNOOZED and snoozed.stretch == ""
    due = {"occurrence": occurrence, "stretch": "cat-cow", "name": "Cat-cow", "until": until}
    path.write_text(json.dumps(v1 | {"snoozed": None, "due": due}))
    shown = statefile.load(path, AT)
    assert shown.reminder is not None and shown.reminder.stage is Stage.DUE and shown.reminder.stretch == "cat-cow"
    assert shown.state.handled == frozenset({("morning", OCC.day)})


def test_an_unknown_version_is_kept_aside(tmp_path):
    path = tmp_path / "state.json"
    path.write_text('{"version": 99}')
    saved = statefile.load(path, AT)
    assert saved.reminder is None and saved.notice is not None and "unknown version 99" in saved.notice
    assert list(tmp_path.glob("state.json.bad-*"))
