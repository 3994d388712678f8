"""config.toml read again whenever it is another version of the file, however it was
replaced: by a sync tool keeping the modification time, through a symlink, or with
its whole folder; and ``Loaded.written`` says when that version was written."""

from __future__ import annotations

import os
import time
from datetime import UTC, datetime
from types import SimpleNamespace

from qlbreak.storage.config import Config, Watch, _written
from qlbreak.stretches import catalogue

IDS = frozenset(catalogue.load().ids)
LUNCH = '[[reminder]]\nname = "lunch"\ntime = "{}"\n'


def times(loaded) -> list[str]:
    return [f"{r.at:%H:%M}" for r in loaded.config.plan.reminders]


def same_times(path, st) -> None:
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))  # as rsync -t, Syncthing, cp -p do


def test_a_file_deleted_and_written_again_with_its_size_and_time_is_seen(tmp_path):
    """The new file often gets the old inode number back (ext4 here); size and
    modification time kept as a sync tool keeps them: only its change time differs."""
    config = tmp_path / "config.toml"
    config.write_text(LUNCH.format("12:30"))
    watch = Watch(config, IDS)
    old = config.stat()
    while time.time_ns() <= old.st_ctime_ns + 20_000_000:  # past the kernel's coarse tick
        time.sleep(0.005)
    config.unlink()
    config.write_text(LUNCH.format("13:30"))
    same_times(config, old)
    new = config.stat()
    assert (new.st_size, new.st_mtime_ns) == (old.st_size, old.st_mtime_ns)
    print(f"inode number reused: {new.st_ino == old.st_ino}")
    loaded = watch.changed(Config())
    assert loaded is not None and times(loaded) == ["13:30"]
    assert watch.changed(loaded.config) is None  # once


def test_a_config_folder_replaced_whole_is_seen_with_the_same_time_and_size(tmp_path):
    folder = tmp_path / "qlbreak"
    folder.mkdir()
    (folder / "config.toml").write_text(LUNCH.format("12:30"))
    watch = Watch(folder / "config.toml", IDS)
    old = (folder / "config.toml").stat()
    new = tmp_path / "qlbreak.new"  # a dotfile manager: the old folder aside, the new one in
    new.mkdir()
    (new / "config.toml").write_text(LUNCH.format("13:30"))
    same_times(new / "config.toml", old)
    folder.rename(tmp_path / "qlbreak.old")
    new.rename(folder)
    loaded = watch.changed(Config())
    assert loaded is not None and times(loaded) == ["13:30"]


def test_a_symlinked_config_is_followed_when_retargeted_and_when_its_target_changes(tmp_path):
    (tmp_path / "dotfiles").mkdir()
    a, b = tmp_path / "dotfiles" / "a.toml", tmp_path / "dotfiles" / "b.toml"
    a.write_text(LUNCH.format("12:30"))
    b.write_text(LUNCH.format("13:30"))
    same_times(b, a.stat())
    config = tmp_path / "config.toml"
    config.symlink_to(a)
    watch = Watch(config, IDS)
    link = tmp_path / "link.new"
    link.symlink_to(b)
    link.replace(config)
    loaded = watch.changed(Config())
    assert loaded is not None and times(loaded) == ["13:30"]
    b.write_text(LUNCH.format("14:45"))
    loaded = watch.changed(loaded.config)
    assert loaded is not None and times(loaded) == ["14:45"]


def test_loaded_says_when_the_file_was_written(tmp_path):
    config = tmp_path / "config.toml"
    watch = Watch(config, IDS)
    config.write_text(LUNCH.format("12:30"))
    os.utime(config, ns=(0, 1_795_000_000_123_456_789))
    loaded = watch.changed(Config())
    assert loaded is not None
    assert loaded.written == datetime.fromtimestamp(1_795_000_000.123456789, UTC)
    assert loaded.written.tzinfo is not None
    config.unlink()
    gone = watch.changed(loaded.config)
    assert gone is not None and gone.written is None


def test_a_modification_time_no_datetime_can_hold_is_not_known_rather_than_a_crash():
    assert _written(SimpleNamespace(st_mtime_ns=10**30)) is None  # type: ignore[arg-type]
    assert _written(SimpleNamespace(st_mtime_ns=-(10**30))) is None  # type: ignore[arg-type]
