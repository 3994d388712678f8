"""The strengthening exercises done at the office (no floor, work clothes): one scene each (issue 24)."""

from __future__ import annotations

from tools.art.draw import Scene

SCENES: dict[str, Scene] = {}
