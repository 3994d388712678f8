"""Bad, unreadable, huge and read-only config and state files, and hostile arguments:
each is one clear line (file:line where there is a file) and a usage exit, never a
traceback, and nothing the user wrote is changed."""

from __future__ import annotations

import io
import json
import os
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qlbreak.cli import main
from qlbreak.core.schedule import ScheduleState
from qlbreak.storage import config, statefile
from qlbreak.storage.atomic import write_atomic
from qlbreak.storage.config_layers import NO_ADMIN
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
    loaded = config.load(path, known_ids(), admin=NO_ADMIN)  # (every open refused: an organisation's file too)
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


# -- the settings window's save: the file as it is now (issue 20, E and F) -----------------

SETTINGS_BEFORE = """\
# Mine, by hand.
[schedule]
snooze_minutes = 5    # I come back quickly

[[reminder]]
name = "morning"
time = "09:00"   # before stand-up
"""
BY_HAND = SETTINGS_BEFORE.replace("snooze_minutes = 5 ", "snooze_minutes = 7 ") + (
    '\n[[reminder]]\nname = "tea"   # added by hand\ntime = "15:00"\n'
)
EDITOR = """\
import os, random, sys, time
path, text = sys.argv[1], sys.argv[2].encode()
for line in sys.stdin:  # each line: one burst of saves, as an editor saving in place does
    for n in range(int(line)):
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
        time.sleep(random.random() / 1000)
        os.write(fd, text)
        os.close(fd)
        if n == 0:
            print("writing", flush=True)
        time.sleep(random.random() / 500)
    print("done", flush=True)
"""


def _window(path: Path) -> tuple[config.Config, config.Config]:
    """The settings window opened on ``SETTINGS_BEFORE``: what it read, and what it will
    save (Dark colours, chosen there)."""
    path.write_text(SETTINGS_BEFORE)
    aged(path)
    base = config.load(path, known_ids()).config
    return base, replace(base, theme="dark")


def aged(path: Path, seconds: float = 5) -> None:
    """The file as if written ``seconds`` ago: a save waits until a file written just now
    has been left alone for a moment (an editor may be writing it in parts)."""
    import time

    then = time.time() - seconds
    os.utime(path, (then, then))


def test_an_editor_rewriting_the_file_while_settings_saves_20_times_never_loses_either(tmp_path, monkeypatch):
    """Before: 17 of 20 saves left the window's stale copy (the hand edits reverted)."""
    import random
    import subprocess
    import sys

    from qlbreak.storage import config_save
    from qlbreak.storage.config_edit import edited
    from qlbreak.storage.config_save import EditError, save_changes

    monkeypatch.setattr(config_save, "QUIET", 0.02)  # the saves race the bursts, not wait them out

    ids = known_ids()
    path = tmp_path / "config.toml"
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR)
    merged = BY_HAND + '\n[dialog]\ntheme = "dark"\n'
    stale = edited(SETTINGS_BEFORE.encode(), "config.toml", _window(path)[1], ids).decode()
    seen = {"merged": 0, "editor's": 0, "refused": 0}
    bursts = random.Random(20)
    proc = subprocess.Popen(
        [sys.executable, str(editor), str(path), BY_HAND], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdin is not None and proc.stdout is not None
    try:
        for run in range(20):
            base, chosen = _window(path)
            proc.stdin.write(f"{bursts.randint(1, 8)}\n")  # 1 to 8 saves, 0-3 ms apart
            proc.stdin.flush()
            assert proc.stdout.readline() == "writing\n"
            try:
                save_changes(path, base, chosen, ("morning",), ids)
            except EditError as err:
                assert "kept changing" in str(err)
                seen["refused"] += 1
            assert proc.stdout.readline() == "done\n"
            after = path.read_text()
            assert after and after != stale, f"run {run}: {after!r}"
            assert after in (merged, BY_HAND), f"run {run}: {after!r}"
            seen["merged" if after == merged else "editor's"] += 1
    finally:
        proc.stdin.close()
        proc.wait(timeout=10)
        proc.stdout.close()
    print(f"20 saves racing an editor saving in place: the file afterwards {seen}")
    assert seen["merged"] + seen["editor's"] == 20


def test_a_file_broken_for_a_moment_is_waited_for_and_one_that_stays_broken_is_said(tmp_path, monkeypatch):
    import threading
    import time

    from qlbreak.storage import config_save

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    path.write_text("[schedule\n")  # an editor half-way through writing it
    later = threading.Timer(0.15, lambda: path.write_text(BY_HAND))
    later.start()
    config_save.save_changes(path, base, chosen, ("morning",), known_ids())
    later.join()
    assert path.read_text() == BY_HAND + '\n[dialog]\ntheme = "dark"\n'
    monkeypatch.setattr(config_save, "SETTLE", 0.3)
    for broken, where in (("[schedule]\nsnooze_minutes = \n", ":2: not valid TOML"), ("", None)):
        path.write_text(broken)
        started = time.monotonic()
        if where is None:  # empty for longer than an editor takes: emptied by hand, so merged into
            config_save.save_changes(path, base, chosen, ("morning",), known_ids())
            assert path.read_text() == '[dialog]\ntheme = "dark"\n'
            continue
        with pytest.raises(config_save.EditError, match=f"Not saved: {path}{where}.*fix it in an editor"):
            config_save.save_changes(path, base, chosen, ("morning",), known_ids())
        assert path.read_text() == broken and 0.3 <= time.monotonic() - started < 2


def test_a_symlinked_config_stays_a_symlink_and_its_target_is_written(tmp_path):
    from qlbreak.storage.config_save import save_changes

    (tmp_path / "dotfiles").mkdir()
    (tmp_path / "config").mkdir()
    target = tmp_path / "dotfiles" / "qlbreak.toml"
    link = tmp_path / "config" / "config.toml"
    link.symlink_to(os.path.relpath(target, link.parent))
    base, chosen = _window(link)
    save_changes(link, base, chosen, ("morning",), known_ids())
    assert link.is_symlink() and os.readlink(link) == "../dotfiles/qlbreak.toml"
    assert target.read_text() == SETTINGS_BEFORE + '\n[dialog]\ntheme = "dark"\n'
    assert [p.name for p in link.parent.iterdir()] == ["config.toml"]  # no temp file left, here
    assert [p.name for p in target.parent.iterdir()] == ["qlbreak.toml"]  # or there


@pytest.mark.parametrize("mode", [0o640, 0o600, 0o664])
def test_the_files_mode_is_kept(tmp_path, mode):
    from qlbreak.storage.config_save import save_changes

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    path.chmod(mode)
    save_changes(path, base, chosen, ("morning",), known_ids())
    assert os.stat(path).st_mode & 0o777 == mode and 'theme = "dark"' in path.read_text()


def test_a_read_only_file_is_a_lock_said_in_plain_words_and_never_written(tmp_path):
    from qlbreak.storage.config_save import EditError, save_changes

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    path.chmod(0o444)
    with pytest.raises(EditError) as said:
        save_changes(path, base, chosen, ("morning",), known_ids())
    assert str(said.value) == (
        f"Not saved: {path} is read-only: someone locked it against changes, so qlbreak leaves it as it is."
        " To save here, allow changes to it again (in your file manager: Properties, Permissions), or edit it"
        " by hand."
    )
    assert path.read_text() == SETTINGS_BEFORE and os.stat(path).st_mode & 0o777 == 0o444
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["config.toml"]  # no temp file left


def test_settings_saved_on_a_full_disk_leave_the_file_as_it_was(small_disk):
    from qlbreak.storage.config_save import save_changes

    path = small_disk.root / "config.toml"
    base, chosen = _window(path)
    filler = small_disk.fill()
    with pytest.raises(OSError, match="No space left"):
        save_changes(path, base, chosen, ("morning",), known_ids())
    assert path.read_text() == SETTINGS_BEFORE
    assert sorted(p.name for p in small_disk.root.iterdir()) == ["config.toml", "filler"]  # no temp file left
    filler.unlink()


def _chunked_saves(tmp_path: Path, runs: int, gaps: tuple[float, float], seed: int) -> dict[str, int]:
    """``runs`` saves, side by side (each its own file), each racing an editor that
    truncates the file and writes it in two parts ``gaps`` seconds apart, the first part
    (header and [schedule]) valid TOML on its own; the save starts between the two."""
    import random
    import threading
    import time

    from qlbreak.storage.config_save import EditError, save_changes

    ids = known_ids()
    merged = BY_HAND + '\n[dialog]\ntheme = "dark"\n'
    cut = BY_HAND.index('[[reminder]]\nname = "morning"')
    chance = random.Random(seed)
    seen: dict[str, int] = {"merged": 0, "editor's": 0, "refused": 0, "lost": 0}
    lock = threading.Lock()

    def one(run: int, gap: float) -> None:
        path = tmp_path / str(run) / "config.toml"
        path.parent.mkdir(parents=True)
        base, chosen = _window(path)
        fd = os.open(path, os.O_WRONLY | os.O_TRUNC)

        def editor() -> None:
            os.write(fd, BY_HAND[:cut].encode())
            time.sleep(gap)
            os.write(fd, BY_HAND[cut:].encode())
            os.close(fd)

        writes = threading.Thread(target=editor)
        writes.start()
        time.sleep(gap / 2)
        try:
            save_changes(path, base, chosen, ("morning",), ids)
            how = ""
        except EditError:
            how = "refused"
        writes.join()
        after = path.read_text()
        kind = "merged" if after == merged else "editor's" if after == BY_HAND else "lost"
        with lock:
            seen[how or kind] += 1
            seen["lost"] += how == "refused" and kind == "lost"

    saves = [threading.Thread(target=one, args=(run, chance.uniform(*gaps))) for run in range(runs)]
    for each in saves:
        each.start()
    for each in saves:
        each.join()
    return seen


def test_an_editor_writing_the_file_in_two_parts_while_settings_saves_loses_nothing(tmp_path):
    """Before: 20 of 20 lost both reminders (10-300 ms between the parts), 15 of 40
    (2-12 ms): the save read the first part, merged, replaced, and the second part went
    into the replaced file. Now the save waits until the file is left alone."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(2) as both:
        slow_runs = both.submit(_chunked_saves, tmp_path / "slow", 12, (0.01, 0.3), 1)
        quick_runs = both.submit(_chunked_saves, tmp_path / "quick", 12, (0.002, 0.012), 2)
        slow, quick = slow_runs.result(), quick_runs.result()
    print(f"an editor writing in two parts, 10-300 ms apart: {slow}; 2-12 ms apart: {quick}")
    assert slow["lost"] == quick["lost"] == 0
    assert slow["merged"] == quick["merged"] == 12  # every run: a thread that raised counts nowhere


def test_an_editor_still_writing_into_the_file_settings_replaced_is_merged_again(tmp_path, monkeypatch):
    """The second part written after the replace, into the file the editor still holds
    open (the replaced one): it is read from there, merged again and written."""
    from qlbreak.storage import atomic, config_save

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    cut = BY_HAND.index('[[reminder]]\nname = "morning"')
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.write(fd, BY_HAND[:cut].encode())  # then a pause longer than any wait
    replaced = []

    def write_over(*args, **kwargs):
        stamp = atomic.write_over(*args, **kwargs)
        if not replaced:
            replaced.append(path.read_text())
            os.write(fd, BY_HAND[cut:].encode())  # the editor's rest, into the file it opened
            os.close(fd)
        return stamp

    monkeypatch.setattr(config_save, "write_over", write_over)
    monkeypatch.setattr(config_save, "QUIET", 0.1)
    config_save.save_changes(path, base, chosen, ("morning",), known_ids())
    assert "morning" not in replaced[0]  # what the first write replaced the file with: half of it
    assert path.read_text() == BY_HAND + '\n[dialog]\ntheme = "dark"\n'


def test_a_file_that_keeps_changing_is_said_and_not_written(tmp_path, monkeypatch):
    import threading
    import time

    from qlbreak.storage import config_save

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    monkeypatch.setattr(config_save, "BUSY", 0.5)
    stop = threading.Event()

    def editor() -> None:
        while not stop.is_set():
            path.write_text(BY_HAND)
            time.sleep(0.05)

    writes = threading.Thread(target=editor)
    writes.start()
    try:
        with pytest.raises(
            config_save.EditError, match=r"your settings file .* keeps changing; save again in a moment"
        ):
            config_save.save_changes(path, base, chosen, ("morning",), known_ids())
    finally:
        stop.set()
        writes.join()
    assert path.read_text() == BY_HAND


def test_what_an_editor_wrote_into_the_replaced_file_that_is_not_toml_is_put_back_as_written(tmp_path, monkeypatch):
    """The late words cannot take the window's changes: the file is the editor's again,
    byte for byte, and the window says where it is broken."""
    from qlbreak.storage import atomic, config_save

    path = tmp_path / "config.toml"
    base, chosen = _window(path)
    fd = os.open(path, os.O_WRONLY | os.O_TRUNC)
    os.write(fd, b"[schedule]\n")
    broken = b"[schedule]\nsnooze_minutes = \n"

    def write_over(*args, **kwargs):
        stamp = atomic.write_over(*args, **kwargs)
        if fd not in done:
            done.append(fd)
            os.write(fd, broken[len(b"[schedule]\n") :])
            os.close(fd)
        return stamp

    done: list[int] = []
    monkeypatch.setattr(config_save, "write_over", write_over)
    monkeypatch.setattr(config_save, "QUIET", 0.1)
    with pytest.raises(config_save.EditError, match=f"Not saved: {path}:2: not valid TOML"):
        config_save.save_changes(path, base, chosen, ("morning",), known_ids())
    assert path.read_bytes() == broken
