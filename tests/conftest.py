"""Every test runs with its own per-user folders, so nothing touches the real ones."""

from __future__ import annotations

import os
import shutil
import tempfile

import pytest
from hypothesis import HealthCheck, settings

from qlbreak.core import words

# Property tests: random examples on a developer's machine, a fixed set under CI so
# main stays green for reasons of its own, and "deep" for hunting (HYPOTHESIS_PROFILE=deep).
settings.register_profile("dev", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# CI: a fixed 40 examples each (the same every run; "deep" is where bugs are hunted)
settings.register_profile("ci", settings.get_profile("dev"), max_examples=40, derandomize=True, print_blob=True)
settings.register_profile("deep", settings.get_profile("dev"), max_examples=3000)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") == "true" else "dev"))


@pytest.fixture(autouse=True)
def private_home(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    for var, sub in (
        ("XDG_CONFIG_HOME", ".config"),
        ("XDG_DATA_HOME", ".local/share"),
        ("XDG_STATE_HOME", ".local/state"),
    ):
        monkeypatch.setenv(var, str(home / sub))
    monkeypatch.setenv("HOME", str(home))
    # an organisation's settings (/etc/xdg/qlbreak) only where a test writes them
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "etc" / "xdg"))
    run = tempfile.mkdtemp(prefix="qlr")  # a Unix socket's path must stay short
    monkeypatch.setenv("XDG_RUNTIME_DIR", run)
    # the one-per-user lock is the uid's (/run/user/<uid>, /tmp/qlbreak-<uid>): each test its own
    monkeypatch.setenv("QLBREAK_INSTANCE_DIR", os.path.join(run, "qlbreak"))
    monkeypatch.delenv("QLBREAK_CONFIG", raising=False)
    # English, whatever the machine's language (a test that wants another says so); and
    # a test that switched this process's language leaves English behind it
    monkeypatch.setenv("LANGUAGE", "en")
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("QLBREAK_LOCALES", raising=False)
    yield home
    words.use(words.ENGLISH)
    shutil.rmtree(run, ignore_errors=True)
