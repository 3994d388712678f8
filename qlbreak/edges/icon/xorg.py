"""Repairs for pystray 0.19.5's X11 (``xorg``) backend, which qlbreak relies on in a
plain virtual environment on Linux. Upstream master has the same faults.

1. The icon window never selects ButtonPress, so clicks are lost: we add the mask,
   and a right click (button 3) asks for qlbreak's own menu (xorg has none).
2. It docks once: a tray host that starts late or restarts never gets the icon. A
   watchdog asks the tray again when one announces itself (MANAGER) and while the
   icon window is not embedded; in between it sleeps on X events.
3. Trays on X11 show no tooltip: the pointer resting on the icon for ``HOVER_DELAY``
   asks for qlbreak's own (``on_hover(True)``), leaving it takes it away. The pointer
   coming onto it says so at once (``on_enter``): a click may follow.
4. Its setters reach X from the calling thread through one shared python-xlib
   connection, which deadlocked about one start in twenty. Here other threads only
   ``post`` work, woken by a client message sent over a private connection; the
   loop thread runs it. ``stop_from_any_thread`` does the same with pystray's stop.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import select
import threading
import time
from collections.abc import Callable
from typing import Any, TypeVar

import Xlib.display
import Xlib.error
import Xlib.protocol.event
import Xlib.X
import Xlib.Xatom

from qlbreak.edges.icon.tray_icon import IconFeatures

log = logging.getLogger("qlbreak")
T = TypeVar("T")
# what the repaired icon has beyond pystray's HAS_*: every one of the methods below
FEATURES = IconFeatures(post=True, position=True, tray_present=True, stop_from_any_thread=True)
WAKE = "_QLBREAK_WAKE"
REDOCK_PERIOD, REDOCK_GRACE = 0.5, 1.0  # asking again while a tray does not show the icon
MIN_SIDE = 8  # pixels: an icon smaller than this is not really shown
HOVER_DELAY = 0.5  # seconds the pointer rests on the icon before the tooltip shows


def tray_owner(display: Xlib.display.Display) -> Any:
    """The window that owns the system tray selection, or None (no tray host)."""
    selection = display.intern_atom(f"_NET_SYSTEM_TRAY_S{display.get_default_screen()}")
    owner = display.get_selection_owner(selection)
    return None if owner == Xlib.X.NONE else owner


def fixed(
    icon_class: type,
    on_right_click: Callable[[int, int], None],
    on_hover: Callable[[bool], None] = lambda on: None,
    on_enter: Callable[[], None] = lambda: None,
) -> type:
    """A subclass of pystray's xorg Icon with the repairs above."""

    class FixedIcon(icon_class):  # type: ignore[misc]
        _systray_manager: Any  # pystray's: the tray's window, None while there is none

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            self._posted: queue.Queue[Callable[[], None]] = queue.Queue()
            self._private: Xlib.display.Display | None = None  # for other threads: see _on_private
            self._private_lock = threading.Lock()
            self._private_closed = False  # the icon has stopped: nothing more to send
            self._docked = threading.Event()
            super().__init__(*args, **kwargs)
            self._wake_atom = self._display.intern_atom(WAKE)
            previous = self._message_handlers[Xlib.X.ClientMessage]

            def on_client_message(event: Any) -> None:
                if event.client_type == self._wake_atom:
                    self._run_posted()
                else:
                    previous(event)

            self._message_handlers[Xlib.X.ClientMessage] = on_client_message
            self._message_handlers[Xlib.X.EnterNotify] = self._on_enter
            self._message_handlers[Xlib.X.LeaveNotify] = self._on_leave
            self._hover: threading.Timer | None = None
            self._tip_shown = False

        def _create_window(self) -> Any:
            window = super()._create_window()
            mask = Xlib.X.ExposureMask | Xlib.X.StructureNotifyMask | Xlib.X.ButtonPressMask
            mask |= Xlib.X.EnterWindowMask | Xlib.X.LeaveWindowMask  # for the tooltip
            # the tray's own background shows through where the icon is transparent
            window.change_attributes(event_mask=mask, background_pixmap=Xlib.X.ParentRelative)
            return window

        def _draw(self) -> None:
            """Paints the icon over what the tray shows behind it, read afresh each time.
            pystray kept one picture per size: a background read while the tray had not
            painted yet (black) stayed, so after a re-dock at the same size the icon sat
            in a black square. Here X paints the tray's background itself (ParentRelative)
            and only the icon's own pixels go on top, through a mask: a wrong read can
            only touch the icon's soft edge, and only until the next expose."""
            try:
                if self._window.get_attributes().map_state != Xlib.X.IsViewable:
                    return  # not on screen: the expose on mapping draws it
                size = self._window.get_geometry()
                width, height = size.width, size.height
                self._window.clear_area()  # the tray's own background, drawn by X
                picture, mask = _over(self._icon, self._behind(width, height), width, height)
                pixmap = self._window.create_pixmap(width, height, 1)
                try:
                    pen = pixmap.create_gc(foreground=1, background=0)
                    pixmap.put_pil_image(pen, 0, 0, mask)
                    pen.free()
                    masked = self._window.create_gc(clip_mask=pixmap)
                    self._window.put_pil_image(masked, 0, 0, picture)
                    masked.free()
                finally:
                    pixmap.free()
                self._display.flush()
            except Xlib.error.XError as err:  # gone or moved meanwhile: the next expose draws it
                log.debug("icon not drawn: %s", err)

        def _behind(self, width: int, height: int) -> Any:
            """What the tray shows behind the icon now, or None if X would not say."""
            from PIL import Image

            try:
                raw = self._window.get_image(0, 0, width, height, Xlib.X.ZPixmap, 0xFFFFFFFF)
                return Image.frombytes("RGB", (width, height), raw.data, "raw", "BGRX")
            except (Xlib.error.XError, ValueError):
                return None

        def _assert_docked(self) -> None:
            """pystray asks the tray to dock the icon on every new picture; trayer then
            embeds it a second time (1 px wide). Only a loose icon asks, and without a
            tray nothing is raised (pystray logged a traceback): the watchdog asks later."""
            if self._window.query_tree().parent.id == self._display.screen().root.id:
                self._dock_window()

        def _on_destroy_notify(self, event: Any) -> None:
            """The tray has gone: the watchdog docks the icon when another starts."""
            if self._systray_manager is not None and event.window.id == self._systray_manager.id:
                self._systray_manager = None

        def _update_title(self) -> None:
            """As UTF-8 (pystray writes Latin-1 and fails on the title's dash)."""
            utf8 = self._display.intern_atom("UTF8_STRING")
            data = self.title.encode("utf-8")
            self._window.change_property(Xlib.Xatom.WM_NAME, utf8, 8, data)
            self._window.change_property(self._display.intern_atom("_NET_WM_NAME"), utf8, 8, data)
            self._display.flush()

        def _on_enter(self, event: Any) -> None:
            on_enter()  # a click may follow: the stretch window can start now
            self._cancel_hover()
            self._hover = threading.Timer(HOVER_DELAY, self._hovered)
            self._hover.daemon = True
            self._hover.start()

        def _hovered(self) -> None:
            self._tip_shown = True
            on_hover(True)

        def _on_leave(self, event: Any) -> None:
            self._cancel_hover()
            if self._tip_shown:
                self._tip_shown = False
                on_hover(False)

        def _cancel_hover(self) -> None:
            if self._hover is not None:
                self._hover.cancel()
                self._hover = None

        def _on_button_press(self, event: Any) -> None:
            self._on_leave(event)  # a click takes the tooltip away
            if event.detail == 1:
                self()
            elif event.detail == 3:
                on_right_click(event.root_x, event.root_y)

        def _run(self) -> None:
            self._thread = threading.current_thread()
            self.visible = True  # in the loop thread: no cross-thread round trip
            threading.Thread(target=self._redock_watchdog, daemon=True, name="qlbreak-redock").start()
            try:
                super()._run()
            finally:
                self._running = False  # else Icon.__del__ at exit may wait on the dispatcher
                self._close_private()

        # -- work from other threads ------------------------------------------------

        def post(self, work: Callable[[], None]) -> None:
            self._posted.put(work)
            self._send_private(self._wake_atom)

        def _run_posted(self) -> None:
            while True:
                try:
                    work = self._posted.get_nowait()
                except queue.Empty:
                    return
                try:
                    work()
                except Exception:
                    log.exception("tray update failed")

        def stop_from_any_thread(self) -> None:
            self._send_private(self._display.intern_atom("_PYSTRAY__STOP"))

        def _send_private(self, atom: int) -> None:
            def send(d: Xlib.display.Display) -> None:
                win = d.create_resource_object("window", self._window.id)
                message = Xlib.protocol.event.ClientMessage(
                    window=win, client_type=atom, data=(32, [Xlib.X.CurrentTime, 0, 0, 0, 0])
                )
                win.send_event(message, event_mask=Xlib.X.NoEventMask)
                d.sync()

            self._on_private(send)

        def _on_private(self, use: Callable[[Xlib.display.Display], T]) -> T | None:
            """``use`` the private connection, any thread, one at a time; None when X
            said no. One connection for the icon's life: each new one costs ~0.1 MB
            that the allocator keeps after it closes (measured: 60 opened and closed,
            +6.5 MB resident)."""
            with self._private_lock:
                if self._private_closed:
                    return None
                try:
                    if self._private is None:
                        self._private = Xlib.display.Display(self._display.get_display_name())
                    result = use(self._private)
                    while self._private.pending_events():  # nothing is selected: only the likes of MappingNotify
                        self._private.next_event()
                    return result
                except (Xlib.error.XError, Xlib.error.ConnectionClosedError, Xlib.error.DisplayError, OSError) as err:
                    log.debug("private X request failed: %s", err)
                    if isinstance(err, Xlib.error.ConnectionClosedError):
                        self._private = None
                    return None

        def _close_private(self) -> None:
            with self._private_lock:
                self._private_closed = True
                if self._private is not None:
                    with contextlib.suppress(Exception):
                        self._private.close()
                    self._private = None

        # -- docking ------------------------------------------------------------------

        def position(self) -> tuple[int, int, int, int] | None:
            """The icon on screen (x, y, width, height), or None while it is not shown."""
            if not self._docked.is_set():
                return None

            def where(d: Xlib.display.Display) -> tuple[int, int, int, int]:
                win = d.create_resource_object("window", self._window.id)
                origin = win.translate_coords(d.screen().root, 0, 0)
                geometry = win.get_geometry()
                return (-origin.x, -origin.y, geometry.width, geometry.height)

            return self._on_private(where)

        def tray_present(self) -> bool | None:
            """Whether a tray host runs now (None: X did not answer)."""
            return self._on_private(lambda d: tray_owner(d) is not None)

        def _redock_watchdog(self) -> None:
            """Sleeps on its own X connection until something about docking changes: the
            icon window reparented, mapped or resized, or a tray host announcing itself
            (the MANAGER message on the root window). Only while a running tray has not
            shown the icon does it ask again, once every ``REDOCK_PERIOD`` (asked at every
            event, it asked dozens of times a second while trayer embedded the icon)."""
            d = Xlib.display.Display(self._display.get_display_name())
            opcode, manager = d.intern_atom("_NET_SYSTEM_TRAY_OPCODE"), d.intern_atom("MANAGER")
            root = d.screen().root
            warned, asked_at = False, None  # asked_at: when this spell of asking began or last asked
            try:
                win = d.create_resource_object("window", self._window.id)
                root.change_attributes(event_mask=Xlib.X.StructureNotifyMask)  # MANAGER comes this way
                win.change_attributes(event_mask=Xlib.X.StructureNotifyMask)  # our own masks: one per client
                time.sleep(REDOCK_GRACE)  # pystray asks once itself, at start
                while True:
                    # embedded and shown: trayer sometimes takes an icon and never maps it
                    embedded = win.query_tree().parent != root and win.get_attributes().map_state == Xlib.X.IsViewable
                    owner = None if embedded else tray_owner(d)
                    wait = None
                    if embedded:
                        self._make_room(win, root)
                        self._docked.set()
                        warned, asked_at = False, None
                    elif owner is not None:
                        self._docked.clear()
                        now = time.monotonic()
                        if asked_at is None or now - asked_at >= REDOCK_PERIOD:
                            if asked_at is None:
                                log.info("icon not shown in the tray; asking the tray to take it")
                            request = Xlib.protocol.event.ClientMessage(
                                window=owner, client_type=opcode, data=(32, [Xlib.X.CurrentTime, 0, win.id, 0, 0])
                            )
                            owner.send_event(request, event_mask=Xlib.X.NoEventMask)
                            d.flush()
                            asked_at = now
                        wait = max(0.0, asked_at + REDOCK_PERIOD - now)
                    else:
                        self._docked.clear()
                        asked_at = None
                        if not warned:
                            log.info("no system tray is running; the icon will appear when one starts")
                            warned = True
                    if not _next_change(d, win.id, manager, wait):
                        return  # our window is gone: the icon has stopped
            except (Xlib.error.XError, Xlib.error.ConnectionClosedError):
                pass  # our window is gone: the icon has stopped
            finally:
                d.close()

        def _make_room(self, win: Any, root: Any) -> None:
            """Trayer now and then embeds an icon 1 px wide (seen when the new icon
            window has the id of one that just left): take it back out at a proper
            size, and the next round of the watchdog docks it again."""
            geometry = win.get_geometry()
            if geometry.width >= MIN_SIDE and geometry.height >= MIN_SIDE:
                return
            side = max(geometry.width, geometry.height, 24)
            log.info("the tray shows the icon at %dx%d; docking it again", geometry.width, geometry.height)
            win.unmap()
            win.reparent(root, 0, 0)
            win.configure(width=side, height=side)
            win.display.flush()

    return FixedIcon


def _over(icon: Any, behind: Any, width: int, height: int) -> tuple[Any, Any]:
    """The icon at the window's size, centred, keeping its shape: its colours over
    ``behind`` (None: unknown, the edge keeps the icon's own colour) and a one-bit mask
    of the pixels it covers at all."""
    from PIL import Image

    side = max(1, min(width, height))
    corner = ((width - side) // 2, (height - side) // 2)
    shape = icon.convert("RGBA").resize((side, side), Image.Resampling.LANCZOS)
    picture = behind.copy() if behind is not None else Image.new("RGB", (width, height))
    picture.paste(shape, corner, shape if behind is not None else None)
    mask = Image.new("1", (width, height), 0)
    mask.paste(shape.getchannel("A").point(lambda a: 255 if a else 0).convert("1"), corner)
    return picture, mask


def _next_change(d: Xlib.display.Display, window: int, manager: int, timeout: float | None) -> bool:
    """Wait (``timeout`` None: for as long as it takes) for an event that may change
    whether the icon is docked; False when the icon window was destroyed."""
    if not d.pending_events():
        select.select([d.fileno()], [], [], timeout)
    while d.pending_events():
        event = d.next_event()
        if event.type == Xlib.X.DestroyNotify and event.window.id == window:
            return False
        if event.type == Xlib.X.ClientMessage and event.client_type == manager:
            log.info("a system tray started")
    return True
