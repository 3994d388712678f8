"""The user's language: which one (the setting, else the system's), its catalogue (the
``.po`` files in ``po/``, compiled to ``.mo`` at install), its dates (Babel), and the
catalogue files' words for translators (``extract``).

The words themselves are marked and looked up through ``qlbreak.core.words``; this
package loads a language and hands it over (``start``). May import ``core`` and the
standard library, Babel, and nothing of the GUI.
"""
