"""cli/, run in-process the way a user types it; one subprocess checks imports."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from qlbreak import __version__
from qlbreak.cli import main
from qlbreak.clock import now as clock_now
from qlbreak.core.commands import StretchNow
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def test_version(capsys):
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"qlbreak {__version__}"


@pytest.mark.parametrize(
    "command",
    [[], ["list"], ["schedule"], ["history"], ["check-in"], ["config"], ["autostart"], ["status"], ["uninstall"]],
)
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0
    assert "usage: qlbreak" in capsys.readouterr().out


def test_a_second_start_asks_the_running_one_for_a_stretch_and_exits_0():
    from qlbreak.edges.instance.endpoint import Endpoint

    paths = default_paths()
    running = Endpoint(paths.runtime_dir, paths.key_file)
    assert running.acquire()
    asked: list[StretchNow] = []
    listener = running.listen(asked.append, frozenset({"cat-cow"}))
    try:
        status, out, _ = qlbreak()
        assert status == 0 and "already running" in out
        status, out, _ = qlbreak("stretch", "cat-cow")
        assert status == 0 and "opens the stretch" in out
    finally:
        listener.close()
        running.release()
    assert asked == [StretchNow(), StretchNow("cat-cow")]


def test_autostart_on_status_off(private_home):
    status, out, _ = qlbreak("autostart", "on")
    desktop = private_home / ".config" / "autostart" / "qlbreak.desktop"
    assert status == 0 and out.startswith("start at login: on") and desktop.exists()
    assert qlbreak("autostart", "status")[1].startswith("start at login: on")
    status, out, _ = qlbreak("autostart", "off")
    assert out.startswith("start at login: off") and not desktop.exists()


def test_list_follows_the_settings_and_the_filters():
    _, out, _ = qlbreak("list", "--rotation", "--json")
    ids = [s["id"] for s in json.loads(out)]
    # a work PC by default: no floor, a chair and a door frame (the door-frame QL stretch)
    assert "seated-twist" in ids and "ql-stick-stretch" in ids
    assert "cat-cow" not in ids and "ql-ball-wall-release" not in ids
    _, out, _ = qlbreak("list", "--all", "--json")
    assert len(json.loads(out)) >= 13
    _, out, _ = qlbreak("list", "--no-floor", "--json")
    assert all(s["no_floor"] for s in json.loads(out))
    _, out, _ = qlbreak("list", "--all", "--position", "lying")
    assert "lumbar-rotation" in out and "seated-twist" not in out
    _, out, _ = qlbreak("list", "--all", "--equipment", "ball", "--json")
    assert {s["id"] for s in json.loads(out)} == {"ql-ball-release", "ql-ball-wall-release"}


def test_list_with_user_settings(private_home):
    cfg = private_home / "c.toml"
    cfg.write_text('[stretches]\nno_floor = true\navoid = ["seated-twist"]\n')
    _, out, _ = qlbreak("--config", str(cfg), "list", "--rotation", "--json")
    stretches = json.loads(out)
    assert all(s["no_floor"] for s in stretches) and "seated-twist" not in {s["id"] for s in stretches}


def test_list_says_why_a_stretch_is_not_in_the_rotation():
    _, out, _ = qlbreak("list", "--json")
    left_out = {s["id"]: s["left_out"] for s in json.loads(out)}
    assert left_out["ql-stick-stretch"] is None
    assert left_out["cat-cow"] == "on the floor"
    assert left_out["ql-ball-wall-release"] == "needs a massage ball"
    _, out, _ = qlbreak("list")
    lines = out.splitlines()
    assert lines[0] == "In your rotation (10):"
    assert any("ql-ball-wall-release" in line and "(needs a massage ball)" in line for line in lines)
    assert lines.index("Not in your rotation (7):") > lines.index("In your rotation (10):")


def test_schedule_json_across_the_spring_change():
    status, out, _ = qlbreak("schedule", "--from", "2026-03-27", "--days", "4", "--tz", "Europe/Berlin", "--json")
    assert status == 0
    assert json.loads(out) == [
        {"reminder": "morning", "at": "2026-03-27T09:30:00+01:00"},
        {"reminder": "lunch", "at": "2026-03-27T12:30:00+01:00"},
        {"reminder": "morning", "at": "2026-03-30T09:30:00+02:00"},
        {"reminder": "lunch", "at": "2026-03-30T12:30:00+02:00"},
    ]


def test_schedule_from_a_datetime_and_a_table():
    status, out, _ = qlbreak("schedule", "--from", "2026-03-30T10:00", "--days", "1", "--tz", "Europe/Berlin")
    assert status == 0
    assert out == "Mon 2026-03-30  12:30  lunch  UTC+02:00\n"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["schedule", "--from", "next tuesday"], "--from: 'next tuesday' is not a date"),
        (["schedule", "--tz", "Nowhere/Land"], "unknown time zone 'Nowhere/Land'"),
        (["schedule", "--days", "0"], "--days must be from 1 to 3660"),
        (["history", "--days", "0"], "--days must be from 1 to 36600"),
    ],
)
def test_usage_errors_are_one_clear_line(argv, message):
    status, out, err = qlbreak(*argv)
    assert status == 2 and out == ""
    assert err.startswith("qlbreak: ") and message in err and "Traceback" not in err


def test_a_bad_config_warns_and_the_command_still_runs(private_home):
    cfg = private_home / "bad.toml"
    cfg.write_text('[[reminder]]\nname = "x"\ntime = "25:99"\n')
    status, out, err = qlbreak("--config", str(cfg), "schedule", "--json", "--days", "7")
    assert status == 0 and len(json.loads(out)) >= 2  # the defaults
    assert err == f"qlbreak: your settings file has 1 mistake; see qlbreak --config {cfg} config --check\n"


def test_the_tray_start_lists_the_mistakes_in_the_settings_file(private_home, monkeypatch):
    """The tray's start (and the log behind it) keeps the full list; the commands say one line."""
    from types import SimpleNamespace

    from qlbreak.cli.context import Context
    from qlbreak.cli.tray import cmd_tray

    cfg = private_home / "bad.toml"
    cfg.write_text('[[reminder]]\nname = "x"\ntime = "25:99"\n')
    err = io.StringIO()
    config = Context(SimpleNamespace(config=str(cfg), run=cmd_tray), io.StringIO(), err).config
    assert config.plan.reminders  # the defaults stand in
    assert f"{cfg}:3: time must be HH:MM" in err.getvalue() and "using defaults" in err.getvalue()


def test_config_path_check_and_init(private_home, monkeypatch):
    status, out, _ = qlbreak("config")
    path = default_paths().config_file
    assert (status, out.strip()) == (0, str(path))
    assert qlbreak("config", "--check")[0] == 0
    status, out, _ = qlbreak("config", "--init")
    assert status == 0 and path.read_text().startswith("# qlbreak settings")
    path.write_text(path.read_text() + "# mine\n")
    status, _, err = qlbreak("config", "--init")
    assert status == 1 and "already exists" in err and path.read_text().endswith("# mine\n")
    path.write_text('[schedule]\ngrace_minutes = "soon"\n')
    status, out, _ = qlbreak("config", "--check")
    assert status == 1
    assert out.splitlines()[0].startswith(f"{path}:2: grace_minutes must be a whole number")
    monkeypatch.setenv("QLBREAK_CONFIG", str(private_home / "elsewhere.toml"))
    assert qlbreak("config")[1].strip() == str(private_home / "elsewhere.toml")


def test_history_json_and_streak():
    now = clock_now()
    history = History.open(default_paths().history_db, now)
    history.record(Event(now - timedelta(minutes=5), "fired", "seated-twist", reminder="morning"))
    history.record(Event(now, "done", "seated-twist", Feeling.SAME))
    history.record(Event(now - timedelta(days=40), "done", "cat-cow"))
    history.close()
    status, out, _ = qlbreak("history", "--json")
    data = json.loads(out)
    assert status == 0
    assert [e["kind"] for e in data["events"]] == ["fired", "done"]
    assert data["streak"] == (1 if now.weekday() < 5 else 0)
    assert datetime.fromisoformat(data["events"][1]["at"]).tzinfo is not None
    _, out, _ = qlbreak("history")
    assert "Done: Seated twist, felt the same" in out and "streak:" in out and "fired" not in out


def test_history_survives_a_damaged_database():
    path = default_paths().history_db
    path.parent.mkdir(parents=True)
    path.write_bytes(b"garbage" * 500)
    status, out, err = qlbreak("history", "--json")
    assert status == 0 and json.loads(out) == {"streak": 0, "events": []}
    assert "was damaged" in err and "corrupt-" in err


def test_commands_import_no_gui_toolkit(private_home):
    code = (
        "import sys\n"
        "from qlbreak.cli import main\n"
        "for argv in (['list'], ['schedule'], ['config', '--check'], ['history'], ['history', '--csv'],\n"
        "             ['check-in', '--pain', '3']):\n"
        "    main(argv)\n"
        "bad = {'pystray', 'tkinter', 'PIL', 'plyer', 'Xlib'} & set(sys.modules)\n"
        "print('GUI:', sorted(bad))\n"
    )
    env = {"PATH": "/usr/bin:/bin", "HOME": str(private_home)}  # and no DISPLAY
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().endswith("GUI: []")


def test_stretch_unknown_id_suggests_close_matches():
    status, out, err = qlbreak("stretch", "seated-twsit")
    assert status == 2 and out == ""
    assert err.startswith("qlbreak: unknown stretch 'seated-twsit'; did you mean seated-twist")


def test_stretch_bad_speed():
    assert qlbreak("stretch", "cat-cow", "--speed", "0")[0] == 2


def test_stretch_without_a_display_is_one_clear_line(private_home):
    # A process of its own: Tk in this one may already know a display from other tests.
    env = {"PATH": "/usr/bin:/bin", "HOME": str(private_home)}
    done = subprocess.run(
        [sys.executable, "-m", "qlbreak", "stretch", "cat-cow"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("qlbreak: cannot open a window:") and "Traceback" not in done.stderr


def test_safety_text():
    status, out, _ = qlbreak("safety", "--text")
    assert status == 0
    assert "not medical advice" in out and "new pain in both legs" in out and "4 to 6 weeks" in out


def test_without_tk_a_window_command_is_one_line_that_says_what_to_install(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "_tkinter" else real(name, *a))
    for argv in (["stretch", "cat-cow", "--speed", "2"], ["safety"]):
        status, out, err = qlbreak(*argv)
        assert status == 2 and out == ""
        assert err.strip() == (
            "qlbreak: qlbreak's windows need Tk, which this Python lacks: install python3-tk (Debian, Ubuntu),"
            " python3-tkinter (Fedora) or tk (Arch), then start qlbreak again"
        )


def test_quit_when_nothing_runs_says_so():
    status, out, _ = qlbreak("quit")
    assert status == 0 and out.strip() == "qlbreak is not running"


def test_schedule_leaves_out_what_the_tray_showed_already(private_home):
    from datetime import date

    from qlbreak.core.schedule import ScheduleState
    from qlbreak.storage import statefile

    cfg = private_home / "c.toml"
    cfg.write_text(
        '[schedule]\ntimezone = "UTC"\n[[reminder]]\nname = "moved"\ntime = "15:00"\n'
        'days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]\n'
    )
    argv = ("--config", str(cfg), "schedule", "--from", "2030-06-03T10:00", "--days", "2", "--json")
    _, out, _ = qlbreak(*argv)
    assert [o["at"] for o in json.loads(out)] == ["2030-06-03T15:00:00+00:00", "2030-06-04T15:00:00+00:00"]
    paths = default_paths()
    paths.state_file.parent.mkdir(parents=True, exist_ok=True)
    # the tray showed it at 09:30 that day; then it was moved to 15:00: it does not come again
    statefile.save(paths.state_file, ScheduleState(handled=frozenset({("moved", date(2030, 6, 3))})), None)
    _, out, _ = qlbreak(*argv)
    assert [o["at"] for o in json.loads(out)] == ["2030-06-04T15:00:00+00:00"]


def test_quit_reaches_a_tray_started_with_another_config_folder(private_home, tmp_path):
    """``sudo -u``, a cron job or a shell with another $XDG_CONFIG_HOME: no key file in
    this config folder, yet ``quit`` reaches the one tray (never "not running")."""
    from qlbreak.core.commands import Quit
    from qlbreak.edges.instance.endpoint import Endpoint
    from qlbreak.storage.paths import default_paths

    paths = default_paths()
    tray = Endpoint(paths.runtime_dir, tmp_path / "the-tray's-config" / "instance.key")
    assert tray.acquire()

    def heard(command: object) -> None:
        if isinstance(command, Quit):
            tray.release()

    listener = tray.listen(heard, frozenset({"cat-cow"}))
    try:
        assert not paths.key_file.exists()
        status, out, _ = qlbreak("quit")
        assert status == 0 and out.strip() == "qlbreak has quit"
    finally:
        listener.close()
        tray.release()
