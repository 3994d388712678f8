"""Putting ``~/.local/bin`` (where the installer puts the ``qlbreak`` command) on PATH
without asking the user to edit a file, the way pipx's ``ensurepath`` does: nothing
when it is on PATH already or the login's ``~/.profile`` adds it (Debian and Ubuntu
do, once the folder exists); else one clearly marked line at the end of the shell's
startup file, written once, and taken away again by ``qlbreak uninstall``.

``scripts/install.sh`` runs ``python -m qlbreak.cli.shellpath`` and prints what it says.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping
from pathlib import Path

from qlbreak.core.words import _

MARK = "# added by qlbreak's installer; 'qlbreak uninstall' takes it away"
LINE = f'export PATH="$HOME/.local/bin:$PATH"  {MARK}'
STARTUP_FILES = (".bashrc", ".zshrc", ".profile")  # every file a marked line may be in
FOR_NOW = 'export PATH="$HOME/.local/bin:$PATH"'


def bin_dir(home: Path) -> Path:
    return home / ".local" / "bin"


def on_path(folder: Path, path_env: str) -> bool:
    wanted = os.path.normpath(folder)
    return any(os.path.normpath(os.path.expanduser(p)) == wanted for p in path_env.split(os.pathsep) if p)


def login_adds_it(home: Path) -> bool:
    """Whether ``~/.profile`` already puts ``~/.local/bin`` on PATH at login (Debian's
    and Ubuntu's does, when the folder exists then); the installer's own line aside."""
    try:
        text = (home / ".profile").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False
    return any(
        ".local/bin" in line and not line.lstrip().startswith("#") and MARK not in line for line in text.splitlines()
    )


def startup_file(home: Path, shell: str) -> Path:
    """The file the user's shell reads when a terminal opens."""
    return home / {"bash": ".bashrc", "zsh": ".zshrc"}.get(Path(shell).name, ".profile")


def ensure(home: Path, environ: Mapping[str, str]) -> list[str]:
    """Make the ``qlbreak`` command reachable; what to tell the user (nothing when it
    already is). OSError when the startup file cannot be written."""
    if on_path(bin_dir(home), environ.get("PATH", "")):
        return []
    if login_adds_it(home):
        # Translators: two lines in a terminal (keep the line break, each line under 90 characters)
        told = _(
            "From your next login, the qlbreak command works in every terminal: your ~/.profile\n"
            "adds ~/.local/bin to PATH when that folder exists, and now it does."
        ).splitlines()
    else:
        rc = startup_file(home, environ.get("SHELL", ""))
        _append_once(rc)
        if rc.name == ".profile":
            # Translators: two lines in a terminal (keep the line break); {file} is a file's name, ".profile"
            said = _(
                "From your next login, the qlbreak command works: the installer added one line to ~/{file}\n"
                "that puts ~/.local/bin on PATH ({command} takes it away again)."
            )
        else:
            # Translators: two lines in a terminal (keep the line break); {file} is a file's name, ".bashrc"
            said = _(
                "In new terminals, the qlbreak command works: the installer added one line to ~/{file}\n"
                "that puts ~/.local/bin on PATH ({command} takes it away again)."
            )
        told = said.format(file=rc.name, command="'qlbreak uninstall'").splitlines()
    return [*told, _("To use it in this terminal now, run:"), f"  {FOR_NOW}"]


def marked(home: Path) -> list[Path]:
    """The startup files that hold the installer's line."""
    found = []
    for name in STARTUP_FILES:
        try:
            if MARK in (home / name).read_text(encoding="utf-8", errors="replace"):
                found.append(home / name)
        except OSError:
            continue
    return found


def take_away(path: Path) -> None:
    """Remove the installer's line from ``path``, keeping the rest, its permissions,
    and a symlink (a dotfiles folder) as it is; a file left empty goes (the installer
    made it). A missing file is fine."""
    from qlbreak.storage.atomic import write_atomic

    target = path.resolve()
    try:
        text = target.read_text(encoding="utf-8", errors="surrogateescape")
    except FileNotFoundError:
        return
    kept = [line for line in text.splitlines(keepends=True) if MARK not in line]
    if len(kept) == len(text.splitlines(keepends=True)):
        return
    if not "".join(kept).strip() and not path.is_symlink():
        target.unlink()  # the installer made it for this line alone
        return
    mode = target.stat().st_mode & 0o7777
    write_atomic(target, "".join(kept).encode("utf-8", errors="surrogateescape"))
    os.chmod(target, mode)


def _append_once(path: Path) -> None:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except FileNotFoundError:
        text = ""
    if MARK in text:
        return
    with path.open("a", encoding="utf-8") as out:  # appends through a symlink, as a shell's >> does
        out.write(("" if not text or text.endswith("\n") else "\n") + LINE + "\n")


def main(environ: Mapping[str, str] = os.environ) -> int:
    home = Path.home()
    try:
        bin_dir(home).mkdir(parents=True, exist_ok=True)
        told = ensure(home, environ)
    except OSError as err:
        print("qlbreak: " + _("could not put ~/.local/bin on PATH: {error}").format(error=err), file=sys.stderr)
        told = [
            _("The qlbreak command is in ~/.local/bin, which is not on PATH. To use it, run:"),
            f"  {FOR_NOW}",
        ]
    if told:
        print()
        print("\n".join(told))
    return 0


if __name__ == "__main__":
    sys.exit(main())
