"""The interview: steps that apply, moving, keeping answers, review, completeness, export values."""

from __future__ import annotations

import json

import pytest

from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.procedures.catalog import Catalog
from assistant.paths import BUNDLED_PROCEDURES
from tests.conftest import ROOT

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def step_ids(session):
    return [s.id for s in session.visible_steps()]


def test_steps_for_oneself_skip_the_subject_step(procedure):
    session = Session(procedure, {"relationship": "self"})
    assert "subject" not in step_ids(session)
    session.set_answer("relationship", "proxy")
    assert "subject" in step_ids(session)


def test_progress_counts_only_steps_that_apply_plus_review(procedure):
    session = Session(procedure, {"relationship": "self"})
    assert session.position == (1, len(step_ids(session)) + 1)
    session.set_answer("relationship", "household")
    assert session.position[1] == len(step_ids(session)) + 1


def test_next_refuses_an_unanswered_required_question_and_says_which(procedure):
    session = Session(procedure)
    failures = []
    session.validation_failed.connect(failures.append)
    errors = session.next()
    assert [e.field_id for e in errors] == ["relationship"]
    assert failures == [errors]
    assert session.current_step.id == "relationship_step"


def test_back_and_forward_keep_every_answer(procedure):
    session = Session(procedure, dict(ANSWERS))
    session.next()
    assert session.current_step.id == "applicant"
    session.set_answer("applicant_phone", "03-5253-2111")
    session.back()
    session.next()
    assert session.answers["applicant_phone"] == "03-5253-2111"
    assert session.answers["applicant_name"]["family"] == "山田"


def test_hidden_answers_are_kept_but_not_exported(procedure):
    session = Session(procedure, dict(ANSWERS))
    session.set_answer("purpose", "other")
    session.set_answer("purpose_other", "不動産の登記")
    session.set_answer("purpose", "employer")
    assert session.answers["purpose_other"] == "不動産の登記"
    assert "purpose_other" not in session.values()


def test_walking_every_step_reaches_the_review_with_all_answers(procedure):
    session = Session(procedure, dict(ANSWERS))
    for _ in range(20):
        if session.at_review:
            break
        assert session.next() == [], session.current_step.id
    assert session.at_review
    review = {str(row.path): row.display for row in Record.of(session).rows}
    assert review["applicant_name"] == "山田　太郎（ヤマダ　タロウ）"
    assert review["certificate_type"] == "住民票の写し"
    assert session.missing() == []


def test_change_from_review_comes_back_to_review(procedure):
    session = Session(procedure, dict(ANSWERS))
    session.go_to("purpose_step", then_review=True)
    session.set_answer("submit_to", "年金事務所")
    assert session.next() == []
    assert session.at_review


def test_normalised_values_are_exported(procedure):
    values = Session(procedure, dict(ANSWERS)).values()
    assert values["applicant_birth_date"] == "1970-03-01"
    assert values["applicant_address"]["postal_code"] == "1000013"
    assert values["applicant_name"]["family_kana"] == "ヤマダ"
    assert values["copies"] == 1
    assert "subject_name" not in values


def test_repeatable_group_items_are_validated_and_exported(procedure):
    session = Session(procedure, dict(ANSWERS))
    session.set_answer("scope", "some_members")
    step = next(s for s in procedure.steps if s.id == "certificate")
    assert [e.code for e in session.step_errors(step)] == ["group.too_few"]
    index = session.add_item("members")
    session.set_item_answer("members", index, "member_name", "")
    assert [e.field_id for e in session.step_errors(step)] == ["members[0].member_name"]
    session.set_item_answer("members", index, "member_name", "山田　花子")
    assert session.step_errors(step) == []
    assert session.values()["members"] == [{"member_name": "山田　花子"}]


def test_proxy_needs_a_power_of_attorney(procedure):
    session = Session(procedure, dict(ANSWERS))
    assert [a.id for a in session.needed_attachments()] == ["identity_document"]
    session.set_answer("relationship", "proxy")
    assert [a.id for a in session.needed_attachments()] == ["identity_document", "power_of_attorney"]


def test_error_messages_follow_the_interface_language(procedure):
    from assistant import i18n

    session = Session(procedure)
    i18n.set_language("en")
    [error] = session.next()
    assert "Choose one" in error.message


def test_a_foreign_name_is_written_as_on_the_residence_card(procedure):
    answers = dict(ANSWERS, applicant_name={"family": "Nguyen", "given": "ｖａｎ　 an", "family_kana": "グエン",
                                            "given_kana": "ヴァン　アン"})
    session = Session(procedure, answers)
    assert session.values()["applicant_name"]["family"] == "NGUYEN"
    assert session.values()["applicant_name"]["given"] == "VAN AN"


def test_an_accented_name_is_refused_with_the_card_spelling_offered(procedure):
    answers = dict(ANSWERS, applicant_name={"family": "Nguyễn", "given": "An", "family_kana": "グエン",
                                            "given_kana": "アン"})
    step = next(s for s in procedure.steps if s.id == "applicant")
    [error] = Session(procedure, answers).step_errors(step)
    assert (error.part, error.code, error.suggestion) == ("family", "latin_name.accent", "NGUYEN")


def test_a_draft_resumes_where_it_was_left_or_at_the_start_if_that_step_no_longer_applies(procedure):
    session = Session(procedure, dict(ANSWERS))
    session.go_to("purpose_step")
    saved_step, saved_answers = session.step_id, session.answers
    resumed = Session(procedure, saved_answers)
    resumed.resume_at(saved_step)
    assert resumed.current_step.id == "purpose_step"
    resumed.resume_at("subject")            # only for household members and proxies
    assert resumed.current_step.id == "relationship_step"
    resumed.resume_at("review")
    assert resumed.at_review
