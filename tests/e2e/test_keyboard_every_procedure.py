"""Keyboard only, for each of the six procedures beside the 住民票 request (tests/e2e/test_keyboard_only.py):
from the list (the procedure's name searched by typing, Enter) through "who applies", every step
answered with Tab, arrows, Space, Enter and typing (examples/<id>_answers.json), group entries added
with their button, one Next refused with the focus taken to the question to fix, the review, the
files made — then the real PDF read back, the JSON's answers, the reasons on the checklist and the
deadlines on the done page.
"""

from __future__ import annotations

import json
import subprocess

import pytest
from PySide6.QtCore import Qt

from assistant.i18n import ptext
from assistant.kinds import kind_of
from assistant.interview.address import with_addresses_filled
from assistant.interview.deadlines import deadline_record
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.interview.validation import printed
from tests.conftest import ROOT
from tests.e2e.keyboard import answer_step, choose, fill, focused, key
from tests.ui.typing import commit_text

pytestmark = pytest.mark.e2e

#: procedure → (what is typed in the list's search box, who applies on the "who" page)
CASES = {
    "jido_teate": ("児童手当", "applicant_self"),
    "kaigo_nintei": ("介護", "applicant_household"),
    "tenshutsu": ("転出", "applicant_self"),
    "risai_shomei": ("罹災", "applicant_household"),
    "sosaihi": ("葬祭費", "applicant_proxy"),
    "inkan_toroku": ("印鑑登録", "applicant_self"),
}
#: a representative applies (the answers file's own applicant is the resident): a 委任状 is made
REPRESENTED = {"sosaihi": {"filer": "proxy"}}


def _as_the_cli_reads(procedure, answers: dict) -> Session:
    """The answers file given to the core as `tetsuzuki export` does."""
    return Session(procedure, with_addresses_filled(procedure, answers))


def _printed(session: Session) -> list[tuple]:
    """(field, text) for each answer that applies, as the form prints it (spaces left out)."""
    found = []
    for step in session.visible_steps():
        for field in session.visible_fields(step):
            if kind_of(field).container:
                for item in session.items(field.id):
                    for sub in session.visible_item_fields(field, item):
                        found.append((sub, printed(sub, session.result(sub, item))))
            elif session.value(field.id) is not None:
                found.append((field, printed(field, session.result(field))))
    return [(f, "".join(text.split())) for f, text in found if text.strip()]


def _answers(procedure_id: str) -> dict:
    return json.loads((ROOT / "examples" / f"{procedure_id}_answers.json").read_text(encoding="utf-8"))


def _pdftotext(path) -> str:
    raw = subprocess.run(["pdftotext", "-raw", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return "".join(raw.split())


def _refused_first(session, answers: dict) -> str:
    """The question left blank on its step so that Next is refused once: the first required
    phone number (every procedure asks for one)."""
    for step in session.procedure.steps:
        for field in step.fields:
            if field.kind == "phone" and field.required and field.id in answers:
                return field.id
    pytest.fail("no required phone number to leave out")


@pytest.mark.parametrize("procedure_id", sorted(CASES))
def test_keyboard_only_from_the_list_to_the_files(qtbot, window, procedure_id):
    search, applicant = CASES[procedure_id]
    answers = {**_answers(procedure_id), **REPRESENTED.get(procedure_id, {})}
    window.activateWindow()
    window.home.search.setFocus()              # where the window puts the cursor at start
    commit_text(focused(), search)
    key(qtbot, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.who
    assert focused().objectName() == "applicant_self"     # who applies: the resident, preselected
    choose(qtbot, applicant)
    key(qtbot, Qt.Key.Key_Return)
    session = window.bridge.session
    assert session.procedure.id == procedure_id

    refused = _refused_first(session, answers)
    seen = []
    while not session.at_review:
        step = session.current_step
        assert step.id not in seen, f"back on {step.id} after {seen}"
        seen.append(step.id)
        shown = [f.id for f in session.visible_fields(step)]
        leave_out = refused if refused in shown else ""
        answer_step(qtbot, window, answers, leave_out=leave_out)
        key(qtbot, Qt.Key.Key_Return)
        if leave_out:
            assert session.current_step is step
            assert focused().objectName() == f"input_{leave_out}"   # the focus on what to fix
            assert window.step.summary.isVisible()
            label = ptext(session.procedure.field(leave_out).label)
            assert label in window.step.summary.text(), window.step.summary.text()
            assert label in focused().accessibleDescription() or focused().accessibleDescription()
            fill(qtbot, f"input_{leave_out}", answers[leave_out])
            key(qtbot, Qt.Key.Key_Return)
            refused = ""
        assert session.current_step is not step or session.at_review, \
            f"{step.id}: Next refused: {[(e.field_id, e.message) for e in session.step_errors(step)]}"
    assert not refused, "Next was never refused"

    assert focused() is window.review.export
    key(qtbot, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=30000)
    assert focused() is window.done.print_pdf          # the main action: print, sign, bring
    result = window.done.result
    expected = _as_the_cli_reads(session.procedure, answers)

    # the form: every answer that applies, as the form prints it
    form = _pdftotext(result.pdf)
    on_form = _printed(expected)
    assert len(on_form) >= 10
    missing = [(f.id, text) for f, text in on_form if text not in form]
    assert not missing, f"{procedure_id}: not on the form: {missing}"
    letter = result.power_of_attorney
    if procedure_id in REPRESENTED:
        assert letter is not None and letter.exists(), "no 委任状 although a representative applies"
        text = _pdftotext(letter)
        name = expected.answers["applicant_name"]
        assert "委任状" in text and name["family"] + name["given"] in text, text[:300]
    else:
        assert letter is None

    # the JSON: the answers typed are those of the answers file, read as the CLI reads them
    record = json.loads((result.folder / f"{procedure_id}.json").read_text(encoding="utf-8"))
    assert record["procedure"]["id"] == procedure_id
    assert record["answers"] == Record.of(expected).answers()
    assert [a["id"] for a in record["omitted_attachments"]] == [a.id for a in session.checklist().omitted]

    # the done page: what to bring and why, what is not needed and why, the deadlines
    shown = window.done.next_steps.text()
    checklist = session.checklist()
    assert checklist.bring
    for attachment in checklist.bring:
        assert ptext(attachment.label) in shown and ptext(attachment.reason) in shown, attachment.id
    for attachment in checklist.omitted:
        assert ptext(attachment.omit_reason) in shown, attachment.id
    dues = session.due_dates()
    assert [(d.deadline.id, d.due) for d in dues] == [(d.deadline.id, d.due) for d in expected.due_dates()]
    for due in dues:
        assert ptext(due.deadline.label) in shown, due.deadline.id
        if due.due is not None:                  # the last day, e.g. 2026年(令和8年)12月5日まで
            assert f"{due.due.year}年" in shown and f"{due.due.month}月{due.due.day}日まで" in shown, shown
    assert record["deadlines"] == deadline_record(dues)
