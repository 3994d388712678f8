"""What the stretch window says about what a rating does, against what happens: "it
hurt" leaves a stretch or an exercise out for the picker's rest, then an exercise comes
back easier (core/levels.py); a demo records nothing, so it promises nothing. No display."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from qlbreak.core.levels import EASIER, STANDARD, after
from qlbreak.core.picker import HURT_REST
from qlbreak.core.session import Feeling
from qlbreak.stretches import safety
from qlbreak.stretches.catalogue import Level, Stretch, load
from qlbreak.ui import exercise
from qlbreak.ui.walkthrough import Walkthrough

CATALOGUE = load()
BRACE = CATALOGUE.get("seated-core-brace")
STRETCH = CATALOGUE.get("cat-cow")
assert BRACE is not None and STRETCH is not None


def walk(stretch: Stretch, level: str = STANDARD, demo: bool = False) -> Walkthrough:
    return Walkthrough(
        stretch,
        open_history=lambda: pytest.fail("nothing is recorded here"),
        another_for=lambda h, skip: stretch,
        workdays=frozenset(range(5)),
        wall=lambda: datetime(2026, 12, 3, 9, 30, tzinfo=UTC),
        demo=demo,
        leveled=lambda s: (s.at_level(level), level),
    )


def test_the_words_name_the_rest_the_picker_gives():
    assert HURT_REST.days == safety.HURT_REST_DAYS
    assert f"{HURT_REST.days} days" in exercise.next_time(False)


def test_the_feelings_screen_tells_too_hard_from_it_hurt():
    said = exercise.next_time(False)
    assert "Too hard or it hurt" not in said
    assert "Too hard: easier next time." in said
    assert "It hurt: left out for 14 days, then the easier version." in said
    assert after(STANDARD, Feeling.HURT) == after(STANDARD, Feeling.TOO_HARD) == EASIER  # as said


@pytest.mark.parametrize("level", [STANDARD, "easier", "harder"])
def test_an_exercise_that_hurt_is_called_an_exercise_left_out_then_easier(level):
    stop, then = exercise.after_hurt(walk(BRACE, level))
    assert stop.startswith("An exercise should feel like effort, never pain.")
    assert (
        then == "qlbreak will leave this exercise out for the next 14 days, then bring it back as its easier version."
    )
    assert "stretch" not in stop + then
    assert after(level, Feeling.HURT) == EASIER


def test_an_exercise_with_no_easier_version_promises_none():
    plain = replace(BRACE, easier=None, harder=Level("Harder brace"))
    assert exercise.after_hurt(walk(plain))[1] == "qlbreak will leave this exercise out for the next 14 days."
    assert exercise.after_hurt(walk(plain, "harder"))[1] == "qlbreak will leave this exercise out for the next 14 days."


def test_a_stretch_that_hurt_is_left_out_with_the_stretch_words():
    stop, then = exercise.after_hurt(walk(STRETCH))
    assert stop == safety.STOP_IF_IT_HURTS and "gentle tension" in stop
    assert then == "qlbreak will leave this stretch out for the next 14 days."


@pytest.mark.parametrize("stretch", [STRETCH, BRACE], ids=["stretch", "exercise"])
def test_a_demo_promises_no_rest_and_no_next_time(stretch):
    stop, then = exercise.after_hurt(walk(stretch, demo=True))
    assert "14 days" not in then and "leave" not in then and "easier" not in then
    assert "try-out" in then and "skip it" in then
    assert stop == exercise.after_hurt(walk(stretch))[0]  # stopping is the same advice
    assert exercise.next_time(True) == exercise.NEXT_TIME_DEMO
    assert not any(w in exercise.next_time(True) for w in ("easier", "harder", "left out", "14 days"))
    assert "does not change" in exercise.next_time(True) and exercise.next_time(False).startswith(
        "Easy: harder next time."
    )


@pytest.mark.parametrize("level", ["easier", "harder"])
def test_a_version_without_its_own_picture_says_the_picture_is_the_usual_one(level):
    assert getattr(BRACE, level).image == ""  # the shipped ones have none yet
    note = exercise.level_note(walk(BRACE, level))
    assert note == f"{exercise.LEVEL_NOTE[level]} The picture shows the usual version."


@pytest.mark.parametrize("level", ["easier", "harder"])
def test_a_version_with_its_own_picture_says_nothing_of_it(level):
    pictured = replace(BRACE, **{level: replace(getattr(BRACE, level), image=f"stretches/brace-{level}.png")})
    assert exercise.level_note(walk(pictured, level)) == exercise.LEVEL_NOTE[level]


def test_the_standard_version_and_a_stretch_have_no_note():
    assert exercise.level_note(walk(BRACE)) == exercise.level_note(walk(STRETCH)) == ""


def test_a_translated_breath_is_said_whole_with_each_rep():
    """In another language the catalogue's breath comes translated: said whole with each
    rep (the order of the breath is in its words; the plain "breathe out" first would be
    wrong where one breathes in first); an own stretch's English is split as ever."""
    import gettext

    from qlbreak.core.words import EnglishFormats, Words, using

    german = Words("de", gettext.NullTranslations(), EnglishFormats())
    with using(german):
        whole = "Atmen Sie ein, während die Arme nach oben gleiten, und aus, während sie sinken. Nie die Luft anhalten."
        assert exercise.breaths(whole) == (whole, whole)
        assert exercise.breaths("") == ("breathe out", "breathe in")
        english = exercise.breaths("Breathe in as your arms slide up, out as they come down. Never hold your breath.")
        assert english == ("breathe in as your arms slide up", "breathe out as they come down")  # an own stretch
