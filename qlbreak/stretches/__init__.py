"""The stretches and strengthening exercises: the catalogue (one TOML file each, in
``data/``; ``checking`` checks a file), the user's ``own`` (a stretches folder beside
config.toml, checked the same way, a bad file left out alone), the words
shown for its values, the safety notice, and choosing one for the user now.

May import ``core`` and ``storage`` (the TOML reader, the history it reads when
choosing); never tkinter, pystray or plyer. The stretch window imports
``catalogue`` on its way to the screen, so it keeps its own imports lean.
"""
