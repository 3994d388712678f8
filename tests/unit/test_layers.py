"""The layout keeps its promises (each package's __init__.py states them): core/ is
pure, the tray process never imports tkinter, the windows never import the tray's
libraries, storage and stretches stay below both. Checked on the source, statically."""

from __future__ import annotations

import ast
import re
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "qlbreak"
IMPURE = {"os", "io", "pathlib", "threading", "sqlite3", "socket", "subprocess", "asyncio", "tkinter", "time", "random"}
CLOCK_READS = {"now", "today", "utcnow", "time", "monotonic"}
GUI = {"tkinter", "_tkinter"}
TRAY_LIBRARIES = {"pystray", "plyer", "Xlib"}
TOP_LEVEL = ("qlbreak.clock", "qlbreak.system", "qlbreak.__version__")  # importable from every layer
# What each package may import of qlbreak (besides itself and the top-level clock and system).
ALLOWED = {
    "core": set(),
    "language": {"core"},  # which language, its catalogue and its dates (qlbreak.system's flags too)
    "storage": {"core"},
    "stretches": {"core", "storage"},
    "ui": {"core", "language", "storage", "stretches", "charts", "edges.choose", "edges.ports"},  # charts: the Progress
    # window's alone; edges.choose: the stretch window's voice (spoken cues), picked there like every adapter
    "edges.detect": {"core.holds", "core.words"},  # facts about the desktop, in words; nothing of the app
    # every adapter: the windows' contract (ui.spec, ui.theme) but no Tk, never the tray
    "edges": {"core", "storage", "stretches", "ui.spec", "ui.theme"},
    "tray": {"core", "language", "storage", "stretches", "edges", "ui.spec"},  # start-up, wiring and the loop
    # the command line reaches the outside world through edges, and of the tray only what starts it
    "cli": {"core", "language", "storage", "stretches", "ui", "edges", "tray.start", "charts"},
    # matplotlib drawings: for the Progress window and the report, never the tray
    "charts": {"core", "storage", "stretches", "ui.theme"},
}


def imports(path: Path) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module:
            found += [(node.lineno, f"{node.module}.{alias.name}") for alias in node.names]
    return found


def modules(package: str) -> list[Path]:
    """The package's modules, with its sub-packages' unless ``ALLOWED`` names them apart."""
    own = sorted((PACKAGE / package.replace(".", "/")).rglob("*.py"))
    apart = [PACKAGE / p.replace(".", "/") for p in ALLOWED if p.startswith(f"{package}.")]
    return [m for m in own if not any(a in m.parents for a in apart)]


@pytest.mark.parametrize("path", modules("core"), ids=lambda p: p.name)
def test_core_module_is_pure(path: Path):
    for line, name in imports(path):
        top = name.split(".")[0]
        if name.startswith("qlbreak."):
            assert name.startswith("qlbreak.core"), f"{path.name}:{line} imports {name}"
            continue
        assert top in sys.stdlib_module_names and top not in IMPURE, f"{path.name}:{line} imports {name}"
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            assert node.func.attr not in CLOCK_READS, f"{path.name}:{node.lineno} reads the clock"


@pytest.mark.parametrize("package", sorted(ALLOWED))
def test_each_package_imports_only_the_layers_below_it(package: str):
    for path in modules(package):
        for line, name in imports(path):
            where = f"{package}/{path.name}:{line} imports {name}"
            top = name.split(".")[0]
            if package not in ("ui", "cli"):  # the command line shows a window of its own in-process
                assert top not in GUI, where
            if package in ("core", "storage", "stretches", "ui"):
                assert top not in TRAY_LIBRARIES | {"jeepney"}, where
            if name.startswith("qlbreak.") and not name.startswith(TOP_LEVEL):
                inner = name.removeprefix("qlbreak.")
                if inner == package or inner.startswith(f"{package}."):
                    continue
                assert any(inner == a or inner.startswith(f"{a}.") for a in ALLOWED[package]), where


def test_the_tray_process_loads_no_openssl_and_no_uuid_at_start():
    """hashlib loads OpenSSL (about 3 MB resident) and uuid brings platform: the tray
    loads them only when it needs them (a client proving the key), never at start."""
    import subprocess

    modules = "qlbreak.tray.start, qlbreak.tray.main, qlbreak.tray.service, qlbreak.edges.children.launch"
    probe = f"import sys, {modules}; print(sorted({{'_hashlib', 'uuid', 'tkinter'}} & set(sys.modules)))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


# Which OS this is: asked in qlbreak/system.py alone, and in the files whose names say
# their platform (the guard mypy needs); the rest asks System's flags.
ASKS_THE_OS = re.compile(r"\bsys\.platform\b|\bplatform\.system\(|\bos\.name\b")
PLATFORM_FILE = re.compile(r".*_(win32|linux|posix|darwin)\.py")
STILL_ASKING: tuple[str, ...] = ()  # modules allowed to ask the OS besides those above: none
PROBES = re.compile(r"\b(getattr|hasattr)\(")
PROBES_ALLOWED: tuple[str, ...] = ()  # edges/ files that may probe the stdlib or ctypes: none today


def _sources() -> list[tuple[str, str]]:
    return [(p.relative_to(PACKAGE).as_posix(), p.read_text()) for p in sorted(PACKAGE.rglob("*.py"))]


def test_only_qlbreak_system_asks_which_os_this_is():
    asking = [
        name
        for name, text in _sources()
        if ASKS_THE_OS.search(text)
        and name != "system.py"
        and not PLATFORM_FILE.fullmatch(name.rsplit("/", 1)[-1])
        and not name.startswith(STILL_ASKING)
    ]
    assert asking == []


def test_no_adapter_is_probed_with_getattr():
    probing = [
        f"{name}:{text.count(chr(10), 0, m.start()) + 1}"
        for name, text in _sources()
        if name.startswith("edges/") and name not in PROBES_ALLOWED
        for m in PROBES.finditer(text)
    ]
    assert probing == []


def test_every_package_is_in_the_wheel():
    """setup.cfg lists packages by hand: a new folder left out installs a broken app."""
    import configparser

    config = configparser.ConfigParser()
    config.read(PACKAGE.parent / "setup.cfg")
    listed = set(config["options"]["packages"].split())
    found = {
        ".".join(("qlbreak", *init.parent.relative_to(PACKAGE).parts)).rstrip(".")
        for init in PACKAGE.rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()


# matplotlib (with numpy: ~30 MB, ~0.3 s) is for the Progress window and the report alone.
HEAVY = ("matplotlib", "numpy", "qlbreak.charts", "qlbreak.ui.progress")
NO_CHARTS = ("qlbreak.tray", "qlbreak.edges.children.launch", "qlbreak.ui.stretch", "qlbreak.ui.warm")


def _module_file(name: str) -> Path | None:
    """The qlbreak module ``name`` names (or, for ``from m import f``, m's), if any."""
    parts = name.split(".")[1:]
    while parts:
        base = PACKAGE.joinpath(*parts)
        for candidate in (base.with_suffix(".py"), base / "__init__.py"):
            if candidate.is_file():
                return candidate
        parts = parts[:-1]
    return PACKAGE / "__init__.py"


def reached(roots: tuple[str, ...]) -> dict[str, str]:
    """Every import reachable from ``roots``' modules, those inside functions too (a
    lazy import is still imported the day it runs): each with the file that imports it."""
    todo: list[Path] = []
    for root in roots:
        folder = PACKAGE.joinpath(*root.split(".")[1:])
        todo += sorted(folder.rglob("*.py")) if folder.is_dir() else [m for m in [_module_file(root)] if m]
    seen: set[Path] = set()
    found: dict[str, str] = {}
    while todo:
        path = todo.pop()
        if path in seen:
            continue
        seen.add(path)
        for line, name in imports(path):
            found.setdefault(name, f"{path.relative_to(PACKAGE.parent)}:{line}")
            if name.startswith("qlbreak.") and (target := _module_file(name)) is not None:
                todo.append(target)
    return found


def test_neither_the_tray_nor_the_stretch_window_ever_imports_matplotlib():
    heavy = {name: where for name, where in reached(NO_CHARTS).items() if name.startswith(HEAVY)}
    assert heavy == {}


def test_the_reach_check_sees_the_progress_window_import_matplotlib():
    """The check above follows imports far enough to find it where it is."""
    assert any(name.startswith("matplotlib") for name in reached(("qlbreak.ui.progress",)))


def test_the_tray_and_the_stretch_window_load_no_matplotlib():
    import subprocess

    names = "qlbreak.tray.start, qlbreak.tray.main, qlbreak.tray.service, qlbreak.edges.children.launch"
    names += ", qlbreak.ui.stretch, qlbreak.ui.warm, qlbreak.ui.dialog"
    probe = f"import sys, {names}; print(sorted(m for m in sys.modules if m.startswith({HEAVY!r})))"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
