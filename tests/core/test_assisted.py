"""Who applies and who types: what is recorded, what the resident agrees to (only when they are
here), what must be filled in, what carries into the procedure, and old single-role drafts."""

from __future__ import annotations

import datetime as dt

from assistant import i18n
from assistant.interview.assisted import (FAMILY, HOUSEHOLD, PROXY, SELF, VOLUNTEER, Assistance, absent_note,
                                          consent_statement, filled_by, printed_helper, problems,
                                          procedure_answers)
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog


def test_the_resident_alone_needs_nothing_and_agrees_to_nothing():
    alone = Assistance()
    assert not alone.helped and alone.consented
    assert consent_statement(alone) == "" and problems(alone) == {}
    assert filled_by(alone) is None and printed_helper(alone) == ""


def test_a_helper_must_give_a_name_and_a_volunteer_an_organisation_with_an_example(english):
    missing = problems(Assistance(VOLUNTEER))
    assert set(missing) == {"helper_name", "helper_organisation"}
    assert all("Example:" in message for message in missing.values())
    assert set(problems(Assistance(FAMILY))) == {"helper_name"}        # family: no organisation asked
    assert problems(Assistance(FAMILY, "代理 次郎", applicant=PROXY)) == {}
    assert problems(Assistance(applicant=PROXY, resident_present=False)) == {}   # the resident types


def test_the_statement_is_in_the_residents_language_whatever_the_interface_says():
    volunteer = Assistance(VOLUNTEER, "支援 花子", "中央コミュニティセンター")
    japanese, english = consent_statement(volunteer, "ja"), consent_statement(volunteer, "en")
    assert i18n.current_language() == "ja"
    assert "支援 花子" in english and "support volunteer" in english and "Do you agree" in english
    assert "支援 花子" in japanese and "同意しますか" in japanese
    assert "委任状" in consent_statement(Assistance(FAMILY, "代理 次郎", applicant=PROXY), "en")


def test_a_statement_without_a_name_is_a_whole_sentence(english):
    for assistance in (Assistance(FAMILY), Assistance(VOLUNTEER), Assistance(VOLUNTEER, "", "中央CC")):
        for language in ("en", "ja"):
            text = consent_statement(assistance, language)
            assert text and "{" not in text and "the helper" not in text and "手伝う方" not in text
            assert not text[0].islower()
    assert consent_statement(Assistance(FAMILY), "ja").startswith("ご家族")


def test_consent_is_asked_only_of_a_resident_who_is_here():
    absent = Assistance(VOLUNTEER, "支援 花子", "中央CC", applicant=PROXY, resident_present=False)
    assert not absent.asks_consent and absent.consented and consent_statement(absent) == ""
    assert "委任状" in absent_note(absent)
    assert absent_note(Assistance(VOLUNTEER, "支援 花子", "中央CC", applicant=PROXY)) == ""   # here: a statement
    household = Assistance(applicant=HOUSEHOLD, resident_present=False)
    assert absent_note(household) and not household.asks_consent
    assert Assistance(FAMILY, "家族 太郎").asks_consent     # the resident applies: always here


def test_agreeing_records_the_language_and_the_time_and_survives_a_round_trip():
    when = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.timezone.utc)
    agreed = Assistance(VOLUNTEER, "支援 花子", "中央CC").agreed("en", when)
    assert agreed.consented and agreed.consent_language == "en" and agreed.consent_at == "2026-11-26T10:00:00+00:00"
    assert Assistance.from_json(agreed.to_json()) == agreed
    assert filled_by(agreed)["helper_organisation"] == "中央CC"
    assert printed_helper(agreed) == "記入支援：中央CC 支援 花子（支援員・ボランティア）"


def test_anything_unreadable_in_a_draft_is_the_resident_alone():
    for damaged in (None, [], {"role": "boss"}, {"role": 3}, "volunteer"):
        assert Assistance.from_json(damaged) == Assistance()
    assert Assistance.from_json({"role": FAMILY, "helper_name": 5}).helper_name == ""
    assert Assistance.from_json({"role": SELF}) == Assistance()


def test_a_single_role_draft_of_an_earlier_version_opens_as_two_roles():
    old_proxy = {"role": "proxy", "helper_name": "代理 次郎", "helper_organisation": "",
                 "consent_language": "ja", "consent_at": "2026-11-26T01:00:00+00:00"}
    migrated = Assistance.from_json(old_proxy)
    assert (migrated.applicant, migrated.role, migrated.helper_name) == (PROXY, FAMILY, "代理 次郎")
    assert migrated.resident_present and migrated.consented
    old_volunteer = {"role": "volunteer", "helper_name": "支援 花子", "helper_organisation": "中央CC"}
    assert Assistance.from_json(old_volunteer) == Assistance(VOLUNTEER, "支援 花子", "中央CC")
    assert Assistance.from_json({"role": "family", "helper_name": "家族"}).applicant == SELF
    both = Assistance(VOLUNTEER, "支援 花子", "中央CC", applicant=HOUSEHOLD, resident_present=False)
    assert Assistance.from_json(both.to_json()) == both
    assert Assistance.from_json({"role": SELF, "applicant": "boss"}) == Assistance()


def test_both_people_are_recorded_where_they_belong():
    both = Assistance(VOLUNTEER, "支援 花子", "中央CC", applicant=PROXY).agreed("ja")
    record = filled_by(both)
    assert record["role"] == VOLUNTEER and record["helper_name"] == "支援 花子" and record["applicant"] == PROXY
    assert printed_helper(both) == "記入支援：中央CC 支援 花子（支援員・ボランティア）"
    typing_alone = Assistance(applicant=PROXY, resident_present=False)
    assert filled_by(typing_alone)["applicant"] == PROXY and printed_helper(typing_alone) == ""


def test_who_applies_carries_into_the_procedures_own_question():
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    assert procedure_answers(procedure, Assistance(applicant=PROXY)) == {"relationship": "proxy"}
    assert procedure_answers(procedure, Assistance(VOLUNTEER, "支援 花子", "中央CC")) == {"relationship": "self"}
