"""Announcements (Qt ≥ 6.8 QAccessibleAnnouncementEvent) as a Linux screen reader receives them.

Checked on Debian 12 (at-spi2-core / libatspi 2.46, Qt 6.11): Qt sends each announcement as the
AT-SPI signal org.a11y.atspi.Event.Object.Announcement, but only while some client has registered
for "object:announcement" (or all "object:" events) with the registry — Orca does. libatspi 2.46
delivers it to such a client as the event "object:announcement" with
  any_data = the message, detail1 = politeness (1 polite, 2 assertive), source = the anchor widget.
So these tests assert on what the reader receives, exactly as Orca would.

Debian 12's own Orca (43.1) does not register for "object:announcement" (its default script's
listeners have no such entry), so with it Qt sends no announcement at all. What Orca 43 does present
is a name change of the active frame (onNameChanged speaks it) and the focused object's name and
description; the step-change test checks that these carry the step and the error too.
"""

from __future__ import annotations

import pytest

from tests.a11y.reader import ReaderError
from tests.a11y.walk import Walk

pytestmark = pytest.mark.a11y

POLITE, ASSERTIVE = 1, 2


def announcements(reader) -> list[dict]:
    return [e for e in reader.events() if e["type"] == "object:announcement"]


def test_step_changes_errors_and_results_are_announced(app):
    reader, walk = app.reader, Walk(app.reader)
    reader.listen("object:announcement", "object:property-change:accessible-name")
    walk.start()                                       # (entering the first step: see the next test)

    reader.press("next")                               # nothing chosen yet
    error = reader.wait_event("object:announcement", data_re="確かめてください")
    assert error["detail1"] == ASSERTIVE
    assert error["data"] == reader.one(id="error_summary")["name"]
    assert "対象者との関係" in error["data"]
    assert error["source"]["id"] == "error_summary"
    assert len([e for e in announcements(reader) if "確かめてください" in e["data"]]) == 1    # said once
    # For Orca 43: the focus is on the first option, whose description now starts with the error.
    first = reader.wait_for("option_relationship_self", states=("focused",))
    # the error first, with its cue, before the option's hint and the question
    assert first["description"].startswith("エラー：対象者との関係："), first["description"]

    walk.choose("relationship", "self")
    walk.next(2, "applicant", first="input_applicant_name_family")
    step = reader.wait_event("object:announcement", data_re="^ステップ 2/")
    assert step["detail1"] == POLITE
    assert step["data"] == reader.frame()["name"] == "ステップ 2/7 窓口に来る方（請求者） — てつづきアシスタント"
    events = reader.events()
    assert [e["data"] for e in events if e["type"] == "object:announcement" and e["data"].startswith("ステップ")] \
        == [step["data"]]
    # For Orca 43 (no announcements): the active frame's new name, which it speaks.
    assert any(e["type"] == "object:property-change:accessible-name" and e["source"]["role"] == "frame"
               and e["data"] == step["data"] for e in events)

    walk.fill("applicant_address_postal_code", "1000013")                         # fills in the address
    filled = reader.wait_event("object:announcement", data_re="^郵便番号から住所を入れました")
    assert filled["detail1"] == POLITE and "東京都千代田区霞が関" in filled["data"]

    reader.press("back")
    back = reader.wait_event("object:announcement", data_re="^ステップ 1/")
    assert back["detail1"] == POLITE


def test_entering_the_first_step_is_announced(app):
    reader, walk = app.reader, Walk(app.reader)
    reader.listen("object:announcement")
    walk.start()
    try:
        said = reader.wait_event("object:announcement", data_re="^ステップ 1/", timeout=2)["data"]
    except ReaderError:
        said = None
    assert said == reader.frame()["name"], "nothing was announced when the first step opened"
