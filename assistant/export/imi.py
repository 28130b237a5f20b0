"""The people on the form in the IMI core vocabulary (共通語彙基盤 v2.4), as JSON-LD.

Fields declare which person they are about (`person`) and what they say (`meaning`); each person
becomes one 人型 with 氏名型, 日付型, 住所型 and 連絡先型 values (reference: domain-japan.md §3).
Inside a repeatable group, a question with a `meaning` (and no `person`) is about its item: each
item is one more 人型, its 種別 the group's item label (転出届: 転出する方, 児童手当: 児童).

The answers of the newer kinds, as IMI has them:
- `nationality` (a text) → 国籍;
- `residence_card` → an ID型 whose 体系 is 在留カード番号 (ID体系型, as the IMI tools write 法人番号);
- `insured_number` → an ID型 whose 体系 is the question's official label (被保険者番号); a card's 記号,
  when asked, is a second ID型 (「…（記号）」): IMI has no part for it, and joining the two would
  make one number of two;
- a person with several IDs gets a list, as IMI repeats values.
Never in the IMI data: a My Number, a bank account (IMI's core has no class for one; the JSON's
"answers" hold its parts: bank, branch, account_type ordinary|current, account_number, holder_kana),
and answers without a person (a choice, a pick list's option ids, yes/no/"unknown"), which stay in
"answers" as stored.
"""

from __future__ import annotations

from typing import Any

from assistant.formats import era_date
from assistant.interview.record import Record
from assistant.procedures import model as m

CONTEXT = "https://imi.go.jp/ns/core/context.jsonld"
SEX_CODES = {"male": "1", "female": "2", "other": "9", "unknown": "0"}   # ISO 5218, as IMI asks
RESIDENCE_CARD = "在留カード番号"


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
    if field.meaning == "nationality":
        return {"国籍": value}
    if field.meaning == "residence_card":
        return {"ID": [_id(RESIDENCE_CARD, value)]}
    if field.meaning == "insured_number":
        if isinstance(value, dict):   # {"symbol": …, "number": …}
            return {"ID": [_id(f"{field.label}（記号）", value["symbol"])] * bool(value.get("symbol"))
                    + [_id(field.label, value["number"])]}
        return {"ID": [_id(field.label, value)]}
    return {}   # a My Number is never copied into shared vocabulary data


def _id(system: str, value: str) -> dict[str, Any]:
    return {"@type": "ID型", "体系": {"@type": "ID体系型", "表記": system}, "識別値": value}


def _add(node: dict[str, Any], rows: list) -> dict[str, Any]:
    for row in rows:
        for key, value in _property(row.field, row.value).items():
            if key == "連絡先" and key in node:     # 連絡先 may hold both a phone and an e-mail address
                node[key] = node[key] | value
            elif key == "ID":
                node[key] = node.get(key, []) + value
            else:
                node[key] = value
    if isinstance(node.get("ID"), list) and len(node["ID"]) == 1:
        node["ID"] = node["ID"][0]
    return node


def persons(record: Record) -> dict[str, Any]:
    """A JSON-LD document with one 人型 per person of the form that has an answer that applies,
    then one per item of a repeatable group whose questions say something about it."""
    graph = []
    for person in record.procedure.persons:
        node = _add({"@type": "人型", "種別": person.label}, record.for_person(person.id))
        if len(node) > 2:
            graph.append(node)
    items: dict[tuple[str, int], list] = {}
    for row in record.rows:
        if row.path.in_group and row.field.meaning and row.field.person is None:
            items.setdefault((row.path.field, row.path.index), []).append(row)
    for (group_id, _index), rows in items.items():
        node = _add({"@type": "人型", "種別": record.procedure.field(group_id).item_label}, rows)
        if len(node) > 2:
            graph.append(node)
    return {"@context": CONTEXT, "@graph": graph}
