"""The last page: what to do next, and a warning when some characters could not be printed."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication

from assistant.export import pdf
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


def test_characters_no_font_can_draw_are_named_so_they_can_be_written_by_hand(qtbot, window, monkeypatch):
    monkeypatch.setattr(pdf, "FALLBACK_FONTS", ())
    name = dict(ANSWERS["applicant_name"], family="𠮷田")
    export(qtbot, window, dict(ANSWERS, applicant_name=name))
    assert window.done.result.missing == {"𠮷"}
    assert "𠮷" in window.done.next_steps.text()


def test_the_persons_own_copy_follows_in_their_language(qtbot, window, english):
    export(qtbot, window, ANSWERS)
    qtbot.waitUntil(lambda: window.done.open_copy.isVisible(), timeout=15000)
    assert window.done.result.copy.name == "juminhyo_copy.copy-en.pdf" and window.done.result.copy.exists()
    window.tasks.wait()
