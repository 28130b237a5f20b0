"""Conditions inside a repeatable group, evaluated per item: 児童手当's child address only for a
child living apart, 転出届's 国籍 and 在留カード番号 only for a foreign mover — in the session and its
checks, the record, the form and the JSON; refused by the loader where no item can be meant; and
the lint's order check. All data invented."""

from __future__ import annotations

import json

from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.procedures.lint import lint_files
from assistant.procedures.loader import load_file
from tests.conftest import GALLERY
from tests.core.bundled_procedure import example_answers, export, session

APART = {"postal_code": "980-8671", "prefecture": "宮城県", "city": "仙台市青葉区", "town": "国分町",
         "block": "3-7-1", "building": ""}


def _children(second: dict | None = None) -> list[dict]:
    first, other = example_answers("jido_teate")["children"]
    return [{**first, "lives_with": "together"},
            {**other, "lives_with": "apart", "child_my_number": "3141 5926 5352", **(second or {})}]


def test_only_the_child_living_apart_is_asked_for_an_address():
    claim = session("jido_teate", any_child_apart=True, children=_children({"child_address": APART}), consent=True)
    group = claim.procedure.field("children")
    together, apart = claim.entries("children")
    assert "child_address" not in [f.id for f in claim.visible_item_fields(group, together)]
    assert "child_address" in [f.id for f in claim.visible_item_fields(group, apart)]
    assert claim.missing() == []
    first, second = claim.values()["children"]
    assert "child_address" not in first and second["child_address"]["city"] == "仙台市青葉区"


def test_a_child_living_apart_without_an_address_is_named_by_its_item():
    claim = session("jido_teate", any_child_apart=True, children=_children())
    assert {e.field_id for e in claim.missing()} == {"children[1].child_address"}


def test_the_form_and_the_json_carry_the_address_of_that_child_only(tmp_path):
    answers = {**example_answers("jido_teate"), "any_child_apart": True,
               "children": _children({"child_address": APART})}
    form, record = export("jido_teate", tmp_path, answers)
    assert "児童 2：児童の住所" in form and "児童 1：児童の住所" not in form
    assert "宮城県仙台市青葉区国分町3-7-1" in form
    first, second = record["answers"]["children"]
    assert "child_address" not in first and second["child_address"]["town"] == "国分町"


def test_a_hidden_answer_of_an_item_never_shows_its_dependent_questions():
    # 外国籍ですか was answered for a mover, then the household said nobody is foreign: the
    # nationality that depended on it is neither asked, checked nor exported any more
    movers = example_answers("tenshutsu")["movers"]
    foreign = [{**movers[0], "mover_foreign": True, "mover_nationality": "", "mover_residence_card": "bad"}, movers[1]]
    before = session("tenshutsu", foreign_movers=True, movers=foreign)
    assert {e.field_id for e in before.missing()} >= {"movers[0].mover_nationality", "movers[0].mover_residence_card"}
    after = session("tenshutsu", foreign_movers=False, movers=foreign)
    assert after.missing() == []
    assert set(after.values()["movers"][0]) == {"mover_name", "mover_birth_date", "mover_sex", "mover_relationship",
                                                "mover_card"}
    record = Record.of(after)
    assert record.row("movers[0].mover_nationality") is None and record.row("movers[0].mover_foreign") is None


BASE = (GALLERY / "repeatable_group.yaml").read_text(encoding="utf-8")


def _load(tmp_path, text: str):
    file = tmp_path / "groups.yaml"
    file.write_text(text, encoding="utf-8")
    return file, load_file(file)


def test_a_condition_outside_the_group_on_one_of_its_questions_is_refused_with_its_line(tmp_path, english):
    text = BASE.replace("office: {name: 見本の窓口}", "office: {name: 見本の窓口}\nattachments:\n"
                        "  - {id: paper, label: 書類, needed_when: {equals: {field: lives_with, value: apart}}}")
    file, (procedure, errors) = _load(tmp_path, text)
    assert procedure is None
    [error] = errors
    assert error.line == 11 and error.path == "attachments[0].needed_when"
    assert "asked once for each item of the repeatable group `children`" in error.message


def test_a_question_of_another_group_is_refused_too(tmp_path, english):
    text = BASE + ("      - id: parents\n        kind: group\n        label: 親\n        item_label: 親\n"
                   "        fields:\n          - {id: parent_name, kind: text, label: 親の名前, "
                   "when: {equals: {field: lives_with, value: apart}}}\n")
    file, (procedure, errors) = _load(tmp_path, text)
    assert procedure is None
    assert [e.line for e in errors] == [34] and "`lives_with`" in errors[0].message


def test_the_lint_says_when_a_question_of_an_item_depends_on_a_later_one(tmp_path, english):
    text = BASE.replace("{id: child_birth, kind: date, label: 児童の生年月日}",
                        "{id: child_birth, kind: date, label: 児童の生年月日, when: {answered: child_my_number}}")
    file, (procedure, errors) = _load(tmp_path, text)
    assert errors == []
    findings = [(f.line, f.code) for f in lint_files([file])]
    assert (23, "condition.later-question") in findings


def test_the_gallery_example_keeps_its_per_item_condition():
    procedure, errors = load_file(GALLERY / "repeatable_group.yaml")
    items = [{"child_name": {"family": "山田", "given": "花"}, "child_birth": "2020-01-01", "lives_with": "together"},
             {"child_name": {"family": "山田", "given": "空"}, "child_birth": "2021-01-01", "lives_with": "apart",
              "child_my_number": "123456789018"}]
    values = Session(procedure, {"children": items}).values()["children"]
    assert "child_my_number" not in values[0] and values[1]["child_my_number"] == "123456789018"
    assert json.dumps(values, ensure_ascii=False).count("123456789018") == 1
