#!/usr/bin/env bash
# What `qlbreak uninstall` removes, for when it cannot run: its program's folder was
# deleted by hand, leaving a login item that points at nothing, the qlbreak command,
# the lock and socket, the PATH line, and the settings and history (kept unless --purge).
# `./scripts/install.sh --uninstall` runs this only then; qlbreak/cli/uninstall.py is
# the same list, in Python.
# Usage: scripts/uninstall-leftovers.sh VENV [--purge] [--unattended]   (--yes: the same as --unattended)
set -euo pipefail

venv="$1"
shift
purge=no
yes=no
for arg in "$@"; do
    case "$arg" in
        --purge) purge=yes ;;
        --yes | --unattended) yes=yes ;;
        *) echo "usage: $0 VENV [--purge] [--unattended]" >&2; exit 2 ;;
    esac
done

config="${XDG_CONFIG_HOME:-$HOME/.config}"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
state="${XDG_STATE_HOME:-$HOME/.local/state}"
runtime="$state/qlbreak/run"
if [ -n "${XDG_RUNTIME_DIR:-}" ] && [ -d "$XDG_RUNTIME_DIR" ]; then
    runtime="$XDG_RUNTIME_DIR/qlbreak"
fi
mark="added by qlbreak's installer"

if [ -e "$runtime/qlbreak.lock" ] && command -v flock >/dev/null 2>&1 \
    && ! flock -n "$runtime/qlbreak.lock" true; then
    echo "qlbreak: a qlbreak is still running; nothing was removed: quit it from its menu, then run this again" >&2
    exit 2
fi

gone=()  # what goes, each "what: where"
paths=()
add() { gone+=("$1: $2"); paths+=("$2"); }
[ -e "$config/autostart/qlbreak.desktop" ] && add "start at login" "$config/autostart/qlbreak.desktop"
launcher="$HOME/.local/bin/qlbreak"
if [ -L "$launcher" ]; then
    case "$(readlink "$launcher")" in "$venv"/*) add "the qlbreak command" "$launcher" ;; esac
fi
[ -e "$data/applications/qlbreak.desktop" ] && add "the menu entry" "$data/applications/qlbreak.desktop"
rcs=()
for rc in "$HOME/.bashrc" "$HOME/.zshrc" "$HOME/.profile"; do
    if [ -f "$rc" ] && grep -qF "$mark" "$rc"; then
        rcs+=("$rc")
        gone+=("the line that puts ~/.local/bin on PATH: $rc")
    fi
done
smalls=("$runtime")
[ "$runtime" = "$state/qlbreak/run" ] || smalls+=("$state/qlbreak/run")
for small in "${smalls[@]}" "$config/qlbreak/instance.key"; do
    [ -e "$small" ] && add "small files the running qlbreak used" "$small"
done
kept=()
for folder in "$config/qlbreak" "$data/qlbreak" "$state/qlbreak"; do
    [ -d "$folder" ] || continue
    if [ "$purge" = yes ]; then add "your settings and history" "$folder"; else kept+=("$folder"); fi
done

if [ ${#gone[@]} -eq 0 ]; then
    echo "qlbreak is not installed for this user: there was nothing to remove."
else
    if [ "$yes" = no ]; then
        echo "This removes what qlbreak left in your account:"
        printf '  - %s\n' "${gone[@]}"
        if [ ! -t 0 ]; then
            echo "qlbreak: nothing was removed: answer on a terminal, or add --unattended" >&2
            exit 2
        fi
        read -r -p "Remove these now? [y/N] " answer || answer=""
        case "$answer" in
            y | Y | yes | Yes) ;;
            *) echo "Nothing was removed."; exit 1 ;;
        esac
    fi
    for rc in "${rcs[@]+"${rcs[@]}"}"; do
        kept_lines="$(grep -vF "$mark" "$rc" || true)"
        if [ -z "${kept_lines//[[:space:]]/}" ] && [ ! -L "$rc" ]; then
            rm -f -- "$rc"  # the installer made it for that line alone
        else
            printf '%s\n' "$kept_lines" >"$rc"  # through a symlink, keeping its permissions
        fi
    done
    rm -rf -- "${paths[@]+"${paths[@]}"}"
    echo "Removed:"
    printf '  %s\n' "${gone[@]}"
    echo "qlbreak is uninstalled."
fi
for folder in "${kept[@]+"${kept[@]}"}"; do
    rmdir "$folder" 2>/dev/null || true  # left empty: nothing of the user's in it
done
still=()
for folder in "${kept[@]+"${kept[@]}"}"; do [ -d "$folder" ] && still+=("$folder"); done
if [ ${#still[@]} -gt 0 ]; then
    echo "Kept your settings and history, for a later install:"
    printf '  %s\n' "${still[@]}"
    echo "To remove them too, run:"
    echo "  rm -r ${still[*]}"
fi
