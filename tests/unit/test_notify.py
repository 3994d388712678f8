"""adapters/notify.py: the right sender per platform, never an exception, texts that fit."""

from __future__ import annotations

import logging

from qlbreak.tray.notify import Notifications, choose_sender, plyer_sender


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
