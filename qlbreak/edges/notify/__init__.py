"""Desktop notifications: ``plain`` (plyer or the icon's own), and the reminder as a
notification with buttons: ``buttons_dbus`` (D-Bus on Linux), ``buttons``
(desktop-notifier elsewhere)."""
