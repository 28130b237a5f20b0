"""What is read aloud for each page and event of the residence-record request, in ja and en.

The fake speaker stands in for the engines: these tests are about what a person hears (which
words, in which voice), not about audio.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assistant import i18n
from assistant.export.package import ExportResult
from assistant.i18n import _, ngettext, ptext
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from assistant.procedures.loader import load_file
from assistant.speech import (Utterance, read_errors, read_export, read_field, read_message, read_page,
                              read_procedure, read_review, read_step, voiced, wav_duration)
from assistant.speech.fake import SECONDS_PER_CHARACTER, FakeSpeaker
from assistant.speech.voicing import is_japanese
from tests.conftest import GALLERY, ROOT

ANSWERS = json.loads((ROOT / "examples" / "juminhyo_answers.json").read_text(encoding="utf-8"))
#: a proxy asking for some household members: every step and the repeatable group apply
PROXY_ANSWERS = {
    **ANSWERS, "relationship": "proxy", "scope": "some_members",
    "subject_name": {"family": "山田", "given": "花子", "family_kana": "ヤマダ", "given_kana": "ハナコ"},
    "subject_address": ANSWERS["applicant_address"], "members": [{"member_name": "山田　花子"}],
}


@pytest.fixture
def procedure():
    return Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")


@pytest.fixture
def fake(tmp_path: Path) -> FakeSpeaker:
    return FakeSpeaker(tmp_path / "speech")


def said(utterances: list[Utterance]) -> list[tuple[str, str]]:
    return [(u.language, u.text) for u in utterances]


def has_japanese(text: str) -> bool:
    return any(is_japanese(c) for c in text)


def every_page(session: Session):
    """Walk the session from the first step to the review, yielding at each page."""
    for _page in range(20):
        yield session
        if session.at_review:
            return
        assert session.next() == [], session.current_step.id
    raise AssertionError("the review was never reached")


# --- steps and questions ------------------------------------------------------------------------

def test_a_japanese_step_says_where_the_person_is_then_title_and_purpose(procedure):
    session = Session(procedure, dict(ANSWERS))
    position = _("You are at step {current} of {total}.").format(current=1, total=7)
    assert said(read_step(session)) == [("ja", position), ("ja", "請求する方"),
                                        ("ja", "窓口に来る方と、住民票に載っている方との関係を確認します。")]


def test_an_english_step_is_read_in_english(procedure):
    i18n.set_language("en")
    session = Session(procedure, dict(ANSWERS))
    assert said(read_step(session)) == [("en", "You are at step 1 of 7."), ("en", ptext("請求する方")),
                                        ("en", ptext("窓口に来る方と、住民票に載っている方との関係を確認します。"))]


def test_an_english_question_is_followed_by_its_official_japanese_label_in_a_japanese_voice(procedure):
    i18n.set_language("en")
    session = Session(procedure, dict(ANSWERS))
    field = procedure.field("applicant_name")
    assert said(read_field(session, "applicant_name")) == [
        ("en", f"{ptext(field.label)} (required)"),
        ("en", "In Japanese on the form:"), ("ja", "請求者の氏名"),
        ("en", ptext(field.hint)),
        ("en", "Example:"), ("ja", "山田　太郎（ヤマダ　タロウ）"),
        ("en", "Your answer:"), ("ja", "山田　太郎（ヤマダ　タロウ）"),
    ]


def test_a_japanese_question_is_one_voice_with_no_second_label(procedure):
    session = Session(procedure, dict(ANSWERS))
    utterances = read_field(session, "applicant_name")
    assert {u.language for u in utterances} == {"ja"}
    assert said(utterances)[0] == ("ja", _("{label} (required)").format(label="請求者の氏名"))
    assert [u.text for u in utterances].count("請求者の氏名") == 0   # said once, inside the first sentence
    assert ("ja", "本人確認書類と同じ名前を書いてください。フリガナはカタカナで書きます。") in said(utterances)


def test_easy_japanese_is_read_by_the_japanese_voice_without_its_furigana(procedure):
    i18n.set_language("ja-easy")
    session = Session(procedure, dict(ANSWERS))
    utterances = read_field(session, "applicant_name") + read_step(session)
    assert utterances and all(u.language == "ja-easy" for u in utterances)
    texts = [u.text for u in utterances]
    assert not any(mark in text for text in texts for mark in "《》｜"), texts
    hint = ptext("本人確認書類と同じ名前を書いてください。フリガナはカタカナで書きます。")
    assert "《" in hint                                          # the catalog has furigana…
    assert "本人確認書類と 同じ 名前を 書いてください。フリガナは カタカナで 書きます。" in texts   # …the voice not


def test_choices_and_the_chosen_answer_are_read_in_the_persons_language(procedure):
    i18n.set_language("en")
    session = Session(procedure, {"relationship": "household"})
    texts = [u.text for u in read_field(session, "relationship")]
    choices = ", ".join([ptext("本人"), ptext("同一世帯の方")]) + ", and " + ptext("代理人")
    assert f"Choices: {choices}" in texts
    assert texts[-1] == f"Your answer: {ptext('同一世帯の方')}"


def test_an_optional_unanswered_question_says_so(procedure):
    i18n.set_language("en")
    session = Session(procedure, {"relationship": "household"})
    texts = [u.text for u in read_field(session, "subject_birth_date")]
    assert texts[0] == f"{ptext('対象者の生年月日')} (optional)"
    assert texts[-1] == "Not answered yet."


def test_a_question_of_a_repeated_group_says_which_entry(procedure):
    i18n.set_language("en")
    session = Session(procedure, dict(PROXY_ANSWERS))
    utterances = read_field(session, "members[0].member_name")
    assert utterances[0] == Utterance(f"{ptext('載せる方')} 1: {ptext('氏名')} (required)", "en")
    assert said(utterances)[-2:] == [("en", "Your answer:"), ("ja", "山田　花子")]
    assert said(read_field(session, "members"))[-1] == ("en", "1 entry so far.")


@pytest.mark.parametrize("language", ["ja", "en"])
def test_every_page_of_the_procedure_can_be_read_and_no_voice_gets_the_wrong_script(procedure, fake, language):
    i18n.set_language(language)
    pages = 0
    for session in every_page(Session(procedure, dict(PROXY_ANSWERS))):
        utterances = read_page(session)
        assert utterances, session.current_step
        for utterance in utterances:
            fake.synthesize(utterance)
            if utterance.language != "ja":
                assert not has_japanese(utterance.text), utterance   # an English voice reads kanji as noise
        pages += 1
    assert pages == 8                                # 7 steps (the proxy sees them all) + the review
    assert len(fake.spoken) == len(list(fake.folder.glob("*.wav")))


def test_reading_the_whole_page_reads_every_visible_question_in_order(procedure):
    i18n.set_language("en")
    session = Session(procedure, dict(ANSWERS))
    session.go_to("certificate")
    texts = [u.text for u in read_page(session)]
    labels = [f"{ptext(procedure.field(f).label)} (required)" for f in ("certificate_type", "scope", "copies")]
    assert [t for t in texts if t in labels] == labels            # "members" is hidden for the whole household
    assert "Your answer:" in texts and ("1通" in texts)           # 1通: digits stay with the Japanese unit


# --- errors, review, export -------------------------------------------------------------------

def test_errors_say_how_many_then_each_question_and_what_to_do(procedure):
    i18n.set_language("en")
    session = Session(procedure)
    errors = session.next()
    assert said(read_errors(errors)) == [
        ("en", "Please check 1 answer:"),
        ("en", f"{ptext('対象者との関係')}: Choose one of the options."),
    ]
    assert read_errors([]) == []


def test_japanese_errors_are_read_in_japanese(procedure):
    session = Session(procedure, {"relationship": "self", "applicant_phone": "12"})
    session.next()
    errors = session.next()
    utterances = read_errors(errors)
    heading = ngettext("Please check {count} answer:", "Please check {count} answers:", len(errors))
    assert utterances[0] == Utterance(heading.format(count=len(errors)), "ja")
    assert {u.language for u in utterances} == {"ja"}
    assert len(utterances) == 1 + len(errors)


def test_the_review_reads_every_answer_then_what_happens_next(procedure):
    i18n.set_language("en")
    session = Session(procedure, dict(ANSWERS))
    session.go_to("review")
    texts = [u.text for u in read_review(session)]
    assert texts[:3] == ["You are at step 7 of 7.", "Check your answers",
                         "Read each answer. To correct one, press its Change button."]
    assert f"{ptext('種類')}: {ptext('住民票の写し')}" in texts
    assert f"{ptext('使用目的')}: {ptext('勤務先に提出')}" in texts
    assert texts[-1].startswith("What happens next:") and ptext(procedure.office.name) in texts[-1]
    assert read_page(session) == read_review(session)


def test_an_unanswered_optional_answer_is_read_as_not_answered(procedure):
    i18n.set_language("en")
    answers = {key: value for key, value in ANSWERS.items() if key != "submit_to"}
    session = Session(procedure, answers)
    session.go_to("review")
    assert f"{ptext('提出先')}: (not answered)" in [u.text for u in read_review(session)]


def test_the_export_result_says_what_to_do_and_what_to_bring(procedure, tmp_path):
    i18n.set_language("en")
    session = Session(procedure, dict(PROXY_ANSWERS))
    result = ExportResult(tmp_path, tmp_path / "form.pdf", tmp_path / "form.json", frozenset({"髙"}))
    texts = [u.text for u in read_export(session, result)]
    assert texts[0] == "Your form is ready."
    assert "This computer has no font for these characters, so they are blank on the paper:" in texts
    assert ("髙." in texts) and str(tmp_path) not in " ".join(texts)   # a folder path is not read
    bring = f"3. Bring these too: {ptext('本人確認書類')} and {ptext('委任状')}"   # the proxy's letter too
    assert bring in texts
    said = " ".join(texts[texts.index(bring):])   # then each document, with why it is needed
    reason = procedure.attachments[1].reason
    assert f"Why: {ptext(reason)}" in said and reason not in said   # read in one language


def test_a_my_number_is_never_read_in_full(tmp_path):
    procedure, errors = load_file(GALLERY / "field_kinds.yaml")
    assert errors == []
    i18n.set_language("en")
    session = Session(procedure, {"my_number": "1234 5678 9018"})
    texts = " ".join(u.text for u in read_field(session, "my_number"))
    assert "a My Number ending in 9 0 1 8" in texts
    assert "1234" not in texts and "5678" not in texts
    session.set_answer("my_number", "1234 5678 901")             # incomplete: nothing of it is read
    texts = " ".join(u.text for u in read_field(session, "my_number"))
    assert "Your answer: a number that is not complete yet" in texts
    assert not any(d in texts for d in ("1234", "5678", "901"))
    session.go_to("review")
    assert not any("901" in u.text for u in read_review(session))


def test_a_procedure_in_the_list_is_read_with_its_official_name(procedure):
    i18n.set_language("en")
    assert said(read_procedure(procedure)) == [
        ("en", ptext(procedure.title)), ("en", "In Japanese on the form:"), ("ja", procedure.title),
        ("en", ptext(procedure.summary))]


def test_a_message_from_the_screen_is_read_as_it_is():
    i18n.set_language("en")
    assert said(read_message("Text size 150%")) == [("en", "Text size 150%")]


# --- voices for mixed sentences ---------------------------------------------------------------

def test_a_vietnamese_sentence_gives_the_japanese_label_to_a_japanese_voice():
    assert said(voiced("Họ tên người yêu cầu: 請求者の氏名 (bắt buộc)", "vi")) == [
        ("vi", "Họ tên người yêu cầu:"), ("ja", "請求者の氏名"), ("vi", "(bắt buộc)")]


def test_digits_written_against_japanese_stay_with_it_and_lone_punctuation_is_not_said():
    assert said(voiced("Date of birth: 1970年3月1日.", "en")) == [("en", "Date of birth:"), ("ja", "1970年3月1日.")]
    assert said(voiced("for “載せる方”.", "en")) == [("en", "for"), ("ja", "“載せる方”.")]
    assert voiced("。", "en") == [] and voiced(" ", "ja") == []


def test_japanese_and_chinese_sentences_are_never_cut():
    assert said(voiced("ステップ 1/7 PDF", "ja")) == [("ja", "ステップ 1/7 PDF")]
    assert said(voiced("申请人姓名", "zh")) == [("zh", "申请人姓名")]


# --- the fake speaker -------------------------------------------------------------------------

def test_the_fake_speaker_records_and_writes_longer_audio_for_longer_text(fake):
    short = fake.synthesize(Utterance("はい", "ja"))
    long = fake.synthesize(Utterance("はい、そのとおりです。", "ja"))
    slow = fake.synthesize(Utterance("はい、そのとおりです。", "ja", rate=0.5))
    assert wav_duration(short) == pytest.approx(2 * SECONDS_PER_CHARACTER)
    assert wav_duration(long) > wav_duration(short)
    assert wav_duration(slow) == pytest.approx(2 * wav_duration(long))
    assert [u.text for u in fake.spoken] == ["はい", "はい、そのとおりです。", "はい、そのとおりです。"]
    assert short.parent == fake.folder and oct(fake.folder.stat().st_mode & 0o777) == "0o700"


def test_an_utterance_needs_words_and_a_language():
    with pytest.raises(ValueError):
        Utterance("  ", "ja")
    with pytest.raises(ValueError):
        Utterance("はい", "")


def test_the_list_says_the_question_the_drafts_and_the_chosen_procedure(procedure, english):
    from assistant.speech import read_home

    heard = said(read_home(procedure, drafts=2))
    assert heard[0] == ("en", "Which procedure do you want to do?")
    assert ("en", "You have 2 unfinished procedures saved on this computer.") in heard
    assert ("ja", "住民票の写し等交付請求書") in heard            # its official name, in a Japanese voice
    assert said(read_home(None)) == [("en", "Which procedure do you want to do?")]


def test_who_fills_in_reads_the_choices_and_the_statement_in_the_residents_language(english):
    from assistant.interview.assisted import Assistance, consent_statement
    from assistant.speech import read_assistance

    alone = said(read_assistance(Assistance()))
    assert alone[0] == ("en", "Who will apply (and sign)?") and ("en", "Who is typing?") in alone
    helper = Assistance("volunteer", "Hana Shien", "Chuo Centre", consent_language="ja")
    heard = said(read_assistance(helper))
    # the volunteer works in English; the resident hears the statement in Japanese, one Japanese voice
    assert heard[-1] == ("ja", consent_statement(helper, "ja"))
