"""The parts of compound answers and their official Japanese labels (no heavy imports: the
window uses these before any procedure is loaded)."""

from __future__ import annotations

NAME_PARTS = ("family", "given", "family_kana", "given_kana")
ADDRESS_PARTS = ("postal_code", "prefecture", "city", "town", "block", "building")
ADDRESS_REQUIRED = ("prefecture", "city", "town", "block")
#: the parts that must be filled when the question itself is required
REQUIRED_PARTS = frozenset({"family", "family_kana", *ADDRESS_REQUIRED})

#: Official Japanese labels of the parts of compound answers (translated in the procedures domain).
PART_LABELS = {
    "family": "氏", "given": "名", "family_kana": "氏（フリガナ）", "given_kana": "名（フリガナ）",
    "postal_code": "郵便番号", "prefecture": "都道府県", "city": "市区町村", "town": "町名・字",
    "block": "番地・号", "building": "建物名・部屋番号",
}
YES_NO_LABELS = {True: "はい", False: "いいえ", "unknown": "わからない"}



def part_label(part: str) -> str:
    """The official Japanese label of one part of a compound field."""
    return PART_LABELS.get(part, part)
