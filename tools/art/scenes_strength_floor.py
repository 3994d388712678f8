"""The strengthening exercises done at home on the floor: one scene each (issue 24)."""

from __future__ import annotations

from tools.art.draw import Scene

SCENES: dict[str, Scene] = {}
