"""The build compiles the translations: each ``qlbreak/language/po/<code>.po`` becomes a
``.mo`` in the wheel (``qlbreak/language/compile.py``); the rest is in setup.cfg."""

from __future__ import annotations

import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py


class BuildWithCatalogues(build_py):
    def run(self) -> None:
        super().run()
        sys.path.insert(0, str(Path(__file__).parent))
        from qlbreak.language.compile import compile_all

        here = Path(__file__).parent / "qlbreak" / "language"
        compile_all(here / "po", Path(self.build_lib) / "qlbreak" / "language" / "mo")


setup(cmdclass={"build_py": BuildWithCatalogues})
