"""The last page: what to do next, and a warning when some characters could not be printed."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from assistant import fonts
from assistant.i18n import _
from tests.conftest import ROOT, export_answers, start_procedure

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


def export(qtbot, window, answers):
    start_procedure(window)
    export_answers(qtbot, window, answers)


def test_the_done_page_says_where_the_files_are_and_what_to_bring(qtbot, window, app_paths):
    export(qtbot, window, ANSWERS)
    assert QApplication.focusWidget() is window.done.where
    assert window.done.where.text().startswith(str(app_paths.exports))
    assert "本人確認書類" in window.done.next_steps.text()
    assert window.windowTitle().startswith(_("Your form is ready") + " — ")


def test_a_character_no_font_can_draw_stops_the_export_and_says_which_answer_to_change(
        qtbot, window, monkeypatch, app_paths):
    # before: the form was written without 𠮷 (a different name) and the done page asked to write it by hand
    monkeypatch.setattr(fonts, "FALLBACK_FONTS", ())
    name = dict(ANSWERS["applicant_name"], family="𠮷田")
    start_procedure(window)
    for field_id, raw in dict(ANSWERS, applicant_name=name).items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("review")
    window.review.export.click()
    qtbot.waitUntil(lambda: "U+20BB7" in window.review.status.text(), timeout=15000)
    status = window.review.status.text()
    assert "氏" in status and "吉田" in status and _("Change") in status   # the button to press
    assert window.stack.currentWidget() is window.review and window.review.export.isEnabled()
    assert not app_paths.exports.exists() or list(app_paths.exports.iterdir()) == []


def test_the_persons_own_copy_follows_in_their_language(qtbot, window, english):
    export(qtbot, window, ANSWERS)
    qtbot.waitUntil(lambda: window.done.open_copy.isVisible(), timeout=15000)
    assert window.done.result.copy.name == "juminhyo_copy.copy-en.pdf" and window.done.result.copy.exists()
    window.tasks.wait()
