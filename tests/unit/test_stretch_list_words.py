"""What Settings › Stretches says under each name: a shipped strengthening exercise is
the programme's, not "Not offered" (a stranger read that as a refusal)."""

from __future__ import annotations

from qlbreak.core.picker import Candidate, Preferences, why_not
from qlbreak.ui.stretch_list import standing_words


def test_a_strengthening_exercise_is_said_to_be_the_programmes_not_refused() -> None:
    bridge = Candidate("glute-bridge", no_floor=True, equipment=frozenset({"none"}), exercise=True)
    text, inside = standing_words(why_not(bridge, Preferences()), None, None, left_out=False)
    assert text == "Offered by the strengthening programme" and not inside
    assert "Not offered" not in text


def test_the_other_rows_read_as_before() -> None:
    assert standing_words(None, "a door frame", None, False) == ("In your rotation, with a door frame", True)
    assert standing_words("on the floor", None, None, False) == ("Not offered: on the floor", False)
    assert standing_words(None, None, "Mon 7 Dec", False) == ("Resting until Mon 7 Dec: you said it hurt", False)
    assert standing_words("on the floor", None, None, True) == ("Left out: you chose to", False)
