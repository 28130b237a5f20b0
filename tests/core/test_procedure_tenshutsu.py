"""転出届（住民異動届）: loads, lints clean, asks only what applies (a move abroad, foreign residents,
an agent), says which papers to return and when they may be left out, computes the 14-day deadlines
from the move date, and exports through the command line."""

from __future__ import annotations

from datetime import date

from assistant.interview.assisted import relationship_field
from assistant.procedures.catalog import Catalog
from tests.core.bundled_procedure import (deadlines, definition, example_answers, export, lint, needed,
                                          omitted, path_of, session, shown, steps)
from tests.core.test_export import pdftotext

ID = "tenshutsu"
#: a Vietnamese resident leaving Japan, filed by a friend in another household; she uses only her
#: My Number Card as insurance card, so there is no paper to return
ABROAD_BY_AGENT = {
    "filer": "proxy",
    "applicant_address": {"postal_code": "100-0013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
                          "block": "1-1-1", "building": ""},
    "principal_name": {"family": "グエン", "given": "ティ　ラン", "family_kana": "グエン", "given_kana": "ティ　ラン"},
    "principal_birth_date": "1998-03-14",
    "destination": "abroad", "new_address": None, "new_head_name": None,
    "new_country": "ベトナム", "new_address_abroad": "12 Nguyen Hue, District 1, Ho Chi Minh City",
    "foreign_movers": True,
    "movers": [{"mover_name": {"family": "グエン", "given": "ティ　ラン", "family_kana": "グエン",
                               "given_kana": "ティ　ラン"},
                "mover_birth_date": "1998-03-14", "mover_sex": "female", "mover_relationship": "head",
                "mover_card": "my_number_card", "mover_foreign": True, "mover_nationality": "ベトナム",
                "mover_residence_card": "ab12345678cd"}],
    "linked_procedures": ["national_health"], "health_insurance_paper": False,
}


def test_loads_and_the_lint_finds_nothing():
    assert definition(ID).title == "転出届（住民異動届）"
    assert lint(ID) == []


def test_it_is_found_in_japanese_hiragana_english_vietnamese_and_chinese():
    catalog = Catalog.load((path_of(ID).parent,))
    for query in ("転出届", "ひっこし", "moving out", "chuyển nhà", "迁出申报", "住民異動届"):
        assert ID in [e.id for e in catalog.search(query)], query


def test_every_attachment_says_why_and_every_omission_says_why_it_may_be_left_out():
    for attachment in definition(ID).attachments:
        assert attachment.reason
        assert bool(attachment.omit_when) == bool(attachment.omit_reason), attachment.id


def test_the_example_answers_every_question_of_a_typical_family_move_and_nothing_hidden():
    typical = session(ID)
    assert relationship_field(typical.procedure).id == "filer"
    assert shown(typical) == set(example_answers(ID))
    assert typical.missing() == []
    assert "principal_step" not in steps(typical)


def test_the_online_one_stop_path_is_named_where_card_holders_answer():
    procedure = definition(ID)
    assert "引越しワンストップサービス" in procedure.field("card_holders").help
    assert "国外への転出はできません" in procedure.field("card_holders").help
    # said once, by the notice (test_notices.py), not again in the office's note on the done page
    [notice] = procedure.notices
    assert "マイナポータル" in notice.text and "マイナポータル" not in procedure.office.note


def test_a_family_moving_within_japan_returns_the_insurance_card_and_has_two_deadlines():
    typical = session(ID)
    assert needed(typical) == {"identity_document", "health_insurance_card"}
    assert omitted(typical) == set()
    assert deadlines(typical) == {"fourteen_days", "move_in"}
    due = {d.deadline.id: d for d in typical.due_dates()}
    # moved on 令和8年12月20日: the 14 days end on 2027-01-03
    assert due["fourteen_days"].due == due["move_in"].due == date(2027, 1, 3)


def test_a_move_abroad_by_an_agent_asks_country_and_residence_card_and_needs_a_letter():
    abroad = session(ID, **ABROAD_BY_AGENT)
    asked = shown(abroad)
    assert {"new_country", "new_address_abroad", "applicant_address"} <= asked
    assert "new_address" not in asked and "new_head_name" not in asked
    assert "principal_step" in steps(abroad)
    assert abroad.missing() == []
    assert abroad.values()["movers"][0]["mover_residence_card"] == "AB12345678CD"
    assert needed(abroad) == {"identity_document", "power_of_attorney", "residence_cards"}
    assert omitted(abroad) == {"health_insurance_card"}
    # before leaving Japan, and no 転入届 in Japan to come
    assert deadlines(abroad) == {"before_leaving"}
    [due] = abroad.due_dates()
    assert due.due == date(2026, 12, 20)


def test_a_foreign_residents_nationality_and_card_are_asked_only_for_that_mover():
    asked = session(ID, foreign_movers=True)
    # each mover is now asked 外国籍ですか; unanswered, it is missing rather than silently skipped
    assert {e.field_id for e in asked.missing()} == {"movers[0].mover_foreign", "movers[1].mover_foreign"}
    husband, wife = example_answers(ID)["movers"]
    mixed = session(ID, foreign_movers=True, movers=[
        {**husband, "mover_foreign": False},
        {**wife, "mover_foreign": True, "mover_nationality": "ベトナム", "mover_residence_card": "ＣＤ８７６５４３２１ＡＢ"}])
    assert mixed.missing() == []
    first, second = mixed.values()["movers"]
    assert "mover_nationality" not in first and "mover_residence_card" not in first
    assert second["mover_nationality"] == "ベトナム" and second["mover_residence_card"] == "CD87654321AB"
    assert "residence_cards" in needed(mixed)


def test_a_bad_residence_card_number_is_refused_with_the_expected_form():
    bad = dict(ABROAD_BY_AGENT["movers"][0], mover_residence_card="AB1234567CD")
    abroad = session(ID, **{**ABROAD_BY_AGENT, "movers": [bad]})
    errors = " ".join(e.message for e in abroad.missing() if e.field_id == "movers[0].mover_residence_card")
    assert "AB12345678CD" in errors


def test_linked_procedures_bring_their_own_papers():
    everything = session(ID, linked_procedures=["national_health", "elderly_medical", "care", "seal",
                                                 "child_allowance", "school"])
    assert {"elderly_insurance_card", "care_insurance_card", "seal_card"} <= needed(everything)
    nothing = session(ID, linked_procedures=None, health_insurance_paper=None)
    assert "health_insurance_paper" not in shown(nothing)
    assert needed(nothing) == {"identity_document"}
    assert nothing.missing() == []


def test_cli_exports_the_example_to_a_form_and_a_record(tmp_path):
    text, record = export(ID, tmp_path)
    for printed in ("転出届（住民異動届）", "佐藤 陽介（サトウ ヨウスケ）", "東京都千代田区霞が関2-1-2",
                    "宮城県仙台市青葉区国分町3-7-1", "佐藤 美咲", "通知カード", "国民健康保険"):
        assert printed in text, printed
    assert record["answers"]["move_date"] == "2026-12-20"
    assert record["answers"]["linked_procedures"] == ["national_health", "child_allowance"]
    assert [a["id"] for a in record["attachments"]] == ["identity_document", "health_insurance_card"]
    assert {d["id"] for d in record["deadlines"]} == {"fourteen_days", "move_in"}


def test_cli_export_abroad_by_an_agent_records_the_omission_and_a_letter_the_mover_signs(tmp_path):
    answers = {k: v for k, v in {**example_answers(ID), **ABROAD_BY_AGENT}.items() if v is not None}
    text, record = export(ID, tmp_path, answers)
    assert "ベトナム" in text and "AB12345678CD" in text
    assert record["applicant"]["role"] == "proxy"
    assert [(a["id"], a["omit_reason"]) for a in record["omitted_attachments"]] == [
        ("health_insurance_card", "資格確認書や保険証を持っておらず、資格はマイナンバーカードで確認するため、"
                                  "返すものはありません。")]
    [letter] = (tmp_path / "out").glob("*/*.power_of_attorney.pdf")
    delegation = pdftotext(letter)
    assert delegation.index("（委任者）") < delegation.index("グエン")
    # the mover's address is the current address, asked once (proxy.principal_details), never blank
    representative, resident = delegation.split("（委任者）")
    assert "霞が関1-1-1" in representative and "霞が関2-1-2" not in representative
    assert "住所 〒100-0013 東京都千代田区霞が関2-1-2" in resident
    assert record["power_of_attorney"]["title"] == "委任状"
