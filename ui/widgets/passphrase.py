"""Ask for the PIN or passphrase that protects the drafts: one clear explanation, one or two
boxes, and the problem shown in words next to them (never only a colour)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLineEdit, QVBoxLayout, QWidget

from assistant.i18n import _
from ui.a11y import announce, plain_label
from ui.widgets.ruby import Label


class PassphraseDialog(QDialog):
    """Emits `submitted` with the passphrase; the window checks it in the background and then
    calls `accept()` or `show_problem()` — the dialog never waits on the UI thread."""

    submitted = Signal(str)

    def __init__(self, choosing: bool, explanation: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choosing = choosing
        self.setWindowTitle(_("Protect your drafts") if choosing else _("Open your drafts"))
        layout = QVBoxLayout(self)
        text = Label(explanation, self)
        text.setWordWrap(True)
        layout.addWidget(text)
        if choosing:
            advice = Label(_("A passphrase of several words (for example “blue kettle on the window”) is much "
                              "safer than a 4-digit PIN. Write it down and keep it apart from this computer."), self)
            advice.setWordWrap(True)
            layout.addWidget(advice)
        self.first = self._box(layout, _("&PIN or passphrase (at least 4 characters):"), "passphrase")
        self.second = self._box(layout, _("&Type it again:"), "passphrase_again") if choosing else None
        self.problem = Label("", self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)      # an empty label would still be in the accessibility tree
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Not now"))
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _box(self, layout: QVBoxLayout, label_text: str, name: str) -> QLineEdit:
        label = Label(label_text, self)
        label.setWordWrap(True)
        box = QLineEdit(self)
        box.setObjectName(name)
        box.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(box)
        box.setAccessibleName(plain_label(label.text()))
        layout.addWidget(label)
        layout.addWidget(box)
        return box

    def passphrase(self) -> str:
        return self.first.text()

    def set_checking(self) -> None:
        """While the key is being derived (a fraction of a second, in the background)."""
        self.ok.setEnabled(False)
        self.problem.setText(_("Checking…"))
        self.problem.setVisible(True)

    def show_problem(self, message: str) -> None:
        self.ok.setEnabled(True)
        self.problem.setText(message)
        self.problem.setVisible(True)
        self.first.setAccessibleDescription(message)
        self.first.setFocus()
        announce(self.problem, message, assertive=True)   # also when the focus was there already

    def _on_buttons_accepted(self) -> None:
        if self.second is not None and self.second.text() != self.first.text():
            self.show_problem(_("The two entries are not the same. Type the same PIN or passphrase twice."))
            return
        self.set_checking()
        self.submitted.emit(self.first.text())
