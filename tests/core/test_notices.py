"""Notices (`notices:`): go elsewhere, said plainly — fire damage to the fire station, a 転出届 online
with a マイナンバーカード — on the step, read aloud, on the done page, in the copy, the JSON, the form
and the 委任状; checked by the loader (file:line) and the lint. All data invented."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from assistant import i18n
from assistant.export.next_steps import next_steps
from assistant.export.package import export_package
from assistant.interview.notices import step_intro
from assistant.interview.session import Session
from assistant.procedures.lint import lint_files
from assistant.procedures.loader import load_file
from assistant.speech.script import read_export, read_step
from tests.core.bundled_procedure import definition, export, session
from tests.core.test_export import CREATED, pdftotext

FIRE = "火災の罹災証明書は、火災を調べた消防署（消防本部）で申請してください。"
ONLINE = "マイナポータルの引越しワンストップサービスで転出届をオンラインで出せます"
TODAY = dt.date(2026, 12, 1)


def _flat(text: str) -> str:
    return "".join(text.split())


# --- 罹災証明書: fire damage goes to the fire station --------------------------------------------

def test_fire_damage_says_on_its_step_and_aloud_that_the_fire_station_issues_it():
    fire = session("risai_shomei", disaster_kind="fire")
    fire.go_to("fire_step")
    assert FIRE in step_intro(fire, fire.current_step)
    assert any(FIRE in u.text for u in read_step(fire))
    assert fire.leaving().go_to == "火災を調べた消防署（消防本部）"
    # not on the other steps, and not at all for a typhoon
    assert all(FIRE not in step_intro(fire, s) for s in fire.visible_steps() if s.id != "fire_step")
    assert session("risai_shomei").leaving() is None and session("risai_shomei").notices() == []


def test_the_done_page_sends_fire_damage_to_the_fire_station_instead(english):
    where = next_steps(session("risai_shomei", disaster_kind="fire"), today=TODAY).where
    assert where.startswith("Where to go instead: The fire station (fire department) that investigated the fire")
    assert "Use this form only when the municipality asks you to" in where
    typhoon = next_steps(session("risai_shomei"), today=TODAY).where
    assert typhoon.startswith("Where to go: ") and "instead" not in typhoon


def test_every_file_of_a_fire_case_says_the_form_is_for_the_fire_station_only_when_asked(tmp_path):
    answers = {**json.loads(json.dumps(session("risai_shomei").answers)), "disaster_kind": "fire",
               "fire_station_consulted": "unknown", "filer": "proxy",
               "applicant_address": {"postal_code": "100-0014", "prefecture": "東京都", "city": "千代田区",
                                     "town": "永田町", "block": "1-7-1", "building": ""}}
    form, record = export("risai_shomei", tmp_path, answers)
    assert "【ご注意】" in form and _flat(FIRE) in _flat(form)
    assert "申請・届出先：火災を調べた消防署（消防本部）" in _flat(form)
    [notice] = record["notices"]
    assert notice["id"] == "fire_station" and notice["leave"] is True
    assert notice["go_to"] == "火災を調べた消防署（消防本部）"
    [folder] = (tmp_path / "out").iterdir()
    letter = pdftotext(folder / "risai_shomei.power_of_attorney.pdf")
    assert _flat(FIRE) in _flat(letter)


def test_a_typhoon_case_has_no_notice_in_its_files(tmp_path):
    form, record = export("risai_shomei", tmp_path)
    assert record["notices"] == [] and "【ご注意】" not in form


def test_the_copy_says_where_to_go_instead_in_english_beside_the_japanese(tmp_path, english):
    fire = session("risai_shomei", disaster_kind="fire", fire_station_consulted="unknown")
    result = export_package(fire, tmp_path, CREATED)
    text = _flat(pdftotext(result.copy))
    assert _flat("Where to go instead: The fire station (fire department) that investigated the fire") in text
    assert _flat(FIRE) in text


# --- 転出届: online with a マイナンバーカード, the paper path open ---------------------------------

def test_the_online_way_is_said_on_the_first_page_before_anything_is_answered():
    start = Session(definition("tenshutsu"))
    [notice] = start.notices(start.current_step)
    assert notice.id == "online_one_stop" and not notice.leave and start.leaving() is None
    assert ONLINE in step_intro(start, start.current_step)
    assert any(ONLINE in u.text for u in read_step(start))
    start.go_to("move_step")
    assert start.notices(start.current_step) == []   # said once, at the start


def test_the_done_page_repeats_it_for_card_holders_moving_within_japan_only(english):
    holders = next_steps(session("tenshutsu", card_holders=True), today=TODAY).where
    assert holders.startswith("Where to go: ") and "moving one-stop service" in holders
    assert "you go only to the counter of your new municipality" in holders
    assert "moving one-stop" not in next_steps(session("tenshutsu", card_holders=False), today=TODAY).where
    abroad = session("tenshutsu", card_holders=True, destination="abroad", new_country="ベトナム")
    assert "moving one-stop" not in next_steps(abroad, today=TODAY).where


def test_the_paper_notice_is_still_exported_and_the_online_way_reaches_the_json_not_the_form(tmp_path):
    answers = {**session("tenshutsu").answers, "card_holders": True}
    form, record = export("tenshutsu", tmp_path, answers)
    assert [n["id"] for n in record["notices"]] == ["online_one_stop"] and "leave" not in record["notices"][0]
    assert "引越しワンストップ" not in form and "【ご注意】" not in form    # the form is for the office


def test_read_aloud_at_the_end_names_the_fire_station(tmp_path):
    fire = session("risai_shomei", disaster_kind="fire", fire_station_consulted="unknown")
    result = export_package(fire, tmp_path, CREATED, with_copy=False)
    spoken = " ".join(u.text for u in read_export(fire, result, today=TODAY))
    assert "火災を調べた消防署（消防本部）" in spoken and FIRE in spoken


# --- the loader and the lint ----------------------------------------------------------------------

BASE = """\
schema_version: 1
id: sample
version: "1"
title: 見本
summary: 見本です。
who_may_apply: [{role: self, label: 本人}]
office: {name: 見本の窓口}
notices:
{notices}
steps:
  - id: first
    title: 最初
    purpose: 見本です。
    fields:
      - {id: kind, kind: choice, label: 種類, hint: 選びます。, example: 火, options: [{value: fire, label: 火}, {value: water, label: 水}]}
"""


def _load(tmp_path, notices: str):
    file = tmp_path / "sample.yaml"
    file.write_text(BASE.replace("{notices}", notices), encoding="utf-8")
    return file, load_file(file)


@pytest.mark.parametrize("notices, line, words", [
    ("  - {id: a, text: 別の窓口です。, step: nowhere}", 9, "`step` names no step of this procedure, `nowhere`"),
    ("  - {id: a, text: 別の窓口です。, leave: true, when: {answered: kind}}", 9, "needs `go_to`"),
    ("  - {id: a, text: 別の窓口です。, go_to: 消防署}", 9, "only a notice with `leave: true`"),
    ("  - {id: a, text: 別の窓口です。, when: {equals: {field: knid, value: fire}}}", 9, "unknown field, knid"),
    ("  - {id: a, text: 一つ目。}\n  - {id: a, text: 二つ目。}", 10, "the notice id `a` is already used at line 9"),
])
def test_the_loader_names_the_line_of_a_broken_notice(tmp_path, english, notices, line, words):
    file, (procedure, errors) = _load(tmp_path, notices)
    assert procedure is None
    assert any(e.line == line and words in e.message for e in errors), [str(e) for e in errors]


def test_the_lint_refuses_a_notice_that_sends_everyone_away_or_can_never_be_said(tmp_path, english):
    file, (procedure, errors) = _load(tmp_path, "  - {id: a, text: 別の窓口です。, leave: true, go_to: 消防署}\n"
                                                "  - {id: b, text: 水です。, when: {equals: {field: kind, value: ice}}}")
    assert errors == []
    codes = {(f.line, f.code) for f in lint_files([file])}
    assert (9, "notice.always-leave") in codes and (10, "condition.never-true") in codes


def test_a_notice_held_by_its_condition_is_said_on_its_step(tmp_path):
    file, (procedure, errors) = _load(tmp_path, "  - {id: a, text: 火は消防署です。, leave: true, go_to: 消防署, "
                                                "when: {equals: {field: kind, value: fire}}}")
    fire, water = Session(procedure, {"kind": "fire"}), Session(procedure, {"kind": "water"})
    assert [n.id for n in fire.notices(fire.current_step)] == ["a"] and fire.leaving().go_to == "消防署"
    assert water.notices() == [] and water.leaving() is None
    i18n.set_language("ja")
    assert step_intro(fire, fire.current_step) == "見本です。\n火は消防署です。"
