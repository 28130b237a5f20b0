"""Drafts as a person meets them: answers kept while typing, offered again after a restart."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLineEdit, QMessageBox

from assistant.drafts.keys import MemoryKeySource
from assistant.drafts.store import DraftStore
from assistant.drafts.unlock import KeyChoice
from tests.conftest import ROOT, start_procedure
from tests.ui.typing import commit_text
from ui.app import build_window
from ui.tasks import Tasks

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


def test_typing_is_saved_encrypted_and_a_new_window_offers_to_continue(qtbot, qapp, app_paths):
    key = MemoryKeySource()
    chooser = lambda _folder: KeyChoice("ready", "test", key)   # noqa: E731 - the same key after "restart"
    first = build_window(app_paths, Tasks(), key_chooser=chooser)
    qtbot.addWidget(first)
    first.show()
    first.tasks.wait()
    start_procedure(first)
    first.bridge.session.set_answer("relationship", "self")
    first.bridge.session.next()
    commit_text(first.findChild(QLineEdit, "input_applicant_name_family"), "山田")
    qtbot.waitUntil(lambda: "山田" in json.dumps(_only_draft(app_paths, key).answers, ensure_ascii=False)
                    and "保存しました" in first.draft_status.text(), timeout=5000)
    files = list((app_paths.data / "drafts").glob("*.tzd"))
    assert files and all("山田".encode() not in f.read_bytes() for f in files)   # encrypted on disk
    first.close()

    second = build_window(app_paths, Tasks(), key_chooser=chooser)
    qtbot.addWidget(second)
    second.show()
    qtbot.waitUntil(lambda: second.home.drafts.count() == 1, timeout=5000)
    assert "住民票の写し等交付請求書" in second.home.drafts.item(0).text()
    from assistant.i18n import ngettext
    from ui.a11y import history
    told = ngettext("You have {count} unfinished procedure saved on this computer.",
                    "You have {count} unfinished procedures saved on this computer.", 1).format(count=1)
    assert told in history             # said at start, for whoever cannot see the list
    qtbot.mouseClick(second.home.resume, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: second.bridge is not None, timeout=5000)
    assert second.bridge.session.current_step.id == "applicant"
    assert second.findChild(QLineEdit, "input_applicant_name_family").text() == "山田"
    second.tasks.wait()


def test_a_draft_can_be_deleted_after_confirming(qtbot, window, app_paths, monkeypatch):
    qtbot.waitUntil(lambda: window.keeper.store is not None)     # the key is found in the background
    start_procedure(window)
    window.bridge.session.set_answer("relationship", "self")
    window.bridge.session.next()                          # a step change saves at once
    start_procedure(window)   # a second, separate draft
    window.bridge.session.set_answer("relationship", "proxy")
    window.bridge.session.next()
    window.tasks.wait()
    window.keeper.refresh()
    qtbot.waitUntil(lambda: window.home.drafts.count() == 2, timeout=5000)
    monkeypatch.setattr(QMessageBox, "question", lambda *args: QMessageBox.StandardButton.Yes)
    window.home.drafts.setCurrentRow(1)
    qtbot.mouseClick(window.home.delete, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.home.drafts.count() == 1, timeout=5000)


def _only_draft(paths, key):
    store = DraftStore(paths.data / "drafts", key)
    ids = store.draft_ids()
    return store.load(ids[0]).draft if ids else _Empty()


class _Empty:
    answers: dict = {}


def pin_window(qtbot, app_paths):
    """A shared computer's window: drafts only under a PIN (real scrypt key derivation)."""
    from ui.drafts import default_key_chooser

    window = build_window(app_paths, Tasks(), key_chooser=lambda folder: default_key_chooser(folder, True),
                          shared_pc=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.protect.isVisible())
    return window


def test_the_pin_is_checked_in_the_background_and_a_wrong_one_is_said_in_words(qtbot, qapp, app_paths):
    from assistant.drafts.unlock import wrong_passphrase_message

    window = pin_window(qtbot, app_paths)
    window.home.protect.click()
    dialog = window.findChild(QDialog, "passphrase_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.first.setText("blue kettle")
    dialog.second.setText("blue kettle")
    dialog.ok.click()
    # the window is not blocked while scrypt runs: the dialog says it is checking
    assert not dialog.ok.isEnabled() and dialog.problem.text()
    qtbot.waitUntil(lambda: window.keeper.store is not None
                    and window.findChild(QDialog, "passphrase_dialog") is None, timeout=10000)
    window.close()

    again = pin_window(qtbot, app_paths)          # the next start: the PIN opens the drafts
    again.home.protect.click()
    dialog = again.findChild(QDialog, "passphrase_dialog")
    dialog.first.setText("red kettle")
    dialog.ok.click()
    qtbot.waitUntil(lambda: dialog.ok.isEnabled(), timeout=10000)
    assert dialog.isVisible() and dialog.problem.text() == wrong_passphrase_message()
    assert again.keeper.store is None
    dialog.first.setText("blue kettle")
    dialog.ok.click()
    qtbot.waitUntil(lambda: again.keeper.store is not None
                    and again.findChild(QDialog, "passphrase_dialog") is None, timeout=10000)
    again.close()


def test_a_draft_of_an_older_version_of_the_form_opens_at_the_first_step_with_an_explanation(
        qtbot, qapp, app_paths, english):
    from assistant.drafts.store import Draft

    key = MemoryKeySource()
    store = DraftStore(app_paths.data / "drafts", key)
    store.save(Draft("juminhyo_copy", "2020.1", dict(ANSWERS, gone_field="kept"), step_id="purpose_step"))
    window = build_window(app_paths, Tasks(), key_chooser=lambda _folder: KeyChoice("ready", "test", key))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.drafts.count() == 1, timeout=5000)
    window.home.resume.click()
    qtbot.waitUntil(lambda: window.bridge is not None, timeout=5000)
    assert window.bridge.session.current_step.id == "relationship_step"
    assert "updated since you saved" in window.draft_status.text()
    assert window.bridge.session.answers["gone_field"] == "kept"        # nothing is thrown away
    window.tasks.wait()


def test_a_draft_whose_newest_save_is_missing_opens_its_older_answers_and_says_so(qtbot, qapp, app_paths, english):
    from assistant.drafts.store import Draft
    from assistant.procedures.catalog import Catalog

    version = Catalog.load(app_paths.procedure_dirs).get("juminhyo_copy").version
    key = MemoryKeySource()
    folder = app_paths.data / "drafts"
    store = DraftStore(folder, key)
    first = store.save(Draft("juminhyo_copy", version, dict(ANSWERS, marker="older"), step_id="purpose_step"))
    store.save(Draft("juminhyo_copy", version, dict(ANSWERS, marker="newest"), step_id="purpose_step",
                     draft_id=first.draft_id))
    (folder / f"{first.draft_id}.{store.last_generation}.tzd").unlink()   # e.g. an older backup put back
    window = build_window(app_paths, Tasks(), key_chooser=lambda _folder: KeyChoice("ready", "test", key))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.home.drafts.count() == 1, timeout=5000)
    window.home.resume.click()
    qtbot.waitUntil(lambda: window.bridge is not None, timeout=5000)
    assert "not your latest answers" in window.draft_status.text()
    assert window.bridge.session.answers["marker"] == "older"            # the older answers, not lost
    window.tasks.wait()
