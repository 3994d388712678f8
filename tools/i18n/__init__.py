"""The translators' tools: extract the words, update each language, check, and build the
pseudo-locale the GUI tests read every window in (``catalogue.py``)."""
