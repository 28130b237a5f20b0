"""Everything exported for one procedure, written into one new folder."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from pathlib import Path

from assistant.export.data import build_record
from assistant.export.outputs import ExportError, publish, staged_file, staging_folder  # noqa: F401
from assistant.export.pdf import render_pdf
from assistant.export.proxy_letter import needs_power_of_attorney, render_power_of_attorney
from assistant.export.qr import write_qr
from assistant.export.summary import render_copy
from assistant.i18n import _, current_language
from assistant.interview.assisted import Assistance
from assistant.interview.record import Record
from assistant.interview.session import FieldError, Session


class IncompleteError(Exception):
    """The interview still has unanswered or invalid questions."""

    def __init__(self, errors: list[FieldError]) -> None:
        super().__init__(f"{len(errors)} answer(s) missing or invalid")
        self.errors = errors


def failure_message(error: BaseException, folder: Path) -> str:
    """What the window says when an export fails: the answer to correct (it cannot be printed as it
    is), the disk's problem, or — for anything else — that nothing entered is lost."""
    if isinstance(error, IncompleteError) and error.errors:
        first = error.errors[0]
        return _("“{question}” cannot be put on the form as it is: {problem} Press Change next to it to "
                 "correct it; nothing you entered is lost.").format(question=first.label, problem=first.message)
    if isinstance(error, ExportError):
        return error.message
    return _("The files could not be created. Nothing you entered is lost. "
             "Check that the folder {folder} can be written to, then try again.").format(folder=folder)


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

    Every answer has been checked (session.missing(): types, lengths, characters, fonts) before
    anything is written. The files are written into a hidden temporary folder beside the
    destination, synced to disk and only then renamed to their final name (outputs.py), so a full
    or read-only disk leaves no partial file under a final name: ExportError says what happened.
    """
    language = current_language()   # now: the person may switch languages while the files are written
    errors = session.missing()
    if errors:
        raise IncompleteError(errors)
    created = created or dt.datetime.now().astimezone()
    name = session.procedure.id
    answers = Record.of(session, language)   # read once: every file below says the same
    with staging_folder(out_dir) as staging:
        record = build_record(session, created, assistance, answers)
        qr = write_qr(answers, staging / f"{name}.qr.png")
        pdf = render_pdf(session, staging / f"{name}.pdf", created, assistance, qr, answers)
        data = staging / f"{name}.json"
        data.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        letter = None
        if needs_power_of_attorney(session, assistance):
            letter = render_power_of_attorney(session, staging / f"{name}.power_of_attorney.pdf", created,
                                              assistance)
        folder = publish(staging, out_dir, f"{name}-{created:%Y%m%d-%H%M%S}")

    def moved(path: Path | None) -> Path | None:
        return None if path is None else folder / path.name

    result = ExportResult(folder, folder / pdf.path.name, folder / data.name, frozenset(pdf.missing),
                          moved(letter), moved(qr))
    return add_copy(session, result, language, assistance, created) if with_copy else result


def add_copy(session: Session, result: ExportResult, language: str, assistance: Assistance | None = None,
             created: dt.datetime | None = None) -> ExportResult:
    """Write the person's copy, in `language`, into the package's folder (under a temporary name
    first, renamed once complete: ExportError when the disk refuses)."""
    created = created or dt.datetime.now().astimezone()
    final = result.folder / f"{session.procedure.id}.copy-{language}.pdf"
    with staged_file(final) as partial:
        render_copy(session, partial, created, language, assistance,
                    power_of_attorney=result.power_of_attorney is not None)
    return dataclasses.replace(result, copy=final)
