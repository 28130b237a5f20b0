"""Deadlines computed from the answers: calendar-correct dates, days left or passed with what that
means, in the JSON, the person's copy, the done page's texts and read aloud (gallery: deadlines.yaml)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assistant.export.next_steps import next_steps
from assistant.export.package import export_package
from assistant.interview.deadlines import add_period, deadline_texts
from assistant.interview.session import Session
from assistant.procedures.loader import load_file
from assistant.speech import read_export
from tests.conftest import GALLERY
from tests.core.test_export import CREATED, pdftotext

TODAY = CREATED.date()   # 2026-11-26


@pytest.fixture
def procedure():
    procedure, errors = load_file(GALLERY / "deadlines.yaml")
    assert errors == []
    return procedure


@pytest.mark.parametrize(("start", "period", "due"), [
    ("2026-11-20", {"days": 15}, "2026-12-05"),              # 出生日の翌日から15日以内
    ("2026-12-20", {"days": 15}, "2027-01-04"),              # across a year
    ("2026-01-31", {"months": 1}, "2026-02-28"),             # no 31st in February
    ("2028-01-31", {"months": 1}, "2028-02-29"),             # a leap year
    ("2026-08-31", {"months": 1}, "2026-09-30"),
    ("2026-11-30", {"months": 3}, "2027-02-28"),
    ("2028-02-29", {"years": 2}, "2030-02-28"),              # 葬祭費: two years from a 29 February
    ("2024-02-29", {"years": 4}, "2028-02-29"),
    ("2026-10-31", {"months": 1, "days": 1}, "2026-12-01"),  # months first, then days
    ("2026-05-15", {"months": 14}, "2027-07-15"),
])
def test_periods_keep_month_ends_and_leap_years(start, period, due):
    assert add_period(dt.date.fromisoformat(start), **period).isoformat() == due


def test_due_dates_count_from_the_answer_and_follow_the_conditions(procedure):
    session = Session(procedure, {"birth_date": "2026-11-20", "moved": False})
    assert [(d.deadline.id, d.due) for d in session.due_dates()] == [
        ("within_15_days", dt.date(2026, 12, 5)), ("yearly", None)]    # not moved: no moving deadline
    session.set_answer("moved", True)
    session.set_answer("moved_on", "2026-01-31")
    assert [(d.deadline.id, d.due) for d in session.due_dates()] == [
        ("within_15_days", dt.date(2026, 12, 5)), ("moved_in", dt.date(2026, 2, 28)), ("yearly", None)]
    session.set_answer("birth_date", "")          # not answered yet: the rule is still said, without a date
    assert session.due_dates()[0].due is None


def test_days_left_today_and_passed_are_said_in_english_with_both_calendars(procedure, english):
    session = Session(procedure, {"birth_date": "2026-11-20", "moved": True, "moved_on": "2026-01-31"})
    within, moved, yearly = deadline_texts(session.due_dates(), TODAY)
    assert within.splitlines() == [   # the gallery is not in the catalogs: its texts are shown as written
        "出生日の翌日から15日以内: by December 5, 2026 (令和8年12月5日) — in 9 days.",
        "If it is missed: 遅れると、遅れた月の分の手当が受けられません。"]
    assert moved.splitlines() == [
        "転入した日の翌日から1か月以内: the last day was February 28, 2026 (令和8年2月28日); it has passed.",
        "遅れると、手続きが遅れた理由を聞かれます。"]   # what having missed it means
    assert yearly == "毎年6月の現況届"
    [today] = deadline_texts(session.due_dates()[:1], dt.date(2026, 12, 5))
    assert "by December 5, 2026 (令和8年12月5日) — that is today." in today


def test_in_japanese_the_date_is_western_with_its_era(procedure):
    session = Session(procedure, {"birth_date": "2026-11-20", "moved": False})
    within = deadline_texts(session.due_dates(), TODAY, "ja")[0]
    assert within.startswith("出生日の翌日から15日以内：2026年(令和8年)12月5日まで（9 日後）。")
    assert "過ぎてしまうと：遅れると" in within


def test_a_passed_deadline_without_a_note_says_to_ask_the_office(procedure, english):
    session = Session(procedure.model_copy(update={"deadlines": tuple(
        d.model_copy(update={"note": ""}) for d in procedure.deadlines)}), {"birth_date": "2020-01-01"})
    assert deadline_texts(session.due_dates(), TODAY)[0].endswith("it has passed.\nAsk the office what can still "
                                                                    "be done.")


def test_the_json_copy_done_page_and_read_aloud_give_the_deadline(procedure, tmp_path, english):
    session = Session(procedure, {"birth_date": "2026-11-20", "moved": False})
    result = export_package(session, tmp_path, CREATED)
    record = json.loads(result.json.read_text(encoding="utf-8"))
    assert record["deadlines"] == [
        {"id": "within_15_days", "label": "出生日の翌日から15日以内", "due": "2026-12-05",
         "basis": "児童手当法第8条第2項（見本）", "note": "遅れると、遅れた月の分の手当が受けられません。"},
        {"id": "yearly", "label": "毎年6月の現況届", "due": None, "basis": "見本の規則", "note": ""}]
    copy = pdftotext(result.copy)
    assert "Deadlines" in copy
    assert "by December 5, 2026 (令和8年12月5日) — in 9 days." in copy   # counted from the day it was made
    assert "毎年6月の現況届" in copy
    steps = next_steps(session, today=TODAY)
    assert steps.deadlines[0].startswith("出生日の翌日から15日以内: by December 5, 2026")
    said = [u.text for u in read_export(session, result, today=TODAY)]
    assert any("in 9 days" in text for text in said)


def test_a_procedure_without_deadlines_says_nothing_about_them(tmp_path, english):
    procedure, _errors = load_file(GALLERY / "conditions.yaml")
    session = Session(procedure, {})
    assert session.due_dates() == [] and next_steps(session).deadlines == ()
