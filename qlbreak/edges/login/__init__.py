"""Start at login: ``autostart`` (an XDG autostart file, the Windows Run key, a macOS
LaunchAgent)."""
