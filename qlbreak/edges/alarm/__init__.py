"""What wakes the loop at a wall-clock instant however the machine slept, and at once
on a clock change, a resume or a changed settings file: ``alarm_linux`` (timerfd,
inotify), ``alarm_win32`` (a waitable timer, window messages)."""
