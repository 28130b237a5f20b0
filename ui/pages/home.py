"""Home: find a procedure by words in any language and start it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from assistant.i18n import _, bilingual, ngettext
from ui.a11y import SpokenLineEdit, announce, plain_label
from ui.furigana import kana, plain
from ui.widgets.flow import reveal, scrolling
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label


def local_time(iso: str) -> str:
    """A saved time as a person reads it: local date and time to the minute."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso


if TYPE_CHECKING:
    from assistant.procedures.catalog import Catalog


class HomePage(QWidget):
    procedure_chosen = Signal(str)
    draft_resumed = Signal(str)
    draft_deleted = Signal(str)
    passphrase_requested = Signal()
    details_requested = Signal()

    def __init__(self, catalog: Catalog | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        layout = QVBoxLayout(self)
        # Created in the order shown: that is the order screen readers meet them in.
        self.heading = Label(self)
        self.heading.setProperty("role", "heading")
        self.intro = Label(self)
        self.intro.setObjectName("home_intro")
        self._build_drafts()
        self.search_label = Label(self)
        self.search = SpokenLineEdit(self)
        self.search.setObjectName("search")
        # no clear button: Qt's is an unnamed 22-pixel icon, too small a target (44 px is ours)
        self.search_label.setBuddy(self.search)
        self.list_label = Label(self)
        self.list = QListWidget(self)
        self.list.setObjectName("procedure_list")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_label.setBuddy(self.list)
        self.start = QPushButton(self)
        self.start.setObjectName("start")
        # Enter presses it, as a screen-reader user expects (Space alone did; outside a dialog a
        # button takes Enter only when auto-default). Same in NVDA and VoiceOver (keyboard, not AT).
        self.start.setAutoDefault(True)
        self.details = QPushButton(self)
        self.details.setObjectName("my_details")
        self.details.setVisible(False)        # once drafts (and so details) can be kept encrypted
        self.broken = Label(self)
        self.broken.setWordWrap(True)
        self.broken.setProperty("role", "error")
        # why drafts cannot be kept or opened yet: after the list, created here so it is also read there
        self.keys_box = QWidget(self)
        keys = QVBoxLayout(self.keys_box)
        keys.setContentsMargins(0, 0, 0, 0)
        self.drafts_note = Label(self.keys_box)
        self.drafts_note.setObjectName("drafts_note")
        self.drafts_note.setWordWrap(True)
        self.protect = QPushButton(self.keys_box)
        self.protect.setObjectName("passphrase")
        keys.addWidget(self.drafts_note)
        keys.addWidget(self.protect)
        self.protect.clicked.connect(self.passphrase_requested.emit)
        self.show_drafts([])
        # One scrolling area; the way to start stays in view below it at any text size. What the
        # application does comes first; why drafts cannot be kept (keys, PIN) after the list.
        self.scroll = scrolling(self, [self.heading, self.intro, self.drafts_box, self.search_label, self.search,
                                       self.list_label, self.list, self.broken, self.keys_box])
        body = self.scroll.widget().layout()
        body.setStretch(6, 1)       # the list takes the room there is
        body.setStretch(9, 0)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(NavRow(self.start, self.details, self))
        QWidget.setTabOrder(self.list, self.start)
        for label in (self.heading, self.intro, self.search_label, self.list_label):
            label.setWordWrap(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_start_clicked)
        self.list.itemActivated.connect(self._on_start_clicked)
        self.start.clicked.connect(self._on_start_clicked)
        self.details.clicked.connect(self.details_requested.emit)
        self.retranslate_ui()

    def _build_drafts(self) -> None:
        """Unfinished procedures first: most people come back to finish one."""
        self.drafts_box = QWidget(self)
        box = QVBoxLayout(self.drafts_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.drafts_label = Label(self.drafts_box)
        self.drafts_label.setWordWrap(True)
        self.drafts = QListWidget(self.drafts_box)
        self.drafts.setObjectName("draft_list")
        self.drafts.setWordWrap(True)
        self.drafts_label.setBuddy(self.drafts)
        self.resume = QPushButton(self.drafts_box)
        self.resume.setObjectName("resume")
        self.delete = QPushButton(self.drafts_box)
        self.delete.setObjectName("delete_draft")
        for widget in (self.drafts_label, self.drafts, self.resume, self.delete):
            box.addWidget(widget)
        self.resume.clicked.connect(self._on_resume_clicked)
        self.drafts.itemActivated.connect(self._on_resume_clicked)
        self.delete.clicked.connect(self._on_delete_clicked)
        self._draft_infos: list = []
        self._note = ""

    def show_drafts(self, infos: list) -> None:
        """The unfinished procedures (newest first); the section hides when there are none."""
        self._draft_infos = infos
        self.drafts.clear()
        for info in infos:
            item = QListWidgetItem(kana(self._draft_text(info)))
            item.setData(Qt.ItemDataRole.AccessibleTextRole, plain(self._draft_text(info)))
            item.setData(Qt.ItemDataRole.UserRole, info.draft_id)
            self.drafts.addItem(item)
        if infos:
            self.drafts.setCurrentRow(0)
        for widget in (self.drafts_label, self.drafts, self.resume, self.delete):
            widget.setVisible(bool(infos))
        self.drafts_box.setVisible(bool(infos))
        self.keys_box.setVisible(bool(self._note))

    def show_drafts_note(self, note: str, offer_passphrase: bool) -> None:
        """Say why drafts cannot be kept or opened yet, with the way out when there is one."""
        self._note = note
        self.drafts_note.setText(note)
        self.drafts_note.setVisible(bool(note))
        # the window's focus on the button that goes (e.g. behind the PIN dialog): keep it on this page,
        # on the search box, not wherever Qt's focus chain leads after the last widget (the header)
        keep_focus = self.window().focusWidget() is self.protect and not (offer_passphrase and note)
        self.protect.setVisible(offer_passphrase)
        self.keys_box.setVisible(bool(note))
        if keep_focus:
            self.search.setFocus(Qt.FocusReason.OtherFocusReason)

    def _draft_text(self, info) -> str:
        title = _("(cannot be opened)")
        if info.procedure_id and self.catalog is not None:
            try:
                title = bilingual(self.catalog.get(info.procedure_id).title)
            except KeyError:
                title = info.procedure_id
        when = local_time(info.updated) if info.updated else ""
        return _("{procedure} — saved {time}").format(procedure=title, time=when)

    def chosen_procedure(self) -> str | None:
        """The id of the procedure selected in the list, if any."""
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _current_draft(self) -> str | None:
        item = self.drafts.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _on_resume_clicked(self, *_args: object) -> None:
        if (draft_id := self._current_draft()) is not None:
            self.draft_resumed.emit(draft_id)

    def _on_delete_clicked(self) -> None:
        if (draft_id := self._current_draft()) is not None:
            self.draft_deleted.emit(draft_id)

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.retranslate_ui()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self, self._reveal_search)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.scroll.verticalScrollBar().value() == 0:     # not while the person has scrolled
            QTimer.singleShot(0, self, self._reveal_search)

    def _reveal_search(self) -> None:
        # At large text the sentence on what the application makes can fill the window: the search
        # box (the first thing to use) is scrolled into view once laid out, with what fits above it.
        if self.search.isVisible():
            reveal(self.scroll, self.search_label, self.search)

    def retranslate_ui(self) -> None:
        self.drafts_label.setText(_("&Unfinished procedures (saved on this computer, encrypted)"))
        self.drafts.setAccessibleName(_("Unfinished procedures"))
        self.resume.setText(_("&Continue the chosen one"))
        self.delete.setText(_("&Delete the chosen one"))
        self.protect.setText(_("Choose a PIN to keep drafts…"))
        self.show_drafts(self._draft_infos)
        self.intro.setText(_("This application makes the official form as a PDF for you to print, sign and bring "
                             "to the office, with a list of what to bring."))
        self.heading.setText(_("Which procedure do you want to do?"))
        self.search_label.setText(_("&Search (Japanese or English words)"))
        self.search.setPlaceholderText(_("e.g. 住民票 or residence"))
        self.list_label.setText(_("&Procedures"))
        self.list.setAccessibleName(_("Procedures"))
        # Orca says a box's linked label as its name, NVDA and VoiceOver the box's own name: both
        # without the shortcut mark (Qt drops only the "&" of a Japanese "(&S)", leaving "(S)").
        for label in (self.search_label, self.list_label, self.drafts_label):
            label.setAccessibleName(plain_label(label.text()))
        self.search.setAccessibleName(plain_label(self.search_label.text()))
        self.start.setText(_("S&tart the chosen procedure"))
        self.details.setText(_("My saved &details…"))
        broken = self.catalog.broken_files if self.catalog else []
        self.broken.setVisible(bool(broken))
        if broken:
            self.broken.setText(ngettext(
                "This procedure file could not be loaded and is not listed: {files}. "
                "Ask the person who installed the application to check it.",
                "These procedure files could not be loaded and are not listed: {files}. "
                "Ask the person who installed the application to check them.",
                len(broken)).format(files=", ".join(f.name for f in broken)))
        self._fill(self.search.text())

    def _fill(self, query: str) -> None:
        if self.catalog is None:
            self.list.clear()
            self.list.addItem(kana(_("Loading the procedures…")))
            self.start.setEnabled(False)
            return
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        for procedure in self.catalog.search(query):
            # a list item cannot draw ruby: やさしい日本語 in kana, read in plain text (ui/furigana.py)
            item = QListWidgetItem(kana(f"{bilingual(procedure.title)}\n{bilingual(procedure.summary)}"))
            item.setData(Qt.ItemDataRole.UserRole, procedure.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, plain(bilingual(procedure.title)))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, plain(bilingual(procedure.summary)))
            self.list.addItem(item)
            if procedure.id == current:
                self.list.setCurrentItem(item)
        if self.list.count() and self.list.currentItem() is None:
            self.list.setCurrentRow(0)
        self.start.setEnabled(self.list.count() > 0)

    def _on_search_text_changed(self, text: str) -> None:
        self._fill(text)

    def _on_start_clicked(self, *_args: object) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        chosen = item.data(Qt.ItemDataRole.UserRole)
        if self.catalog is not None and not self.catalog.check(chosen):
            # listed from its head, the file failed when loaded in full: it joins the broken list
            self.retranslate_ui()
            announce(self.broken, self.broken.text(), assertive=True)
            return
        self.procedure_chosen.emit(chosen)
