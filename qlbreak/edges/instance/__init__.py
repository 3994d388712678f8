"""One tray per user: ``endpoint`` (the lock and the listener a second start talks to),
``peruser`` (its folders, by uid), ``channels`` (the bytes), ``dialogue`` (the words)."""
