"""Loading procedure files: valid ones load, broken ones name file, line and field."""

from __future__ import annotations

import shutil

from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_all, load_file
from tests.conftest import BROKEN


def test_bundled_procedures_load_without_errors():
    result = load_all([BUNDLED_PROCEDURES])
    assert result.errors == []
    assert "juminhyo_copy" in {p.id for p in result.procedures}


def test_unknown_key_is_reported_with_file_line_and_path():
    procedure, errors = load_file(BROKEN / "unknown_key.yaml")
    assert procedure is None
    [error] = errors
    assert error.file.name == "unknown_key.yaml"
    assert error.line == 19
    assert error.path == "steps[0].fields[0].colour"
    assert "unknown key" in error.message


def test_yaml_syntax_error_names_the_line():
    _procedure, [error] = load_file(BROKEN / "bad_yaml.yaml")
    assert error.line == 6 or error.line == 7
    assert "YAML" in error.message


def test_condition_on_a_missing_field_is_an_error():
    _procedure, [error] = load_file(BROKEN / "bad_condition.yaml")
    assert "nmae" in error.message


def test_unknown_field_kind_lists_the_known_kinds():
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


def test_duplicate_procedure_id_is_reported(tmp_path):
    for name in ("a.yaml", "b.yaml"):
        shutil.copy(BUNDLED_PROCEDURES / "juminhyo_copy.yaml", tmp_path / name)
    result = load_all([tmp_path])
    assert len(result.procedures) == 1
    assert "already used" in result.errors[0].message


def test_search_finds_the_residence_record_in_japanese_and_english():
    catalog = Catalog.load([BUNDLED_PROCEDURES])
    assert [p.id for p in catalog.search("住民票")] == ["juminhyo_copy"]
    assert [p.id for p in catalog.search("Residence")] == ["juminhyo_copy"]
    assert [p.id for p in catalog.search("ジュウミンヒョウ")] == ["juminhyo_copy"]
    assert catalog.search("pension fund transfer") == []


def test_conditions_that_depend_on_each_other_are_refused():
    _procedure, [error] = load_file(BROKEN / "condition_cycle.yaml")
    assert "circle" in error.message
    assert "a → b → a" in error.message or "b → a → b" in error.message
