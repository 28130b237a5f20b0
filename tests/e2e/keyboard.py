"""Driving the real window with the keyboard only: Tab, arrows, Space, Enter and typing into
whatever has the focus (Japanese committed as an input method does, tests/ui/typing.py). The test
never focuses or clicks a widget itself; it only looks at which one has the focus.

`answer_step` answers the step on screen from a procedure's answers file (examples/<id>_answers.json)
the way a person would: options chosen with Space or the arrows, boxes typed into, group entries
added with their button, the account type picked in its list with the arrows.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QComboBox, QLineEdit, QRadioButton

from assistant.kinds import kind_of
from tests.ui.typing import commit_text, type_text

MAX_TABS = 150


def focused():
    return QApplication.focusWidget()


def key(qtbot, k, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.keyClick(focused(), k, modifier)


def _same_options(widget, name: str) -> bool:
    """Whether `name` is another radio button of the exclusive group `widget` is in (Tab leaves
    such a group; the arrows move within it)."""
    group = widget.group() if isinstance(widget, QRadioButton) else None
    return group is not None and group.exclusive() and any(b.objectName() == name for b in group.buttons())


def tab_to(qtbot, name):
    """Press Tab until `name` has the focus (Down within a group of options)."""
    trail = []
    for _ in range(MAX_TABS):
        widget = focused()
        trail.append(widget.objectName())
        if widget.objectName() == name:
            return widget
        key(qtbot, Qt.Key.Key_Down if _same_options(widget, name) else Qt.Key.Key_Tab)
    pytest.fail(f"{name} cannot be reached with Tab: {trail}")


def choose(qtbot, option):
    button = tab_to(qtbot, option)
    if not button.isChecked():
        key(qtbot, Qt.Key.Key_Space)
    assert button.isChecked(), option


def fill(qtbot, name, text):
    """Tab to the box `name` and type `text` into it, replacing what it holds (Ctrl+A first)."""
    widget = tab_to(qtbot, name)
    if widget.text() == text:
        return
    if widget.text():
        key(qtbot, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(qtbot, Qt.Key.Key_Delete)
    (type_text if text.isascii() else commit_text)(widget, text)
    assert widget.text() == text, f"{name}: {widget.text()!r} instead of {text!r}"


def pick(qtbot, name, value):
    """Tab to the list `name` (a combo box that cannot be typed into) and move to `value` with the arrows."""
    box: QComboBox = tab_to(qtbot, name)
    wanted = box.findData(value)
    assert wanted >= 0, f"{name} has no {value!r}"
    while box.currentIndex() != wanted:
        key(qtbot, Qt.Key.Key_Down if box.currentIndex() < wanted else Qt.Key.Key_Up)


def press(qtbot, name):
    """Tab to the button `name` and press Space."""
    button: QAbstractButton = tab_to(qtbot, name)
    key(qtbot, Qt.Key.Key_Space)
    return button


def _option(prefix: str, field_id: str, value: Any) -> str:
    return f"{prefix}option_{field_id}_{str(value).lower()}"


def answer(qtbot, field, raw: Any, prefix: str = "") -> None:
    """Answer one question (`prefix` names the group entry, e.g. "children0_") by keyboard."""
    if raw is None or raw == "":
        return
    page = focused().window()
    if isinstance(raw, dict):
        for part, text in raw.items():
            name = f"{prefix}input_{field.id}_{part}"
            target = page.findChild(QComboBox, name)
            if target is not None:
                pick(qtbot, name, text)
            elif text != "":
                fill(qtbot, name, str(text))
        return
    if field.kind == "pick_list":
        pick_from_list(qtbot, field, raw if isinstance(raw, list) else [raw], prefix)
        return
    if isinstance(raw, list) or has_options(field):
        for value in raw if isinstance(raw, list) else [raw]:
            choose(qtbot, _option(prefix, field.id, value))
        return
    fill(qtbot, f"{prefix}input_{field.id}", str(raw))


def has_options(field) -> bool:
    return kind_of(field).chosen


def pick_from_list(qtbot, field, values: list, prefix: str = "") -> None:
    """A long list: type part of the option's name into its filter, Down into the list, Space."""
    labels = {value: label for value, label, _hint in kind_of(field).options(field)}
    for value in values:
        fill(qtbot, f"{prefix}filter_{field.id}", labels[value])
        key(qtbot, Qt.Key.Key_Down)
        assert focused().objectName() == f"{prefix}input_{field.id}"
        assert focused().currentItem().data(Qt.ItemDataRole.UserRole) == value
        key(qtbot, Qt.Key.Key_Space)


def answer_group(qtbot, window, group, entries: list[dict]) -> None:
    """Add each entry with the group's Add button (Space), then answer its questions."""
    session = window.bridge.session
    for index, entry in enumerate(entries):
        if index >= len(session.items(group.id)):
            press(qtbot, f"add_{group.id}")
            assert len(session.items(group.id)) == index + 1
        for sub in list(session.visible_item_fields(group, session.items(group.id)[index])):
            if sub.id in entry:
                answer(qtbot, sub, entry[sub.id], prefix=f"{group.id}{index}_")
        # the questions shown may depend on the answers just given
        for sub in session.visible_item_fields(group, session.items(group.id)[index]):
            if sub.id in entry and session.items(group.id)[index].get(sub.id) is None:
                answer(qtbot, sub, entry[sub.id], prefix=f"{group.id}{index}_")


def answer_step(qtbot, window, answers: dict, *, leave_out: str = "") -> list[str]:
    """Answer every question shown on the current step from `answers` (but `leave_out`); the ids answered."""
    session = window.bridge.session
    done: list[str] = []
    for _ in range(3):          # an answer may show more questions on the same step
        fields = [f for f in session.visible_fields(session.current_step)
                  if f.id in answers and f.id not in done and f.id != leave_out]
        if not fields:
            break
        for field in fields:
            if kind_of(field).container:
                answer_group(qtbot, window, field, answers[field.id])
            else:
                answer(qtbot, field, answers[field.id])
            done.append(field.id)
    return done
