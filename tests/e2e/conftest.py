"""End-to-end tests: the whole tray app on a private desktop (see desktop.py).

Without the tools they skip with the reason, except under CI=true, where a skip is a
failure. Each test gets its own home (config, history, state, socket), and the app
is started as a user would start it: ``python -m qlbreak``.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.schedule import WEEKDAYS
from qlbreak.storage.paths import default_paths
from tests.e2e.desktop import TOOLS, Desktop
from tests.gui.screen import end, require, wait_until

ROOT = Path(__file__).resolve().parents[2]
DAYS = WEEKDAYS


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> Iterator[None]:
    """A failed test's report carries each tray's log and output: CI's run is the only
    place some failures happen, and the log says what the tray decided."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        for n, app in enumerate(getattr(item, "qlbreak_apps", [])):
            report.sections.append((f"tray {n} log (last 60 lines)", "\n".join(app.log().splitlines()[-60:])))
            report.sections.append((f"tray {n} output (last 30 lines)", "\n".join(app.output().splitlines()[-30:])))


@pytest.fixture(scope="session")
def desktop() -> Iterator[Desktop]:
    require(TOOLS, "end-to-end", "scripts/test.sh installs them")
    d = Desktop(Path(tempfile.mkdtemp(prefix="qlbreak-desktop-"))).start()
    try:
        yield d
    finally:
        d.stop()


@pytest.fixture(scope="session")
def e2e_shots() -> Path:
    path = ROOT / "artifacts" / "screenshots" / "e2e"
    path.mkdir(parents=True, exist_ok=True)
    return path


def far_away_reminder() -> str:
    """A reminder that cannot fire during a test: 03:00 UTC two days from now."""
    day = DAYS[(datetime.now(UTC) + timedelta(days=2)).weekday()]
    return f'[[reminder]]\nname = "test"\ntime = "03:00"\ndays = ["{day}"]\n'


class TrayApp:
    """``python -m qlbreak`` on the test desktop, with its own files."""

    def __init__(
        self,
        desktop: Desktop,
        workdir: Path,
        reminders: str,
        settings: str = "",
        env: dict[str, str] | None = None,
        checkin: bool = False,
        wrap: list[str] | None = None,
    ) -> None:
        """``checkin``: leave the morning check-in on (off, a stretch window opens on its stretch);
        ``wrap``: a command the app runs under (``strace -f ... --``), its process then ``proc``."""
        self.desktop, self.workdir, self.extra_env, self.wrap = desktop, workdir, env or {}, wrap or []
        self.paths = default_paths()
        self.paths.config_file.parent.mkdir(parents=True, exist_ok=True)
        off = "" if checkin else "\n[checkin]\nask = false\n"
        self.paths.config_file.write_text(f'[schedule]\ntimezone = "UTC"\n{settings}\n{reminders}{off}')
        self.paths.safety_file.parent.mkdir(parents=True, exist_ok=True)
        self.paths.safety_file.write_text("2026-12-01T09:00:00+00:00\n")
        self.runs: list[subprocess.Popen[bytes]] = []

    @property
    def env(self) -> dict[str, str]:
        return {**self.desktop.env, "PYTHONDONTWRITEBYTECODE": "1", **self.extra_env}

    def start(self) -> TrayApp:
        argv = [*self.wrap, sys.executable, "-m", "qlbreak"]
        with (self.workdir / f"app-{len(self.runs)}.log").open("wb") as log:
            self.runs.append(subprocess.Popen(argv, env=self.env, stdout=log, stderr=subprocess.STDOUT, cwd=ROOT))
        wait_until(lambda: self.paths.runtime_dir.joinpath("qlbreak.sock").exists() or self.exited(), 20, "the app")
        return self

    @property
    def proc(self) -> subprocess.Popen[bytes]:
        return self.runs[-1]

    def exited(self) -> bool:
        return self.proc.poll() is not None

    def output(self) -> str:
        return (self.workdir / f"app-{len(self.runs) - 1}.log").read_text(errors="replace")

    def log(self) -> str:
        return self.paths.log_file.read_text(errors="replace") if self.paths.log_file.exists() else ""

    def qlbreak(self, *argv: str) -> subprocess.CompletedProcess[str]:
        argv = [sys.executable, "-m", "qlbreak", *argv]
        return subprocess.run(argv, env=self.env, capture_output=True, text=True, timeout=30, cwd=ROOT, check=False)

    def terminate(self) -> None:
        self.proc.send_signal(signal.SIGTERM)
        self.proc.wait(timeout=5)

    def stop(self) -> None:
        for run in self.runs:
            end(run)
        # the windows it opened are its children; none may outlive the test
        _kill_matching(str(self.paths.data_dir))
        wait_until(lambda: not self.desktop.icons(), 10, "the icon to leave the tray")
        # and every window it opened, so the next test's Tk names are free again
        wait_until(lambda: not self.desktop.qlbreak_windows(), 10, "qlbreak's windows to close")


def _kill_matching(text: str) -> None:
    """Kill every process whose command line mentions ``text`` (no procps needed)."""
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    os.kill(int(entry.name), signal.SIGKILL)
            except (OSError, ProcessLookupError):
                continue


@pytest.fixture
def tray_app(desktop: Desktop, tmp_path: Path, request: pytest.FixtureRequest) -> Iterator:
    apps: list[TrayApp] = []
    request.node.qlbreak_apps = apps  # for the report of a failure (pytest_runtest_makereport)

    def start(
        reminders: str | None = None,
        first_run: bool = False,
        settings: str = "",
        env: dict[str, str] | None = None,
        checkin: bool = False,
        wrap: list[str] | None = None,
    ) -> TrayApp:
        """``settings``: more of [schedule] (``reminder_style = "prompt"``), then other tables."""
        reminders = far_away_reminder() if reminders is None else reminders
        app = TrayApp(desktop, tmp_path, reminders, settings, env, checkin, wrap)
        if first_run:  # no answers yet: the welcome comes first
            app.paths.config_file.unlink()
        app.start()
        apps.append(app)
        return app

    yield start
    for app in apps:
        app.stop()
    # what a test left on screen (a "mistake in your settings" stays 10 s) is not the next test's
    desktop.run("dunstctl", "close-all", check=False)
    if not desktop.tray_running():
        desktop.start_tray()
