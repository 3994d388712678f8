"""What a program asked the kernel to reach, read from ``strace -f``: every address a
``connect``, ``sendto``, ``sendmsg``, ``sendmmsg`` or ``bind`` named, and every socket
it opened, each with the process that did it (by its ``execve``, or its parent's for a
fork or a thread). ``findings`` says what is not one of the desktop's local services.

Why strace and not a Python audit hook: Tk, Xlib's C half, libdbus and the sound player
connect from C (and from programs qlbreak starts), where no hook of Python's sees them.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

SYSCALLS = ("connect", "sendto", "sendmsg", "sendmmsg", "bind", "socket")
REACH = ("connect", "sendto", "sendmsg", "sendmmsg")  # an address reached (bind and socket: made here)
# the forks and threads (to name a process by its parent) and the programs run
FAMILY_TREE = ("execve", "clone", "clone3", "fork", "vfork")


def command(trace_file: Path) -> list[str]:
    """strace, following every child, into ``trace_file``; the program's argv follows."""
    wanted = ",".join((*SYSCALLS, *FAMILY_TREE))
    # --seccomp-bpf: only the calls traced stop the program (not every one, as plain -f
    # would); -qq: no attach/exit chatter; signal=none: no signal lines; -s: whole
    # argv and socket paths
    options = ["-f", "--seccomp-bpf", "-qq", "-e", f"trace={wanted}", "-e", "signal=none", "-s", "256"]
    return ["strace", *options, "-o", str(trace_file)]


# Families that leave the machine never: a Unix socket (checked by its path), the
# kernel's netlink (a library asking the kernel about routes, links or the audit log;
# it reaches no other machine), and AF_UNSPEC (a connect that undoes a connect).
UNIX, LOCAL = "AF_UNIX", frozenset({"AF_UNIX", "AF_LOCAL", "AF_NETLINK", "AF_UNSPEC"})

_LINE = re.compile(r"^(\d+)\s+(.*)$")
_CALL = re.compile(r"^(\w+)\((.*)$")
_QUOTED = re.compile(r'"(?:[^"\\]|\\.)*"')
_SOCKADDR = re.compile(r"\{sa_family=(\w+)(?: /\* (\w+|AF_\?\?\?) \*/)?(.*?)\}")
_SUN_PATH = re.compile(r'sun_path=(@?)("(?:[^"\\]|\\.)*")')
_RESULT = re.compile(r"\)\s+=\s+(-?\d+)")


@dataclass(frozen=True)
class Call:
    """One system call that named a socket's family: ``address`` is a Unix socket's path
    (``@`` first for an abstract one; empty when unnamed), or what strace showed."""

    pid: int
    process: str
    syscall: str
    family: str
    address: str
    line: str

    def __str__(self) -> str:
        where = f" {self.address}" if self.address else ""
        return f"{self.syscall}({self.family}{where}) by pid {self.pid}: {self.process}"


def joined(text: str) -> list[tuple[int, str]]:
    """(pid, call) for each whole call: a call strace split around another process's
    (``<unfinished ...>``, then ``<... name resumed>``) put back together."""
    pending: dict[int, str] = {}
    whole: list[tuple[int, str]] = []
    for raw in text.splitlines():
        match = _LINE.match(raw)
        if not match:
            continue
        pid, rest = int(match.group(1)), match.group(2)
        if rest.startswith("<... "):
            rest = pending.pop(pid, "") + rest.split(" resumed>", 1)[-1]
        if rest.endswith("<unfinished ...>"):
            pending[pid] = rest.removesuffix("<unfinished ...>").rstrip()
            continue
        whole.append((pid, rest))
    return whole + [(pid, rest) for pid, rest in pending.items()]  # killed mid-call: what it asked


def calls(text: str) -> list[Call]:
    """Every call in an ``strace -f`` output that named a socket family, in order."""
    names: dict[int, str] = {}
    found: list[Call] = []
    for pid, call in joined(text):
        match = _CALL.match(call)
        if not match:
            continue
        syscall, args = match.groups()
        result = int((_RESULT.findall(call) or ["-1"])[-1])  # the last: an argument may look like one
        if syscall == "execve" and result == 0:
            names[pid] = _program(args)
        elif syscall in FAMILY_TREE and result > 0:
            names[result] = names.get(pid, "?")  # a new process or thread (a pid used again: the new one's)
        if syscall not in SYSCALLS:
            continue
        process = names.get(pid, "?")
        if syscall == "socket":
            found.append(Call(pid, process, syscall, args.split(",", 1)[0].strip(), "", call))
            continue
        for number, named, rest in _SOCKADDR.findall(_blank_data(args)):
            family = named if number.startswith("0x") and named else number
            found.append(Call(pid, process, syscall, family, _address(family, rest), call))
    return found


def _blank_data(args: str) -> str:
    """The arguments with each data buffer emptied (bytes sent could spell a sockaddr);
    a socket's path stays."""

    def keep_paths(match: re.Match[str]) -> str:
        before = args[max(0, match.start() - 24) : match.start()]
        return match.group(0) if any(k in before for k in ("sun_path=", "inet_addr(", "inet_pton(")) else '""'

    return _QUOTED.sub(keep_paths, args)


def _address(family: str, rest: str) -> str:
    if family in (UNIX, "AF_LOCAL"):
        path = _SUN_PATH.search(rest)
        return path.group(1) + _unquote(path.group(2)) if path else ""
    return rest.strip(", ")


def _unquote(quoted: str) -> str:
    inner = quoted[1:-1]
    return inner.encode("latin-1", "backslashreplace").decode("unicode_escape") if "\\" in inner else inner


def _program(args: str) -> str:
    """``python -m qlbreak.ui.stretch ...`` from an execve's arguments (its argv)."""
    argv = [_unquote(q) for q in _QUOTED.findall(args.split("[", 1)[-1].split("]", 1)[0])]
    if not argv:
        return "?"
    words = [os.path.basename(argv[0]), *("{...}" if a.startswith("{") else a for a in argv[1:])]
    if "-c" in words[:-1]:  # python -c "...; from qlbreak.ui.stretch import main; ...": its module
        code = words.index("-c") + 1
        module = re.search(r"from ([\w.]+) import main", words[code])
        words[code] = f"'... {module.group(1)} ...'" if module else repr(words[code][:40] + "...")
    return " ".join(words)[:160]


def local_services(env: Mapping[str, str], own_sockets: Iterable[Path]) -> frozenset[str]:
    """The Unix sockets qlbreak may reach: the X display, the D-Bus session bus, the sound
    server, and its own single-instance endpoint (``own_sockets``), from ``env``."""
    allowed = {str(p) for p in own_sockets}
    display = re.match(r"^(?:unix)?:(\d+)", env.get("DISPLAY", ""))
    if display:
        x = f"/tmp/.X11-unix/X{display.group(1)}"
        allowed |= {x, "@" + x}
    allowed |= {_path(t) for t in env.get("DBUS_SESSION_BUS_ADDRESS", "").split(";") if _path(t)}
    system_bus = env.get("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=/var/run/dbus/system_bus_socket")
    allowed |= {_path(t) for t in system_bus.split(";") if _path(t)} | set(MACHINE)
    runtime = env.get("XDG_RUNTIME_DIR")
    if runtime:  # PulseAudio's and PipeWire's sockets, where their clients look first
        allowed |= {f"{runtime}/pulse/native", f"{runtime}/pipewire-0"}
    pulse = env.get("PULSE_SERVER", "")
    if pulse.startswith("unix:") or pulse.startswith("/"):
        allowed.add(pulse.removeprefix("unix:"))
    return frozenset(allowed)


# This machine's own services a library asks on its own, each a Unix socket of the system's:
MACHINE = (
    # the system bus: logind says whether the screen is locked (a reminder waits then)
    "/var/run/dbus/system_bus_socket",
    "/run/dbus/system_bus_socket",
    # a system-wide PulseAudio: where libpulse (paplay's chime, pactl's look for a
    # call) looks after the user's own
    "/var/run/pulse/native",
    "/run/pulse/native",
    # glibc's name service cache: the user's passwd entry (Tcl's tcl_platform(user), a
    # home folder); a host name found through it would still need a connect to a
    # network address to reach anything, and that fails the audit
    "/var/run/nscd/socket",
    "/run/nscd/socket",
)


def _path(transport: str) -> str:
    """A D-Bus address's Unix socket (``unix:path=...``, ``unix:abstract=...``), or ""."""
    kind, _, options = transport.partition(":")
    for key, _, value in (o.partition("=") for o in options.split(",")):
        if kind == "unix" and key in ("path", "abstract"):
            return ("@" if key == "abstract" else "") + re.sub(r"%([0-9a-fA-F]{2})", _hex, value)
    return ""


def _hex(match: re.Match[str]) -> str:
    return chr(int(match.group(1), 16))


def findings(found: Iterable[Call], allowed: frozenset[str]) -> list[str]:
    """What is wrong, one line each: any socket of a network family (opened, bound,
    connected or sent to), and any Unix socket reached that is not in ``allowed``."""
    problems: list[str] = []
    for call in found:
        if call.family not in LOCAL:
            problems.append(f"a network socket: {call}")
        elif call.family in (UNIX, "AF_LOCAL") and call.syscall in REACH and call.address not in {*allowed, ""}:
            problems.append(f"a Unix socket that is none of the desktop's services: {call}")
    return list(dict.fromkeys(problems))
