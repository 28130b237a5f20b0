"""The note of the chosen kind of applicant reaches the exported files (住民票: copies with the
My Number asked for by an agent are mailed to the resident's address). All data invented."""

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

MAILED = "本人が書いた委任状が必要です。個人番号入りの写しは本人の住所に郵送されます。"


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def test_an_agent_finds_the_mailing_note_in_the_json(procedure, tmp_path):
    result = export_package(Session(procedure, dict(PROXY_ANSWERS)), tmp_path, CREATED, with_copy=False)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["applicant"] == {"role": "proxy", "label": "代理人", "note": MAILED}


def test_an_agent_finds_the_mailing_note_in_their_copy(procedure, tmp_path, english):
    result = export_package(Session(procedure, dict(PROXY_ANSWERS)), tmp_path, CREATED)
    flat = "".join(pdftotext(result.copy).split())
    # in English beside the official Japanese
    assert "".join(i18n.bilingual(MAILED).split()) in flat
    assert "theofficemailsittotheaddressofthepersonconcerned." in flat


def test_the_resident_applying_alone_gets_no_agent_note(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, with_copy=False)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["applicant"] == {"role": "self", "label": "本人"}
    assert MAILED not in result.json.read_text(encoding="utf-8")


def test_no_rule_when_the_relationship_is_not_answered(procedure):
    assert applicant_rule(Session(procedure, {})) is None
