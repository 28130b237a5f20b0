"""“Who will apply, and who is typing?”: two answers. The resident alone, or a helper who types,
whose name is recorded and whom the resident agrees to in their own language when they are here;
a representative for a resident who is not here gets the 委任状 as the consent, not a tick box."""

from __future__ import annotations

from datetime import datetime

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QScrollArea, QWidget)

from assistant import i18n
from assistant.i18n import _
from assistant.interview.assisted import FAMILY, PROXY, SELF, VOLUNTEER, Assistance, consent_statement
from assistant.settings import Settings
from tests.ui.typing import commit_text, type_text
from ui import a11y, appearance
from ui.theme import MIN_TARGET
from ui.widgets.assisted import AssistedPanel

NAME = "山田 花子"
ORGANISATION = "中央コミュニティセンター"


@pytest.fixture
def panel(qtbot):
    panel = AssistedPanel()
    qtbot.addWidget(panel)
    panel.resize(800, 900)
    panel.show()
    qtbot.waitExposed(panel)
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    return panel


@pytest.fixture
def styled(qapp):
    """The application's real style sheet and font; the previous ones are put back afterwards."""
    sheet, font, palette = qapp.styleSheet(), qapp.font(), qapp.palette()

    def apply(zoom: int) -> None:
        appearance.apply(qapp, Settings(zoom=zoom))

    yield apply
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)


def _emitted(signal) -> list:
    seen: list = []
    signal.connect(lambda *args: seen.append(args))
    return seen


def _choose(qtbot, panel, role: str) -> None:
    qtbot.mouseClick(panel.role_rows[role].label, Qt.MouseButton.LeftButton)   # the text chooses too
    assert panel.role_buttons[role].isChecked()


def _choose_applicant(qtbot, panel, applicant: str) -> None:
    qtbot.mouseClick(panel.applicant_rows[applicant].label, Qt.MouseButton.LeftButton)
    assert panel.applicant_buttons[applicant].isChecked()


def _press(qtbot, button: QAbstractButton) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _name(widget: QWidget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def test_the_resident_alone_goes_on_without_any_helper_question(qtbot, panel):
    assert panel.role_buttons["self"].isChecked() and panel.applicant_buttons["self"].isChecked()
    assert panel.applicant_buttons["self"].hasFocus()     # the first thing to answer has the focus
    assert not panel.helper_name.isVisibleTo(panel)
    assert not panel.presence_box.isVisibleTo(panel)      # the resident applies: they are here
    with qtbot.waitSignal(panel.confirmed) as blocker:
        _press(qtbot, panel.go_on)
    assert blocker.args == [Assistance(role="self")]


def test_focus_given_to_the_page_goes_to_who_applies(qtbot, panel):
    _choose_applicant(qtbot, panel, PROXY)
    panel.back.setFocus()
    panel.setFocus()                                                     # as the window does on showing it
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.applicant_buttons[PROXY])


def test_back_leaves_without_choosing(qtbot, panel):
    with qtbot.waitSignal(panel.cancelled):
        _press(qtbot, panel.back)


def test_a_volunteer_without_a_name_sees_what_to_fix_beside_the_boxes_and_in_a_focused_summary(qtbot, panel):
    _choose(qtbot, panel, VOLUNTEER)
    assert panel.helper_name.isVisibleTo(panel) and panel.helper_organisation.isVisibleTo(panel)
    commit_text(panel.helper_organisation, ORGANISATION)
    confirmed = _emitted(panel.confirmed)
    _press(qtbot, panel.go_on)
    assert confirmed == []
    assert panel.name_error.isVisibleTo(panel)
    assert "山田 花子" in panel.name_error.text()                          # an example of what to type
    assert not panel.organisation_error.isVisibleTo(panel)               # that one is filled in
    assert panel.consent_error.isVisibleTo(panel)
    assert panel.consent_error.text() == i18n._("Tick the box once the resident has agreed. If they do not agree, "
                                                "go back and let them fill in alone.")
    assert panel.summary.isVisibleTo(panel)
    assert panel.name_error.text() in panel.summary.text()
    assert panel.consent_error.text() in panel.summary.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is panel.summary)
    assert panel.summary.text() in _name(panel.summary)
    assert a11y.history[-1] == panel.summary.text()                      # announced, assertively
    assert panel.name_error.text() in panel.helper_name.accessibleDescription()
    assert panel.helper_organisation.text() == ORGANISATION               # nothing typed is lost
    assert panel.role_buttons[VOLUNTEER].isChecked()

    name_problem = panel.name_error.text()
    type_text(panel.helper_name, "山田")                                   # fixing clears that error
    assert not panel.name_error.isVisibleTo(panel)
    assert name_problem not in panel.summary.text()
    assert panel.consent_error.text() in panel.summary.text()            # the other one stays


def test_switching_roles_keeps_what_was_typed(qtbot, panel):
    _choose(qtbot, panel, VOLUNTEER)
    type_text(panel.helper_name, NAME)
    _choose(qtbot, panel, "self")
    assert not panel.helper_name.isVisibleTo(panel)
    _choose(qtbot, panel, "family")
    assert panel.helper_name.text() == NAME


def test_the_statement_names_the_helper_and_is_shown_in_the_residents_language(qtbot, panel):
    assert i18n.current_language() == "ja"
    _choose(qtbot, panel, VOLUNTEER)
    type_text(panel.helper_name, NAME)
    commit_text(panel.helper_organisation, ORGANISATION)
    assert NAME in panel.statement.text() and ORGANISATION in panel.statement.text()   # live
    assert panel.statement.text() == consent_statement(Assistance(VOLUNTEER, NAME, ORGANISATION), "ja")
    assert panel.statement.font().pointSizeF() > panel.helper_name.font().pointSizeF()   # large

    panel.language.setCurrentIndex(panel.language.findData("en"))
    english = consent_statement(Assistance(VOLUNTEER, NAME, ORGANISATION), "en")
    assert panel.statement.text() == english
    assert english.startswith(f"{NAME} of {ORGANISATION} is helping you")
    assert i18n.current_language() == "ja"                               # the interface stays Japanese
    assert panel.back.text() == _("← &Back") != "← &Back"

    with qtbot.waitSignal(panel.read_requested) as blocker:
        _press(qtbot, panel.read)
    assert blocker.args == [english, "en"]

    confirmed = _emitted(panel.confirmed)
    _press(qtbot, panel.go_on)
    assert confirmed == [] and panel.consent_error.isVisibleTo(panel)    # the resident must agree first
    _press(qtbot, panel.consent_row.label)
    assert panel.consent.isChecked()
    assert not panel.consent_error.isVisibleTo(panel)
    with qtbot.waitSignal(panel.confirmed) as blocker:
        _press(qtbot, panel.go_on)
    (assistance,) = blocker.args
    assert (assistance.role, assistance.helper_name, assistance.helper_organisation) == (VOLUNTEER, NAME,
                                                                                          ORGANISATION)
    assert assistance.consent_language == "en"
    assert datetime.fromisoformat(assistance.consent_at).tzinfo is not None
    assert assistance.consented


def test_a_changed_statement_must_be_agreed_to_again(qtbot, panel):
    _choose(qtbot, panel, "family")
    type_text(panel.helper_name, "山田")
    _press(qtbot, panel.consent)
    assert panel.consent.isChecked()
    type_text(panel.helper_name, "太郎")
    assert not panel.consent.isChecked()
    assert panel.helper_name.text() == "山田太郎"


def test_enter_in_a_text_box_does_not_go_on(qtbot, panel):
    _choose(qtbot, panel, "family")
    type_text(panel.helper_name, NAME)
    _press(qtbot, panel.consent)
    confirmed = _emitted(panel.confirmed)
    qtbot.keyClick(panel.helper_name, Qt.Key.Key_Return)
    assert confirmed == [] and not panel.summary.isVisibleTo(panel)
    panel.go_on.setFocus()
    qtbot.keyClick(panel.go_on, Qt.Key.Key_Return)                       # on the button it does
    assert len(confirmed) == 1


def test_an_earlier_choice_is_shown_again_and_an_agreement_keeps_its_time(qtbot, panel):
    earlier = Assistance(VOLUNTEER, NAME, ORGANISATION).agreed("en")
    panel.set_assistance(earlier)
    assert panel.role_buttons[VOLUNTEER].isChecked()
    assert panel.helper_name.text() == NAME and panel.helper_organisation.text() == ORGANISATION
    assert panel.language.currentData() == "en" and panel.consent.isChecked()
    with qtbot.waitSignal(panel.confirmed) as blocker:
        _press(qtbot, panel.go_on)
    assert blocker.args == [earlier]

    panel.set_assistance(Assistance(VOLUNTEER, NAME, ORGANISATION))     # last helper, no agreement yet
    assert not panel.consent.isChecked()
    assert panel.language.currentData() == "ja"                         # the interface language


def test_the_statement_follows_the_interface_language_until_chosen(qtbot, panel):
    _choose(qtbot, panel, FAMILY)
    i18n.set_language("en")
    panel.retranslate_ui()
    assert panel.language.currentData() == "en"
    assert panel.heading.text() == "Who will apply, and who is typing?"
    assert panel.applicant_rows[PROXY].label.text().startswith("A representative")
    # no name typed yet: a whole sentence without one, never "the helper"
    assert panel.statement.text().startswith("A family member is helping you")


def test_a_daughter_applies_as_representative_while_a_volunteer_types(qtbot, panel):
    """Both people are recorded, each in their place; the resident is here and agrees to the help."""
    _choose_applicant(qtbot, panel, PROXY)
    assert panel.presence_box.isVisibleTo(panel) and panel.presence_buttons["yes"].isChecked()
    _choose(qtbot, panel, VOLUNTEER)
    type_text(panel.helper_name, NAME)
    commit_text(panel.helper_organisation, ORGANISATION)
    assert panel.consent.isVisibleTo(panel)
    assert "委任状" in panel.statement.text() and NAME in panel.statement.text()
    _press(qtbot, panel.consent_row.label)
    with qtbot.waitSignal(panel.confirmed) as blocker:
        _press(qtbot, panel.go_on)
    (assistance,) = blocker.args
    assert (assistance.applicant, assistance.role, assistance.helper_name) == (PROXY, VOLUNTEER, NAME)
    assert assistance.resident_present and assistance.consent_at


def test_no_agreement_on_screen_for_a_resident_who_is_not_here(qtbot, panel):
    _choose_applicant(qtbot, panel, PROXY)
    _choose(qtbot, panel, VOLUNTEER)
    type_text(panel.helper_name, NAME)
    commit_text(panel.helper_organisation, ORGANISATION)
    _press(qtbot, panel.presence_rows["no"].label)
    assert not panel.consent.isVisibleTo(panel) and not panel.statement.isVisibleTo(panel)
    assert panel.absent.isVisibleTo(panel) and "委任状" in panel.absent.text()
    with qtbot.waitSignal(panel.confirmed) as blocker:                   # nothing to tick: it goes on
        _press(qtbot, panel.go_on)
    (assistance,) = blocker.args
    assert not assistance.resident_present and not assistance.consent_at and assistance.consented
    assert (assistance.applicant, assistance.role) == (PROXY, VOLUNTEER)

    _choose_applicant(qtbot, panel, SELF)                                # the resident applies: they are here
    assert not panel.presence_box.isVisibleTo(panel) and panel.consent.isVisibleTo(panel)
    assert not panel.absent.isVisibleTo(panel)


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_control_has_an_accessible_name(qtbot, panel, language):
    i18n.set_language(language)
    panel.retranslate_ui()
    _choose(qtbot, panel, VOLUNTEER)
    _press(qtbot, panel.go_on)                                           # the summary is focusable too
    controls = [w for w in panel.findChildren(QWidget)
                if w.isVisibleTo(panel) and w.focusPolicy() & Qt.FocusPolicy.TabFocus and w.isEnabled()]
    assert {panel.helper_name, panel.helper_organisation, panel.language, panel.read, panel.consent,
            panel.back, panel.go_on, panel.statement} <= set(controls)
    for widget in controls:
        assert _name(widget).strip(), f"{type(widget).__name__} {widget.objectName()!r} has no accessible name"
        assert "&" not in _name(widget)
    names = [_name(w) for w in controls if isinstance(w, (QRadioButton, QCheckBox, QLineEdit, QComboBox))]
    assert len(names) == len(set(names))                                 # each told apart by its name


@pytest.mark.parametrize(("width", "zoom"), [(320, 100), (1280, 300)])
def test_reflows_without_sideways_scrolling_and_targets_are_big(qtbot, panel, qapp, styled, width, zoom):
    styled(zoom)
    _choose(qtbot, panel, VOLUNTEER)
    type_text(panel.helper_name, NAME)
    _press(qtbot, panel.go_on)                                           # with the error texts shown
    panel.resize(width, 800)
    qapp.processEvents()
    assert panel.width() == width
    assert panel.findChild(QScrollArea).horizontalScrollBar().maximum() == 0
    visible = [w for w in panel.findChildren(QWidget) if w.isVisibleTo(panel)]
    for widget in visible:
        if isinstance(widget, (QAbstractButton, QComboBox)) or (isinstance(widget, QLabel)
                                                                  and not widget.wordWrap()):
            assert widget.width() >= widget.minimumSizeHint().width(), f"{widget.objectName()} cut off"
        if isinstance(widget, (QPushButton, QLineEdit, QRadioButton, QCheckBox, QComboBox)):
            assert widget.height() >= MIN_TARGET, f"{widget.objectName()} is {widget.height()}px high"
