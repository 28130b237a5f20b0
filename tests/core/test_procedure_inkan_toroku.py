"""印鑑登録申請書: loads, lints clean, asks only what applies, says what each way of proving identity
means for the day of registration, and exports through the command line."""

from __future__ import annotations

from assistant.interview.assisted import relationship_field
from tests.core.bundled_procedure import (deadlines, definition, example_answers, export, lint, needed,
                                          omitted, session, shown, squares, steps)
from tests.core.test_export import pdftotext

ID = "inkan_toroku"
GUARANTOR = {
    "guarantor_name": {"family": "高橋", "given": "正", "family_kana": "タカハシ", "given_kana": "タダシ"},
    "guarantor_birth_date": "昭和40年2月11日",
    "guarantor_address": {"postal_code": "100-0013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
                          "block": "2-1-2", "building": ""},
}
#: the example's person, applying through an agent: the inquiry letter is the only way left
BY_AGENT = {"filer": "proxy", "id_method_proxy": "inquiry", "id_method": None, "photo_id_type": None}


def test_loads_and_the_lint_finds_nothing():
    assert definition(ID).title == "印鑑登録申請書"
    assert lint(ID) == []


def test_every_attachment_says_why_and_every_omission_says_why_it_may_be_left_out():
    for attachment in definition(ID).attachments:
        assert attachment.reason
        assert bool(attachment.omit_when) == bool(attachment.omit_reason), attachment.id


def test_the_example_answers_every_question_of_a_typical_registration_and_nothing_hidden():
    typical = session(ID)
    assert relationship_field(typical.procedure).id == "filer"
    assert shown(typical) == set(example_answers(ID))
    assert typical.missing() == []


def test_a_photo_id_registers_the_same_day_and_no_other_document_is_needed():
    typical = session(ID)
    assert needed(typical) == {"seal", "photo_id"}
    assert omitted(typical) == {"identity_document"}
    assert deadlines(typical) == set()
    hints = {o.value: o.hint for o in typical.procedure.field("id_method").options}
    assert "その日のうちに登録" in hints["photo_id"] and "回答書を持ってきた日" in hints["inquiry"]


def test_an_agent_is_offered_only_the_guarantor_or_the_inquiry_letter():
    agent = session(ID, **BY_AGENT)
    assert "id_method" not in shown(agent) and "photo_id_type" not in shown(agent)
    assert {o.value for o in agent.procedure.field("id_method_proxy").options} == {"guarantor", "inquiry"}
    assert needed(agent) == {"seal", "identity_document", "inquiry_reply", "power_of_attorney"}
    assert deadlines(agent) == {"inquiry_reply"}
    assert agent.missing() == []


def test_a_guarantor_is_asked_about_and_brings_their_registered_seal():
    assert "guarantor_step" not in steps(session(ID))
    vouched = session(ID, id_method="guarantor", photo_id_type=None, **GUARANTOR)
    assert "guarantor_step" in steps(vouched)
    assert "guarantor_seal" in needed(vouched) and "photo_id" not in needed(vouched)
    assert vouched.missing() == []


def test_a_foreign_resident_is_asked_about_the_alias_or_katakana_form_instead():
    foreign = session(ID, foreign_resident=True, seal_name=None, seal_name_foreign="katakana")
    assert "seal_name_foreign" in shown(foreign) and "seal_name" not in shown(foreign)
    assert foreign.missing() == []


def test_cli_exports_the_example_to_a_form_and_a_record(tmp_path):
    text, record = export(ID, tmp_path)
    for printed in ("印鑑登録申請書", "高橋 健太（タカハシ ケンタ）", "東京都千代田区霞が関2-1-2", "氏（名字）",
                    "顔写真付きの本人確認書類", "マイナンバーカード"):
        assert printed in text, printed
    assert record["answers"]["applicant_birth_date"] == "2008-08-08"
    assert record["answers"]["id_method"] == "photo_id"
    assert [a["id"] for a in record["attachments"]] == ["seal", "photo_id"]


def test_the_record_says_the_photo_id_makes_other_identity_papers_unneeded(tmp_path):
    _text, record = export(ID, tmp_path)
    assert [(a["id"], a["omit_reason"]) for a in record["omitted_attachments"]] == [
        ("identity_document", "顔写真付きの本人確認書類で確認するため、ほかの書類は不要です。")]
    assert record["deadlines"] == []


def test_cli_export_by_an_agent_comes_with_a_letter_the_registrant_signs(tmp_path):
    answers = {k: v for k, v in {**example_answers(ID), **BY_AGENT}.items() if v is not None}
    text, record = export(ID, tmp_path, answers)
    assert "照会書" in text and record["applicant"]["role"] == "proxy"
    [letter] = (tmp_path / "out").glob("*/*.power_of_attorney.pdf")
    delegation = pdftotext(letter)
    # the registrant delegates: their details follow （委任者）; the agent's lines are left for the hand
    assert delegation.index("（委任者）") < delegation.index("高橋 健太")


def test_the_form_has_a_framed_box_for_the_seal_after_the_signature(tmp_path):
    text, _record = export(ID, tmp_path)
    [form] = (tmp_path / "out").glob("*/inkan_toroku.pdf")
    # 「登録する印鑑」 above a square big enough for a 25 mm seal, before what to bring
    assert "登録する印鑑" in text[text.index("登録申請者の署名"):text.index("持ち物・提出先")]
    assert any(side >= 25 for side in squares(form))


def test_an_agent_gets_a_代理人選任届_the_registrant_seals_with_the_seal_to_register(tmp_path):
    answers = {k: v for k, v in {**example_answers(ID), **BY_AGENT}.items() if v is not None}
    _text, record = export(ID, tmp_path, answers)
    [letter] = (tmp_path / "out").glob("*/*.power_of_attorney.pdf")
    delegation = pdftotext(letter)
    assert delegation.startswith("代理人選任届") and "委任状" not in delegation.split("（代理人）")[0]
    assert delegation.index("（委任者）") < delegation.index("登録する印鑑")
    assert any(side >= 25 for side in squares(letter))
    assert record["power_of_attorney"]["title"] == "代理人選任届"
