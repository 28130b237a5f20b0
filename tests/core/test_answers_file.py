"""Answers files of any content: `tetsuzuki export` answers with exit 0, or exit 1 and translated
`field: code: message` lines — never a traceback, never the raw content echoed (issue 12)."""

from __future__ import annotations

import json
import re

import pytest

from assistant import i18n
from assistant.interview.answers_file import MAX_BYTES, MAX_DEPTH, AnswersFileError, parse_answers
from tests.conftest import ROOT
from tests.core.test_cli import tetsuzuki

EXAMPLE = ROOT / "examples" / "juminhyo_answers.json"
ANSWERS = json.loads(EXAMPLE.read_text(encoding="utf-8"))
LINE = re.compile(r"^[^:\s]+: [a-z0-9_.]+: \S.*$|^…")   # field: code: message


@pytest.fixture(autouse=True)
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("ja")


def problems(data: bytes) -> list[tuple[str, str]]:
    with pytest.raises(AnswersFileError) as caught:
        parse_answers(data)
    return [(p.field, p.code) for p in caught.value.problems]


def export(tmp_path, data: bytes, *extra):
    file = tmp_path / "answers.json"
    file.write_bytes(data)
    return tetsuzuki(*extra, "export", "--procedure", "juminhyo_copy", "--answers", str(file), "--out",
                     str(tmp_path / "out"), home=tmp_path)


def assert_refused(result, code: str = ""):
    """Exit 1, and only `field: code: message` lines on stderr (one with `code`, when given)."""
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "internal.error" not in result.stderr
    lines = result.stderr.splitlines()
    assert lines and all(LINE.match(line) for line in lines), result.stderr
    assert not code or any(f": {code}: " in line for line in lines), result.stderr


def test_a_byte_order_mark_as_notepad_writes_it_is_accepted(tmp_path):
    # before: Python's English "Unexpected UTF-8 BOM" inside the Japanese message
    assert parse_answers(b"\xef\xbb\xbf" + EXAMPLE.read_bytes()) == ANSWERS
    result = export(tmp_path, b"\xef\xbb\xbf" + EXAMPLE.read_bytes())
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("text", ["[]", "[1, 2]", "\"山田\"", "1", "-0.5", "true", "false", "null", "1e400"])
def test_any_json_value_that_is_not_an_object_is_one_translated_problem(text):
    # before: exit 2
    assert problems(text.encode()) == [("answers", "answers.not_object")]


@pytest.mark.parametrize("data, code", [
    (b"[" * 100_000 + b"]" * 100_000, "answers.too_deep"),            # before: RecursionError traceback
    (b'{"a":' * (MAX_DEPTH + 1) + b"1" + b"}" * (MAX_DEPTH + 1), "answers.too_deep"),
    (b"\xff\xfe{}", "answers.not_utf8"), (b'{"relationship": "\x82\xa0"}', "answers.not_utf8"),
    (b'{"relationship": "self", "relationship": "proxy"}', "answers.duplicate"),
    (b'{"copies": NaN}', "answers.bad_number"), (b'{"copies": ' + b"9" * 5000 + b"}", "answers.bad_number"),
    (b'{"copies": 1,}', "answers.not_json"), (b"", "answers.not_json"), (b"\xef\xbb\xbf", "answers.not_json"),
    (b" " * (MAX_BYTES + 1), "answers.too_large")])
def test_broken_files_are_one_translated_problem(data, code):
    assert problems(data) == [("answers", code)]


def test_a_json_error_says_where_without_python_english():
    with pytest.raises(AnswersFileError) as caught:
        parse_answers(b'{\n  "copies": "1"\n  "purpose": "employer"\n}')
    [problem] = caught.value.problems
    assert "3 行目" in problem.message and "Expecting" not in problem.message


def test_unknown_fields_are_translated_and_their_keys_escaped_and_bounded(tmp_path):
    # before: field.unknown stayed English and echoed raw keys
    hostile = "\u202eevil\x1b[2J" + "k" * 500
    data = json.dumps({**ANSWERS, "nmae": "x", hostile: 1}, ensure_ascii=False).encode()
    result = export(tmp_path, data)
    assert_refused(result, "field.unknown")
    assert "nmae: field.unknown: この申請書にはこの ID の質問がない" in result.stderr
    assert "\u202e" not in result.stderr and "\x1b" not in result.stderr and "k" * 41 not in result.stderr
    assert '"\\u202eevil\\u001b[2J' in result.stderr


def test_a_flood_of_problems_is_cut_to_a_readable_list(tmp_path):
    data = json.dumps({f"q{i}": i for i in range(5000)}).encode()
    result = export(tmp_path, data)
    assert_refused(result, "field.unknown")
    lines = result.stderr.splitlines()
    assert len(lines) == 51 and lines[-1].startswith("…ほかに ") and "件の問題があります" in lines[-1]


@pytest.mark.parametrize("data, code", [
    (b"[]", "answers.not_object"), (b"[" * 100_000, "answers.too_deep"), (b"\xff", "answers.not_utf8"),
    (json.dumps({**ANSWERS, "purpose": ["employer"]}).encode(), "answer.type"),
    (json.dumps({**ANSWERS, "scope": "some_members", "members": ["山田"]}).encode(), "answer.type"),
    (json.dumps({**ANSWERS, "submit_to": "\ud800"}).encode(), "text.broken"),
    (json.dumps({**ANSWERS, "applicant_name": {**ANSWERS["applicant_name"], "family": "山" * 300_000}}, ensure_ascii=False).encode(),
     "text.too_long"),
    (json.dumps({**ANSWERS, "applicant_name": {**ANSWERS["applicant_name"], "given": "😀"}}).encode(),
     "text.no_glyph")])
def test_the_seven_places_that_raised_now_exit_1_with_a_message(tmp_path, data, code):
    result = export(tmp_path, data)
    assert_refused(result, code)
    assert not (tmp_path / "out").exists()


def test_a_missing_or_unreadable_answers_file_is_a_message(tmp_path):
    result = tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers", str(tmp_path / "nope.json"),
                       "--out", str(tmp_path / "out"), home=tmp_path)
    assert_refused(result, "answers.not_found")
    result = tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers", str(tmp_path),
                       "--out", str(tmp_path / "out"), home=tmp_path)
    assert_refused(result, "answers.not_a_file")


def test_messages_follow_the_language_option(tmp_path):
    result = export(tmp_path, b"[]", "--language", "en")
    assert result.stderr.startswith("answers: answers.not_object: The answers file must hold one JSON object")
    result = export(tmp_path, b"[]")
    assert result.stderr.startswith("answers: answers.not_object: 答えのファイルには")
