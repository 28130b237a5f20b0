"""国民健康保険 葬祭費 支給申請書: loads, lints clean, asks only what applies, lists what to bring and why."""

from __future__ import annotations

from assistant.interview.assisted import relationship_field
from tests.core.bundled_procedure import (deadlines, definition, example_answers, export, lint, needed,
                                          omitted, session, shown, steps)

ID = "sosaihi"


def test_loads_and_the_lint_finds_nothing():
    assert definition(ID).title == "国民健康保険 葬祭費 支給申請書"
    assert lint(ID) == []


def test_every_attachment_says_why_and_every_omission_says_why_it_may_be_left_out():
    for attachment in definition(ID).attachments:
        assert attachment.reason
        assert bool(attachment.omit_when) == bool(attachment.omit_reason), attachment.id


def test_the_chief_mourner_applies_or_an_agent_with_a_proxy_letter():
    assert relationship_field(definition(ID)).id == "filer"
    assert "power_of_attorney" in needed(session(ID, filer="proxy"))
    assert "power_of_attorney" not in needed(session(ID))


def test_the_example_answers_every_question_of_a_typical_claim_and_nothing_hidden():
    typical = session(ID)
    assert steps(typical) == ["insurance_step", "deceased_step", "records_step", "funeral_step",
                              "applicant_step", "account_step"]
    assert shown(typical) == set(example_answers(ID))


def test_what_the_office_already_has_is_left_out_and_what_it_may_not_have_is_asked_for():
    # death registered here, card not yet returned (the example)
    typical = session(ID)
    assert needed(typical) == {"funeral_proof", "insurance_card", "account_proof", "identity_document",
                               "number_document"}
    assert omitted(typical) == {"death_proof"}
    # the card went back with the death registration, which was made in another town
    returned = session(ID, card_returned=True, death_registered_here=False)
    assert "insurance_card" in omitted(returned) and "insurance_card" not in needed(returned)
    assert "death_proof" in needed(returned)


def test_not_knowing_whether_the_death_was_registered_here_asks_for_the_proof():
    unsure = session(ID, death_registered_here="unknown")
    assert "death_proof" in needed(unsure) and "death_proof" not in omitted(unsure)


def test_a_death_caused_by_someone_else_needs_the_third_party_report():
    assert "third_party_report" in needed(session(ID, third_party_cause=True))
    assert "third_party_report" not in needed(session(ID))


def test_without_a_my_number_no_number_document_is_asked_for():
    assert "number_document" not in needed(session(ID, applicant_my_number=None))


def test_the_two_year_limit_counts_from_the_funeral_under_the_law_of_the_insurance():
    national = session(ID)
    assert deadlines(national) == {"two_years"}
    elderly = session(ID, insurance="elderly", other_insurance_paid=None)
    assert deadlines(elderly) == {"two_years_elderly"}
    by_id = {d.id: d for d in definition(ID).deadlines}
    assert all((d.from_field, d.years) == ("funeral_date", 2) for d in by_id.values())
    assert by_id["two_years"].basis.startswith("国民健康保険法")
    assert by_id["two_years_elderly"].basis.startswith("高齢者の医療の確保に関する法律")


def test_the_over_75_path_is_not_asked_about_an_employers_burial_allowance():
    assert "other_insurance_paid" in shown(session(ID))
    assert "other_insurance_paid" not in shown(session(ID, insurance="elderly"))


def test_cli_exports_the_example_to_a_form_and_a_record(tmp_path):
    text, record = export(ID, tmp_path)
    for printed in ("国民健康保険 葬祭費 支給申請書", "佐藤 一男", "佐藤 和子", "2026年(令和8年)10月6日", "テツヅキ銀行",
                    "7654321"):
        assert printed in text, printed
    answers = record["answers"]
    assert answers["funeral_date"] == "2026-10-06" and answers["death_date"] == "2026-10-03"
    assert "1234567" in str(answers["deceased_insured_number"])
    assert "7654321" in str(answers["bank_account"])
    assert "death_proof" not in {a["id"] for a in record["attachments"]}


def test_the_record_says_what_was_left_out_and_the_two_year_limit(tmp_path):
    _text, record = export(ID, tmp_path)
    [left_out] = record["omitted_attachments"]
    assert left_out["id"] == "death_proof" and "死亡届" in left_out["omit_reason"]
    [deadline] = record["deadlines"]
    assert deadline["due"] == "2028-10-06" and deadline["basis"] == "国民健康保険法第110条第1項"  # funeral 2026-10-06
