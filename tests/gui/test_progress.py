"""The Progress window on a real X server: what a person reads in it (the four weeks'
words, then the charts drawn at their size), at 100% and 200%, light and dark;
"Details…" opens the records and its Close closes them; Close and Escape end it.
Screenshots: progress-{empty,4weeks}-{light,dark}.png."""

from __future__ import annotations

import subprocess
import tkinter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from qlbreak.core.progress import EMPTY, build
from qlbreak.storage.history import History
from qlbreak.ui import spec as ui_spec
from qlbreak.ui.progress import APPNAME, CHARTS, DRAWING, TITLE
from qlbreak.ui.theme import named
from tests.gui.conftest import ROOT
from tests.gui.screen import Screen, end, wait_until
from tests.progress_history import NAMES, four_weeks

DETAILS = "qlbreak \u2014 Details"


class Progress:
    """One Progress window's process on the test screen."""

    def __init__(self, screen: Screen, folder: Path, theme: str, weeks: bool) -> None:
        self.screen = screen
        db = folder / "history.db"
        self.events = four_weeks(datetime.now(UTC)) if weeks else []
        if weeks:
            history = History.open(db, datetime.now(UTC))
            for e in self.events:
                history.record(e)
            history.close()
        spec = {"history": str(db), "theme": theme, "timezone": "UTC", "names": NAMES, "workdays": [0, 1, 2, 3, 4]}
        self.log = folder / f"progress-{theme}.log"
        with self.log.open("wb") as out:
            self.proc = subprocess.Popen(
                ui_spec.command("progress", spec), env=screen.env, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT
            )
        self.wid = screen.wait_window(TITLE)

    def send(self, *command: object) -> str:
        return self.screen.send(APPNAME, *command)

    def charts(self) -> str:
        """The charts' canvas, once drawn: its Tk path."""

        def drawn() -> str | None:
            try:
                kids = self.screen.tk().tk.splitlist(self.send("winfo", "children", ".progress.charts"))
                canvases = [k for k in kids if self.send("winfo", "class", k) == "Canvas"]
            except tkinter.TclError:  # the placeholder went between the two questions: ask again
                return None
            return str(canvases[0]) if canvases else None

        found: str = wait_until(drawn, 30, "the charts to be drawn")
        self.send("update")  # painted, before a screenshot reads the screen
        return found

    def texts(self) -> list[str]:
        return self.screen.texts(APPNAME)


@pytest.fixture
def progress(tmp_path: Path) -> Iterator:
    started: list[Progress] = []

    def start(screen: Screen, theme: str = "light", weeks: bool = True) -> Progress:
        p = Progress(screen, tmp_path, theme, weeks)
        started.append(p)
        return p

    yield start
    for p in started:
        end(p.proc)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_four_weeks_read_at_a_glance(screen: Screen, progress, shots: Path, theme: str):
    p = progress(screen, theme)
    expected = build(p.events, datetime.now(UTC), frozenset(range(5)), NAMES)
    texts = p.texts()
    assert "Your last four weeks" in texts
    for sentence in expected.sentences:
        assert sentence in texts
    assert any(t.startswith("Back pain: ") and "\u2192" in t for t in texts)
    assert "Left side held 50% longer than the right" in texts
    hurt = next(w for w, t in screen.widgets(APPNAME) if t.endswith("hurt once: talk it over before doing it again"))
    assert p.send(hurt, "cget", "-fg").upper() == named(theme).warn  # flagged: in the warning colour
    assert p.send(".progress.words.line1", "cget", "-fg").upper() == named(theme).fg
    canvas = p.charts()
    assert DRAWING not in p.texts()
    x, y, w, h = screen.place(APPNAME, canvas)
    assert (w, h) == CHARTS
    wx, wy, ww, wh = screen.geometry(p.wid)
    assert wx <= x and x + w <= wx + ww and y + h <= wy + wh  # the charts inside the window, not cut
    for label in (".progress.words.line0", ".progress.buttons.report", ".progress.buttons.close"):
        lx, ly, lw, lh = screen.place(APPNAME, label)
        assert lx + lw <= wx + ww and ly + lh <= wy + wh, f"{label} is cut"
    screen.screenshot(shots / f"progress-4weeks-{theme}.png", p.wid)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_empty_history_says_what_will_show(screen: Screen, progress, shots: Path, theme: str):
    p = progress(screen, theme, weeks=False)
    p.charts()
    assert EMPTY in p.texts()
    assert not (Path(p.log).parent / "history.db").exists()  # read-only: never created
    screen.screenshot(shots / f"progress-empty-{theme}.png", p.wid)


def test_details_open_the_records_and_close(screen: Screen, progress):
    p = progress(screen)
    p.charts()
    screen.press(APPNAME, "Details\u2026")
    details = screen.wait_window(DETAILS)
    assert "Every record of the last 4 weeks, the latest last" in p.texts()
    lines = p.send(".details.lines", "get", "1.0", "end")
    assert lines.count("\n") >= 40 and "streak" in lines.lower()
    screen.click_widget(APPNAME, ".details.close")
    wait_until(lambda: not screen.windows(DETAILS), 10, "the details to close")
    assert details not in screen.windows(DETAILS) and screen.windows(TITLE) == [p.wid]
    screen.press(APPNAME, "Close")
    assert p.proc.wait(timeout=10) == 0
    assert not screen.windows(TITLE)


def test_escape_closes(screen: Screen, progress):
    p = progress(screen, weeks=False)
    screen.run("xdotool", "windowfocus", "--sync", str(p.wid), check=False)
    wait_until(lambda: p.send("focus"), 5, "the window to have the keyboard focus")
    screen.run("xdotool", "key", "Escape")
    screen.run("xdotool", "keyup", "Escape")
    assert p.proc.wait(timeout=10) == 0


def test_readable_at_200_percent(hidpi_screen: Screen, progress, shots: Path):
    p = progress(hidpi_screen, "dark")
    canvas = p.charts()
    _, _, w, h = hidpi_screen.place(APPNAME, canvas)
    assert w == pytest.approx(2 * CHARTS[0], rel=0.01) and h == pytest.approx(2 * CHARTS[1], rel=0.01)
    wx, wy, ww, wh = hidpi_screen.geometry(p.wid)
    assert ww <= 2560 and wh <= 1600 and wx >= 0 and wy >= 0  # on the screen
    for label in (".progress.words.title", ".progress.buttons.close"):
        lx, ly, lw, lh = hidpi_screen.place(APPNAME, label)
        assert lx + lw <= wx + ww and ly + lh <= wy + wh, f"{label} is cut"
    hidpi_screen.screenshot(shots / "progress-4weeks-dark-200.png", p.wid)


SAVE = "Save the report"
DIALOG = ".__tk_filedialog.contents.f2"


def test_save_a_report_for_the_physiotherapist(screen: Screen, progress, tmp_path: Path):
    p = progress(screen)
    p.charts()
    screen.press(APPNAME, "Save a report for your physiotherapist\u2026")
    screen.wait_window(SAVE)
    target = tmp_path / "for-my-physio.pdf"
    screen.type_into(APPNAME, f"{DIALOG}.ent", str(target))
    screen.click_widget(APPNAME, f"{DIALOG}.ok")
    screen.wait_text(APPNAME, "^Report saved: ", timeout=30)
    assert f"Report saved: {target}" in p.texts()
    assert target.read_bytes().startswith(b"%PDF")
    assert not screen.windows(SAVE)


def in_process(screen: Screen, tmp_path: Path, history: str = "none.db"):
    """The window in this process (its methods called directly), on the test screen."""
    import tkinter as tk

    from qlbreak.ui.progress import Window

    root = tk.Tk(screenName=screen.display)
    spec = {"history": str(tmp_path / history), "theme": "light", "timezone": "UTC", "names": {}, "workdays": [0]}
    return root, Window(root, spec)


def test_a_history_that_cannot_be_read_says_so_first(screen: Screen, tmp_path: Path):
    (tmp_path / "history.db").write_bytes(b"not a database, and long enough to look like a page header" * 20)
    root, window = in_process(screen, tmp_path, "history.db")
    try:
        first = root.nametowidget(".progress.words.line0")
        assert first.cget("text").startswith(f"The history ({tmp_path / 'history.db'}) cannot be read: ")
        assert first.cget("fg") == window.palette.warn
        assert root.nametowidget(".progress.words.line1").cget("text") == EMPTY
        assert (tmp_path / "history.db").read_bytes().startswith(b"not a database")  # left as it was
    finally:
        root.destroy()


def test_a_report_that_cannot_be_written_says_why(screen: Screen, tmp_path: Path):
    root, window = in_process(screen, tmp_path)
    try:
        blocker = tmp_path / "a file, not a folder"
        blocker.write_text("")
        where = blocker / "report.pdf"
        window.save_report(ask=lambda **_: str(where))
        text, colour = window.status.cget("text"), window.status.cget("fg")
        assert text.startswith("The report could not be saved: ") and str(where) in text
        assert colour == window.palette.warn
        window.save_report(ask=lambda **_: "")  # cancelled: nothing said, nothing written
        assert window.status.cget("text") == text and not where.exists()
    finally:
        root.destroy()


def test_without_the_report_module_the_button_says_so(screen: Screen, tmp_path: Path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "qlbreak.charts.report", None)  # an import that fails
    root, window = in_process(screen, tmp_path)
    try:
        window.save_report(ask=lambda **_: pytest.fail("asked where, with nothing to write"))
        assert window.status.cget("text") == "This version of qlbreak cannot make the report yet."
    finally:
        root.destroy()
