"""The example gallery: each definition shows one feature and behaves as documented."""

from __future__ import annotations

import pytest

from assistant.interview.session import Session
from assistant.procedures.loader import load_all, load_file
from tests.conftest import GALLERY


def load(name):
    procedure, errors = load_file(GALLERY / f"{name}.yaml")
    assert errors == []
    return procedure


def test_every_gallery_example_loads():
    result = load_all([GALLERY])
    assert result.errors == []
    assert len(result.procedures) >= 4


def test_field_kinds_store_normalised_values():
    session = Session(load("field_kinds"), {
        "free_text": " メモ ", "reading": "やまだ", "reading_hiragana": "ヤマダ", "birth": "H1.1.8",
        "postal": "〒１００－００１３", "phone": "03-5253-2111", "my_number": "1234 5678 9018",
        "email": "ｙａｍａｄａ＠example.jp",
        "sex": "female", "linked": ["care", "health"], "card": False, "copies": "２",
        "person": {"family": "髙橋", "given": "一郎", "family_kana": "たかはし", "given_kana": "いちろう"},
        "home": {"prefecture": "東京都", "city": "千代田区", "town": "霞が関", "block": "2-1-2"},
        "card_unknown": "unknown", "disease": "als", "diseases": ["als", "cancer"],
        "account": {"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "普通", "account_number": "１２３",
                    "holder_kana": "ﾔﾏﾀﾞ ﾀﾛｳ"},
        "insured": "０１２３４５６７８９", "residence_card": "ab12345678cd"})
    values = session.values()
    assert values["free_text"] == "メモ"
    assert values["reading"] == "ヤマダ" and values["reading_hiragana"] == "やまだ"
    assert values["birth"] == "1989-01-08"
    assert values["postal"] == "1000013"
    assert values["my_number"] == "123456789018"
    assert values["email"] == "yamada@example.jp"
    assert values["linked"] == ["health", "care"]   # form order
    assert values["card"] is False and values["copies"] == 2
    assert values["person"]["family"] == "髙橋"      # never normalised
    assert values["card_unknown"] == "unknown" and values["card_note"] is None   # shown: equals unknown
    assert values["disease"] == "als" and values["diseases"] == ["cancer", "als"]
    assert values["account"] == {"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "ordinary",
                                 "account_number": "0000123", "holder_kana": "ヤマダ　タロウ"}
    assert values["insured"] == "0123456789" and values["health_card"] is None
    assert values["residence_card"] == "AB12345678CD"
    assert session.missing() == []


@pytest.mark.parametrize(("birth", "insured", "asked"), [
    ("1970-03-01", "national", True),    # 56 in 2026: second insured
    ("1970-03-01", "none", False),       # not(equals none) fails
    ("1950-03-01", "national", False),   # too old
    ("2000-03-01", "employee", False),   # too young
])
def test_all_not_and_date_comparisons_choose_the_step(birth, insured, asked):
    session = Session(load("conditions"), {"birth": birth, "insured": insured})
    assert ("second_insured" in [s.id for s in session.visible_steps()]) is asked


def test_answered_includes_and_any_show_questions():
    session = Session(load("conditions"), {"birth": "1990-01-01", "insured": "employee"})
    step = next(s for s in session.procedure.steps if s.id == "extras")
    assert session.visible_fields(step) == []
    assert "extras" not in [s.id for s in session.visible_steps()]   # a step with no question is skipped
    session.set_answer("nickname", "ヤマ")
    session.set_answer("linked", ["care", "health"])
    assert [f.id for f in session.visible_fields(step)] == ["alias_reason", "care_number", "insurance_card"]


def test_group_item_condition_applies_per_item():
    session = Session(load("repeatable_group"), {"children": [
        {"child_name": {"family": "山田", "given": "一郎", "family_kana": "ヤマダ", "given_kana": "イチロウ"},
         "child_birth": "2020-04-01", "lives_with": "together"},
        {"child_name": {"family": "山田", "given": "二郎", "family_kana": "ヤマダ", "given_kana": "ジロウ"},
         "child_birth": "2022-04-01", "lives_with": "apart"}]})
    errors = session.missing()
    assert [e.field_id for e in errors] == ["children[1].child_my_number"]
    assert "child_my_number" not in session.values()["children"][0]


def test_attachments_follow_the_answers():
    session = Session(load("attachments_and_proxies"), {"filer": "self", "pension": "employee",
                                                        "consent_lookup": False})
    assert [a.id for a in session.needed_attachments()] == ["identity", "insurance_proof"]
    session.set_answer("consent_lookup", True)
    session.set_answer("filer", "proxy")
    assert [a.id for a in session.needed_attachments()] == ["identity", "letter_of_proxy"]
