"""edges/notify/plain.py and edges/choose.plain_sender: the right sender per system,
never an exception, texts that fit."""

from __future__ import annotations

import logging

import pytest

from qlbreak.edges.choose import plain_sender
from qlbreak.edges.notify.plain import Notifications, notify_send_sender, plyer_sender
from qlbreak.system import OS, of


def test_a_failing_sender_becomes_a_log_line(caplog):
    def broken(title, message):
        raise RuntimeError("no notification server")

    caplog.set_level(logging.INFO, logger="qlbreak")
    Notifications(broken, wait=True).notify("Time for a stretch: Cat-cow", "Ready when you are.")
    assert "notification failed (RuntimeError: no notification server)" in caplog.text
    assert "Time for a stretch: Cat-cow" in caplog.text


def test_long_texts_are_shortened_to_what_every_platform_takes():
    sent = []
    Notifications(lambda t, m: sent.append((t, m)), wait=True).notify("T" * 100, "m" * 300)
    title, message = sent[0]
    assert len(title) == 64 and title.endswith("\u2026") and len(message) == 256


@pytest.fixture
def senders(tmp_path, monkeypatch):
    """Where a notification went: the icon's own, plyer, or a notify-send on PATH."""
    from plyer import notification

    went: list[str] = []
    fake = tmp_path / "notify-send"
    fake.write_text(f"#!/bin/sh\necho notify-send >> {tmp_path / 'went'}\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    monkeypatch.setattr(notification, "_notify", lambda **kw: went.append("plyer"), raising=False)

    def own(title, message):
        went.append("icon")

    def sent_by(system, icon=own):
        went.clear()
        (tmp_path / "went").unlink(missing_ok=True)
        plain_sender(icon, "icon.png", of(system))("Title", "Body")
        if (tmp_path / "went").exists():
            went.append("notify-send")
        return went

    return sent_by


def test_windows_and_macos_use_the_tray_icon_linux_notify_send_else_plyer(senders):
    assert senders(OS.WINDOWS) == ["icon"]
    assert senders(OS.MACOS) == ["icon"]
    assert senders(OS.LINUX) == ["notify-send"]  # the icon's own is there, and not used
    assert senders(OS.OTHER) == ["plyer"]  # no notify-send outside Linux, though one is on PATH
    assert senders(OS.WINDOWS, icon=None) == ["plyer"]  # no icon: plyer, never notify-send
    assert senders(OS.MACOS, icon=None) == ["plyer"]


def test_linux_without_notify_send_uses_plyer(senders, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "nothing"))
    assert senders(OS.LINUX) == ["plyer"]


def test_plyer_is_called_with_the_app_name_and_a_timeout(monkeypatch):
    from plyer import notification

    calls = []
    monkeypatch.setattr(notification, "_notify", lambda **kw: calls.append(kw), raising=False)
    plyer_sender("/x/qlbreak.png")("Title", "Body")
    assert calls[0]["app_name"] == "qlbreak" and calls[0]["title"] == "Title"
    assert calls[0]["expire_time"] == "60000"  # notify-send's -t, in ms: not sticky


def test_a_failing_notify_send_is_logged_as_failed_not_sent(tmp_path, caplog):
    fake = tmp_path / "notify-send"
    fake.write_text("#!/bin/sh\necho 'Cannot connect to the notification server' >&2\nexit 1\n")
    fake.chmod(0o755)
    caplog.set_level(logging.INFO, logger="qlbreak")
    Notifications(notify_send_sender(str(fake), "/x/qlbreak.png"), wait=True).notify("Time for a stretch", "Now.")
    assert "notification sent" not in caplog.text
    assert (
        "notification failed (OSError: notify-send exited 1: Cannot connect to the notification server)" in caplog.text
    )


def test_notify_send_is_asked_with_the_app_name_icon_and_a_timeout(tmp_path, monkeypatch, caplog):
    calls = tmp_path / "calls"
    fake = tmp_path / "notify-send"
    fake.write_text(f'#!/bin/sh\nprintf "%s\\n" "$@" > {calls}\n')
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{tmp_path}:/usr/bin:/bin")
    caplog.set_level(logging.INFO, logger="qlbreak")
    Notifications(plain_sender(None, "/x/qlbreak.png", of(OS.LINUX)), wait=True).notify("Title", "Body")
    assert calls.read_text().splitlines() == ["-a", "qlbreak", "-i", "/x/qlbreak.png", "-t", "60000", "Title", "Body"]
    assert "notification sent: Title" in caplog.text
