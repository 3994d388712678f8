"""What qlbreak keeps on disk: where (``paths``), how (``atomic`` writes, ``privacy``:
0600 and 0700, ``tomlfile`` with line numbers), and each file: ``config`` (read;
``config_edit`` writes the user's choices into it in place, with tomlkit),
``history`` (SQLite, with ``outbox`` for the records it cannot take yet and
``spool``, where a finished stretch waits on disk until the history has it),
``statefile`` (the tray's memory) and ``consent`` (the safety notice was read). Each
format carries its version and refuses a newer one with a clear message.

May import ``core`` and the standard library (platformdirs for folders, tomlkit for
editing); never a GUI or tray library.
"""
