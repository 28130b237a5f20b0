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
