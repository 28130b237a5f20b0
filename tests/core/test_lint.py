"""`tetsuzuki procedures lint`: the bundled procedures are clean; each check finds what it names."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from assistant.cli import main
from assistant.i18n import LOCALES_DIR
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.lint import lint_files
from tests.conftest import BROKEN

SOURCE = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")
LINE = re.compile(r"^(?P<file>[^:]+):(?P<line>\d+): (?P<path>[^:]+): (?P<code>[a-z.-]+): (?P<message>.+)$")


def variant(tmp_path: Path, old: str, new: str, name: str = "juminhyo_copy.yaml") -> Path:
    assert old in SOURCE
    file = tmp_path / name
    file.write_text(SOURCE.replace(old, new, 1), encoding="utf-8")
    return file


def line_of(file: Path, text: str) -> int:
    """The line of the file holding `text` (the expected line of a finding)."""
    return next(n for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1) if text in line)


def codes(file: Path, **kwargs) -> list[tuple[int | None, str, str]]:
    return [(f.line, f.path, f.code) for f in lint_files([file], **kwargs)]


def test_the_bundled_procedures_are_clean(capsys):
    assert main(["procedures", "lint"]) == 0
    assert capsys.readouterr().out == ""


def test_findings_are_printed_one_per_line_translated_and_exit_1(tmp_path, capsys):
    file = variant(tmp_path, "        hint: 昼間につながる番号を書いてください。\n", "")
    assert main(["--language", "ja", "procedures", "lint", str(file)]) == 1
    [line] = capsys.readouterr().out.splitlines()
    found = LINE.match(line)
    assert found, line
    assert (found["file"], found["line"], found["path"], found["code"]) == (
        str(file), str(line_of(file, "- id: applicant_phone")), "steps[1].fields[3].hint", "field.no-hint")
    assert re.search("[ぁ-んァ-ン一-龥]", found["message"]), "the message is in Japanese"


def test_a_field_without_an_example_is_found(tmp_path, english):
    file = variant(tmp_path, "        example: 090-1234-5678\n", "")
    assert codes(file) == [(line_of(file, "- id: applicant_phone"), "steps[1].fields[3].example", "field.no-example")]


def test_a_text_without_a_translation_is_found(tmp_path, english):
    file = variant(tmp_path, "title: 窓口に来る方（請求者）", "title: 窓口に来る方（まだ訳されていない）")
    # once per offered language that lacks it (English, やさしい日本語…)
    assert set(codes(file)) == {(line_of(file, "まだ訳されていない"), "steps[1].title", "text.untranslated")}


def test_a_language_with_no_catalog_at_all_is_found(tmp_path, english):
    locales = tmp_path / "locales"
    shutil.copytree(LOCALES_DIR, locales)
    (locales / "en" / "LC_MESSAGES" / "procedures.po").unlink()
    found = lint_files([BUNDLED_PROCEDURES / "juminhyo_copy.yaml"], locales=locales)
    assert found and {f.code for f in found} == {"text.untranslated"}
    assert "English" in found[0].message


def test_an_equals_on_an_option_that_does_not_exist_is_never_true_and_its_step_unreachable(tmp_path, english):
    file = variant(tmp_path, "when: {in: {field: relationship, values: [household, proxy]}}",
                   "when: {in: {field: relationship, values: [houshold]}}")
    found, line = lint_files([file]), line_of(file, "houshold")
    assert [(f.line, f.path, f.code) for f in found] == [
        (line, "steps[2].when", "condition.never-true"), (line, "steps[2].when", "step.unreachable")]
    assert "houshold" in found[0].message and "proxy" in found[0].message


def test_a_yes_no_compared_with_text_is_never_true(tmp_path, english):
    file = variant(tmp_path, "when: {equals: {field: household_head_is_subject, value: false}}",
                   "when: {equals: {field: household_head_is_subject, value: いいえ}}")
    line = line_of(file, "value: いいえ}")
    assert codes(file) == [(line, "steps[3].fields[1].when", "condition.never-true"),
                           (line, "steps[3].fields[1].when", "field.unreachable")]


def test_an_attachment_needed_on_an_impossible_answer_is_found(tmp_path, english):
    file = variant(tmp_path, "needed_when: {equals: {field: relationship, value: proxy}}",
                   "needed_when: {all: [{equals: {field: relationship, value: proxy}}, "
                   "{equals: {field: relationship, value: self}}]}")
    assert codes(file) == [(line_of(file, "needed_when"), "attachments[1].needed_when", "condition.never-true")]


def test_a_condition_on_a_later_question_is_found(tmp_path, english):
    file = variant(tmp_path, "when: {in: {field: relationship, values: [household, proxy]}}",
                   "when: {answered: purpose}")
    assert codes(file) == [(line_of(file, "answered: purpose"), "steps[2].when", "condition.later-question")]


def test_a_broken_file_is_reported_with_its_line(english):
    [finding] = lint_files([BROKEN / "unknown_key.yaml"])
    assert (finding.line, finding.path, finding.code) == (19, "steps[0].fields[0].colour", "definition.invalid")


def test_ids_are_compared_with_the_previous_version(tmp_path, english):
    old = BUNDLED_PROCEDURES / "juminhyo_copy.yaml"
    same = variant(tmp_path, 'version: "2026.1"', 'version: "2026.2"')
    assert codes(same, against=old) == []
    renamed = variant(tmp_path, "- id: applicant_phone", "- id: phone")
    assert sorted((path, code) for _line, path, code in codes(renamed, against=old)) == [
        ("steps", "id.field-removed"), ("version", "version.unchanged")]
    option = variant(tmp_path, "- value: driving_licence", "- value: licence")
    found = lint_files([option], against=old)
    options_line = line_of(option, "label: 使用目的") + 3   # the `options:` of that question
    assert [(f.line, f.path, f.code) for f in found] == [
        (options_line, "steps[6].fields[0].options", "id.option-removed"),
        (line_of(option, 'version: "2026.1"'), "version", "version.unchanged")]
    other = variant(tmp_path, "id: juminhyo_copy", "id: juminhyo")
    assert [f.code for f in lint_files([other], against=old)] == ["id.procedure-changed"]


@pytest.mark.parametrize("old,new,code", [
    ("kind: yes_no", "kind: text\n        max_length: 5", "id.kind-changed"),
])
def test_a_changed_kind_is_found(tmp_path, english, old, new, code):
    file = variant(tmp_path, old, new + '\n        # changed\n')
    file.write_text(file.read_text(encoding="utf-8").replace(
        "when: {equals: {field: household_head_is_subject, value: false}}", "when: {answered: household_head_is_subject}"),
        encoding="utf-8")
    assert code in [f.code for f in lint_files([file], against=BUNDLED_PROCEDURES / "juminhyo_copy.yaml")]


def test_a_path_with_no_procedure_files_is_an_error_not_a_clean_result(tmp_path, english, capsys):
    assert main(["procedures", "lint", str(tmp_path / "typo.yaml")]) == 2
    assert "No procedure files" in capsys.readouterr().err


def test_a_required_explanation_is_checked_once_the_model_has_its_field(tmp_path, english, monkeypatch):
    # Attachments have no `reason` yet; the check is the same for any field the model has (here `hint`).
    from assistant.procedures import lint
    from assistant.procedures.model import Attachment

    monkeypatch.setattr(lint, "_REASON_FIELDS", ((Attachment, "hint"),))
    file = variant(tmp_path, "    hint: 住民票の本人が書いて署名したもの。\n", "")
    assert codes(file) == [(line_of(file, "- id: power_of_attorney"), "attachments[1].hint", "attachment.no-hint")]
    assert codes(BUNDLED_PROCEDURES / "juminhyo_copy.yaml") == []
