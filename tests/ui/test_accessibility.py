"""What a screen reader and a keyboard user meet, checked in-process on every page.

(tests/a11y checks the same through AT-SPI, the interface Linux screen readers really use.)
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from tests.conftest import ROOT
from tests.ui.test_display import _pages


def _focusable(window):
    return [w for w in window.findChildren(QWidget)
            if w.isVisibleTo(window) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()
            and w.window() is window]


def _name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_control_on_every_page_has_a_name(qtbot, window, language):
    from assistant import i18n

    i18n.set_language(language)
    buddies = {label.buddy() for label in window.findChildren(QLabel) if label.buddy() is not None}
    for page in _pages(window):
        QApplication.processEvents()
        for widget in _focusable(window):
            assert _name(widget).strip() or widget in buddies, \
                f"{page}: {type(widget).__name__} {widget.objectName()!r} has no accessible name"


def test_tab_reaches_every_control_and_comes_back_without_a_trap(qtbot, window):
    for page in _pages(window):
        QApplication.processEvents()
        controls = _focusable(window)
        start = controls[0]
        start.setFocus()
        seen = []
        for _ in range(len(controls) * 2 + 5):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            seen.append(QApplication.focusWidget())
            if seen[-1] is start:
                break
        assert seen[-1] is start, f"{page}: Tab does not come back to the start (a trap?)"
        # radio buttons of one question share one Tab stop (arrows move within the question)
        missed = [w for w in controls if w not in seen and not (w.metaObject().className() == "QRadioButton")]
        assert not missed, f"{page}: Tab never reaches {[w.objectName() for w in missed]}"


# --- static: every string a person sees goes through gettext ---------------------------------

SHOWN_BY = {"setText", "setPlaceholderText", "setToolTip", "setAccessibleName", "setAccessibleDescription",
            "setWindowTitle", "setTitle", "addItem", "information", "warning"}
WIDGETS_WITH_TEXT = {"QLabel", "QPushButton", "QCheckBox", "QRadioButton", "QGroupBox"}
# deliberate, untranslated texts: the language control names itself in both languages
ALLOWED = {"言語 / Language"}


def _literal_texts(node):
    for arg in node.args:
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value.strip():
            yield arg.value
        if isinstance(arg, ast.JoinedStr):
            yield ast.unparse(arg)


def test_no_user_visible_text_bypasses_translation():
    found = []
    for path in sorted((ROOT / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            called = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            receiver = node.func.value if isinstance(node.func, ast.Attribute) else None
            if isinstance(receiver, ast.Name) and receiver.id in ("log", "logging"):
                continue   # logs are for developers (and hold no personal data), not shown
            if called in SHOWN_BY or called in WIDGETS_WITH_TEXT:
                found += [f"{path.relative_to(ROOT)}:{node.lineno}: {text!r}"
                          for text in _literal_texts(node) if text not in ALLOWED]
    assert found == []
