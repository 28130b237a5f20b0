"""“My saved details”: what the once-only profile holds, each entry changeable (with the same
question the forms ask) and removable, details added, My Number kept only on request, everything
deletable. The dialog only reports changes; the window saves them."""

from __future__ import annotations

import copy
import unicodedata
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QApplication, QCheckBox, QDialog, QFrame, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from assistant.drafts.profile import MEANINGS, MY_NUMBER, Profile, profile_field, value_errors
from assistant.formats import mask_my_number
from assistant.i18n import N_, _
from assistant.interview.parts import ADDRESS_PARTS, NAME_PARTS
from assistant.interview.record import answer_display
from ui.a11y import announce
from ui.widgets.field_block import FieldBlock
from ui.widgets.flow import FlowLayout, PageScroll
from ui.widgets.inputs import OptionRow
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label

MEANING_LABELS = {
    "name": N_("Name"), "birth_date": N_("Date of birth"), "sex": N_("Sex"), "address": N_("Address"),
    "phone": N_("Phone"), "email": N_("E-mail"), MY_NUMBER: N_("My Number"),
}
#: the option values procedures use for sex; any other value is shown as it is stored
SEX_LABELS = {"male": N_("Male"), "female": N_("Female")}
_PARTS = {"name": NAME_PARTS, "address": ADDRESS_PARTS}


def meaning_label(meaning: str) -> str:
    """The translated name of a kind of saved detail ("Name", "Date of birth"…)."""
    return _(MEANING_LABELS[meaning]) if meaning in MEANING_LABELS else meaning


def display_value(meaning: str, raw: Any) -> str:
    """A saved answer as the review shows an answer (assistant.interview.record); one that cannot
    be read any more as typed: parts joined with spaces in their order, a My Number masked (only
    its last 4 digits)."""
    shown = answer_display(profile_field(meaning), raw)
    if shown:
        return shown
    if meaning in _PARTS and isinstance(raw, dict):
        return " ".join(str(raw[part]).strip() for part in _PARTS[meaning] if str(raw.get(part) or "").strip())
    if meaning == MY_NUMBER:
        digits = "".join(ch for ch in unicodedata.normalize("NFKC", str(raw)) if ch.isdigit())
        return mask_my_number(digits)
    if meaning == "sex" and raw in SEX_LABELS:
        return _(SEX_LABELS[raw])
    return "" if raw is None else str(raw).strip()


def _postal(raw: Any) -> str:
    return str(raw.get("postal_code") or "") if isinstance(raw, dict) else ""


class DetailEditor(QFrame):
    """One saved detail being changed or added, inside the dialog: the real question the forms
    ask (`block`, a FieldBlock), then Cancel and Save."""

    def __init__(self, meaning: str, raw: Any, adding: bool, on_edit: Callable[[Any], None],
                 parent: QWidget) -> None:
        super().__init__(parent)
        self.meaning = meaning
        self.setObjectName("detail_editor")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        layout = QVBoxLayout(self)
        detail = meaning_label(meaning)
        self.heading = Label((_("Add {detail}") if adding else _("Change {detail}")).format(detail=detail), self)
        self.heading.setWordWrap(True)
        self.heading.setProperty("role", "field-label")
        self.block = FieldBlock(profile_field(meaning), raw, on_edit, self)
        # The parts' labels (氏, 郵便番号…) wrap and their boxes keep room for a few characters, so a
        # long translation at 320 px neither pushes the dialog sideways nor squeezes the boxes shut.
        for label in getattr(self.block.input, "labels", {}).values():
            label.setWordWrap(True)
        for line in getattr(self.block.input, "lines", {}).values():
            line.setMinimumWidth(line.fontMetrics().averageCharWidth() * 8)
        self.cancel = QPushButton(_("Cancel"), self)
        self.cancel.setObjectName("cancel_detail")
        self.cancel.setAccessibleName(_("Cancel"))
        self.save = QPushButton(_("Save"), self)
        self.save.setObjectName("save_detail")
        self.save.setAccessibleName(_("Save {detail}").format(detail=detail))
        layout.addWidget(self.heading)
        layout.addWidget(self.block)
        layout.addWidget(NavRow(self.cancel, self.save, self))

    def focus_input(self, part: str = "") -> QWidget:
        target = self.block.input.focus_target(part)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        return target


class ProfileDialog(QDialog):
    """`profile_changed(Profile)` after each change, addition or removal and each change of the
    My Number choice; `delete_all_requested()` once the person confirmed deleting everything.

    One detail at a time is edited in the dialog itself; what was typed in an editor is kept
    (also when another one is opened) until it is saved or cancelled."""

    profile_changed = Signal(object)
    delete_all_requested = Signal()

    def __init__(self, profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile or Profile()
        self.remove_buttons: dict[str, QPushButton] = {}
        self.change_buttons: dict[str, QPushButton] = {}
        self.add_buttons: dict[str, QPushButton] = {}
        self.value_labels: dict[str, QLabel] = {}
        self.editor: DetailEditor | None = None
        self._editing: str | None = None      # the meaning whose editor is open
        self._adding = False
        self._checked = False                 # Save was pressed: problems are shown and kept current
        self._drafts: dict[str, Any] = {}     # meaning → what was typed, until saved or cancelled
        layout = QVBoxLayout(self)
        # Created in the order shown: that is the order screen readers meet them in.
        self.intro = Label(self)
        self.intro.setWordWrap(True)
        self.scroll = PageScroll(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the buttons take the focus, not the frame
        self.rows = QWidget()
        content = QVBoxLayout(self.rows)
        content.setContentsMargins(0, 0, 0, 0)
        self.details = QWidget(self.rows)
        self.rows_layout = QVBoxLayout(self.details)
        self.rows_layout.setContentsMargins(0, 0, 0, 0)
        self.empty = Label(self.rows)
        self.empty.setObjectName("profile_empty")
        self.empty.setWordWrap(True)
        self._build_adding()
        for widget in (self.details, self.empty, self.adding):
            content.addWidget(widget)
        content.addStretch(1)
        self.scroll.setWidget(self.rows)
        self.keep = QCheckBox(self)
        self.keep.setObjectName("keep_my_number")
        self.keep_row = OptionRow(self.keep, "", "", self)
        self.keep_warning = Label(self)
        self.keep_warning.setWordWrap(True)
        self.keep_warning.setProperty("role", "hint")
        self._build_confirmation()
        self.delete_all = QPushButton(self)
        self.delete_all.setObjectName("delete_all_details")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("close_details")
        self.close_button.setDefault(True)
        for widget in (self.intro, self.scroll, self.keep_row, self.keep_warning, self.confirmation):
            layout.addWidget(widget, 1 if widget is self.scroll else 0)
        layout.addWidget(NavRow(self.delete_all, self.close_button, self))
        self.keep.toggled.connect(self._on_keep_toggled)
        self.delete_all.clicked.connect(self._on_delete_all_clicked)
        self.close_button.clicked.connect(self.accept)
        self.retranslate_ui()

    def _build_adding(self) -> None:
        """"Add a detail": one button per detail not saved yet, and the editor while adding."""
        self.adding = QFrame(self.rows)
        self.adding.setObjectName("add_details")
        box = QVBoxLayout(self.adding)
        box.setContentsMargins(0, 8, 0, 0)
        self.add_heading = Label(self.adding)
        self.add_heading.setWordWrap(True)
        self.add_heading.setProperty("role", "field-label")
        self.add_row = QWidget(self.adding)
        self.add_layout = FlowLayout(self.add_row)
        self.add_layout.setContentsMargins(0, 0, 0, 0)
        self.my_number_note = Label(self.adding)
        self.my_number_note.setObjectName("add_my_number_note")
        self.my_number_note.setWordWrap(True)
        self.my_number_note.setProperty("role", "hint")
        self.add_editor_box = QVBoxLayout()
        for widget in (self.add_heading, self.add_row, self.my_number_note):
            box.addWidget(widget)
        box.addLayout(self.add_editor_box)

    def _build_confirmation(self) -> None:
        """Asked in the dialog itself, so the question and both answers stay in reach."""
        self.confirmation = QFrame(self)
        self.confirmation.setObjectName("delete_all_confirmation")
        box = QVBoxLayout(self.confirmation)
        box.setContentsMargins(0, 0, 0, 0)
        self.question = Label(self.confirmation)
        self.question.setWordWrap(True)
        self.question.setProperty("role", "error")
        self.keep_them = QPushButton(self.confirmation)
        self.keep_them.setObjectName("keep_details")
        self.confirm_delete = QPushButton(self.confirmation)
        self.confirm_delete.setObjectName("confirm_delete_all")
        box.addWidget(self.question)
        box.addWidget(NavRow(self.keep_them, self.confirm_delete, self.confirmation))
        self.confirmation.setVisible(False)
        self.keep_them.clicked.connect(self._on_keep_them_clicked)
        self.confirm_delete.clicked.connect(self._on_confirm_delete_clicked)

    # --- what is shown ------------------------------------------------------------------------

    @property
    def profile(self) -> Profile:
        return self._profile

    def set_profile(self, profile: Profile) -> None:
        """Show `profile` (e.g. after the window saved or deleted it); emits nothing."""
        self._profile = profile
        self._render()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("My saved details"))
        self.intro.setText(_("Saved once, offered in every form that asks for them. Kept encrypted on this "
                             "computer."))
        self.empty.setText(_("No details are saved yet. They are saved when you choose “Save my details” at "
                             "the end of a form."))
        self.keep_row.label.setText(_("Also keep my My Number"))
        self.keep.setAccessibleName(_("Also keep my My Number"))
        self.keep_warning.setText(_("Off unless you choose it: My Number is the most sensitive detail, and the "
                                    "card is at hand when a form asks for it. Turning this off removes a "
                                    "saved number."))
        self.keep.setAccessibleDescription(self.keep_warning.text())
        self.delete_all.setText(_("&Delete all saved details"))
        self.close_button.setText(_("&Close"))
        self.question.setText(_("Delete all your saved details from this computer? This cannot be undone."))
        self.keep_them.setText(_("No, keep them"))
        self.keep_them.setAccessibleDescription(self.question.text())
        self.confirm_delete.setText(_("Yes, delete all"))
        self.confirm_delete.setAccessibleDescription(self.question.text())
        self.add_heading.setText(_("Add a detail"))
        self.my_number_note.setText(_("To add your My Number, first turn on “Also keep my My Number” below."))
        self._render()

    def _render(self) -> None:
        """One row per saved entry, in the profile's order: label, value, Change and Remove (or the
        editor, while that entry is changed); then the details that can be added."""
        for layout in (self.rows_layout, self.add_layout, self.add_editor_box):
            while layout.count():
                old = layout.takeAt(0).widget()
                if old is not None:
                    old.setParent(None)   # gone from the dialog at once, not only after deleteLater
                    old.deleteLater()
        self.remove_buttons, self.change_buttons, self.add_buttons, self.value_labels = {}, {}, {}, {}
        self._settle_editing()
        self.editor = None
        saved = [meaning for meaning in MEANINGS if self._profile.get(meaning) is not None]
        for meaning in saved:
            self.rows_layout.addWidget(self._row(meaning, self._profile.get(meaning)))
        self.empty.setVisible(not saved)
        self._render_adding(saved)
        for layout in (self.rows_layout, self.add_layout, self.add_editor_box):
            for index in range(layout.count()):
                # now, not on the layout's queued show: the focus may go to them at once
                layout.itemAt(index).widget().show()
        self.keep.blockSignals(True)
        self.keep.setChecked(self._profile.keep_my_number)
        self.keep.blockSignals(False)

    def _settle_editing(self) -> None:
        """Keep the open editor consistent with the profile shown (it may have changed under it)."""
        if not self._profile.keep_my_number:
            self._drafts.pop(MY_NUMBER, None)   # a number the person chose not to keep is not kept typed
        if self._editing is None:
            return
        if self._editing == MY_NUMBER and not self._profile.keep_my_number:
            self._editing = None
        elif self._profile.get(self._editing) is None:
            self._adding = True
        elif self._adding:
            self._adding = False

    def _render_adding(self, saved: list[str]) -> None:
        missing = [meaning for meaning in MEANINGS if meaning not in saved]
        for meaning in missing:
            if meaning == MY_NUMBER and not self._profile.keep_my_number:
                continue
            label = meaning_label(meaning)
            button = QPushButton(label, self.add_row)
            button.setObjectName(f"add_{meaning}")
            button.setAccessibleName(_("Add {detail}").format(detail=label))
            button.clicked.connect(lambda _checked=False, m=meaning: self._on_add_clicked(m))
            self.add_layout.addWidget(button)
            self.add_buttons[meaning] = button
        self.adding.setVisible(bool(missing))
        self.add_row.setVisible(bool(self.add_buttons))
        self.my_number_note.setVisible(MY_NUMBER in missing and not self._profile.keep_my_number)
        if self._editing is not None and self._adding:
            self.add_editor_box.addWidget(self._make_editor(self.adding))

    def _make_editor(self, parent: QWidget) -> DetailEditor:
        meaning = self._editing
        self.editor = DetailEditor(meaning, self._drafts.get(meaning), self._adding, self._on_editor_edited, parent)
        self.editor.save.clicked.connect(self._on_save_clicked)
        self.editor.cancel.clicked.connect(self._on_cancel_clicked)
        if self._checked:
            self.editor.block.show_errors(value_errors(meaning, self._drafts.get(meaning)))
        return self.editor

    def _row(self, meaning: str, raw: Any) -> QFrame:
        # Label, value, then Change and Remove (wrapping under each other when narrow): fits at any
        # text size without sideways scrolling.
        row = QFrame(self.details)
        row.setObjectName(f"detail_{meaning}")
        row.setFrameShape(QFrame.Shape.StyledPanel)   # which buttons belong to which detail, at a glance
        rows = QVBoxLayout(row)
        rows.setContentsMargins(0, 4, 0, 4)
        label_text = meaning_label(meaning)
        label = Label(label_text, row)
        label.setWordWrap(True)
        label.setProperty("role", "field-label")
        value_text = display_value(meaning, raw)
        value = Label(value_text, row)
        value.setObjectName(f"value_{meaning}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        rows.addWidget(label)
        rows.addWidget(value)
        self.value_labels[meaning] = value
        if self._editing == meaning:
            rows.addWidget(self._make_editor(row))
            return row
        described = _("{question}: {answer}").format(question=label_text, answer=value_text)
        buttons = QWidget(row)
        flow = FlowLayout(buttons)   # side by side when they fit, one under the other when not
        flow.setContentsMargins(0, 0, 0, 0)
        for name, text, accessible, slot in (
                ("change", _("Change"), _("Change {detail}"), self._on_change_clicked),
                ("remove", _("Remove"), _("Remove {detail}"), self._on_remove_clicked)):
            button = QPushButton(text, buttons)
            button.setObjectName(f"{name}_{meaning}")
            button.setAccessibleName(accessible.format(detail=label_text))
            button.setAccessibleDescription(described)
            button.clicked.connect(lambda _checked=False, m=meaning, act=slot: act(m))
            flow.addWidget(button)
            (self.change_buttons if name == "change" else self.remove_buttons)[meaning] = button
        rows.addWidget(buttons)
        return row

    # --- reacting -----------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # In the editor, Enter saves and Esc cancels (the dialog would otherwise close, losing
        # what was typed); buttons handle Enter themselves.
        focused = QApplication.focusWidget()
        if self.editor is not None and focused is not None and self.editor.isAncestorOf(focused):
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._on_save_clicked()
                return
            if event.key() == Qt.Key.Key_Escape:
                self._on_cancel_clicked()
                return
        super().keyPressEvent(event)

    def _on_change_clicked(self, meaning: str) -> None:
        self._open_editor(meaning, adding=False)

    def _on_add_clicked(self, meaning: str) -> None:
        if meaning == MY_NUMBER and not self._profile.keep_my_number:
            self.my_number_note.setVisible(True)
            announce(self.my_number_note, self.my_number_note.text(), assertive=True)
            return
        self._open_editor(meaning, adding=True)

    def _open_editor(self, meaning: str, *, adding: bool) -> None:
        self._editing, self._adding, self._checked = meaning, adding, False
        self._drafts.setdefault(meaning, copy.deepcopy(self._profile.get(meaning)))
        self._render()
        self._show(self.editor.focus_input())

    def _on_editor_edited(self, raw: Any) -> None:
        meaning = self._editing
        before = self._drafts.get(meaning)
        self._drafts[meaning] = raw
        if meaning == "address" and _postal(before) != _postal(raw):
            self._fill_address(raw)
        if self._checked:   # the problems shown follow the corrections
            self.editor.block.show_errors(value_errors(meaning, self._drafts[meaning]))

    def _fill_address(self, raw: dict) -> None:
        from assistant.interview.address import fill_from_postal_code  # postal data: not needed to start

        fill = fill_from_postal_code(raw)
        self.editor.block.input.offer_towns(fill.towns if fill else ())
        if fill is None or not fill.parts:
            return
        self._drafts["address"] = filled = {**raw, **fill.parts}
        self.editor.block.input.set_raw(filled)
        announce(self.editor.block, _("Filled in from the postal code: {address}").format(
            address="".join(fill.parts.values())))

    def _on_save_clicked(self) -> None:
        meaning, raw = self._editing, self._drafts.get(self._editing)
        errors = value_errors(meaning, raw)
        if errors:
            # Nothing is rebuilt: what was typed stays, the problems are shown beside it.
            self._checked = True
            self.editor.block.show_errors(errors)
            target = self._show(self.editor.focus_input(errors[0].part))
            announce(target, _("{detail} was not saved: {problems}").format(
                detail=meaning_label(meaning), problems=self.editor.block.error.text()), assertive=True)
            return
        added = self._profile.get(meaning) is None
        self._profile = self._profile.with_value(meaning, raw)
        self._close_editor()
        self.profile_changed.emit(self._profile)
        target = self._show(self.change_buttons[meaning])
        message = _("{detail} added.") if added else _("{detail} changed.")
        announce(target, message.format(detail=meaning_label(meaning)))

    def _on_cancel_clicked(self) -> None:
        meaning = self._editing
        self._close_editor()
        target = self.change_buttons.get(meaning) or self.add_buttons.get(meaning) or self.close_button
        self._show(target)
        announce(target, _("{detail} not changed.").format(detail=meaning_label(meaning)))

    def _close_editor(self) -> None:
        self._drafts.pop(self._editing, None)
        self._editing, self._adding, self._checked = None, False, False
        self._render()

    def _show(self, widget: QWidget) -> QWidget:
        """Focus `widget` and scroll it into view (programmatic focus does not scroll)."""
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.scroll.isAncestorOf(widget):
            self.rows.layout().activate()
            self.scroll.ensureWidgetVisible(widget)
        return widget

    def _on_remove_clicked(self, meaning: str) -> None:
        order = list(self.remove_buttons)
        following = order[order.index(meaning) + 1:] + order[:order.index(meaning)][::-1]
        self._profile = self._profile.without(meaning)
        self._render()
        self.profile_changed.emit(self._profile)
        # the focus goes on to the next entry, so a keyboard user is never left nowhere
        target = next((self.remove_buttons[m] for m in following if m in self.remove_buttons), self.keep)
        target.setFocus(Qt.FocusReason.OtherFocusReason)
        announce(target, _("{detail} removed.").format(detail=meaning_label(meaning)))

    def _on_keep_toggled(self, keep: bool) -> None:
        self._profile = self._profile.keeping_my_number(keep)
        self._render()
        self.profile_changed.emit(self._profile)

    def _on_delete_all_clicked(self) -> None:
        self.confirmation.setVisible(True)
        self.keep_them.setFocus(Qt.FocusReason.OtherFocusReason)   # the safe answer first
        announce(self.question, self.question.text(), assertive=True)

    def _on_keep_them_clicked(self) -> None:
        self.confirmation.setVisible(False)
        self.delete_all.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_confirm_delete_clicked(self) -> None:
        self.confirmation.setVisible(False)
        self._editing, self._adding, self._checked, self._drafts = None, False, False, {}
        self._profile = Profile()
        self._render()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.delete_all_requested.emit()
