"""The rules, with nothing around them: pure, standard library only, mypy strict.

Every rule about time and every state a reminder or a walk-through can be in lives
here, as tables a reader can check: ``schedule`` (when occurrences are due),
``reminder`` (the reminder on show), ``commands`` (what the tray's queue carries),
``session`` (one walk-through), ``picker`` (which stretch next), ``streak``,
``vocabulary`` (the words a stretch is described in) and ``tray_view`` (the tray's
title, look and menu). Modules here import only the standard library's pure part and
each other: no I/O, no threads, no GUI, and no clock reading; every function that
needs "now" takes it as an argument.
"""
