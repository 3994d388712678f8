"""cli/progress.py: ``qlbreak report --pdf FILE`` writes the report from the history
with no window, and a FILE it cannot write is one clear line and exit 2; ``qlbreak
progress`` opens the Progress window as the tray does. Run in-process, as typed."""

from __future__ import annotations

import errno
import io
import os
import re
import shutil
import subprocess
from datetime import timedelta
from pathlib import Path

import pytest

from qlbreak import __version__
from qlbreak.cli import main
from qlbreak.clock import now as clock_now
from qlbreak.core.checkin import Side
from qlbreak.core.kinds import Record
from qlbreak.core.session import Feeling
from qlbreak.storage.atomic import leftovers
from qlbreak.storage.history import Event
from qlbreak.storage.paths import default_paths
from qlbreak.ui import spec
from tests.need import missing
from tests.unit.test_cli_records import record


def qlbreak(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue(), err.getvalue()


def pdf_text(pdf: Path) -> str:
    if shutil.which("pdftotext") is None:
        missing("pdftotext is not installed (apt-get install poppler-utils)")
    done = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60)
    return re.sub(r"\s+", " ", done.stdout)


def test_report_writes_the_pdf_from_the_history_with_no_window(tmp_path: Path, monkeypatch):
    monkeypatch.delenv("DISPLAY", raising=False)  # no screen needed
    now = clock_now()
    record(
        Event(now - timedelta(days=20, hours=1), Record.CHECKIN, pain=7, tighter=Side.RIGHT, leg=False),
        Event(now - timedelta(days=20), Record.DONE, "cat-cow", Feeling.BETTER, left_seconds=30, right_seconds=30),
        Event(now - timedelta(days=1, hours=1), Record.CHECKIN, pain=5, tighter=Side.RIGHT, leg=True),
        Event(
            now - timedelta(days=1), Record.DONE, "ql-stick-stretch", Feeling.HURT, left_seconds=20, right_seconds=40
        ),
    )
    pdf = tmp_path / "for my physio.pdf"
    status, out, err = qlbreak("report", "--pdf", str(pdf))
    assert (status, err) == (0, "")
    assert re.fullmatch(rf"wrote the report of \w{{3}} \d+ \w{{3}}.* \(4 weeks\) to {re.escape(str(pdf))}\n", out)
    said = pdf_text(pdf)
    assert "Back pain: 7 \u2192 5 over 3 weeks" in said  # the check-ins
    assert f"Made by qlbreak {__version__} on {now.day} {now:%b %Y}" in said
    assert "Cat-cow (helped)" in said and "Door frame side stretch (hurt)" in said  # named as done: no stick
    assert "Right side held 40% longer than the left" in said
    assert "New pain, numbness or tingling down a leg: yes" in said
    assert leftovers(pdf) == []


def test_report_with_no_history_still_writes_one(tmp_path: Path):
    pdf = tmp_path / "empty.pdf"
    status, out, _ = qlbreak("report", "--pdf", str(pdf))
    assert status == 0 and out.startswith("wrote the report of ")
    assert "Nothing yet" in pdf_text(pdf)


@pytest.mark.parametrize(
    ("where", "says"),
    [
        ("no-such-folder/report.pdf", "no-such-folder: no such folder; the report goes into a folder that exists"),
        (".", ": is a folder; give a file name in it, for example "),
        ("a-file/report.pdf", "a-file: is not a folder; the report goes into a folder that exists"),
        ("", "'': give the report a file name, for example back-report.pdf"),
    ],
)
def test_a_file_the_report_cannot_be_written_to_is_one_line_and_exit_2(tmp_path: Path, monkeypatch, where, says):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "a-file").write_text("not a folder")
    before = sorted(tmp_path.rglob("*"))
    status, out, err = qlbreak("report", "--pdf", where)
    assert status == 2 and out == ""
    assert err.startswith("qlbreak: ") and says in err and err.count("\n") == 1
    assert sorted(tmp_path.rglob("*")) == before  # nothing made: no folder, no file


def test_a_folder_it_may_not_write_to_is_said_so(tmp_path: Path, monkeypatch):
    shut = tmp_path / "shut"
    shut.mkdir()
    shut.chmod(0o500)
    if os.access(shut, os.W_OK):  # root writes anywhere: the check is asked as the user would be answered
        real = os.access
        monkeypatch.setattr(os, "access", lambda p, mode: False if Path(p) == shut else real(p, mode))
    status, _, err = qlbreak("report", "--pdf", str(shut / "report.pdf"))
    assert status == 2 and err == f"qlbreak: {shut}: cannot write there (no permission); choose another folder\n"


def test_a_failed_write_is_one_line_and_leaves_the_old_report(tmp_path: Path, monkeypatch):
    from qlbreak.storage import atomic

    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"last month's")

    def full(path: Path, data: bytes, **_: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(atomic, "write_atomic", full)
    monkeypatch.setattr("qlbreak.charts.report.write_atomic", full)
    status, out, err = qlbreak("report", "--pdf", str(pdf))
    assert (status, out) == (2, "")
    assert err == f"qlbreak: {pdf}: cannot write the report: No space left on device\n"
    assert pdf.read_bytes() == b"last month's"


def test_report_needs_its_file(capsys):
    with pytest.raises(SystemExit) as done:
        main(["report"])
    assert done.value.code == 2 and "the following arguments are required: --pdf" in capsys.readouterr().err


@pytest.mark.parametrize("command", [["progress"], ["report"]])
def test_progress_and_report_have_help(command, capsys):
    with pytest.raises(SystemExit) as done:
        main([*command, "--help"])
    assert done.value.code == 0 and "usage: qlbreak" in capsys.readouterr().out


def test_progress_opens_the_progress_window_as_the_tray_does(monkeypatch, tmp_path: Path):
    from qlbreak.edges.children import launch

    config = tmp_path / "config.toml"
    config.write_text(
        '[schedule]\ntimezone = "Europe/Berlin"\n[stretches]\nequipment = ["stick"]\n[dialog]\ntheme = "dark"\n'
    )
    opened: list[tuple[str, spec.Spec]] = []
    monkeypatch.setattr(spec, "tk_missing", lambda: None)
    monkeypatch.setattr(launch, "run_to_end", lambda kind, told: opened.append((kind, told)) or (0, []))
    assert qlbreak("--config", str(config), "progress") == (0, "", "")
    ((kind, told),) = opened
    assert kind == "progress" and set(told) >= set(spec.WINDOWS["progress"][1])
    assert told["history"] == str(default_paths(str(config)).history_db)
    assert (told["theme"], told["timezone"]) == ("dark", "Europe/Berlin")
    assert told["names"]["ql-stick-stretch"] == "Stick side stretch"  # with a stick to hand


def test_progress_without_tk_says_what_to_install(monkeypatch):
    monkeypatch.setattr(spec, "tk_missing", lambda: "qlbreak's windows need Tk, which this Python lacks")
    status, _, err = qlbreak("progress")
    assert status == 2 and err == "qlbreak: qlbreak's windows need Tk, which this Python lacks\n"


def test_report_without_matplotlib_says_what_to_install(tmp_path: Path, monkeypatch):
    import sys

    from qlbreak import charts

    monkeypatch.setitem(sys.modules, "qlbreak.charts.report", None)  # as if it could not be imported
    monkeypatch.delattr(charts, "report", raising=False)
    status, out, err = qlbreak("report", "--pdf", str(tmp_path / "report.pdf"))
    assert (status, out) == (2, "") and err.startswith("qlbreak: the report needs matplotlib (")
    assert err.endswith("): pip install matplotlib\n") and not (tmp_path / "report.pdf").exists()
