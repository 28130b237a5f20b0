"""Home: find a procedure by words in any language and start it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from assistant.i18n import _, bilingual, ngettext

if TYPE_CHECKING:
    from assistant.procedures.catalog import Catalog


class HomePage(QWidget):
    procedure_chosen = Signal(str)

    def __init__(self, catalog: Catalog | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.catalog = catalog
        layout = QVBoxLayout(self)
        self.heading = QLabel(self)
        self.heading.setProperty("role", "heading")
        self.search_label = QLabel(self)
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.list = QListWidget(self)
        self.list.setObjectName("procedure_list")
        self.list.setWordWrap(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list_label = QLabel(self)
        self.list_label.setBuddy(self.list)
        self.start = QPushButton(self)
        self.start.setObjectName("start")
        self.broken = QLabel(self)
        self.broken.setWordWrap(True)
        self.broken.setProperty("role", "error")
        for widget in (self.heading, self.search_label, self.search, self.list_label, self.list, self.start,
                       self.broken):
            layout.addWidget(widget)
        for label in (self.heading, self.search_label, self.list_label):
            label.setWordWrap(True)
        self.search.textChanged.connect(self._on_search_text_changed)
        self.search.returnPressed.connect(self._on_start_clicked)
        self.list.itemActivated.connect(self._on_start_clicked)
        self.start.clicked.connect(self._on_start_clicked)
        self.retranslate_ui()

    def set_catalog(self, catalog: Catalog) -> None:
        self.catalog = catalog
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Which procedure do you want to do?"))
        self.search_label.setText(_("&Search (Japanese or English words)"))
        self.search.setPlaceholderText(_("e.g. 住民票 or residence"))
        self.search.setAccessibleName(_("Search procedures"))
        self.list_label.setText(_("&Procedures"))
        self.list.setAccessibleName(_("Procedures"))
        self.start.setText(_("S&tart the chosen procedure"))
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
            self.list.addItem(_("Loading the procedures…"))
            self.start.setEnabled(False)
            return
        current = self.list.currentItem().data(Qt.ItemDataRole.UserRole) if self.list.currentItem() else None
        self.list.clear()
        for procedure in self.catalog.search(query):
            item = QListWidgetItem(f"{bilingual(procedure.title)}\n{bilingual(procedure.summary)}")
            item.setData(Qt.ItemDataRole.UserRole, procedure.id)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, bilingual(procedure.title))
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, bilingual(procedure.summary))
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
        if item is not None:
            self.procedure_chosen.emit(item.data(Qt.ItemDataRole.UserRole))
