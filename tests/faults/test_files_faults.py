"""Bad, unreadable, huge and read-only config and state files, and hostile arguments:
each is one clear line (file:line where there is a file) and a usage exit, never a
traceback, and nothing the user wrote is changed."""

from __future__ import annotations

import io
import json
import os
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.core.schedule import ScheduleState
from qlbreak.storage import config, statefile
from qlbreak.storage.atomic import write_atomic
from qlbreak.stretches.catalogue import known_ids

NOW = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def one_line(text: str) -> str:
    lines = text.strip().splitlines()
    assert lines and "Traceback" not in text, text
    return lines[-1]


# -- config ---------------------------------------------------------------------------


def test_a_config_nested_500_levels_deep_is_one_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text("x = " + "[" * 500 + "]" * 500 + "\n")
    status, out, _ = qlbreak("--config", str(path), "config", "--check")
    assert status == 1 and f"{path}:1: not valid TOML: nested too deeply" in out


@pytest.mark.parametrize("name", ["A" * 300, "B" * 256 + "/config.toml"])
def test_a_config_path_too_long_for_the_file_system_is_one_line(tmp_path, name):
    path = tmp_path / name
    status, out, err = qlbreak("--config", str(path), "config", "--check")
    assert status == 1 and "cannot read: File name too long" in out and "Traceback" not in out + err
    assert qlbreak("--config", str(path), "list")[0] == 0  # the rest of the app goes on, with defaults


def test_a_folder_that_cannot_be_searched_is_one_line(tmp_path, monkeypatch):
    path = tmp_path / "locked" / "config.toml"

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)  # as root, chmod cannot refuse us anything
    loaded = config.load(path, known_ids())
    assert [str(p) for p in loaded.problems] == [f"{path}:1: cannot read: Permission denied"]


def test_a_config_that_never_ends_is_refused_after_a_mebibyte(tmp_path):
    status, out, _ = qlbreak("--config", "/dev/zero", "config", "--check")
    assert status == 1 and "/dev/zero:1: too large to be a settings file (over 1024 KiB)" in out


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "config.toml"
    path.write_bytes(b'\xef\xbb\xbf[schedule]\ntimezone = "Europe/Berlin"\n')
    loaded = config.load(path, known_ids())
    assert loaded.problems == () and loaded.config.timezone == "Europe/Berlin"


def test_a_zone_name_too_long_for_a_file_is_one_line(tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(f'[schedule]\ntimezone = "{"Z" * 300}"\n')
    loaded = config.load(path, known_ids())
    assert len(loaded.errors) == 1 and "unknown time zone" in str(loaded.errors[0])
    status, _, err = qlbreak("schedule", "--tz", "Y" * 300)
    assert status == 2 and "unknown time zone" in one_line(err)


def test_config_init_in_a_read_only_folder_is_one_line(small_disk):
    small_disk.read_only()
    try:
        status, _, err = qlbreak("--config", str(small_disk.root / "config.toml"), "config", "--init")
    finally:
        small_disk.read_only(False)
    assert status == 2 and "cannot write: Read-only file system" in one_line(err)


# -- command-line arguments -----------------------------------------------------------

BAD_ARGUMENTS = {
    ("history", "--days", "1000000"): "--days must be from 1 to 36600",
    ("history", "--days", "0"): "--days must be from 1 to 36600",
    ("schedule", "--from", "0001-01-01"): "--from: '0001-01-01' is not",
    ("schedule", "--from", "9999-12-27"): "--from: '9999-12-27' is not",
    ("schedule", "--from", ""): "--from: '' is not",
    ("schedule", "--tz", ""): "--tz: give a time zone",
    ("schedule", "--days", "99999"): "--days must be from 1 to 3660",
}


@pytest.mark.parametrize("argv", sorted(BAD_ARGUMENTS), ids=" ".join)
def test_a_bad_argument_is_one_line_and_a_usage_exit(argv):
    status, out, err = qlbreak(*argv)
    assert status == 2 and out == "" and BAD_ARGUMENTS[argv] in one_line(err)


def test_the_far_ends_of_the_calendar_that_are_allowed_work():
    assert qlbreak("schedule", "--from", "9000-12-01", "--days", "3660")[0] == 0
    assert qlbreak("schedule", "--from", "1900-01-01")[0] == 0


# -- the tray's state file ------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "{not json",
        "[" * 100_000 + "]" * 100_000,  # deeper than json can go
        '{"version": 2, "since": "yesterday"}',
        '{"version": 2, "reminder": {"stage": "dancing"}}',
        '{"version": 2, "pending": [{"kind": "exploded"}]}',
        "\x00\xff" * 100,
    ],
    ids=["not json", "nested", "bad instant", "bad stage", "bad record", "binary"],
)
def test_a_bad_state_file_is_kept_aside_with_one_line(tmp_path, text):
    path = tmp_path / "state.json"
    path.write_bytes(text.encode("utf-8", "surrogateescape") if isinstance(text, str) else text)
    saved = statefile.load(path, NOW)
    assert saved.state == ScheduleState() and saved.reminder is None and saved.pending == ()
    assert saved.notice is not None and "unreadable" in saved.notice and "\n" not in saved.notice
    assert list(tmp_path.glob("state.json.bad-*"))


def test_an_unreadable_state_folder_starts_afresh_with_one_line(tmp_path):
    (tmp_path / "state.json").mkdir()  # a folder where the file should be
    saved = statefile.load(tmp_path / "state.json", NOW)
    assert saved.state == ScheduleState() and saved.notice is not None


def test_a_state_file_that_cannot_be_written_keeps_the_old_one(small_disk):
    path = small_disk.root / "state.json"
    statefile.save(path, ScheduleState(seen_until=NOW), None)
    before = path.read_bytes()
    small_disk.read_only()
    try:
        with pytest.raises(OSError):
            statefile.save(path, ScheduleState(), None)
    finally:
        small_disk.read_only(False)
    assert path.read_bytes() == before


def test_what_a_killed_write_left_behind_is_removed_at_start(tmp_path):
    (tmp_path / "state").mkdir()
    tmp_path = tmp_path / "state"
    path = tmp_path / "state.json"
    statefile.save(path, ScheduleState(seen_until=NOW), None)
    for n in range(3):
        (tmp_path / f".state.json.{4000 + n}.deadbeef.tmp").write_text('{"half": ')
    assert statefile.load(path, NOW).state.seen_until == NOW
    assert sorted(p.name for p in tmp_path.iterdir()) == ["state.json"]


def test_a_full_disk_leaves_no_half_written_file(small_disk):
    path = small_disk.root / "consent"
    filler = small_disk.fill()
    with pytest.raises(OSError):
        write_atomic(path, b"x" * 100_000)
    assert not path.exists() and [p.name for p in small_disk.root.iterdir()] == ["filler"]
    filler.unlink()


def test_pending_records_survive_in_the_state_file(tmp_path):
    from qlbreak.storage.history import Event

    path = tmp_path / "state.json"
    done = Event(NOW, "done", "cat-cow")
    statefile.save(path, ScheduleState(), None, [done])
    assert statefile.load(path, NOW).pending == (done,)
    assert json.loads(path.read_text())["pending"][0]["kind"] == "done"
    assert os.stat(path).st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "record",
    [
        {"at": "2026-11-30T09:00:00+00:00", "kind": "missed", "reminder": ["x"], "occurrence": "2026-11-30"},
        {"at": "2026-11-30T09:00:00+00:00", "kind": "done", "stretch": [1]},
        {"at": "2026-11-30T09:00:00", "kind": "done"},
        {"kind": "done"},
        ["not", "a", "record"],
    ],
    ids=["list reminder", "list stretch", "naive time", "no time", "a list"],
)
def test_a_state_file_with_a_bad_pending_record_is_kept_aside_and_the_tray_starts(tmp_path, record):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 2, "reminder": None, "pending": [record]}))
    saved = statefile.load(path, NOW)
    assert saved.pending == () and saved.notice is not None and "unreadable" in saved.notice


def test_a_record_written_before_a_crash_is_not_written_again(tmp_path):
    from qlbreak.storage.history import Event, History
    from qlbreak.storage.outbox import Outbox

    done = Event(datetime(2026, 11, 30, 9, 0, 0, 123456, tzinfo=UTC), "done", "cat-cow")
    history = History.open(tmp_path / "history.db", NOW)
    history.record(done)  # written; then the tray was killed before its state file said so
    history.close()
    restored = statefile.Saved(ScheduleState(), pending=(Event.from_json(done.as_json()),))  # seconds only
    outbox = Outbox(lambda: History.open(tmp_path / "history.db", NOW))
    outbox.keep(restored.pending)
    assert outbox.flush()
    assert [e.stretch for e in outbox.events()] == ["cat-cow"]
