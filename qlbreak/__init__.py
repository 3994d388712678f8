"""qlbreak: a tray break reminder with one guided stretch for the lower back."""

__version__ = "0.1.0"
