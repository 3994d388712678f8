"""The network audit's reading of strace (tests/e2e/audit.py), on lines written by hand
and on a real strace of a small program that does reach a network address; and the
single-instance endpoint, on every system, never a network socket."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

from tests.e2e import audit
from tests.need import missing

ROOT = Path(__file__).resolve().parents[2]
ENV = {
    "DISPLAY": ":1",
    "DBUS_SESSION_BUS_ADDRESS": "unix:path=/tmp/desk/bus",
    "XDG_RUNTIME_DIR": "/tmp/qlr1",
}
OWN = [Path("/tmp/qlr1/qlbreak/qlbreak.sock")]

SAMPLE = """\
100 execve("/usr/bin/python3", ["python3", "-m", "qlbreak"], 0x7ffd /* 30 vars */) = 0
100 socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC, 0) = 4
100 connect(4, {sa_family=AF_UNIX, sun_path=@"/tmp/.X11-unix/X1"}, 20) = -1 ECONNREFUSED (Connection refused)
100 connect(4, {sa_family=AF_UNIX, sun_path="/tmp/.X11-unix/X1"}, 110) = 0
100 sendto(4, "b\\0\\4\\0{sa_family=AF_INET}\\0", 16, 0, NULL, 0) = 16
100 connect(5, {sa_family=AF_UNIX, sun_path="/tmp/desk/bus"}, 110) = 0
100 clone3({flags=CLONE_VM|CLONE_THREAD, child_tid=0x7f, exit_signal=0}, 88) = 101
100 vfork( <unfinished ...>
102 execve("/usr/bin/paplay", ["paplay", "/assets/chime.wav"], 0x7ffe /* 30 vars */ <unfinished ...>
100 <... vfork resumed>)              = 102
102 <... execve resumed>)             = 0
102 connect(8, {sa_family=AF_UNIX, sun_path="/tmp/qlr1/pulse/native"}, 110) = 0
101 sendto(9, [{nlmsg_len=20, nlmsg_type=RTM_GETLINK}], 20, 0, \
{sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20
101 socket(AF_INET, SOCK_DGRAM|SOCK_CLOEXEC|SOCK_NONBLOCK, IPPROTO_IP) = 6
101 connect(6, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("127.0.0.53")}, 16) = 0
101 sendmmsg(6, [{msg_hdr={msg_name=NULL, msg_namelen=0, \
msg_iov=[{iov_base="\\x12\\x34", iov_len=2}]}}], 1, MSG_NOSIGNAL) = 1
102 connect(3, {sa_family=AF_UNIX, sun_path="/run/user/0/elsewhere"}, 110 <unfinished ...>
100 fork()                                = 103
102 <... connect resumed>)                = -1 ENOENT (No such file or directory)
103 sendmsg(7, {msg_name={sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), \
inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0}, msg_namelen=28, msg_iov=[]}, 0) = 0
103 sendto(8, "x", 1, 0, {sa_family=0x11 /* AF_PACKET */, sll_protocol=htons(ETH_P_ALL)}, 20) = 1
103 +++ exited with 0 +++
"""


def test_the_sample_s_network_calls_are_found_with_their_process():
    problems = audit.findings(audit.calls(SAMPLE), audit.local_services(ENV, OWN))
    assert problems == [
        "a network socket: socket(AF_INET) by pid 101: python3 -m qlbreak",
        'a network socket: connect(AF_INET sin_port=htons(53), sin_addr=inet_addr("127.0.0.53"))'
        " by pid 101: python3 -m qlbreak",
        "a Unix socket that is none of the desktop's services: connect(AF_UNIX /run/user/0/elsewhere)"
        " by pid 102: paplay /assets/chime.wav",
        "a network socket: sendmsg(AF_INET6 sin6_port=htons(443), sin6_flowinfo=htonl(0),"
        ' inet_pton(AF_INET6, "2001:db8::1", &sin6_addr), sin6_scope_id=0) by pid 103: python3 -m qlbreak',
        "a network socket: sendto(AF_PACKET sll_protocol=htons(ETH_P_ALL)) by pid 103: python3 -m qlbreak",
    ]


def test_the_display_abstract_or_not_the_bus_the_sound_server_and_netlink_are_the_desktop_s():
    found = audit.calls(SAMPLE)
    unix = [c.address for c in found if c.family == "AF_UNIX" and c.syscall == "connect"]
    assert unix == [
        "@/tmp/.X11-unix/X1",
        "/tmp/.X11-unix/X1",
        "/tmp/desk/bus",
        "/tmp/qlr1/pulse/native",
        "/run/user/0/elsewhere",
    ]
    allowed = audit.local_services(ENV, OWN)
    assert {"@/tmp/.X11-unix/X1", "/tmp/.X11-unix/X1", "/tmp/desk/bus", str(OWN[0])} <= allowed
    assert not [p for p in audit.findings(found, allowed) if "X11" in p or "bus" in p or "NETLINK" in p]
    assert not [c for c in found if c.family == "AF_INET" and c.pid == 100]  # bytes sent are no address


def test_a_d_bus_address_with_escapes_or_abstract_and_a_display_with_a_screen():
    env = {"DISPLAY": ":7.0", "DBUS_SESSION_BUS_ADDRESS": "unix:abstract=/tmp/dbus-x%2cy,guid=1;tcp:host=a"}
    allowed = audit.local_services(env, [])
    assert {"@/tmp/dbus-x,y", "/tmp/.X11-unix/X7", "@/tmp/.X11-unix/X7"} <= allowed
    assert not [a for a in allowed if "host" in a]  # a bus over TCP is no local service


def test_a_real_strace_of_a_program_that_reaches_the_network_finds_it(tmp_path):
    """The command the e2e test runs the tray with, on a program that sends to a
    loopback address from a forked child and connects to one from a thread."""
    if shutil.which("strace") is None:
        missing("the network audit needs strace (Debian: apt-get install strace)")
    program = (
        "import os, socket, threading\n"
        "def out():\n"
        "    s = socket.socket()\n"
        "    try: s.connect(('127.0.0.1', 9))\n"
        "    except OSError: pass\n"
        "t = threading.Thread(target=out); t.start(); t.join()\n"
        "if os.fork() == 0:\n"
        "    socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 9)); os._exit(0)\n"
        "os.wait()\n"
    )
    trace = tmp_path / "trace"
    subprocess.run([*audit.command(trace), "--", sys.executable, "-c", program], check=True, timeout=60)
    problems = audit.findings(audit.calls(trace.read_text()), audit.local_services(ENV, OWN))
    connects = [p for p in problems if "connect(AF_INET" in p and "127.0.0.1" in p and "python" in p]
    sends = [p for p in problems if "sendto(AF_INET" in p and "127.0.0.1" in p and "python" in p]
    assert connects and sends, problems


def test_the_single_instance_endpoint_is_a_unix_socket_or_a_named_pipe_never_tcp():
    """POSIX: a Unix socket; Windows: a named pipe (multiprocessing's AF_PIPE). Read
    from the code (the Windows half is never run here): no module of the endpoint
    makes an internet socket."""
    folder = ROOT / "qlbreak" / "edges" / "instance"
    posix = (folder / "channels_posix.py").read_text()
    win32 = (folder / "channels_win32.py").read_text() + (folder / "endpoint_win32.py").read_text()
    assert posix.count("socket.socket(") == posix.count("socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)") == 2
    assert 'family="AF_PIPE"' in win32 and r"\\.\pipe\qlbreak-" in win32
    for path in folder.glob("*.py"):
        text = path.read_text()
        assert not {"AF_INET", "127.0.0.1", "localhost", "create_connection"} & set(_names_and_strings(text)), path


NETWORK_CLIENTS = {"urllib", "http", "ssl", "requests", "httpx", "aiohttp", "urllib3", "smtplib", "ftplib", "xmlrpc"}
NETWORK_CLIENTS |= {"socketserver", "webbrowser", "telnetlib", "poplib", "imaplib", "wsgiref"}
SOCKETS = {"socket": {"channels_posix.py"}, "multiprocessing": {"channels_win32.py"}}  # AF_UNIX, AF_PIPE


def test_no_module_of_qlbreak_imports_a_network_client():
    """What strace on Linux never runs (the Windows and macOS halves) is read instead:
    no module imports a network client, and sockets only where the endpoint's are."""
    wrong = []
    for path in sorted((ROOT / "qlbreak").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if isinstance(node, ast.Import):
                names = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                names = [node.module]
            else:
                continue
            for top in {n.split(".")[0] for n in names}:
                if top in NETWORK_CLIENTS or (top in SOCKETS and path.name not in SOCKETS[top]):
                    wrong.append(f"{path.relative_to(ROOT)}:{node.lineno}: imports {top}")
    assert not wrong


def _names_and_strings(source: str) -> set[str]:
    words: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Attribute):
            words.add(node.attr)
        elif isinstance(node, ast.Name):
            words.add(node.id)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            words.add(node.value)
    return words
