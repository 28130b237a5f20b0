"""介護保険 要介護・要支援認定申請書: it loads and lints clean, asks only what applies to this person,
and lists the documents to bring (with what may be left out) for realistic cases."""

from __future__ import annotations

import json

import pytest

from assistant.paths import BUNDLED_PROCEDURES
from assistant.interview.session import Session
from assistant.procedures.lint import lint_files
from assistant.procedures.loader import load_file
from tests.conftest import ROOT
from tests.core.test_cli import tetsuzuki
from tests.core.test_export import pdftotext

FILE = BUNDLED_PROCEDURES / "kaigo_nintei.yaml"
EXAMPLE = ROOT / "examples" / "kaigo_nintei_answers.json"


@pytest.fixture(scope="module")
def procedure():
    loaded, errors = load_file(FILE)
    assert errors == []
    return loaded


def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def steps(session: Session) -> list[str]:
    return [s.id for s in session.visible_steps()]


def brought(session: Session) -> list[str]:
    return [a.id for a in session.needed_attachments()]


def test_lint_finds_nothing():
    assert [str(f) for f in lint_files([FILE])] == []


def test_the_example_answers_only_questions_of_the_definition(procedure):
    ids = {f.id for f in procedure.all_fields()}
    assert set(example()) <= ids


def test_a_family_member_filing_a_first_application_for_a_person_over_65(procedure):
    session = Session(procedure, example())
    assert steps(session) == ["application_step", "filer_step", "insured_step", "doctor_step", "stay_step",
                              "survey_step", "applicant_step"]
    # the insurance card, the ID of whoever comes; no 委任状 for family, no medical-insurance copy at 65+
    assert brought(session) == ["insurance_card", "identity_document"]


def test_a_renewal_asks_for_the_current_certification_and_counts_down_to_its_end(procedure):
    session = Session(procedure, {**example(), "application_type": "renewal"})
    assert "previous_step" in steps(session)
    fields = [f.id for f in session.visible_fields(procedure.steps[3])]
    assert "change_reason" not in fields and "previous_valid_until" in fields
    [renewal] = [d for d in procedure.deadlines if d.id == "renewal"]
    assert renewal.from_field == "previous_valid_until" and renewal.when.holds(session.value)


def test_the_person_applying_alone_gets_no_applicant_step(procedure):
    session = Session(procedure, {**example(), "filer": "self"})
    assert "applicant_step" not in steps(session)


def test_second_category_asks_health_insurance_and_the_specified_disease_not_the_care_card(procedure):
    session = Session(procedure, {**example(), "age_group": "second", "medical_insurance_kind": "employee"})
    assert "second_insured_step" in steps(session)
    insured = [f.id for f in session.visible_fields(procedure.steps[2])]
    assert "insured_number" not in insured
    assert brought(session) == ["medical_insurance_proof", "identity_document"]
    disease = procedure.field("specified_disease")
    assert len(disease.options) == 16


def test_the_medical_insurance_copy_is_left_out_for_the_towns_own_national_health_insurance(procedure):
    session = Session(procedure, {**example(), "age_group": "second", "medical_insurance_kind": "national"})
    assert "medical_insurance_proof" not in brought(session)
    [proof] = [a for a in procedure.attachments if a.id == "medical_insurance_proof"]
    assert "確認できる" in proof.omit_reason


def test_a_care_manager_submitting_for_a_guardian_brings_the_certificate_and_a_staff_id(procedure):
    session = Session(procedure, {**example(), "filer": "representative", "submission_agent": True,
                                  "insured_my_number": "123456789018"})
    assert steps(session)[-1] == "agent_step"
    assert brought(session) == ["insurance_card", "identity_document", "my_number_document",
                                "guardian_certificate", "agent_staff_id"]


def test_without_a_doctor_only_the_wish_is_asked_and_the_help_says_it_delays(procedure):
    session = Session(procedure, {**example(), "has_doctor": False})
    doctor = [f.id for f in session.visible_fields(procedure.steps[5])]
    assert doctor == ["has_doctor", "doctor_wish"]
    assert "遅れ" in procedure.field("has_doctor").help


# needs the kinds branch: `insured_number` (and, for 第2号, `pick_list`) are read only there
def test_the_cli_exports_the_example_to_a_pdf_and_json_holding_the_key_answers(tmp_path):
    out = tmp_path / "out"
    result = tetsuzuki("export", "--procedure", "kaigo_nintei", "--answers", str(EXAMPLE), "--out", str(out),
                       home=tmp_path)
    assert result.returncode == 0, result.stderr
    [folder] = out.iterdir()
    [pdf] = [p for p in folder.iterdir() if p.name.endswith(".pdf") and "copy" not in p.name]
    text = pdftotext(pdf)
    for answer in ("鈴木", "0000123456", "田中 一郎", "かすみがせき内科クリニック"):
        assert answer in text
    [data] = [p for p in folder.iterdir() if p.suffix == ".json"]
    dumped = data.read_text(encoding="utf-8")
    assert "0000123456" in dumped and "かすみがせき内科クリニック" in dumped


def test_who_applies_on_the_first_page_answers_the_forms_申請者_question(procedure):
    # the "who applies" page offers the procedure's roles and fills 申請者 with the choice, so a
    # family member or a care manager is not asked again
    from assistant.interview.assisted import Assistance, procedure_answers, relationship_field

    assert relationship_field(procedure).id == "filer"
    for role in ("self", "household", "representative", "proxy", "third_party"):
        assert procedure_answers(procedure, Assistance(applicant=role)) == {"filer": role}


def test_a_care_manager_submitting_for_the_resident_is_asked_for_the_office_not_again_whether_one_submits(procedure):
    answers = {**example(), "filer": "third_party"}
    answers.pop("submission_agent")
    session = Session(procedure, answers)
    filer_step = next(s for s in procedure.steps if s.id == "filer_step")
    assert [f.id for f in session.visible_fields(filer_step)] == ["filer"]
    assert "agent_step" in steps(session) and "applicant_step" not in steps(session)
    assert "agent_staff_id" in brought(session) and "power_of_attorney" not in brought(session)
