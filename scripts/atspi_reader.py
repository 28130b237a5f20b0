#!/usr/bin/python3
"""Read and drive an application through AT-SPI, the interface Linux screen readers (Orca) use.

Run it with Debian's /usr/bin/python3, which has the AT-SPI bindings (python3-gi, gir1.2-atspi-2.0;
python3-pyatspi is their classic wrapper), inside the D-Bus session of the application:

    /usr/bin/python3 scripts/atspi_reader.py --app-pid 1234      # or --app-name "Tetsuzuki Assistant"

It speaks JSON lines. Each line on stdin is one command, each answer is one line on stdout:

    → {"cmd": "dump"}
    ← {"ok": true, "result": {...}}          or   {"ok": false, "error": "…"}

The application's objects are found by a *query* (a dict, all keys optional):
  id        the last part of the object's AT-SPI accessible id (Qt builds it from the objectName
            path, e.g. "…StepPage.next" → "next")
  role      AT-SPI role name ("push button", "text", "radio button", …)
  name      exact accessible name;  name_re: a regular expression searched in the name
  showing   only objects that are on screen (default true; hidden subtrees are not searched)
An action's target must match exactly one object.

Commands (arguments beside "cmd"):
  app                             → the application (name, pid, toolkit) or null when not on the bus
  wait_app    {timeout?}          wait until the application is on the accessibility bus
  services                        → process ids of the AT-SPI bus launcher and registry
  frame                           → the application's frame (top-level window)
  dump        {showing?, extents?}  the frame's tree: role, name, description, states, relations,
                                  actions, text of text objects, accessible id, children; with
                                  extents: [x, y, width, height] in window coordinates
                                  ("screen": in screen coordinates)
  find        {query}             → every matching object (without children)
  focused                         → the showing objects that have the state "focused"
  text        {target}            → the text of a text object (Text interface)
  action      {target, action}    Action.doAction by name ("Press", "Toggle", "SetFocus", …)
  grab_focus  {target}            Component.grabFocus
  insert_text {target, text, position?}   EditableText.insertText (default: at the end)
  set_text    {target, text}      EditableText.setTextContents
  type        {target, text, timeout?}    focus the target, type the text with keys synthesised by
                                  the AT-SPI registry, wait until the text is there
  wait        {query?, states?, name_re?, text?, frame_re?, timeout?}
                                  wait until an object matching the query shows (with all `states`,
                                  its name matching name_re, exactly `text`) and/or the frame's name
                                  matches frame_re; → that object (or the frame)
  listen      {types}             register AT-SPI event listeners ("object:announcement", "focus:", …)
  events      {clear?}            → the events received (and clear the list)
  wait_event  {type, data_re?, timeout?}  wait for an event (type prefix; data matching data_re)
  ping                            → {"pid": <the reader's pid>}
  quit

Events are received while the reader waits for commands (a GLib main loop), so nothing is lost
between two commands. Output on stdout is only the protocol; diagnostics go to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
import traceback
import warnings

import gi

gi.require_version("Atspi", "2.0")
from gi.repository import Atspi, GLib  # noqa: E402

POLL_MS = 50            # how often a `wait` looks again (events also arrive in between)


class Failure(Exception):
    """A command that cannot be done (reported to the client, the reader goes on)."""


class Fatal(Failure):
    """A failure that waiting longer cannot cure."""


def _states(obj) -> list[str]:
    return sorted(s.value_nick for s in obj.get_state_set().get_states())


def _safe(fn, default=None):
    try:
        return fn()
    except GLib.Error:
        return default


def _interfaces(obj) -> list[str]:
    return list(_safe(obj.get_interfaces, []) or [])


def _accessible_id(obj) -> str:
    return _safe(obj.get_accessible_id, "") or ""


def _short_id(obj) -> str:
    return _accessible_id(obj).rsplit(".", 1)[-1]


def _ref(obj) -> dict:
    """How a relation target is shown: enough to recognise it, no recursion."""
    return {"role": _safe(obj.get_role_name, ""), "name": _safe(obj.get_name, "") or "", "id": _short_id(obj)}


def _relations(obj) -> list[dict]:
    result = []
    for relation in _safe(obj.get_relation_set, []) or []:
        targets = [relation.get_target(i) for i in range(relation.get_n_targets())]
        result.append({"type": relation.get_relation_type().value_nick,
                       "targets": [_ref(t) for t in targets if t is not None]})
    return result


def _actions(obj, interfaces: list[str]) -> list[str]:
    if "Action" not in interfaces:
        return []
    with warnings.catch_warnings():      # libatspi 2.46 marks get_action_name deprecated, with no
        warnings.simplefilter("ignore", DeprecationWarning)   # replacement reachable from Python
        return [Atspi.Action.get_action_name(obj, i) for i in range(Atspi.Action.get_n_actions(obj))]


def _text(obj, interfaces: list[str]) -> str | None:
    if "Text" not in interfaces:
        return None
    return obj.get_text(0, obj.get_character_count())


def _extents(obj, interfaces: list[str], screen: bool = False) -> list[int] | None:
    if "Component" not in interfaces:
        return None
    rect = obj.get_extents(Atspi.CoordType.SCREEN if screen else Atspi.CoordType.WINDOW)
    return [rect.x, rect.y, rect.width, rect.height]


def describe(obj, *, children: bool, showing_only: bool = True, extents: bool = False) -> dict:
    interfaces = _interfaces(obj)
    node = {
        "role": obj.get_role_name(),
        "name": obj.get_name() or "",
        "description": obj.get_description() or "",
        "id": _accessible_id(obj),
        "states": _states(obj),
        "relations": _relations(obj),
        "actions": _actions(obj, interfaces),
        "interfaces": interfaces,
    }
    text = _text(obj, interfaces)
    if text is not None:
        node["text"] = text
    if extents:
        node["extents"] = _extents(obj, interfaces, screen=extents == "screen")
    if children:
        node["children"] = [describe(child, children=True, showing_only=showing_only, extents=extents)
                            for child in _children(obj, showing_only)]
    return node


def _children(obj, showing_only: bool):
    for index in range(obj.get_child_count()):
        child = _safe(lambda i=index: obj.get_child_at_index(i))
        if child is None:
            continue
        if showing_only and "showing" not in _states(child):
            continue
        yield child


def _matches(obj, query: dict) -> bool:
    if "id" in query and _short_id(obj) != query["id"]:
        return False
    if "id_re" in query and not re.search(query["id_re"], _short_id(obj)):
        return False
    if "role" in query and obj.get_role_name() != query["role"]:
        return False
    name = obj.get_name() or ""
    if "name" in query and name != query["name"]:
        return False
    if "name_re" in query and not re.search(query["name_re"], name):
        return False
    return True


def _walk(obj, showing_only: bool):
    yield obj
    for child in _children(obj, showing_only):
        yield from _walk(child, showing_only)


class Reader:
    def __init__(self, app_name: str | None, app_pid: int | None) -> None:
        self.app_name, self.app_pid = app_name, app_pid
        self.events: list[dict] = []
        self.listeners: dict[str, Atspi.EventListener] = {}
        self.loop = GLib.MainLoop()
        self.buffer = b""
        self.waiting: dict | None = None      # a `wait` in progress: {check, deadline}
        self.queued: list[bytes] = []
        self._keyboard: _Keyboard | None = None

    # --- finding --------------------------------------------------------------------------------

    def application(self):
        desktop = Atspi.get_desktop(0)
        for index in range(desktop.get_child_count()):
            app = _safe(lambda i=index: desktop.get_child_at_index(i))
            if app is None:
                continue
            if self.app_pid is not None and _safe(app.get_process_id) != self.app_pid:
                continue
            if self.app_name is not None and _safe(app.get_name) != self.app_name:
                continue
            # Read everything live: the application changes under us and a stale cache would lie.
            app.set_cache_mask(Atspi.Cache.NONE)
            return app
        return None

    def frame(self):
        app = self.application()
        if app is None:
            raise Failure("the application is not on the accessibility bus")
        frames = [c for c in _children(app, True) if c.get_role_name() in ("frame", "dialog", "window")]
        if not frames:
            raise Failure("the application has no window on screen")
        active = [f for f in frames if "active" in _states(f)]
        return (active or frames)[0]

    def find(self, query: dict) -> list:
        showing_only = query.get("showing", True)
        app = self.application()
        if app is None:
            raise Failure("the application is not on the accessibility bus")
        return [obj for obj in _walk(app, showing_only) if obj is not app and _matches(obj, query)]

    def target(self, query: dict):
        found = self.find(query)
        if len(found) != 1:
            raise Failure(f"{len(found)} objects match {query!r}: "
                          f"{[(o.get_role_name(), o.get_name(), _short_id(o)) for o in found][:10]}")
        return found[0]

    # --- commands -------------------------------------------------------------------------------

    def cmd_ping(self, _args):
        return {"pid": os.getpid()}

    def cmd_app(self, _args):
        app = self.application()
        if app is None:
            return None
        return {"name": app.get_name(), "pid": app.get_process_id(),
                "toolkit": _safe(app.get_toolkit_name, ""), "toolkit_version": _safe(app.get_toolkit_version, "")}

    def cmd_services(self, _args):
        """Process ids of the accessibility services the session bus started for the application
        (bus launcher, registry): the test stops them when it stops the bus."""
        from gi.repository import Gio

        def pid_of(connection, name):
            try:
                reply = connection.call_sync("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                                             "GetConnectionUnixProcessID", GLib.Variant("(s)", (name,)),
                                             GLib.VariantType("(u)"), Gio.DBusCallFlags.NONE, 5000, None)
            except GLib.Error:
                return None
            return reply.unpack()[0]

        session = Gio.bus_get_sync(Gio.BusType.SESSION, None)
        found = {"launcher": pid_of(session, "org.a11y.Bus"), "registry": None}
        try:
            address = session.call_sync("org.a11y.Bus", "/org/a11y/bus", "org.a11y.Bus", "GetAddress", None,
                                        GLib.VariantType("(s)"), Gio.DBusCallFlags.NONE, 5000, None).unpack()[0]
        except GLib.Error:
            return found
        flags = (Gio.DBusConnectionFlags.AUTHENTICATION_CLIENT | Gio.DBusConnectionFlags.MESSAGE_BUS_CONNECTION)
        a11y_bus = Gio.DBusConnection.new_for_address_sync(address, flags, None, None)
        try:
            found["registry"] = pid_of(a11y_bus, "org.a11y.atspi.Registry")
        finally:
            a11y_bus.close_sync(None)
        return found

    def cmd_dump(self, args):
        return describe(self.frame(), children=True, showing_only=args.get("showing", True),
                        extents=args.get("extents", False))

    def cmd_find(self, args):
        return [describe(o, children=False) for o in self.find(args["query"])]

    def cmd_frame(self, _args):
        return describe(self.frame(), children=False)

    def cmd_focused(self, _args):
        return [describe(o, children=False) for o in self.find({}) if "focused" in _states(o)]

    def cmd_text(self, args):
        obj = self.target(args["target"])
        text = _text(obj, _interfaces(obj))
        if text is None:
            raise Failure(f"{args['target']!r} has no Text interface")
        return text

    def _editable(self, query):
        obj = self.target(query)
        if "EditableText" not in _interfaces(obj):
            raise Failure(f"{query!r} has no EditableText interface")
        return obj

    def cmd_insert_text(self, args):
        obj = self._editable(args["target"])
        position = args.get("position", obj.get_character_count())
        return bool(obj.insert_text(position, args["text"], len(args["text"])))

    def cmd_set_text(self, args):
        obj = self._editable(args["target"])
        return bool(obj.set_text_contents(args["text"]))

    def cmd_action(self, args):
        obj = self.target(args["target"])
        names = _actions(obj, _interfaces(obj))
        if args["action"] not in names:
            raise Failure(f"{args['target']!r} has no action {args['action']!r} (it has {names})")
        return bool(obj.do_action(names.index(args["action"])))

    def cmd_grab_focus(self, args):
        obj = self.target(args["target"])
        if "Component" not in _interfaces(obj):
            raise Failure(f"{args['target']!r} has no Component interface")
        return bool(obj.grab_focus())

    #: the keys `key` can press (X keysyms)
    KEYSYMS = {"Down": 0xFF54, "Up": 0xFF52, "space": 0x20, "Return": 0xFF0D, "Tab": 0xFF09}

    def cmd_key(self, args):
        """Give the target the focus (unless it has it), wait until it has it, then press `keys`
        (names of KEYSYMS) one by one through the AT-SPI registry, as a keyboard does."""
        obj = self.target(args["target"])
        if "focused" not in _states(obj):
            obj.grab_focus()

        def check():
            if "focused" not in _states(obj):
                self.waiting["last_error"] = "the target does not get the focus (is the window active?)"
                return None
            for name in args["keys"]:
                if not Atspi.generate_keyboard_event(self.KEYSYMS[name], None, Atspi.KeySynthType.SYM):
                    raise Fatal(f"the registry could not synthesise {name!r}")
            return True

        return self._start(args, check)

    def cmd_listen(self, args):
        for kind in args["types"]:
            if kind not in self.listeners:
                listener = Atspi.EventListener.new(self._on_event)
                listener.register(kind)
                self.listeners[kind] = listener
        return sorted(self.listeners)

    def _drain(self) -> None:
        """Deliver the D-Bus messages already received (events queued behind our own calls)."""
        context = GLib.MainContext.default()
        while context.pending():
            context.iteration(False)

    def cmd_events(self, args):
        self._drain()
        events = list(self.events)
        if args.get("clear", True):
            self.events.clear()
        return events

    def cmd_quit(self, _args):
        for kind, listener in self.listeners.items():
            _safe(lambda l=listener, k=kind: l.deregister(k))
        self.loop.quit()
        return None

    # Waiting and typing run in the main loop, so events keep arriving while they go on.

    def cmd_wait_app(self, args):
        return self._start(args, lambda: self.cmd_app({}))

    def cmd_wait(self, args):
        query, states = args.get("query"), set(args.get("states", []))
        frame_re, name_re, text = args.get("frame_re"), args.get("name_re"), args.get("text")

        def check():
            if frame_re is not None and not re.search(frame_re, self.frame().get_name() or ""):
                return None
            if query is None:
                return describe(self.frame(), children=False)
            for obj in self.find(query):
                if not states <= set(_states(obj)):
                    continue
                if name_re is not None and not re.search(name_re, obj.get_name() or ""):
                    continue
                if text is not None and _text(obj, _interfaces(obj)) != text:
                    continue
                return describe(obj, children=False)
            return None

        return self._start(args, check)

    def cmd_wait_event(self, args):
        """Wait for an event of `type` (prefix) whose data matches `data_re`; it stays in the list."""
        kind, data_re = args["type"], args.get("data_re")

        def check():
            self._drain()
            for event in self.events:
                if event["type"].startswith(kind) and (
                        data_re is None or re.search(data_re, str(event.get("data", "")))):
                    return event
            return None

        return self._start(args, check)

    def cmd_type(self, args):
        """Type `text` into the target with the keyboard, as an on-screen keyboard does: the target
        gets the focus (Component.grabFocus), then every key is synthesised by the AT-SPI registry
        (Atspi.generate_keyboard_event; XTest underneath), and the reader waits for the text.

        Characters the keyboard layout lacks (kana, kanji, full-width digits) are first given spare
        keycodes, and their keys are sent by keycode; the keycodes are emptied again afterwards. The
        registry could map them itself (string synthesis), but it reuses one keycode and restores it
        on a 500 ms timer, which races with the application reading the keymap: characters got lost."""
        obj = self._editable(args["target"])
        base = _text(obj, _interfaces(obj))
        text = args["text"]
        chunks = self._chunks(text)
        state = {"done": "", "mapped": []}
        masked = obj.get_role_name() == "password text"
        if "focused" not in _states(obj):
            obj.grab_focus()

        def check():
            if "focused" not in _states(obj):
                self.waiting["last_error"] = "the box does not get the focus (is the window active?)"
                return None
            current = obj.get_text(0, obj.get_character_count())
            if masked:      # a password box exposes one bullet per character: count them
                current, expected = len(current), len(base) + len(state["done"])
            else:
                expected = base + state["done"]
            if current != expected:
                self.waiting["last_error"] = f"the text is {current!r}, expected {expected!r}"
                return None
            if not chunks:
                return current
            chunk = chunks.pop(0)
            keycodes = self.keyboard().map([ch for ch in chunk if not _on_keyboard(ch)])
            state["mapped"] = list(keycodes.values())
            for ch in chunk:
                ok = (Atspi.generate_keyboard_event(0, ch, Atspi.KeySynthType.STRING) if _on_keyboard(ch)
                      else Atspi.generate_keyboard_event(keycodes[ch], None, Atspi.KeySynthType.PRESSRELEASE))
                if not ok:
                    raise Fatal(f"the registry could not synthesise {ch!r}")
            state["done"] += chunk
            return None

        def cleanup():
            if self._keyboard is not None:
                self._keyboard.unmap()

        return self._start(args, check, interval_ms=10, cleanup=cleanup)

    def _chunks(self, text: str) -> list[str]:
        """Pieces of `text` with no more characters off the keyboard than there are spare keycodes."""
        room = len(self.keyboard().spare) if any(not _on_keyboard(ch) for ch in text) else len(text) + 1
        chunks, current, distinct = [], "", set()
        for ch in text:
            if not _on_keyboard(ch) and ch not in distinct and len(distinct) == room:
                chunks.append(current)
                current, distinct = "", set()
            current += ch
            if not _on_keyboard(ch):
                distinct.add(ch)
        return chunks + ([current] if current else [])

    def keyboard(self) -> _Keyboard:
        if self._keyboard is None:
            self._keyboard = _Keyboard(os.environ["DISPLAY"])
        return self._keyboard

    def _start(self, args, check, interval_ms: int = POLL_MS, cleanup=None):
        """Run `check` now and then every `interval_ms` until it returns something or time runs out;
        then `cleanup`, whatever the outcome."""
        self.waiting = {"check": check, "deadline": time.monotonic() + float(args.get("timeout", 10)),
                        "args": args, "last_error": None, "cleanup": cleanup}
        if self._tick():
            self.waiting["timer"] = GLib.timeout_add(interval_ms, self._tick)
        return _PENDING

    def _tick(self) -> bool:
        waiting = self.waiting
        if waiting is None:
            return False
        try:
            found = waiting["check"]()
        except Fatal as exc:
            self._finish_wait({"ok": False, "error": str(exc)})
            return False
        except (Failure, GLib.Error) as exc:       # the tree may be changing under us: try again
            found, waiting["last_error"] = None, f"{type(exc).__name__}: {exc}"
        except Exception as exc:  # noqa: BLE001 — a bug here must not hang the client
            traceback.print_exc(file=sys.stderr)
            self._finish_wait({"ok": False, "error": f"{type(exc).__name__}: {exc}"})
            return False
        if found is not None:
            self._finish_wait({"ok": True, "result": found})
            return False
        if time.monotonic() >= waiting["deadline"]:
            args = {k: v for k, v in waiting["args"].items() if k != "cmd"}
            self._finish_wait({"ok": False, "error": f"timed out: {args!r}"
                               + (f" ({waiting['last_error']})" if waiting["last_error"] else "")})
            return False
        return True

    def _finish_wait(self, reply: dict) -> None:
        cleanup = self.waiting["cleanup"] if self.waiting else None
        self.waiting = None
        if cleanup is not None:
            try:
                cleanup()
            except Exception as exc:  # noqa: BLE001 — reported with the answer
                traceback.print_exc(file=sys.stderr)
                if reply["ok"]:
                    reply = {"ok": False, "error": f"cleaning up failed: {type(exc).__name__}: {exc}"}
        self._reply(reply)
        queued, self.queued = self.queued, []
        for line in queued:
            self._handle_line(line)

    # --- events ---------------------------------------------------------------------------------

    def _on_event(self, event) -> None:
        source = event.source
        record = {"type": event.type, "detail1": event.detail1, "detail2": event.detail2,
                  "time": time.monotonic()}
        data = event.any_data
        if isinstance(data, (str, int, float, bool)):
            record["data"] = data
        elif isinstance(data, Atspi.Accessible):
            record["data"] = _safe(lambda: _ref(data))
        elif data is not None:
            record["data"] = repr(data)
        if source is not None:
            record["source"] = _safe(lambda: _ref(source))
            record["source_states"] = _safe(lambda: _states(source))
        self.events.append(record)

    # --- protocol -------------------------------------------------------------------------------

    def _reply(self, reply: dict) -> None:
        sys.stdout.write(json.dumps(reply, ensure_ascii=False) + "\n")
        sys.stdout.flush()

    def _handle_line(self, line: bytes) -> None:
        if not line.strip():
            return
        if self.waiting is not None:
            self.queued.append(line)
            return
        try:
            args = json.loads(line)
            handler = getattr(self, "cmd_" + args["cmd"], None)
            if handler is None:
                raise Failure(f"unknown command {args['cmd']!r}")
            result = handler(args)
            if result is _PENDING:
                return
            reply = {"ok": True, "result": result}
        except Exception as exc:  # noqa: BLE001 — report every failure to the client, keep serving
            if not isinstance(exc, Failure):
                traceback.print_exc(file=sys.stderr)
            reply = {"ok": False, "error": f"{type(exc).__name__}: {exc}"}
        self._reply(reply)

    def _on_stdin(self, fd, condition) -> bool:
        chunk = os.read(fd, 65536) if condition & GLib.IOCondition.IN else b""
        if not chunk:
            self.loop.quit()         # the test closed our stdin: stop
            return False
        self.buffer += chunk
        while b"\n" in self.buffer:
            line, self.buffer = self.buffer.split(b"\n", 1)
            self._handle_line(line)
        return True

    def run(self) -> None:
        GLib.io_add_watch(sys.stdin.fileno(), GLib.PRIORITY_DEFAULT,
                          GLib.IOCondition.IN | GLib.IOCondition.HUP | GLib.IOCondition.ERR, self._on_stdin)
        self.loop.run()


_PENDING = object()


def _on_keyboard(ch: str) -> bool:
    """Characters of the default (US) layout, which the registry types by their own keys."""
    return " " <= ch <= "~"


class _Keyboard:
    """Spare keycodes of the X keyboard, given the characters about to be typed (Xlib via ctypes)."""

    def __init__(self, display: str) -> None:
        import ctypes
        import ctypes.util

        self.ctypes = ctypes
        lib = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")
        lib.XOpenDisplay.restype, lib.XOpenDisplay.argtypes = ctypes.c_void_p, [ctypes.c_char_p]
        lib.XDisplayKeycodes.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int), ctypes.POINTER(ctypes.c_int)]
        lib.XGetKeyboardMapping.restype = ctypes.POINTER(ctypes.c_ulong)
        lib.XGetKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_ubyte, ctypes.c_int, ctypes.POINTER(ctypes.c_int)]
        lib.XChangeKeyboardMapping.argtypes = [ctypes.c_void_p, ctypes.c_int, ctypes.c_int,
                                               ctypes.POINTER(ctypes.c_ulong), ctypes.c_int]
        lib.XSync.argtypes = [ctypes.c_void_p, ctypes.c_int]
        lib.XFree.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.dpy = lib.XOpenDisplay(display.encode())
        if not self.dpy:
            raise Fatal(f"cannot open the X display {display}")
        low, high = ctypes.c_int(), ctypes.c_int()
        lib.XDisplayKeycodes(self.dpy, ctypes.byref(low), ctypes.byref(high))
        per = ctypes.c_int()
        count = high.value - low.value + 1
        syms = lib.XGetKeyboardMapping(self.dpy, low.value, count, ctypes.byref(per))
        # Keycodes with no symbol (or only Unicode ones, left by a reader that was killed mid-way);
        # the registry's own spare keycode always has a symbol of the layout, so it is not taken.
        self.spare = [low.value + i for i in range(count)
                      if all(syms[i * per.value + j] == 0 or syms[i * per.value + j] >= 0x01000000
                             for j in range(per.value))]
        lib.XFree(syms)
        self.mapped: list[int] = []

    def map(self, chars: list[str]) -> dict[str, int]:
        ctypes = self.ctypes
        wanted = list(dict.fromkeys(chars))
        if len(wanted) > len(self.spare):
            raise Fatal(f"{len(wanted)} different characters but only {len(self.spare)} spare keycodes")
        keycodes = dict(zip(wanted, self.spare))
        for ch, keycode in keycodes.items():
            keysym = ord(ch) if 0xA0 <= ord(ch) <= 0xFF else 0x01000000 + ord(ch)
            self._set(keycode, keysym)
        self.mapped = sorted(set(self.mapped) | set(keycodes.values()))
        self.lib.XSync(self.dpy, 0)
        return keycodes

    def unmap(self) -> None:
        """Give the keycodes back (no symbol), so the next reader finds them spare."""
        for keycode in self.mapped:
            self._set(keycode, 0)
        self.mapped = []
        self.lib.XSync(self.dpy, 0)

    def _set(self, keycode: int, keysym: int) -> None:
        both = (self.ctypes.c_ulong * 2)(keysym, keysym)          # the same with and without Shift
        self.lib.XChangeKeyboardMapping(self.dpy, keycode, 2, both, 1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--app-name", help="the application's AT-SPI name")
    parser.add_argument("--app-pid", type=int, help="the application's process id")
    parser.add_argument("--dump", action="store_true", help="print the window's tree as JSON and stop")
    args = parser.parse_args()
    Atspi.init()
    reader = Reader(args.app_name, args.app_pid)
    if args.dump:
        print(json.dumps(reader.cmd_dump({}), ensure_ascii=False, indent=1))
        return 0
    reader.run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
