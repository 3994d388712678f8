"""core/ stays pure: the standard library's pure part only, and no clock reading."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

CORE = Path(__file__).resolve().parents[2] / "qlbreak" / "core"
IMPURE = {"os", "io", "pathlib", "threading", "sqlite3", "socket", "subprocess", "asyncio", "tkinter", "time", "random"}
CLOCK_READS = {"now", "today", "utcnow", "time", "monotonic"}


@pytest.mark.parametrize("path", sorted(CORE.glob("*.py")), ids=lambda p: p.name)
def test_core_module_is_pure(path: Path):
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            names = [node.module or ""]
        else:
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
                assert node.func.attr not in CLOCK_READS, f"{path.name}:{node.lineno} reads the clock"
            continue
        for name in names:
            top = name.split(".")[0]
            if name.startswith("qlbreak."):
                assert name.startswith("qlbreak.core"), f"{path.name}:{node.lineno} imports {name}"
                continue
            assert top in sys.stdlib_module_names, f"{path.name}:{node.lineno} imports {name}"
            assert top not in IMPURE, f"{path.name}:{node.lineno} imports {name}"
