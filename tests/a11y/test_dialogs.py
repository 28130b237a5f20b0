"""The two dialogs of the home page, as a screen-reader user meets them, through AT-SPI alone:
the voice settings (header button "Voice settings…") and the PIN that protects the drafts (offered
because the a11y session has no OS keyring). Each dialog's tree is checked with the page rules
(tree.check_page) and compared with its golden file (golden/dialog-*.txt; UPDATE_GOLDEN=1).

There is no window manager on the test display. Qt gives a new dialog the X focus itself, but when
the dialog goes away nobody gives it back to the main window (a window manager gives it to the
dialog's parent, the window it is "transient for"): the tests do that step with focus_window_of,
then check where Qt puts the focus inside the window.
"""

from __future__ import annotations

import copy

import pytest

from assistant.i18n import translate
from tests.a11y.desktop import focus_window_of
from tests.a11y.tree import check_page, compare_with_golden, normalise, short_id, walk

pytestmark = pytest.mark.a11y

VOICE_SETTINGS = translate("Voice settings", "ja")                      # 読み上げの設定
CLOSE = translate("Close", "ja")                                        # 閉じる
PROTECT = translate("Protect your drafts", "ja")                        # 下書きを守る
NO_VOICE = translate("No voice was found on this computer.", "ja")
MISMATCH = translate("The two entries are not the same. Type the same PIN or passphrase twice.", "ja")
#: the voices found on this machine (which engines, which voice, their credits) are not in the golden file
VOICES_PLACEHOLDER = "<the voices of this machine: checked by rules, not in the golden file>"

FIRST_BOX = {"id": "passphrase", "role": "password text"}    # the home page's button is also "passphrase"
SECOND_BOX = {"id": "passphrase_again", "role": "password text"}


def dialog_tree(reader, object_name: str, title: str) -> dict:
    """The dialog's tree (the reader dumps the active window: the dialog, once it is active)."""
    reader.wait_for(object_name, role="dialog", name=title, states=("active",))
    tree = reader.dump()
    assert short_id(tree) == object_name, (tree["role"], tree["name"], tree["id"])
    return tree


SCREEN_READER_NOTE = "スクリーンリーダーが動いているので"


def without_voices(tree: dict) -> dict:
    """The tree with the voice rows (engines, voice names, credits: they depend on what is installed)
    replaced by one placeholder line."""
    tree = copy.deepcopy(tree)
    for node, _ancestors in walk(tree):
        # "A screen reader runs, so it is off unless you turn it on": shown once the screen-reader
        # detection (in the background since start) has finished, which may be before or after
        # the dialog opens; its wording is checked by the UI tests.
        node["children"] = [child for child in node.get("children", [])
                            if not child.get("name", "").startswith(SCREEN_READER_NOTE)]
        children = node.get("children", [])
        if any(short_id(child) == "_VoiceRow" for child in children):
            node.update(role="panel", name=VOICES_PLACEHOLDER, description="", states=["enabled"], relations=[],
                        children=[])
    return tree


def give_focus_back(app) -> None:
    """What a window manager does when a dialog closes: the main window gets the keyboard focus."""
    assert focus_window_of(app.desktop.display, app.proc.pid)
    app.reader.wait_for(role="frame", states=("active",))


def wait_dialog_closed(reader, object_name: str) -> None:
    """The dialog went away: it lost the activation (window:deactivate) and no longer shows."""
    reader.wait_event("window:deactivate")
    assert not reader.find(id=object_name), f"{object_name} still shows"


def own_focus(reader) -> list[str]:
    """objectNames of the focused objects (the procedure list's current item keeps its own
    "focused" state whatever has the focus: left out)."""
    return [short_id(f) for f in reader.focused() if f["role"] != "list item"]


def put_in(reader, box: dict, text: str) -> None:
    """EditableText.insertText into a password box (its Text shows one mask character per character,
    so the reader's `type`, which compares the text typed with the text shown, cannot be used)."""
    before = reader.one(**box)["text"]
    assert reader.call("insert_text", target=box, text=text), f"insertText into {box} was refused"
    shown = reader.one(**box)["text"]
    assert len(shown) == len(before) + len(text) and not set(text) & set(shown), shown


def test_voice_settings_dialog(app):
    reader = app.reader
    reader.wait_frame("^手続きを選ぶ")
    # The person has moved to the button (Tab) and activates it.
    reader.grab_focus("speech_settings")
    reader.wait_for("speech_settings", states=("focused",))
    reader.listen("window:")
    reader.press("speech_settings")

    reader.wait_for("speech_speed", states=("focused",))          # the first control has the focus
    assert own_focus(reader) == ["speech_speed"]
    # The voices are found in the background: wait for their rows (or for the note that there are none).
    reader.wait_for(name_re=f"の音声を試す$|^{NO_VOICE}$")
    tree = dialog_tree(reader, "settings_dialog", VOICE_SETTINGS)
    problems = check_page(tree, frame_prefix=VOICE_SETTINGS)
    assert not problems, "\n".join(problems)
    compare_with_golden("dialog-voice-settings", normalise(without_voices(tree)))

    speed = reader.one(id="speech_speed")
    assert speed["role"] == "slider" and "focusable" in speed["states"]
    assert speed["name"] == "速さ：1倍", speed["name"]          # the speed itself, not a step number
    assert "0.25" in speed["description"]
    voicing = reader.one(id="self_voicing")
    assert voicing["role"] == "check box" and {"focusable", "checkable"} <= set(voicing["states"])
    assert voicing["name"] == "質問に移ったときに読み上げる（自動読み上げ）", voicing["name"]
    assert voicing["description"].startswith("オンにすると"), voicing["description"]
    # Every language has a line saying who reads it and a named, described test button.
    rows = [node for node, _a in walk(tree) if short_id(node) == "_VoiceRow"]
    for row in rows:
        inside = [node for node, _a in walk(row)]
        lines = [n for n in inside if n["role"] == "label" and short_id(n).startswith("voice_")]
        tests = [n for n in inside if short_id(n).startswith("test_voice_")]
        assert len(lines) == 1 and lines[0]["name"], [n["name"] for n in inside]
        assert len(tests) == 1 and tests[0]["name"].endswith("の音声を試す") and tests[0]["description"], tests
        for combo in (n for n in inside if n["role"] == "combo box"):
            assert combo["name"] and combo["description"], combo

    # The arrow keys' action: the slider's name follows the speed.
    reader.call("action", target={"id": "speech_speed"}, action="Increase")
    reader.wait_for("speech_speed", name="速さ：1.25倍")

    reader.events()                                                # only what closing brings
    reader.call("action", target={"role": "push button", "name": CLOSE}, action="Press")
    wait_dialog_closed(reader, "settings_dialog")
    give_focus_back(app)
    reader.wait_for("speech_settings", states=("focused",))      # back on the button that opened it
    assert own_focus(reader) == ["speech_settings"]


def test_pin_dialog(app):
    reader = app.reader
    reader.wait_frame("^手続きを選ぶ")
    note = reader.wait_for("drafts_note")                         # no keyring: the drafts need a PIN
    offer = reader.wait_for("passphrase", role="push button")
    assert offer["name"] and "focusable" in offer["states"]
    reader.grab_focus("passphrase")                               # the person moved to the offer (Tab)
    reader.wait_for("passphrase", states=("focused",))
    reader.listen("window:", "object:state-changed:focused")
    reader.press("passphrase")

    reader.wait_for(states=("focused",), **FIRST_BOX)            # the first box has the focus
    tree = dialog_tree(reader, "passphrase_dialog", PROTECT)
    problems = check_page(tree, frame_prefix=PROTECT)
    assert not problems, "\n".join(problems)
    compare_with_golden("dialog-pin", normalise(tree))
    labels = [n["name"] for n, _a in walk(tree) if n["role"] == "label"]
    assert note["name"] in labels                                 # the dialog says why first

    # Two different entries: the problem is shown, and read with the first box, which gets the focus.
    put_in(reader, FIRST_BOX, "blue kettle")
    reader.grab_focus("passphrase_again")
    reader.wait_for(states=("focused",), **SECOND_BOX)
    put_in(reader, SECOND_BOX, "blue kettl")
    reader.events()
    reader.call("action", target={"role": "push button", "name": "OK"}, action="Press")
    reader.wait_for("passphrase_problem", role="label", name=MISMATCH)
    first = reader.wait_for(states=("focused",), **FIRST_BOX)
    assert MISMATCH in first["description"], first["description"]
    assert own_focus(reader) == ["passphrase"]
    focus_events = [e for e in reader.events() if e["type"] == "object:state-changed:focused" and e["detail1"]]
    assert focus_events and focus_events[-1]["source"]["id"] == "passphrase", focus_events
    assert reader.find(id="passphrase_dialog")                   # still open

    # The missing letter: now both are the same; OK creates the key and the drafts can be kept.
    put_in(reader, SECOND_BOX, "e")
    reader.call("action", target={"role": "push button", "name": "OK"}, action="Press")
    wait_dialog_closed(reader, "passphrase_dialog")
    reader.wait_for("my_details", role="push button", timeout=30)  # shown once drafts (and details) are kept
    assert not reader.find(id="drafts_note"), "the note that drafts need a PIN is still shown"
    assert not reader.find(id="passphrase"), "the PIN is still offered"
    give_focus_back(app)
    # The button that opened the dialog is gone: the focus must still be on the home page, not lost
    # (today Qt moves it to the search box).
    focused = [f for f in reader.focused() if f["role"] != "list item"]
    assert len(focused) == 1 and ".HomePage." in focused[0]["id"], [(f["role"], f["id"]) for f in focused]
