"""Export done: what to do next (print, where to go, what to bring and why, what need not be
brought, deadlines with days left, fee, hours), print through Qt's own dialog, open the files,
save a copy of the whole package to a USB stick or any folder.

The texts are the core's (assistant.export.next_steps); every action that fails says so in words
in the status line, which is announced.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QLabel, QPushButton, QVBoxLayout, QWidget

from assistant.export.next_steps import copy_package, missing_characters, next_steps
from assistant.export.proxy_letter import TITLE as LETTER
from assistant.export.proxy_letter import title as letter_title
from assistant.i18n import _
from assistant.interview.display import listed
from ui.a11y import SpokenLineEdit, announce, spoken_label
from ui.widgets.flow import scrolling
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label
from ui.widgets.wrap_button import WrapButton

if TYPE_CHECKING:
    from assistant.export.package import ExportResult
    from assistant.interview.session import Session


def _label(parent: QWidget, name: str, role: str = "") -> QLabel:
    label = Label(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    if role:
        label.setProperty("role", role)
    return label


class ExportPage(QWidget):
    finished = Signal()
    save_details_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.result: ExportResult | None = None
        self.session: Session | None = None
        self.shared_pc = False
        #: the folder chooser of "Save a copy to…" (a test gives its own)
        self.choose_folder = lambda: QFileDialog.getExistingDirectory(self, _("Save a copy to…"))
        self.print_files = None                 # set below: ui.printing.print_files, loaded when first used
        layout = QVBoxLayout(self)
        self.title = _label(self, "done_title", "heading")
        self.next_steps = _label(self, "next_steps")
        self.status = _label(self, "done_status")
        self.status.setVisible(False)
        # What to do now (print, sign, where, what to bring) must be reachable with Tab: a label is
        # skipped by Tab, and Orca 43 offers no other way than its flat review to read it.
        self.next_steps.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.print_pdf = QPushButton(self)
        self.print_pdf.setObjectName("print_pdf")
        self.open_pdf = WrapButton(self)
        self.open_pdf.setObjectName("open_pdf")
        self.open_letter = WrapButton(self)
        self.open_letter.setObjectName("open_power_of_attorney")
        self.open_copy = WrapButton(self)
        self.open_copy.setObjectName("open_copy")
        self.take_home = _label(self, "take_home_note")
        self.save_copy = WrapButton(self)
        self.save_copy.setObjectName("save_copy")
        self.where_label = Label(self)
        self.where_label.setWordWrap(True)
        self.where = SpokenLineEdit(self)
        self.where.setObjectName("export_folder")
        self.where.setReadOnly(True)
        self.where_label.setBuddy(self.where)
        self.open_folder = WrapButton(self)
        self.open_folder.setObjectName("open_folder")
        self.details_note = _label(self, "details_note")
        self.save_details = WrapButton(self)
        self.save_details.setObjectName("save_details")
        self.done = QPushButton(self)
        self.done.setObjectName("done")
        self.details_offer: list[str] = []      # what "Save my details" would keep (labels)
        self.helped_by = ""                     # "Filled in with help from …", when someone helped
        # Everything scrolls in one area but the way to print and the way back, which stay in view.
        layout.addWidget(scrolling(self, [self.title, self.next_steps, self.status, self.open_pdf, self.open_letter,
                                          self.open_copy, self.take_home, self.save_copy, self.where_label, self.where,
                                          self.open_folder, self.details_note, self.save_details]), 1)
        layout.addWidget(NavRow(self.done, self.print_pdf, self))
        QWidget.setTabOrder(self.save_details, self.done)     # the order seen: the scrolling area, then the row
        QWidget.setTabOrder(self.done, self.print_pdf)
        self.print_pdf.clicked.connect(self._on_print_pdf_clicked)
        self.open_pdf.clicked.connect(self._on_open_pdf_clicked)
        self.open_folder.clicked.connect(self._on_open_folder_clicked)
        self.open_letter.clicked.connect(self._on_open_letter_clicked)
        self.open_copy.clicked.connect(self._on_open_copy_clicked)
        self.save_copy.clicked.connect(self._on_save_copy_clicked)
        self.save_details.clicked.connect(self.save_details_requested.emit)
        self.done.clicked.connect(self.finished.emit)

    def show_result(self, session: Session, result: ExportResult, *, details_offer: list[str] = (),
                    helped_by: str = "") -> None:
        """`details_offer`: the labels of the details "Save my details" would keep (none: no offer)."""
        self.session, self.result = session, result
        self.details_offer, self.helped_by = list(details_offer), helped_by
        self.details_note.setText("")
        self.show_status("")
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

    def show_status(self, message: str) -> None:
        """What an action did or why it failed, in words, announced."""
        self.status.setText(message)
        self.status.setVisible(bool(message))
        if message:
            announce(self.status, message, assertive=True)

    # --- texts --------------------------------------------------------------------------------

    def steps_text(self) -> str:
        """What to do next, numbered, one item a paragraph."""
        letter = getattr(self.result, "power_of_attorney", None)
        steps = next_steps(self.session, power_of_attorney=letter is not None)
        items = [missing_characters(self.result.missing),
                 "\n".join(filter(None, (steps.sign, steps.letter, steps.applicant_note))),
                 "\n".join(filter(None, (steps.where, steps.municipality, steps.hours)))]
        if steps.bring:
            items.append("\n".join([_("What to bring:"), *("□ " + document for document in steps.bring)]))
        if steps.omitted:
            items.append("\n".join([_("What you need not bring:"), *steps.omitted]))
        if steps.deadlines:
            items.append("\n".join([_("Deadlines:"), *steps.deadlines]))
        items += [steps.fee, steps.deadline, self.helped_by]
        return "\n\n".join(item for item in items if item)

    def retranslate_ui(self) -> None:
        if self.result is None:
            return
        self.title.setText(_("Your form is ready. What to do next:"))
        self.next_steps.setText(self.steps_text())
        letter = getattr(self.result, "power_of_attorney", None)
        own_title = letter_title(self.session.procedure) if letter is not None else LETTER
        document = own_title        # official Japanese, as "(委任状)" is in the other buttons' wording
        if letter is None:
            self.print_pdf.setText(_("&Print the form…"))
        elif own_title == LETTER:
            self.print_pdf.setText(_("&Print the form and the power of attorney (委任状)…"))
        else:   # i18n: {document} is the municipality's name for the letter, e.g. 代理人選任届 for 印鑑登録
            self.print_pdf.setText(_("&Print the form and the representative's letter ({document})…")
                                   .format(document=document))
        self.open_pdf.setText(_("Open the form (P&DF)"))
        self.next_steps.setAccessibleName(self.next_steps.text())
        # The focus lands on Print; the folder box's description says the form is ready, then the
        # steps. Orca 43 presents a box filled by setText as text rather than as a newly focused
        # object; NVDA (UIA HelpText) and VoiceOver (AXHelp) read it with the label, and hear the
        # announcement "Your form is ready." (main window) as well.
        ready = "\n".join((self.title.text(), self.next_steps.text()))
        self.print_pdf.setAccessibleDescription(ready)    # where the focus lands: said with the button
        self.where.setAccessibleDescription(ready)
        self.open_letter.setVisible(letter is not None)
        self.open_letter.setText(_("Open the power of &attorney (委任状)") if own_title == LETTER
                                 else _("Open the represent&ative's letter ({document})").format(document=document))
        copy = getattr(self.result, "copy", None)
        self.open_copy.setVisible(copy is not None)
        self.open_copy.setText(_("Open your own &copy (in your language, not for submission)"))
        self.take_home.setText(_("This is a shared computer: to take your files home, save a copy to your USB "
                                 "stick. Ending the session erases them here.") if self.shared_pc
                               else _("To take the files with you, save a copy to a USB stick or any folder."))
        self.save_copy.setText(_("Save a cop&y to…"))
        self.where_label.setText(_("The files are saved in this folder on this computer:"))
        self.where.setText(str(self.result.folder))
        self.where.setCursorPosition(0)
        self.open_folder.setText(_("&Open the folder"))
        self.save_details.setVisible(bool(self.details_offer))
        if self.details_offer:
            self.details_note.setText(_("Save these details for the next form, so you need not type them again: "
                                        "{details}. They are kept encrypted on this computer.").format(
                                            details=listed(list(self.details_offer))))
        self.details_note.setVisible(bool(self.details_note.text()))
        self.save_details.setText(_("&Save my details for next time"))
        self.done.setText(_("&Back to the list of procedures"))
        for button in (self.open_pdf, self.open_letter, self.open_copy, self.save_copy, self.save_details, self.open_folder,
                       self.print_pdf, self.done):
            button.setAccessibleName(spoken_label(button.text()))    # no "(P)" read aloud

    # --- actions ------------------------------------------------------------------------------

    def _open(self, path: Path) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(path))):
            self.show_status(_("No program to show {file} was found on this computer. Use “Print” above, or save "
                               "a copy and open it on another computer.").format(file=path.name))

    def _on_open_folder_clicked(self) -> None:
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.result.folder))):
            self.show_status(_("The folder could not be opened: no file manager was found. The files are in {folder}.")
                             .format(folder=self.result.folder))

    def _on_open_pdf_clicked(self) -> None:
        self._open(self.result.pdf)

    def _on_open_letter_clicked(self) -> None:
        self._open(self.result.power_of_attorney)

    def _on_open_copy_clicked(self) -> None:
        self._open(self.result.copy)

    def _on_print_pdf_clicked(self) -> None:
        if self.print_files is None:
            from ui.printing import print_files

            self.print_files = print_files
        files = [p for p in (self.result.pdf, getattr(self.result, "power_of_attorney", None)) if p is not None]
        self.show_status(self.print_files(files, self))

    def _on_save_copy_clicked(self) -> None:
        chosen = self.choose_folder()
        if not chosen:
            return                      # cancelled: nothing to say
        try:
            copied = copy_package(self.result.folder, Path(chosen))
        except OSError:
            self.show_status(_("The files could not be copied to {folder}. Check that the USB stick is plugged in, "
                               "not full and not write-protected, then try again.").format(folder=chosen))
            return
        self.show_status(_("A copy of all the files is in {folder}. You can take it with you.").format(folder=copied))
