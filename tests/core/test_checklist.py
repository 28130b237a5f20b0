"""What to bring: only what this person must bring, each with why; what was left out and why — the
same on the form, the person's copy, the done page's texts, the JSON and read aloud.

Gallery: attachments_and_proxies.yaml (資格確認書 needed for 厚生年金, not when the person agrees to
the office checking 公簿); 住民票 for the translated reasons. All answers are invented.
"""

from __future__ import annotations

import json

import pytest

from assistant import i18n
from assistant.export.next_steps import next_steps
from assistant.export.package import export_package
from assistant.interview.session import Session
from assistant.procedures.catalog import Catalog
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.loader import load_file
from assistant.speech import read_export
from tests.conftest import GALLERY
from tests.core.test_export import CREATED, pdftotext
from tests.core.test_session import ANSWERS

OMIT_REASON = "公簿等の確認に同意したため、市区町村が確認します。"
REASON = "加入している健康保険を確認します。"


@pytest.fixture
def procedure():
    procedure, errors = load_file(GALLERY / "attachments_and_proxies.yaml")
    assert errors == []
    return procedure


def answers(consent: bool) -> dict:
    return {"filer": "self", "pension": "employee", "consent_lookup": consent}


def test_an_attachment_the_office_can_check_is_left_out_with_its_reason(procedure):
    items = Session(procedure, answers(True)).checklist()
    assert [a.id for a in items.bring] == ["identity"]
    assert [a.id for a in items.omitted] == ["insurance_proof"]
    items = Session(procedure, answers(False)).checklist()
    assert [a.id for a in items.bring] == ["identity", "insurance_proof"] and items.omitted == ()
    # not needed at all in this case (国民年金): neither brought nor said to be left out
    items = Session(procedure, {**answers(True), "pension": "national"}).checklist()
    assert [a.id for a in items.bring] == ["identity"] and items.omitted == ()


def test_the_json_lists_what_was_left_out_and_why(procedure, tmp_path):
    result = export_package(Session(procedure, answers(True)), tmp_path, CREATED)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["attachments"] == [{"id": "identity", "label": "本人確認書類"}]
    assert record["omitted_attachments"] == [
        {"id": "insurance_proof", "label": "資格確認書", "omit_reason": OMIT_REASON}]


def test_the_form_lists_each_document_with_why_and_what_is_not_needed(procedure, tmp_path):
    text = pdftotext(export_package(Session(procedure, answers(True)), tmp_path / "a", CREATED).pdf)
    assert "□ 本人確認書類 必要な理由：窓口に来た方が誰かを確認します。" in text
    assert f"不要：資格確認書 {OMIT_REASON}" in text
    text = pdftotext(export_package(Session(procedure, answers(False)), tmp_path / "b", CREATED).pdf)
    assert f"□ 資格確認書：公簿で確認できる場合は不要です。 必要な理由：{REASON}" in text
    assert "不要：" not in text


def test_the_copy_done_page_and_read_aloud_say_why_and_what_is_left_out(procedure, tmp_path, english):
    session = Session(procedure, answers(True))
    result = export_package(session, tmp_path, CREATED)
    copy = pdftotext(result.copy)
    identity = i18n.bilingual("本人確認書類")   # Identity document（本人確認書類）: in the catalogs
    why = i18n.bilingual("窓口に来た方が誰かを確認します。")   # translated, the Japanese beside
    assert f"□ {identity} Why: {why}" in copy
    assert f"What you need not bring: 資格確認書 is not needed: {OMIT_REASON}" in copy
    steps = next_steps(session)
    assert steps.bring == (f"{identity}\nWhy: {why}",)
    assert steps.omitted == (f"資格確認書 is not needed: {OMIT_REASON}",)
    said = " ".join(u.text for u in read_export(session, result))
    assert f"Why: {i18n.ptext('窓口に来た方が誰かを確認します。')}" in said and f"資格確認書 is not needed: {OMIT_REASON}" in said


def test_reasons_of_a_bundled_procedure_are_translated_with_the_japanese_beside(tmp_path, english):
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    session = Session(procedure, dict(ANSWERS))
    reason = procedure.attachments[0].reason
    assert i18n.ptext(reason) != reason
    [document] = next_steps(session).bring
    assert document.endswith(f"Why: {i18n.ptext(reason)}（{reason}）")
