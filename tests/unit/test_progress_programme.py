"""ui/progress_programme.py's words and marks, without a display: one mark a session,
today's apart, paused and done as the course has them."""

from __future__ import annotations

from datetime import date

import pytest

from qlbreak.core.programmes import BALL_RELEASE, STRENGTHEN, Standing, State
from qlbreak.ui.progress_programme import line, marks

STARTED = date(2026, 11, 23)


@pytest.mark.parametrize(
    ("programme", "state", "sessions", "today", "done", "todays", "to_come", "words"),
    [
        (BALL_RELEASE, State.UNDER_WAY, 0, False, 0, 0, 14, "Ball release: day 1 of 14"),
        (BALL_RELEASE, State.UNDER_WAY, 4, True, 3, 1, 10, "Ball release: day 4 of 14, done today"),
        (BALL_RELEASE, State.PAUSED, 4, False, 4, 0, 10, "Ball release: paused after 4 of 14 days"),
        (BALL_RELEASE, State.DONE, 14, True, 14, 0, 0, "Ball release: all 14 days done"),
        (STRENGTHEN, State.UNDER_WAY, 2, False, 2, 0, 10, "Strengthening: session 3 of 12"),
    ],
)
def test_one_mark_a_session(programme, state, sessions, today, done, todays, to_come, words):
    standing = Standing(programme, state, sessions, today, state is State.UNDER_WAY, STARTED)
    each = marks(standing)
    assert len(each) == programme.length
    assert (each.count("done"), each.count("today"), each.count("to-come")) == (done, todays, to_come)
    assert each == sorted(each, key=["done", "today", "to-come"].index)  # done first, then today's, then to come
    assert line(standing) == words
