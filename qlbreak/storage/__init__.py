"""What qlbreak keeps on disk: where (``paths``), how (``atomic`` writes, ``privacy``:
0600 and 0700, ``tomlfile`` with line numbers), and each file: ``config`` (read;
``config_edit`` writes the user's choices into it in place, with tomlkit, and
``config_save`` merges them into the file as it is at the save, ``config_merge``
deciding what the window and a hand edit each changed), ``history`` (SQLite;
``history_file`` opens and upgrades it; ``outbox`` keeps the records it cannot take
yet, ``spool`` a finished stretch on disk until the history has it), ``statefile``
(the tray's memory), ``resting`` and ``config_words`` (small helpers) and ``consent``
(the safety notice was read). Each format carries its version and refuses a newer
one with a clear message.

May import ``core`` and the standard library (platformdirs for folders, tomlkit for
editing); never a GUI or tray library.
"""
