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

from assistant.interview.address import with_addresses_filled
from assistant.interview.session import Session
from assistant.kinds import kind_of
from assistant.kinds.bank_account import ACCOUNT_TYPES
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.a11y.orca_session import DEBS, missing, start_orca
from tests.a11y.orca_walk import MAX_TABS, OrcaWalk, Stop

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


# --- a second procedure: a group (two children) and a volunteer typing ------------------------------

JIDO = json.loads((Path(__file__).resolve().parents[2] / "examples" / "jido_teate_answers.json").read_text("utf-8"))
VOLUNTEER = ("山田 花子", "中央コミュニティセンター")       # invented


def tab_into(walk: OrcaWalk, prefix: str) -> Stop:
    """Tab until the focus is on an object whose objectName starts with `prefix` (a group of options
    is one Tab stop: its chosen option, or its first)."""
    for _ in range(MAX_TABS):
        stop = walk.press("Tab")
        if stop.widget.startswith(prefix):
            return stop
    raise AssertionError(f"{prefix}… not reached with {MAX_TABS} Tabs; stops: {[s.widget for s in walk.stops[-30:]]}")


def answer_by_keys(walk: OrcaWalk, field, raw, prefix: str = "") -> None:
    """One question answered with the keyboard, from the focus stop before it."""
    kind = kind_of(field)
    if raw is None or raw == "" or raw == []:
        return
    if kind.container:
        for index, item in enumerate(raw):
            walk.tab_to(f"add_{field.id}")
            walk.press("space")                          # the focus goes into the new entry
            for sub in field.fields:
                if sub.id in item:
                    answer_by_keys(walk, sub, item[sub.id], f"{field.id}{index}_")
        return
    if kind.chosen:
        group = f"{prefix}option_{field.id}_"
        for value in raw if isinstance(raw, list) else [raw]:
            target = group + str(value).lower()
            if kind.multiple:                            # check boxes: each is a Tab stop
                stop = reach(walk, target)
            else:                                        # radio buttons: one stop, the arrows choose
                stop = walk.stops[-1] if walk.stops[-1].widget.startswith(group) else tab_into(walk, group)
                for _ in range(len(kind.options(field))):
                    if stop.widget == target:
                        break
                    stop = walk.press("Down")
            assert stop.widget == target, (target, stop.widget)
            if "checked" not in walk.reader.one(id=target)["states"]:
                walk.press("space", moves_focus=False)
        return
    if isinstance(raw, dict):
        for part in kind.parts(field):
            text = str(raw.get(part) or "")
            name = f"{prefix}input_{field.id}_{part}"
            reach(walk, name)
            if field.kind == "bank_account" and part == "account_type":
                walk.press(*["Down"] * (list(ACCOUNT_TYPES).index(text) + 1), moves_focus=False)
            elif text and walk.reader.text(name) != text:
                mark = walk.orca.mark()
                walk.type(text)
                if part == "postal_code" and kind.fills_from_postal_code:   # heard before moving on, as a person would
                    walk.expect("郵便番号から住所を入れました", mark, "postal-code fill spoken")
        return
    reach(walk, f"{prefix}input_{field.id}")
    walk.type(str(raw))


def reach(walk: OrcaWalk, widget: str) -> Stop:
    """The focus on `widget`: where it is already (a new step or entry puts it on its first answer), or Tab."""
    return walk.stops[-1] if walk.stops[-1].widget == widget else walk.tab_to(widget)


def test_orca_child_allowance_two_children_typed_by_a_volunteer(orca, app):
    """児童手当 with two children added with the keyboard, typed by a support volunteer: every stop
    labelled, every step change spoken, and the volunteer's consent page read."""
    words = WORDS["ja"]
    walk = OrcaWalk(app.desktop, app.reader, orca)
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("jido_teate")
    session = Session(procedure, with_addresses_filled(procedure, JIDO))
    steps = session.visible_steps()
    try:
        window_opened(walk, words)
        walk.tab_to("search")
        walk.type("児童手当")
        walk.tab_to("start")
        walk.press("Return")
        walk.arrive("applicant_self")
        tab_into(walk, "role_")
        while walk.stops[-1].widget != "role_volunteer":
            walk.press("Down")
        walk.tab_to("helper_name")
        walk.type(VOLUNTEER[0])
        walk.tab_to("helper_organisation")
        walk.type(VOLUNTEER[1])
        walk.tab_to("consent")
        walk.press("space", moves_focus=False)
        walk.tab_to("assisted_continue")
        for n, step in enumerate(steps, start=1):
            mark = orca.mark()
            walk.press("Return")
            walk.expect(f"ステップ {n}/\\d+ {step.title}", mark, f"step {n} spoken")   # (the count grows with the answers)
            for field in session.visible_fields(step):
                if field.id in JIDO:
                    answer_by_keys(walk, field, JIDO[field.id])
            walk.tab_to("next")
        mark = orca.mark()
        walk.press("Return")
        walk.arrive("export")
        walk.expect(f"ステップ {len(steps) + 1}/{len(steps) + 1} 答えの確認", mark, "review page spoken")
        silent = walk.silent()
        assert not silent, (f"{len(silent)} of {len(walk.stops)} focus stops silent: "
                            f"{[(s.widget, s.name, s.said) for s in silent]}\n{walk.report()}")
        assert any(s.widget.startswith("children1_") for s in walk.stops)       # the second child, by keys
        export_and_hear_done(walk, words)
    finally:
        (orca.log.parent / "transcript.txt").write_text(walk.report(), encoding="utf-8")
