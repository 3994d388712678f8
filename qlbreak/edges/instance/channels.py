"""Moved to ``channels_posix.py``; what is common comes back here as the files split."""

from qlbreak.edges.instance.channels_posix import *  # noqa: F403
from qlbreak.edges.instance.channels_posix import _PipeChannel  # noqa: F401 - a test reads it here
