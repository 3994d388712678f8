"""edges/notify/plain.py: the right sender per platform, never an exception, texts that fit."""

from __future__ import annotations

import logging

from qlbreak.edges.notify.plain import Notifications, choose_sender, notify_send_sender, plyer_sender


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


def test_windows_and_macos_use_the_tray_icon_linux_uses_plyer():
    def own(title, message):
        return None

    assert choose_sender(own, "icon.png", "win32") is own
    assert choose_sender(own, "icon.png", "darwin") is own
    assert choose_sender(own, "icon.png", "linux") is not own
    assert choose_sender(None, "icon.png", "win32") is not own


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
    Notifications(choose_sender(None, "/x/qlbreak.png", "linux"), wait=True).notify("Title", "Body")
    assert calls.read_text().splitlines() == ["-a", "qlbreak", "-i", "/x/qlbreak.png", "-t", "60000", "Title", "Body"]
    assert "notification sent: Title" in caplog.text
