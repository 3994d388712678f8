"""What a test needs from the machine: missing, it skips with the reason on a
developer's machine, and fails under CI=true, where everything must run."""

from __future__ import annotations

import os
from typing import NoReturn

import pytest


def missing(problem: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{problem}; under CI=true this test must run, not skip")
    pytest.skip(problem)
