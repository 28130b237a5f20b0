"""Answers in the person's language (review page, own copy), the resident's municipality, and the
copy of the package for a USB stick."""

from __future__ import annotations

import pytest

from assistant.export.next_steps import copy_package, missing_characters
from assistant.interview.display import answer_text, listed, resident_municipality
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.core.test_power_of_attorney import PROXY_ANSWERS
from tests.core.test_session import ANSWERS


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


def test_options_are_in_the_language_asked_with_the_official_japanese_beside_them(procedure):
    session = Session(procedure, dict(ANSWERS, household_head_is_subject=False))
    scope = procedure.field("scope")
    assert answer_text(scope, session.result(scope), "en") == "Everyone in the household（世帯全員）"
    assert answer_text(scope, session.result(scope), "ja") == "世帯全員"
    shown = {str(row.path): row.display for row in Record.of(session, "en").questions}
    assert shown["household_head_is_subject"] == "No（いいえ）"
    assert shown["applicant_name"] == session.result(procedure.field("applicant_name")).display   # as typed


def test_lists_are_joined_the_way_each_language_joins_them():
    assert listed(["a", "b", "c"], "en") == "a, b, and c"
    assert listed(["a", "b"], "ja") == "a、b"
    assert listed([], "en") == ""


def test_the_resident_is_the_subject_when_someone_else_applies(procedure):
    assert resident_municipality(Session(procedure, dict(ANSWERS))) == "東京都千代田区"
    assert resident_municipality(Session(procedure, dict(PROXY_ANSWERS))) == "東京都渋谷区"
    assert resident_municipality(Session(procedure, {})) == ""


def test_missing_characters_are_listed_in_the_interface_language(english):
    assert "𠮷 and 髙" in missing_characters({"髙", "𠮷"}) or "髙 and 𠮷" in missing_characters({"髙", "𠮷"})
    assert missing_characters(set()) == ""


def test_a_copy_of_the_package_keeps_every_file_and_never_overwrites(tmp_path):
    package = tmp_path / "juminhyo_copy-20261126"
    package.mkdir()
    (package / "juminhyo_copy.pdf").write_bytes(b"%PDF-1.7 form")
    (package / "juminhyo_copy.json").write_text("{}", encoding="utf-8")
    stick = tmp_path / "stick"
    stick.mkdir()
    first, second = copy_package(package, stick), copy_package(package, stick)
    assert first == stick / package.name and second == stick / f"{package.name} (2)"
    assert (first / "juminhyo_copy.pdf").read_bytes() == b"%PDF-1.7 form"
    assert sorted(p.name for p in second.iterdir()) == ["juminhyo_copy.json", "juminhyo_copy.pdf"]
    with pytest.raises(OSError):
        copy_package(package, first / "juminhyo_copy.pdf")        # not a folder
