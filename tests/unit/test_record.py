"""core/record.py: NamedTuple's behaviour without importing typing at run time."""

from __future__ import annotations

import subprocess
import sys

import pytest

from qlbreak.core.record import Record


class Point(Record):
    """A point."""

    x: int
    y: int = 0

    @property
    def norm1(self) -> int:
        return abs(self.x) + abs(self.y)


def test_fields_defaults_methods_and_tuple_behaviour():
    p = Point(3)
    assert p == (3, 0) and p.y == 0 and p.norm1 == 3
    assert p._replace(y=-4).norm1 == 7 and p._asdict() == {"x": 3, "y": 0}
    assert Point._fields == ("x", "y") and Point.__doc__ == "A point." and repr(p) == "Point(x=3, y=0)"
    x, y = Point(1, 2)
    assert (x, y) == (1, 2)
    with pytest.raises(AttributeError):
        p.z = 1  # type: ignore[attr-defined]
    with pytest.raises(TypeError):
        Point()  # type: ignore[call-arg]


def test_the_stretch_window_imports_no_typing():
    heavy = "{'typing', 'dataclasses'}"
    code = f"import sys, qlbreak.ui.stretch, qlbreak.ui.dialog; print(sorted({heavy} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "[]"
