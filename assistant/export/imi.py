"""The people on the form in the IMI core vocabulary (共通語彙基盤 v2.4), as JSON-LD.

Fields declare which person they are about (`person`) and what they say (`meaning`); each person
becomes one 人型 with 氏名型, 日付型, 住所型 and 連絡先型 values (reference: domain-japan.md §3).
"""

from __future__ import annotations

from typing import Any

from assistant.formats import era_date
from assistant.interview.record import Record
from assistant.procedures import model as m

CONTEXT = "https://imi.go.jp/ns/core/context.jsonld"
SEX_CODES = {"male": "1", "female": "2", "other": "9", "unknown": "0"}   # ISO 5218, as IMI asks


def _name(value: dict[str, str]) -> dict[str, Any]:
    name = {"@type": "氏名型", "種別": "本名", "姓": value.get("family", ""), "名": value.get("given", ""),
            "姓名": " ".join(v for v in (value.get("family"), value.get("given")) if v)}
    if value.get("family_kana") or value.get("given_kana"):
        name |= {"姓カナ表記": value.get("family_kana", ""), "名カナ表記": value.get("given_kana", ""),
                 "姓名カナ表記": " ".join(v for v in (value.get("family_kana"), value.get("given_kana")) if v)}
    return {k: v for k, v in name.items() if v}


def _date(iso: str) -> dict[str, Any]:
    return {"@type": "日付型", "標準型日付": iso, "表記": era_date(iso)}


def _address(value: dict[str, str]) -> dict[str, Any]:
    line = "".join(value.get(p, "") for p in ("prefecture", "city", "town", "block"))
    address = {"@type": "住所型", "表記": " ".join(v for v in (line, value.get("building", "")) if v),
               "郵便番号": value.get("postal_code", ""), "都道府県": value.get("prefecture", ""),
               "市区町村": value.get("city", ""), "町名": value.get("town", ""), "番地": value.get("block", ""),
               "方書": value.get("building", "")}
    return {k: v for k, v in address.items() if v}


def _sex(field: m.ChoiceField, value: str) -> dict[str, str]:
    label = next(o.label for o in field.options if o.value == value)
    return {"性別": label, **({"性別コード": SEX_CODES[value]} if value in SEX_CODES else {})}


def _property(field: m.FieldDef, value: Any) -> dict[str, Any]:
    if field.meaning == "name":
        return {"氏名": _name(value)}
    if field.meaning == "birth_date":
        return {"生年月日": _date(value)}
    if field.meaning == "address":
        return {"住所": _address(value)}
    if field.meaning == "phone":
        number, _sep, extension = str(value).partition(" 内線")   # parse_phone keeps 内線 this way
        contact = {"@type": "連絡先型", "電話番号": number}
        return {"連絡先": {**contact, "内線番号": extension} if extension else contact}
    if field.meaning == "email":
        return {"連絡先": {"@type": "連絡先型", "Eメールアドレス": value}}
    if field.meaning == "sex":
        return _sex(field, value)
    return {}   # a My Number is never copied into shared vocabulary data


def persons(record: Record) -> dict[str, Any]:
    """A JSON-LD document with one 人型 per person of the form that has an answer that applies."""
    graph = []
    for person in record.procedure.persons:
        node: dict[str, Any] = {"@type": "人型", "種別": person.label}
        for row in record.for_person(person.id):
            for key, value in _property(row.field, row.value).items():
                # 連絡先 may hold both a phone and an e-mail address
                node[key] = node[key] | value if key == "連絡先" and key in node else value
        if len(node) > 2:
            graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}
