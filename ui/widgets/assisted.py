"""Who applies (the resident, someone of the household, a representative) and who types (the
resident, a family member, a volunteer) — then the helper's name and, when the resident is here,
their consent in their own language; when they are not, why the 委任状 is their consent.

The rules (what must be filled in, the statement's wording) are the core's
(assistant.interview.assisted); this page shows them and reports what was chosen.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QEvent, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (QApplication, QButtonGroup, QCheckBox, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QVBoxLayout, QWidget)

from assistant.i18n import LANGUAGES, _, current_language, ngettext
from assistant.interview.assisted import (APPLICANT_LABELS, HELPED, ROLE_LABELS, SELF,
                                          VOLUNTEER, Assistance, absent_note, consent_statement, problems)
from ui.a11y import announce
from ui.widgets.flow import PageScroll, reveal
from ui.widgets.inputs import OptionRow
from ui.widgets.nav import NavRow
from ui.widgets.ruby import Label

NAME_EXAMPLE = "山田 花子"
ORGANISATION_EXAMPLE = "中央コミュニティセンター デジタル支援窓口"
CONSENT = "consent"     # the key of the consent check box's problem, beside the core's field names


class LargeText(Label):
    """A word-wrapped, selectable text a quarter larger than the rest, following the text size."""

    SCALE = 1.25

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self._scale_font()

    def _scale_font(self) -> None:
        font = QFont(QApplication.font())
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * self.SCALE)
        else:
            font.setPixelSize(round(font.pixelSize() * self.SCALE))
        self.setFont(font)

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.ApplicationFontChange:   # the person changed the text size
            self._scale_font()
        return handled


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = Label(parent)
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


def _small_label(parent: QWidget, role: str) -> QLabel:
    label = Label(parent)
    label.setProperty("role", role)
    label.setWordWrap(True)
    return label


class AssistedPanel(QWidget):
    """Shown before the first step. `confirmed(Assistance)` when the person goes on (with the
    resident's agreement recorded when someone helps), `cancelled` for Back,
    `read_requested(text, language)` to read the statement aloud in the resident's language."""

    confirmed = Signal(object)
    cancelled = Signal()
    read_requested = Signal(str, str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._showing_errors = False
        self._language_chosen = False    # the person picked the statement's language themselves
        self._agreed_to = ""             # the statement as it was when the box was ticked
        self._loaded = Assistance()
        layout = QVBoxLayout(self)
        self.scroll = PageScroll(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)   # the controls take the focus, not the frame
        content = QWidget()
        self.content_layout = QVBoxLayout(content)
        self.content_layout.setContentsMargins(0, 0, 0, 0)   # as the steps' pages: room for long words at 320 px
        # Created in the order shown: that is the order screen readers meet them in.
        self.heading = _small_label(content, "heading")
        self.summary = _small_label(content, "error-summary")
        self.summary.setObjectName("assisted_error_summary")
        self.summary.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.summary.setVisible(False)
        self.content_layout.addWidget(self.heading)
        self.content_layout.addWidget(self.summary)
        self.questions: dict[str, QLabel] = {}   # the question above each group of choices
        self._build_applicants(content)
        self._build_roles(content)
        self._build_helper(content)
        self.content_layout.addStretch(1)
        self.scroll.setWidget(content)
        self.back = QPushButton(self)
        self.back.setObjectName("assisted_back")
        self.go_on = QPushButton(self)
        self.go_on.setObjectName("assisted_continue")
        layout.addWidget(self.scroll, 1)
        layout.addWidget(NavRow(self.back, self.go_on, self))
        self._connect()
        self.retranslate_ui()
        self.set_assistance(Assistance())

    def _choices(self, content: QWidget, name: str, labels: dict) -> tuple[QGroupBox, QButtonGroup, dict, dict]:
        # A group, read as one question by screen readers; the question above it and the options'
        # texts wrap at any size (a group box's own title would not).
        question = _small_label(content, "field-label")
        question.setObjectName(f"{name}_question")
        self.questions[name] = question
        self.content_layout.addWidget(question)
        group = QGroupBox(content)
        box = QVBoxLayout(group)
        buttons_group = QButtonGroup(self)
        buttons: dict[str, QRadioButton] = {}
        rows: dict[str, OptionRow] = {}
        for key, label in labels.items():
            button = QRadioButton(group)
            button.setObjectName(f"{name}_{key}")
            buttons_group.addButton(button)
            row = OptionRow(button, _(label) if label else "", "", group)
            box.addWidget(row)
            buttons[key], rows[key] = button, row
        group.setProperty("question", name)
        self.content_layout.addWidget(group)
        return group, buttons_group, buttons, rows

    def _build_applicants(self, content: QWidget) -> None:
        self.applicants_box, self.applicants, self.applicant_buttons, self.applicant_rows = self._choices(
            content, "applicant", APPLICANT_LABELS)
        self.presence_box, self.presence, self.presence_buttons, self.presence_rows = self._choices(
            content, "resident_present", {"yes": "", "no": ""})
        self.absent = _small_label(content, "note")
        self.absent.setObjectName("resident_absent_note")
        self.absent.setFocusPolicy(Qt.FocusPolicy.StrongFocus)   # read in Tab order, like the statement
        self.content_layout.addWidget(self.absent)

    def _build_roles(self, content: QWidget) -> None:
        self.roles_box, self.roles, self.role_buttons, self.role_rows = self._choices(content, "role", ROLE_LABELS)

    def _build_helper(self, content: QWidget) -> None:
        self.helper_box = QWidget(content)
        box = QVBoxLayout(self.helper_box)
        box.setContentsMargins(0, 0, 0, 0)
        self.name_label = Label(self.helper_box)
        self.name_label.setWordWrap(True)
        self.name_label.setProperty("role", "field-label")
        self.name_example = _small_label(self.helper_box, "example")
        self.helper_name = QLineEdit(self.helper_box)
        self.helper_name.setObjectName("helper_name")
        self.name_label.setBuddy(self.helper_name)
        self.name_error = _error_label(self.helper_box, "helper_name_error")
        self.organisation_label = Label(self.helper_box)
        self.organisation_label.setWordWrap(True)
        self.organisation_label.setProperty("role", "field-label")
        self.organisation_example = _small_label(self.helper_box, "example")
        self.helper_organisation = QLineEdit(self.helper_box)
        self.helper_organisation.setObjectName("helper_organisation")
        self.organisation_label.setBuddy(self.helper_organisation)
        self.organisation_error = _error_label(self.helper_box, "helper_organisation_error")
        self.language_label = Label(self.helper_box)
        self.language_label.setWordWrap(True)
        self.language = QComboBox(self.helper_box)
        self.language.setObjectName("consent_language")
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)   # each language named in its own language
        self.language_label.setBuddy(self.language)
        self.statement_label = Label(self.helper_box)
        self.statement_label.setWordWrap(True)
        self.statement = LargeText(self.helper_box)
        self.statement.setObjectName("consent_statement")
        # a Tab stop: a screen-reader user reaches the statement the way they reach the controls
        self.statement.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.read = QPushButton(self.helper_box)
        self.read.setObjectName("read_statement")
        self.consent = QCheckBox(self.helper_box)
        self.consent.setObjectName("consent")
        self.consent_row = OptionRow(self.consent, "", "", self.helper_box)
        self.consent_error = _error_label(self.helper_box, "consent_error")
        for widget in (self.name_label, self.name_example, self.helper_name, self.name_error,
                       self.organisation_label, self.organisation_example, self.helper_organisation,
                       self.organisation_error, self.language_label, self.language, self.statement_label,
                       self.statement, self.read, self.consent_row, self.consent_error):
            box.addWidget(widget)
        self.content_layout.addWidget(self.helper_box)
        # the statement and the agreement: only when the resident is here
        self.consent_widgets = (self.language_label, self.language, self.statement_label, self.statement,
                                self.read, self.consent_row, self.consent_error)

    def _connect(self) -> None:
        self.roles.buttonToggled.connect(self._on_roles_button_toggled)
        self.applicants.buttonToggled.connect(self._on_roles_button_toggled)
        self.presence.buttonToggled.connect(self._on_roles_button_toggled)
        self.helper_name.textChanged.connect(self._on_helper_text_changed)
        self.helper_organisation.textChanged.connect(self._on_helper_text_changed)
        self.language.currentIndexChanged.connect(self._on_language_current_index_changed)
        self.read.clicked.connect(self._on_read_clicked)
        self.consent.toggled.connect(self._on_consent_toggled)
        self.back.clicked.connect(self.cancelled.emit)
        self.go_on.clicked.connect(self._on_continue_clicked)

    # --- what is shown ------------------------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.heading.setText(_("Who will apply, and who is typing?"))
        presence = {"yes": _("Yes, the resident is here"), "no": _("No, the resident is not here")}
        for question, rows, labels in (
                (_("Who will apply (and sign)?"), self.applicant_rows, {k: _(v) for k, v in APPLICANT_LABELS.items()}),
                (_("Is the resident here at this screen?"), self.presence_rows, presence),
                (_("Who is typing?"), self.role_rows, {k: _(v) for k, v in ROLE_LABELS.items()})):
            group = rows[next(iter(rows))].parentWidget()
            group.setAccessibleName(question)
            self.questions[group.property("question")].setText(question)
            for key, row in rows.items():
                row.label.setText(labels[key])
                row.button.setAccessibleName(labels[key])
                # as for every choice: the option is read with its question (Orca reads only the focused option)
                row.button.setAccessibleDescription(question)
        self.name_label.setText(_("{label} (required)").format(label=_("&Name of the person typing")))
        self.name_example.setText(_("Example: {example}").format(example=NAME_EXAMPLE))
        self.organisation_example.setText(_("Example: {example}").format(example=ORGANISATION_EXAMPLE))
        self.language_label.setText(_("&Language the resident reads the statement in"))
        self.language.setAccessibleName(_("Language the resident reads the statement in"))
        self.statement_label.setText(_("Statement for the resident. Let them read it, or read it to them:"))
        self.statement.setAccessibleName(_("Statement for the resident"))
        self.read.setText(_("&Read the statement aloud"))
        self.read.setAccessibleDescription(_("Reads the statement aloud in the language chosen above."))
        self.consent_row.label.setText(_("The resident has read (or heard) this statement and agrees"))
        self.consent.setAccessibleName(_("The resident has read (or heard) this statement and agrees"))
        self.back.setText(_("← &Back"))
        self.go_on.setText(_("&Continue →"))
        if not self._language_chosen and not self.consent.isChecked():
            self._select_language(current_language())
        self._refresh()

    def _refresh(self) -> None:
        """Show what the chosen role needs; the statement follows what is typed, live."""
        role, typed = self.role(), self._typed()
        self.presence_box.setVisible(typed.represented)
        self.questions["resident_present"].setVisible(typed.represented)
        self.absent.setText(absent_note(typed))
        self.absent.setAccessibleName(self.absent.text())
        self.absent.setVisible(bool(self.absent.text()))
        self.helper_box.setVisible(role in HELPED)
        for widget in self.consent_widgets:
            widget.setVisible(typed.asks_consent)
        self.consent_error.setVisible(typed.asks_consent and bool(self.consent_error.text()))
        organisation = _("&Organisation the helper works for")
        self.organisation_label.setText(_("{label} (required)").format(label=organisation) if role == VOLUNTEER
                                        else _("{label} (optional)").format(label=organisation))
        self._refresh_statement()
        self._describe()
        if self._showing_errors:
            self._show_errors(self._problems(), move_focus=False)

    def _refresh_statement(self) -> None:
        text = consent_statement(self._typed(), self.statement_language())
        self.statement.setText(text)
        self.statement.setAccessibleDescription(text)
        self.statement.setLocale(QLocale(self.statement_language()))
        if self.consent.isChecked() and text != self._agreed_to:
            # The resident agreed to other words: they must agree to these.
            self.consent.setChecked(False)
            announce(self.consent, _("The statement changed: ask the resident to agree again."))

    def _describe(self, errors: dict[str, str] | None = None) -> None:
        """Names and descriptions for screen readers: the error first, then required and example."""
        errors = errors or {}
        name_text = _("Name of the person typing")
        organisation_text = _("Organisation the helper works for")
        required = self.role() == VOLUNTEER
        for box, name, description in (
                (self.helper_name, name_text, [_("Required"), self.name_example.text()]),
                (self.helper_organisation, organisation_text,
                 [_("Required") if required else _("Optional"), self.organisation_example.text()])):
            box.setAccessibleName(name)
            error = [errors[box.objectName()]] if box.objectName() in errors else []
            box.setAccessibleDescription("\n".join(error + description))
        self.consent.setAccessibleDescription(errors.get(CONSENT, ""))

    # --- what the person chose ----------------------------------------------------------------

    def role(self) -> str:
        """Who types."""
        return next((role for role, button in self.role_buttons.items() if button.isChecked()), SELF)

    def applicant(self) -> str:
        """Who applies and signs."""
        return next((key for key, button in self.applicant_buttons.items() if button.isChecked()), SELF)

    def shown(self) -> Assistance:
        """What the page shows now, with the statement's language (for reading the page aloud)."""
        return replace(self._typed(), consent_language=self.statement_language())

    def statement_language(self) -> str:
        return self.language.currentData() or current_language()

    def _typed(self) -> Assistance:
        """What is chosen and typed (ends of lines trimmed; the boxes keep exactly what was typed)."""
        role, applicant = self.role(), self.applicant()
        present = applicant == SELF or not self.presence_buttons["no"].isChecked()
        if role not in HELPED:
            return Assistance(applicant=applicant, resident_present=present)
        return Assistance(role, self.helper_name.text().strip(), self.helper_organisation.text().strip(),
                          applicant=applicant, resident_present=present)

    def _problems(self) -> dict[str, str]:
        found = problems(self._typed())
        if self._typed().asks_consent and not self.consent.isChecked():
            found[CONSENT] = _("Tick the box once the resident has agreed. If they do not agree, go back and "
                               "let them fill in alone.")
        return found

    def set_assistance(self, assistance: Assistance) -> None:
        """Show an earlier choice: a resumed draft, or the volunteer's last name and organisation.
        The box stays ticked only when the resident's agreement is recorded."""
        self._loaded = assistance
        self._showing_errors = False
        self._show_errors({}, move_focus=False)
        self.consent.setChecked(False)   # first: the statement changes below
        self.role_buttons.get(assistance.role, self.role_buttons[SELF]).setChecked(True)
        self.applicant_buttons.get(assistance.applicant, self.applicant_buttons[SELF]).setChecked(True)
        self.presence_buttons["yes" if assistance.resident_present else "no"].setChecked(True)
        self.helper_name.setText(assistance.helper_name)
        self.helper_organisation.setText(assistance.helper_organisation)
        self._language_chosen = assistance.consent_language in LANGUAGES
        self._select_language(assistance.consent_language if self._language_chosen else current_language())
        self._refresh()
        if assistance.asks_consent and assistance.consent_at:
            self.consent.setChecked(True)

    def _select_language(self, language: str) -> None:
        self.language.blockSignals(True)
        self.language.setCurrentIndex(max(0, self.language.findData(language)))
        self.language.blockSignals(False)

    # --- reacting -----------------------------------------------------------------------------

    def _on_roles_button_toggled(self, _button: QRadioButton, checked: bool) -> None:
        if checked:
            self._refresh()

    def _on_helper_text_changed(self, _text: str) -> None:
        self._refresh()

    def _on_language_current_index_changed(self, _index: int) -> None:
        self._language_chosen = True
        self._refresh()

    def _on_consent_toggled(self, checked: bool) -> None:
        self._agreed_to = self.statement.text() if checked else ""
        if self._showing_errors:
            self._show_errors(self._problems(), move_focus=False)

    def _on_read_clicked(self) -> None:
        self.read_requested.emit(self.statement.text(), self.statement_language())

    def _on_continue_clicked(self) -> None:
        found = self._problems()
        if found:
            self._showing_errors = True
            self._show_errors(found, move_focus=True)
            return
        self._showing_errors = False
        self._show_errors({}, move_focus=False)
        typed = self._typed()
        if not typed.asks_consent:
            self.confirmed.emit(typed)
            return
        language = self.statement_language()
        loaded = self._loaded
        if loaded.consent_at and replace(loaded, helper_name=loaded.helper_name.strip(),
                                         helper_organisation=loaded.helper_organisation.strip(),
                                         consent_at="") == replace(typed, consent_language=language):
            self.confirmed.emit(loaded)   # the agreement already recorded: keep its time
        else:
            self.confirmed.emit(typed.agreed(language))

    def _show_errors(self, found: dict[str, str], *, move_focus: bool) -> None:
        """Each problem next to its control and, together, in a summary that takes the focus."""
        for key, label in (("helper_name", self.name_error), ("helper_organisation", self.organisation_error),
                           (CONSENT, self.consent_error)):
            label.setText(found.get(key, ""))
            label.setVisible(key in found)
        self._describe(found)
        self.summary.setVisible(bool(found))
        if not found:
            return
        names = {"helper_name": _("Name of the person typing"),
                 "helper_organisation": _("Organisation the helper works for"),
                 CONSENT: _("The resident's agreement")}
        heading = ngettext("Please check {count} answer:", "Please check {count} answers:",
                           len(found)).format(count=len(found))
        lines = [heading] + ["・" + _("{question}: {problem}").format(question=names[key], problem=message)
                             for key, message in found.items()]
        self.summary.setText("\n".join(lines))
        self.summary.setAccessibleName("\n".join(lines))
        if move_focus:
            announce(self.summary, "\n".join(lines), assertive=True)
            self.summary.setFocus(Qt.FocusReason.OtherFocusReason)
            self.scroll.ensureWidgetVisible(self.summary)

    def focus_choice(self) -> None:
        """Put the focus on who applies (the first thing to answer), in view: at 300 % on a small
        screen the heading (taller with furigana) may push it below the window's edge."""
        button = self.applicant_buttons[self.applicant()]
        button.setFocus(Qt.FocusReason.OtherFocusReason)
        QTimer.singleShot(0, lambda: button.isVisible() and reveal(self.scroll, button.parentWidget(), button))

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if not event.spontaneous():
            self.focus_choice()

    def focusInEvent(self, event) -> None:
        # the window gives the page the focus: it belongs on the chosen role
        super().focusInEvent(event)
        self.focus_choice()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Enter in a text box must not go on (or reach the window, where Enter means Next);
        # on a button it presses that button.
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = self.focusWidget()
            if isinstance(focused, QPushButton) and self.isAncestorOf(focused):
                focused.click()
            elif isinstance(focused, QRadioButton) and self.isAncestorOf(focused):
                self.go_on.click()      # as on every step: Enter on a choice goes on
            event.accept()
            return
        super().keyPressEvent(event)
