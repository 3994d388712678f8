"""One tray per user: ``endpoint`` (the lock and the listener a second start talks to),
``peruser`` (its folders, by uid), ``channels`` (the bytes), ``dialogue`` (the words).
Each of the first three keeps what every system shares and takes the rest from its
``*_posix.py`` or ``*_win32.py`` module, chosen once by ``System.unix_sockets`` (``qlbreak.system``)."""
