"""kind: bank_account — a Japanese bank account in parts: bank, branch, type (普通/当座), account
number and the holder's name in katakana (as the bank prints it).

The number is zero-padded to seven digits, as banks print it (123 → 0000123); the holder's name
typed in hiragana or half-width katakana is converted. A ゆうちょ銀行 記号・番号 (12345-12345671)
typed as the account number is refused with the conversion to 店名 and 口座番号 offered.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

from assistant import formats
from assistant.formats import Problem
from assistant.formats.result import PART_SEPARATOR
from assistant.i18n import _, bilingual, current_language, ptext
from assistant.kinds.base import FieldResult, Kind, as_text, required_problem
from assistant.kinds.kana import settled_reading
from assistant.procedures.conditions import is_answered

PARTS = ("bank", "branch", "account_type", "account_number", "holder_kana")
#: stored value → the official word on the form; typed Japanese words are accepted too
ACCOUNT_TYPES = {"ordinary": "普通", "current": "当座"}
#: official labels of the parts (translated in the procedures domain)
PART_LABELS = {"bank": "金融機関名", "branch": "支店名", "account_type": "預金種目", "account_number": "口座番号",
               "holder_kana": "口座名義（カタカナ）"}
NUMBER_DIGITS = 7
_KANJI_DIGITS = "〇一二三四五六七八九"
_SEPARATORS = r"[\s\-‐‑–—ー－]"
#: ゆうちょ銀行's 記号 (5 digits, starting with 1) and 番号 (up to 8 digits, ending in 1)
_YUCHO = re.compile(rf"(1\d{{4}}){_SEPARATORS}*(\d{{1,7}}1)")


def yucho_transfer(symbol: str, number: str) -> tuple[str, str]:
    """(店名, 口座番号) for transfers from a ゆうちょ 記号・番号 (通常貯金): the branch is the 2nd and
    3rd digits of the 記号 followed by 8, written in kanji (12340 → 二三八); the number is the 番号
    without its last 1, zero-padded to seven digits."""
    branch = "".join(_KANJI_DIGITS[int(d)] for d in symbol[1:3] + "8")
    return branch, number[:-1].zfill(NUMBER_DIGITS)


def _account_type(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).strip()
    for value, word in ACCOUNT_TYPES.items():
        if text in (value, word, word + "預金"):
            return value
    return text


def _number(text: str, bank: str) -> tuple[str, Problem | None]:
    compact = unicodedata.normalize("NFKC", text).strip()
    if not compact:
        return "", None
    yucho = _YUCHO.fullmatch(compact)
    digits = re.sub(_SEPARATORS, "", compact)
    if yucho or (len(digits) == 8 and digits.endswith("1") and "ゆうちょ" in bank):
        if yucho:
            branch, number = yucho_transfer(*yucho.groups())
            return "", Problem("bank_account.yucho", _(
                "This is a ゆうちょ銀行 記号・番号. For a transfer the office needs the branch name and "
                "account number made from it: branch {branch}, ordinary account {number}. Use them, or copy "
                "the 店名 and 口座番号 printed on the last page of the passbook, e.g. 〇一八 and 1234567."
            ).format(branch=branch, number=number), f"{branch}{PART_SEPARATOR}{number}")
        return "", Problem("bank_account.yucho", _(
            "This looks like a ゆうちょ銀行 番号 (8 digits ending in 1). For a transfer the office needs the "
            "店名 and 口座番号 printed on the last page of the passbook, or write the 記号 and 番号 together "
            "in this box and they will be converted, e.g. 12340-12345671."))
    if not digits.isdigit() or not digits.isascii():
        return "", Problem("bank_account.number_format", _(
            "Write only the digits of the account number, e.g. 1234567."))
    if len(digits) > NUMBER_DIGITS:
        return "", Problem("bank_account.number_length", _(
            "An account number has at most 7 digits (now {length}). Copy it from the passbook or the cash "
            "card, e.g. 1234567.").format(length=len(digits)))
    return digits.zfill(NUMBER_DIGITS), None


class BankAccountKind(Kind):
    name = "bank_account"
    interpreted = True

    def parts(self, field: Any) -> tuple[str, ...]:
        return PARTS

    def required_parts(self, field: Any) -> frozenset[str]:
        return frozenset(PARTS)

    def part_labels(self) -> dict[str, str]:
        return PART_LABELS

    def official_texts(self) -> list[str]:
        return [*PART_LABELS.values(), *ACCOUNT_TYPES.values()]

    def expected(self) -> tuple[str, str]:
        return (_("an object with the parts of the account"),
                '{"bank": "みずほ銀行", "branch": "渋谷支店", "account_type": "ordinary", '
                '"account_number": "1234567", "holder_kana": "ヤマダ　タロウ"}')

    def shape(self, field: Any, raw: Any):
        from assistant.kinds import checks

        if not isinstance(raw, dict):
            return [("", checks.type_problem(self.name, raw))]
        return checks.parts_problems(raw, PARTS, checks.SHORT_MAX)

    def parse(self, field: Any, raw: Any) -> FieldResult:
        raw = raw if isinstance(raw, dict) else {}
        value = {part: as_text(raw.get(part)).strip() for part in PARTS}
        problems: list[tuple[str, Problem]] = []
        notices: list[tuple[str, Problem]] = []
        value["account_type"] = _account_type(value["account_type"])
        if value["account_type"] and value["account_type"] not in ACCOUNT_TYPES:
            problems.append(("account_type", Problem("bank_account.type", _(
                "Choose the type of account: 普通 (ordinary) or 当座 (current), as on the passbook."))))
        value["account_number"], problem = _number(value["account_number"], value["bank"])
        if problem:
            problems.append(("account_number", problem))
        holder = formats.to_katakana(value["holder_kana"])
        value["holder_kana"] = holder.value or ""
        if holder.problem:
            problems.append(("holder_kana", holder.problem))
        if holder.notice:
            notices.append(("holder_kana", holder.notice))
        answered = is_answered(value)
        if field.required or answered:
            reported = {part for part, _problem in problems}
            problems.extend((p, required_problem()) for p in PARTS if not value[p] and p not in reported
                            and (answered or p != "account_type"))
        ok = answered and not problems
        return FieldResult(value if ok else None, self.text(field, value), tuple(problems), tuple(notices))

    def text(self, field: Any, value: Any) -> str:
        if not isinstance(value, dict):
            return ""
        kind = ACCOUNT_TYPES.get(value.get("account_type", ""), value.get("account_type", ""))
        return "　".join(t for t in (value.get("bank"), value.get("branch"), kind, value.get("account_number"),
                                     value.get("holder_kana")) if t)

    def display_text(self, field: Any, value: Any, language: str | None = None) -> str:
        kind = ACCOUNT_TYPES.get(value.get("account_type", ""))
        if kind is None:
            return self.text(field, value)
        language = language or current_language()
        return "　".join(t for t in (value.get("bank"), value.get("branch"), bilingual(kind, language),
                                     value.get("account_number"), value.get("holder_kana")) if t)

    def spoken_text(self, field: Any, value: Any) -> str:
        return _("{bank} {branch}, {type} account number {digits}, in the name of {holder}").format(
            bank=value.get("bank", ""), branch=value.get("branch", ""),
            type=ptext(ACCOUNT_TYPES.get(value.get("account_type", ""), "")),
            digits=" ".join(value.get("account_number", "")), holder=value.get("holder_kana", ""))

    def settled(self, field: Any, part: str, text: str) -> str | None:
        if part == "holder_kana":
            return settled_reading("katakana", text)
        if part == "account_number":
            number, problem = _number(text, "")
            return number if number and problem is None and number != text else None
        return None


KIND = BankAccountKind()
