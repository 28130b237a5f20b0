"""The input widgets field kinds are built from (ui/widgets/kinds/ names one per kind). Each
reports the raw answer as typed and never judges it: reading and checking answers is the core's
work (assistant.kinds, through assistant.interview.validation)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QFrame, QGridLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout, QWidget)

from assistant.i18n import _, bilingual
from assistant.kinds import kind_of
from ui.a11y import SpokenLineEdit
from ui.widgets.ruby import Label

if TYPE_CHECKING:
    from assistant.procedures import model as m


class FieldInput(QWidget):
    """Base: `edited(raw)` when the person changes the answer."""

    edited = Signal(object)
    left = Signal(str)       # the person left the box (or part) named by the argument
    #: shown inside a group box titled by the question (options read as one question)
    grouped = False
    #: the question's title labels the input (False when each part has its own label)
    titled = True

    def __init__(self, field: m.FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self._quiet = False

    def set_raw(self, raw: Any) -> None:
        raise NotImplementedError

    def focus_target(self, part: str = "") -> QWidget:
        raise NotImplementedError

    def apply(self, part: str, text: str) -> None:
        """Put `text` into the answer (or one part of it) as if the person had typed it; a
        suggestion for parts "a,b" holds one text per part (formats.result.PART_SEPARATOR)."""
        from assistant.formats.result import PART_SEPARATOR  # formats: not needed to start

        parts = part.split(",")
        texts = text.split(PART_SEPARATOR, len(parts) - 1) if len(parts) > 1 else [text]
        for one, piece in zip(parts, texts):
            self.focus_target(one).setText(piece)

    def _set_quietly(self, line: QLineEdit, text: str) -> None:
        # Showing a stored answer is not an edit. Edits are read from textChanged, not textEdited,
        # because text put in by a screen reader or other assistive tool (AT-SPI EditableText)
        # changes the box without emitting textEdited.
        if line.text() != text:
            self._quiet = True
            try:
                line.setText(text)
            finally:
                self._quiet = False

    def describe(self, name: str, description: str, alert: str = "") -> None:
        """Give the focusable controls their accessible name and description; `alert` (an error)
        is said first."""
        target = self.focus_target()
        target.setAccessibleName(name)
        target.setAccessibleDescription("\n".join(t for t in (alert, description) if t))


class LineInput(FieldInput):
    """A single line: text, kana, date, postal code, phone, number, My Number."""

    #: typed like a password, with a Show button (a My Number)
    masked = False

    def __init__(self, field: m.FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.line = SpokenLineEdit(self)
        self.line.setObjectName(f"input_{field.id}")
        layout.addWidget(self.line, 1)
        self.line.textChanged.connect(self._on_line_text_edited)
        self.line.editingFinished.connect(lambda: self.left.emit(""))
        if self.masked:
            self.line.setEchoMode(QLineEdit.EchoMode.Password)
            self.toggle = QPushButton(_("Show"), self)
            self.toggle.setCheckable(True)
            self.toggle.setAccessibleName(_("Show the number"))
            self.toggle.setObjectName(f"show_{field.id}")
            self.toggle.toggled.connect(self._on_toggle_toggled)
            layout.addWidget(self.toggle)

    def _on_line_text_edited(self, text: str) -> None:
        if not self._quiet:
            self.edited.emit(text)

    def _on_toggle_toggled(self, shown: bool) -> None:
        self.line.setEchoMode(QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password)
        self.toggle.setText(_("Hide") if shown else _("Show"))
        self.toggle.setAccessibleName(_("Hide the number") if shown else _("Show the number"))

    def set_raw(self, raw: Any) -> None:
        self._set_quietly(self.line, "" if raw is None else str(raw))

    def describe(self, name: str, description: str, alert: str = "") -> None:
        super().describe(name, description, alert)
        if self.masked:     # which number it shows, when a page asks for several
            self.toggle.setAccessibleDescription(name)

    def focus_target(self, part: str = "") -> QWidget:
        return self.line


class PartsInput(FieldInput):
    """Several labelled lines saved together (the parts its kind names): a person's name, an address."""

    titled = False

    def __init__(self, field: m.FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        self.parts = parts = kind_of(field).parts(field)
        self.required_parts = kind_of(field).required_parts(field)
        self.part_labels = kind_of(field).part_labels()
        self.lines: dict[str, QLineEdit] = {}
        self.labels: dict[str, QLabel] = {}
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, part in enumerate(parts):
            label = Label(bilingual(self.part_labels.get(part, part)), self)
            label.setWordWrap(True)
            line = SpokenLineEdit(self)
            line.setObjectName(f"input_{field.id}_{part}")
            # No buddy: Orca says a box's labelled-by label *instead of* its name, which would be
            # just 「氏」; the name says whose and which part (「請求者の氏名 – 氏」). NVDA (UIA) and
            # VoiceOver read the accessible name anyway, so the relation added nothing for them.
            line.textChanged.connect(self._on_part_text_edited)
            line.editingFinished.connect(lambda p=part: self.left.emit(p))
            # each label above its box: long labels (English, 300 %) wrap instead of pushing sideways
            grid.addWidget(label, 2 * row, 0)
            grid.addWidget(line, 2 * row + 1, 0)
            self.lines[part], self.labels[part] = line, label
        self.towns: QComboBox | None = None
        if "town" in parts:
            # Offered when a postal code covers several towns; never editable (screen readers).
            self.towns = QComboBox(self)
            self.towns.setObjectName(f"towns_{field.id}")
            self.towns_label = Label(_("Choose the town for this postal code:"), self)
            self.towns_label.setWordWrap(True)
            self.towns_label.setBuddy(self.towns)
            self.towns.setAccessibleName(_("Town for this postal code"))
            grid.addWidget(self.towns_label, 2 * len(parts), 0)
            grid.addWidget(self.towns, 2 * len(parts) + 1, 0)
            self.towns_label.setVisible(False)
            self.towns.setVisible(False)
            self.towns.activated.connect(self._on_towns_activated)

    def offer_towns(self, towns: tuple[str, ...]) -> None:
        """Let the person pick the town when one postal code covers several."""
        self.towns.clear()
        self.towns.addItem(_("(choose)"), "")
        for town in towns:
            self.towns.addItem(town, town)
        self.towns_label.setVisible(bool(towns))
        self.towns.setVisible(bool(towns))

    def _on_towns_activated(self, index: int) -> None:
        town = self.towns.itemData(index)
        if town:
            self.lines["town"].setText(town)
            self.offer_towns(())
            self.lines["town"].setFocus()

    def _on_part_text_edited(self, _text: str) -> None:
        if not self._quiet:
            self.edited.emit({part: line.text() for part, line in self.lines.items()})

    def set_raw(self, raw: Any) -> None:
        raw = raw if isinstance(raw, dict) else {}
        for part, line in self.lines.items():
            self._set_quietly(line, str(raw.get(part) or ""))

    def focus_target(self, part: str = "") -> QWidget:
        part = part.split(",")[-1]   # after a suggestion for several parts: the last one filled
        return self.lines.get(part) or self.lines[self.parts[0]]

    def describe(self, name: str, description: str, alert: str = "") -> None:
        required = self.field.required
        for part, line in self.lines.items():
            part_name = bilingual(self.part_labels.get(part, part))
            line.setAccessibleName(_("{question} – {part}").format(question=name, part=part_name))
            own = (description if not required or part in self.required_parts
                   else description.replace(_("Required"), _("Optional"), 1))
            line.setAccessibleDescription("\n".join(t for t in (alert, own) if t))


class OptionRow(QFrame):
    """One option: a real radio button or check box, and its text in a label that wraps at any
    text size (Qt's own button text cannot wrap). Clicking the text chooses the option; the focus
    ring is drawn around the whole row."""

    def __init__(self, button: QRadioButton | QCheckBox, text: str, hint: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.button = button
        self.setProperty("role", "option")
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        texts = QVBoxLayout()
        self.label = Label(text, self)
        self.label.setWordWrap(True)
        texts.addWidget(self.label)
        if hint:
            hint_label = Label(hint, self)
            hint_label.setWordWrap(True)
            hint_label.setProperty("role", "option-hint")
            texts.addWidget(hint_label)
        row.addLayout(texts, 1)
        button.setAccessibleName(text)
        button.installEventFilter(self)

    def mousePressEvent(self, event) -> None:
        self.button.click()
        self.button.setFocus(Qt.FocusReason.MouseFocusReason)

    def eventFilter(self, watched, event) -> bool:
        if event.type() in (QEvent.Type.FocusIn, QEvent.Type.FocusOut):
            self.setProperty("focused", event.type() == QEvent.Type.FocusIn)
            self.style().unpolish(self)
            self.style().polish(self)
        return False


class ChoiceInput(FieldInput):
    """Radio buttons (one answer) or check boxes (several), each a real, focusable control; the
    options are the kind's (assistant.kinds.base.OptionsKind.options)."""

    grouped = True

    def __init__(self, field: m.FieldDef, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        kind = kind_of(field)
        self.multiple = kind.multiple
        options = kind.options(field)
        # Radio buttons form one group: one Tab stop, the arrows choose. Check boxes are not put in
        # a QButtonGroup, which would make them one Tab stop too (Tab would skip every box but the
        # first); each box is its own Tab stop, as everywhere else.
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[Any, QRadioButton | QCheckBox]] = []
        self.hints: dict[int, str] = {}
        for value, label, hint in options:
            button = (QCheckBox if self.multiple else QRadioButton)(self)
            button.setObjectName(f"option_{field.id}_{str(value).lower()}")
            self.hints[id(button)] = bilingual(hint) if hint else ""
            if not self.multiple:
                self.group.addButton(button)
            layout.addWidget(OptionRow(button, bilingual(label), self.hints[id(button)], self))
            self.buttons.append((value, button))
            button.toggled.connect(self._on_button_toggled)
            if not self.multiple:
                button.installEventFilter(self)

    _ARROWS = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Left, Qt.Key.Key_Right)

    def eventFilter(self, watched, event) -> bool:
        # Qt's arrow keys choose the next radio button only when the focused one is checked; with
        # nothing chosen yet they just move the focus, and a screen-reader user hears "not selected"
        # on every option without a way to choose but Space. Choosing the focused one first makes
        # the arrows choose as in every radio group (what NVDA's and VoiceOver's users expect too).
        # The next option is chosen here, in one go (focus first, then the answer): choosing the
        # focused one and letting Qt move on lost the key whenever that answer showed or hid
        # questions, as the page is rebuilt in between (Down on an unanswered yes/no chose "yes").
        if (event.type() == QEvent.Type.KeyPress and event.key() in self._ARROWS
                and self.group.checkedButton() is None and not event.modifiers()):
            buttons = [b for _v, b in self.buttons]
            step = -1 if event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Left) else 1
            target = buttons[(buttons.index(watched) + step) % len(buttons)]
            target.setFocus(Qt.FocusReason.TabFocusReason)
            target.setChecked(True)
            return True
        return False

    def _on_button_toggled(self, _checked: bool) -> None:
        chosen = [value for value, button in self.buttons if button.isChecked()]
        if self.multiple:
            self.edited.emit(chosen)
        elif chosen:
            self.edited.emit(chosen[0])

    def set_raw(self, raw: Any) -> None:
        chosen = raw if isinstance(raw, list) else [raw]
        for value, button in self.buttons:
            button.blockSignals(True)
            button.setChecked(any(value == c and type(value) is type(c) for c in chosen))
            button.blockSignals(False)

    def focus_target(self, part: str = "") -> QWidget:
        checked = [b for _v, b in self.buttons if b.isChecked()]
        return checked[0] if checked else self.buttons[0][1]

    def describe(self, name: str, description: str, alert: str = "") -> None:
        for _value, button in self.buttons:
            texts = (alert, self.hints[id(button)], name, description)
            button.setAccessibleDescription("\n".join(t for t in texts if t))
