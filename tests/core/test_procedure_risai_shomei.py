"""罹災証明書 交付申請書: loads, lints clean, asks only what applies, lists what to bring and why,
sends fire damage to the fire station, and gives a representative a 委任状 the household signs."""

from __future__ import annotations

from assistant.interview.applicant import applicant_rule
from assistant.interview.assisted import relationship_field
from tests.core.bundled_procedure import (deadlines, definition, example_answers, export, lint, needed,
                                          omitted, session, shown, steps)
from tests.core.test_export import pdftotext

ID = "risai_shomei"
#: a relative living elsewhere applies for her father, whose rented flat was flooded and surveyed
BY_AGENT = {"filer": "proxy", "disaster_kind": "heavy_rain", "disaster_name": None, "tenure": "tenant",
            "owner_name": "霞が関不動産株式会社", "dwelling_type": "apartment",
            "damaged_parts": ["floor", "inner_wall"], "damage_kinds": ["flooded_above"], "flood_depth": 45,
            "repaired": True, "office_surveyed": True, "applicant_relationship": "child",
            "applicant_address": {"postal_code": "100-0014", "prefecture": "東京都", "city": "千代田区",
                                  "town": "永田町", "block": "1-7-1", "building": ""}}


def test_loads_and_the_lint_finds_nothing():
    assert definition(ID).title == "罹災証明書 交付申請書"
    assert lint(ID) == []


def test_every_attachment_says_why_and_every_omission_says_why_it_may_be_left_out():
    for attachment in definition(ID).attachments:
        assert attachment.reason
        assert bool(attachment.omit_when) == bool(attachment.omit_reason), attachment.id


def test_the_household_applies_or_an_agent_with_the_heads_proxy_letter():
    assert relationship_field(definition(ID)).id == "filer"
    agent = session(ID, **BY_AGENT)
    assert applicant_rule(agent).label == "代理人" and "委任状" in applicant_rule(agent).note
    assert "power_of_attorney" in needed(agent)
    assert "power_of_attorney" not in needed(session(ID))
    assert definition(ID).proxy.principal == "victim"


def test_the_example_answers_every_question_of_a_typical_case_and_nothing_hidden():
    typical = session(ID)
    assert steps(typical) == ["filer_step", "disaster_step", "dwelling_step", "victim_step", "damage_step",
                              "purpose_step", "applicant_step"]
    assert shown(typical) == set(example_answers(ID))
    assert all(typical.step_errors(step) == [] for step in typical.visible_steps())


def test_the_head_of_household_is_not_asked_about_himself():
    head = session(ID, filer="self")
    assert "victim_step" not in steps(head)
    assert "applicant_relationship" not in shown(head)


def test_a_landlord_is_asked_for_only_by_tenants_and_the_depth_only_when_flooded_above_the_floor():
    typical, agent = session(ID), session(ID, **BY_AGENT)
    assert "owner_name" not in shown(typical) and "owner_name" in shown(agent)
    assert "flood_depth" not in shown(typical) and "flood_depth" in shown(agent)
    assert "flood_depth" not in shown(session(ID, damage_kinds=["flooded_below"]))
    assert "purpose_other" in shown(session(ID, purposes=["other"]))
    assert "purpose_other" not in shown(typical)


def test_photos_are_asked_for_until_the_office_has_surveyed_and_repairs_need_their_papers():
    # typhoon, nothing repaired, no survey yet (the example)
    typical = session(ID)
    assert needed(typical) == {"damage_photos", "identity_document"}
    assert omitted(typical) == set()
    # flooded flat already surveyed by the town and repaired, filed by a daughter living elsewhere
    agent = session(ID, **BY_AGENT)
    assert needed(agent) == {"repair_documents", "identity_document", "power_of_attorney"}
    assert omitted(agent) == {"damage_photos"}
    # not knowing whether staff came is no reason to leave the photos at home
    unsure = session(ID, office_surveyed="unknown")
    assert "damage_photos" in needed(unsure) and "damage_photos" not in omitted(unsure)


def test_fire_damage_is_sent_to_the_fire_station():
    fire = session(ID, disaster_kind="fire")
    assert "fire_step" in steps(fire) and "fire_step" not in steps(session(ID))
    step = next(s for s in definition(ID).steps if s.id == "fire_step")
    assert "消防署" in step.purpose
    assert "消防署" in definition(ID).office.note
    # the municipal time limit does not apply to the fire station's certificate
    assert deadlines(fire) == set()


def test_three_months_from_the_disaster_is_the_usual_limit_with_its_basis():
    assert deadlines(session(ID)) == {"three_months"}
    [limit] = definition(ID).deadlines
    assert (limit.from_field, limit.months) == ("disaster_date", 3)
    assert "災害対策基本法第90条の2" in limit.basis


def test_cli_exports_the_example_to_a_form_and_a_record(tmp_path):
    text, record = export(ID, tmp_path)
    for printed in ("罹災証明書 交付申請書", "高橋 健一", "高橋 美咲", "2026年(令和8年)9月15日", "台風",
                    "東京都千代田区霞が関2-1-2", "2通", "被災者生活再建支援金", "被害の様子がわかる写真"):
        assert printed in text, printed
    answers = record["answers"]
    assert answers["disaster_date"] == "2026-09-15" and answers["disaster_kind"] == "typhoon"
    assert answers["dwelling_address"]["postal_code"] == "1000013" and answers["copies"] == 2
    assert [a["id"] for a in record["attachments"]] == ["damage_photos", "identity_document"]
    assert record["omitted_attachments"] == []
    [deadline] = record["deadlines"]
    assert deadline["due"] == "2026-12-15"                                # typhoon on 2026-09-15
    assert deadline["basis"].endswith("（災害対策基本法第90条の2）")


def test_cli_export_by_an_agent_leaves_out_the_photos_and_has_the_household_head_delegate(tmp_path):
    answers = {k: v for k, v in {**example_answers(ID), **BY_AGENT}.items() if v is not None}
    text, record = export(ID, tmp_path, answers)
    assert "45cm" in text.replace(" ", "") and "霞が関不動産株式会社" in text
    [left_out] = record["omitted_attachments"]
    assert left_out["id"] == "damage_photos" and "現地調査" in left_out["omit_reason"]
    assert {a["id"] for a in record["attachments"]} == {"repair_documents", "identity_document",
                                                         "power_of_attorney"}
    [letter] = (tmp_path / "out").glob("*/*.power_of_attorney.pdf")
    delegation = pdftotext(letter)
    # the head of the flooded household signs as 委任者; the daughter is the representative
    assert delegation.index("高橋 美咲") < delegation.index("（委任者）") < delegation.index("高橋 健一")
    assert "罹災証明書の交付申請及び受領に関すること" in delegation and "災害の種類：大雨" in delegation
    assert delegation.index("（委任者）") < delegation.index("東京都千代田区霞が関2-1-2")   # the damaged home
