"""kind: bank_account — bank, branch, number and holder as labelled lines; the type of account
(普通/当座) chosen in a list that cannot be typed into (screen readers read it as a choice)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QWidget

from assistant.i18n import _, bilingual
from assistant.kinds.bank_account import ACCOUNT_TYPES, PART_LABELS
from ui.widgets.inputs import PartsInput

TYPE_PART = "account_type"


class BankAccountInput(PartsInput):
    """A PartsInput whose account-type line is kept hidden and set from a combo box."""

    def __init__(self, field, parent: QWidget | None = None) -> None:
        super().__init__(field, parent)
        line = self.lines[TYPE_PART]
        self.types = QComboBox(self)
        self.types.setObjectName(f"input_{field.id}_{TYPE_PART}")
        line.setObjectName(f"value_{field.id}_{TYPE_PART}")
        self.types.addItem(_("(choose)"), "")
        for value, word in ACCOUNT_TYPES.items():
            self.types.addItem(bilingual(word), value)
        grid: QGridLayout = self.layout()
        grid.replaceWidget(line, self.types)
        line.hide()
        # On Linux a combo box's accessible name is its current text (「普通」): what it is for
        # reaches a screen reader through its label (labelled-by), as for the towns list
        self.labels[TYPE_PART].setBuddy(self.types)
        # Tab follows the screen: the list was made after the lines, so it would come last
        shown = [self.types if part == TYPE_PART else self.lines[part] for part in self.parts]
        for before, after in zip(shown, shown[1:]):
            QWidget.setTabOrder(before, after)
        self.types.currentIndexChanged.connect(self._on_type_chosen)
        self._sync_type()

    def _on_type_chosen(self, index: int) -> None:
        if not self._quiet:
            self.lines[TYPE_PART].setText(self.types.itemData(index) or "")

    def _sync_type(self) -> None:
        index = max(0, self.types.findData(self.lines[TYPE_PART].text()))
        if index != self.types.currentIndex():
            self._quiet = True
            try:
                self.types.setCurrentIndex(index)
            finally:
                self._quiet = False

    def set_raw(self, raw) -> None:
        super().set_raw(raw)
        self._sync_type()

    def focus_target(self, part: str = "") -> QWidget:
        return self.types if part.split(",")[-1] == TYPE_PART else super().focus_target(part)

    def apply(self, part: str, text: str) -> None:
        super().apply(part, text)
        self._sync_type()

    def describe(self, name: str, description: str, alert: str = "") -> None:
        super().describe(name, description, alert)
        self.types.setAccessibleName(_("{question} – {part}").format(
            question=name, part=bilingual(PART_LABELS[TYPE_PART])))
        self.types.setAccessibleDescription("\n".join(t for t in (alert, description) if t))


WIDGET = BankAccountInput
