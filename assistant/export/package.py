"""Everything exported for one procedure, written into one new folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from assistant.export.data import build_record
from assistant.export.pdf import render_pdf
from assistant.export.proxy_letter import needs_power_of_attorney, render_power_of_attorney
from assistant.export.qr import write_qr
from assistant.export.summary import render_copy
from assistant.i18n import current_language
from assistant.interview.assisted import Assistance
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
    #: the 委任状 for the resident to sign, when a representative applies; else None
    power_of_attorney: Path | None = None
    #: PNG of the QR code also printed on the form; None when the answers are too long for one
    #: that can be read from paper (qr.MAX_VERSION): the counter then types them from the form
    qr: Path | None = None
    #: the person's own copy in the interface language at export time (summary.py): to keep, not to hand in
    copy: Path | None = None


def export_package(session: Session, out_dir: Path, created: dt.datetime | None = None,
                   assistance: Assistance | None = None, *, with_copy: bool = True) -> ExportResult:
    """Check completeness, then write the PDF, the JSON, the QR code, when a representative
    applies the 委任状, and the person's own copy in the interface language into a new folder
    under `out_dir`.

    `assistance` (who filled in) goes into the JSON as "filled_by" and onto the form as one line
    at the foot, when someone helped. Folder and file names carry the procedure id and the time,
    never personal data. With `with_copy=False` the copy is left for `add_copy` (the window shows
    the form first: the copy is one more PDF, ~0.2 s).
    """
    language = current_language()   # now: the person may switch languages while the files are written
    errors = session.missing()
    if errors:
        raise IncompleteError(errors)
    created = created or dt.datetime.now().astimezone()
    folder = _new_folder(out_dir, session.procedure.id, created)
    name = session.procedure.id
    record = build_record(session, created, assistance)
    qr = write_qr(record, folder / f"{name}.qr.png")
    pdf = render_pdf(session, folder / f"{name}.pdf", created, assistance, qr)
    data = folder / f"{name}.json"
    data.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    letter = None
    if needs_power_of_attorney(session, assistance):
        letter = render_power_of_attorney(session, folder / f"{name}.power_of_attorney.pdf", created, assistance)
    result = ExportResult(folder, pdf.path, data, frozenset(pdf.missing), letter, qr)
    return add_copy(session, result, language, assistance, created) if with_copy else result


def add_copy(session: Session, result: ExportResult, language: str, assistance: Assistance | None = None,
             created: dt.datetime | None = None) -> ExportResult:
    """Write the person's own copy, in `language`, into the package's folder."""
    created = created or dt.datetime.now().astimezone()
    copy = render_copy(session, result.folder / f"{session.procedure.id}.copy-{language}.pdf", created, language,
                       assistance, power_of_attorney=result.power_of_attorney is not None)
    return dataclasses.replace(result, copy=copy)


def _new_folder(out_dir: Path, procedure_id: str, created: dt.datetime) -> Path:
    folder = out_dir / f"{procedure_id}-{created:%Y%m%d-%H%M%S}"
    suffix = 1
    while folder.exists():
        suffix += 1
        folder = out_dir / f"{procedure_id}-{created:%Y%m%d-%H%M%S}-{suffix}"
    folder.mkdir(parents=True, mode=0o700)
    return folder
