"""qlbreak: a tray break reminder with one guided stretch for the lower back.

The packages are the layers, lowest first: ``core`` (the rules, pure), ``storage``
(files), ``stretches`` (the catalogue), ``detect`` (what the desktop says: full
screen, a call, away, locked), then the two kinds of process: ``tray`` (the
long-running one) and ``ui`` (each window its own process). ``cli`` is the command
line and the only module that prints for users; ``clock`` is where "now" comes from.
"""

__version__ = "0.1.0"
