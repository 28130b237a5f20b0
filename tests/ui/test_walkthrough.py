"""The window, driven with the keyboard and typed text, as a person would use it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QRadioButton

from assistant import i18n
from tests.ui.typing import commit_text, type_text
from tests.conftest import start_procedure


def find(window, cls, name):
    widget = window.findChild(cls, name)
    assert widget is not None, name
    return widget


def start_juminhyo(qtbot, window):
    type_text(window.home.search, "住民票")
    assert window.home.list.count() == 1
    qtbot.keyClick(window.home.search, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.who     # who is filling in: the resident, preselected
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.step


def test_search_narrows_the_list_in_english_too(qtbot, window):
    type_text(window.home.search, "residence")
    assert window.home.list.count() == 1
    assert "住民票の写し等交付請求書" in window.home.list.item(0).text()


def test_next_without_answer_shows_summary_and_focuses_the_question(qtbot, window):
    start_juminhyo(qtbot, window)
    # step 1 is answered by "who will apply" (the resident, preselected): it is not asked again
    assert find(window, QRadioButton, "option_relationship_self").isChecked()
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert window.bridge.session.current_step.id == "applicant"
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert window.step.summary.isVisible()
    assert "請求者の氏名" in window.step.summary.text()
    assert window.step.blocks["applicant_name"].isAncestorOf(QApplication.focusWidget())
    assert window.bridge.session.current_step.id == "applicant"


def test_keyboard_only_choice_and_next(qtbot, window):
    start_juminhyo(qtbot, window)
    first = find(window, QRadioButton, "option_relationship_self")
    assert QApplication.focusWidget() is first
    qtbot.keyClick(first, Qt.Key.Key_Space)
    qtbot.keyClick(first, Qt.Key.Key_Return)
    assert window.bridge.session.current_step.id == "applicant"
    assert window.windowTitle().startswith("ステップ 2/")
    # the first question of the new step has the focus
    assert QApplication.focusWidget() is find(window, QLineEdit, "input_applicant_name_family")


def test_labels_are_linked_and_fields_are_described(qtbot, window):
    start_juminhyo(qtbot, window)
    qtbot.keyClick(find(window, QRadioButton, "option_relationship_self"), Qt.Key.Key_Space)
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    phone = find(window, QLineEdit, "input_applicant_phone")
    assert phone.accessibleName() == "請求者の電話番号"
    assert "必須" in phone.accessibleDescription() and "090-1234-5678" in phone.accessibleDescription()
    family = find(window, QLineEdit, "input_applicant_name_family")
    assert family.accessibleName() == "請求者の氏名 – 氏"


def test_language_switch_keeps_answers_and_shows_official_japanese_beside(qtbot, window):
    start_juminhyo(qtbot, window)
    qtbot.keyClick(find(window, QRadioButton, "option_relationship_self"), Qt.Key.Key_Space)
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    family = find(window, QLineEdit, "input_applicant_name_family")
    commit_text(family, "山田")
    window.language.setCurrentIndex(window.language.findData("en"))
    assert i18n.current_language() == "en"
    family = find(window, QLineEdit, "input_applicant_name_family")
    assert family.text() == "山田"
    assert "（請求者の氏名）" in family.accessibleName()
    assert window.windowTitle().startswith("Step 2/")
    assert window.step.next.text().startswith("&Next")


def test_hidden_question_appears_when_its_condition_holds(qtbot, window):
    start_procedure(window)
    session = window.bridge.session
    session.go_to("purpose_step")
    assert window.findChild(QLineEdit, "input_purpose_other") is None
    other = find(window, QRadioButton, "option_purpose_other")
    other.setFocus()
    qtbot.keyClick(other, Qt.Key.Key_Space)
    assert find(window, QLineEdit, "input_purpose_other").isVisible()
    assert QApplication.focusWidget() is find(window, QRadioButton, "option_purpose_other")


def test_group_items_can_be_added_and_removed_with_the_keyboard(qtbot, window):
    start_procedure(window)
    session = window.bridge.session
    session.set_answer("scope", "some_members")
    session.go_to("certificate")
    add = find(window, QPushButton, "add_members")
    qtbot.keyClick(add, Qt.Key.Key_Space)
    name = find(window, QLineEdit, "members0_input_member_name")
    assert QApplication.focusWidget() is name
    commit_text(name, "山田　花子")
    assert session.answers["members"] == [{"member_name": "山田　花子"}]
    qtbot.keyClick(find(window, QPushButton, "remove_members_0"), Qt.Key.Key_Space)
    assert session.answers["members"] == []


def test_window_shows_before_the_procedures_load_then_lists_them(qtbot, qapp, app_paths):
    from ui.app import build_window, setup_application
    from ui.tasks import Tasks

    setup_application(qapp)
    window = build_window(app_paths, Tasks(), load_now=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.catalog is not None, timeout=10000)
    assert window.home.start.isEnabled()
    # several procedures are bundled: the 住民票 request is one of the listed items
    listed = [window.home.list.item(row).text() for row in range(window.home.list.count())]
    assert any("住民票の写し等交付請求書" in text for text in listed)
    window.tasks.wait()


def go_to_applicant(qtbot, window):
    start_procedure(window)
    window.bridge.session.set_answer("relationship", "self")
    window.bridge.session.go_to("applicant")


def test_postal_code_fills_the_address_and_says_so(qtbot, window):
    from ui import a11y

    go_to_applicant(qtbot, window)
    type_text(find(window, QLineEdit, "input_applicant_address_postal_code"), "１００－００１３")
    assert find(window, QLineEdit, "input_applicant_address_prefecture").text() == "東京都"
    assert find(window, QLineEdit, "input_applicant_address_city").text() == "千代田区"
    assert find(window, QLineEdit, "input_applicant_address_town").text() == "霞が関"
    assert window.bridge.session.answers["applicant_address"]["town"] == "霞が関"
    assert "東京都千代田区霞が関" in a11y.history[-1]


def test_a_postal_code_for_several_towns_offers_them_to_choose(qtbot, window):
    from PySide6.QtWidgets import QComboBox

    go_to_applicant(qtbot, window)
    type_text(find(window, QLineEdit, "input_applicant_address_postal_code"), "4520961")
    towns = find(window, QComboBox, "towns_applicant_address")
    assert towns.isVisible() and towns.count() > 10
    assert find(window, QLineEdit, "input_applicant_address_town").text() == ""
    chosen = towns.itemText(3)
    towns.activated.emit(3)
    assert find(window, QLineEdit, "input_applicant_address_town").text() == chosen
    assert window.bridge.session.answers["applicant_address"]["town"] == chosen
    assert not towns.isVisible()


def test_era_date_shows_how_it_will_be_written(qtbot, window):
    go_to_applicant(qtbot, window)
    type_text(find(window, QLineEdit, "input_applicant_birth_date"), "S45.3.1")
    feedback = find(window, QLabel, "feedback_applicant_birth_date")
    assert feedback.isVisible()
    assert "1970年(昭和45年)3月1日" in feedback.text()
    box = find(window, QLineEdit, "input_applicant_birth_date")
    box.editingFinished.emit()     # leaving the box: a screen reader hears it next time, not on every key
    assert "1970年(昭和45年)3月1日" in box.accessibleDescription()


def test_a_kanji_outside_jis_is_explained_and_kept(qtbot, window):
    go_to_applicant(qtbot, window)
    commit_text(find(window, QLineEdit, "input_applicant_name_family"), "髙橋")
    feedback = find(window, QLabel, "feedback_applicant_name")
    assert "髙" in feedback.text()
    assert window.bridge.session.values()["applicant_name"]["family"] == "髙橋"


def test_coming_back_to_a_step_shows_how_answers_will_be_written(qtbot, window):
    start_procedure(window)
    session = window.bridge.session
    session.set_answer("relationship", "self")
    session.set_answer("applicant_phone", "０９０１２３４５６７８")
    session.go_to("applicant")
    assert "090-1234-5678" in find(window, QLabel, "feedback_applicant_phone").text()


def test_an_ended_era_is_explained_and_the_correct_date_offered_not_forced(qtbot, window):
    go_to_applicant(qtbot, window)
    session = window.bridge.session
    for field_id, raw in {"applicant_name": {"family": "山田", "given": "太郎", "family_kana": "ヤマダ",
                                             "given_kana": "タロウ"},
                          "applicant_address": {"prefecture": "東京都", "city": "千代田区", "town": "霞が関",
                                                "block": "2-1-2"},
                          "applicant_phone": "090-1234-5678"}.items():
        session.set_answer(field_id, raw)
    commit_text(find(window, QLineEdit, "input_applicant_birth_date"), "平成31年5月1日")
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert session.current_step.id == "applicant"
    assert session.answers["applicant_birth_date"] == "平成31年5月1日"      # never changed silently
    use = find(window, QPushButton, "suggestion_applicant_birth_date")
    assert "令和元年5月1日" in use.text() and "請求者の生年月日" in use.accessibleName()
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert session.answers["applicant_birth_date"] == "令和元年5月1日"
    assert QApplication.focusWidget() is find(window, QLineEdit, "input_applicant_birth_date")
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert session.current_step.id == "household_head_step"
    assert session.values()["applicant_birth_date"] == "2019-05-01"


def test_a_kanji_fallback_is_only_used_when_the_person_chooses_it(qtbot, window):
    go_to_applicant(qtbot, window)
    commit_text(find(window, QLineEdit, "input_applicant_name_family"), "髙橋")
    use = find(window, QPushButton, "suggestion_applicant_name_family")
    assert "高橋" in use.text()
    assert window.bridge.session.answers["applicant_name"]["family"] == "髙橋"
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert window.bridge.session.answers["applicant_name"]["family"] == "高橋"
    assert window.findChild(QPushButton, "suggestion_applicant_name_family") is None


def test_a_reading_becomes_katakana_when_the_person_moves_on(qtbot, window):
    go_to_applicant(qtbot, window)
    reading = find(window, QLineEdit, "input_applicant_name_family_kana")
    commit_text(reading, "やまだ")
    assert reading.text() == "やまだ"                  # nothing changes while typing
    qtbot.keyClick(reading, Qt.Key.Key_Tab)
    assert reading.text() == "ヤマダ"
    assert window.bridge.session.answers["applicant_name"]["family_kana"] == "ヤマダ"


def test_a_guessed_long_vowel_is_asked_not_applied(qtbot, window):
    go_to_applicant(qtbot, window)
    reading = find(window, QLineEdit, "input_applicant_name_family_kana")
    commit_text(reading, "さと-")
    qtbot.keyClick(reading, Qt.Key.Key_Tab)
    assert reading.text() == "さと-"
    use = find(window, QPushButton, "suggestion_applicant_name_family_kana")
    qtbot.keyClick(use, Qt.Key.Key_Space)
    assert reading.text() == "サトー"
