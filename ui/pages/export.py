"""Export done: where the files are, open the folder, open the PDF to print."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from typing import TYPE_CHECKING

from assistant.i18n import _, bilingual
from ui.a11y import SpokenLineEdit, spoken_label

if TYPE_CHECKING:
    from assistant.export.package import ExportResult
    from assistant.procedures.model import Procedure


class ExportPage(QWidget):
    finished = Signal()
    save_details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ExportResult | None = None
        self.procedure: Procedure | None = None
        layout = QVBoxLayout(self)
        self.title = QLabel(self)
        self.title.setProperty("role", "heading")
        self.title.setWordWrap(True)
        self.where_label = QLabel(self)
        self.where = SpokenLineEdit(self)
        self.where.setObjectName("export_folder")
        self.where.setReadOnly(True)
        self.where_label.setBuddy(self.where)
        self.next_steps = QLabel(self)
        self.next_steps.setWordWrap(True)
        self.next_steps.setObjectName("next_steps")
        # What to do now (print, sign, where, what to bring) must be reachable with Tab: a label is
        # skipped by Tab, and Orca 43 offers no other way than its flat review to read it.
        self.next_steps.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.open_folder = QPushButton(self)
        self.open_folder.setObjectName("open_folder")
        self.print_pdf = QPushButton(self)
        self.print_pdf.setObjectName("print_pdf")
        self.open_letter = QPushButton(self)
        self.open_letter.setObjectName("open_power_of_attorney")
        self.open_copy = QPushButton(self)
        self.open_copy.setObjectName("open_copy")
        self.details_note = QLabel(self)
        self.details_note.setObjectName("details_note")
        self.details_note.setWordWrap(True)
        self.save_details = QPushButton(self)
        self.save_details.setObjectName("save_details")
        self.done = QPushButton(self)
        self.done.setObjectName("done")
        self.details_offer: list[str] = []      # what "Save my details" would keep (labels)
        self.helped_by = ""                     # "Filled in with help from …", when someone helped
        for widget in (self.title, self.where_label, self.where, self.next_steps, self.open_folder,
                       self.print_pdf, self.open_letter, self.open_copy, self.details_note, self.save_details, self.done):
            layout.addWidget(widget)
        layout.addStretch(1)
        self.open_folder.clicked.connect(self._on_open_folder_clicked)
        self.print_pdf.clicked.connect(self._on_print_pdf_clicked)
        self.open_letter.clicked.connect(self._on_open_letter_clicked)
        self.open_copy.clicked.connect(self._on_open_copy_clicked)
        self.save_details.clicked.connect(self.save_details_requested.emit)
        self.done.clicked.connect(self.finished.emit)

    def show_result(self, procedure: Procedure, result: ExportResult, bring: list[str], *,
                    details_offer: list[str] = (), helped_by: str = "") -> None:
        """`details_offer`: the labels of the details "Save my details" would keep (none: no offer)."""
        self.procedure, self.result, self.bring = procedure, result, bring
        self.details_offer, self.helped_by = list(details_offer), helped_by
        self.details_note.setText("")
        self.retranslate_ui()

    def show_copy(self, result: ExportResult) -> bool:
        """The person's own copy was made after the form: offer it (False: another export is shown)."""
        if self.result is None or result.folder != self.result.folder:
            return False
        self.result = result
        self.open_copy.setVisible(True)
        return True

    def details_saved(self, message: str) -> None:
        self.details_offer = []
        self.save_details.setVisible(False)
        self.details_note.setText(message)
        self.details_note.setVisible(True)

    def retranslate_ui(self) -> None:
        if self.result is None:
            return
        self.title.setText(_("Your form is ready."))
        self.where_label.setText(_("The files are in this folder:"))
        self.where.setText(str(self.result.folder))
        steps = [_("1. Print the PDF, write the date and sign it."),
                 _("2. Bring it to: {office}").format(office=bilingual(self.procedure.office.name))]
        if self.bring:
            steps.append(_("3. Bring these too: {documents}").format(documents="、".join(self.bring)))
        if self.result.missing:
            # On screen only (never logged): the person needs to know which characters to write.
            steps.insert(0, _("This computer has no font for these characters, so they are blank on the "
                              "paper: {characters}. Write them in by hand before you sign.").format(
                                  characters="、".join(sorted(self.result.missing))))
        letter = getattr(self.result, "power_of_attorney", None)
        if letter is not None:
            steps.append(_("A power of attorney (委任状) was made too: the resident reads it, writes the date and "
                           "signs it, and the representative brings it."))
        if self.helped_by:
            steps.append(self.helped_by)
        self.next_steps.setText("\n".join(steps))
        self.next_steps.setAccessibleName(self.next_steps.text())
        # The focus lands on the folder box: its description says the form is ready, then the
        # steps. Orca 43 says it after the folder (setText's caret event reaches Orca before the
        # focus event, so it presents the box as text rather than as a newly focused object and
        # says no label); NVDA (UIA HelpText) and VoiceOver (AXHelp) read it with the label, and
        # hear the announcement "Your form is ready." (main window) as well.
        self.where.setAccessibleDescription("\n".join((self.title.text(), self.next_steps.text())))
        self.open_letter.setVisible(letter is not None)
        self.open_letter.setText(_("Open the power of &attorney (委任状) to print"))
        copy = getattr(self.result, "copy", None)
        self.open_copy.setVisible(copy is not None)
        self.open_copy.setText(_("Open your own &copy (in your language, not for submission)"))
        self.save_details.setVisible(bool(self.details_offer))
        if self.details_offer:
            self.details_note.setText(_("Save these details for the next form, so you need not type them again: "
                                        "{details}. They are kept encrypted on this computer.").format(
                                            details=", ".join(self.details_offer)))
        self.details_note.setVisible(bool(self.details_note.text()))
        self.save_details.setText(_("&Save my details for next time"))
        self.open_folder.setText(_("&Open the folder"))
        self.print_pdf.setText(_("Open the PDF to &print"))
        self.done.setText(_("&Back to the list of procedures"))
        for button in (self.open_letter, self.open_copy, self.save_details, self.open_folder, self.print_pdf, self.done):
            button.setAccessibleName(spoken_label(button.text()))    # no "(P)" read aloud

    def _on_open_folder_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder)))

    def _on_open_letter_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.power_of_attorney)))

    def _on_open_copy_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.copy)))

    def _on_print_pdf_clicked(self) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.pdf)))
