"""The user's own stretches and exercises (a physiotherapist's, most often): ``*.toml``
files in a ``stretches`` folder beside ``config.toml``, in the catalogue's own format,
each with an optional PNG picture beside it.

A mistake in one file leaves out that file alone and is reported as ``file:line``
(the log, ``qlbreak config --check``, ``qlbreak list``); it never stops the app, and
the shipped stretches are never touched by it.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, replace
from pathlib import Path

from qlbreak.core.words import _
from qlbreak.storage.tomlfile import FileProblem, KeyPath, Located, Problem, read
from qlbreak.stretches import checking
from qlbreak.stretches.catalogue import Catalogue, Level, Stretch

FOLDER = "stretches"
_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")  # as the shipped ones: "seated-side-bend"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
MAX_FILES = 200  # far more than anyone's physiotherapist hands out; a wrong folder is not read for ever


@dataclass(frozen=True)
class Own:
    """What the stretches folder held: the stretches that loaded, and what is wrong
    (errors leave their file out; warnings, such as a missing picture, do not)."""

    stretches: tuple[Stretch, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if not p.warning)


def own_dir(config_file: Path) -> Path:
    """The folder beside ``config.toml`` (wherever ``--config`` put it)."""
    return config_file.parent / FOLDER


def known_ids(folder: Path) -> frozenset[str]:
    """The own stretches' ids by their file names, as ``catalogue.known_ids`` does for
    the shipped ones: a config that leaves one out is checked without parsing them."""
    return frozenset(p.stem for p in _files(folder))


def load_own(folder: Path, shipped: Catalogue) -> Own:
    """Every ``*.toml`` in ``folder``, in name order; no folder is no stretches."""
    stretches: list[Stretch] = []
    problems: list[Problem] = []
    taken = {s.id: s for s in shipped}
    for path in _files(folder):
        try:
            doc = read(path)
        except FileProblem as err:
            problems.append(err.problem)
            continue
        except FileNotFoundError:
            continue  # gone since the folder was listed
        stretch = _one(doc, taken, problems)
        if stretch is not None:
            taken[stretch.id] = stretch
            stretches.append(stretch)
    return Own(tuple(stretches), tuple(problems))


def with_own(shipped: Catalogue, own: Own) -> Catalogue:
    """The shipped stretches, then the user's own."""
    return Catalogue(tuple(s for s in shipped if not s.own) + own.stretches)


def load_all(config_file: Path, shipped: Catalogue) -> tuple[Catalogue, Own]:
    """The catalogue the app offers: the shipped one and the folder beside ``config_file``."""
    own = load_own(own_dir(config_file), shipped)
    return with_own(shipped, own), own


class Folder:
    """The stretches folder as the running tray sees it: read again when a file in it
    came, went or changed (one listing and a ``stat`` a file, at each look)."""

    def __init__(self, folder: Path, catalogue: Catalogue, ids: set[str] | None = None) -> None:
        self.folder, self.catalogue, self.ids = folder, catalogue, ids
        self.shipped = Catalogue(tuple(s for s in catalogue if not s.own))
        self._seen: tuple[object, ...] | None = None  # the first look reads it: its mistakes are told then

    def changed(self) -> Own | None:
        """The folder's stretches at the first look and when it changed since the last,
        else None; the tray's one catalogue (its loop, its windows, its picker share
        it) takes them in place, and ``ids`` (what the settings may name) too."""
        seen = _identity(self.folder)
        if seen == self._seen:
            return None
        self._seen = seen
        own = load_own(self.folder, self.shipped)
        self.catalogue.stretches = with_own(self.shipped, own).stretches
        if self.ids is not None:  # read by the listener's thread: never empty on the way
            self.ids |= self.catalogue.ids
            self.ids -= self.ids - self.catalogue.ids
        return own


def _files(folder: Path) -> list[Path]:
    try:
        names = sorted(n for n in os.listdir(folder) if n.endswith(".toml") and not n.startswith("."))
    except OSError:  # no folder (most people), or one that cannot be read
        return []
    return [folder / n for n in names[:MAX_FILES]]


def _identity(folder: Path) -> tuple[object, ...]:
    """Each file's name, size and times: what tells one version of the folder from another."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return ()
    seen: list[object] = []
    for entry in entries[: MAX_FILES * 4]:
        try:
            st = entry.stat()
        except OSError:
            continue
        seen.append((entry.name, st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino))
    return tuple(seen)


def _one(doc: Located, taken: dict[str, Stretch], problems: list[Problem]) -> Stretch | None:
    """One file checked as the catalogue checks its own, then as the user's: its picture
    beside it (optional), an id of its own, an alternative that exists."""
    data = doc.data
    given = "image" in data
    if not given:  # the catalogue needs one; a picture named like the file, if there is one
        data["image"] = os.path.splitext(os.path.basename(doc.path))[0] + ".png"
    stretch = checking.check_doc(doc)  # the catalogue's own checks, for one file
    if isinstance(stretch, list):
        problems += stretch
        return None
    if not _ID.fullmatch(stretch.id):  # a window's part is named by it, and the tray is asked for it in ASCII
        # Translators: {id} is the stretch's id as written in its file; keep 'my-stretch' as it is.
        message = _("id {id}: use small letters, digits and hyphens, such as 'my-stretch'")
        problems.append(doc.problem(("id",), message.format(id=repr(stretch.id))))
        return None
    clash = taken.get(stretch.id)
    if clash is not None:
        if clash.own:
            message = _("id {id} is already used by another of your files; give it another id")
        else:
            message = _("id {id} is already used by one of qlbreak's own stretches; give it another id")
        problems.append(doc.problem(("id",), message.format(id=repr(stretch.id))))
        return None
    if stretch.alternative is not None:  # none needed: the filters leave a floor one out at work
        faults = checking.check_alternatives({Path(doc.path): stretch}, taken)
        if faults:
            problems += faults
            return None
    image = _picture(doc, ("image",), stretch.image, given, problems)

    def level(key: str, of: Level | None) -> Level | None:  # its own picture, else the standard one's
        if of is None or not of.image:
            return of
        return replace(of, image=_picture(doc, (key, "image"), of.image, True, problems) or image)

    variants = tuple(
        replace(v, image=_picture(doc, ("variants", v.equipment, "image"), v.image, True, problems))
        for v in stretch.variants
    )
    easier, harder = level("easier", stretch.easier), level("harder", stretch.harder)
    return replace(stretch, image=image, variants=variants, easier=easier, harder=harder, own=True)


def _picture(doc: Located, key: KeyPath, image: str, given: bool, problems: list[Problem]) -> str:
    """The picture's full path (``image`` is relative to the file), or "" (the window
    shows none) when it is missing or not a PNG: told as a warning, the stretch loads."""
    path = Path(doc.path).parent / image
    try:
        with path.open("rb") as file:
            head = file.read(len(PNG_SIGNATURE))
    except OSError:
        if given:
            # Translators: {image} is a picture's file name, as the file gives it.
            message = _("no picture {image} beside this file; shown without one")
            problems.append(doc.problem(key, message.format(image=repr(image)), True))
        return ""
    if head != PNG_SIGNATURE:
        message = _("{image} is not a PNG picture; shown without one")
        problems.append(doc.problem(key, message.format(image=repr(image)), True))
        return ""
    return str(path.resolve())
