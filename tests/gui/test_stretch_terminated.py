"""The real stretch window, terminated (SIGTERM: a logout) while the history is locked
(issue 20, G): a stretch that waits only for its rating is recorded as done, kept in
the spool before anything else, noted in the tray's answer file and answered; one
terminated mid-hold records nothing (a logout is not a skip)."""

from __future__ import annotations

import json
import signal
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from qlbreak.storage.spool import Spool, beside
from qlbreak.stretches.catalogue import load
from qlbreak.ui import spec
from tests.gui.conftest import APP


def start_window(screen, tmp_path, stretch: str) -> tuple[subprocess.Popen[bytes], str]:
    paths = default_paths()
    paths.safety_file.parent.mkdir(parents=True, exist_ok=True)
    paths.safety_file.write_text("2026-11-25T09:00:00+00:00\n")
    answer_file = str(tmp_path / "answers" / "w.answer")
    told = spec.stretch(load().get(stretch), Config(checkin=False), paths, "light", speed=50)
    told |= {"answer_file": answer_file}
    proc = subprocess.Popen(
        spec.command("stretch", told), env=screen.env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    return proc, answer_file


def held(path) -> sqlite3.Connection:
    """Another program holds the history's write lock."""
    History.open(path, datetime.now(UTC)).close()
    other = sqlite3.connect(path, isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")
    return other


def test_terminated_while_asking_how_it_felt_the_stretch_is_kept_and_answered_done(screen, tmp_path, shots):
    path = default_paths().history_db
    other = held(path)
    proc, answer_file = start_window(screen, tmp_path, "seated-twist")
    try:
        wid = screen.wait_window("qlbreak — Seated twist")
        screen.press(APP, "Start")
        screen.wait_text(APP, "^Get into position$")
        screen.key(wid, "Return")
        screen.wait_text(APP, "^How did that feel\\?$", timeout=20)
        screen.screenshot(shots / "terminated-asking-how-it-felt.png", wid)
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        other.close()
        if proc.poll() is None:
            proc.kill()
    lines = out.decode().splitlines()
    assert proc.returncode == 0 and b"Traceback" not in err, err
    assert lines[0] == "done"  # the tray hears it done: the reminder is over, not snoozed
    (record,) = (Event.from_json(json.loads(line)) for line in lines[1:])
    assert (record.kind, record.stretch, record.feeling) == ("done", "seated-twist", None)
    assert Spool(beside(path)).events() == [record]  # kept on disk before the history was tried
    assert Path(answer_file).read_text() == "done"
    history = History.open(path, datetime.now(UTC))  # whoever comes next moves it in, once
    assert Spool(beside(path)).replay(history) == 1 and Spool(beside(path)).events() == []
    assert [e.kind for e in history.events()] == ["done"]
    history.close()


def test_terminated_mid_hold_records_nothing(screen, tmp_path):
    path = default_paths().history_db
    History.open(path, datetime.now(UTC)).close()
    proc, _ = start_window(screen, tmp_path, "ql-ball-release")
    try:
        wid = screen.wait_window("qlbreak — Ball release, lying")
        screen.key(wid, "Return")
        screen.wait_text(APP, "^Get into position$")
        screen.key(wid, "Return")
        screen.wait_text(APP, "^Left side: ")
        proc.send_signal(signal.SIGTERM)
        out, err = proc.communicate(timeout=20)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0 and out.decode().splitlines() == ["closed"], err
    assert Spool(beside(path)).events() == [] and History.open(path, datetime.now(UTC)).events() == []
    assert not (tmp_path / "answers").exists()


def test_terminated_before_its_main_loop_runs_it_still_ends(screen):
    """SIGTERM between the first paint and the main loop (a logout the moment a stretch
    opens; the start-up benchmark's kill): ``quit`` before ``mainloop`` was lost, and the
    window stayed until killed."""
    script = (
        "import os, signal, tkinter\n"
        "from qlbreak.ui.stretch_posix import end_on_terminate\n"
        "root = tkinter.Tk()\n"
        "end_on_terminate(root, lambda: print('saved', flush=True))\n"
        "root.update()\n"
        "os.kill(os.getpid(), signal.SIGTERM)\n"
        "root.mainloop()\n"
        "print('ended', flush=True)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], check=False, env=screen.env, capture_output=True, text=True, timeout=20
    )
    assert done.stdout.split() == ["saved", "ended"], done.stderr
