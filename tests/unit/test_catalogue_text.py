"""What the shipped stretches say, checked against the sources' facts (issue 23, item 4):
a fact the review found missing is a test here, so it cannot quietly drop out again."""

from __future__ import annotations

from dataclasses import replace

import pytest

from qlbreak.stretches.catalogue import Catalogue, Stretch, load


@pytest.fixture(scope="module")
def shipped() -> Catalogue:
    return load()


def _get(shipped: Catalogue, stretch_id: str) -> Stretch:
    stretch = shipped.get(stretch_id)
    assert stretch is not None, stretch_id
    return stretch


def test_a_walk_is_known_by_what_it_is_not_by_its_hold(shipped: Catalogue) -> None:
    assert {s.id for s in shipped if s.walking} == {"gentle-walk"}
    for stretch_id in ("ql-ball-release", "ql-ball-wall-release"):
        longest = replace(_get(shipped, stretch_id), hold_seconds=120)  # the 2:00 the user may pick
        assert not longest.walking, stretch_id
    assert _get(shipped, "gentle-walk").no_floor
