"""``qlbreak programme``: every action, its JSON, and one clear line and the CLI's exit
status for every wrong use; run in-process with a fake HOME (tests/conftest.py)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from qlbreak.clock import now as clock_now
from qlbreak.core.kinds import Record
from qlbreak.core.programmes import Mark
from qlbreak.storage.history import Event, History
from qlbreak.storage.paths import default_paths
from tests.unit.test_cli import qlbreak


def record(*events: Event) -> None:
    history = History.open(default_paths().history_db, clock_now())
    try:
        for event in events:
            history.record(event)
    finally:
        history.close()


def marks() -> list[Mark]:
    history = History.open(default_paths().history_db, clock_now())
    try:
        return [m.mark for m in history.marks()]
    finally:
        history.close()


def with_a_ball() -> None:
    """Settings where the wall ball release is in the rotation."""
    config = default_paths().config_file
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text('[stretches]\nequipment = ["none", "chair", "door-frame", "ball"]\n', encoding="utf-8")


def test_list_names_both_programmes_and_how_to_start_one():
    status, out, err = qlbreak("programme", "list")
    assert status == 0 and err == ""
    lines = out.splitlines()
    assert lines[0].split()[0] == "ball-release" and lines[1].split()[0] == "strengthen"
    assert lines[-1] == "Start one with: qlbreak programme start ball-release"


def test_list_json_has_id_name_day_length_and_state():
    qlbreak("programme", "start", "strengthen")
    status, out, _ = qlbreak("programme", "list", "--json")
    assert status == 0
    listed = {p["id"]: p for p in json.loads(out)}
    assert listed["ball-release"] == {
        "id": "ball-release",
        "name": "Ball release",
        "length": 14,
        "unit": "day",
        "spacing": "daily",
        "day": None,
        "state": None,
    }
    assert (listed["strengthen"]["day"], listed["strengthen"]["length"], listed["strengthen"]["state"]) == (
        1,
        12,
        "under way",
    )


def test_start_pause_resume_stop_and_status_at_each_step():
    with_a_ball()
    status, out, _ = qlbreak("programme", "start", "ball-release")
    assert status == 0
    assert out.splitlines() == ["Started. Ball release: day 1 of 14.", "Today: Ball release, against a wall."]
    assert qlbreak("programme", "status")[1].splitlines()[0] == "Ball release: day 1 of 14"
    assert qlbreak("programme", "pause")[0] == 0
    assert qlbreak("programme", "status")[1] == "Ball release: paused before day 1 of 14\n"
    assert qlbreak("programme", "resume")[1] == "Resumed. Ball release: day 1 of 14.\n"
    status, out, _ = qlbreak("programme", "stop")
    assert status == 0 and out.startswith("Stopped.") and "stopped before day 1 of 14" in out
    assert marks() == [Mark.START, Mark.PAUSE, Mark.RESUME, Mark.STOP]


def test_status_counts_the_days_done_and_says_when_today_is_done():
    with_a_ball()
    now = clock_now()
    record(Event(now - timedelta(days=3), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    for days in (3, 2, 0):  # yesterday missed: neither counted nor a restart
        record(Event(now - timedelta(days=days), Record.DONE, "ql-ball-wall-release"))
    status, out, _ = qlbreak("programme", "status")
    assert status == 0
    assert out.splitlines() == ["Ball release: day 3 of 14", "Today's session is done. Well done."]
    status, out, _ = qlbreak("programme", "status", "--json")
    assert json.loads(out) == {
        "id": "ball-release",
        "name": "Ball release",
        "day": 3,
        "length": 14,
        "state": "under way",
        "done_today": True,
        "words": "Ball release: day 3 of 14",
        "due": False,
    }


def test_status_with_no_programme_and_its_json_is_null():
    assert qlbreak("programme", "status") == (0, "No programme yet. See them with: qlbreak programme list\n", "")
    assert qlbreak("programme", "status", "--json") == (0, "null\n", "")


def test_a_programme_whose_exercise_is_not_to_hand_says_what_it_needs():
    status, out, _ = qlbreak("programme", "start", "ball-release")
    assert status == 0
    assert "not in your rotation (needs a massage ball)" in out.splitlines()[1]


@pytest.mark.parametrize(
    ("before", "argv", "said"),
    [
        ([], ["pause"], "no programme is under way; start one with: qlbreak programme start ID"),
        ([], ["resume"], "no programme is paused; start one with: qlbreak programme start ID"),
        ([], ["stop"], "no programme is under way; start one with: qlbreak programme start ID"),
        (
            [["start", "ball-release"]],
            ["start", "strengthen"],
            "Ball release is under way (day 1 of 14); one programme at a time, so stop it first:"
            " qlbreak programme stop",
        ),
        (
            [["start", "ball-release"], ["pause"]],
            ["start", "strengthen"],
            "Ball release is paused (day 1 of 14); one programme at a time, so stop it first: qlbreak programme stop",
        ),
        ([["start", "strengthen"]], ["start", "strengthen"], "Strengthening has already started (session 1 of 12"),
        (
            [["start", "ball-release"], ["pause"]],
            ["pause"],
            "Ball release is already paused (at day 1 of 14); carry on with: qlbreak programme resume",
        ),
        ([["start", "ball-release"]], ["resume"], "Ball release is not paused: it is under way (day 1 of 14)"),
        ([["start", "ball-release"], ["stop"]], ["stop"], "no programme is under way"),
    ],
)
def test_each_wrong_use_is_one_line_exit_1_and_records_nothing(before, argv, said):
    for earlier in before:
        assert qlbreak("programme", *earlier)[0] == 0
    kept = marks()
    status, out, err = qlbreak("programme", *argv)
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1 and err.startswith(f"qlbreak: {said}")
    assert marks() == kept


@pytest.mark.parametrize(
    ("wanted", "said"),
    [
        ("ball", "no programme called 'ball'; did you mean ball-release? (qlbreak programme list)"),
        ("strenghten", "no programme called 'strenghten'; did you mean strengthen? (qlbreak programme list)"),
        ("yoga", "no programme called 'yoga'; the programmes are ball-release, strengthen (qlbreak programme list)"),
    ],
)
def test_an_unknown_programme_is_a_usage_error_naming_the_close_ones(wanted, said):
    assert qlbreak("programme", "start", wanted) == (2, "", f"qlbreak: {said}\n")
    assert marks() == []


def test_a_programme_is_found_by_its_name_too():
    status, out, _ = qlbreak("programme", "start", "Strengthening")
    assert status == 0 and out.startswith("Started. Strengthening: session 1 of 12.")


def test_programme_without_an_action_is_a_usage_error(capsys):
    from qlbreak.cli import main

    with pytest.raises(SystemExit) as stopped:
        main(["programme"])
    assert stopped.value.code == 2 and "ACTION" in capsys.readouterr().err


def test_a_restart_of_the_course_after_stop_begins_at_day_1():
    with_a_ball()
    now = clock_now()
    record(Event(now - timedelta(days=5), Record.PROGRAMME, programme="ball-release", mark=Mark.START))
    for days in (5, 4, 3):
        record(Event(now - timedelta(days=days), Record.DONE, "ql-ball-wall-release"))
    assert qlbreak("programme", "status")[1].startswith("Ball release: day 4 of 14")
    assert qlbreak("programme", "stop")[0] == 0
    assert qlbreak("programme", "start", "ball-release")[1].startswith("Started. Ball release: day 1 of 14.")


def test_the_marks_show_in_the_history_in_words_and_in_the_csv():
    import csv
    import io

    qlbreak("programme", "start", "ball-release")
    qlbreak("programme", "pause")
    status, out, _ = qlbreak("history")
    assert status == 0
    assert [line.split("  ", 1)[1] for line in out.splitlines()[:2]] == [
        "Programme: Ball release started",
        "Programme: Ball release paused",
    ]
    rows = list(csv.DictReader(io.StringIO(qlbreak("history", "--csv")[1])))
    assert [(r["what"], r["programme"], r["mark"]) for r in rows] == [
        ("programme", "ball-release", "start"),
        ("programme", "ball-release", "pause"),
    ]


def test_a_twice_a_week_session_done_says_when_the_next_one_counts():
    now = clock_now()
    record(
        Event(now, Record.PROGRAMME, programme="strengthen", mark=Mark.START),  # a mark before a record
        Event(now, Record.DONE, "bird-dog"),  # of the same moment: today's session
    )
    assert qlbreak("programme", "status")[1].splitlines() == [
        "Strengthening: session 1 of 12",
        "Today's session is done. Well done.",
    ]


def test_the_strengthening_session_names_the_shipped_exercises_the_tray_offers() -> None:
    """Today's exercise is chosen as the tray chooses it (``app_programme.plain``): the
    shipped strengthening exercises the user's filters keep, not only their own."""
    status, out, _ = qlbreak("programme", "start", "strengthen")
    assert status == 0
    today = out.splitlines()[1]
    assert today.startswith("Today: ") and "not in your rotation" not in today
    assert "Wall side plank" in today or "(or another)" in today


def test_a_stopped_course_says_what_was_done_not_where_it_stood() -> None:
    """Session 1 done today, then stopped: "stopped after 1 of 12 sessions" (it said
    "stopped at session 1 of 12", read as if that session were undone)."""
    now = clock_now()
    record(
        Event(now, Record.PROGRAMME, programme="strengthen", mark=Mark.START),
        Event(now, Record.DONE, "bird-dog"),
    )
    status, out, _ = qlbreak("programme", "stop")
    assert status == 0 and out.rstrip().endswith("Strengthening: stopped after 1 of 12 sessions.")
    assert qlbreak("programme", "status")[1].splitlines()[0] == "Strengthening: stopped after 1 of 12 sessions"


@pytest.mark.parametrize("words", [["ball", "release"], ["Ball", "Release"], ["ball release"]])
def test_a_programme_is_found_by_its_ids_words_as_a_stretch_is(words: list[str]) -> None:
    status, out, _ = qlbreak("programme", "start", *words)
    assert status == 0 and out.startswith("Started. Ball release: day 1 of 14.")


def test_start_without_a_programme_names_them_all() -> None:
    assert qlbreak("programme", "start") == (
        2,
        "",
        "qlbreak: which programme? the programmes are ball-release, strengthen"
        " (qlbreak programme list says what each is)\n",
    )
    assert marks() == []
