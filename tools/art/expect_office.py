"""What each office strengthening exercise's text says its picture shows (the rules in
``expect``, and any new ones an exercise needs), as ``expect.EXPECT`` does for the stretches."""

from __future__ import annotations

from tools.art.expect import Expect

EXPECT: dict[str, tuple[Expect, ...]] = {}
