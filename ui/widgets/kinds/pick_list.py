"""kind: pick_list — a long list of options that can be filtered by typing.

A search box ("Filter the list") above a list; Down in the box goes to the list. With
`multiple`, each option is a check box in the list (Space ticks it); otherwise choosing an option
(arrows, Enter or a click) answers. Both the box and the list carry the question's name, so a
screen reader says what the list is for and how many options the filter left."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from assistant.i18n import _, bilingual
from assistant.kinds import kind_of
from ui.a11y import SpokenLineEdit
from ui.widgets.inputs import FieldInput
from ui.widgets.ruby import Label

VALUE = Qt.ItemDataRole.UserRole


class _Filter(SpokenLineEdit):
    def __init__(self, owner: PickListInput) -> None:
        super().__init__(owner)
        self.owner = owner

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Down and self.owner.list.count():
            self.owner.list.setFocus(Qt.FocusReason.OtherFocusReason)
            first = next((i for i in range(self.owner.list.count()) if not self.owner.list.item(i).isHidden()), 0)
            if self.owner.list.currentRow() < 0 or self.owner.list.currentItem().isHidden():
                self.owner.list.setCurrentRow(first, self.owner.list.selectionModel().SelectionFlag.NoUpdate)
            return
        super().keyPressEvent(event)


class PickListInput(FieldInput):
    grouped = True

    def __init__(self, field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.multiple = field.multiple
        self.filter_label = Label(_("Filter the list (type part of a name):"), self)
        self.filter_label.setWordWrap(True)
        self.filter = _Filter(self)
        self.filter.setObjectName(f"filter_{field.id}")
        self.filter_label.setBuddy(self.filter)
        self.count = Label("", self)
        self.count.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.setObjectName(f"input_{field.id}")
        for value, label, hint in kind_of(field).options(field):
            item = QListWidgetItem(bilingual(label), self.list)
            item.setData(VALUE, value)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, bilingual(hint) if hint else "")
            item.setToolTip(bilingual(hint) if hint else "")
            if self.multiple:
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
        for widget in (self.filter_label, self.filter, self.count, self.list):
            layout.addWidget(widget)
        self.filter.textChanged.connect(self._on_filter_changed)
        if self.multiple:
            self.list.itemChanged.connect(self._on_item_changed)
        else:
            self.list.itemSelectionChanged.connect(self._on_item_changed)
        self._update_count()

    def _items(self) -> list[QListWidgetItem]:
        return [self.list.item(i) for i in range(self.list.count())]

    def _on_filter_changed(self, text: str) -> None:
        wanted = text.strip().casefold()
        for item in self._items():
            item.setHidden(bool(wanted) and wanted not in item.text().casefold())
        self._update_count()

    def _update_count(self) -> None:
        shown = sum(not item.isHidden() for item in self._items())
        self.count.setText(_("{shown} of {total} shown").format(shown=shown, total=self.list.count()))

    def _on_item_changed(self, *_args) -> None:
        if self._quiet:
            return
        if self.multiple:
            self.edited.emit([i.data(VALUE) for i in self._items() if i.checkState() == Qt.CheckState.Checked])
        else:
            chosen = self.list.selectedItems()
            if chosen:
                self.edited.emit(chosen[0].data(VALUE))

    def set_raw(self, raw: Any) -> None:
        chosen = raw if isinstance(raw, list) else [raw]
        self._quiet = True
        try:
            for item in self._items():
                picked = item.data(VALUE) in chosen
                if self.multiple:
                    item.setCheckState(Qt.CheckState.Checked if picked else Qt.CheckState.Unchecked)
                else:
                    item.setSelected(picked)
                    if picked:
                        self.list.setCurrentItem(item)
        finally:
            self._quiet = False

    def focus_target(self, part: str = "") -> QWidget:
        return self.filter

    def describe(self, name: str, description: str, alert: str = "") -> None:
        # the visible label's words in the name: Orca says a linked label instead of the name
        label = self.filter_label.text().rstrip(":：").strip()
        self.filter.setAccessibleName(_("{question} – {part}").format(question=name, part=label))
        self.list.setAccessibleName(name)
        text = "\n".join(t for t in (alert, description) if t)
        self.filter.setAccessibleDescription(text)
        self.list.setAccessibleDescription(text)


WIDGET = PickListInput
