"""One record of the answers: the paths of answers, the rows read once from a session, and the
exported files that read them (PDF, JSON, QR say what the session says)."""

from __future__ import annotations

import json

import pytest

from assistant.export.package import export_package
from assistant.i18n import _, ptext
from assistant.interview.record import FieldPath, Record, bilingual_label, item_label
from assistant.interview.session import Session
from assistant.interview.validation import read_field
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures import model as m
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_file
from tests.conftest import FIELD_KINDS_ANSWERS, GALLERY
from tests.core.test_export import CREATED, pdftotext
from tests.core.test_export_qr import _scan
from tests.core.test_power_of_attorney import PROXY_ANSWERS
from tests.core.test_session import ANSWERS

MEMBERS = {**ANSWERS, "scope": "some_members", "members": [{"member_name": "山田　花子"}, {"member_name": "山田　一郎"}]}


def gallery(name):
    procedure, errors = load_file(GALLERY / f"{name}.yaml")
    assert errors == []
    return procedure


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


# --- paths ------------------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "path"), [
    ("phone", FieldPath("phone")),
    ("members[0].member_name", FieldPath("members", 0, "member_name")),
    ("children[12].child_birth", FieldPath("children", 12, "child_birth")),
    ("members[3]", FieldPath("members", 3)),     # a problem with the item as a whole
])
def test_a_path_reads_back_what_it_writes(text, path):
    assert FieldPath.parse(text) == path
    assert str(path) == text
    assert path.in_group is (path.index is not None)


@pytest.mark.parametrize("text", ["", "members[0].", "members[].member_name", "members[-1].member_name",
                                  "members[x].member_name", "members.member_name", "Members", "members[0]member",
                                  "members[0].member_name.family", " phone", "members[00000].name", None, 3])
def test_a_malformed_path_is_refused_saying_what_a_path_looks_like(english, text):
    with pytest.raises(ValueError) as refused:
        FieldPath.parse(text)
    assert "is not a question's path" in str(refused.value)
    assert "e.g. members[0].member_name" in str(refused.value)


def test_a_sub_field_needs_its_item_and_a_path_is_a_value():
    with pytest.raises(ValueError):
        FieldPath("members", None, "member_name")
    with pytest.raises(ValueError):
        FieldPath("members", -1, "member_name")
    assert {FieldPath("a", 0, "b"), FieldPath.parse("a[0].b")} == {FieldPath("a", 0, "b")}
    with pytest.raises(AttributeError):
        FieldPath("a").field = "b"   # frozen


# --- rows -------------------------------------------------------------------------------------

def test_a_group_item_is_named_the_same_everywhere(procedure, english):
    group = procedure.field("members")
    assert item_label(group, 1) == f"{ptext('載せる方')} 2"
    assert item_label(group, 1, "ja") == "載せる方 2"
    record = Record.of(Session(procedure, MEMBERS))
    row = record.row("members[1].member_name")
    assert row.label == f"{ptext('載せる方')} 2: {ptext('氏名')}"
    assert row.official_label == "載せる方 2：氏名"
    assert bilingual_label(row, "en") == f"{ptext('載せる方')} 2: {ptext('氏名')}（氏名）"
    assert row.display == row.printed == row.spoken == "山田　一郎"
    assert row.path == FieldPath("members", 1, "member_name") and row.step_id == "certificate"


def test_only_questions_that_apply_and_are_answered_are_rows():
    session = Session(gallery("repeatable_group"), {"children": [
        {"child_name": {"family": "山田", "given": "花子"}, "lives_with": "together",
         "child_my_number": "123456789018"},          # answered, then hidden again: kept, not read
        {"child_name": {"family": "山田", "given": "次郎"}, "lives_with": "apart", "child_my_number": "123456789018"},
    ]})
    record = Record.of(session)
    assert [str(row.path) for row in record.rows] == [
        "children[0].child_name", "children[0].lives_with",
        "children[1].child_name", "children[1].lives_with", "children[1].child_my_number"]
    assert record.value("children[0].child_my_number") is None
    assert record.row("children[0].child_birth").answered is False       # applies, not answered
    assert "children[0].child_birth" in [str(row.path) for row in record.questions]
    assert record.value(FieldPath("children", 1, "child_my_number")) == "123456789018"
    assert record.answers() == session.values()
    assert "child_my_number" not in record.answers()["children"][0]


def test_a_hidden_question_keeps_its_answer_out_of_every_file(procedure):
    session = Session(procedure, {**ANSWERS, "purpose": "employer", "purpose_other": "不動産の登記"})
    record = Record.of(session)
    assert record.row("purpose_other") is None and "purpose_other" not in record.answers()
    assert session.answers["purpose_other"] == "不動産の登記"     # nothing typed is lost


@pytest.mark.parametrize("answers", [ANSWERS, PROXY_ANSWERS, MEMBERS, {**ANSWERS, "scope": "some_members"}, {}])
def test_the_json_answers_are_the_sessions_values_in_the_same_order(procedure, answers):
    session = Session(procedure, dict(answers))
    exported = Record.of(session).answers()
    assert json.dumps(exported, ensure_ascii=False) == json.dumps(session.values(), ensure_ascii=False)


def test_rows_by_person_and_meaning(procedure):
    record = Record.of(Session(procedure, dict(PROXY_ANSWERS)))
    names = record.for_person("applicant", "name")
    assert [row.field.id for row in names] == ["applicant_name"]
    assert {row.field.person for row in record.for_person("subject")} == {"subject"}
    assert record.for_person("subject", "address")[0].value["city"] == "渋谷区"


FIELD_KINDS = gallery("field_kinds")


@pytest.mark.parametrize("field", [f for f in FIELD_KINDS.all_fields()], ids=lambda f: f.kind)
def test_every_kind_of_the_gallery_has_its_texts(field):
    session = Session(FIELD_KINDS, dict(FIELD_KINDS_ANSWERS))
    row = Record.of(session).row(field.id)
    assert row.answered and row.value == session.values()[field.id]
    assert row.display and row.printed and row.spoken
    assert row.official_label == field.label and row.label == ptext(field.label)


@pytest.mark.parametrize("field", [f for f in FIELD_KINDS.all_fields()], ids=lambda f: f.kind)
def test_a_stored_value_read_again_is_unchanged(field):
    # the Record's texts are made from stored values (as assistant.kinds will make them)
    first = Session(FIELD_KINDS, dict(FIELD_KINDS_ANSWERS)).result(field)
    again = read_field(field, first.value)
    assert (again.value, again.display, again.problems) == (first.value, first.display, ())


def test_texts_per_kind_say_what_the_person_sees_prints_and_hears(english):
    record = Record.of(Session(FIELD_KINDS, dict(FIELD_KINDS_ANSWERS)))
    my_number = record.row("my_number")
    assert my_number.printed == "1234 5678 9018"                        # the form asks for it in full
    assert "1234" not in my_number.display and my_number.display.endswith("9018")
    assert my_number.spoken == _("a My Number ending in {digits}").format(digits="9 0 1 8")
    assert record.row("person").display == "山田　太郎（ヤマダ　タロウ）"
    assert record.row("birth").printed == record.row("birth").display == "1970年(昭和45年)3月1日"
    assert record.row("copies").display == "1通" and record.row("copies").value == 1
    assert record.row("card").value is True and record.row("card").printed == "はい"


def test_options_are_shown_in_the_records_language_and_printed_in_japanese(procedure, english):
    session = Session(procedure, dict(ANSWERS, household_head_is_subject=False))
    english_record, japanese_record = Record.of(session), Record.of(session, "ja")
    row = english_record.row("scope")
    assert row.display == "Everyone in the household（世帯全員）" and row.printed == "世帯全員"
    assert row.spoken == "Everyone in the household"
    assert japanese_record.row("scope").display == "世帯全員"
    assert english_record.row("household_head_is_subject").display == "No（いいえ）"


def test_a_kind_missing_from_the_gallery_would_show_here():
    kinds = {f.kind for f in FIELD_KINDS.all_fields()}
    assert kinds >= {"text", "kana", "person_name", "date", "postal_code", "address", "phone", "email",
                     "my_number", "choice", "multi_choice", "yes_no", "number", "pick_list", "bank_account",
                     "insured_number", "residence_card"}
    assert not any(isinstance(f, m.GroupField) for f in FIELD_KINDS.all_fields())


# --- the files read the record ------------------------------------------------------------------

def test_the_form_json_and_qr_say_what_the_record_says(procedure, tmp_path):
    session = Session(procedure, dict(MEMBERS))
    record = Record.of(session)
    result = export_package(session, tmp_path, CREATED, with_copy=False)
    text = pdftotext(result.pdf)
    packed = "".join(text.split())     # a long label wraps in its cell: compare without spaces
    for row in record.rows:
        assert "".join(row.official_label.split()) in packed and "".join(row.printed.split()) in packed
    assert "載せる方 1：氏名 山田 花子" in text and "載せる方 2：氏名 山田 一郎" in text
    exported = json.loads(result.json.read_text(encoding="utf-8"))
    assert exported["answers"] == record.answers()
    assert exported["answers"]["members"] == [{"member_name": "山田　花子"}, {"member_name": "山田　一郎"}]
    assert _scan(result.qr)["answers"] == record.answers()


def test_a_saved_detail_is_shown_like_an_answer_or_not_at_all(english):
    from assistant.drafts.profile import profile_field
    from assistant.interview.record import answer_display

    name = {"family": "山田", "given": "花子", "family_kana": "やまだ", "given_kana": "はなこ"}
    assert answer_display(profile_field("name"), name) == "山田　花子（ヤマダ　ハナコ）"
    assert answer_display(profile_field("birth_date"), "昭和45年3月1日") == "1970年(昭和45年)3月1日"
    assert answer_display(profile_field("birth_date"), "春ごろ") == ""     # cannot be read: the caller shows it


def test_the_review_is_read_aloud_from_the_record(procedure, english):
    from assistant.speech import read_review

    session = Session(procedure, dict(MEMBERS))
    session.go_to("review")
    heard = " ".join(u.text for u in read_review(session))   # Japanese words are their own utterances
    assert f"{ptext('載せる方')} 2: {ptext('氏名')}: 山田　一郎" in heard
    for row in Record.of(session).questions:
        assert f"{row.label}: {row.spoken or '(not answered)'}" in heard
    kinds = Session(FIELD_KINDS, dict(FIELD_KINDS_ANSWERS))
    kinds.go_to("review")
    heard = " ".join(u.text for u in read_review(kinds))
    assert "ending in 9 0 1 8" in heard and "1234" not in heard   # a My Number is never read out
