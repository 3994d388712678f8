"""What a person reads at the command line: plain words, never a Python warning."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from qlbreak.cli import main


def test_schedule_says_next_day_and_next_days(tmp_path):
    cfg = tmp_path / "config.toml"
    cfg.write_text('[schedule]\ntimezone = "UTC"\n[[reminder]]\nname = "sun"\ntime = "10:00"\ndays = ["sun"]\n')
    for days, words in (("1", "in the next day from"), ("3", "in the next 3 days from")):
        out, err = io.StringIO(), io.StringIO()
        status = main(["--config", str(cfg), "schedule", "--days", days, "--from", "2030-06-03"], out, err)
        assert status == 0 and out.getvalue() == f"no reminders {words} Mon 2030-06-03\n", out.getvalue()


@pytest.mark.skipif(sys.platform == "win32", reason="$XDG_RUNTIME_DIR is POSIX")
def test_a_runtime_folder_open_to_others_prints_no_python_warning(tmp_path, private_home):
    """$XDG_RUNTIME_DIR 0755: platformdirs warned (RuntimeDirWarning and a source line)
    at every command; now nothing on the terminal, and a folder of the user's is used."""
    run = tmp_path / "run"
    run.mkdir(mode=0o755)
    run.chmod(0o755)
    env = dict(os.environ, XDG_RUNTIME_DIR=str(run), PYTHONWARNINGS="default")
    code = "from qlbreak.cli import main; from qlbreak.storage.paths import default_paths; "
    code += "print(default_paths().runtime_dir); raise SystemExit(main(['schedule', '--days', '1']))"
    done = subprocess.run(
        [sys.executable, "-c", code], check=False, env=env, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0 and done.stderr == "", done.stderr
    where = Path(done.stdout.splitlines()[0])
    assert where == private_home / ".local/state/qlbreak/run", done.stdout


def test_the_commands_own_lines_follow_the_chosen_language(tmp_path, monkeypatch):
    """Each line a command prints is one whole sentence of the catalogue, its blanks
    filled (a marking stand-in language shows it), and English is as before."""
    from qlbreak.core.words import current, using

    monkeypatch.setattr("qlbreak.language.start.load", lambda code, folder=None: current())  # main keeps it
    from tests.unit.test_cli_argparse_words import CLOSE, MARKING, OPEN

    cfg = tmp_path / "config.toml"
    cfg.write_text('[schedule]\ntimezone = "UTC"\n[[reminder]]\nname = "sun"\ntime = "10:00"\ndays = ["sun"]\n')

    def run(*argv: str) -> tuple[int, str, str]:
        out, err = io.StringIO(), io.StringIO()
        status = main(["--config", str(cfg), *argv], out, err)
        return status, out.getvalue(), err.getvalue()

    with using(MARKING):
        none = run("schedule", "--days", "3", "--from", "2030-06-03")
        wrong = run("schedule", "--days", "0")
        checked = run("config", "--check")
    assert none == (0, f"{OPEN}no reminders in the next 3 days from Mon 2030-06-03{CLOSE}\n", "")
    assert wrong == (2, "", f"qlbreak: {OPEN}--days must be from 1 to 3660{CLOSE}\n")
    assert checked == (0, f"{OPEN}{cfg}: ok{CLOSE}\n", "")
    assert run("config", "--check") == (0, f"{cfg}: ok\n", "")


def test_the_config_files_language_is_spoken_from_the_first_word(tmp_path):
    """[dialog] language = "de" on an English system: German, --help's argparse headings too."""
    cfg = tmp_path / "config.toml"
    cfg.write_text('[dialog]\nlanguage = "de"\n')
    out, err = io.StringIO(), io.StringIO()
    assert main(["--config", str(cfg), "config", "--check"], out, err) == 0
    assert out.getvalue() == f"{cfg}: in Ordnung\n", out.getvalue()
    help_text = subprocess.run(
        [sys.executable, "-m", "qlbreak", f"--config={cfg}", "--help"], capture_output=True, text=True, check=True
    )
    assert help_text.stdout.startswith("Aufruf: qlbreak") and "Optionen:" in help_text.stdout, help_text.stdout
