"""“My saved details”: what the once-only profile holds, each entry removable, My Number kept
only on request, everything deletable. The dialog only reports changes; the window saves them."""

from __future__ import annotations

import unicodedata
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QCheckBox, QDialog, QFrame, QLabel, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from assistant.drafts.profile import MEANINGS, MY_NUMBER, Profile
from assistant.formats import mask_my_number
from assistant.i18n import N_, _
from assistant.interview.parts import ADDRESS_PARTS, NAME_PARTS
from ui.a11y import announce
from ui.widgets.inputs import OptionRow
from ui.widgets.nav import NavRow

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
    """A saved answer as text: parts joined with spaces in their order, a My Number masked (only
    its last 4 digits), anything else as it was typed."""
    if meaning in _PARTS and isinstance(raw, dict):
        return " ".join(str(raw[part]).strip() for part in _PARTS[meaning] if str(raw.get(part) or "").strip())
    if meaning == MY_NUMBER:
        digits = "".join(ch for ch in unicodedata.normalize("NFKC", str(raw)) if ch.isdigit())
        return mask_my_number(digits)
    if meaning == "sex" and raw in SEX_LABELS:
        return _(SEX_LABELS[raw])
    return "" if raw is None else str(raw).strip()


class ProfileDialog(QDialog):
    """`profile_changed(Profile)` after each removal or change of the My Number choice;
    `delete_all_requested()` once the person confirmed deleting everything."""

    profile_changed = Signal(object)
    delete_all_requested = Signal()

    def __init__(self, profile: Profile | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile or Profile()
        self.remove_buttons: dict[str, QPushButton] = {}
        self.value_labels: dict[str, QLabel] = {}
        layout = QVBoxLayout(self)
        # Created in the order shown: that is the order screen readers meet them in.
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the buttons take the focus, not the frame
        self.rows = QWidget()
        self.rows_layout = QVBoxLayout(self.rows)
        self.scroll.setWidget(self.rows)
        self.empty = QLabel(self)
        self.empty.setObjectName("profile_empty")
        self.empty.setWordWrap(True)
        self.keep = QCheckBox(self)
        self.keep.setObjectName("keep_my_number")
        self.keep_row = OptionRow(self.keep, "", "", self)
        self.keep_warning = QLabel(self)
        self.keep_warning.setWordWrap(True)
        self.keep_warning.setProperty("role", "hint")
        self._build_confirmation()
        self.delete_all = QPushButton(self)
        self.delete_all.setObjectName("delete_all_details")
        self.close_button = QPushButton(self)
        self.close_button.setObjectName("close_details")
        self.close_button.setDefault(True)
        for widget in (self.intro, self.scroll, self.empty, self.keep_row, self.keep_warning, self.confirmation):
            layout.addWidget(widget, 1 if widget is self.scroll else 0)
        layout.addWidget(NavRow(self.delete_all, self.close_button, self))
        self.keep.toggled.connect(self._on_keep_toggled)
        self.delete_all.clicked.connect(self._on_delete_all_clicked)
        self.close_button.clicked.connect(self.accept)
        self.retranslate_ui()

    def _build_confirmation(self) -> None:
        """Asked in the dialog itself, so the question and both answers stay in reach."""
        self.confirmation = QFrame(self)
        self.confirmation.setObjectName("delete_all_confirmation")
        box = QVBoxLayout(self.confirmation)
        box.setContentsMargins(0, 0, 0, 0)
        self.question = QLabel(self.confirmation)
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
        self.delete_all.setText(_("&Delete all my saved details"))
        self.close_button.setText(_("&Close"))
        self.question.setText(_("Delete all your saved details from this computer? This cannot be undone."))
        self.keep_them.setText(_("No, keep them"))
        self.keep_them.setAccessibleDescription(self.question.text())
        self.confirm_delete.setText(_("Yes, delete all"))
        self.confirm_delete.setAccessibleDescription(self.question.text())
        self._render()

    def _render(self) -> None:
        """One row per saved entry, in the profile's order: label, value, Remove."""
        while self.rows_layout.count():
            old = self.rows_layout.takeAt(0).widget()
            if old is not None:
                old.setParent(None)   # gone from the dialog at once, not only after deleteLater
                old.deleteLater()
        self.remove_buttons, self.value_labels = {}, {}
        saved = [meaning for meaning in MEANINGS if self._profile.get(meaning) is not None]
        for meaning in saved:
            self.rows_layout.addWidget(self._row(meaning, self._profile.get(meaning)))
        self.rows_layout.addStretch(1)
        self.scroll.setVisible(bool(saved))
        self.empty.setVisible(not saved)
        self.keep.blockSignals(True)
        self.keep.setChecked(self._profile.keep_my_number)
        self.keep.blockSignals(False)

    def _row(self, meaning: str, raw: Any) -> QFrame:
        # Label, value, Remove one under the other: fits at any text size without sideways scrolling.
        row = QFrame(self.rows)
        row.setObjectName(f"detail_{meaning}")
        row.setFrameShape(QFrame.Shape.StyledPanel)   # which Remove belongs to which detail, at a glance
        rows = QVBoxLayout(row)
        rows.setContentsMargins(0, 4, 0, 4)
        label_text = meaning_label(meaning)
        label = QLabel(label_text, row)
        label.setWordWrap(True)
        label.setProperty("role", "field-label")
        value_text = display_value(meaning, raw)
        value = QLabel(value_text, row)
        value.setObjectName(f"value_{meaning}")
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        remove = QPushButton(_("Remove"), row)
        remove.setObjectName(f"remove_{meaning}")
        remove.setAccessibleName(_("Remove {detail}").format(detail=label_text))
        remove.setAccessibleDescription(_("{question}: {answer}").format(question=label_text, answer=value_text))
        remove.clicked.connect(lambda _checked=False, m=meaning: self._on_remove_clicked(m))
        rows.addWidget(label)
        rows.addWidget(value)
        rows.addWidget(remove, 0, Qt.AlignmentFlag.AlignLeft)
        self.remove_buttons[meaning], self.value_labels[meaning] = remove, value
        return row

    # --- reacting -----------------------------------------------------------------------------

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
        self._profile = Profile()
        self._render()
        self.close_button.setFocus(Qt.FocusReason.OtherFocusReason)
        self.delete_all_requested.emit()
