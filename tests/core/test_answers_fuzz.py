"""Fuzzing the answers file through the path of `tetsuzuki export` (issue 12: 838 tracebacks in
10,369 fuzzed files). Every run tries the same seeded examples (derandomized):

- FILE_EXAMPLES answers files made from mutated answers (wrong types, hostile characters, long
  texts, unknown keys and parts, group entries of any shape, BOM or not, escaped or raw UTF-8),
  read, checked and — when accepted — turned into the exported record and QR content, in process;
- BYTES_EXAMPLES files of arbitrary bytes (mutations of the example file);
- CLI_EXAMPLES real `tetsuzuki export` processes on such files;
- PDF_EXAMPLES real PDFs of generated names and addresses, read back with poppler: every
  character of every part is on the page (nothing dropped, nothing changed).

Each must end in answers (exit 0) or problems with a stable code and a message that holds no
control, format or private character and is bounded (exit 1) — never an exception.
"""

from __future__ import annotations

import json
import re
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assistant import i18n
from assistant.export.data import build_record
from assistant.export.package import export_package
from assistant.export.qr import qr_content
from assistant.interview.answers_file import AnswersFileError, parse_answers, unknown_fields
from assistant.interview.parts import ADDRESS_PARTS, NAME_PARTS
from assistant.interview.record import Record
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.conftest import ROOT
from tests.core.test_answers_file import assert_refused
from tests.core.test_cli import tetsuzuki
from tests.core.test_export import CREATED, pdftotext

FILE_EXAMPLES = 5_000
BYTES_EXAMPLES = 5_000
CLI_EXAMPLES = 12
PDF_EXAMPLES = 12

EXAMPLE = ROOT / "examples" / "juminhyo_answers.json"
ANSWERS = json.loads(EXAMPLE.read_text(encoding="utf-8"))
PROCEDURE = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
FIELD_IDS = [f.id for f in PROCEDURE.all_fields()]
CODE = re.compile(r"^[a-z0-9_]+(\.[a-z0-9_]+)*$")
SETTINGS = dict(derandomize=True, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

HOSTILE = "\x00\n\t\x1b\u202e\u2066\u200b\ufeff\ue000\U000f0000\ud800\udfff\U000e0080😀🫠𠮷髙﨑神ｱ〒－\u3000 "
PRINTABLE = "山田太郎花子髙﨑𠮷神やまだタロウABCxyz0123-'. 東京都千代田区霞が関２丁目1-2ビル"

chars = st.one_of(st.sampled_from(HOSTILE), st.sampled_from(PRINTABLE),
                  st.characters(exclude_categories=()))   # every code point, surrogates included
texts = st.one_of(st.text(chars, max_size=8), st.sampled_from(["", "self", "copy", "employer", "１", "昭和45年3月1日"]),
                  st.builds(lambda c, n: c * n, st.sampled_from("山a😀\u202e"), st.integers(0, 2_000)))
scalars = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=False),
                    texts)
# two levels are enough here: deeper nesting is refused by the reader before any answer is read
# (test_answers_file.py nests 100,000 deep), and shallow values keep 5,000 examples fast
json_values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(texts, scalars, max_size=3),
                        st.lists(st.dictionaries(texts, scalars, max_size=2), max_size=2))
part_keys = st.one_of(st.sampled_from((*NAME_PARTS, *ADDRESS_PARTS, "member_name", "middle")), texts)
compound = st.dictionaries(part_keys, st.one_of(texts, json_values), max_size=6)
entries = st.lists(st.one_of(st.dictionaries(st.sampled_from(["member_name", "age"]), st.one_of(texts, json_values),
                                             max_size=2), json_values), max_size=12)
answer_values = st.one_of(json_values, compound, entries, texts)
field_keys = st.one_of(st.sampled_from(FIELD_IDS), texts)
BASES = [ANSWERS, {**ANSWERS, "scope": "some_members", "members": [{"member_name": "山田　花子"}]},
         {**ANSWERS, "relationship": "proxy"}, {}]


@st.composite
def answers_files(draw) -> bytes:
    changes = st.dictionaries(field_keys, answer_values, max_size=4)
    answers = {**draw(st.sampled_from(BASES)), **draw(st.one_of(st.just({}), changes))}
    nested = draw(st.sampled_from(["applicant_name", "applicant_address", None, None, None]))
    if nested:   # mutate inside a compound answer that is otherwise valid
        answers[nested] = {**ANSWERS[nested], **draw(st.dictionaries(part_keys, st.one_of(texts, json_values),
                                                                     max_size=2))}
    raw = draw(st.booleans())
    text = json.dumps(answers, ensure_ascii=not raw)
    data = text.encode("utf-8", "surrogatepass")   # a lone surrogate written raw: not UTF-8
    return (b"\xef\xbb\xbf" if draw(st.booleans()) else b"") + data


def assert_safe(message: str) -> None:
    """A message a terminal or a screen reader can show: nothing invisible, nothing unbounded."""
    assert message and len(message) < 2_000
    bad = [c for c in message if unicodedata.category(c) in ("Cc", "Cf", "Co", "Cs", "Cn")]
    assert not bad, [hex(ord(c)) for c in bad]


def export_path(data: bytes) -> str:
    """What `tetsuzuki export` does with a file's bytes, up to the writing; returns the outcome."""
    try:
        answers = parse_answers(data)
    except AnswersFileError as exc:
        for problem in exc.problems:
            assert CODE.match(problem.code) and problem.field == "answers"
            assert_safe(problem.message)
        return "file"
    problems = unknown_fields(PROCEDURE, answers)
    session = Session(PROCEDURE, answers)
    errors = session.missing()
    Record.of(session)
    for problem in problems:
        assert CODE.match(problem.code)
        assert_safe(problem.field) and assert_safe(problem.message)
    for error in errors:
        assert CODE.match(error.code)
        assert_safe(error.field_id) and assert_safe(error.message)
    if problems or errors:
        return "refused"
    record = build_record(session, CREATED)
    qr_content(Record.of(session)).encode("utf-8")   # a lone surrogate here raised in qr.py
    json.dumps(record, ensure_ascii=False).encode("utf-8")
    return "exported"


@pytest.fixture(autouse=True, scope="module")
def japanese():
    i18n.set_language("ja")
    yield
    i18n.set_language("ja")


OUTCOMES: dict[str, int] = {}


@settings(max_examples=FILE_EXAMPLES, **SETTINGS)
@given(answers_files())
def test_fuzzed_answers_files_give_answers_or_problems_never_an_exception(data):
    outcome = export_path(data)
    OUTCOMES[outcome] = OUTCOMES.get(outcome, 0) + 1


@settings(max_examples=BYTES_EXAMPLES, **SETTINGS)
@given(st.binary(max_size=64), st.integers(0, 700), st.integers(0, 64))
def test_fuzzed_bytes_give_answers_or_problems_never_an_exception(noise, at, cut):
    original = EXAMPLE.read_bytes()
    outcome = export_path(original[:at] + noise + original[at + cut:])
    OUTCOMES[outcome] = OUTCOMES.get(outcome, 0) + 1


def test_the_fuzzing_reached_every_outcome():
    # runs after the two tests above (file order): generators that only made broken files, or only
    # valid ones, would test little
    if not OUTCOMES:
        pytest.skip("counts the outcomes of the two fuzz tests above: run them in the same session")
    assert min(OUTCOMES.get("file", 0), OUTCOMES.get("exported", 0)) > 100 and OUTCOMES.get("refused", 0) > 1000, \
        OUTCOMES
    assert sum(OUTCOMES.values()) == FILE_EXAMPLES + BYTES_EXAMPLES


@settings(max_examples=CLI_EXAMPLES, **SETTINGS)
@given(answers_files())
def test_fuzzed_files_through_the_real_command_exit_0_or_1_without_traceback(tmp_path_factory, data):
    folder = tmp_path_factory.mktemp("cli")
    file = folder / "answers.json"
    file.write_bytes(data)
    result = tetsuzuki("export", "--procedure", "juminhyo_copy", "--answers", str(file), "--out",
                       str(folder / "out"), home=folder)
    if result.returncode == 0:
        assert result.stderr == "" and [p.name for p in (folder / "out").iterdir()]
    else:
        assert_refused(result)
        assert not (folder / "out").exists()


names = st.text(st.sampled_from("山田太郎花子髙﨑𠮷神渡邉齋藤之"), min_size=1, max_size=100)
kana = st.text(st.sampled_from("ヤマダタロウハナコヴァー"), min_size=1, max_size=100)
address_parts = st.text(st.sampled_from("東京都千代田区霞が関一二三丁目番地号1234567890-ビル館"), min_size=1, max_size=100)


@settings(max_examples=PDF_EXAMPLES, **SETTINGS)
@given(family=names, given_name=names, family_kana=kana, given_kana=kana, town=address_parts,
       building=address_parts)
def test_fuzzed_names_and_addresses_are_printed_whole(tmp_path_factory, family, given_name, family_kana,
                                                      given_kana, town, building):
    name = {"family": family, "given": given_name, "family_kana": family_kana, "given_kana": given_kana}
    address = {**ANSWERS["applicant_address"], "town": town, "building": building}
    session = Session(PROCEDURE, {**ANSWERS, "applicant_name": name, "applicant_address": address})
    assert session.missing() == []
    result = export_package(session, tmp_path_factory.mktemp("pdf"), CREATED, with_copy=False)
    assert result.missing == frozenset()
    text = pdftotext(result.pdf).replace(" ", "")   # table cells wrap: compare without line breaks
    for part in (family, given_name, family_kana, given_kana, town, building):
        assert part in text
