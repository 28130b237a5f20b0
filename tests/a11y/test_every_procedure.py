"""The six procedures beside the 住民票 request, each walked through AT-SPI alone as a screen-reader
user goes: the list searched by typing, who applies chosen, every step answered from
examples/<id>_answers.json with keys synthesised by the AT-SPI registry and the options' actions,
group entries added with their button, the review, the files made.

On every page: the rules of tree.check_page (every focus stop has a name, every answer says 必須 or
任意 and gives its example, …) and the golden tree (golden/<id>/<page>.txt; UPDATE_GOLDEN=1 rewrites
them). On every step change: the focus on an answer of the new step, with a name, and the step
announced. At the end: the PDF read back with poppler.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from assistant.interview.address import with_addresses_filled
from assistant.interview.session import Session
from assistant.kinds import kind_of
from assistant.kinds.bank_account import ACCOUNT_TYPES
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog
from tests.a11y.test_procedure import pdftotext
from tests.a11y.tree import check_page, compare_with_golden, normalise
from tests.a11y.walk import Walk

pytestmark = pytest.mark.a11y

ROOT = Path(__file__).resolve().parents[2]
#: procedure → (what is typed in the search box, who applies on the "who" page)
CASES = {
    "jido_teate": ("児童手当", ""),
    "kaigo_nintei": ("介護", "applicant_household"),
    "tenshutsu": ("転出", ""),
    "risai_shomei": ("罹災", "applicant_household"),
    "sosaihi": ("葬祭費", ""),
    "inkan_toroku": ("印鑑登録", ""),
}
#: parts an address fills in from its postal code (waited for, not typed)
FILLED = ("prefecture", "city", "town")
#: what changes from day to day on the done page: the days left before a deadline
DAYS_LEFT = ((r"まで（[^）]*）。", "まで（<days left>）。"), (r"まで。今日が最後の日です。", "まで（<days left>）。"),
             (r"：最後の日は(.+?)で、もう過ぎています。", r"：\1まで（<days left>）。"))


def answers_of(procedure_id: str) -> dict:
    return json.loads((ROOT / "examples" / f"{procedure_id}_answers.json").read_text(encoding="utf-8"))


class Answerer:
    """Answers the questions of the page on screen through AT-SPI, from an answers file."""

    def __init__(self, reader, answers: dict) -> None:
        self.reader = reader
        self.answers = answers

    def field(self, field, raw, prefix: str = "") -> None:
        reader = self.reader
        if raw is None or raw == "" or raw == []:
            return
        if kind_of(field).container:
            for index, item in enumerate(raw):
                reader.press(f"add_{field.id}")
                sub_prefix = f"{field.id}{index}_"
                reader.wait_for(id_re=f"^{sub_prefix}(input|option)_", states=("focused",))
                for sub in field.fields:
                    if sub.id in item:
                        reader.wait_for(id_re=f"^{sub_prefix}(input|option|filter)_{sub.id}")
                        self.field(sub, item[sub.id], sub_prefix)
            return
        if field.kind == "pick_list":
            labels = {value: label for value, label, _hint in kind_of(field).options(field)}
            for value in raw if isinstance(raw, list) else [raw]:
                reader.type(f"{prefix}filter_{field.id}", labels[value])
                reader.key(f"{prefix}filter_{field.id}", "Down")
                reader.wait_for(f"{prefix}input_{field.id}", role="list", states=("focused",))
                reader.key(f"{prefix}input_{field.id}", "space", role="list")
                reader.wait_for(role="list item", name=labels[value], states=("selected",))
            return
        if kind_of(field).chosen:
            for value in raw if isinstance(raw, list) else [raw]:
                reader.check(f"{prefix}option_{field.id}_{str(value).lower()}")
            return
        if isinstance(raw, dict):
            for part, text in raw.items():
                name = f"{prefix}input_{field.id}_{part}"
                if field.kind == "bank_account" and part == "account_type":
                    # a list that cannot be typed into, reached with Tab from the box before it
                    # (Qt's combo box refuses AT-SPI grabFocus); the arrows move to the type
                    parts = kind_of(field).parts(field)
                    reader.key(f"{prefix}input_{field.id}_{parts[parts.index(part) - 1]}", "Tab")
                    reader.wait_for(name, states=("focused",))
                    reader.key(name, *["Down"] * (list(ACCOUNT_TYPES).index(text) + 1))
                    reader.wait_for(name, name_re=".", states=("focused",))
                elif kind_of(field).fills_from_postal_code and part in FILLED and raw.get("postal_code"):
                    reader.wait_for(name, text=text)
                elif text:
                    self.text(name, str(text))
            return
        self.text(f"{prefix}input_{field.id}", str(raw))

    def text(self, name: str, text: str) -> None:
        if self.reader.text(name) != text:
            self.reader.type(name, text)


def expected_path(procedure_id: str, answers: dict) -> tuple[Session, list]:
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get(procedure_id)
    session = Session(procedure, with_addresses_filled(procedure, answers))
    return session, session.visible_steps()


@pytest.mark.parametrize("procedure_id", sorted(CASES))
def test_every_step_through_atspi_to_the_pdf(app, procedure_id):
    search, applicant = CASES[procedure_id]
    answers = answers_of(procedure_id)
    session, steps = expected_path(procedure_id, answers)
    reader = app.reader
    seen: list[str] = []

    def on_page(page: str, frame_prefix: str) -> None:
        tree = reader.dump()
        problems = check_page(tree, frame_prefix=frame_prefix, procedure=procedure_id)
        assert not problems, f"{procedure_id} {page}: " + "\n".join(problems)
        text = normalise(tree, ((str(app.home), "<home>"), (r"\d{8}-\d{6}", "<time>"), *DAYS_LEFT))
        compare_with_golden(f"{procedure_id}/{page}", text)
        seen.append(page)

    walk = Walk(reader, on_page)
    answerer = Answerer(reader, answers)
    reader.listen("object:announcement")
    walk.begin(search, session.procedure.title, applicant)
    for n, step in enumerate(steps, start=1):
        focus = walk.arrive(n, step.id) if n == 1 else walk.next(n, step.id)
        assert focus["name"].strip(), f"{procedure_id} step {n}: the focus is on {focus['id']}, without a name"
        said = reader.wait_event("object:announcement", data_re=f"^ステップ {n}/")["data"]
        assert said == reader.frame()["name"], said
        for field in session.visible_fields(step):
            if field.id in answers:
                answerer.field(field, answers[field.id])
    walk.to_review(len(steps) + 1)
    walk.export()
    assert seen == ["who", *[f"step-{n}-{s.id}" for n, s in enumerate(steps, start=1)], "review", "done"]

    folder = Path(reader.text("export_folder"))
    text = pdftotext(folder / f"{procedure_id}.pdf").replace(" ", "")
    names = [v for v in answers.values() if isinstance(v, dict) and "family" in v]
    for name in names:
        assert name["family"] + name["given"] in text, (name, text[:500])
