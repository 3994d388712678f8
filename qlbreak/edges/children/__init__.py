"""qlbreak's own windows, each a child process started from its spec: ``launch`` (the
one way to start one, and how it ended), ``locks`` (one stretch window at a time),
``nothing`` (the port's do-nothing adapter)."""
