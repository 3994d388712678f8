"""qlbreak/edges/detect/: the port's fallbacks, and each platform's reading with its calls faked."""

from __future__ import annotations

import logging
import subprocess

import pytest

from qlbreak.core.holds import Signals
from qlbreak.edges.detect import macos, pulse
from qlbreak.edges.detect import session_win32 as windows
from qlbreak.edges.detect.facts import FactSources, Unavailable


def _cannot() -> bool:
    raise Unavailable("cannot ask the service (it is not there)", "org.example.Service: ServiceUnknown")


def _broken() -> bool:
    raise RuntimeError("boom")


def test_the_first_source_that_can_tell_answers_and_one_that_cannot_is_said_once(caplog):
    calls = []

    def second() -> float:
        calls.append(1)
        return 42.0

    d = FactSources({"idle_seconds": (("X11", _cannot), ("Mutter", second)), "locked": (("logind", _cannot),)})
    with caplog.at_level(logging.INFO, "qlbreak"):
        assert d.look() == Signals(idle_seconds=42.0)
        assert d.look() == Signals(idle_seconds=42.0)
    assert sum("cannot tell idle seconds from X11" in r.getMessage() for r in caplog.records) == 1
    assert d.available()["idle_seconds"] == "read from Mutter"
    assert d.available()["locked"] == "cannot ask the service (it is not there)"  # in words, once
    assert d.available()["microphone"] == "qlbreak cannot tell on this system"
    assert d.details()["locked"] == [
        "logind: cannot ask the service (it is not there) [org.example.Service: ServiceUnknown]"
    ]
    assert any("ServiceUnknown" in r.getMessage() for r in caplog.records)  # the detail is in the log
    assert d.look(frozenset({"locked"})) == Signals() and len(calls) == 2  # not asked when not wanted


def test_a_failing_detector_is_not_known_for_that_look_and_logged_once(caplog):
    d = FactSources({"full_screen": (("X11", _broken),)})
    with caplog.at_level(logging.WARNING, "qlbreak"):
        assert d.look() == Signals() and d.look() == Signals()
    assert sum("boom" in r.getMessage() for r in caplog.records) == 1
    with pytest.raises(ValueError):
        FactSources({"typo": ()})


PACTL = """Source Output #12
\tDriver: protocol-native.c
\tProperties:
\t\tmedia.name = "Peak detect"
\t\tapplication.name = "PulseAudio Volume Control"
Source Output #14
\tProperties:
\t\tmedia.name = "audio-capture"
\t\tapplication.name = "Firefox"
"""


def test_pactl_counts_a_recording_app_but_not_a_level_meter(tmp_path, monkeypatch):
    def run(output: str, code: int = 0):
        return lambda *a, **k: subprocess.CompletedProcess(a, code, output, "Connection refused")

    monkeypatch.setattr(subprocess, "run", run(PACTL))
    assert pulse.microphone("pactl") is True
    monkeypatch.setattr(subprocess, "run", run(PACTL.split("Source Output #14", maxsplit=1)[0]))
    assert pulse.microphone("pactl") is False
    monkeypatch.setattr(subprocess, "run", run("", 1))
    with pytest.raises(Unavailable, match="no sound server") as caught:
        pulse.microphone("pactl")
    assert caught.value.words == "cannot ask the sound server (it refused the connection)"


@pytest.mark.parametrize(
    ("state", "full", "quiet", "away"),
    [
        (windows.ACCEPTS, False, False, False),
        (windows.BUSY, True, False, False),
        (windows.D3D_FULL_SCREEN, True, False, False),
        (windows.PRESENTATION, True, False, False),
        (windows.APP, True, False, False),
        (windows.QUIET_TIME, False, True, False),
        (windows.NOT_PRESENT, False, False, True),
    ],
)
def test_windows_notification_state_maps_to_the_facts(state, full, quiet, away):
    assert windows.full_screen(lambda: state) is full
    assert windows.do_not_disturb(lambda: state) is quiet
    assert windows.locked(lambda: state) is away


def test_windows_microphone_in_use_is_a_last_use_not_yet_stopped():
    assert windows.microphone(lambda: iter([133_000_000, 0])) is True
    assert windows.microphone(lambda: iter([133_000_000])) is False
    assert windows.microphone(lambda: iter([])) is False


def test_macos_reads_quartz():
    class Quartz:
        @staticmethod
        def CGEventSourceSecondsSinceLastEventType(state, kind):
            assert (state, kind) == (macos.COMBINED_SESSION, macos.ANY_INPUT)
            return 12.5

        @staticmethod
        def CGSessionCopyCurrentDictionary():
            return {"CGSSessionScreenIsLocked": True}

    assert macos.idle_seconds(Quartz) == 12.5
    assert macos.locked(Quartz) is True


class FakeBus:
    """A D-Bus that answers from a table: (name, member) -> value, or refuses."""

    def __init__(self, answers: dict[tuple[str, str], object], reachable: bool = True) -> None:
        self.answers, self.reachable = answers, reachable

    def _answer(self, name: str, member: str) -> object:
        from qlbreak.edges.detect.freedesktop import _Refused

        if not self.reachable:
            raise Unavailable("no session D-Bus")
        if (name, member) not in self.answers:
            raise _Refused(f"{name} answered org.freedesktop.DBus.Error.ServiceUnknown")
        return self.answers[(name, member)]

    def call(self, bus_name, path, interface, method, signature="", body=()):
        return (self._answer(bus_name, method),)

    def prop(self, bus_name, path, interface, name):
        return self._answer(bus_name, name)


def test_freedesktop_lock_from_logind_else_the_screensaver():
    from qlbreak.edges.detect import freedesktop

    logind, gnome = ("org.freedesktop.login1", "LockedHint"), ("org.gnome.ScreenSaver", "GetActive")
    assert freedesktop.locked(FakeBus({logind: True}), FakeBus({})) is True
    assert freedesktop.locked(FakeBus({logind: False}), FakeBus({gnome: True})) is True
    assert freedesktop.locked(FakeBus({logind: False}), FakeBus({})) is False  # logind answered
    assert (
        freedesktop.locked(FakeBus({}, reachable=False), FakeBus({("org.freedesktop.ScreenSaver", "GetActive"): 0}))
        is False
    )
    with pytest.raises(Unavailable):
        freedesktop.locked(FakeBus({}, reachable=False), FakeBus({}))


def test_freedesktop_do_not_disturb_and_gnome_idle():
    from qlbreak.edges.detect import freedesktop

    server = ("org.freedesktop.Notifications", "Inhibited")
    assert freedesktop.do_not_disturb(FakeBus({server: True})) is True
    with pytest.raises(Unavailable) as caught:
        freedesktop.do_not_disturb(FakeBus({}))  # dunst 1.9 answers InvalidArgs, seen for real
    assert caught.value.words == (
        "this notification server does not say (it has no do-not-disturb setting qlbreak can read)"
    )
    assert "org.freedesktop.Notifications answered" in caught.value.detail  # for the log
    assert freedesktop.mutter_idle_seconds(FakeBus({("org.gnome.Mutter.IdleMonitor", "GetIdletime"): 61500})) == 61.5
    with pytest.raises(Unavailable):
        freedesktop.mutter_idle_seconds(FakeBus({}))


def test_each_platform_reads_each_fact_from_its_own_sources():
    from qlbreak.edges.choose import detectors
    from qlbreak.edges.detect.session_win32 import SessionLock
    from qlbreak.system import OS, of

    on_windows = detectors(of(OS.WINDOWS), lock=SessionLock()).available()
    assert on_windows["locked"] == "read from Windows' lock messages"
    assert on_windows["microphone"] == "read from Windows' microphone settings"
    on_mac = detectors(of(OS.MACOS)).available()
    assert on_mac["idle_seconds"] == "read from macOS" and on_mac["full_screen"] == "qlbreak cannot tell on this system"
    on_linux = detectors(of(OS.LINUX)).available()
    assert on_linux["full_screen"] == "read from the window manager"
    assert on_linux["microphone"] == "read from the sound server"


def test_a_bus_address_it_cannot_read_is_said_in_words(monkeypatch):
    from qlbreak.edges.detect.freedesktop import Bus

    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "disabled:")
    with pytest.raises(Unavailable) as caught:
        Bus("SESSION").call(
            "org.freedesktop.Notifications", "/", "org.freedesktop.Notifications", "GetServerInformation"
        )
    assert caught.value.words == "cannot ask the desktop (its message service, D-Bus, is not there)"
    assert caught.value.detail == "no session D-Bus ($DBUS_SESSION_BUS_ADDRESS is not an address it can use)"


ODD = ("maybe", 2, None, ["yes"])  # what a broken or hostile service on the bus could answer


@pytest.mark.parametrize("odd", ODD, ids=repr)
def test_an_odd_lock_answer_is_not_known_and_holds_nothing(odd, caplog):
    """``bool("maybe")`` held the reminder through all its grace: a screen saver (or
    logind) answering anything but yes or no now counts as "not known", logged once."""
    from qlbreak.core.holds import HoldRules, holding
    from qlbreak.edges.detect import freedesktop

    logind, gnome = ("org.freedesktop.login1", "LockedHint"), ("org.gnome.ScreenSaver", "GetActive")
    no_logind = FakeBus({}, reachable=False)
    screensaver = FakeBus({gnome: odd})
    with pytest.raises(freedesktop.OddAnswer):
        freedesktop.locked(no_logind, screensaver)
    with pytest.raises(freedesktop.OddAnswer):
        freedesktop.locked(FakeBus({logind: odd}), FakeBus({}))
    assert freedesktop.locked(FakeBus({logind: odd}), FakeBus({gnome: False})) is False  # the other's word
    assert freedesktop.locked(FakeBus({logind: odd}), FakeBus({gnome: True})) is True
    with pytest.raises(freedesktop.OddAnswer):
        freedesktop.do_not_disturb(FakeBus({("org.freedesktop.Notifications", "Inhibited"): odd}))
    if not isinstance(odd, int):  # 2 ms idle is an answer
        with pytest.raises(freedesktop.OddAnswer):
            freedesktop.mutter_idle_seconds(FakeBus({("org.gnome.Mutter.IdleMonitor", "GetIdletime"): odd}))

    d = FactSources({"locked": (("the screen saver", lambda: freedesktop.locked(no_logind, screensaver)),)})
    with caplog.at_level(logging.INFO, "qlbreak"):
        looks = [d.look() for _ in range(100)]  # five minutes of looks every 3 s
    assert all(seen == Signals() for seen in looks)  # not known: no hold
    assert holding(looks[0], HoldRules()) is None
    lines = [r.getMessage() for r in caplog.records]
    assert len(lines) == 1 and "odd answer about locked" in lines[0] and type(odd).__name__ in lines[0], lines
    assert d.available()["locked"] == "read from the screen saver"  # asked again at the next look


def test_each_odd_answer_is_logged_once_and_a_good_one_still_counts(caplog):
    from qlbreak.edges.detect import freedesktop

    answers = iter(["maybe", 2, "maybe", True, 2, None, False, "perhaps"])

    class Gnome(FakeBus):  # GNOME's screen saver answers, the freedesktop one is not there
        def call(self, bus_name, path, interface, method, signature="", body=()):
            return (
                (next(answers),)
                if bus_name == "org.gnome.ScreenSaver"
                else super().call(bus_name, path, interface, method)
            )

    bus = Gnome({})
    d = FactSources({"locked": (("the screen saver", lambda: freedesktop.locked(FakeBus({}, reachable=False), bus)),)})
    with caplog.at_level(logging.INFO, "qlbreak"):
        seen = [d.look().locked for _ in range(8)]
    assert seen == [None, None, None, True, None, None, False, None]
    assert len(caplog.records) == 3  # str, int, NoneType: each said once


def test_odd_numbers_and_flags_elsewhere_are_not_known():
    from qlbreak.edges.detect.facts import OddAnswer, amount, flag

    assert flag(True, "x") is True and flag(0, "x") is False and flag(1, "x") is True
    for odd in ("maybe", "true", 2, -1, None, [True], 1.0):
        with pytest.raises(OddAnswer):
            flag(odd, "x")
    assert amount(61500, "x") == 61500.0 and amount(0.5, "x") == 0.5
    for odd in ("61500", True, -1, float("nan"), float("inf"), None, [1]):
        with pytest.raises(OddAnswer):
            amount(odd, "x")

    class Quartz:
        @staticmethod
        def CGEventSourceSecondsSinceLastEventType(state, kind):
            return "a while"

        @staticmethod
        def CGSessionCopyCurrentDictionary():
            return {"CGSSessionScreenIsLocked": "maybe"}

    with pytest.raises(OddAnswer):
        macos.locked(Quartz)
    with pytest.raises(OddAnswer):
        macos.idle_seconds(Quartz)
