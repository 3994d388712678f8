"""Moved to ``locks_posix.py``; what is common comes back here as the files split."""

from qlbreak.edges.children.locks_posix import *  # noqa: F403
