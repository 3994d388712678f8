"""A week of a person's history (check-ins, stretches with a tighter side held longer, a
"hurt", leg symptoms once): the report ``qlbreak report --pdf`` writes agrees with the
CSV ``qlbreak history --csv`` writes, read back as a spreadsheet would."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
from collections import Counter
from datetime import date, datetime, timedelta
from pathlib import Path

from qlbreak.clock import now as clock_now
from qlbreak.core.checkin import Side
from qlbreak.core.kinds import Record
from qlbreak.core.progress import DAYS
from qlbreak.core.session import Feeling
from qlbreak.storage.history import Event
from tests.need import missing
from tests.unit.test_cli_progress import qlbreak, record


def a_week(now: datetime) -> list[Event]:
    events = []
    for ago in range(7, 0, -1):
        day = now - timedelta(days=ago)
        events.append(Event(day.replace(hour=8), Record.CHECKIN, pain=(7 + ago) // 2, tighter=Side.LEFT, leg=ago == 3))
        events.append(
            Event(
                day.replace(hour=10), Record.DONE, "ql-stick-stretch", Feeling.BETTER, left_seconds=45, right_seconds=30
            )
        )
        felt = Feeling.HURT if ago == 2 else Feeling.SAME
        events.append(Event(day.replace(hour=15), Record.DONE, "seated-twist", felt, left_seconds=30, right_seconds=20))
        if ago % 3 == 0:
            events.append(Event(day.replace(hour=17), Record.DONE, "cat-cow", Feeling.BETTER))
    return events


def test_the_report_and_the_csv_say_the_same_week(tmp_path: Path):
    if shutil.which("pdftotext") is None:
        missing("pdftotext is not installed (apt-get install poppler-utils)")
    now = clock_now().replace(hour=20, minute=0, second=0, microsecond=0)
    record(*(e for e in a_week(now) if e.at <= clock_now()))
    table, pdf = tmp_path / "history.csv", tmp_path / "report.pdf"
    assert qlbreak("history", "--csv", str(table))[0] == 0
    assert qlbreak("report", "--pdf", str(pdf))[0] == 0
    with table.open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    said = re.sub(
        r"\s+", " ", subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    )

    done = [r for r in rows if r["what"] in ("done", "done in part")]
    times = Counter(r["stretch_name"] for r in done)
    for name in times:  # every stretch done, by the name in the CSV
        assert name in said
    assert sorted(int(n) for n in re.findall(r"(\d+)\u00d7", said)) == sorted(times.values())  # how often each
    hurt = {r["stretch_name"] for r in done if r["feeling"] == "hurt"}
    assert hurt and all(f"{name} (hurt)" in said for name in hurt)

    left = sum(float(r["left_seconds"] or 0) for r in done)
    right = sum(float(r["right_seconds"] or 0) for r in done)
    assert f"{left / 60:.0f} min left, {right / 60:.0f} min right." in said

    start = clock_now().date() - timedelta(days=DAYS - 1)
    pains: dict[int, list[int]] = {}
    for r in rows:
        if r["what"] == "check-in" and r["pain"]:
            week = (date.fromisoformat(r["at"][:10]) - start).days // 7
            pains.setdefault(week, []).append(int(r["pain"]))
    assert pains
    for week, values in pains.items():  # the pain trend's weekly means, from the same check-ins
        assert f"week {week + 1}: {sum(values) / len(values):.1f}" in said
    legs = [date.fromisoformat(r["at"][:10]) for r in rows if r["leg_symptoms"] == "yes"]
    assert len(legs) == 1 and f"leg: yes, on {legs[0]:%a} {legs[0].day} {legs[0]:%b}." in said
