"""Assisted use and the once-only profile, through the window: who fills in is recorded in the
draft and the exported files; saved details are offered (marked) in the next form."""

from __future__ import annotations

import json
import subprocess

from PySide6.QtWidgets import QApplication, QDialog

from assistant.drafts.keys import MemoryKeySource
from assistant.drafts.store import DraftStore
from assistant.drafts.unlock import KeyChoice
from tests.conftest import ROOT, export_answers
from tests.ui.typing import type_text
from ui.app import build_window
from ui.tasks import Tasks

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
KEY = MemoryKeySource()     # one key for the whole module: a second window opens what the first saved


def open_window(qtbot, app_paths):
    window = build_window(app_paths, Tasks(), key_chooser=lambda _folder: KeyChoice("ready", "test", KEY))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.keeper.store is not None)
    qtbot.waitUntil(lambda: window.home.details.isVisible())
    window.tasks.wait()      # the profile has been looked for …
    QApplication.processEvents()     # … and its result, queued to the window's thread, delivered
    return window


def test_a_volunteer_is_recorded_in_the_draft_and_on_the_form(qtbot, qapp, app_paths, english):
    window = open_window(qtbot, app_paths)
    window.home.procedure_chosen.emit("juminhyo_copy")
    assert window.stack.currentWidget() is window.who and window.windowTitle().startswith("Who will apply, and who is typing?")
    window.who.role_buttons["volunteer"].click()
    window.who.helper_name.setFocus()
    type_text(window.who.helper_name, "支援 花子")
    type_text(window.who.helper_organisation, "中央コミュニティセンター")
    window.who.go_on.click()
    assert window.stack.currentWidget() is window.who       # the resident has not agreed yet
    window.who.consent.click()
    window.who.go_on.click()
    assert window.stack.currentWidget() is window.step
    export_answers(qtbot, window, ANSWERS)
    window.tasks.wait()
    assert "支援 花子" in window.done.next_steps.text()

    saved = DraftStore(window.keeper.folder, KEY).load(window.keeper.draft_id).draft
    assert saved.filled_by["role"] == "volunteer" and saved.filled_by["consent_at"]
    assert saved.filled_by["helper_organisation"] == "中央コミュニティセンター"
    record = json.loads(window.done.result.json.read_text(encoding="utf-8"))
    assert record["filled_by"]["helper_name"] == "支援 花子"
    text = subprocess.run(["pdftotext", "-raw", str(window.done.result.pdf), "-"], capture_output=True,
                          text=True, check=True).stdout
    assert "支援 花子" in text and "中央コミュニティセンター" in text
    assert window.done.result.power_of_attorney is None and not window.done.open_letter.isVisible()


def test_a_daughter_applies_as_representative_while_a_volunteer_types(qtbot, qapp, app_paths, english):
    window = open_window(qtbot, app_paths)
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.applicant_buttons["proxy"].click()
    window.who.role_buttons["volunteer"].click()
    type_text(window.who.helper_name, "支援 花子")
    type_text(window.who.helper_organisation, "中央コミュニティセンター")
    window.who.consent.click()
    window.who.go_on.click()
    # step 1 does not ask again: 代理人 is carried over, and the page says where it came from
    assert window.bridge.session.answers["relationship"] == "proxy"
    assert "Who will apply" in window.step.blocks["relationship"].feedback.text()
    subject = {"subject_name": {"family": "住民", "given": "一子", "family_kana": "じゅうみん", "given_kana": "かずこ"},
               "subject_address": ANSWERS["applicant_address"]}
    export_answers(qtbot, window, dict(ANSWERS, relationship="proxy", **subject))
    assert window.done.result.power_of_attorney is not None and window.done.open_letter.isVisible()
    text = subprocess.run(["pdftotext", "-raw", str(window.done.result.power_of_attorney), "-"],
                          capture_output=True, text=True, check=True).stdout
    assert "委任状" in text and "住民" in text
    record = json.loads(window.done.result.json.read_text(encoding="utf-8"))
    assert record["filled_by"]["applicant"] == "proxy" and record["filled_by"]["helper_name"] == "支援 花子"


def test_saved_details_are_offered_marked_and_can_be_deleted(qtbot, qapp, app_paths, english):
    window = open_window(qtbot, app_paths)
    window.home.procedure_chosen.emit("juminhyo_copy")
    window.who.go_on.click()
    export_answers(qtbot, window, ANSWERS)
    assert window.done.save_details.isVisible() and "Name" in window.done.details_note.text()
    window.done.save_details.click()
    window.tasks.wait()
    assert not window.done.save_details.isVisible()
    assert window.keeper.profile is not None and window.keeper.profile.get("name")["family"] == "山田"
    window.close()

    window2 = open_window(qtbot, app_paths)      # the next start: the details are there
    # tasks.wait() returns when the loading is done, before its result reaches the window: wait for that
    qtbot.waitUntil(lambda: window2.keeper.profile is not None)
    window2.home.procedure_chosen.emit("juminhyo_copy")
    window2.who.go_on.click()
    window2.bridge.session.go_to("applicant")
    assert window2.bridge.session.answers["applicant_name"]["family"] == "山田"
    block = window2.step.blocks["applicant_name"]
    assert "saved details" in block.feedback.text()
    assert "saved details" in block.input.focus_target().accessibleDescription()
    # changed by the person: no longer marked as coming from the saved details
    window2.step._on_field_edited("applicant_name", dict(ANSWERS["applicant_name"], given="次郎"))
    assert "saved details" not in block.feedback.text()

    window2.stack.setCurrentWidget(window2.home)
    window2.home.details.click()
    dialog = window2.findChild(QDialog, "profile_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.delete_all.click()
    dialog.confirm_delete.click()
    window2.tasks.wait()
    qtbot.waitUntil(lambda: window2.keeper.profile is None)
    assert window2.keeper.profiles.load().profile is None
    dialog.close()
    QApplication.processEvents()



def test_a_draft_saved_with_the_single_role_of_earlier_versions_still_opens(qtbot, qapp, app_paths):
    from assistant.interview.assisted import FAMILY, PROXY
    from assistant.interview.session import Session

    window = open_window(qtbot, app_paths)
    old = {"role": "proxy", "helper_name": "代理 次郎", "helper_organisation": "", "consent_language": "ja",
           "consent_at": "2026-11-26T01:00:00+00:00"}
    window.flow.start_session(Session(window.catalog.get("juminhyo_copy"), {"relationship": "proxy"}), filled_by=old)
    assert window.stack.currentWidget() is window.step
    assert (window.visit.assistance.applicant, window.visit.assistance.role, window.visit.assistance.helper_name) == (
        PROXY, FAMILY, "代理 次郎")
    assert window.visit.assistance.consented
