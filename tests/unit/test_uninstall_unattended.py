"""``qlbreak uninstall --unattended`` (IT's name for ``--yes``): it asks nothing and
reads nothing, even with stdin closed; the settings and history go only with
``--purge``; without it and with no terminal, nothing goes and no traceback."""

from __future__ import annotations

import io

import pytest

from tests.unit.test_uninstall import Installed, qlbreak


class Unreadable(io.StringIO):
    """A stdin an unattended run must never read (IT's tools give none, or /dev/null)."""

    def read(self, *args: object) -> str:
        raise AssertionError("stdin was read")

    def readline(self, *args: object) -> str:
        raise AssertionError("stdin was read")


@pytest.mark.parametrize("stdin", [None, Unreadable()], ids=["closed", "not-to-be-read"])
@pytest.mark.parametrize("flag", ["--unattended", "--yes"])
def test_unattended_asks_nothing_and_keeps_the_data(private_home, monkeypatch, stdin, flag):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", stdin)
    status, out, err = qlbreak("uninstall", flag)
    assert (status, err) == (0, "")
    assert "?" not in out and "qlbreak is uninstalled." in out
    home.program_gone()
    paths = home.paths
    assert paths.config_file.exists() and paths.history_db.exists() and paths.state_file.exists()
    assert "Kept your settings and history, for a later install:" in out


def test_unattended_purge_takes_the_data_too(private_home, monkeypatch):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", None)
    status, out, err = qlbreak("uninstall", "--purge", "--unattended")
    assert (status, err) == (0, "") and "Kept" not in out
    home.program_gone()
    paths = home.paths
    assert not paths.config_dir.exists() and not paths.data_dir.exists() and not paths.state_dir.exists()


def test_stdin_closed_without_unattended_removes_nothing_and_names_the_option(private_home, monkeypatch):
    home = Installed(private_home)
    monkeypatch.setattr("sys.stdin", None)
    status, out, err = qlbreak("uninstall")
    assert status == 2 and "Traceback" not in err and "This removes qlbreak from your account:" in out
    assert err == (
        "qlbreak: nothing was removed: answer on a terminal, or add --unattended to uninstall without the question\n"
    )
    assert home.login.exists() and home.venv.exists() and home.paths.config_file.exists()


def test_help_documents_unattended(capsys):
    with pytest.raises(SystemExit):
        qlbreak("uninstall", "--help")
    said = capsys.readouterr().out
    assert "--unattended, --yes" in said and "--purge" in said
