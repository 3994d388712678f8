"""The long-running tray process, and only its start-up, wiring and loop: ``start``
takes the lock and shows the icon before anything else loads, ``main`` wires the
adapters ``edges.choose`` picks, ``service`` is the loop (one thread; everything else
only queues a command) around ``core/app.py``, ``observing`` reads what the core asks
for an instant, ``carrying_out`` carries out its effects through the ports, ``news``
tells the user about a changed config.toml or a history it cannot write, ``logs`` and
``signals_posix`` set up the log and the signals. Every rule is in ``core``; every
outside world is in ``edges``.

May import ``core``, ``stretches``, ``storage``, ``edges`` and of ``ui`` only ``spec``
(the child windows' contract, no Tk); never tkinter: every window is a child process
(tests/unit/test_layers.py checks).
"""
