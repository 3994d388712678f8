"""Theme choice and the cue sound, through their fakes (no display, no speakers)."""

from __future__ import annotations

import logging

from qlbreak.system import OS, of
from qlbreak.ui import sound
from qlbreak.ui.theme import DARK, LIGHT, palette


def test_explicit_themes_win():
    assert palette("light", {"GTK_THEME": "Adwaita:dark"}, of(OS.LINUX)) is LIGHT
    assert palette("dark", {}, of(OS.LINUX)) is DARK


def test_auto_follows_gtk_on_linux(tmp_path):
    assert palette("auto", {"GTK_THEME": "Adwaita:dark"}, of(OS.LINUX)) is DARK
    settings = tmp_path / "gtk-3.0" / "settings.ini"
    settings.parent.mkdir()
    settings.write_text("[Settings]\ngtk-application-prefer-dark-theme = 1\n")
    assert palette("auto", {"XDG_CONFIG_HOME": str(tmp_path)}, of(OS.LINUX)) is DARK
    assert palette("auto", {"XDG_CONFIG_HOME": str(tmp_path / "none")}, of(OS.LINUX)) is LIGHT


def test_cue_plays_with_the_first_player_found(tmp_path, monkeypatch):
    wav = tmp_path / "chime.wav"
    wav.write_bytes(b"RIFF")
    started = []
    monkeypatch.setattr("shutil.which", lambda name: f"/usr/bin/{name}" if name == "aplay" else None)
    monkeypatch.setattr("subprocess.Popen", lambda argv, **_kw: started.append(argv))
    cue = sound.Cue(wav, enabled=True, system=of(OS.LINUX))
    cue.play()
    assert started == [["aplay", "-q", str(wav)]]


def test_cue_is_silent_when_off_or_without_a_player(tmp_path, monkeypatch):
    wav = tmp_path / "chime.wav"
    wav.write_bytes(b"RIFF")
    monkeypatch.setattr("shutil.which", lambda _name: None)

    def refuse(*_a, **_kw):
        raise AssertionError("no process may start")

    monkeypatch.setattr("subprocess.Popen", refuse)
    sound.Cue(wav, enabled=False, system=of(OS.LINUX)).play()
    quiet = sound.Cue(wav, enabled=True, system=of(OS.LINUX))
    quiet.play()
    assert not quiet.enabled


def test_a_player_that_fails_is_logged_never_raised(tmp_path, monkeypatch, caplog):
    wav = tmp_path / "chime.wav"
    wav.write_bytes(b"RIFF")
    tried = []

    def broken(argv, **_kw):
        tried.append(argv)
        raise OSError("no audio")

    monkeypatch.setattr("subprocess.Popen", broken)
    caplog.set_level(logging.INFO)
    cue = sound.Cue(wav, enabled=True, system=of(OS.MACOS))
    cue.play()
    assert tried == [["afplay", str(wav)]] and cue.played == 1
    assert "cue sound failed: no audio" in caplog.text
