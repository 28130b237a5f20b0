"""Review: every question that applies and its answer, read from the session's Record (options in
the interface language with the official Japanese beside them), with a Change button; then make
the files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (QHBoxLayout, QLineEdit, QPushButton, QScrollArea,
                               QVBoxLayout, QWidget)

from assistant.i18n import _, bilingual
from assistant.interview.record import Record
from ui.a11y import SpokenLineEdit
from ui.widgets.flow import PageScroll, reveal
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label

if TYPE_CHECKING:
    from assistant.interview.record import Row
    from ui.bridge import SessionBridge


class ReviewPage(QWidget):
    export_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bridge: SessionBridge | None = None
        layout = QVBoxLayout(self)
        # One scrolling area for the title, the answers and what happens next; the status and the
        # way on stay in view below it (as on every step).
        self.scroll = PageScroll(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the answers take the focus, not the frame
        body = QWidget()
        self.body_layout = QVBoxLayout(body)
        self.body_layout.setContentsMargins(0, 0, 0, 0)
        self.progress = Label(body)
        self.title = Label(body)
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.intro = Label(body)
        self.intro.setWordWrap(True)
        self.answers_box = QWidget(body)    # holds the rows, made again on each render (in reading order)
        QVBoxLayout(self.answers_box).setContentsMargins(0, 0, 0, 0)
        self.answer_rows = QWidget(self.answers_box)
        self.answers_box.layout().addWidget(self.answer_rows)
        self.next_info = Label(body)
        self.next_info.setWordWrap(True)
        for widget in (self.progress, self.title, self.intro, self.answers_box, self.next_info):
            self.body_layout.addWidget(widget)
        self.body_layout.addStretch(1)
        self.scroll.setWidget(body)
        self.status = Label(self)
        self.status.setObjectName("export_status")
        self.status.setWordWrap(True)
        self.back = QPushButton(self)
        self.back.setObjectName("back")
        self.export = QPushButton(self)
        self.export.setObjectName("export")
        self.export.setDefault(True)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.status)
        layout.addWidget(NavRow(self.back, self.export, self))
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
        self.next_info.setText("\n".join((
            _("What happens next: the form is saved as a PDF for you to print and sign, with a list of what to "
              "bring."),
            _("Where to bring it: {office}").format(office=bilingual(session.procedure.office.name)))))
        self.back.setText(_("← &Back"))
        self.export.setText(_("&Create the form (PDF)"))
        self.status.setText("")
        # Arriving here, the focus is on "Create the form": its description says where the person
        # is and what it does. Orca 43 drops the window-title change and ignores announcements;
        # NVDA (UIA HelpText) and VoiceOver (AXHelp) read a focused button's description too.
        self.export.setAccessibleDescription("\n".join((
            _("Step {current}/{total} {title}").format(current=n, total=total, title=self.title.text()),
            self.intro.text(), self.next_info.text())))
        content = QWidget(self.answers_box)
        rows = QVBoxLayout(content)
        rows.setContentsMargins(0, 0, 0, 0)
        for row in Record.of(session).questions:
            self._add_row(rows, row)
        self.answers_box.layout().replaceWidget(self.answer_rows, content)
        # Out of the window at once (findChild and screen readers must not meet the old answers),
        # deleted by Qt on this thread; the reference kept here stops Python from deleting it first.
        self.answer_rows.hide()
        self.answer_rows.setParent(None)
        self.answer_rows.deleteLater()
        self._old_rows, self.answer_rows = self.answer_rows, content
        self.scroll.verticalScrollBar().setValue(0)
        values = content.findChildren(QLineEdit)
        if values:      # once laid out: the first answer in view, with as much above it as fits
            QTimer.singleShot(0, lambda: values[0].isVisible() and reveal(self.scroll, values[0], values[0]))

    def _add_row(self, rows: QVBoxLayout, row: Row) -> None:
        # Label above, answer and Change beside it: fits at any text size without sideways scrolling.
        label = Label(row.label)
        label.setWordWrap(True)
        value = SpokenLineEdit(row.display or _("(not answered)"))
        value.setCursorPosition(0)    # a long answer shows its beginning
        value.setReadOnly(True)
        value.setObjectName(f"review_{row.path}")
        value.setAccessibleName(row.label)
        label.setBuddy(value)
        change = QPushButton(_("Change"))
        change.setObjectName(f"change_{row.path}")
        change.setAccessibleName(_("Change: {question}").format(question=row.label))
        change.clicked.connect(lambda _checked=False, step=row.step_id: self._on_change_clicked(step))
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
