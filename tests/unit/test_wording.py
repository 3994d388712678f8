from qlbreak.core.words import EnglishFormats, Words, using
from qlbreak.stretches import catalogue as catalog
from qlbreak.stretches import wording
from tests.marking import Marked as Marking


def test_every_catalogue_word_has_plain_words():
    assert set(catalog.EQUIPMENT) == set(wording.EQUIPMENT)
    assert set(catalog.TARGETS) == set(wording.TARGETS)


def test_clock_counts_down_whole_seconds():
    assert [wording.clock(s) for s in (30, 29.5, 0.2, 0, 240)] == ["0:30", "0:30", "0:01", "0:00", "4:00"]


def test_timing_and_encouragement():
    assert wording.timing(30, None, True) == "30 seconds each side"
    assert wording.timing(240, None, False) == "4 minutes"
    assert wording.timing(60, 10, False) == "10 slow reps"
    assert "3 work days in a row" in wording.encouragement(3)
    assert "day one of your streak" in wording.encouragement(1)


def test_the_mirror_convention_is_said_in_plain_words():
    """Issue 19, item 6: the pictures are the user's mirror image, and the words say so."""
    assert "mirror" in wording.MIRROR and "your left" in wording.MIRROR
    assert len(wording.MIRROR) < 120 and "figure's" not in wording.MIRROR


def test_the_overview_says_which_side_is_held_longer():
    from qlbreak.stretches import wording

    line = wording.position_line
    assert line("seated", "30 seconds each side", 45.0, 30.0) == (
        "Position: seated · 30 seconds each side, longer on your tighter left side"
    )
    assert line("lying", "2 minutes each side", 30.0, 45.0) == (
        "Position: lying · 2 minutes each side, longer on your tighter right side"
    )
    assert line("hands-and-knees", "10 slow reps", None, None) == "Position: hands and knees · 10 slow reps"
    assert line("seated", "30 seconds each side", 30.0, 30.0) == "Position: seated · 30 seconds each side"


MARKING = Words("xx", Marking(), EnglishFormats())


def test_the_window_s_words_are_whole_translated_phrases():
    """Every amount, position and streak is one translated phrase (a translator orders
    it), its counts through the plural forms; nothing English is glued around it."""
    from qlbreak.stretches import wording

    with using(MARKING):
        assert wording.timing(30, None, True) == "⟦30 seconds each side⟧"
        assert wording.timing(60, 1, False) == "⟦1 slow rep⟧"
        assert wording.timing(240, None, False) == "⟦4 minutes⟧"
        assert wording.encouragement(3) == "⟦Nice work: 3 work days in a row with a stretch.⟧"
        assert wording.position_line("hands-and-knees", "x", 45.0, 30.0) == (
            "⟦Position: ⟦hands and knees⟧ · x, longer on your tighter left side⟧"
        )
