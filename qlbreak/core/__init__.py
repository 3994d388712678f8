"""The rules, with nothing around them: pure, standard library only, mypy strict.

Every rule about time and every state the app, a reminder or a walk-through can be in
lives here, as tables a reader can check. The app is one value and one function:
``app`` (``step(state, input, now) -> (state, effects)``), with ``app_state`` (the
state, the inputs, the settings it decides by), ``app_commands`` (what each command
does), ``app_reminder`` (the clock's turn: due, held, shown, snoozed, missed, the
catch-up), ``app_view`` (what the icon says) and ``effects`` (what the outside world is
asked to do). Beneath them: ``schedule`` (when occurrences are due), ``reminder`` (the
reminder on show), ``holds`` (what holds one back), ``catchup``, ``picker`` (which
stretch next), ``commands`` (what the tray's queue carries), ``kinds`` (the shared
names: record kinds, windows, answers), ``window_specs`` (what each window is told),
``session`` (one walk-through, with an exercise's sets and rests), ``levels`` (an
exercise's easier or harder version next), ``cues`` (what a walk-through says aloud),
``programmes`` (a course of days: where it stands, from the history's marks),
``programme_offers`` (release then stretch; the one strengthening offer) and
``app_programme`` (what a programme day's reminder offers), ``checkin`` (the morning
check-in), ``streak``, ``vocabulary`` and ``tray_view``.

Modules here import only the standard library's pure part and each other: no I/O, no
threads, no GUI, and no clock reading; every function that needs "now" takes it.
"""
