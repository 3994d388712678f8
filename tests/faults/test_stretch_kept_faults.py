"""A finished stretch outlives the window and the tray (issue 20, G): the history is
locked when the stretch ends, then the tray is killed and the window terminated (a
logout). The record waits in the spool beside the history and the window's answer in
its answer file; the next tray moves the record in once and hears that the reminder
was answered with a stretch, so it is never "missed" as well."""

from __future__ import annotations

import io
import json
import os
import shutil
import signal
import sqlite3
import threading
from datetime import timedelta
from pathlib import Path

import pytest

from qlbreak.cli import commands
from qlbreak.cli import main as cli
from qlbreak.core.commands import StretchNow
from qlbreak.core.kinds import Window
from qlbreak.core.session import Feeling
from qlbreak.core.window_specs import StretchSpec
from qlbreak.edges.children import launch as windows_module
from qlbreak.edges.children.launch import ANSWERS, ChildWindows
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History, HistoryBusy
from qlbreak.storage.paths import default_paths
from qlbreak.storage.spool import Spool, beside
from qlbreak.stretches.catalogue import load
from qlbreak.ui import stretch as window
from qlbreak.ui.walkthrough import Walkthrough
from tests.fakes import prompts, stretches
from tests.faults.test_reminder_faults import lock_out
from tests.gui.screen import wait_until
from tests.unit.test_service import MONDAY_0925, Rig


def finish_in_a_window_process(rig: Rig, stretch: str, answer_file: Path) -> int:
    """The stretch window's own code path (``ui/stretch.py`` wires it just so) in a
    process of its own: it finishes ``stretch`` (rated "better") and waits on its done
    screen. Returns its pid once the stretch is finished."""
    finished_r, finished_w = os.pipe()
    pid = os.fork()
    if pid == 0:
        try:
            os.close(finished_r)
            history = rig.tmp_path / "history.db"
            walk = Walkthrough(
                load().get(stretch),
                open_history=lambda: History.open(history, rig.clock.now(), timeout=0.1),
                another_for=lambda h, skip: load().get(stretch),
                workdays=frozenset(range(5)),
                wall=rig.clock.now,
                spool_beside=str(history),
                ended=lambda kind: window._tell(str(answer_file), kind),
            )
            walk.next(0)  # to the position
            walk.next(0)  # to the hold
            walk.tick(10_000)  # every hold held: how did that feel?
            walk.feel(Feeling.BETTER, 10_000)
            os.write(finished_w, walk.outcome.encode())
            signal.pause()  # on the done screen, until terminated
        finally:
            os._exit(1)
    os.close(finished_w)
    assert os.read(finished_r, 16) == b"done"
    os.close(finished_r)
    return pid


def test_a_stretch_finished_while_the_history_is_locked_survives_the_tray_and_the_window(tmp_path):
    rig = Rig(tmp_path)
    rig.at(5 * 60)  # the morning reminder is due
    assert rig.kinds() == ["fired"] and len(prompts(rig.windows)) == 1
    rig.do(StretchNow())
    stretch = stretches(rig.windows)[-1]
    answers = default_paths().state_dir / ANSWERS
    other = sqlite3.connect(tmp_path / "history.db", isolation_level=None, timeout=0)
    other.execute("BEGIN IMMEDIATE")  # another program holds the history's write lock
    pid = finish_in_a_window_process(rig, stretch, answers / "1.answer")
    # the tray is killed (SIGKILL: no Quit, its state as its last step saved it) ...
    rig.history.close()
    # ... and the window is terminated, at logout, its record never written
    os.kill(pid, signal.SIGTERM)
    assert os.WIFSIGNALED(os.waitpid(pid, 0)[1])
    other.close()
    assert [e.kind for e in Spool(beside(tmp_path / "history.db")).events()] == ["done"]
    # the next login: the tray starts (its windows first, as tray/main.py makes them)
    rig.restart()
    ChildWindows(Config(), rig.catalogue, default_paths(), report=rig.service.put)
    rig.at(3 * 3600)  # long past the reminder's grace
    events = History.open(tmp_path / "history.db", rig.clock.now()).events()
    kinds = [(e.kind, e.stretch, e.feeling) for e in events]
    print(f"\nafter the restart: {kinds}")
    assert [k for k in kinds if k[0] == "done"] == [("done", stretch, Feeling.BETTER)]  # once
    assert not [e for e in events if e.kind == "missed" and e.reminder == "morning"]
    assert [p for p in prompts(rig.windows) if p.occurrence.reminder == "morning"] == []  # nor shown again
    assert Spool(beside(tmp_path / "history.db")).events() == [] and not list(answers.glob("*"))


def test_the_record_is_on_disk_before_the_history_is_even_opened(tmp_path):
    """Opening a history another program holds in exclusive mode waits: a kill during
    that wait must find the record kept already, and the answer noted."""
    path, answer = tmp_path / "history.db", tmp_path / "answers" / "w.answer"
    seen: list = []

    def open_history() -> History:
        seen.append((Spool(beside(path)).events(), answer.read_text()))
        raise HistoryBusy("another program is using the history")

    walk = Walkthrough(
        load().get("seated-twist"),
        open_history=open_history,
        another_for=lambda h, skip: load().get("seated-twist"),
        workdays=frozenset(range(5)),
        wall=lambda: MONDAY_0925,
        spool_beside=str(path),
        ended=lambda kind: window._tell(str(answer), kind),
    )
    walk.next(0)
    walk.next(0)
    walk.tick(10_000)
    walk.feel(Feeling.SAME, 10_000)
    assert walk.outcome == "done" and walk.waiting
    (kept, noted), *_ = seen
    assert [(e.kind, e.feeling) for e in kept] == [("done", Feeling.SAME)] and noted == "done"


def test_a_window_killed_on_its_done_screen_ended_done(tmp_path, monkeypatch):
    """The tray hears "done", not "no answer" (which snoozes the reminder into a miss)."""
    stand_in = "import json, sys, time; spec = json.loads(sys.argv[1]); "
    stand_in += "open(spec['answer_file'], 'w').write('done'); print('unfinished', flush=True); time.sleep(60)"

    def command(kind, told, python=None):
        Path(told["answer_file"]).parent.mkdir(parents=True, exist_ok=True)
        return ["python3", "-c", stand_in, json.dumps(told)]

    monkeypatch.setattr(windows_module.ui_spec, "command", command)
    ended: list = []
    got = threading.Event()
    w = ChildWindows(Config(), load(), default_paths(), lambda c: (ended.append(c), got.set()))
    w.open(Window.STRETCH, StretchSpec("cat-cow"))
    child = w._alive("stretch")
    assert child is not None
    answers = default_paths().state_dir / ANSWERS
    wait_until(lambda: list(answers.glob("*.answer")), 20, "the window to note its stretch done")
    child.kill()
    assert got.wait(20)
    assert [(c.kind, c.result) for c in ended] == [("stretch", "done")]
    wait_until(lambda: not list(answers.glob("*.answer")), 5, "the heard answer to go")  # not said again


def test_a_tray_that_quit_before_its_window_ended_leaves_the_answer_for_the_next(tmp_path):
    answers = default_paths().state_dir / ANSWERS
    answers.mkdir(parents=True)
    (answers / "a.answer").write_text("partial")
    (answers / "b.answer").write_text("rubbish")
    heard: list = []
    ChildWindows(Config(), load(), default_paths(), heard.append)
    assert [(c.kind, c.result) for c in heard] == [("stretch", "partial")]
    ChildWindows(Config(), load(), default_paths(), heard.append)
    assert len(heard) == 1 and not list(answers.iterdir())  # once


def test_an_orphans_answer_that_came_while_this_tray_ran_is_not_applied_to_a_later_stretch(monkeypatch):
    """A window that outlived its tray ended "done" after the next tray started: that
    answer is older than the stretch opened now, and never answers a later reminder."""
    monkeypatch.setattr(windows_module.ui_spec, "command", lambda kind, told, python=None: ["python3", "-c", "pass"])
    heard: list = []
    got = threading.Event()
    w = ChildWindows(Config(), load(), default_paths(), lambda c: (heard.append(c), got.set()))
    answers = default_paths().state_dir / ANSWERS
    answers.mkdir(parents=True)
    (answers / "orphan.answer").write_text("done")
    w.open(Window.STRETCH, StretchSpec("cat-cow"))
    assert got.wait(20)
    assert [(c.kind, c.result) for c in heard] == [("stretch", None)]  # the new window's own end only
    assert not (answers / "orphan.answer").exists()


# -- the spool: each record moved in once, whoever replays it, however often -------------


def test_replaying_the_spool_twice_or_from_two_processes_adds_each_record_once(tmp_path, monkeypatch):
    path = tmp_path / "history.db"
    now = Rig(tmp_path / "clock").clock.now()
    spool = Spool(beside(path))
    records = [Event(now + timedelta(minutes=n), "done", f"s{n}", Feeling.SAME) for n in range(5)]
    for record in records:
        spool.put(record)
    kept = {p.name: p.read_bytes() for p in spool.folder.iterdir()}
    assert {oct(p.stat().st_mode & 0o777) for p in spool.folder.iterdir()} == {"0o600"}
    history = History.open(path, now)
    assert spool.replay(history) == 5 and list(spool.folder.iterdir()) == []
    for name, data in kept.items():  # killed after the commit, before the files went
        (spool.folder / name).write_bytes(data)
    assert spool.replay(history) == 0 and spool.replay(history) == 0
    for name, data in kept.items():  # and two processes at once
        (spool.folder / name).write_bytes(data)
    pids = []
    for _ in range(2):
        pid = os.fork()
        if pid == 0:
            try:
                Spool(beside(path)).replay(History.open(path, now, timeout=5))
            finally:
                os._exit(0)
        pids.append(pid)
    for pid in pids:
        os.waitpid(pid, 0)
    stored = [(e.kind, e.stretch) for e in history.events()]
    print(f"\nafter 4 replays of 5 records: {len(stored)} in the history")
    assert stored == [("done", f"s{n}") for n in range(5)]
    history.close()


def test_a_file_in_the_spool_that_is_not_a_record_is_put_aside_not_retried(tmp_path):
    spool = Spool(tmp_path / "waiting")
    spool.folder.mkdir()
    (spool.folder / "00000000000000000001-x.json").write_text("{not json")
    assert spool.events() == []
    assert [p.name for p in spool.folder.iterdir()] == ["00000000000000000001-x.json.unreadable"]


# -- qlbreak stretch: kept, and said so ---------------------------------------------------


def run_stretch_with_an_answer(monkeypatch, answer: list[str]) -> tuple[int, str]:
    monkeypatch.setattr(windows_module, "run_to_end", lambda kind, told: (0, answer))
    monkeypatch.setattr(commands, "LATE_WAIT", 0.1)
    err = io.StringIO()
    status = cli(["stretch", "cat-cow"], out=io.StringIO(), err=err)
    return status, err.getvalue()


def test_the_command_line_keeps_a_record_the_history_cannot_take_and_says_so(monkeypatch):
    paths = default_paths()
    History.open(paths.history_db, MONDAY_0925).close()
    done = Event(MONDAY_0925, "done", "cat-cow", Feeling.BETTER)
    other = lock_out(paths.history_db)
    status, said = run_stretch_with_an_answer(monkeypatch, ["done", json.dumps(done.as_record())])
    other.close()
    print(f"\n{said}")
    assert (
        status == 0
        and "is not in your history yet (another program is using your history); it is kept" in said
        and "not recorded" not in said
    )
    assert Spool(beside(paths.history_db)).events() == [done]
    run_stretch_with_an_answer(monkeypatch, ["closed"])  # the next run moves it in
    assert [e.kind for e in History.open(paths.history_db, done.at).events()] == ["done"]


def test_the_command_line_fails_only_when_a_record_can_be_kept_nowhere(monkeypatch):
    paths = default_paths()
    History.open(paths.history_db, MONDAY_0925).close()
    done = Event(MONDAY_0925, "done", "cat-cow")
    beside(paths.history_db).write_text("a file where the spool's folder should be")
    other = lock_out(paths.history_db)
    try:
        status, said = run_stretch_with_an_answer(monkeypatch, ["done", json.dumps(done.as_record())])
    finally:
        other.close()
    print(f"\n{said}")
    assert status == 1 and "could not be recorded (another program is using your history), nor kept" in said
    assert "Traceback" not in said


@pytest.fixture(autouse=True)
def _no_stray_tk(monkeypatch):
    """The command line checks for Tk; these runs never open a window."""
    monkeypatch.setattr(commands, "_need_tk", lambda: None)
    yield
    shutil.rmtree(default_paths().state_dir / ANSWERS, ignore_errors=True)
