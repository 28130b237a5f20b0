"""A question on screen: its label, hint, example, input and error text, linked for screen readers."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QFrame, QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.i18n import _, bilingual, current_language, ptext
from assistant.languages import field_example
from assistant.interview.record import FieldPath, item_label
from ui.widgets.inputs import FieldInput
from ui.widgets.kinds import widget_class
from ui.widgets.ruby import Label

if TYPE_CHECKING:
    from assistant.interview.session import FieldError
    from assistant.procedures import model as m

def _small_label(text: str, role: str, parent: QWidget) -> QLabel:
    label = Label(text, parent)
    label.setWordWrap(True)
    label.setProperty("role", role)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def shown_example(field: m.FieldDef) -> str:
    """A question's example in the interface language: a name of the person's community for a name
    question (languages.field_example), else the procedure's example with the Japanese beside."""
    example = field_example(field.kind, field.example, current_language())
    return bilingual(field.example) if example == field.example else example


def field_description(field: m.FieldDef) -> str:
    """What a screen reader says after the name: required or not, the hint, the example."""
    parts = [_("Required") if field.required else _("Optional")]
    if field.hint:
        parts.append(bilingual(field.hint))
    if field.example:
        parts.append(_("Example: {example}").format(example=shown_example(field)))
    return "\n".join(parts)


def required_title(label: str, required: bool) -> str:
    """The visible title of a question, saying whether it must be answered."""
    return _("{label} (required)").format(label=label) if required else _("{label} (optional)").format(label=label)


class FieldBlock(QFrame):
    """One simple question. `on_edit(raw)` is called with the raw answer as typed."""

    def __init__(self, field: m.FieldDef, raw: Any, on_edit: Callable[[Any], None],
                 parent: QWidget | None = None, label_prefix: str = "", path: str = "") -> None:
        super().__init__(parent)
        self.field = field
        self.path = path or field.id    # "group[index].sub_id" inside a repeatable group
        self.setObjectName(f"field_{field.id}")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 4)
        name = label_prefix + bilingual(field.label)
        title = required_title(name, field.required)
        # Widgets are created in the order they are shown: that order is the accessibility tree's,
        # which screen readers follow when they read object by object.
        widget = widget_class(field)
        if widget.grouped:
            # A group (read as one question by screen readers) whose title is a wrapping label:
            # a QGroupBox title cannot wrap and would push the page sideways at large text sizes.
            host: QWidget = QGroupBox(self)
            host.setAccessibleName(title)
            host_layout = QVBoxLayout(host)
            layout.addWidget(host)
        else:
            host, host_layout = self, layout
        self.title = Label(title, host)
        self.title.setWordWrap(True)
        self.title.setProperty("role", "field-label")
        host_layout.addWidget(self.title)
        if field.hint:
            host_layout.addWidget(_small_label(bilingual(field.hint), "hint", host))
        if field.example:
            example = _("Example: {example}").format(example=shown_example(field))   # 本人 → Yourself（本人）
            host_layout.addWidget(_small_label(example, "example", host))
        self.input: FieldInput = widget(field, host)
        self.input.set_raw(raw)
        host_layout.addWidget(self.input)
        if not widget.grouped and widget.titled:
            self.title.setBuddy(self.input.focus_target())
        self.feedback = _small_label("", "feedback", self)
        self.feedback.setObjectName(f"feedback_{field.id}")
        self.feedback.setVisible(False)
        layout.addWidget(self.feedback)
        self.error = _small_label("", "error", self)
        self.error.setVisible(False)
        layout.addWidget(self.error)
        self.suggestions = QVBoxLayout()
        layout.addLayout(self.suggestions)
        self._offered: dict[str, list[tuple[str, str]]] = {"errors": [], "notices": []}
        self.description = field_description(field)
        self.name = name
        self._errors = ""
        self._note = ""
        self._stale = False
        self.input.describe(name, self.description)
        self.input.edited.connect(on_edit)
        self.input.left.connect(self._on_input_left)

    def show_errors(self, errors: list[FieldError]) -> None:
        """Show (or clear) the errors next to the field; they are read as part of its description."""
        # The cue 「エラー」 comes first, in the text and in what a screen reader says (read before
        # the option's hint and the question): not colour alone, and not third in a long utterance.
        self._errors = "\n".join(_("Error: {label}: {message}").format(label=e.label, message=e.message)
                                 for e in errors)
        self.error.setText(self._errors)
        self.error.setVisible(bool(self._errors))
        self._offer("errors", [(e.part, e.suggestion) for e in errors if e.suggestion])
        self._describe()

    def show_feedback(self, lines: list[str], suggestions: list[tuple[str, str]] = ()) -> None:
        """Show how the answer will be written on the form, and anything the person should know."""
        text = "\n".join(lines)
        if text != self.feedback.text():
            self.feedback.setText(text)
            self.feedback.setVisible(bool(text))
            self._describe(while_typing=True)
        self._offer("notices", list(suggestions))

    def _offer(self, source: str, suggestions: list[tuple[str, str]]) -> None:
        """One button per suggested correction; the answer changes only if the person presses it."""
        if self._offered[source] == suggestions:
            return
        self._offered[source] = suggestions
        while self.suggestions.count():
            old = self.suggestions.takeAt(0).widget()
            old.setParent(None)   # gone from the window at once, not only after deleteLater
            old.deleteLater()
        offered = dict.fromkeys(self._offered["errors"] + self._offered["notices"])
        for part, suggestion in offered:
            button = QPushButton(_("Use “{suggestion}”").format(suggestion=suggestion), self)
            button.setObjectName(f"suggestion_{self.field.id}_{part}" if part else f"suggestion_{self.field.id}")
            button.setAccessibleName(_("Use “{suggestion}” for {question}").format(
                suggestion=suggestion, question=self.name))
            button.clicked.connect(lambda _checked=False, p=part, s=suggestion: self._on_suggestion_clicked(p, s))
            self.suggestions.addWidget(button)

    def _on_input_left(self, part: str) -> None:
        from assistant.interview.validation import settled_text  # formats: not needed to start

        line = self.input.focus_target(part)
        settled = settled_text(self.field, part, line.text())
        if settled is not None:
            self.input.apply(part, settled)
        if self._stale or self._note:
            self._note = ""          # said once, while in the box that caused it
            self._describe()

    def _on_suggestion_clicked(self, part: str, suggestion: str) -> None:
        self.input.apply(part, suggestion)
        self.input.focus_target(part).setFocus()

    def note(self, message: str) -> None:
        """Something the application did to the answer (filled in from the postal code): said first,
        until the person leaves the box."""
        self._note = message
        self._describe()

    def _describe(self, while_typing: bool = False) -> None:
        # A focused control's description change is spoken at once by Orca (and by NVDA for UIA
        # HelpText changes in some versions): "how it will be written" changing on each key would
        # re-read the whole description on every character. It waits until the box is left.
        focus = QApplication.focusWidget()
        if while_typing and focus is not None and self.input.isAncestorOf(focus):
            self._stale = True
            return
        self._stale = False
        texts = (self._note, self.feedback.text(), self.description)
        self.input.describe(self.name, "\n".join(t for t in texts if t), alert=self._errors)


class GroupBlock(QGroupBox):
    """A repeatable group: one framed item per entry, with Add and Remove buttons."""

    def __init__(self, group: m.GroupField, items: list[dict[str, Any]], fields_for: Callable,
                 on_item_edit: Callable[[int, str, Any], None], on_add: Callable[[], None],
                 on_remove: Callable[[int], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"field_{group.id}")
        self.group = group
        self.blocks: dict[tuple[int, str], FieldBlock] = {}
        layout = QVBoxLayout(self)
        # The title is a wrapping label, not the group box's own title, which cannot wrap and would
        # push the page sideways in English at 320 px; the box keeps it as its accessible name.
        title = required_title(bilingual(group.label), group.min_items > 0)
        self.setAccessibleName(title)
        self.title = Label(title, self)
        self.title.setWordWrap(True)
        self.title.setProperty("role", "field-label")
        layout.addWidget(self.title)
        if group.hint:
            layout.addWidget(_small_label(bilingual(group.hint), "hint", self))
        item_name = ptext(group.item_label)
        for index, item in enumerate(items):
            frame = QFrame(self)
            frame.setFrameShape(QFrame.Shape.StyledPanel)
            frame_layout = QVBoxLayout(frame)
            prefix = item_label(group, index) + " – "
            for sub in fields_for(item):
                block = FieldBlock(sub, item.get(sub.id),
                                   lambda raw, i=index, s=sub.id: on_item_edit(i, s, raw), frame, prefix,
                                   str(FieldPath(group.id, index, sub.id)))
                frame_layout.addWidget(block)
                self.blocks[(index, sub.id)] = block
            remove = QPushButton(_("Remove"), frame)     # a short text: button texts cannot wrap
            remove.setAccessibleName(_("Remove {item} {number}").format(item=item_name, number=index + 1))
            remove.setObjectName(f"remove_{group.id}_{index}")
            remove.clicked.connect(lambda _checked=False, i=index: on_remove(i))
            frame_layout.addWidget(remove)
            layout.addWidget(frame)
        # short (button texts cannot wrap); "one more" only once there is one
        self.add_button = QPushButton(_("Add one more") if items else _("Add {item}").format(item=item_name), self)
        self.add_button.setAccessibleName(_("Add {item}").format(item=item_name))
        self.add_button.setObjectName(f"add_{group.id}")
        self.add_button.setEnabled(len(items) < group.max_items)
        self.add_button.clicked.connect(lambda _checked=False: on_add())
        layout.addWidget(self.add_button)
        self.error = _small_label("", "error", self)
        self.error.setVisible(False)
        layout.addWidget(self.error)

    def show_errors(self, errors: list[FieldError]) -> None:
        messages = "\n".join(f"{e.label}: {e.message}" for e in errors)
        self.error.setText(messages)
        self.error.setVisible(bool(messages))
        self.add_button.setAccessibleDescription(messages)
