"""A QR code of the exported record, for the counter to scan instead of retyping the answers.

It holds compact JSON: the procedure's id and version and the answers exactly as in the exported
JSON file (normalised), UTF-8 in byte mode with an ECI header saying so (readers in Japan otherwise
often assume Shift_JIS), error correction M.

The code is printed about 30 mm wide (pdf.QR_SIZE_MM). Above version 25 (about 1,000 bytes at
level M) its modules get too small to be read from paper at that size, so a larger record gets no
code at all rather than one nobody can scan: `write_qr` then returns None.
"""

from __future__ import annotations

import json
from pathlib import Path

import segno
from segno import DataOverflowError

from assistant.interview.record import Record

FORMAT = "tetsuzuki-qr/1"
ERROR = "m"
MAX_VERSION = 25    # 117 modules + quiet zone in 30 mm: decoded from a 200 dpi scan (tests/core/test_export_qr.py)
SCALE = 4           # pixels per module in the PNG


def qr_content(record: Record) -> str:
    """The compact JSON put in the code: the answers as the JSON file has them (Record.answers)."""
    procedure = record.procedure
    data = {"format": FORMAT, "procedure": {"id": procedure.id, "version": procedure.version},
            "answers": record.answers()}
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def make_qr(record: Record) -> segno.QRCode | None:
    """The QR code of `record`, or None when it would be too large to read at the printed size."""
    try:
        code = segno.make(qr_content(record), error=ERROR, boost_error=False, micro=False, eci=True)
    except DataOverflowError:
        return None
    return code if code.version <= MAX_VERSION else None


def write_qr(record: Record, path: Path) -> Path | None:
    """Write the code of `record` as a PNG at `path`; None (and no file) when it does not fit."""
    code = make_qr(record)
    if code is None:
        return None
    code.save(str(path), kind="png", scale=SCALE, border=4)
    return path
