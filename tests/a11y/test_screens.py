"""On real X screens of 1024×600, 1280×800 and 1366×768 at 200–300 % in high contrast, what a person
sees: from screen coordinates (AT-SPI Component extents, as a magnifier or an on-screen pointer
reads them) the main action and the first question of each page lie within the screen.

Each screen size gets its own Xvfb (tests/a11y/desktop.py); there is no window manager, so no title
bar: the in-process tests (tests/ui/test_display.py) leave room for one.
"""

from __future__ import annotations

import json
from contextlib import ExitStack

import pytest

from tests.a11y.conftest import _activate, _log_tail
from tests.a11y.desktop import STARTUP_SECONDS, start_app, start_desktop
from tests.a11y.reader import Reader, ReaderError
from tests.ui.screens import SCREENS

pytestmark = pytest.mark.a11y


def _nodes(tree: dict):
    yield tree
    for child in tree.get("children", []):
        yield from _nodes(child)


def _extents(reader: Reader, name: str) -> list[int]:
    """The screen rectangle of the showing object whose accessible id ends in `name`."""
    found = [n for n in _nodes(reader.dump(extents="screen"))
             if n["id"].rsplit(".", 1)[-1] == name and "showing" in n["states"]]
    assert found, f"{name} is not showing"
    return found[0]["extents"]


def _on_screen(reader: Reader, name: str, width: int, height: int) -> None:
    x, y, w, h = _extents(reader, name)
    assert w > 0 and h > 0, f"{name}: empty on screen"
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, (
        f"{name} at {x},{y} {w}×{h} is not within the {width}×{height} screen")


@pytest.fixture(params=SCREENS, ids=lambda s: f"{s[0]}x{s[1]}-{s[2]}")
def small_screen(request, tmp_path):
    width, height, zoom = request.param
    with ExitStack() as stack:
        desktop = start_desktop(stack, tmp_path / "desktop", screen=f"{width}x{height}")
        home, log = tmp_path / "tetsuzuki", tmp_path / "app.log"
        (home / "config").mkdir(parents=True)
        (home / "config" / "settings.json").write_text(
            json.dumps({"language": "ja", "zoom": zoom, "theme": "high_contrast"}), encoding="utf-8")
        proc = start_app(stack, desktop, home, log)
        reader = Reader(stack, desktop, proc.pid, tmp_path / "reader.log")
        try:
            reader.call("wait_app", timeout=STARTUP_SECONDS)
            for pid in reader.call("services").values():
                desktop.adopt(pid)
            reader.wait_for(role="frame", states=("showing",), timeout=STARTUP_SECONDS)
            _activate(reader, desktop, proc)
            reader.wait_for("start", states=("enabled",), timeout=STARTUP_SECONDS)
        except ReaderError as exc:
            pytest.fail(f"The application did not come up: {exc}\n{_log_tail(log)}", pytrace=False)
        yield reader, width, height
        if proc.poll() is not None:
            pytest.fail(f"The application exited with {proc.returncode}\n{_log_tail(log)}", pytrace=False)


def test_on_a_small_real_screen_the_main_action_and_first_question_are_on_screen(small_screen):
    reader, width, height = small_screen
    frame = [n for n in _nodes(reader.dump(extents="screen")) if n["role"] == "frame"][0]["extents"]
    assert frame[2] <= width and frame[3] <= height, f"the window {frame} is larger than the screen"
    for name in ("start", "search"):                           # home
        _on_screen(reader, name, width, height)
    reader.type("search", "住民票")               # seven procedures are listed: take the 住民票 request
    reader.wait_for(role="list item", name="住民票の写し等交付請求書", states=("selected",))
    reader.press("start")
    reader.wait_for("assisted_continue", states=("showing",))
    for name in ("assisted_continue", "applicant_self"):             # who fills in
        _on_screen(reader, name, width, height)
    reader.press("assisted_continue")
    reader.wait_for("next", states=("showing",))
    reader.wait_for("option_relationship_self", states=("focused",))
    for name in ("next", "option_relationship_self"):           # step 1, as it opens
        _on_screen(reader, name, width, height)
    reader.press("next")                  # step 1 is answered by "who will apply": on to step 2
    reader.wait_for("input_applicant_name_family", states=("showing",))
    _on_screen(reader, "next", width, height)
    reader.press("next")                                        # nothing answered: a failed Next
    reader.wait_for("error_summary", states=("showing",))
    focused = [n for n in reader.focused() if n["role"] != "frame"]
    assert focused, "after a failed Next nothing has the focus"
    _on_screen(reader, "next", width, height)
    _on_screen(reader, focused[0]["id"].rsplit(".", 1)[-1], width, height)
