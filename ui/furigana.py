"""やさしい日本語 on controls that cannot draw ruby.

Labels draw furigana (ui/widgets/ruby.py RubyLabel). Buttons, radio and check boxes, combo box
items, group box titles, tabs, menus, tooltips, placeholders and window titles are drawn by Qt's
style or by the window manager, which cannot put a reading above a kanji. There they show the text
in **kana only** (every ruby replaced by its reading: ｜次《つぎ》へ → つぎへ): a reader who cannot read
kanji can read every word, which kanji without readings would not give them, and no 《》｜ ever
shows. Their accessible name stays the plain text with kanji (次へ), read once and correctly by the
Japanese voice (kana alone can be ambiguous for a synthesizer: はし is 橋 or 箸).

`tidy(widget)` applies this to a widget and its children: the main window calls it after every
retranslation and page change, and `Tidier` (an application event filter) on every widget shown.
In other languages texts have no markup and nothing changes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QPlainTextEdit,
                               QTabWidget, QTextEdit, QWidget)

from assistant import ruby
from ui.widgets.ruby import RubyLabel

_NAME_SET = "_furigana_name"          # the accessible name we set, to clear it when the text has no ruby
_DESCRIPTION_SET = "_furigana_description"


def has_markup(text: str) -> bool:
    return bool(text) and any(mark in text for mark in (ruby.BAR, ruby.OPEN))


def kana(text: str) -> str:
    """`text` with every ruby replaced by its reading: what a control that cannot draw ruby shows."""
    if not has_markup(text):
        return text
    return "".join(segment.reading or segment.base for segment in ruby.parse(text))


def plain(text: str) -> str:
    """`text` without its readings: for accessible names and speech."""
    return ruby.plain(text) if has_markup(text) else text


def _name(widget: QWidget, marked: str) -> None:
    """Give `widget` the plain text of `marked` as its accessible name, once it has been shown in kana;
    forget a name we set before when the text no longer has ruby (the language changed)."""
    if has_markup(marked):
        name = plain(marked)
        widget.setAccessibleName(name)
        widget.setProperty(_NAME_SET, name)
    elif widget.property(_NAME_SET) and widget.accessibleName() == widget.property(_NAME_SET):
        widget.setAccessibleName("")
        widget.setProperty(_NAME_SET, "")


def tidy_one(widget: QWidget) -> None:
    """The texts of one widget (not its children) shown in kana, named in plain text."""
    if widget.isWindow() and has_markup(widget.windowTitle()):
        widget.setWindowTitle(kana(widget.windowTitle()))
    if has_markup(widget.toolTip()):
        widget.setToolTip(kana(widget.toolTip()))
    if has_markup(widget.accessibleName()):
        widget.setAccessibleName(plain(widget.accessibleName()))
    if has_markup(widget.accessibleDescription()):
        widget.setAccessibleDescription(plain(widget.accessibleDescription()))
    if isinstance(widget, QAbstractButton):
        text = widget.text()
        _name(widget, text)
        if has_markup(text):
            widget.setText(kana(text))
    elif isinstance(widget, QLabel) and not isinstance(widget, RubyLabel):
        text = widget.text()      # a label of Qt's own (a message box's): kana, as a control's
        _name(widget, text)
        if has_markup(text):
            widget.setText(kana(text))
    elif isinstance(widget, QGroupBox):
        _name(widget, widget.title())
        if has_markup(widget.title()):
            widget.setTitle(kana(widget.title()))
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            text = widget.itemText(index)
            if has_markup(text):
                widget.setItemText(index, kana(text))
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            if has_markup(widget.tabText(index)):
                widget.setTabText(index, kana(widget.tabText(index)))
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        if has_markup(widget.placeholderText()):
            widget.setPlaceholderText(kana(widget.placeholderText()))
    for action in widget.actions():
        if has_markup(action.text()):
            action.setText(kana(action.text()))
        if has_markup(action.toolTip()):
            action.setToolTip(kana(action.toolTip()))


def tidy(root: QWidget) -> None:
    """`root` and every widget in it (see the module's text)."""
    tidy_one(root)
    for widget in root.findChildren(QWidget):
        tidy_one(widget)


class Tidier(QObject):
    """Tidies every widget as it is shown (dialogs, message boxes, widgets added to a page)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.Show, QEvent.Type.WindowTitleChange) and isinstance(watched, QWidget):
            tidy_one(watched)
        return False
