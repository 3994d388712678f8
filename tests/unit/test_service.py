"""tray/service.py with fakes for every outside world and a clock the test moves."""

from __future__ import annotations

import json
import queue
from dataclasses import replace
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from qlbreak.core import schedule
from qlbreak.core.commands import (
    ChildEnded,
    OpenMenu,
    Pause,
    PauseFor,
    Quit,
    Resume,
    SkipToday,
    Snooze,
    StretchNow,
    ToggleLogin,
)
from qlbreak.core.kinds import Window
from qlbreak.core.window_specs import MenuSpec, TooltipSpec
from qlbreak.edges.ports import Ports
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History
from qlbreak.storage.outbox import Outbox
from qlbreak.stretches import catalogue
from qlbreak.tray.service import Service
from tests.fakes import FakeClock, FakeLogin, FakeNotifier, FakeTray, FakeWindows, prompts, stretches

BERLIN = ZoneInfo("Europe/Berlin")
MONDAY_0925 = datetime(2026, 11, 30, 9, 25, tzinfo=BERLIN)


class Rig:
    """A service with its fakes, restartable on the same files."""

    def __init__(self, tmp_path, now=MONDAY_0925, config=None, settings=None):
        self.tmp_path, self.config, self.settings = tmp_path, config or Config(), settings
        self.clock = FakeClock(now)
        self.catalogue = catalogue.load()
        self.start()

    def start(self):
        commands = queue.Queue()
        self.tray, self.notifier, self.login = FakeTray(), FakeNotifier(), FakeLogin()
        self.windows = FakeWindows(report=commands.put)
        self.history = Outbox(lambda: History.open(self.tmp_path / "history.db", self.clock.now(), timeout=0.2))
        ports = Ports(self.tray, self.notifier, self.windows, self.login, self.clock, self.settings)
        state_file = self.tmp_path / "state.json"
        self.service = Service(self.config, self.catalogue, self.history, state_file, ports, commands)
        return self

    def restart(self):
        self.history.close()
        return self.start()

    def at(self, seconds, **kw):
        """Let ``seconds`` pass in heartbeat-sized ticks, as the loop would."""
        while seconds > 0:
            step = min(30, seconds)
            self.clock.advance(step, **kw)
            self.service.step()
            seconds -= step

    def do(self, command):
        self.service.put(command)
        return self.service.step()

    def finish(self, kind, result):
        """The user ends window ``kind`` with ``result``, and the loop hears of it."""
        self.windows.finish(kind, result)
        return self.service.step()

    def kinds(self):
        return [e.kind for e in self.history.events()]


def test_the_title_names_the_next_reminder_and_the_menu_follows_the_state(app):
    assert app.tray.title == "qlbreak \u2014 next: morning at 09:30"
    assert app.tray.look == "normal"
    labels = app.tray.labels()
    assert labels[0] == "Stretch now" and app.tray.menu[0].default
    assert labels[1] == "Next: morning at 09:30"
    assert "Today: 0/2 stretches, streak 0" in labels
    assert labels[-5:] == ["Start at login", "Settings\u2026", "Progress\u2026", "Safety", "Quit"]
    assert not any(label.startswith("Snooze") for label in labels)


def test_a_due_reminder_notifies_once_prompts_and_turns_the_icon(app):
    app.at(5 * 60)
    assert [t for t, _ in app.notifier.sent] == [f"Time for a stretch: {prompts(app.windows)[0].name}"]
    assert "prompt" in app.windows.showing and app.tray.look == "due"
    assert app.tray.title.startswith("qlbreak \u2014 time for a stretch: ")
    assert "Snooze 10 min" in app.tray.labels()
    app.at(10 * 60)
    assert len(app.notifier.sent) == 1 and app.kinds() == ["fired"]


def test_a_restart_shows_a_due_reminder_once_more_and_never_twice(app):
    """The last run took it off the screen as it ended (or was killed: then its
    notification is taken away by the id the state file kept); the reminder is still
    due, so it shows again, once, with buttons that answer."""
    app.at(6 * 60)
    first = prompts(app.windows)[0]
    app.restart()
    app.service.step()
    app.at(60)
    assert len(prompts(app.windows)) == 1 and prompts(app.windows)[0].stretch == first.stretch
    assert app.tray.look == "due" and app.kinds() == ["fired"]  # no second "fired"
    app.restart()
    app.service.step()
    app.at(60)
    assert len(prompts(app.windows)) == 1  # once per start, never more


def test_unanswered_it_is_missed_when_the_grace_window_ends(app):
    app.at(6 * 60)
    app.at(30 * 60)
    assert app.kinds() == ["fired", "missed"]
    assert "prompt" not in app.windows.showing and app.tray.look == "normal"


def test_snooze_shows_the_same_stretch_again_later(app):
    app.at(6 * 60)
    first = prompts(app.windows)[0]
    app.do(Snooze())
    assert app.tray.look == "normal" and "prompt" not in app.windows.showing
    assert app.tray.title == "qlbreak \u2014 snoozed until 09:41" and "Snoozed until 09:41" in app.tray.labels()
    app.at(9 * 60)
    assert len(prompts(app.windows)) == 1
    app.at(60)
    assert len(prompts(app.windows)) == 2 and prompts(app.windows)[1].stretch == first.stretch
    assert app.kinds() == ["fired", "snoozed"]


def test_start_from_the_prompt_opens_that_stretch_and_done_clears_the_reminder(app):
    app.at(6 * 60)
    due = prompts(app.windows)[0]
    app.finish("prompt", "stretch")
    assert stretches(app.windows) == [due.stretch] and "prompt" not in app.windows.showing
    app.history.record(Event(app.clock.now(), "done", due.stretch))
    app.finish("stretch", "done")
    assert app.tray.look == "normal"
    assert "Today: 1/2 stretches, streak 1" in app.tray.labels()


def test_skip_today_pauses_until_midnight(app):
    app.at(6 * 60)
    app.do(SkipToday())
    assert app.tray.title == "qlbreak \u2014 paused until tomorrow"
    assert app.tray.look == "paused"
    app.at(3 * 3600 + 40 * 60)  # lunch and its grace pass while paused
    assert len(app.notifier.sent) == 1
    assert app.kinds() == ["fired", "skipped", "missed"]


def test_pause_an_hour_then_resume(app):
    app.do(Pause(PauseFor.HOUR))
    assert app.tray.title == "qlbreak \u2014 paused until 10:25"
    resume = next(e for e in app.tray.menu if e.label == "Pause").children[2]
    assert resume.action == "resume"
    app.do(Resume())
    assert app.tray.title == "qlbreak \u2014 next: morning at 09:30"


def test_a_reminder_paused_past_its_grace_is_missed_not_shown(app):
    app.do(Pause(PauseFor.HOUR))
    app.at(61 * 60)
    assert app.notifier.sent == [] and app.kinds() == ["missed"]


def test_after_a_sleep_only_the_newest_inside_grace_fires(tmp_path):
    a = Rig(tmp_path, now=datetime(2026, 11, 30, 9, 0, tzinfo=BERLIN))
    a.service.step()
    a.clock.advance(3 * 3600 + 40 * 60, asleep=True)  # wakes at 12:40
    a.service.step()
    assert [p.occurrence.reminder for p in prompts(a.windows)] == ["lunch"]
    assert sorted(a.kinds()) == ["fired", "missed"]
    a.history.close()


def test_a_click_opens_a_stretch_and_a_second_raises_it(app):
    app.do(StretchNow())
    app.do(StretchNow("cat-cow"))
    assert len(stretches(app.windows)) == 1 and "stretch" in app.windows.showing  # one, still open
    assert app.windows.calls.count(("raise", Window.STRETCH)) == 2  # each click raises first: the second did


def test_a_named_stretch_opens_that_one(app):
    app.do(StretchNow("cat-cow"))
    assert stretches(app.windows) == ["cat-cow"]


def test_the_menu_and_its_choice_come_back_as_commands(app):
    app.do(OpenMenu(1200, 10))
    (menu,) = app.windows.specs(Window.MENU)
    assert menu == MenuSpec(app.tray.menu, 1200, 10)
    app.finish("menu", "pause-hour")
    assert app.tray.look == "paused"


def test_start_at_login_toggles(app):
    app.do(ToggleLogin())
    assert app.login.on is True
    assert next(e for e in app.tray.menu if e.label == "Start at login").checked is True


def test_quit_stops_the_loop_and_closes_the_windows(app):
    app.do(StretchNow())
    app.do(Quit())
    assert not app.service.running and "stretch" not in app.windows.showing


def test_an_unknown_answer_from_a_window_is_no_command(app):
    app.do(OpenMenu(0, 0))
    app.finish("menu", "format-disk")
    app.do(ChildEnded(Window.PROMPT, None))  # a prompt that ended unanswered (killed)
    assert app.service.running and app.tray.look == "normal" and stretches(app.windows) == []


def test_notification_only_style_opens_no_prompt(tmp_path):
    a = Rig(tmp_path, config=replace(Config(), reminder_style="notification"))
    a.at(6 * 60)
    assert len(a.notifier.sent) == 1 and prompts(a.windows) == []
    a.history.close()


def test_a_damaged_state_file_is_kept_aside_and_history_still_prevents_repeats(app, tmp_path):
    app.at(6 * 60)
    (tmp_path / "state.json").write_text("{not json")
    app.restart()
    app.at(60)
    assert app.notifier.sent == []
    assert list(tmp_path.glob("state.json.bad-*"))


def test_the_loop_sleeps_until_the_next_decision_on_the_alarm_else_looks_every_heartbeat(app):
    wake = app.service.step()  # 09:25 on a work day: the 09:30 reminder is next
    assert wake == app.clock.now() + timedelta(minutes=5)
    assert schedule.wait_for(wake, app.clock.now(), wall_alarm=False) == 30
    assert schedule.wait_for(wake, app.clock.now(), wall_alarm=True) == 5 * 60 + 5  # a net behind the alarm


def test_an_idle_tray_does_not_write_its_state_every_heartbeat(tmp_path):
    a = Rig(tmp_path, now=datetime(2026, 11, 28, 10, 0, tzinfo=BERLIN))  # a Saturday: nothing due
    a.service.step()
    state = tmp_path / "state.json"
    first = state.stat().st_ino
    a.at(5 * 60)
    assert state.stat().st_ino == first
    a.at(6 * 60)
    assert state.stat().st_ino != first  # the newest instant seen is kept now and then
    a.do(Pause(PauseFor.HOUR))
    assert '"paused_until": "2026-11-28T11:11:00+01:00"' in state.read_text()
    a.history.close()


def test_a_failing_step_is_logged_and_the_loop_goes_on(app, caplog, monkeypatch):
    calls = []

    def broken(first=None):
        calls.append(first)
        if len(calls) == 1:
            raise OSError("disk full")
        app.service.running = False
        return app.clock.now()

    monkeypatch.setattr(app.service, "step", broken)
    monkeypatch.setitem(schedule.WAITS, False, (timedelta(0), timedelta(milliseconds=10)))
    app.service.run()
    assert len(calls) == 2 and "disk full" in caplog.text


def test_a_snooze_and_a_pause_survive_a_restart(app):
    app.at(6 * 60)
    proposed = prompts(app.windows)[0].stretch
    app.do(Snooze())
    app.restart()
    app.service.step()
    app.at(9 * 60)
    assert prompts(app.windows) == []
    app.at(60)
    assert len(prompts(app.windows)) == 1  # shown again on time, by the new run
    assert prompts(app.windows)[0].stretch == proposed  # and with the same stretch
    app.do(Pause(PauseFor.TOMORROW))
    app.restart()
    app.service.step()
    assert app.tray.title == "qlbreak \u2014 paused until tomorrow"


def test_the_prompt_answers_are_commands(app):
    app.at(6 * 60)
    app.finish("prompt", "skip")
    assert app.tray.look == "paused" and app.kinds() == ["fired", "skipped"]


def test_a_stretch_window_that_ends_without_done_snoozes_the_reminder(app):
    app.at(6 * 60)
    app.do(StretchNow())
    app.finish("stretch", "skipped")
    assert app.tray.look == "normal" and app.tray.title.startswith("qlbreak \u2014 snoozed until")
    assert "prompt" not in app.windows.showing
    app.at(10 * 60)
    assert app.tray.look == "due" and len(prompts(app.windows)) == 2  # back after the snooze
    app.do(StretchNow())
    app.finish("stretch", None)  # killed: no answer
    assert app.tray.look == "normal" and app.kinds() == ["fired", "snoozed", "snoozed"]


def test_a_newer_reminder_replaces_one_still_on_show_which_counts_as_missed(tmp_path):
    a = Rig(tmp_path, config=replace(Config(), plan=replace(Config().plan, grace=timedelta(hours=4))))
    a.at(6 * 60)  # morning, due until 13:30
    a.at(3 * 3600)  # lunch at 12:30
    assert [p.occurrence.reminder for p in prompts(a.windows)] == ["morning", "lunch"]
    assert [(e.kind, e.reminder) for e in a.history.events()] == [
        ("fired", "morning"),
        ("missed", "morning"),
        ("fired", "lunch"),
    ]
    a.history.close()


def test_a_snooze_from_an_older_state_file_comes_back_with_a_stretch(app, tmp_path):
    app.at(6 * 60)
    app.do(Snooze())
    saved = json.loads((tmp_path / "state.json").read_text())
    occurrence, until = saved["reminder"]["occurrence"], saved["reminder"]["until"]
    v1 = {k: saved[k] for k in ("since", "seen_until", "handled", "paused_until")}
    v1 |= {"version": 1, "snoozed": {"occurrence": occurrence, "until": until}, "due": None}
    (tmp_path / "state.json").write_text(json.dumps(v1))
    app.restart()
    app.at(10 * 60)
    assert len(prompts(app.windows)) == 1 and app.catalogue.get(prompts(app.windows)[0].stretch) is not None


def test_resting_on_the_icon_shows_the_title_as_a_tooltip_and_leaving_takes_it_away(app):
    from qlbreak.core.commands import Hover

    app.do(Hover(True))
    assert app.windows.specs(Window.TOOLTIP) == [TooltipSpec("qlbreak \u2014 next: morning at 09:30")]
    assert "tooltip" in app.windows.showing
    app.do(Hover(False))
    assert "tooltip" not in app.windows.showing
    app.do(Hover(True))
    app.do(OpenMenu(10, 10))  # the menu takes its place
    assert "tooltip" not in app.windows.showing and "menu" in app.windows.showing
