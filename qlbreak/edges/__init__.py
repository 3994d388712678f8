"""Every adapter to the outside world, one sub-package per world, each behind its port
(``ports``): ``icon`` (the tray icon), ``alarm`` (what wakes the loop), ``notify``
(desktop notifications), ``instance`` (one tray per user and its endpoint), ``login``
(start at login), ``children`` (qlbreak's own windows, each a child process),
``detect`` (presenting, calls, away, locked) and ``speech`` (the cues read aloud, by
the system's own voice). ``choose`` picks each adapter for this
``qlbreak.system.System`` (the tray and the command line get theirs there); ``nothing``
holds a do-nothing adapter per port.

May import ``core``, ``storage``, ``stretches`` and of ``ui`` only ``spec`` and
``theme`` (no Tk); never ``tray``: the tray wires the edges, not the other way round.
"""
