"""The person's own copy: the answers in their language beside the official Japanese, marked as not
for submission, with what to do next; a My Number only by its last four digits.

All people, addresses and numbers here are invented.
"""

from __future__ import annotations

import pytest

from assistant import i18n
from assistant.export.package import export_package
from assistant.export.summary import NOT_FOR_SUBMISSION, SUMMARY_NOT_FOR_SUBMISSION, render_copy
from assistant.interview.assisted import PROXY, VOLUNTEER, Assistance
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_file
from tests.conftest import FIELD_KINDS_ANSWERS, GALLERY
from tests.core.test_export import CREATED, pdftotext
from tests.core.test_power_of_attorney import PROXY_ANSWERS
from tests.core.test_session import ANSWERS

VOLUNTEER_HELP = Assistance(VOLUNTEER, "鈴木 花子", "中央コミュニティセンター", "en", "2026-11-26T01:00:00+00:00")


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def squeezed(text: str) -> str:
    """Without any whitespace: long lines wrap anywhere in the PDF (Japanese between any two characters)."""
    return "".join(text.split())


def _copy_text(procedure, answers, tmp_path, assistance=None) -> str:
    result = export_package(Session(procedure, answers), tmp_path, CREATED, assistance)
    assert result.copy is not None and result.copy.parent == result.folder
    return pdftotext(result.copy)


def test_english_copy_has_the_answers_in_english_beside_the_official_japanese(procedure, tmp_path, english):
    text = _copy_text(procedure, dict(ANSWERS), tmp_path)
    assert text.startswith("Your copy — not for submission. Hand in the Japanese form.")
    assert "Not for submission — page 1 of" in text   # on every page, should one be separated
    flat = squeezed(text)
    for expected in ("Request for a copy of the residence record (juminhyo) and related certificates（住民票の写し等交付請求書）",
                     "Made on November 26, 2026",
                     "Applicant's name（請求者の氏名）", "山田 太郎（ヤマダ タロウ）", "1970年(昭和45年)3月1日",
                     "〒100-0013 東京都千代田区霞が関2-1-2", "090-1234-5678", "Yes（はい）",
                     "Copy of the residence record (juminhyo)（住民票の写し）", "Everyone in the household（世帯全員）",
                     "株式会社テツヅキ"):
        assert squeezed(expected) in flat, expected
    answers = flat.split(squeezed("Your answers"), 1)[1]
    assert answers.index("Applicant'sname") < answers.index("Purpose") < answers.index("株式会社テツヅキ")


def test_english_copy_says_what_to_do_next_and_what_to_bring(procedure, tmp_path, english):
    flat = squeezed(_copy_text(procedure, dict(ANSWERS), tmp_path))
    office = procedure.office.name
    identity = next(a for a in procedure.attachments if a.label == "本人確認書類")
    for expected in ("Print the Japanese form (juminhyo_copy.pdf), write the date and sign it.",
                     f"Where to go: {i18n.bilingual(office)}",
                     "The resident is registered in 東京都千代田区: go to the office of that city, ward,",
                     f"□ Identity document（本人確認書類）: {i18n.bilingual(identity.hint)}",
                     "Fee: 300 yen.", f"By when: {i18n.bilingual(procedure.deadline)}"):
        assert squeezed(expected) in flat, expected
    assert "委任状" not in flat and "Filledin" not in flat   # nobody helped, nobody represents


def test_a_my_number_appears_only_by_its_last_four_digits(tmp_path, english):
    procedure, errors = load_file(GALLERY / "field_kinds.yaml")
    assert errors == []
    session = Session(procedure, FIELD_KINDS_ANSWERS)
    result = export_package(session, tmp_path, CREATED)
    flat = squeezed(pdftotext(result.copy))
    assert squeezed(f"{i18n.bilingual('個人番号')} **** **** 9018") in flat
    assert "1234" not in flat and "5678" not in flat and "901" not in flat.replace("9018", "")


def test_a_copy_made_in_japanese_is_a_summary_in_japanese(procedure, tmp_path):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED)
    assert result.copy.name == "juminhyo_copy.copy-ja.pdf"
    text = pdftotext(result.copy)
    assert text.startswith(i18n.translate(SUMMARY_NOT_FOR_SUBMISSION, "ja"))
    flat = squeezed(text)
    for expected in ("住民票の写し等交付請求書", "請求者の氏名", "山田太郎", "はい", "住民票の写し", "本人確認書類",
                     squeezed(procedure.office.name)):
        assert expected in flat, expected
    assert "Applicant" not in flat and "（請求者の氏名）" not in flat and "Yes" not in flat


def test_the_copy_is_in_the_language_asked_for_whatever_the_interface_shows(procedure, tmp_path, english):
    path = render_copy(Session(procedure, dict(ANSWERS)), tmp_path / "copy.pdf", CREATED, "ja")
    flat = squeezed(pdftotext(path))
    assert "請求者の氏名" in flat and "Applicant" not in flat and "Copyofthe" not in flat
    assert squeezed(NOT_FOR_SUBMISSION) not in flat


def test_the_copy_says_who_helped(procedure, tmp_path, english):
    flat = squeezed(_copy_text(procedure, dict(ANSWERS), tmp_path, VOLUNTEER_HELP))
    assert squeezed("Filled in with the help of 鈴木 花子 of 中央コミュニティセンター, a support volunteer.") in flat


def test_the_copy_says_a_power_of_attorney_was_made(procedure, tmp_path, english):
    flat = squeezed(_copy_text(procedure, dict(PROXY_ANSWERS), tmp_path))
    assert squeezed("A power of attorney (委任状) was made too: the resident reads it, writes the date and signs it, "
                    "and the representative brings it.") in flat
    assert squeezed(f"□ {i18n.bilingual('委任状')}") in flat   # and it is on the list of documents
    assert squeezed("The resident is registered in 東京都渋谷区") in flat   # the resident's office, not the agent's


def test_the_copy_names_both_people_in_whole_sentences(procedure, tmp_path, english):
    both = Assistance(VOLUNTEER, "", "中央コミュニティセンター", applicant=PROXY)     # no name: no stand-in word
    flat = squeezed(_copy_text(procedure, dict(PROXY_ANSWERS), tmp_path, both))
    assert squeezed("A representative (代理人) applies for the resident") in flat
    assert squeezed("Filled in with the help of a support volunteer of 中央コミュニティセンター.") in flat
    assert "thehelper" not in flat


def test_the_copy_file_name_carries_no_personal_data(procedure, tmp_path, english):
    result = export_package(Session(procedure, dict(ANSWERS)), tmp_path, CREATED, VOLUNTEER_HELP)
    assert result.copy.name == "juminhyo_copy.copy-en.pdf"
    assert not any(word in result.copy.name for word in ("山田", "鈴木", "090", "1970"))
