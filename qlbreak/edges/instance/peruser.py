"""Moved to ``peruser_posix.py``; what is common comes back here as the files split."""

from qlbreak.edges.instance.peruser_posix import *  # noqa: F403
