"""What a screen reader finds on every page of the residence-record request, in Japanese.

Each page is reached through AT-SPI alone (keys typed through the registry, actions Press/Toggle),
read as a tree by a second process, checked against the rules in tree.check_page and compared with
its golden file in tests/a11y/golden/ (UPDATE_GOLDEN=1 rewrites them; see README.md).
"""

from __future__ import annotations

import pytest

from tests.a11y.tree import check_page, compare_with_golden, normalise
from tests.a11y.walk import Walk

pytestmark = pytest.mark.a11y

#: Problems the application has today, page by page (each is in the report of issue 4, with its fix).
#: A new problem fails the test; so does a listed one that has gone: then delete its line here.
KNOWN_PROBLEMS: dict[str, list[str]] = {
    # page: [problem text], for defects not fixed yet (a fixed one must be removed from here)
}


def look(app, seen: dict[str, list[str]]):
    """What to do on each page: rules, then the golden comparison."""

    def on_page(page: str, frame_prefix: str) -> None:
        tree = app.reader.dump()
        problems = check_page(tree, frame_prefix=frame_prefix)
        known = KNOWN_PROBLEMS.get(page, [])
        new = [p for p in problems if not any(k in p for k in known)]
        gone = [k for k in known if not any(k in p for p in problems)]
        assert not new, f"{page}: " + "\n".join(new)
        assert not gone, f"{page}: fixed, delete from KNOWN_PROBLEMS: {gone}"
        text = normalise(tree, ((str(app.home), "<home>"), (r"\d{8}-\d{6}", "<time>")))
        compare_with_golden(page, text)
        seen[page] = problems

    return on_page


def test_home_page(app):
    seen: dict[str, list[str]] = {}
    on_page = look(app, seen)
    # The keyring check runs in the background after the window shows: its outcome (no safe place
    # for the key here, so the note and the PIN button) is part of the page. Wait for that settled
    # state instead of reading the tree at whatever moment the check happens to be in.
    app.reader.wait_for("drafts_note", timeout=20)
    app.reader.wait_for("passphrase", timeout=20)
    Walk(app.reader, on_page).home()
    app.reader.type("search", "住民票")
    app.reader.wait_for(role="list item", name="住民票の写し等交付請求書", states=("selected",))
    on_page("home-searched", "手続きを選ぶ")
    assert list(seen) == ["home", "home-searched"]


def test_every_step_the_review_and_the_done_page(app):
    """The longest path: a member of the household asks for part of the household, with every
    optional question that can appear shown (subject, household head's name, members, other purpose)."""
    seen: dict[str, list[str]] = {}
    walk = Walk(app.reader, look(app, seen))
    reader = app.reader
    walk.start()
    walk.choose("relationship", "household")
    walk.next(2, "applicant", first="input_applicant_name_family")
    for part, text in (("family", "山田"), ("given", "太郎"), ("family_kana", "やまだ"), ("given_kana", "たろう")):
        walk.fill(f"applicant_name_{part}", text)
    walk.fill("applicant_birth_date", "昭和45年3月1日")
    walk.address("applicant_address", "100-0013", "2-1-2", {"prefecture": "東京都", "city": "千代田区", "town": "霞が関"})
    walk.fill("applicant_phone", "090-1234-5678")
    assert reader.text("input_applicant_name_family_kana") == "ヤマダ"       # hiragana settled into katakana
    walk.next(3, "subject", first="input_subject_name_family")
    for part, text in (("family", "山田"), ("given", "花子"), ("family_kana", "ヤマダ"), ("given_kana", "ハナコ")):
        walk.fill(f"subject_name_{part}", text)
    walk.address("subject_address", "1000013", "2-1-2", {"prefecture": "東京都"})
    walk.next(4, "household_head_step", first="option_household_head_is_subject_true")
    walk.choose("household_head_is_subject", "false")
    reader.wait_for("input_household_head_name")                # a question that appears
    walk.fill("household_head_name", "山田一郎")
    walk.next(5, "certificate", first="option_certificate_type_copy")
    walk.choose("certificate_type", "copy")
    walk.choose("scope", "some_members")
    reader.press("add_members")
    reader.wait_for("members0_input_member_name", states=("focused",))
    reader.type("members0_input_member_name", "山田花子")
    walk.fill("copies", "1")
    walk.next(6, "entries", first="option_optional_entries_household_head_relationship")
    walk.choose("optional_entries", "household_head_relationship")
    walk.next(7, "purpose_step", first="option_purpose_employer")
    walk.choose("purpose", "other")
    reader.wait_for("input_purpose_other")
    walk.fill("purpose_other", "不動産の登記")
    walk.fill("submit_to", "株式会社テツヅキ")
    walk.to_review(8)
    walk.export()
    assert list(seen) == ["who", "step-1-relationship_step", "step-2-applicant", "step-3-subject",
                          "step-4-household_head_step", "step-5-certificate", "step-6-entries",
                          "step-7-purpose_step", "review", "done"]
