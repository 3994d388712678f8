"""The promises a reminder keeps in a user's first week (issue 19), on the service
with fakes: a stretch that hurt never comes back through a reminder, a stretch done
ends the reminder in any stage, nothing pops up over an open stretch window, a stretch
just done covers the reminder that falls due, and the first start shows nothing that
fell due before qlbreak was set up."""

from __future__ import annotations

import logging
import queue
from datetime import datetime, timedelta

from qlbreak.core.commands import Snooze, StretchNow
from qlbreak.core.kinds import Window
from qlbreak.core.session import Feeling
from qlbreak.edges.ports import Ports
from qlbreak.storage.config import Config
from qlbreak.storage.history import Event, History
from qlbreak.storage.outbox import Outbox
from qlbreak.tray.service import Service
from tests.fakes import FakeClock, FakeLogin, FakeNotifier, FakeTray, FakeWindows, prompts, stretches
from tests.unit.test_service import BERLIN, MONDAY_0925, Rig


def test_a_stretch_rated_it_hurt_is_not_what_the_snoozed_reminder_brings_back(app):
    app.at(6 * 60)
    hurt = prompts(app.windows)[0].stretch
    app.do(Snooze())
    # the window recorded "it hurt" (then died before it could answer the tray)
    app.history.record(Event(app.clock.now(), "done", hurt, feeling=Feeling.HURT))
    app.at(10 * 60)
    back = prompts(app.windows)[-1]
    assert len(prompts(app.windows)) == 2 and back.stretch != hurt
    assert app.tray.title.endswith(back.name)  # the icon names the new one too
    app.do(StretchNow())
    assert stretches(app.windows) == [back.stretch]  # and Start opens the new one


def test_the_tray_never_opens_a_hurt_stretch_that_a_due_reminder_proposed(app):
    app.at(6 * 60)
    hurt = prompts(app.windows)[0].stretch
    app.history.record(Event(app.clock.now(), "done", hurt, feeling=Feeling.HURT))
    app.do(StretchNow())
    assert stretches(app.windows) and stretches(app.windows)[0] != hurt


def test_a_stretch_done_from_the_tray_ends_a_snoozed_reminder(app):
    app.at(6 * 60)
    app.do(Snooze())
    app.do(StretchNow())
    app.finish("stretch", "done")
    assert app.tray.look == "normal" and "snoozed" not in app.tray.title
    app.at(40 * 60)
    assert len(prompts(app.windows)) == 1 and "missed" not in app.kinds()


def test_a_snooze_that_ends_while_a_stretch_window_is_open_waits_for_it(app):
    app.at(6 * 60)
    app.do(Snooze())
    app.do(StretchNow())
    app.at(12 * 60)  # the snooze ran out two minutes ago
    assert len(prompts(app.windows)) == 1 and app.notifier.sent[1:] == []  # nothing over the window
    assert "waiting until your stretch is over" in app.tray.title
    app.finish("stretch", "done")
    app.at(30 * 60)
    assert len(prompts(app.windows)) == 1 and "missed" not in app.kinds()


def test_start_takes_the_reminder_off_the_screen_while_the_stretch_is_open(app):
    app.at(6 * 60)
    assert "prompt" in app.windows.showing
    app.do(StretchNow())
    assert "prompt" not in app.windows.showing and app.tray.look != "due"
    app.finish("stretch", "partial")
    app.at(40 * 60)
    assert len(prompts(app.windows)) == 1 and app.kinds()[-1] != "missed"


def test_a_stretch_done_just_before_a_reminder_covers_it(app, caplog):
    caplog.set_level(logging.INFO, logger="qlbreak")
    app.history.record(Event(app.clock.now(), "done", "cat-cow"))  # 09:25
    app.at(10 * 60)  # 09:30 came and went
    assert prompts(app.windows) == [] and app.notifier.sent == [] and app.tray.look == "normal"
    assert "not shown: stretched at 09:25" in caplog.text
    assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    assert app.kinds() == ["done"]  # no "fired" in the history for a reminder nobody saw


def test_when_the_days_stretches_are_done_the_rest_of_its_reminders_stay_quiet(app, caplog):
    caplog.set_level(logging.INFO, logger="qlbreak")
    app.at(6 * 60)
    app.do(StretchNow())
    app.history.record(Event(app.clock.now(), "done", stretches(app.windows)[0]))  # as the window records it
    app.finish("stretch", "done")
    app.at(60 * 60)
    app.do(StretchNow())
    app.history.record(Event(app.clock.now(), "done", stretches(app.windows)[1]))  # a second, from the tray
    app.finish("stretch", "done")
    app.at(2 * 3600 + 10 * 60)  # lunch at 12:30, 2 of 2 done
    assert len(prompts(app.windows)) == 1
    assert "today's stretches are done (2/2)" in caplog.text


def test_the_tray_never_names_a_reminder_that_will_stay_quiet(app):
    app.at(5 * 60)  # 09:30: the morning reminder shows
    app.do(StretchNow())
    app.history.record(Event(app.clock.now(), "done", stretches(app.windows)[0]))
    app.finish("stretch", "done")
    assert app.tray.title == "qlbreak \u2014 next: lunch at 12:30"
    app.at(2 * 3600 + 40 * 60)  # 12:10: a second stretch, from the tray
    app.do(StretchNow())
    app.history.record(Event(app.clock.now(), "done", stretches(app.windows)[1]))
    app.finish("stretch", "done")
    assert app.tray.title == "qlbreak \u2014 next: morning at 09:30 tomorrow"  # lunch will stay quiet


def test_the_first_start_shows_nothing_that_fell_due_before_it(tmp_path):
    now = MONDAY_0925 + timedelta(minutes=33)  # 09:58: inside the 09:30 reminder's grace window
    clock = FakeClock(now)
    commands: queue.Queue = queue.Queue()
    windows, notifier = FakeWindows(report=commands.put), FakeNotifier()
    history = Outbox(lambda: History.open(tmp_path / "history.db", clock.now(), timeout=0.2))
    ports = Ports(FakeTray(), notifier, windows, FakeLogin(), clock, None)
    service = Service(Config(), _catalogue(), history, tmp_path / "state.json", ports, commands, welcome=True)
    service.step()
    clock.advance(60)
    service.step()
    assert prompts(windows) == [] and notifier.sent == []
    assert [kind for kind, _ in windows.calls] == [Window.WELCOME]  # and no other window
    assert [e.kind for e in history.events()] == []  # not even a "missed": it was never theirs
    history.close()


def test_a_later_start_still_shows_a_reminder_inside_its_grace_window(tmp_path):
    a = Rig(tmp_path, now=datetime(2026, 11, 30, 9, 58, tzinfo=BERLIN))
    a.service.step()
    assert len(prompts(a.windows)) == 1  # the config exists: not a first start
    a.history.close()


def _catalogue():
    from qlbreak.stretches import catalogue

    return catalogue.load()


def test_a_killed_runs_notification_is_taken_away_and_the_reminder_shown_again(tmp_path):
    from tests.fakes import FakeButtons
    from tests.unit.test_holds import Rig as HoldsRig

    first = HoldsRig(tmp_path, buttons=FakeButtons())
    first.at(2 * 60)
    assert len(first.buttons.shown) == 1 and first.buttons.on_screen == "1"
    first.history.close()  # killed: nothing withdrawn, the state file keeps the id
    second = HoldsRig(tmp_path, buttons=FakeButtons())
    second.at(30)
    assert second.buttons.taken_away == ["1"]  # the dead one goes
    assert len(second.buttons.shown) == 1  # and the reminder shows once, answerable
    second.history.close()


def test_quit_leaves_nothing_for_the_next_run_to_take_away(app):
    from qlbreak.core.commands import Quit

    app.at(6 * 60)
    app.do(Quit())
    assert '"notification": null' in (app.tmp_path / "state.json").read_text()
