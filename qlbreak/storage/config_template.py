"""The file ``qlbreak config --init`` writes, and a first save starts from: every setting
with its default and a comment. Under an organisation's settings (``config_layers``) each
setting line is commented out, so that none hides the organisation's value until the
person chooses one (English in every language: a file IT reads and shares)."""

from __future__ import annotations

import re

# The template stays in English in every language: it is a file the user may share with
# IT or paste into a help request, and its keys and values are English anyway.
DEFAULT_FILE = """\
# qlbreak settings. Delete a line to get its default back.
# Check this file with:  qlbreak config --check

[schedule]
timezone = "local"          # or an IANA zone name such as "Europe/Berlin"
grace_minutes = 30          # a reminder missed by up to this long still shows, late
snooze_minutes = 10
# "both": a notification with buttons where your desktop's notifications have them,
# else qlbreak's small prompt by the tray and a notification pointing to it;
# "prompt": always the small prompt; "notification": only a notification.
reminder_style = "both"

# Each [[reminder]] is a local clock time on chosen days. Writing any [[reminder]]
# replaces the defaults below, so keep both if you add a third.
[[reminder]]
name = "morning"
time = "09:30"              # HH:MM, 24-hour, local time
days = ["mon", "tue", "wed", "thu", "fri"]

[[reminder]]
name = "lunch"
time = "12:30"
days = ["mon", "tue", "wed", "thu", "fri"]

[stretches]
no_floor = true             # false: stretches on the floor too (at home, say)
equipment = ["none", "chair", "door-frame"]   # add any of: stick, ball, band, cushion, step
avoid = []                  # stretch ids never to suggest (see: qlbreak list)

[dialog]
theme = "auto"              # auto (follow the system), light or dark
sound = true                # a soft cue when it is time to switch sides and at the end
# true: a voice says when to switch sides, "ten seconds", when to rest and when you are
# done, so you need not watch the screen (uses your computer's own speech)
spoken_cues = false
language = "system"         # system (your computer's language), or one of: en, de

# A reminder that falls due while one of these is true waits, and shows when none is.
[holds]
presenting = true           # a full-screen window, or the desktop's do-not-disturb
in_a_call = true            # a microphone in use
camera = true               # a camera in use (a video call with the microphone muted)
away = true                 # no keyboard or mouse input for away_minutes
away_minutes = 5
locked = true               # the screen is locked
catch_up = true             # missed one while away? one "do it now?" when you are back

# Before the day's first stretch: how is your back today (0 to 10), which side feels
# tighter, anything down a leg? The side you name tighter is then held longer.
[checkin]
ask = true                  # false: no morning check-in
tighter = 1.5               # the tighter side is held this many times as long: 1.0 (the same) to 2.0
"""


def template(organisation: tuple[str, ...] = ()) -> str:
    """``DEFAULT_FILE``; under an organisation's files (their paths, strongest first) the
    same with a heading that names them and every setting and [[reminder]] commented out."""
    if not organisation:
        return DEFAULT_FILE
    heading = [
        "# qlbreak settings. Your organisation sets the defaults, in:",
        *(f"#   {path}" for path in organisation),
        "# Remove the # before a setting to choose it yourself (a setting your organisation",
        "# locks stays theirs). See what comes from where with:  qlbreak config --check",
    ]
    body = DEFAULT_FILE.split("\n", 2)[2]  # below the template's own two lines of heading
    return "\n".join(heading) + "\n" + re.sub(r"(?m)^(?=\w+ = |\[\[reminder\]\])", "# ", body)
