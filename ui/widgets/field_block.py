"""A question on screen: its label, hint, example, input and error text, linked for screen readers."""

from __future__ import annotations

from typing import TYPE_CHECKING

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.i18n import _, bilingual, ptext
from ui.widgets.inputs import FieldInput, make_input

if TYPE_CHECKING:
    from assistant.procedures import model as m

CHOICE_KINDS = ("choice", "multi_choice", "yes_no")


def _small_label(text: str, role: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def field_description(field: m.FieldDef) -> str:
    """What a screen reader says after the name: required or not, the hint, the example."""
    parts = [_("Required") if field.required else _("Optional")]
    if field.hint:
        parts.append(bilingual(field.hint))
    if field.example:
        parts.append(_("Example: {example}").format(example=field.example))
    return "\n".join(parts)


def required_title(label: str, required: bool) -> str:
    """The visible title of a question, saying whether it must be answered."""
    return _("{label} (required)").format(label=label) if required else _("{label} (optional)").format(label=label)


class FieldBlock(QFrame):
    """One simple question. `on_edit(raw)` is called with the raw answer as typed."""

    def __init__(self, field: m.FieldDef, raw: Any, on_edit: Callable[[Any], None],
                 parent: QWidget | None = None, label_prefix: str = "") -> None:
        super().__init__(parent)
        self.field = field
        self.setObjectName(f"field_{field.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        name = label_prefix + bilingual(field.label)
        title = required_title(name, field.required)
        self.input: FieldInput = make_input(field, self)
        self.input.set_raw(raw)
        if field.kind in CHOICE_KINDS:
            box = QGroupBox(title, self)
            box_layout = QVBoxLayout(box)
            box_layout.addWidget(self.input)
            container: QWidget = box
            self.title = box
        else:
            self.title = QLabel(title, self)
            self.title.setWordWrap(True)
            self.title.setProperty("role", "field-label")
            if field.kind not in ("person_name", "address"):
                self.title.setBuddy(self.input.focus_target())
            container = self.input
        layout.addWidget(self.title if container is self.input else container)
        if field.hint:
            layout.addWidget(_small_label(bilingual(field.hint), "hint", self))
        if field.example:
            layout.addWidget(_small_label(_("Example: {example}").format(example=field.example), "example", self))
        if container is self.input:
            layout.addWidget(self.input)
        self.feedback = _small_label("", "feedback", self)
        self.feedback.setObjectName(f"feedback_{field.id}")
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        self.error = _small_label("", "error", self)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.description = field_description(field)
        self.name = name
        self._errors = ""
        self.input.describe(name, self.description)
        self.input.edited.connect(on_edit)

    def show_errors(self, messages: list[str]) -> None:
        """Show (or clear) the errors next to the field; they are read as part of its description."""
        self._errors = "\n".join(messages)
        self.error.setText(self._errors)
        self.error.setVisible(bool(self._errors))
        self._describe()

    def show_feedback(self, lines: list[str]) -> None:
        """Show how the answer will be written on the form, and anything the person should know."""
        text = "\n".join(lines)
        if text != self.feedback.text():
            self.feedback.setText(text)
            self.feedback.setVisible(bool(text))
            self._describe()

    def _describe(self) -> None:
        texts = (self._errors, self.feedback.text(), self.description)
        self.input.describe(self.name, "\n".join(t for t in texts if t))


class GroupBlock(QGroupBox):
    """A repeatable group: one framed item per entry, with Add and Remove buttons."""

    def __init__(self, group: m.GroupField, items: list[dict[str, Any]], fields_for: Callable,
                 on_item_edit: Callable[[int, str, Any], None], on_add: Callable[[], None],
                 on_remove: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(required_title(bilingual(group.label), group.min_items > 0), parent)
        self.setObjectName(f"field_{group.id}")
        self.group = group
        self.blocks: dict[tuple[int, str], FieldBlock] = {}
        layout = QVBoxLayout(self)
        if group.hint:
            layout.addWidget(_small_label(bilingual(group.hint), "hint", self))
        item_name = ptext(group.item_label)
        for index, item in enumerate(items):
            frame = QFrame(self)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame_layout = QVBoxLayout(frame)
            prefix = _("{item} {number}").format(item=item_name, number=index + 1) + " – "
            for sub in fields_for(item):
                block = FieldBlock(sub, item.get(sub.id),
                                   lambda raw, i=index, s=sub.id: on_item_edit(i, s, raw), frame, prefix)
                frame_layout.addWidget(block)
                self.blocks[(index, sub.id)] = block
            remove = QPushButton(_("Remove {item} {number}").format(item=item_name, number=index + 1), frame)
            remove.setObjectName(f"remove_{group.id}_{index}")
            remove.clicked.connect(lambda _checked=False, i=index: on_remove(i))
            frame_layout.addWidget(remove)
            layout.addWidget(frame)
        self.add_button = QPushButton(_("Add {item}").format(item=item_name), self)
        self.add_button.setObjectName(f"add_{group.id}")
        self.add_button.setEnabled(len(items) < group.max_items)
        self.add_button.clicked.connect(lambda _checked=False: on_add())
        layout.addWidget(self.add_button)
        self.error = _small_label("", "error", self)
        self.error.setVisible(False)
        layout.addWidget(self.error)

    def show_errors(self, messages: list[str]) -> None:
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))
        self.add_button.setAccessibleDescription("\n".join(messages))
