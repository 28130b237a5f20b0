"""A shared computer at a community centre: "End session" leaves nothing of the resident behind."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from assistant import i18n
from tests.conftest import ROOT, export_answers, memory_keys, start_procedure
from ui.app import build_window, setup_application
from ui.tasks import Tasks

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
PERSONAL = ["山田".encode(), "ヤマダ".encode(), b"090-1234-5678", b"1000013"]


def test_end_session_erases_drafts_files_and_clipboard(qtbot, qapp, app_paths, monkeypatch):
    setup_application(qapp)
    window = build_window(app_paths, Tasks(), key_chooser=memory_keys, shared_pc=True)
    qtbot.addWidget(window)
    window.show()
    assert window.header.end.isVisible()
    qtbot.waitUntil(lambda: window.keeper.store is not None)
    start_procedure(window)
    export_answers(qtbot, window, ANSWERS)
    QApplication.clipboard().setText("山田　太郎")
    window.header.larger.click()                       # the resident's own text size and language…
    window.header.language.setCurrentIndex(window.header.language.findData("en"))
    assert window.settings.zoom == 125 and i18n.current_language() == "en"
    window.tasks.wait()
    assert list((app_paths.data / "drafts").glob("*.tzd")) and list(app_paths.exports.rglob("*.pdf"))

    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.header.end.click()
    qtbot.waitUntil(lambda: bool(window.draft_status.text()) and window.stack.currentWidget() is window.home)
    window.tasks.wait()

    left = [p for folder in (app_paths.data, app_paths.exports, app_paths.config) if folder.exists()
            for p in folder.rglob("*") if p.is_file()]
    assert not [p for p in left if any(text in p.read_bytes() for text in PERSONAL)], left
    assert not list(app_paths.exports.rglob("*.pdf"))
    assert QApplication.clipboard().text() == ""
    # … are not remembered on disk, and the next person finds the centre's settings
    assert not (app_paths.config / "settings.json").exists()
    assert window.settings.zoom == 100 and i18n.current_language() == "ja"
    assert window.stack.currentWidget() is window.home and window.home.drafts.count() == 0
    assert window.draft_status.text()
    window.tasks.wait()


def test_the_end_session_button_is_only_on_shared_computers(qtbot, window):
    assert not window.header.end.isVisible()


def test_on_a_shared_computer_nothing_is_written_until_the_resident_chooses_a_pin(qtbot, qapp, app_paths):
    from tests.ui.test_drafts_ui import pin_window

    setup_application(qapp)
    window = pin_window(qtbot, app_paths)          # drafts are offered, under a PIN only
    start_procedure(window)
    for field_id, raw in ANSWERS.items():
        window.bridge.session.set_answer(field_id, raw)
    window.bridge.session.go_to("review")
    window.keeper.save_now()
    window.tasks.wait()
    written = [p for folder in (app_paths.data, app_paths.exports) if folder.exists()
               for p in folder.rglob("*") if p.is_file()]
    assert written == []
    assert not window.home.details.isVisible()          # no saved details either without the PIN

    window.home.protect.click()
    dialog = window.findChild(QDialog, "passphrase_dialog")
    dialog.first.setText("green tea at noon")
    dialog.second.setText("green tea at noon")
    dialog.ok.click()
    qtbot.waitUntil(lambda: any((app_paths.data / "drafts").glob("*.tzd")), timeout=10000)   # saved now
    window.tasks.wait()
