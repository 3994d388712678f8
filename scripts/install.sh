#!/usr/bin/env bash
# Install qlbreak for this user from this checkout, then start it, detached from this
# terminal (closing it, or Ctrl-C in it, does not end qlbreak). Running it again
# upgrades in place and restarts the running qlbreak. --unattended is for IT
# (docs/administrators.md): it asks nothing, reads nothing from stdin, writes the
# user's settings file (`qlbreak config --init`) so the first start shows no welcome
# and the administrator's defaults stand, and says what it did in a few plain lines.
# Usage: ./scripts/install.sh [--unattended] [--no-autostart]
#        ./scripts/install.sh --uninstall [--purge] [--unattended]   (the same as: qlbreak uninstall ...)
#        ./scripts/install.sh --help
# Exit status: 0 done; 1 a step failed (the message names it); 2 a usage error, or what
# qlbreak needs from the system (Python 3.11, Tk) is missing and was not installed.
set -euo pipefail
cd "$(dirname "$0")/.."

help() {
    cat <<EOF
usage: $0 [--unattended] [--no-autostart]
       $0 --uninstall [--purge] [--unattended]
Install qlbreak for this user, start it, and start it at every login; run again to upgrade.
  --unattended    ask nothing (for IT): no welcome at the first start, the settings file made with the defaults
  --no-autostart  do not start qlbreak at login
  --uninstall     remove qlbreak from this account (the same as: qlbreak uninstall); settings and history stay
  --purge         with --uninstall: remove the settings and history too
  --yes           with --uninstall: the same as --unattended
  -h, --help      print this help and exit
exit status: 0 done; 1 a step failed (the message names it); 2 a usage error, or Python 3.11 or Tk missing
EOF
}
usage() {
    if [ -n "${1:-}" ]; then echo "$0: unknown option: $1" >&2; fi
    echo "usage: $0 [--unattended] [--no-autostart]" >&2
    echo "       $0 --uninstall [--purge] [--unattended]" >&2
    echo "       $0 --help" >&2
    exit 2
}
home_venv="${XDG_DATA_HOME:-$HOME/.local/share}/qlbreak-venv"

if [ "${1:-}" = --uninstall ]; then
    shift
    given=()  # --unattended as --yes: an installed qlbreak older than --unattended knows --yes
    for arg in "$@"; do
        case "$arg" in
            --purge) given+=(--purge) ;;
            --yes | --unattended) given+=(--yes) ;;
            -h | --help) help; exit 0 ;;
            *) usage "$arg" ;;
        esac
    done
    if [ -x "$home_venv/bin/qlbreak" ]; then
        exec "$home_venv/bin/qlbreak" uninstall "${given[@]+"${given[@]}"}"
    fi
    exec bash scripts/uninstall-leftovers.sh "$home_venv" "${given[@]+"${given[@]}"}"
fi

autostart=on
unattended=no
for arg in "$@"; do
    case "$arg" in
        --no-autostart) autostart=off ;;
        --unattended) unattended=yes ;;
        -h | --help) help; exit 0 ;;
        *) usage "$arg" ;;
    esac
done

# A step that fails ends the install with one line that names it (the tool's own
# message is above it), whatever the tool's exit status was.
step="checking Python"
failed() {
    echo "qlbreak: the install failed while $step (exit status $1)" >&2
    exit 1
}
trap 'failed $?' ERR

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
        step="installing ${missing[*]} with apt-get"
        sudo=""
        [ "$(id -u)" -eq 0 ] || sudo="sudo"
        if [ "$unattended" = yes ] && [ -n "$sudo" ]; then
            sudo="sudo -n"  # never a password prompt
            if ! sudo -n true 2>/dev/null; then
                echo "qlbreak needs ${missing[*]}, and --unattended asks for no sudo password:" >&2
                echo "install them first (as root: apt-get install -y ${missing[*]}), then run this again." >&2
                exit 2
            fi
        fi
        $sudo apt-get update -qq
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}"
    elif ! python3 -c 'import tkinter' 2>/dev/null; then
        echo "qlbreak's windows need Tk: install python3-tkinter (Fedora: sudo dnf install python3-tkinter)" >&2
        echo "or tk (Arch: sudo pacman -S tk), then run this again." >&2
        exit 2
    fi
fi

qlbreak="$home_venv/bin/qlbreak"
pip=("$home_venv/bin/python" -m pip install -q --disable-pip-version-check)
[ "$unattended" = no ] || pip+=(--no-input)  # pip never asks (an index's password)
step="stopping the running qlbreak"
if [ -x "$qlbreak" ]; then
    "$qlbreak" quit >/dev/null 2>&1 || true  # an upgrade: the old one saves and goes
fi
step="making the program's folder $home_venv"
python3 -m venv "$home_venv"
step="installing qlbreak with pip"
"${pip[@]}" --upgrade pip
"${pip[@]}" --upgrade .
step="linking the qlbreak command"
mkdir -p "$HOME/.local/bin"
ln -sf "$qlbreak" "$HOME/.local/bin/qlbreak"
step="turning start at login $autostart"
"$qlbreak" autostart "$autostart" >/dev/null
if [ "$unattended" = yes ]; then
    # A settings file of the user's means no welcome at the first start. Made from the
    # defaults; where an administrator's file gives some, none of its lines is set.
    step="writing the settings file"
    settings="$("$qlbreak" config </dev/null)"
    if [ -e "$settings" ]; then
        settings_said="$settings (there already, left as it was)"
    else
        "$qlbreak" config --init </dev/null >/dev/null
        settings_said="$settings (written: the defaults)"
    fi
fi

# Its own session: the terminal's hang-up never reaches it; its output goes to its log.
step="starting qlbreak"
if command -v setsid >/dev/null 2>&1; then
    setsid "$qlbreak" </dev/null >/dev/null 2>&1 &
else
    nohup "$qlbreak" </dev/null >/dev/null 2>&1 &
fi
started=$!

if [ "$unattended" = yes ]; then
    # Said only once it answers: IT's log says whether it runs, not that it was started.
    step="waiting for qlbreak to answer"
    log="$("$home_venv/bin/python" -c 'from qlbreak.storage.paths import default_paths; print(default_paths().log_file)')"
    running() { case "$("$qlbreak" status --json </dev/null 2>/dev/null || true)" in *'"running": true'*) return 0 ;; esac; return 1; }
    answered=no
    for _ in $(seq 60); do  # 30 seconds at most
        if running; then answered=yes; break; fi
        kill -0 "$started" 2>/dev/null || break
        sleep 0.5
    done
    if [ "$answered" = no ] && running; then answered=yes; fi  # ours ended: another one answers
    if [ "$answered" = no ]; then
        echo "qlbreak: installed, but it did not start: see its log, $log" >&2
        exit 1
    fi
    echo "qlbreak is installed and running ($("$qlbreak" --version </dev/null))."
    echo "  program: $home_venv"
    echo "  command: $HOME/.local/bin/qlbreak"
    echo "  start at login: $autostart"
    echo "  settings: $settings_said"
    echo "  log: $log"
    echo "  to remove it: $HOME/.local/bin/qlbreak uninstall --unattended (settings and history stay; --purge removes them too)"
    "$home_venv/bin/python" -m qlbreak.cli.shellpath </dev/null
    exit 0
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
