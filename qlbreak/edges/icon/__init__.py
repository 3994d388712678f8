"""The tray icon: pystray (``tray_icon``), with repairs for its X11 backend (``xorg``)
and Windows session messages (``icon_win32``)."""
