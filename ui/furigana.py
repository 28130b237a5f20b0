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

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import (QAbstractButton, QComboBox, QGroupBox, QLabel, QLineEdit, QListWidget,
                               QPlainTextEdit, QTabWidget, QTextEdit, QWidget)

from assistant import i18n, languages, ruby
from ui.a11y import spoken_label
from ui.widgets.ruby import RubyLabel

#: the catalog folder of the language written with furigana (as assistant.i18n_tools.EASY_JAPANESE)
EASY_JAPANESE = "ja_easy"
_NAME_SET = "_furigana_name"          # the accessible name we set, to clear it when the text has no ruby
_SHOWN = "_furigana_shown"            # the kana shown for that name


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
    """Give `widget` the plain text of `marked` as its accessible name, as it is shown in kana;
    forget a name set here before once the widget's text has no ruby (the language changed)."""
    if has_markup(marked):
        name = spoken_label(plain(marked))      # without the shortcut mark "(&T)" nor arrows, as read
        widget.setAccessibleName(name)
        widget.setProperty(_NAME_SET, name)
        widget.setProperty(_SHOWN, kana(marked))
    elif marked == widget.property(_SHOWN):
        return                       # the kana shown here: the name stays
    elif widget.property(_NAME_SET) and widget.accessibleName() == widget.property(_NAME_SET):
        widget.setAccessibleName("")
        widget.setProperty(_NAME_SET, "")
        widget.setProperty(_SHOWN, "")


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
        text = QAbstractButton.text(widget)
        _name(widget, text)
        if has_markup(text):
            QAbstractButton.setText(widget, kana(text))
    elif isinstance(widget, QLabel) and not isinstance(widget, RubyLabel):
        text = QLabel.text(widget)      # a label of Qt's own (a message box's): kana, as a control's
        _name(widget, text)
        if has_markup(text):
            QLabel.setText(widget, kana(text))
    elif isinstance(widget, QGroupBox):
        title = QGroupBox.title(widget)     # (a block may have its own `title` attribute)
        _name(widget, title)
        if has_markup(title):
            QGroupBox.setTitle(widget, kana(title))
    elif isinstance(widget, QComboBox):
        for index in range(widget.count()):
            text = widget.itemText(index)
            if has_markup(text):
                widget.setItemText(index, kana(text))
    elif isinstance(widget, QTabWidget):
        for index in range(widget.count()):
            if has_markup(widget.tabText(index)):
                widget.setTabText(index, kana(widget.tabText(index)))
    elif isinstance(widget, QListWidget):
        for index in range(widget.count()):
            item = widget.item(index)
            if has_markup(item.text()):
                item.setData(Qt.ItemDataRole.AccessibleTextRole, plain(item.text()))
                item.setText(kana(item.text()))
    elif isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit):
        if has_markup(widget.placeholderText()):
            widget.setPlaceholderText(kana(widget.placeholderText()))
        if isinstance(widget, QLineEdit) and widget.isReadOnly() and has_markup(widget.text()):
            widget.setText(kana(widget.text()))       # an answer shown on the review page
            widget.setCursorPosition(0)
    for action in widget.actions():
        if has_markup(action.text()):
            action.setText(kana(action.text()))
        if has_markup(action.toolTip()):
            action.setToolTip(kana(action.toolTip()))


def in_use() -> bool:
    """Whether the interface language is written with furigana (its catalogs are ja_easy's)."""
    row = languages.all_languages().get(i18n.current_language())
    return row is not None and row.catalog == EASY_JAPANESE


def tidy(root: QWidget) -> None:
    """`root` and every widget in it (see the module's text); nothing to do in other languages."""
    if not in_use():
        return
    tidy_one(root)
    for widget in root.findChildren(QWidget):
        tidy_one(widget)


class Tidier(QObject):
    """Tidies every widget as it is shown (dialogs, message boxes, widgets added to a page)."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() in (QEvent.Type.Show, QEvent.Type.WindowTitleChange) and isinstance(watched, QWidget)
                and in_use()):
            tidy_one(watched)
        return False


_INSTALLED: list[bool] = []


def install() -> None:
    """From now on, every text the interface gives a control or an accessible name in Python goes
    through `kana` / `plain` when it has furigana markup (texts set while a page is shown — a
    helper's boxes appearing, a button renamed — never wait for the next tidy). A text without
    markup is passed on untouched, so other languages are as before. Qt's own widgets set their
    texts in C++ (a message box's label): `Tidier` handles those when they are shown."""
    if _INSTALLED:
        return
    _INSTALLED.append(True)

    def wrap(cls, method: str, convert) -> None:
        original = getattr(cls, method)

        def setter(self, text, *args):
            return original(self, convert(text) if isinstance(text, str) and has_markup(text) else text, *args)

        setter.__name__, setter.__doc__ = method, original.__doc__
        setattr(cls, method, setter)

    wrap(QWidget, "setAccessibleName", plain)
    wrap(QWidget, "setAccessibleDescription", plain)
    wrap(QWidget, "setToolTip", kana)
    wrap(QWidget, "setWindowTitle", kana)
    wrap(QGroupBox, "setTitle", kana)
    wrap(QLineEdit, "setPlaceholderText", kana)

    original_text = QAbstractButton.setText

    def button_text(self, text):      # kana on the button, the plain text as its name
        _name(self, text)
        return original_text(self, kana(text) if has_markup(text) else text)

    button_text.__name__ = "setText"
    QAbstractButton.setText = button_text
