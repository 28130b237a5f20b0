"""The loader and the lint on the new blocks: `proxy:` details, `deadlines:` (unique ids, a date to
count from, conditions) and attachments left out without a reason — each with file, line and path."""

from __future__ import annotations

from pathlib import Path

from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.lint import lint_files
from assistant.procedures.loader import load_file
from tests.conftest import GALLERY

DEADLINES = (GALLERY / "deadlines.yaml").read_text(encoding="utf-8")
JUMINHYO = (BUNDLED_PROCEDURES / "juminhyo_copy.yaml").read_text(encoding="utf-8")


def variant(tmp_path: Path, source: str, old: str, new: str) -> Path:
    assert old in source
    file = tmp_path / "variant.yaml"
    file.write_text(source.replace(old, new, 1), encoding="utf-8")
    return file


def line_of(file: Path, text: str, after: int = 0) -> int:
    return next(n for n, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1)
                if n > after and text in line)


def only_error(file: Path):
    procedure, errors = load_file(file)
    assert procedure is None
    [error] = errors
    return error


def test_a_deadline_id_used_twice_names_both_lines(tmp_path, english):
    file = variant(tmp_path, DEADLINES, "  - id: moved_in\n", "  - id: within_15_days\n")
    error = only_error(file)
    first = line_of(file, "- id: within_15_days")
    assert (error.line, error.path) == (line_of(file, "- id: within_15_days", first), "deadlines[1].id")
    assert f"already used at line {first}" in error.message


def test_a_deadline_counts_from_a_date_question_that_exists(tmp_path, english):
    file = variant(tmp_path, DEADLINES, "from_field: birth_date", "from_field: birth_day")
    error = only_error(file)
    assert (error.line, error.path) == (line_of(file, "from_field: birth_day"), "deadlines[0].from_field")
    assert "birth_day" in error.message and "date question" in error.message
    file = variant(tmp_path, DEADLINES, "from_field: birth_date", "from_field: moved")
    error = only_error(file)
    assert error.path == "deadlines[0].from_field"
    assert "`moved` is of kind yes_no" in error.message


def test_a_deadline_condition_on_an_unknown_question_is_refused(tmp_path, english):
    file = variant(tmp_path, DEADLINES, "when: {equals: {field: moved, value: true}}",
                   "when: {equals: {field: moving, value: true}}")
    error = only_error(file)
    assert (error.line, error.path) == (line_of(file, "field: moving"), "deadlines[1].when")
    assert "moving" in error.message


def test_an_attachment_left_out_must_say_why(tmp_path, english):
    source = (GALLERY / "attachments_and_proxies.yaml").read_text(encoding="utf-8")
    file = variant(tmp_path, source, "    omit_reason: 公簿等の確認に同意したため、市区町村が確認します。\n", "")
    error = only_error(file)
    assert (error.line, error.path) == (line_of(file, "omit_when:"), "attachments[2].omit_when")
    assert "omit_reason" in error.message


def test_proxy_details_name_questions_of_the_procedure(tmp_path, english):
    file = variant(tmp_path, JUMINHYO, "details: [certificate_type, scope,", "details: [certificate_kind, scope,")
    error = only_error(file)
    assert (error.line, error.path) == (line_of(file, "details: [certificate_kind"), "proxy.details[0]")
    assert "certificate_kind" in error.message
    file = variant(tmp_path, JUMINHYO, "details: [certificate_type, scope,", "details: [member_name, scope,")
    assert "outside a repeatable group" in only_error(file).message   # one answer per item: not one to print


def test_the_lint_finds_a_deadline_condition_that_can_never_hold(tmp_path, english):
    file = variant(tmp_path, DEADLINES, "when: {equals: {field: moved, value: true}}",
                   "when: {equals: {field: moved, value: 'yes'}}")
    found = [(f.line, f.path, f.code) for f in lint_files([file]) if f.code != "text.untranslated"]
    assert found == [(line_of(file, "value: 'yes'"), "deadlines[1].when", "condition.never-true")]


def test_the_lint_asks_for_the_proxy_wording_when_a_representative_may_apply(tmp_path, english):
    start = JUMINHYO.index("proxy:\n  matter:")
    end = JUMINHYO.index("deadline: ")
    file = tmp_path / "juminhyo_copy.yaml"
    file.write_text(JUMINHYO[:start] + JUMINHYO[end:], encoding="utf-8")
    found = [(f.line, f.path, f.code) for f in lint_files([file])]
    assert found == [(line_of(file, "who_may_apply:"), "who_may_apply", "proxy.no-wording")]
    assert lint_files([BUNDLED_PROCEDURES / "juminhyo_copy.yaml"]) == []


def test_the_lint_finds_an_attachment_without_its_reason(tmp_path, english):
    file = variant(tmp_path, JUMINHYO, "    reason: 本人や同じ世帯の方ではない方が請求するとき、本人が頼んだことを確認します。\n", "")
    found = [(f.line, f.path, f.code) for f in lint_files([file])]
    assert found == [(line_of(file, "- id: power_of_attorney"), "attachments[1].reason", "attachment.no-reason")]
