"""The windows, in Tk, each in a process of its own: the stretch walk-through
(``stretch`` starts it, ``dialog`` draws it, ``walkthrough`` records it, ``exercise``
words an exercise's sets and rests, ``cues_toggle`` reads the cues aloud; ``warm``
starts it ahead of a click), the reminder ``prompt``, the X11 ``menu`` and ``tooltip``,
the ``safety`` notice, the first-run ``welcome``, the ``settings`` (built from ``form``
pieces, the ``stretch_list`` and the ``settings_programme`` page) and the ``progress``
window, on one shared ``base`` (fonts, DPI scale, the child's start) and ``theme``.

``spec`` is the contract with the parent (how a window is started, what it is told
and the one line it answers) and imports no tkinter, so the tray can use it. The rest
may import ``core``, ``stretches`` and ``storage``, and of ``edges`` only ``ports`` and
``choose`` (the voice that reads the cues); never pystray or plyer.
"""
