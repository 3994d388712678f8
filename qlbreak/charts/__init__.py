"""matplotlib drawings of a person's progress (``core/progress.py``): imported only by
the Progress window's process and the report's, never by the tray or the stretch
window (matplotlib and numpy cost ~150 ms and ~30 MB to load). Drawn onto a given
``matplotlib.figure.Figure``, never through pyplot's global state."""
