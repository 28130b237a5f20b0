"""児童手当 認定請求書: loads, lints clean, asks only what applies, lists what to bring and why."""

from __future__ import annotations


from assistant.interview.applicant import applicant_rule
from assistant.interview.assisted import relationship_field
from tests.core.bundled_procedure import (deadlines, definition, example_answers, export, lint, needed,
                                          omitted, session, shown, steps)
from tests.core.test_export import pdftotext

ID = "jido_teate"
APART_CHILD = {"child_name": {"family": "鈴木", "given": "海斗", "family_kana": "スズキ", "given_kana": "カイト"},
               "child_birth_date": "平成24年7月1日", "child_relationship": "child", "lives_with": "apart",
               "child_my_number": "3141 5926 5352", "custody": True, "livelihood": "support"}


def test_loads_and_the_lint_finds_nothing():
    procedure = definition(ID)
    assert procedure.title == "児童手当 認定請求書"
    assert lint(ID) == []


def test_every_attachment_says_why_and_every_omission_says_why_it_may_be_left_out():
    for attachment in definition(ID).attachments:
        assert attachment.reason
        assert bool(attachment.omit_when) == bool(attachment.omit_reason), attachment.id


def test_who_applies_is_the_claimant_or_an_agent_and_the_window_can_answer_it():
    procedure = definition(ID)
    assert relationship_field(procedure).id == "filer"
    # the public benefit account hides the bank_account question, which this branch cannot read yet
    agent = session(ID, filer="proxy", use_public_account=True, bank_account=None)
    assert applicant_rule(agent).label == "代理人" and "委任状" in applicant_rule(agent).note


def test_the_example_answers_every_question_of_a_typical_claim_and_nothing_hidden():
    typical = session(ID)
    assert shown(typical) == set(example_answers(ID))


def test_without_a_spouse_the_spouse_questions_are_skipped():
    assert "spouse" in steps(session(ID))
    alone = session(ID, has_spouse=False)
    assert "spouse" not in steps(alone) and "spouse_question" in steps(alone)
    assert "spouse_name" not in shown(alone)


def test_the_date_and_the_fifteen_day_deadline_apply_to_a_birth_or_a_move_only():
    birth = session(ID)
    assert "event_date" in shown(birth) and deadlines(birth) == {"fifteen_days"}
    [deadline] = birth.procedure.deadlines
    assert (deadline.from_field, deadline.days) == ("event_date", 15) and deadline.basis.startswith("児童手当法")
    assert deadlines(session(ID, claim_reason="move_in")) == {"fifteen_days"}
    other = session(ID, claim_reason="other", event_date=None)
    assert "event_date" not in shown(other) and deadlines(other) == set()


def test_the_under_three_question_is_asked_only_of_employees_not_claiming_for_a_birth():
    assert "has_child_under_3" not in shown(session(ID))          # a birth: the child is under 3
    assert "has_child_under_3" in shown(session(ID, claim_reason="move_in"))
    assert "has_child_under_3" not in shown(session(ID, claim_reason="move_in", pension="national"))


def test_typical_claim_brings_id_number_account_and_insurance_proof():
    # a company employee claiming for a newborn, not sure of the public benefit account
    assert needed(session(ID)) == {"identity_document", "number_document", "account_proof", "insurance_proof"}
    assert omitted(session(ID)) == set()


def test_the_public_benefit_account_needs_no_bank_details_and_no_account_proof():
    public = session(ID, use_public_account=True)
    assert "bank_account" not in shown(public)
    assert "account_proof" not in needed(public)


def test_a_child_living_apart_needs_a_statement_and_its_record_is_left_out_with_consent():
    apart = session(ID, any_child_apart=True, children=[APART_CHILD])
    item_fields = {f.id for f in apart.visible_item_fields(apart.procedure.field("children"), APART_CHILD)}
    assert {"lives_with", "child_my_number"} <= item_fields
    assert "separate_custody_statement" in needed(apart)
    assert "child_residence_record" in omitted(apart) and "child_residence_record" not in needed(apart)
    refused = session(ID, any_child_apart=True, children=[APART_CHILD], consent=False)
    assert {"separate_custody_statement", "child_residence_record"} <= needed(refused)


def test_children_living_together_are_not_asked_where_they_live_or_their_my_number():
    typical = session(ID)
    child = example_answers(ID)["children"][0]
    item_fields = {f.id for f in typical.visible_item_fields(typical.procedure.field("children"), child)}
    assert item_fields == {"child_name", "child_birth_date", "child_relationship", "custody", "livelihood"}


def test_income_elsewhere_on_1_january_is_checked_by_data_linkage_with_consent():
    moved = session(ID, jan1_place="other_city", claim_reason="move_in",
                    jan1_address={"postal_code": "530-0001", "prefecture": "大阪府", "city": "大阪市北区",
                                  "town": "梅田", "block": "1-1-1", "building": ""})
    assert "jan1_address" in shown(moved)
    assert "income_certificate" in omitted(moved)
    assert "income_certificate" in needed(session(ID, jan1_place="other_city", consent=False))
    assert "passport_copy" in needed(session(ID, jan1_place="abroad"))


def test_older_children_need_their_confirmation_and_an_agent_the_proxy_letter():
    older = session(ID, has_older_children=True)
    assert "older_children" in shown(older) and "older_child_confirmation" in needed(older)
    assert "power_of_attorney" in needed(session(ID, filer="proxy"))
    assert "power_of_attorney" not in needed(session(ID))


def test_cli_exports_the_example_to_a_form_and_a_record(tmp_path):
    text, record = export(ID, tmp_path)
    for printed in ("児童手当 認定請求書", "鈴木 一郎", "鈴木 さくら", "鈴木 大地", "2026年(令和8年)11月20日", "テツヅキ銀行",
                    "1234567"):
        assert printed in text, printed
    answers = record["answers"]
    assert answers["event_date"] == "2026-11-20"
    assert [child["child_birth_date"] for child in answers["children"]] == ["2026-11-20", "2021-04-08"]
    assert "1234567" in str(answers["bank_account"])
    assert {a["id"] for a in record["attachments"]} >= {"account_proof", "insurance_proof"}


def test_the_record_says_by_when_to_claim_counted_from_the_birth(tmp_path):
    _text, record = export(ID, tmp_path)
    [deadline] = record["deadlines"]
    assert deadline["id"] == "fifteen_days" and deadline["due"] == "2026-12-05"   # born 20 November
    assert deadline["basis"] == "児童手当法第8条第2項・第3項"


def test_the_proxy_letter_has_the_claimant_delegate_and_leaves_the_agent_blank(tmp_path):
    # the public benefit account keeps the bank_account question (the kinds branch) out of this export
    answers = {**example_answers(ID), "filer": "proxy", "use_public_account": True}
    del answers["bank_account"]
    export(ID, tmp_path, answers)
    [letter] = (tmp_path / "out").glob("*/*.power_of_attorney.pdf")
    delegation = pdftotext(letter)
    assert "鈴木 花子" not in delegation                                   # the spouse delegates nothing
    assert delegation.index("（委任者）") < delegation.index("鈴木 一郎")   # the claimant signs as 委任者
