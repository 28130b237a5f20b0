"""Loading procedure files: valid ones load, broken ones name file, line and field."""

from __future__ import annotations

import shutil

from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_all, load_file
from tests.conftest import BROKEN, GALLERY


def test_bundled_procedures_load_without_errors():
    result = load_all([BUNDLED_PROCEDURES])
    assert result.errors == []
    assert "juminhyo_copy" in {p.id for p in result.procedures}


def test_unknown_key_is_reported_with_file_line_and_path(english):
    procedure, errors = load_file(BROKEN / "unknown_key.yaml")
    assert procedure is None
    [error] = errors
    assert error.file.name == "unknown_key.yaml"
    assert error.line == 19
    assert error.path == "steps[0].fields[0].colour"
    assert "unknown key" in error.message


def test_yaml_syntax_error_names_the_line(english):
    _procedure, [error] = load_file(BROKEN / "bad_yaml.yaml")
    assert error.line == 6 or error.line == 7
    assert "not valid YAML" in error.message


def test_condition_on_a_missing_field_is_an_error():
    _procedure, [error] = load_file(BROKEN / "bad_condition.yaml")
    assert "nmae" in error.message


def test_unknown_field_kind_lists_the_known_kinds(english):
    _procedure, [error] = load_file(BROKEN / "wrong_kind.yaml")
    assert error.path == "steps[0].fields[0].kind"
    assert error.line == 17
    assert "person_name" in error.message


def test_one_broken_file_does_not_stop_the_others(tmp_path):
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path)
    shutil.copy(BROKEN / "unknown_key.yaml", tmp_path)
    catalog = Catalog.load([tmp_path])
    assert [p.id for p in catalog.procedures] == ["juminhyo_copy"]
    assert [f.name for f in catalog.broken_files] == ["unknown_key.yaml"]


def test_a_procedure_id_in_two_files_is_reported_for_both_and_neither_loads(tmp_path, english):
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path / name)
    shutil.copy(GALLERY / "conditions.yaml", tmp_path)
    result = load_all([tmp_path])
    assert [p.id for p in result.procedures] == ["conditions"]
    assert [f.name for f in result.broken_files] == ["a.yaml", "b.yaml"]
    a, b = sorted(result.errors, key=lambda e: e.file.name)
    assert (a.line, a.path, b.line, b.path) == (5, "id", 5, "id")   # the `id:` line of each
    assert "is also used by" in a.message and str(tmp_path / "b.yaml") in a.message
    assert str(tmp_path / "a.yaml") in b.message


def test_a_folder_given_twice_is_read_once(tmp_path):
    shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path)
    result = load_all([tmp_path, tmp_path / "."])
    assert [p.id for p in result.procedures] == ["juminhyo_copy"] and result.errors == []


def test_search_finds_the_residence_record_in_japanese_and_english():
    catalog = Catalog.load([BUNDLED_PROCEDURES])
    assert [p.id for p in catalog.search("住民票")] == ["juminhyo_copy"]
    assert [p.id for p in catalog.search("Residence")] == ["juminhyo_copy"]
    assert [p.id for p in catalog.search("ジュウミンヒョウ")] == ["juminhyo_copy"]
    assert catalog.search("pension fund transfer") == []


def test_conditions_that_depend_on_each_other_are_refused(english):
    _procedure, [error] = load_file(BROKEN / "condition_cycle.yaml")
    assert (error.line, error.path) == (27, "steps[1].fields[0].when")   # b's condition closes it
    assert "circle" in error.message
    assert "a → b → a" in error.message or "b → a → b" in error.message
