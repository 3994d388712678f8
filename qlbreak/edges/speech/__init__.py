"""Spoken cues through the system's own speech (issue 24): ``speakers`` says a line with
a program of the system's (speech-dispatcher's ``spd-say``, ``espeak-ng`` or ``espeak``
on Linux, SAPI through PowerShell on Windows, ``say`` on macOS), one at a time and
without ever waiting for it; ``silent`` stands in where none exists. ``edges/choose.py``
picks one (``speaker``); the port is ``ports.Speaker``."""
