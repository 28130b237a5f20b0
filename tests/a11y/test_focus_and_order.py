"""Where a screen reader's focus goes, and in which order it reads a page.

Both began as strict expected failures documenting defects seen through AT-SPI; they now guard the
fixes (focus handed straight to the new step's first question; widgets created in reading order)."""

from __future__ import annotations

import pytest

from tests.a11y.tree import reading_order_problems
from tests.a11y.walk import Walk

pytestmark = pytest.mark.a11y


def gained_focus(reader) -> list[str]:
    """objectNames that received the focus, from the events since the last call, repeats merged."""
    names: list[str] = []
    for event in reader.events():
        if event["type"] == "object:state-changed:focused" and event["detail1"] == 1:
            name = event["source"]["id"] if event.get("source") else "?"
            if not names or names[-1] != name:
                names.append(name)
    return names


def test_a_new_step_puts_the_focus_straight_on_its_first_question(app):
    reader = app.reader
    reader.listen("object:state-changed:focused")
    reader.type("search", "住民票")
    reader.wait_for(role="list item", name="住民票の写し等交付請求書", states=("selected",))
    gained_focus(reader)
    reader.press("start")
    Walk(reader).who()
    from_list = gained_focus(reader)
    reader.press("assisted_continue")
    Walk(reader).arrive(1, "relationship_step", first="option_relationship_self")
    to_step_1 = gained_focus(reader)
    reader.check("option_relationship_self")
    gained_focus(reader)
    reader.press("next")
    Walk(reader).arrive(2, "applicant", first="input_applicant_name_family")
    to_step_2 = gained_focus(reader)
    assert (from_list, to_step_1, to_step_2) == (["applicant_self"], ["option_relationship_self"],
                                                 ["input_applicant_name_family"])


def test_pages_read_in_the_order_they_are_shown(app):
    reader, walk = app.reader, Walk(app.reader)
    problems = [f"home: {p}" for p in reading_order_problems(reader.dump(extents=True))]
    walk.start()
    problems += [f"step 1: {p}" for p in reading_order_problems(reader.dump(extents=True))]
    walk.choose("relationship", "self")
    walk.next(2, "applicant", first="input_applicant_name_family")
    problems += [f"step 2: {p}" for p in reading_order_problems(reader.dump(extents=True))]
    assert not problems, "\n".join(problems)
