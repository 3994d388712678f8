#!/usr/bin/env bash
# Install qlbreak for this user from this checkout, then start it, detached from this
# terminal (closing it, or Ctrl-C in it, does not end qlbreak). Running it again
# upgrades in place and restarts the running qlbreak.
# Usage: ./scripts/install.sh [--no-autostart]
#        ./scripts/install.sh --uninstall [--purge] [--yes]   (the same as: qlbreak uninstall ...)
set -euo pipefail
cd "$(dirname "$0")/.."

usage() {
    echo "usage: $0 [--no-autostart]" >&2
    echo "       $0 --uninstall [--purge] [--yes]" >&2
    exit 2
}
home_venv="${XDG_DATA_HOME:-$HOME/.local/share}/qlbreak-venv"

if [ "${1:-}" = --uninstall ]; then
    shift
    for arg in "$@"; do
        case "$arg" in --purge | --yes) ;; *) usage ;; esac
    done
    if [ -x "$home_venv/bin/qlbreak" ]; then
        exec "$home_venv/bin/qlbreak" uninstall "$@"
    fi
    exec bash scripts/uninstall-leftovers.sh "$home_venv" "$@"
fi

autostart=on
for arg in "$@"; do
    case "$arg" in
        --no-autostart) autostart=off ;;
        *) usage ;;
    esac
done

python3 - <<'PY' || { echo "qlbreak needs Python 3.11 or newer as python3" >&2; exit 2; }
import sys
sys.exit(sys.version_info < (3, 11))
PY

# What the windows need from the OS: Debian's and Ubuntu's python3 has no Tk (python3-tk).
missing=()
python3 -c 'import ensurepip' 2>/dev/null || missing+=(python3-venv)
python3 -c 'import tkinter' 2>/dev/null || missing+=(python3-tk)
if [ ${#missing[@]} -gt 0 ]; then
    if command -v apt-get >/dev/null 2>&1; then
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    elif ! python3 -c 'import tkinter' 2>/dev/null; then
        echo "qlbreak's windows need Tk: install python3-tkinter (Fedora: sudo dnf install python3-tkinter)" >&2
        echo "or tk (Arch: sudo pacman -S tk), then run this again." >&2
        exit 2
    fi
fi

if [ -x "$home_venv/bin/qlbreak" ]; then
    "$home_venv/bin/qlbreak" quit >/dev/null 2>&1 || true  # an upgrade: the old one saves and goes
fi
python3 -m venv "$home_venv"
"$home_venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$home_venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade .
mkdir -p "$HOME/.local/bin"
ln -sf "$home_venv/bin/qlbreak" "$HOME/.local/bin/qlbreak"
"$home_venv/bin/qlbreak" autostart "$autostart" >/dev/null

# Its own session: the terminal's hang-up never reaches it; its output goes to its log.
if command -v setsid >/dev/null 2>&1; then
    setsid "$home_venv/bin/qlbreak" </dev/null >/dev/null 2>&1 &
else
    nohup "$home_venv/bin/qlbreak" </dev/null >/dev/null 2>&1 &
fi

echo "qlbreak is installed and running."
echo "  Its icon is in your system tray (the corner of the top or bottom panel)."
echo "  Click it for a stretch, or run: qlbreak stretch"
if [ "$autostart" = on ]; then
    echo "  It starts by itself when you log in (turn that off in its menu, or: qlbreak autostart off)."
fi
echo "  To remove it again: qlbreak uninstall (your settings and history stay)."
# The qlbreak command is in ~/.local/bin: on PATH from the next login or the next
# terminal (a marked line in the shell's startup file only when nothing else puts it
# there), and the one command that makes it work in this terminal now.
"$home_venv/bin/python" -m qlbreak.cli.shellpath
