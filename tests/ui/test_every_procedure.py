"""Every bundled procedure, through the real window: each of its steps shown with its example
answers (examples/<id>_answers.json), every control on it named for a screen reader, Next pressed
on each page without a complaint, the review listing the answers, and the files made — the form's
text holding the applicant's name, the done page listing what to bring and the deadlines.

The answers are given to the session (as tests/conftest.export_answers does) rather than typed;
typing each kind is tested per kind (tests/ui/test_kind_widgets.py) and for the 住民票 request end
to end by keyboard (tests/e2e/test_keyboard_only.py).
"""

from __future__ import annotations

import json
import subprocess

import pytest
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QApplication

from assistant import resources
from assistant.i18n import ptext
from tests.conftest import ROOT, start_procedure
from tests.ui.test_accessibility import _focusable

IDS = sorted(p.stem for p in resources.procedures().glob("*.yaml"))


def _name(widget) -> str:
    interface = QAccessible.queryAccessibleInterface(widget)
    return interface.text(QAccessible.Text.Name) if interface else ""


def _example(procedure_id: str) -> dict:
    path = ROOT / "examples" / ("juminhyo_answers.json" if procedure_id == "juminhyo_copy"
                                else f"{procedure_id}_answers.json")
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("procedure_id", IDS)
def test_every_bundled_procedure_runs_through_the_window_to_its_files(qtbot, window, procedure_id):
    answers = _example(procedure_id)
    start_procedure(window, procedure_id)
    session = window.bridge.session
    for field_id, raw in answers.items():
        session.set_answer(field_id, raw)
    window.step.render()
    seen = []
    for _ in range(40):
        if window.stack.currentWidget() is not window.step:
            break
        step = session.current_step
        seen.append(step.id)
        QApplication.processEvents()
        unnamed = [f"{type(w).__name__} {w.objectName()!r}" for w in _focusable(window) if not _name(w).strip()]
        assert not unnamed, f"{procedure_id} step {step.id}: controls without a name: {unnamed}"
        assert session.step_errors(step) == [], f"{procedure_id} step {step.id} refuses its example answers"
        window.step.next.click()
        QApplication.processEvents()
    assert window.stack.currentWidget() is window.review, f"{procedure_id}: never reached the review ({seen})"
    assert len(seen) == len(set(seen)) >= 2

    window.review.export.click()
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.done, timeout=30000)
    folder = window.done.result.folder
    form = folder / f"{procedure_id}.pdf"
    text = subprocess.run(["pdftotext", "-raw", str(form), "-"], capture_output=True, text=True,
                          check=True).stdout
    names = [v["family"] for v in answers.values() if isinstance(v, dict) and "family" in v]
    assert names and names[0] in text, f"{procedure_id}: the form does not show {names[:1]}"
    record = json.loads((folder / f"{procedure_id}.json").read_text(encoding="utf-8"))
    assert record["procedure"]["id"] == procedure_id
    shown = window.done.next_steps.text()
    checklist = session.checklist()
    assert checklist.bring, f"{procedure_id}: nothing to bring at all"
    for attachment in checklist.bring:
        assert ptext(attachment.label) in shown, f"{procedure_id}: the done page does not list {attachment.id}"
    assert [a["id"] for a in record["omitted_attachments"]] == [a.id for a in checklist.omitted]
    for due in session.due_dates():
        assert ptext(due.deadline.label) in shown, f"{procedure_id}: the done page does not give {due.deadline.id}"
