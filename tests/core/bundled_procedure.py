"""Shared steps of the bundled procedures' tests: load, lint, a session on the example answers, the
CLI export read back from its files (PDF through poppler's pdftotext, JSON as written)."""

from __future__ import annotations

import json
from typing import Any


from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures import model as m
from assistant.procedures.lint import lint_files
from assistant.procedures.loader import load_file
from tests.conftest import ROOT
from tests.core.test_cli import tetsuzuki
from tests.core.test_export import pdftotext

def path_of(procedure_id: str):
    return BUNDLED_PROCEDURES / f"{procedure_id}.yaml"


def definition(procedure_id: str) -> m.Procedure:
    procedure, errors = load_file(path_of(procedure_id))
    assert errors == [] and procedure is not None, [str(e) for e in errors]
    return procedure


def lint(procedure_id: str) -> list[str]:
    return [str(finding) for finding in lint_files([path_of(procedure_id)])]


def example_answers(procedure_id: str) -> dict[str, Any]:
    return json.loads((ROOT / "examples" / f"{procedure_id}_answers.json").read_text(encoding="utf-8"))


def session(procedure_id: str, **changes: Any) -> Session:
    """A session on the example answers with `changes` (a value of None removes the answer)."""
    answers = example_answers(procedure_id)
    for field_id, raw in changes.items():
        if raw is None:
            answers.pop(field_id, None)
        else:
            answers[field_id] = raw
    return Session(definition(procedure_id), answers)


def steps(session: Session) -> list[str]:
    return [step.id for step in session.visible_steps()]


def shown(session: Session) -> set[str]:
    """Ids of the top-level questions the person is asked."""
    return {field.id for step in session.visible_steps() for field in session.visible_fields(step)}


def needed(session: Session) -> set[str]:
    return {attachment.id for attachment in session.needed_attachments()}


def omitted(session: Session) -> set[str]:
    """Attachments that would be needed but may be left out (their `omit_when` holds)."""
    return {a.id for a in session.procedure.attachments
            if (a.needed_when is None or a.needed_when.holds(session.value))
            and a.omit_when is not None and a.omit_when.holds(session.value)}


def deadlines(session: Session) -> set[str]:
    """Ids of the computed deadlines that apply to these answers."""
    return {d.id for d in session.procedure.deadlines if d.when is None or d.when.holds(session.value)}


def export(procedure_id: str, tmp_path, answers: dict[str, Any] | None = None) -> tuple[str, dict[str, Any]]:
    """Run `python -m assistant export` on the answers; return the form's text and the JSON record."""
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers or example_answers(procedure_id), ensure_ascii=False), encoding="utf-8")
    out = tmp_path / "out"
    result = tetsuzuki("export", "--procedure", procedure_id, "--answers", str(file), "--out", str(out),
                       home=tmp_path / "home")
    assert result.returncode == 0, result.stderr
    [folder] = out.iterdir()
    [data] = folder.glob(f"{procedure_id}.json")
    return pdftotext(folder / f"{procedure_id}.pdf"), json.loads(data.read_text(encoding="utf-8"))


def squares(pdf_path) -> list[float]:
    """Sides (mm) of the squares drawn on the pages of a PDF written by fpdf2 (e.g. a seal box):
    the `re` operators of its content streams whose width equals their height."""
    import re
    import zlib

    data = pdf_path.read_bytes()
    found = []
    for stream in re.findall(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            text = zlib.decompress(stream).decode("latin-1")
        except zlib.error:
            continue
        for w, h in re.findall(r"[-\d.]+ [-\d.]+ ([-\d.]+) ([-\d.]+) re", text):
            if abs(abs(float(w)) - abs(float(h))) < 0.01:
                found.append(round(abs(float(w)) * 25.4 / 72, 1))
    return found
