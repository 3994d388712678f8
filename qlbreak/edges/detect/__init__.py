"""The detectors: one module per outside world that can say whether the user presents,
is in a call, is away or has locked the screen (X11, D-Bus, PulseAudio, Windows, macOS).

Each answers one fact or raises ``facts.Unavailable`` (said once in the log; the fact
then counts as "not holding"). ``facts.FactSources`` (the ``Detectors`` port) reads them; the
decision lives in ``qlbreak/core/holds.py``. Modules here import the standard library
and their one outside library, never the tray, the windows or the storage.
"""
