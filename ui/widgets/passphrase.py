"""Ask for the PIN or passphrase that protects the drafts: one clear explanation, one or two
boxes, and the problem shown in words next to them (never only a colour)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QMargins, QSize, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox, QLineEdit, QSizePolicy, QVBoxLayout, QWidget

from assistant.i18n import _
from ui.a11y import announce, plain_label
from ui.widgets.flow import reveal, scrolling
from ui.widgets.ruby import Label
from ui.widgets.text_dialog import fit_to_screen


class StackingButtonBox(QDialogButtonBox):
    """A dialog's buttons side by side, one under the other when the dialog is narrower than both
    labels (Filipino or Spanish at 300 %): never a button narrower than its label.

    A plain QDialogButtonBox tells the dialog it needs only a few pixels: the style sheet's
    `min-width` (ui/theme.py) gives every button an explicit minimum size, and a layout takes that
    over the button's own minimumSizeHint, so it squeezed "OK" below its text. The box's minimum is
    therefore worked out here from the buttons' hints, as `ui.widgets.nav.NavRow` does. Stacking only
    moves the buttons: they, their order for Tab, the default button (Enter) and Esc are unchanged."""

    def __init__(self, buttons: QDialogButtonBox.StandardButton, parent: QWidget | None = None) -> None:
        self._pending = False
        super().__init__(buttons, Qt.Orientation.Horizontal, parent)
        self._keep_policy()

    def _shown(self) -> list:
        return [b for b in self.buttons() if not b.isHidden()]

    def _spacing(self) -> int:
        return max(0, self.layout().spacing()) if self.layout() is not None else 0

    def _side_by_side_width(self) -> int:
        shown = self._shown()
        return sum(b.sizeHint().width() for b in shown) + self._spacing() * max(0, len(shown) - 1)

    def minimumSizeHint(self) -> QSize:
        hints = [b.minimumSizeHint().expandedTo(b.minimumSize()) for b in self._shown()]
        if not hints:
            return super().minimumSizeHint()
        margins = self.layout().contentsMargins() if self.layout() is not None else QMargins()
        extra = QSize(margins.left() + margins.right(), margins.top() + margins.bottom())
        width = max(h.width() for h in hints)
        if self.orientation() == Qt.Orientation.Horizontal:
            return QSize(width, max(h.height() for h in hints)) + extra
        return QSize(width, sum(h.height() for h in hints) + self._spacing() * (len(hints) - 1)) + extra

    def sizeHint(self) -> QSize:
        return super().sizeHint().expandedTo(self.minimumSizeHint())

    def _keep_policy(self) -> None:
        # setOrientation() makes a vertical box Fixed in width (as wide as its widest button):
        # stacked, the buttons take the dialog's whole width instead, easier to hit.
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def _arrange(self, width: int) -> None:
        wide = width >= self._side_by_side_width()
        orientation = Qt.Orientation.Horizontal if wide else Qt.Orientation.Vertical
        if self.orientation() != orientation:
            self.setOrientation(orientation)
            self._keep_policy()
            self.updateGeometry()       # the height it needs changed
            self.layout().activate()    # lay out now, not on a later pass of the event loop

    def _arrange_soon(self) -> None:
        # setOrientation() deletes the box's layout and makes a new one: never inside a resize or a
        # layout pass (that layout may be on the stack — a use after free), but once control is back
        # in the event loop
        if not self._pending:
            self._pending = True
            QTimer.singleShot(0, self, self._arrange_now)

    def _arrange_now(self) -> None:
        self._pending = False
        self._arrange(self.width())

    def resizeEvent(self, event) -> None:  # noqa: ANN001 (Qt's signature)
        super().resizeEvent(event)
        self._arrange_soon()

    def event(self, event: QEvent) -> bool:
        # a label or the text size changed, so the buttons' widths
        if event.type() == QEvent.Type.LayoutRequest:
            self._arrange_soon()
        return super().event(event)


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
        body: list[QWidget] = [text]
        self._labels: list[Label] = []      # each box's label
        if choosing:
            advice = Label(_("A passphrase of several words (for example “blue kettle on the window”) is much "
                              "safer than a 4-digit PIN. Write it down and keep it apart from this computer."), self)
            advice.setWordWrap(True)
            body.append(advice)
        self.first = self._box(body, _("&PIN or passphrase (at least 4 characters):"), "passphrase")
        self.second = self._box(body, _("&Type it again:"), "passphrase_again") if choosing else None
        # What is to read and the boxes scroll when the screen is too short for them (300 %); the
        # problem and the buttons below stay in view, each as tall as its text needs.
        self.scroll = scrolling(self, body)
        self._reveals_left = 0
        self.scroll.verticalScrollBar().rangeChanged.connect(self._on_scroll_range_changed)
        layout.addWidget(self.scroll, 1)
        self.problem = Label("", self)
        self.problem.setObjectName("passphrase_problem")
        self.problem.setProperty("role", "error")
        self.problem.setWordWrap(True)
        self.problem.setVisible(False)      # an empty label would still be in the accessibility tree
        layout.addWidget(self.problem)
        buttons = StackingButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(_("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(_("Not now"))
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self._on_buttons_accepted)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        fit_to_screen(self)

    def _box(self, body: list[QWidget], label_text: str, name: str) -> QLineEdit:
        label = Label(label_text, self)
        label.setWordWrap(True)
        box = QLineEdit(self)
        box.setObjectName(name)
        box.setEchoMode(QLineEdit.EchoMode.Password)
        label.setBuddy(box)
        box.setAccessibleName(plain_label(label.text()))
        body += [label, box]
        self._labels.append(label)
        return box

    def showEvent(self, event) -> None:  # noqa: ANN001 (Qt's signature)
        super().showEvent(event)
        self._reveals_left = 5
        QTimer.singleShot(0, self, self._reveal_first_box)    # once the dialog is laid out

    def _on_scroll_range_changed(self, *_range) -> None:
        # a large text size re-wraps the explanation (and the scroll bar narrows it) for a few
        # passes: the box is kept in view until the person moves on
        if self._reveals_left > 0 and QApplication.focusWidget() in (None, self, self.first):
            self._reveals_left -= 1
            QTimer.singleShot(0, self, self._reveal_first_box)

    def _reveal_first_box(self) -> None:
        """A long explanation at 300 %: scroll just enough that the first box is in view, with as
        much of its label and of the explanation above it as fits."""
        if self.isVisible():
            # Qt loses the last resize of the scrolled content while the dialog is being shown (the
            # scroll bar's margin narrows it): without this its layout kept the wider, first width
            self.scroll.widget().layout().invalidate()
            reveal(self.scroll, self._labels[0], self.first)

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
