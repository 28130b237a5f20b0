"""The done page says what this person must bring and why, what they need not bring and why, and
the deadlines computed from their answers with the days left (gallery definitions, invented answers)."""

from __future__ import annotations

import datetime as dt

import pytest

from assistant.paths import BUNDLED_PROCEDURES, AppPaths
from tests.conftest import GALLERY, export_answers, start_procedure


@pytest.fixture
def app_paths(tmp_path):
    """The bundled procedures and the gallery's, so the window lists the examples too."""
    return AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "exports", (BUNDLED_PROCEDURES, GALLERY))


def test_the_done_page_gives_the_deadline_with_the_days_left(qtbot, window, english):
    birth = dt.date.today() - dt.timedelta(days=3)
    start_procedure(window, "deadlines")
    export_answers(qtbot, window, {"birth_date": birth.isoformat(), "moved": False})
    steps = window.done.next_steps.text()
    deadlines = steps.split("Deadlines:\n", 1)[1]
    assert deadlines.startswith("出生日の翌日から15日以内: by ")
    assert "— in 12 days." in deadlines                                   # 15 days from the birth, 3 gone
    assert "If it is missed: 遅れると、遅れた月の分の手当が受けられません。" in deadlines
    assert "転入した日" not in steps                                        # not moved: that deadline is not theirs
    assert window.done.next_steps.accessibleName() == steps                 # what a screen reader reads


def test_the_done_page_says_why_and_what_need_not_be_brought(qtbot, window, english):
    start_procedure(window, "attachments_and_proxies")
    export_answers(qtbot, window, {"filer": "self", "pension": "employee", "consent_lookup": True})
    steps = window.done.next_steps.text()
    bring = steps.split("What to bring:\n", 1)[1].split("\n\n", 1)[0]
    assert bring.startswith("□ ") and "Why: The office checks who comes to the desk.（窓口に来た方が誰かを確認します。）" in bring
    assert "資格確認書" not in bring
    assert ("What you need not bring:\n資格確認書 is not needed: 公簿等の確認に同意したため、市区町村が確認します。"
            in steps)


def test_a_procedure_with_dates_and_a_rule_in_words_says_deadlines_once(qtbot, window, english):
    # 児童手当: the date computed from the birth, then the procedure's rule in words, under one heading —
    # a screen reader used to hear "Deadlines" and then "By when" with the same 15 days again
    from tests.core.bundled_procedure import example_answers

    start_procedure(window, "jido_teate")
    export_answers(qtbot, window, example_answers("jido_teate"))
    steps = window.done.next_steps.text()
    assert steps.count("Deadlines:") == 1 and "By when:" not in steps
    block = steps.split("Deadlines:\n", 1)[1].split("\n\n", 1)[0]
    assert ": by " in block and "（子どもが生まれた日・引っ越してきた日の翌日から15日以内です。" in block
    assert steps.count("（手数料はかかりません。）") == 1 and "Fee: none." not in steps     # the fee, once
