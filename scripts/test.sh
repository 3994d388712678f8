#!/usr/bin/env bash
# Set up everything the tests need, then run all of them: lint, types, pytest.
# Usage: ./scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

python3 - <<'PY' || { echo "qlbreak needs Python 3.11 or newer as python3" >&2; exit 2; }
import sys
sys.exit(sys.version_info < (3, 11))
PY

# On Debian and Ubuntu, the system packages the tests use.
if command -v apt-get >/dev/null 2>&1; then
    missing=()
    python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
    python3 -c 'import sqlite3' 2>/dev/null || missing+=(libsqlite3-0)
    python3 -c 'import tkinter' 2>/dev/null || missing+=(python3-tk)
    # The GUI tests: a virtual X screen, real input, window queries, a font.
    command -v Xvfb >/dev/null 2>&1 || missing+=(xvfb)
    command -v xdotool >/dev/null 2>&1 || missing+=(xdotool)
    command -v xwininfo >/dev/null 2>&1 || missing+=(x11-utils)
    [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || missing+=(fonts-dejavu-core)
    # The end-to-end tests: a tray host, a notification server on a private D-Bus bus.
    command -v trayer >/dev/null 2>&1 || missing+=(trayer)
    command -v openbox >/dev/null 2>&1 || missing+=(openbox)   # a real window manager: full screen
    command -v pactl >/dev/null 2>&1 || missing+=(pulseaudio-utils)   # a call: what records from a microphone
    command -v pulseaudio >/dev/null 2>&1 || missing+=(pulseaudio)
    command -v dunst >/dev/null 2>&1 || missing+=(dunst)
    command -v notify-send >/dev/null 2>&1 || missing+=(libnotify-bin)
    command -v dbus-daemon >/dev/null 2>&1 || missing+=(dbus-daemon dbus-x11)
    command -v dbus-monitor >/dev/null 2>&1 || missing+=(dbus-bin)
    command -v desktop-file-validate >/dev/null 2>&1 || missing+=(desktop-file-utils)
    command -v strace >/dev/null 2>&1 || missing+=(strace)   # nothing phones home: every socket the app reaches
    # Spoken cues: a real voice into a file, measured.
    command -v espeak-ng >/dev/null 2>&1 || missing+=(espeak-ng)
    command -v sox >/dev/null 2>&1 || missing+=(sox)
    if [ ${#missing[@]} -gt 0 ]; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
    fi
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install -q --disable-pip-version-check -e '.[test]'
.venv/bin/python -m qlbreak.language.compile > /dev/null  # the .mo files a checkout runs with (a wheel builds its own)

echo "== ruff"
.venv/bin/ruff check .
.venv/bin/ruff format --check .
echo "== mypy (strict: qlbreak, tests/fakes.py and the picture tools, as on Linux, Windows and macOS)"
for platform in linux win32 darwin; do
    .venv/bin/mypy --platform "$platform"
done
echo "== pytest"
if [ $# -eq 0 ]; then
    # The unit tests (CPU-bound, each in its own folders) on both cores with pytest-xdist.
    .venv/bin/python -m pytest -n 2 tests/unit
    # Then the windows (the GUI and end-to-end tests, which mostly wait on their screen
    # and desktop, one test at a time) beside the fault and packaging tests (which mostly
    # compute and write, in folders of their own): both at once, the second's report after
    # the first's. Each half alone is about half of CI's 20 minutes.
    side_log=$(mktemp)
    .venv/bin/python -m pytest tests/faults tests/packaging >"$side_log" 2>&1 &
    side=$!
    status=0
    .venv/bin/python -m pytest tests/e2e tests/gui || status=$?
    wait "$side" || status=$?
    echo "== pytest tests/faults tests/packaging (run beside the windows)"
    cat "$side_log"
    rm -f "$side_log"
    exit "$status"
else
    .venv/bin/python -m pytest "$@"
fi
