"""The long-running tray process: ``start`` takes the lock and shows the icon before
anything else loads, ``main`` wires the rest, ``service`` is its loop (one
thread owns the state; everything else only queues a command), ``ports`` names each
outside world, and one adapter per world: ``icon`` (pystray, with ``icon_xorg`` and
``icon_win32`` repairs), ``notify`` (plain notifications), ``buttons`` (the reminder as
a notification with buttons, where the desktop has them: ``buttons_dbus`` on Linux), ``windows`` (the one way to
start a child window), ``instance`` (one per user; ``peruser`` finds its folders by the
uid, ``channels`` carries its bytes, ``dialogue`` says them),
``autostart``, ``logs`` and ``alarm_linux`` / ``alarm_win32`` (what wakes the loop:
the next decision's wall-clock instant, a clock change, a resume, a changed settings
file). Beside the
loop: ``presenting`` (a due reminder held or shown), ``catching_up`` (the one
catch-up after a reminder missed unseen), ``proposing`` (the stretch a reminder offers,
and whether it must show), ``tally`` (what the menu counts) and
``news`` (what it tells the user about a changed config.toml or a history it cannot
write).

May import ``core``, ``stretches``, ``storage``, ``detect`` (what the desktop says
about presenting, calls, being away, a lock), and of ``ui`` only ``spec`` (the child
windows' contract) and ``theme`` (light or dark), which import no Tk; never tkinter:
every window is a child process (tests/unit/test_layers.py checks).
"""
