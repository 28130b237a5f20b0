"""The note of the chosen kind of applicant reaches the exported files, and what a representative
should know (住民票: copies with the My Number asked for by an agent are mailed to the resident's
address) is said once in each, never by both the rule's note and the 委任状's. All data invented."""

from __future__ import annotations

import json

import pytest

from assistant import i18n
from assistant.export.package import export_package
from assistant.interview.applicant import applicant_rule
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_export import CREATED, pdftotext
from tests.core.test_power_of_attorney import PROXY_ANSWERS
from tests.core.test_session import ANSWERS

RULE = "本人が書いた委任状が必要です。"
MAILED = "個人番号（マイナンバー）入りの写しは、代理人には渡されず、本人の住所に郵送されます。"


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def test_an_agent_finds_the_rule_and_the_mailing_note_once_in_the_json(procedure, tmp_path):
    result = export_package(Session(procedure, dict(PROXY_ANSWERS)), tmp_path, CREATED, with_copy=False)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["applicant"] == {"role": "proxy", "label": "代理人", "note": RULE}
    assert record["power_of_attorney"]["note"] == MAILED
    assert result.json.read_text(encoding="utf-8").count("本人の住所に郵送") == 1


def test_an_agent_finds_the_mailing_note_once_in_their_copy(procedure, tmp_path, english):
    result = export_package(Session(procedure, dict(PROXY_ANSWERS)), tmp_path, CREATED)
    flat = "".join(pdftotext(result.copy).split())
    # in English beside the official Japanese, once
    assert "".join(i18n.bilingual(MAILED).split()) in flat
    assert flat.count("itismailedtotheresident'saddress.") == 1
    assert flat.count("本人の住所に郵送") == 1
    assert "".join(i18n.bilingual(RULE).split()) in flat


def test_the_resident_applying_alone_gets_no_agent_note(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, with_copy=False)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["applicant"] == {"role": "self", "label": "本人"}
    assert MAILED not in result.json.read_text(encoding="utf-8")


def test_no_rule_when_the_relationship_is_not_answered(procedure):
    assert applicant_rule(Session(procedure, {})) is None


@pytest.mark.parametrize("procedure_id, question, fact", [
    ("juminhyo_copy", "relationship", "本人の住所に郵送"), ("jido_teate", "filer", "代理人の本人確認書類"),
    ("tenshutsu", "filer", "郵送"), ("sosaihi", "filer", "代理人の本人確認書類"), ("inkan_toroku", "filer", "照会書")])
def test_what_a_representative_should_know_is_said_once_on_the_done_page(procedure_id, question, fact):
    from assistant.export.next_steps import next_steps
    from tests.core.bundled_procedure import session

    agent = Session(Catalog.load([BUNDLED_PROCEDURES]).get(procedure_id), dict(PROXY_ANSWERS)) \
        if procedure_id == "juminhyo_copy" else session(procedure_id, **{question: "proxy"})
    assert applicant_rule(agent).role == "proxy"
    steps = next_steps(agent, power_of_attorney=True)
    assert steps.applicant_note and steps.letter          # the rule's note and the letter's note are both said …
    # … but the fact both said before (e.g. 住民票: mailed to the resident) only by the letter's
    assert (steps.letter + steps.applicant_note).count(fact) == 1
    texts = [steps.sign, steps.letter, steps.applicant_note, steps.where, steps.hours, *steps.bring, steps.fee,
             steps.deadline]
    sentences = [s for text in texts for line in text.split("\n") for s in line.split("。") if s.strip()]
    assert len(sentences) == len(set(sentences)), sorted(s for s in sentences if sentences.count(s) > 1)
