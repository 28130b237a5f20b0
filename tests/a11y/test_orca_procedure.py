"""What a blind person hears: Debian's Orca (43.1) runs headless beside the application, which is
used with the keyboard alone (real X key events), and the test asserts on what Orca says —
its `SPEECH OUTPUT` lines — for the whole residence-record request, in Japanese and in English.

Every focus stop must be labelled (zero silent stops), every step change spoken, the error
spoken with its cue, and the done page's confirmation spoken. On failure the transcript (each
key and what Orca said) is in the assertion message; Orca's full log is in tmp_path/orca/orca.out.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from pathlib import Path

import pytest

from tests.a11y.orca_session import DEBS, missing, start_orca
from tests.a11y.orca_walk import OrcaWalk

pytestmark = pytest.mark.a11y

ANSWERS = json.loads((Path(__file__).resolve().parents[2] / "examples" / "juminhyo_answers.json").read_text("utf-8"))

#: what each language's walk expects Orca to say (the app's words; Orca's own stay English)
WORDS = {
    "ja": {"home": "手続きを選ぶ", "search": "住民票", "step": "ステップ {n}/7", "error": "エラー", "done": "申請書ができました",
           "review": "ステップ 7/7 答えの確認",
           "filled": "郵便番号から住所を入れました：東京都千代田区霞が関"},
    "en": {"home": "Choose a procedure", "search": "residence", "step": "Step {n}/7", "error": "Error", "done": "Your form is ready",
           "review": "Step 7/7 Check your answers",
           "filled": "Filled in from the postal code"},
}


@pytest.fixture
def orca(desktop, tmp_path):
    """Orca started before the application, as on a blind person's desktop."""
    if missing():
        pytest.fail(f"The Orca test needs {', '.join(missing())}: sudo apt-get install {DEBS}", pytrace=False)
    with ExitStack() as stack:
        yield start_orca(stack, desktop, tmp_path / "orca")


def window_opened(walk: OrcaWalk, words: dict) -> None:
    """Orca has caught up with the window (it says the window's title) before the first key."""
    walk.expect(words["home"], 0, "the window opens", timeout=20)


def walk_procedure(walk: OrcaWalk, words: dict) -> None:
    a = ANSWERS
    orca, reader = walk.orca, walk.reader

    # Home: search, the list, Start (Enter).
    walk.tab_to("search")
    walk.type(words["search"])
    walk.tab_to("start")
    mark = orca.mark()
    walk.press("Return")
    # Who fills in: who will apply (the focused choice) and who is typing are said; Continue.
    walk.arrive("applicant_self")
    walk.tab_to("assisted_continue")

    def next_step(n: int, first: str, keys: str = "Return") -> None:
        mark = orca.mark()
        walk.press(keys)
        walk.arrive(first)
        walk.expect(words["step"].format(n=n), mark, f"step {n} spoken")

    next_step(1, "option_relationship_self")       # answered by "who will apply", and said so
    walk.tab_to("next")
    next_step(2, "input_applicant_name_family")
    # Step 2: Enter with nothing typed → the error, with its cue; the focus stays on the first box.
    mark = orca.mark()
    walk.press("Return", moves_focus=False)
    walk.expect(words["error"], mark, "error spoken")
    walk.type(a["applicant_name"]["family"])
    for part in ("given", "family_kana", "given_kana"):
        walk.tab_to(f"input_applicant_name_{part}")
        walk.type(a["applicant_name"][part])
    walk.tab_to("input_applicant_birth_date")
    walk.type(a["applicant_birth_date"])
    walk.tab_to("input_applicant_address_postal_code")
    mark = orca.mark()
    walk.type("100-0013")
    walk.expect(words["filled"], mark, "postal-code fill spoken")
    walk.tab_to("input_applicant_address_block")
    walk.type(a["applicant_address"]["block"])
    walk.tab_to("input_applicant_phone")
    walk.type("090-1234-5678")
    walk.tab_to("next")
    next_step(3, "option_household_head_is_subject_true")
    walk.press("space", moves_focus=False)
    walk.tab_to("next")
    next_step(4, "option_certificate_type_copy")
    walk.press("space", moves_focus=False)
    walk.tab_to("option_scope_whole_household")
    walk.press("space", moves_focus=False)
    walk.tab_to("input_copies")
    walk.type("1")
    walk.tab_to("next")
    next_step(5, "option_optional_entries_household_head_relationship")
    walk.press("space", moves_focus=False)
    walk.tab_to("next")
    next_step(6, "option_purpose_employer")
    walk.press("space", moves_focus=False)
    walk.tab_to("input_submit_to")
    walk.type(a["submit_to"])
    walk.tab_to("next")
    mark = orca.mark()
    walk.press("Return")
    walk.arrive("export")
    walk.expect(words["review"], mark, "review page spoken")


def export_and_hear_done(walk: OrcaWalk, words: dict) -> None:
    mark = walk.orca.mark()
    walk.press("Return")
    walk.arrive("print_pdf", timeout=30)           # the main action, whose description says the form is ready
    walk.expect(words["done"], mark, "done page spoken", timeout=30)
    walk.tab_to("done")


@pytest.mark.parametrize("app_language", ["ja", "en"])     # as the person chose it earlier (settings)
def test_orca_speaks_every_stop_of_the_residence_record(orca, app, app_language):
    language = app_language
    walk = OrcaWalk(app.desktop, app.reader, orca)
    try:
        window_opened(walk, WORDS[language])
        walk_procedure(walk, WORDS[language])
        silent = walk.silent()
        assert not silent, (f"{len(silent)} of {len(walk.stops)} focus stops silent: "
                            f"{[(s.widget, s.name, s.said) for s in silent]}\n{walk.report()}")
        export_and_hear_done(walk, WORDS[language])
        silent = walk.silent()
        assert not silent, f"silent stops on the done page: {[(s.widget, s.said) for s in silent]}"
    finally:
        (orca.log.parent / "transcript.txt").write_text(walk.report(), encoding="utf-8")
