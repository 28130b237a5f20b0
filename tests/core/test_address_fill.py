"""Postal code → address parts, never overwriting what was written."""

from __future__ import annotations

from assistant.interview.address import fill_from_postal_code


def test_a_one_town_code_fills_prefecture_city_and_town():
    fill = fill_from_postal_code({"postal_code": "１００－００１３"})
    assert fill.parts == {"prefecture": "東京都", "city": "千代田区", "town": "霞が関"}
    assert fill.towns == ()


def test_written_parts_are_never_overwritten():
    fill = fill_from_postal_code({"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区",
                                  "town": "霞が関２丁目"})
    assert fill is None


def test_a_code_for_many_towns_fills_city_and_offers_the_towns():
    fill = fill_from_postal_code({"postal_code": "452-0961"})
    assert fill.parts == {"prefecture": "愛知県", "city": "清須市"}
    assert len(fill.towns) > 10


def test_unknown_or_invalid_codes_fill_nothing():
    assert fill_from_postal_code({"postal_code": "0000000"}) is None
    assert fill_from_postal_code({"postal_code": "12"}) is None
    assert fill_from_postal_code(None) is None


def test_the_cli_and_the_window_fill_by_the_same_rule():
    from assistant.interview.address import with_addresses_filled
    from assistant.paths import BUNDLED_PROCEDURES
    from assistant.procedures.catalog import Catalog

    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    typed = {"applicant_address": {"postal_code": "100-0013", "city": "", "block": "2-1-2"},
             "subject_address": {"postal_code": "100-0013", "prefecture": "東京都", "city": "港区"}}
    filled = with_addresses_filled(procedure, typed)
    assert filled["applicant_address"] == {"postal_code": "100-0013", "prefecture": "東京都",
                                           "city": "千代田区", "town": "霞が関", "block": "2-1-2"}
    assert filled["subject_address"]["city"] == "港区"          # what was written is never overwritten
    assert typed["applicant_address"]["city"] == ""              # the given answers are not changed
    assert "members" not in filled                               # nothing added that was not answered
