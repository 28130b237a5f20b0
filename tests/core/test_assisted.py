"""Who fills in: what is recorded, what the resident agrees to, and what must be filled in."""

from __future__ import annotations

import datetime as dt

from assistant import i18n
from assistant.interview.assisted import (FAMILY, PROXY, SELF, VOLUNTEER, Assistance, consent_statement, filled_by,
                                          printed_helper, problems)


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
    assert problems(Assistance(PROXY, "代理 次郎")) == {}


def test_the_statement_is_in_the_residents_language_whatever_the_interface_says():
    volunteer = Assistance(VOLUNTEER, "支援 花子", "中央コミュニティセンター")
    japanese, english = consent_statement(volunteer, "ja"), consent_statement(volunteer, "en")
    assert i18n.current_language() == "ja"
    assert "支援 花子" in english and "support volunteer" in english and "Do you agree" in english
    assert "支援 花子" in japanese and "同意しますか" in japanese
    assert "委任状" in consent_statement(Assistance(PROXY, "代理 次郎"), "en")   # what a representative means


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
