"""Hostile procedure files: each is refused with the located message its author would read, and
the other files of the folder still load (the procedure list never disappears).

Every test puts the hostile file next to the bundled procedure and the gallery and loads the
whole folder, as the application does at start.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import DefinitionError, load_all
from tests.conftest import GALLERY

#: every gallery example is named by its id (examples/procedures/<id>.yaml)
GOOD = {"juminhyo_copy", *(path.stem for path in GALLERY.glob("*.yaml"))}
HEAD = """schema_version: 1
id: hostile
version: "1"
title: 試験
summary: 試験用の手続です。
who_may_apply:
  - {role: self, label: 本人}
office: {name: 窓口}
steps:
"""   # the steps start on line 10


def step(fields: str, step_id: str = "one", extra: str = "") -> str:
    return f"  - id: {step_id}\n    title: 質問\n    purpose: 確認します。\n{extra}    fields:\n{fields}"


def field(field_id: str, extra: str = "", kind: str = "text") -> str:
    return f"      - id: {field_id}\n        kind: {kind}\n        label: 項目\n{extra}"


def load_with(tmp_path: Path, text: str | bytes, name: str = "hostile.yaml") -> list[DefinitionError]:
    """Load the folder holding this file and the good ones; return the errors, all of this file."""
    for good in [BUNDLED_PROCEDURES / "juminhyo_copy.yaml", *GALLERY.glob("*.yaml")]:
        shutil.copy(good, tmp_path)
    target = tmp_path / name
    if isinstance(text, bytes):
        target.write_bytes(text)
    else:
        target.write_text(text, encoding="utf-8")
    catalog = Catalog.load([tmp_path])
    assert {p.id for p in catalog.procedures} == GOOD
    assert {e.file.name for e in catalog.errors} == {name}
    assert all("error in the application" not in e.message and "アプリケーションの不具合" not in e.message
               for e in catalog.errors)
    return catalog.errors


def the_error(tmp_path: Path, text: str | bytes) -> DefinitionError:
    [error] = load_with(tmp_path, text)
    return error


def test_a_valid_hostile_template_loads(tmp_path):
    (tmp_path / "ok.yaml").write_text(HEAD + step(field("a")), encoding="utf-8")
    assert [p.id for p in load_all([tmp_path]).procedures] == ["hostile"]


def test_an_alias_bomb_is_refused_after_a_bounded_expansion(tmp_path, english):
    bomb = 'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]\n' + "".join(
        f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(9))
    error = the_error(tmp_path, HEAD.replace("steps:\n", bomb))
    assert error.line == 14    # f: the alias that goes over the bound (9^6 values)
    assert "more than 200,000 values once its aliases (*name) are expanded" in error.message


def test_an_alias_of_itself_is_refused(tmp_path, english):
    error = the_error(tmp_path, HEAD + "  - &loop [*loop]\n")
    assert (error.line, error.path) == (10, "steps[0][0]")
    assert "the alias *loop is used inside the value it names" in error.message


@pytest.mark.parametrize("opening, closing", [("[", "]"), ("{a: ", "}"), ("- ", "")])
def test_nesting_a_thousand_levels_deep_is_refused(tmp_path, english, opening, closing):
    deep = opening * 1000 + "x" + closing * 1000
    error = the_error(tmp_path, HEAD + f"  - {deep}\n")
    assert error.line == 10
    assert "nested more than 40 levels deep" in error.message


def test_a_condition_nested_a_thousand_times_is_refused(tmp_path, english):
    chain = "{not: " * 1200 + "{answered: a}" + "}" * 1200
    error = the_error(tmp_path, HEAD + step(field("a") + field("b", f"        when: {chain}\n")))
    assert (error.line, error.path) == (20, "steps[0].fields[1].when.not.not.not")
    assert "flatten the conditions" in error.message


def test_a_chain_of_1200_conditions_loads_and_a_circle_closing_it_is_found(tmp_path, english):
    fields = field("f0") + "".join(field(f"f{i}", f"        when: {{answered: f{i - 1}}}\n") for i in range(1, 1200))
    (tmp_path / "chain.yaml").write_text(HEAD + step(fields), encoding="utf-8")
    [procedure] = load_all([tmp_path]).procedures
    assert len(procedure.all_fields()) == 1200
    (tmp_path / "chain.yaml").unlink()
    circle = fields.replace("      - id: f0\n        kind: text\n        label: 項目\n",
                            "      - id: f0\n        kind: text\n        label: 項目\n        when: {answered: f1199}\n")
    error = the_error(tmp_path, HEAD + step(circle))
    assert (error.line, error.path) == (21, "steps[0].fields[1].when")   # f1 needs f0, which closes it
    assert "conditions depend on each other in a circle: f0 → f1199 → f1198 → f1197 → … → f3 → f2 → f1 → f0;" \
        in error.message


@pytest.mark.parametrize("width", [32, 60, 2000])
def test_a_diamond_of_conditions_loads_in_linear_time(tmp_path, width):
    # each field depends on both previous ones: 2^width paths, which the old check walked one by one
    fields = field("d0") + field("d1") + "".join(
        field(f"d{i}", f"        when: {{all: [{{answered: d{i - 1}}}, {{answered: d{i - 2}}}]}}\n")
        for i in range(2, width))
    (tmp_path / "diamond.yaml").write_text(HEAD + step(fields), encoding="utf-8")
    result = load_all([tmp_path])
    assert result.errors == [] and len(result.procedures[0].all_fields()) == width


@pytest.mark.parametrize("tagged, line", [
    ("title: !!python/object/apply:os.system ['true']", 4),
    ("title: !!python/name:os.system", 4),
    ("keywords: !!python/tuple [a, b]", 9),
    ("office: !!python/object:builtins.dict {name: 窓口}", 8),
    ("keywords: !!set {a, b}", 9),
    ("title: !!binary aGVsbG8=", 4),
])
def test_tags_other_than_plain_yaml_are_refused(tmp_path, english, tagged, line):
    key = tagged.split(":")[0]
    text = "\n".join(tagged if row.startswith(key + ":") else row for row in HEAD.splitlines())
    if not text.count(tagged):
        text = HEAD.replace("steps:\n", tagged + "\nsteps:\n")
    text += "\n" + step(field("a"))
    errors = load_with(tmp_path, text)
    assert [(e.line, e.path) for e in errors][0] == (line, key)
    assert "is not allowed: procedure files hold plain texts" in errors[0].message
    assert "remove the tag" in errors[0].message


def test_a_key_written_twice_is_refused_at_its_second_line(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a", "        label: 別の項目\n")))
    assert (error.line, error.path) == (17, "steps[0].fields[0].label")
    assert error.message == ("the key `label` appears twice in the same mapping (first on line 16); "
                             "keep only one of them")


@pytest.mark.parametrize("text, character, position", [
    ("氏名\u202e名氏", "U+202E RIGHT-TO-LEFT OVERRIDE", 3),
    ("\u2066氏名", "U+2066 LEFT-TO-RIGHT ISOLATE", 1),
    ('"氏名\\x07"', "U+0007", 3),
    ('"\\x1b[31m氏名"', "U+001B", 1),
    ('"氏\\u200f名"', "U+200F RIGHT-TO-LEFT MARK", 2),
    ('"氏名\\u2028"', "U+2028 LINE SEPARATOR", 3),
])
def test_control_and_bidi_characters_in_texts_are_named_with_their_position(
        tmp_path, english, text, character, position):
    error = the_error(tmp_path, HEAD + step(field("a").replace("label: 項目", f"label: {text}")))
    assert (error.line, error.path) == (16, "steps[0].fields[0].label")
    assert f"character {position} of this text is {character}," in error.message
    assert "delete it" in error.message


def test_a_bidi_character_in_a_block_text_names_its_own_line(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a", "        help: |\n          一行目\n          二\u202e行目\n")))
    assert (error.line, error.path) == (19, "steps[0].fields[0].help")


def test_a_raw_control_character_is_refused_with_its_line(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a").replace("label: 項目", "label: 項\x01目")))
    assert error.line == 16
    assert "U+0001" in error.message and "a character that YAML does not allow" in error.message


def test_min_items_above_max_items_is_refused_at_min_items(tmp_path, english):
    group = field("kids", "        item_label: 児童\n        min_items: 5\n        max_items: 2\n"
                          "        fields:\n" + field("child").replace("      ", "          "), kind="group")
    error = the_error(tmp_path, HEAD + step(group))
    assert (error.line, error.path) == (18, "steps[0].fields[0].min_items")
    assert error.message.startswith("min_items (5) is larger than max_items (2); no number of items")


def test_minimum_above_maximum_is_refused(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("copies", "        minimum: 10\n        maximum: 1\n", kind="number")))
    assert (error.line, error.path) == (17, "steps[0].fields[0].minimum")
    assert "minimum (10) is larger than maximum (1)" in error.message


def test_a_field_id_used_twice_points_at_the_second_one(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a") + field("a")))
    assert (error.line, error.path) == (17, "steps[0].fields[1].id")
    assert error.message == ("the field id `a` is already used at line 14; give each field its own id, "
                             "e.g. `a_2`")


def test_a_5000_digit_number_is_refused_at_its_line(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("n", f"        minimum: {'9' * 5000}\n", kind="number")))
    assert (error.line, error.path) == (17, "steps[0].fields[0].minimum")
    assert "this number has 5,000 characters; numbers in a procedure have at most 30" in error.message


@pytest.mark.parametrize("key", ["[a, b]", "{a: b}", "? [x]\n        "])
def test_a_list_or_mapping_as_a_key_is_refused(tmp_path, english, key):
    errors = load_with(tmp_path, HEAD + step(field("a", f"        {key}: 1\n")))
    assert (errors[0].line, errors[0].path) == (17, "steps[0].fields[0]")
    assert errors[0].message == "a key must be a name, not a list or a mapping"


def test_a_file_over_the_size_limit_is_refused_unread(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a", "        hint: " + "あ" * 800_000 + "\n")))
    assert error.line is None
    assert "the file is larger than 2 MB" in error.message


def test_more_fields_than_the_limit_are_refused(tmp_path, english):
    fields = "".join(f"      - {{id: f{i}, kind: yes_no, label: 項目}}\n" for i in range(10_001))
    error = the_error(tmp_path, HEAD + step(fields))
    assert (error.line, error.path) == (9, "steps")
    assert "the procedure has 10,001 fields; at most 10,000" in error.message


def test_a_link_to_an_endless_device_is_refused_unread(tmp_path, english):
    os.symlink("/dev/zero", tmp_path / "zero.yaml")
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path)
    catalog = Catalog.load([tmp_path])
    assert [p.id for p in catalog.procedures] == ["juminhyo_copy"]
    [zero] = catalog.errors
    assert zero.file.name == "zero.yaml" and "this is not a regular file" in zero.message


def test_a_fifo_a_folder_and_a_dangling_link_do_not_block_or_abort(tmp_path, english):
    os.mkfifo(tmp_path / "pipe.yaml")
    (tmp_path / "folder.yaml").mkdir()
    os.symlink(tmp_path / "missing", tmp_path / "dangling.yaml")
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path)
    catalog = Catalog.load([tmp_path])
    assert [p.id for p in catalog.procedures] == ["juminhyo_copy"]
    assert [f.name for f in catalog.broken_files] == ["dangling.yaml", "folder.yaml", "pipe.yaml"]


def test_a_file_that_is_not_utf8_names_the_line(tmp_path, english):
    error = the_error(tmp_path, (HEAD + step(field("a"))).encode("utf-8").replace("項目".encode(), "項目".encode("shift_jis")))
    assert error.line == 16
    assert "not UTF-8 text" in error.message


def test_two_documents_in_one_file_are_refused(tmp_path, english):
    error = the_error(tmp_path, HEAD + step(field("a")) + "---\n" + HEAD + step(field("a")))
    assert "more than one YAML document" in error.message and error.line == 17


def test_messages_are_translated(tmp_path):
    """The default language is Japanese: the author reads the problem in it, located the same way."""
    error = the_error(tmp_path, HEAD + step(field("a", "        label: 別の項目\n")))
    assert (error.line, error.path) == (17, "steps[0].fields[0].label")
    assert "2 回" in error.message and "16 行目" in error.message


def test_a_long_text_repeated_through_aliases_is_refused(tmp_path, english):
    # 100 references to a 100,000-character text: 10 million characters once expanded
    text = HEAD.replace("steps:\n", f"keywords: [&long {'あ' * 100_000}, {', '.join(['*long'] * 100)}]\nsteps:\n")
    error = the_error(tmp_path, text + step(field("a")))
    assert (error.line, error.path) == (9, "keywords[83]")   # the 84th copy goes over 8 MiB
    assert "the texts add up to more than 8,388,608 characters once aliases (*name) are expanded" in error.message


def test_merge_keys_are_refused(tmp_path, english):
    errors = load_with(tmp_path, HEAD + step(field("a", "        <<: {hint: 説明}\n")))
    assert (errors[0].line, errors[0].path) == (17, "steps[0].fields[0]")
    assert errors[0].message == "merge keys (<<) are not supported; write the keys out in this mapping"
