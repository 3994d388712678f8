"""The windows, in Tk, each in a process of its own: the stretch walk-through
(``stretch`` starts it, ``dialog`` draws it, ``walkthrough`` records it; ``warm``
starts it ahead of a click), the
reminder ``prompt``, the X11 ``menu`` and ``tooltip``, the ``safety`` notice, the first-run
``welcome``, the ``settings`` (built from ``form`` pieces and the ``stretch_list``) and
the ``history``, on one shared ``base`` (fonts, DPI scale, the child's start) and
``theme``.

``spec`` is the contract with the parent (how a window is started, what it is told
and the one line it answers) and imports no tkinter, so the tray can use it. The rest
may import ``core``, ``stretches`` and ``storage``; never pystray or plyer.
"""
