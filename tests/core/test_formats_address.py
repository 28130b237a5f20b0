"""Address lines (DS-442 half-width digits and hyphens; names never) and copies with a counter."""

from __future__ import annotations

import pytest

from assistant import i18n
from assistant.formats import half_width_numbers
from assistant.interview.validation import printed, read_field, settled_text
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog

pytestmark = pytest.mark.usefixtures("english")


@pytest.fixture(scope="module")
def fields():
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    return {f.id: f for f in procedure.all_fields()}


@pytest.mark.parametrize(("typed", "written"), [
    ("２－１－２", "2-1-2"), ("２ー１ー２", "2-1-2"), ("1丁目２‐３", "1丁目2-3"), ("２番地の１", "2番地の1"),
    ("コーポ山田１０１号室", "コーポ山田101号室"), ("ハイツ・ローズ　２０１", "ハイツ・ローズ　201"),
    ("三丁目", "三丁目"), ("2-1-2", "2-1-2"),
])
def test_half_width_numbers_changes_only_digits_and_dashes_between_them(typed, written):
    assert half_width_numbers(typed) == written


def test_the_address_block_and_building_are_written_half_width_on_the_form(fields):
    raw = {"postal_code": "100-0013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
           "block": "２－１－２", "building": "中央合同庁舎２号館　１０１"}
    result = read_field(fields["applicant_address"], raw)
    assert result.ok
    assert result.value["block"] == "2-1-2" and result.value["building"] == "中央合同庁舎2号館　101"
    assert printed(fields["applicant_address"], result) == "〒100-0013 東京都千代田区霞が関2-1-2　中央合同庁舎2号館　101"
    assert raw["block"] == "２－１－２"                 # what was typed is kept


def test_leaving_the_block_box_puts_back_the_half_width_text(fields):
    assert settled_text(fields["applicant_address"], "block", "２ー１ー２") == "2-1-2"
    assert settled_text(fields["applicant_address"], "block", "2-1-2") is None


def test_names_keep_full_width_digits_and_dashes(fields):
    name = {"family": "山田", "given": "太郎２ー３", "family_kana": "ヤマダ", "given_kana": "タロウ"}
    result = read_field(fields["applicant_name"], name)
    assert "２ー３" in result.display or result.problems   # never rewritten to 2-3
    assert "2-3" not in result.display
    assert settled_text(fields["applicant_name"], "given", "太郎２ー３") is None


@pytest.mark.parametrize("typed", ["2通", "２通", "2部", "２ 部", "2", "２枚"])
def test_copies_with_a_counter_word_are_read_as_the_number(fields, typed):
    result = read_field(fields["copies"], typed)
    assert result.ok and result.value == 2
    assert printed(fields["copies"], result) == "2通"


@pytest.mark.parametrize("typed", ["二通", "たくさん", "2.5通"])
def test_wrong_copies_get_a_message_about_copies(fields, typed):
    [(_part, problem)] = read_field(fields["copies"], typed).problems
    assert problem.code == "number.copies"
    assert problem.message == "Write how many copies you need, as a number, e.g. 2通."
    assert "円" not in problem.message and "yen" not in problem.message


def test_the_copies_message_is_translated(fields):
    i18n.set_language("ja")
    [(_part, problem)] = read_field(fields["copies"], "二通").problems
    assert problem.message == "必要な通数を数字で書いてください（例：2通）。"
