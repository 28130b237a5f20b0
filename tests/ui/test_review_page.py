"""The review page in the person's language: each chosen option in the interface language with the
official Japanese beside it, whole sentences about what happens next, examples translated."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit

from assistant.i18n import ptext
from tests.conftest import start_procedure
from tests.ui.test_export_page import ANSWERS


def _answers(window) -> dict[str, str]:
    return {box.objectName().removeprefix("review_"): box.text()
            for box in window.review.findChildren(QLineEdit) if box.objectName().startswith("review_")}


def _to_review(window, answers) -> None:
    start_procedure(window)
    for field_id, raw in answers.items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("review")


def test_english_review_shows_each_option_in_english_with_the_japanese_beside_it(qtbot, window, english):
    _to_review(window, dict(ANSWERS, household_head_is_subject=False, purpose="other", purpose_other="登記"))
    shown = _answers(window)
    assert shown["relationship"] == f"{ptext('本人', 'en')}（本人）"
    assert shown["scope"] == f"{ptext('世帯全員', 'en')}（世帯全員）" and shown["scope"].startswith("Everyone")
    assert shown["household_head_is_subject"] == "No（いいえ）"
    assert shown["purpose"].endswith("（その他）") and shown["purpose"] != "その他"
    assert shown["applicant_address"].startswith("〒100-0013 東京都千代田区")   # typed answers as written
    info = window.review.next_info.text()
    assert "bring to The" not in info and "Where to bring it: The residence record counter" in info


def test_japanese_review_shows_the_official_words_only(qtbot, window):
    _to_review(window, ANSWERS)
    shown = _answers(window)
    assert shown["relationship"] == "本人" and shown["scope"] == "世帯全員" and shown["household_head_is_subject"] == "はい"


def test_several_choices_are_joined_as_the_language_joins_a_list(qtbot, window, english):
    _to_review(window, dict(ANSWERS, optional_entries=["household_head_relationship", "registered_domicile",
                                                         "resident_code"]))
    entries = _answers(window)["optional_entries"]
    assert "、" not in entries.replace("（", "(").split("(")[0]     # no Japanese comma between English words
    assert ", and " in entries or " and " in entries


def test_examples_are_in_the_persons_language_and_the_add_button_waits_for_a_first_entry(qtbot, window, english):
    start_procedure(window)
    block = window.step.blocks["relationship"]
    assert f"Example: {ptext('本人', 'en')}（本人）" in block.accessibleDescription() or any(
        f"Example: {ptext('本人', 'en')}（本人）" == label.text() for label in block.findChildren(type(block.feedback)))
    window.bridge.session.set_answer("scope", "some_members")
    window.bridge.session.go_to("certificate")
    add = window.step.blocks["members"].add_button
    assert add.text() != "Add one more" and "Add" in add.text()


def test_a_group_item_is_named_on_the_review_as_on_its_step(qtbot, window, english):
    members = [{"member_name": "山田　花子"}, {"member_name": "山田　一郎"}]
    _to_review(window, dict(ANSWERS, scope="some_members", members=members))
    second = window.review.findChild(QLineEdit, "review_members[1].member_name")
    assert second.text() == "山田　一郎"
    assert second.accessibleName() == f"{ptext('載せる方')} 2: {ptext('氏名')}"
    window.bridge.session.go_to("certificate")
    step_box = window.step.findChild(QLineEdit, "members1_input_member_name")
    assert step_box.accessibleName().startswith(f"{ptext('載せる方')} 2 – {ptext('氏名')}")   # the same item label


def test_a_problem_with_a_whole_group_item_takes_the_focus_to_its_group(qtbot, window, english):
    # e.g. from an answers file: an entry with a key the form does not ask ("members[0]")
    _to_review(window, dict(ANSWERS, scope="some_members", members=[{"member_name": "山田　花子", "age": 3}]))
    session = window.bridge.session
    session.go_to("certificate")
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.mouseClick(window.step.next, Qt.MouseButton.LeftButton)
    assert not session.at_review and "age" in window.step.summary.text(), window.step.summary.text()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.step.blocks["members"].add_button)
