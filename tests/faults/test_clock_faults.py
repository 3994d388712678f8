"""A clock that lies, then tells the truth (a dual-boot machine whose hardware clock
holds local time, a clock wrong until NTP syncs), before, during and across restarts:
nothing is recorded for the future, nothing is silenced. And a state file whose values
parse but cannot be true is refused value by value, never with a traceback."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from qlbreak.core import schedule
from qlbreak.core.commands import Pause, PauseFor, Snooze
from qlbreak.storage import statefile
from tests.fakes import prompts
from tests.unit.test_service import BERLIN, MONDAY_0925, Rig

HOURS, DAYS = 3600, 24 * 3600


def fired(rig: Rig) -> list[tuple[str, str]]:
    return [(e.reminder or "", f"{e.occurrence}") for e in rig.history.events() if e.kind == "fired"]


def missed(rig: Rig) -> list[tuple[str, str]]:
    return [(e.reminder or "", f"{e.occurrence}") for e in rig.history.events() if e.kind == "missed"]


def lie(rig: Rig, by: timedelta) -> None:
    """The wall clock jumps by ``by`` (the monotonic clock does not: nothing slept)."""
    rig.clock.wall += by
    rig.service.step()


def test_one_look_two_hours_ahead_then_the_truth_the_morning_reminder_still_fires(tmp_path):
    rig = Rig(tmp_path)  # Monday 09:25; the morning reminder is at 09:30
    rig.service.step()
    lie(rig, timedelta(hours=2))  # 11:25 on the clock: 09:30 looks missed (and is offered late)
    assert missed(rig) == [("morning", "2026-11-30")]
    lie(rig, timedelta(hours=-2))  # NTP: the truth, 09:25
    assert missed(rig) == [] and rig.tray.look == "normal"  # nothing recorded or shown for the future
    before = len(prompts(rig.windows))
    rig.at(5 * 60 + 30)
    assert fired(rig) == [("morning", "2026-11-30")] and rig.tray.look == "due"
    assert len(prompts(rig.windows)) == before + 1 and not prompts(rig.windows)[-1].catch_up


def test_a_reminder_shown_two_hours_early_stays_the_one_showing_of_it(tmp_path):
    """Shown is shown: an occurrence fires at most once, ever (DESIGN.md's time rules)."""
    rig = Rig(tmp_path, now=datetime(2026, 11, 30, 10, 40, tzinfo=BERLIN))
    rig.service.step()
    lie(rig, timedelta(hours=2))  # 12:40: lunch (12:30) is shown, early
    assert fired(rig) == [("lunch", "2026-11-30")] and rig.tray.look == "due"
    lie(rig, timedelta(hours=-2))  # 10:40, the truth: it keeps the 20 minutes it had left
    assert rig.tray.look == "due" and rig.service.reminder is not None
    assert rig.service.reminder.until == datetime(2026, 11, 30, 11, 0, tzinfo=BERLIN)
    rig.at(2 * HOURS)  # 12:40: no second showing
    assert fired(rig) == [("lunch", "2026-11-30")] and len(prompts(rig.windows)) == 1


def test_a_clock_set_back_by_mistake_never_shows_a_reminder_twice(tmp_path):
    """The morning reminder was shown at 09:30 and passed unanswered; at 10:05 the clock
    is set an hour back by mistake and runs so for 40 minutes, past 09:30 again."""
    rig = Rig(tmp_path, now=datetime(2026, 12, 1, 9, 29, tzinfo=BERLIN))
    rig.service.step()
    rig.at(36 * 60)  # 10:05: shown at 09:30, missed at 10:00
    assert len(prompts(rig.windows)) == 1
    lie(rig, timedelta(hours=-1))
    rig.at(40 * 60)
    lie(rig, timedelta(hours=1))
    rig.at(60)
    assert len(prompts(rig.windows)) == 1
    assert [e.kind for e in rig.history.events() if e.reminder == "morning"] == ["fired", "missed"]


def test_a_restart_on_a_clock_set_back_never_shows_a_reminder_twice(tmp_path):
    rig = Rig(tmp_path, now=datetime(2026, 12, 1, 9, 29, tzinfo=BERLIN))
    rig.at(2 * 60)  # 09:31: shown
    assert len(prompts(rig.windows)) == 1
    rig.restart()
    rig.clock.wall -= timedelta(minutes=35)  # 08:56 after the restart
    rig.at(45 * 60)  # the reminder still due shows once more after the restart, then never again
    assert fired(rig) == [("morning", "2026-12-01")] and len(prompts(rig.windows)) == 1


def test_two_days_ahead_until_just_after_a_reminder_then_the_truth_shows_it_late(tmp_path):
    rig = Rig(tmp_path, now=datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN))
    rig.service.step()
    lie(rig, timedelta(days=2))
    rig.at(41 * 60)
    lie(rig, timedelta(days=-2))  # 09:41: the morning reminder (09:30) is 11 minutes late
    assert [(n, d) for n, d in fired(rig) if d == "2026-12-01"] == [("morning", "2026-12-01")]
    assert rig.tray.look == "due"


def test_missed_ahead_of_its_time_and_the_truth_inside_its_grace_window_it_shows_late(tmp_path):
    """2 h ahead from 11:40 to 12:40: lunch (12:30) looked missed (and was offered as a
    catch-up); the truth comes 10 minutes after its time: it shows, late, once."""
    rig = Rig(tmp_path, now=datetime(2026, 12, 1, 11, 40, tzinfo=BERLIN))
    rig.service.step()
    lie(rig, timedelta(hours=2))
    rig.at(HOURS)
    lie(rig, timedelta(hours=-2))
    assert fired(rig) == [("lunch", "2026-12-01")] and not prompts(rig.windows)[-1].catch_up
    rig.at(2 * HOURS)  # left unanswered: missed, at the true time
    assert [e.kind for e in rig.history.events() if e.reminder == "lunch"] == ["fired", "missed"]


def test_a_state_that_no_clock_can_have_reached_is_unsettled(tmp_path):
    """A damaged state file: "since" tomorrow, the morning of tomorrow and of the day
    after settled, nothing shown. The days to come are not skipped."""
    saved_state(
        tmp_path,
        since="2026-12-01T08:00:00+01:00",
        seen_until="2026-11-30T09:00:00+01:00",
        handled=[["morning", "2026-12-01"], ["morning", "2026-12-02"], ["lunch", "2199-12-31"]],
    )
    rig = Rig(tmp_path)  # Monday 09:25
    rig.at(6 * 60)
    assert fired(rig) == [("morning", "2026-11-30")]
    rig.at(2 * DAYS)
    assert ("morning", "2026-12-02") in fired(rig) and ("morning", "2026-12-01") not in fired(rig)


def test_five_days_ahead_records_nothing_for_those_days_and_silences_nothing(tmp_path):
    rig = Rig(tmp_path)
    rig.service.step()
    lie(rig, timedelta(days=5))  # Saturday: the days before look missed
    assert len(missed(rig)) == 6  # Wednesday to Friday (three days back at most)
    lie(rig, timedelta(days=-5))  # the truth: Monday 09:25
    assert missed(rig) == []
    rig.at(5 * 60 + 30)  # 09:30 fires
    assert fired(rig) == [("morning", "2026-11-30")]
    rig.do(Snooze())
    rig.at(2 * DAYS)  # on to Wednesday 09:30: each reminder of those days fell due
    shown = [key for key in fired(rig)]
    assert ("lunch", "2026-11-30") in shown and ("morning", "2026-12-02") in shown
    assert ("morning", "2026-12-01") in shown and ("lunch", "2026-12-01") in shown


def test_a_restart_on_the_right_clock_after_days_ahead_fires_every_reminder(tmp_path):
    rig = Rig(tmp_path)
    rig.service.step()
    lie(rig, timedelta(days=5))
    rig.service.step()
    rig.restart()  # logged out, and back with the right time
    rig.clock.wall -= timedelta(days=5)
    rig.at(3 * DAYS)  # Monday 09:25 to Thursday 09:25
    days = ("2026-11-30", "2026-12-01", "2026-12-02")
    assert {key for key in fired(rig) if key[1] in days} == {(n, d) for n in ("morning", "lunch") for d in days}


def test_a_pause_taken_while_the_clock_was_ahead_lasts_as_long_as_it_said(tmp_path):
    rig = Rig(tmp_path)
    rig.service.step()
    lie(rig, timedelta(days=3))
    rig.do(Pause(PauseFor.HOUR))
    lie(rig, timedelta(days=-3))  # the truth: 09:25, so paused until about 10:25
    until = rig.service.state.paused_until
    assert until is not None and timedelta(minutes=55) < until - rig.clock.now() <= timedelta(hours=1)


def test_a_clock_a_few_minutes_ahead_changes_nothing(tmp_path):
    rig = Rig(tmp_path, now=datetime(2026, 11, 30, 9, 20, tzinfo=BERLIN))
    rig.service.step()
    lie(rig, timedelta(minutes=12))  # 09:32: the morning reminder shows two minutes "late"
    assert fired(rig) == [("morning", "2026-11-30")]
    lie(rig, timedelta(minutes=-12))  # NTP corrects it: still the one reminder, still on show
    rig.at(15 * 60)
    assert fired(rig) == [("morning", "2026-11-30")] and len(prompts(rig.windows)) == 1


# -- a state file whose values parse but cannot be true --------------------------------


def saved_state(tmp_path, **values) -> None:
    data = {"version": 2, "since": None, "seen_until": None, "handled": [], "paused_until": None, "reminder": None}
    (tmp_path / "state.json").write_text(json.dumps(data | values))


def test_a_pause_until_the_year_9999_is_refused_with_a_notice(tmp_path, caplog):
    saved_state(tmp_path, paused_until="9999-12-31T23:59:59-23:59", since="9999-01-01T00:00:00+00:00")
    saved = statefile.load(tmp_path / "state.json", MONDAY_0925)
    assert saved.state.paused_until is None and saved.state.since is None
    assert saved.notice is not None and "paused_until" in saved.notice and "out of range" in saved.notice
    assert statefile.peek(tmp_path / "state.json").state.paused_until is None  # status, schedule
    rig = Rig(tmp_path)
    rig.at(6 * 60)  # the tray's loop runs, and the reminder fires
    assert fired(rig) == [("morning", "2026-11-30")]
    assert "out of range" in caplog.text


def test_a_pause_longer_than_any_pause_ends_now(tmp_path):
    saved_state(tmp_path, paused_until="2150-01-01T00:00:00+00:00")
    rig = Rig(tmp_path)
    rig.at(6 * 60)
    assert fired(rig) == [("morning", "2026-11-30")] and rig.service.state.paused_until is None
    assert not schedule.is_paused(schedule.ScheduleState(paused_until=MONDAY_0925 + timedelta(days=2)), MONDAY_0925)


def test_a_snooze_until_the_far_future_ends_as_missed_and_the_next_reminder_fires(tmp_path):
    reminder = {
        "occurrence": {"at": "2026-11-30T09:30:00+01:00", "reminder": "morning", "day": "2026-11-30"},
        "stretch": "seated-twist",
        "name": "Seated twist",
        "stage": "snoozed",
        "until": "2150-01-01T00:00:00+00:00",
    }
    saved_state(tmp_path, reminder=reminder, handled=[["morning", "2026-11-30"]])
    rig = Rig(tmp_path, now=datetime(2026, 11, 30, 12, 0, tzinfo=BERLIN))
    rig.service.step()
    assert missed(rig) == [("morning", "2026-11-30")]  # its time is over: missed, and offered once late
    late = rig.service.reminder
    assert late is not None and late.catch_up and late.occurrence.reminder == "morning", late
    rig.at(31 * 60)
    assert fired(rig) == [("lunch", "2026-11-30")]


def test_impossible_days_and_instants_are_refused_one_by_one_and_the_rest_kept(tmp_path):
    saved_state(
        tmp_path,
        handled=[["morning", "2026-11-30"], ["lunch", "9999-12-31"]],
        seen_until="0001-01-01T00:00:00+14:00",
        pending=[{"at": "2026-11-30T09:00:00+01:00", "kind": "done", "stretch": "seated-twist"}],
    )
    saved = statefile.load(tmp_path / "state.json", MONDAY_0925)
    assert saved.state.handled == {("morning", datetime(2026, 11, 30).date())}
    assert saved.state.seen_until is None and [e.kind for e in saved.pending] == ["done"]
    assert saved.notice is not None and "impossible days" in saved.notice


# -- killed between claiming a reminder and showing it ----------------------------------

KILLED_AT_THE_CLAIM = r"""
import os, signal, sys
from pathlib import Path
from tests.unit.test_service import Rig
rig = Rig(Path(sys.argv[1]))
rig.service.step()
history, when = rig.service.history, sys.argv[2]
claim = history.claim
def killed(event):
    if when == "before":
        os.kill(os.getpid(), signal.SIGKILL)
    won = claim(event)
    history.close()  # what the kernel does for a killed process: the claim is committed
    os.kill(os.getpid(), signal.SIGKILL)
history.claim = killed
rig.at(6 * 60)
"""


@pytest.mark.parametrize("when", ["before", "after"])
def test_killed_between_claiming_and_showing_a_reminder_the_next_run_shows_it(tmp_path, when):
    """The code's own rule: twice beats never. The state file says the reminder is due
    before the history says it fired, so a kill at either side of the claim loses nothing."""
    done = subprocess.run([sys.executable, "-c", KILLED_AT_THE_CLAIM, str(tmp_path), when], check=False)
    assert done.returncode == -signal.SIGKILL
    rig = Rig(tmp_path, now=MONDAY_0925 + timedelta(minutes=6))
    rig.service.step()
    assert len(prompts(rig.windows)) == 1 and rig.tray.look == "due"
    assert fired(rig) == [("morning", "2026-11-30")]  # recorded once, whichever side the kill fell
    rig.at(60)
    assert len(prompts(rig.windows)) == 1
