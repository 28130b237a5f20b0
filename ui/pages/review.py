"""Review: every answer with a Change button, then make the files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from assistant.i18n import _, bilingual
from ui.a11y import SpokenLineEdit
from ui.widgets.nav import NavRow

if TYPE_CHECKING:
    from assistant.interview.session import ReviewItem
    from ui.bridge import SessionBridge


class ReviewPage(QWidget):
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge: SessionBridge | None = None
        layout = QVBoxLayout(self)
        self.progress = QLabel(self)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the answers take the focus, not the frame
        self.next_info = QLabel(self)
        self.next_info.setWordWrap(True)
        self.status = QLabel(self)
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.back = QPushButton(self)
        self.back.setObjectName("back")
        self.export = QPushButton(self)
        self.export.setObjectName("export")
        self.export.setDefault(True)
        nav = NavRow(self.back, self.export, self)
        for widget in (self.progress, self.title, self.intro):
            layout.addWidget(widget)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.next_info)
        layout.addWidget(self.status)
        layout.addWidget(nav)
        self.back.clicked.connect(self._on_back_clicked)
        self.export.clicked.connect(self._on_export_clicked)

    def attach(self, bridge: SessionBridge) -> None:
        self.bridge = bridge

    def render(self) -> None:
        session = self.bridge.session
        n, total = session.position
        self.progress.setText(_("Step {current} of {total}").format(current=n, total=total))
        self.title.setText(_("Check your answers"))
        self.intro.setText(_("Read each answer. To correct one, press its Change button."))
        self.next_info.setText(_("What happens next: the form is saved as a PDF to print, sign and bring to "
                                 "{office}, with a list of what to bring.").format(
                                     office=bilingual(session.procedure.office.name)))
        self.back.setText(_("← &Back"))
        self.export.setText(_("&Create the form (PDF)"))
        self.status.setText("")
        # Arriving here, the focus is on "Create the form": its description says where the person
        # is and what it does. Orca 43 drops the window-title change and ignores announcements;
        # NVDA (UIA HelpText) and VoiceOver (AXHelp) read a focused button's description too.
        self.export.setAccessibleDescription("\n".join((
            _("Step {current}/{total} {title}").format(current=n, total=total, title=self.title.text()),
            self.intro.text(), self.next_info.text())))
        content = QWidget()
        rows = QVBoxLayout(content)
        for item in session.review():
            self._add_row(rows, item)
        rows.addStretch(1)
        # setWidget deletes the old answers itself, now, on this thread. takeWidget() handed them to
        # Python, whose garbage collector may then delete them from a worker thread (the export
        # runs in one) while the screen reader's queries are served here: a crash under Orca.
        self.scroll.setWidget(content)

    def _add_row(self, rows: QVBoxLayout, item: ReviewItem) -> None:
        # Label above, answer and Change beside it: fits at any text size without sideways scrolling.
        label = QLabel(item.label)
        label.setWordWrap(True)
        value = SpokenLineEdit(item.display or _("(not answered)"))
        value.setReadOnly(True)
        value.setObjectName(f"review_{item.field_id}")
        value.setAccessibleName(item.label)
        label.setBuddy(value)
        change = QPushButton(_("Change"))
        change.setObjectName(f"change_{item.field_id}")
        change.setAccessibleName(_("Change: {question}").format(question=item.label))
        change.clicked.connect(lambda _checked=False, step=item.step_id: self._on_change_clicked(step))
        line = QHBoxLayout()
        line.addWidget(value, 1)
        line.addWidget(change)
        rows.addWidget(label)
        rows.addLayout(line)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter on an answer box means "create the form"; buttons handle Enter themselves.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.export.isEnabled():
            self._on_export_clicked()
            return
        super().keyPressEvent(event)

    def _on_change_clicked(self, step_id: str) -> None:
        self.bridge.session.go_to(step_id, then_review=True)

    def _on_back_clicked(self) -> None:
        self.bridge.session.back()

    def _on_export_clicked(self) -> None:
        self.export_requested.emit()
