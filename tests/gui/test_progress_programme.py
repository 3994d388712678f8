"""The Progress window shows the programme under way: its words ("Ball release: day 4
of 14, done today") and its days as a row of marks (done, today's, to come), drawn
once the window is on the screen, beside the four weeks' words and charts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark
from qlbreak.storage.history import Event, History
from tests.gui.screen import Screen, wait_until
from tests.gui.test_progress import Progress, progress  # noqa: F401 (a fixture)

WALL = "ql-ball-wall-release"


def ball_release_under_way(folder: Path, now: datetime) -> None:
    """Started five days ago; done on three of those days and today."""
    history = History.open(folder / "history.db", now)
    history.record(Event(now - timedelta(days=5), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    for back in (4, 3, 1, 0):
        history.record(Event(now - timedelta(days=back, minutes=1), Record.DONE, WALL))
    history.close()


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_the_programme_under_way_with_its_days_as_marks(screen: Screen, progress, shots: Path, tmp_path, theme):  # noqa: F811
    ball_release_under_way(tmp_path, datetime.now(UTC))
    p = progress(screen, theme, weeks=False)
    canvas = ".progress.words.programme.marks"
    wait_until(lambda: p.send("winfo", "exists", canvas) == "1", 30, "the programme's marks")
    p.charts()
    assert "Your programme" in p.texts()
    assert p.send(".progress.words.programme.line", "cget", "-text") == "Ball release: day 4 of 14, done today"
    count = {tag: len(p.send(canvas, "find", "withtag", tag).split()) for tag in ("done", "today", "to-come")}
    assert count == {"done": 3, "today": 1, "to-come": 10}
    screen.screenshot(shots / f"progress-programme-{theme}.png", p.wid)


def test_no_programme_ever_started_shows_none(screen: Screen, progress):  # noqa: F811
    p = progress(screen, weeks=True)
    p.charts()  # filled (or not) before the charts are drawn
    assert "Your programme" not in p.texts()
    assert p.send("winfo", "children", ".progress.words.programme") == ""
