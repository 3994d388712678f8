#!/usr/bin/env bash
# Install qlbreak for this user from this checkout, then start it.
set -euo pipefail
cd "$(dirname "$0")/.."

python3 - <<'PY' || { echo "qlbreak needs Python 3.11 or newer as python3" >&2; exit 2; }
import sys
sys.exit(sys.version_info < (3, 11))
PY

if ! python3 -c 'import ensurepip' 2>/dev/null && command -v apt-get >/dev/null 2>&1; then
    sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq python3-venv
fi

home_venv="${XDG_DATA_HOME:-$HOME/.local/share}/qlbreak-venv"
python3 -m venv "$home_venv"
"$home_venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip
"$home_venv/bin/python" -m pip install -q --disable-pip-version-check --upgrade .
mkdir -p "$HOME/.local/bin"
ln -sf "$home_venv/bin/qlbreak" "$HOME/.local/bin/qlbreak"
echo "qlbreak is installed as $HOME/.local/bin/qlbreak"
exec "$home_venv/bin/qlbreak"
