"""Everything exported for one procedure, written into one new folder."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from assistant.export.data import build_record
from assistant.export.pdf import render_pdf
from assistant.interview.session import FieldError, Session


class IncompleteError(Exception):
    """The interview still has unanswered or invalid questions."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(f"{len(errors)} answer(s) missing or invalid")
        self.errors = errors


@dataclass(frozen=True)
class ExportResult:
    folder: Path
    pdf: Path
    json: Path
    #: characters no installed font could draw: the person must write them on the paper by hand
    missing: frozenset[str] = frozenset()


def export_package(session: Session, out_dir: Path, created: dt.datetime | None = None) -> ExportResult:
    """Check completeness, then write the PDF and the JSON into a new folder under `out_dir`.

    Folder and file names carry the procedure id and the time, never personal data.
    """
    errors = session.missing()
    if errors:
        raise IncompleteError(errors)
    created = created or dt.datetime.now().astimezone()
    folder = out_dir / f"{session.procedure.id}-{created:%Y%m%d-%H%M%S}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = out_dir / f"{session.procedure.id}-{created:%Y%m%d-%H%M%S}-{suffix}"
    folder.mkdir(parents=True, mode=0o700)
    pdf = render_pdf(session, folder / f"{session.procedure.id}.pdf", created)
    data = folder / f"{session.procedure.id}.json"
    data.write_text(json.dumps(build_record(session, created), ensure_ascii=False, indent=2) + "\n",
                    encoding="utf-8")
    return ExportResult(folder, pdf.path, data, frozenset(pdf.missing))
