"""charts/report.py: the report to take to a physiotherapist renders as one A4 page
(pdftoppm), says in text what the four weeks were (pdftotext), and is written whole or
not at all. QLBREAK_UPDATE_DOCS=1 saves its picture for the README."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from datetime import date, datetime, time, timedelta
from math import ceil
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from qlbreak.core.checkin import WORRIES, Side, Worry
from qlbreak.core.kinds import Record
from qlbreak.core.progress import build
from qlbreak.core.session import Feeling
from qlbreak.storage.atomic import leftovers
from qlbreak.storage.history import Event
from tests.need import missing

ROOT = Path(__file__).parents[2]
BERLIN = ZoneInfo("Europe/Berlin")
NOW = datetime(2026, 11, 27, 17, 0, tzinfo=BERLIN)  # a Friday
NAMES = {"cat-cow": "Cat-cow", "ql-stick-stretch": "Door frame side stretch", "seated-twist": "Seated twist"}
LEG_DAY = date(2026, 11, 10)
WARNED_DAY = date(2026, 11, 20)


def four_weeks(now: datetime = NOW) -> list[Event]:
    """Each work day: a check-in (pain 6 the first week, then 5, 4, 3), cat-cow at 10
    (felt better) and the door frame stretch at 15 (left held 60 s, right 40 s); the
    seated twist on Wednesdays instead, which hurt once; one stretch in part, one
    reminder missed, leg symptoms at one check-in and one worry said."""
    events: list[Event] = []
    start = now.date() - timedelta(days=27)
    for i in range(28):
        day = start + timedelta(days=i)
        if day.weekday() >= 5:
            continue

        def at(hour: int, day: date = day) -> datetime:
            return datetime.combine(day, time(hour), BERLIN)

        events.append(Event(at(8), Record.CHECKIN, pain=6 - i // 7, tighter=Side.LEFT, leg=day == LEG_DAY))
        events.append(Event(at(10), Record.DONE, "cat-cow", Feeling.BETTER))
        if day == date(2026, 11, 12):
            events.append(Event(at(15), Record.MISSED, reminder="afternoon", occurrence=day))
        elif day.weekday() == 2:
            feeling = Feeling.HURT if day == date(2026, 11, 18) else Feeling.SAME
            events.append(Event(at(15), Record.DONE, "seated-twist", feeling))
        else:
            kind = Record.PARTIAL if day == date(2026, 11, 6) else Record.DONE
            events.append(Event(at(15), kind, "ql-stick-stretch", Feeling.SAME, left_seconds=60, right_seconds=40))
        if day == WARNED_DAY:
            events.append(Event(at(16), Record.WARNED, worry=Worry.WORSE_AFTER))
    return [e for e in events if e.at <= now]


def tools() -> None:
    for tool in ("pdftoppm", "pdftotext", "pdfinfo"):
        if shutil.which(tool) is None:
            missing(f"{tool} is not installed (apt-get install poppler-utils)")


def pages(pdf: Path, out: Path, dpi: int = 60) -> list[Path]:
    """The PDF as PNGs, one a page (pdftoppm)."""
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / "page")], check=True, timeout=60)
    return sorted(out.glob("page*.png"))


def text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return re.sub(r"\s+", " ", done.stdout)


def size_of(png: Path) -> tuple[int, int]:
    from PIL import Image

    with Image.open(png) as image:
        return image.size


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from qlbreak.charts import report

    tools()
    pdf = tmp_path_factory.mktemp("report") / "four weeks.pdf"
    report.write(pdf, build(four_weeks(), NOW, names=NAMES), NAMES, NOW)
    return pdf


def test_four_weeks_render_on_one_a4_page(written: Path, tmp_path: Path):
    (png,) = pages(written, tmp_path)  # one page
    width, height = size_of(png)
    assert (width, height) == (ceil(8.27 * 60), ceil(11.69 * 60))  # A4 at 60 dpi (pdftoppm rounds up)
    info = subprocess.run(["pdfinfo", str(written)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M) and "595.44 x 841.68 pts" in info
    assert re.search(r"^Title:\s+Back stretches: Sat 31 Oct \u2013 Fri 27 Nov 2026 \(4 weeks\)$", info, re.M)


def test_the_report_says_the_weeks_the_pain_what_was_done_and_the_sides(written: Path):
    said = text(written)
    assert "Back stretches: the last four weeks" in said
    assert "Sat 31 Oct \u2013 Fri 27 Nov 2026 (4 weeks)" in said  # the weeks covered
    for week, pain in enumerate((6, 5, 4, 3), start=1):  # the check-ins, a week at a time
        assert f"week {week}: {pain}.0" in said
    assert "Back pain: 6 \u2192 3 over 4 weeks" in said  # the glance, as the window says it
    for name in NAMES.values():
        assert name in said
    assert "Cat-cow (helped)" in said and "Seated twist (hurt)" in said  # ranked, named
    assert said.index("Cat-cow (helped)") < said.index("Seated twist (hurt)")  # what helped first, hurt last
    assert "20\u00d7" in said  # cat-cow, every work day
    assert "Left side held 50% longer than the right: 15 min left, 10 min right." in said
    assert "stretches each day" in said.lower() and "reminder missed" in said


def test_the_warning_signs_answered_and_that_it_is_not_advice(written: Path):
    said = text(written)
    assert "New pain, numbness or tingling down a leg: yes, on Tue 10 Nov." in said
    assert f"Said on Fri 20 Nov: {WORRIES[Worry.WORSE_AFTER]}" in said
    assert "This report is not medical advice." in said
    for internal in ("fired", "switched", "partial", "checkin"):
        assert internal not in said.lower()


def test_an_empty_history_is_one_page_that_says_what_will_appear(tmp_path: Path):
    from qlbreak.charts import report

    tools()
    pdf = tmp_path / "empty.pdf"
    report.write(pdf, build([], NOW), {}, NOW)
    assert len(pages(pdf, tmp_path)) == 1
    said = text(pdf)
    assert "No check-ins answered in these weeks" in said and "No stretches done yet." in said
    assert "No time held on each side recorded yet." in said and "None in these four weeks." in said
    assert "Nothing yet: after your first stretch" in said and "not medical advice" in said


def test_more_stretches_than_fit_keep_those_that_hurt(tmp_path: Path):
    """Seventeen stretches done: twelve rows, the one that hurt among them, the rest counted."""
    from qlbreak.charts import report
    from qlbreak.stretches.catalogue import load

    tools()
    ids = sorted(load().ids)
    events = [
        Event(NOW - timedelta(hours=1 + i), Record.DONE, s, Feeling.HURT if s == ids[-1] else Feeling.BETTER)
        for i, s in enumerate(ids)
    ]
    pdf = tmp_path / "many.pdf"
    report.write(pdf, build(events, NOW), {}, NOW)
    said = text(pdf)
    assert len(pages(pdf, tmp_path)) == 1
    more = re.search(r"and (\d+) more stretches", said)
    assert f"{ids[-1]} (hurt)" in said and more and len(ids) - report.ROWS <= int(more[1]) < len(ids)


def worst(now: datetime = NOW) -> list[Event]:
    """Four weeks, then every stretch hurt once, leg symptoms on six days and both
    worries said, one twice: more than the page has room for."""
    from qlbreak.stretches.catalogue import load

    more = [Event(now - timedelta(hours=1 + i), Record.DONE, s, Feeling.HURT) for i, s in enumerate(sorted(load().ids))]
    more += [Event(now - timedelta(days=d, hours=2), Record.CHECKIN, pain=5, leg=True) for d in range(1, 7)]
    said = ((2, Worry.RISING), (5, Worry.WORSE_AFTER), (7, Worry.WORSE_AFTER))
    more += [Event(now - timedelta(days=d, hours=3), Record.WARNED, worry=w) for d, w in said]
    return four_weeks(now) + more


@pytest.mark.parametrize("events", [[], four_weeks(), worst()], ids=["empty", "four weeks", "too much"])
def test_nothing_on_the_page_overlaps_or_runs_off_it(events):
    """Every piece of text and every chart (with its labels) has its own place, inside
    the page: measured on the drawn page, as a reader would see it."""
    from itertools import combinations

    import matplotlib
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    from qlbreak.charts import report

    with matplotlib.rc_context(report.STYLE):
        fig = report.page(build(events, NOW, names=NAMES), NAMES, NOW)
        canvas = FigureCanvasAgg(fig)
        canvas.draw()
        drawn = canvas.get_renderer()
        boxes = [(t.get_text(), t.get_window_extent(drawn)) for t in fig.texts if t.get_text()]
        boxes += [(f"chart {i}", ax.get_tightbbox(drawn)) for i, ax in enumerate(fig.axes)]
    page = fig.bbox
    for what, box in boxes:
        assert box.x0 >= page.x0 and box.x1 <= page.x1 and box.y0 >= page.y0 and box.y1 <= page.y1, what
    for (one, a), (other, b) in combinations(boxes, 2):
        assert not a.shrunk(0.98, 0.9).overlaps(b.shrunk(0.98, 0.9)), f"{one!r} overlaps {other!r}"


def test_it_is_written_whole_over_the_old_one_and_nothing_is_left_beside(tmp_path: Path, monkeypatch):
    from qlbreak.charts import report

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"the old report")
    monkeypatch.setattr(report, "page", lambda *a: (_ for _ in ()).throw(RuntimeError("drawing failed")))
    with pytest.raises(RuntimeError):
        report.write(pdf, build([], NOW), {}, NOW)
    assert pdf.read_bytes() == b"the old report" and leftovers(pdf) == []  # a failed drawing changes nothing
    monkeypatch.undo()
    report.write(pdf, build(four_weeks(), NOW), NAMES, NOW)
    assert pdf.read_bytes().startswith(b"%PDF-") and leftovers(pdf) == []


def test_the_picture_for_the_readme(written: Path, tmp_path: Path):
    """docs/screenshots/report-4weeks.png (QLBREAK_UPDATE_DOCS=1), else artifacts/."""
    docs = os.environ.get("QLBREAK_UPDATE_DOCS") == "1"
    folder = ROOT / "docs" / "screenshots" if docs else ROOT / "artifacts" / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    (png,) = pages(written, tmp_path, dpi=90)
    shutil.copyfile(png, folder / "report-4weeks.png")
    assert size_of(folder / "report-4weeks.png") == (ceil(8.27 * 90), ceil(11.69 * 90))


def test_the_command_line_loads_no_matplotlib_until_a_report_is_asked_for():
    code = (
        "import sys; from qlbreak.cli import build_parser; build_parser().parse_args(['report', '--pdf', 'x.pdf']);"
        " import qlbreak.cli.progress; print('matplotlib' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT)
    assert done.stdout.strip() == "False"
