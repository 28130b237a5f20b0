"""AES-256-GCM for drafts and the profile: one small, versioned file format.

A sealed blob is ``header || ciphertext || tag``:

======  =====  ===================================================
offset  bytes  meaning
======  =====  ===================================================
0       4      magic ``b"TZKD"`` (Tetsuzuki draft)
4       1      format version (1)
5       1      algorithm (1 = AES-256-GCM)
6       12     nonce, random for every write
18      n      ciphertext
18+n    16     GCM tag
======  =====  ===================================================

The whole 18-byte header plus a caller's *context* (e.g. ``b"draft:<id>:<generation>"``) is the
associated data, so a changed header, a file renamed to another draft or generation, a truncated
or bit-flipped file, and a wrong key all fail the same way: `DamagedError`. GCM cannot tell a
wrong key from damage; `keys` keeps a check value to tell the person "wrong PIN" instead.
"""

from __future__ import annotations

import os

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

MAGIC = b"TZKD"
FORMAT_VERSION = 1
ALGORITHM_AES256_GCM = 1
NONCE_SIZE = 12
TAG_SIZE = 16
KEY_SIZE = 32
HEADER_SIZE = len(MAGIC) + 2 + NONCE_SIZE
OVERHEAD = HEADER_SIZE + TAG_SIZE


class DamagedError(Exception):
    """The blob cannot be opened: wrong key, tampered, truncated or not ours.

    The message names the kind of problem only, never any content.
    """


class UnsupportedFormatError(DamagedError):
    """The blob was written by a newer version of the application (unknown format or algorithm)."""


def new_key() -> bytes:
    """A fresh random 256-bit key."""
    return AESGCM.generate_key(bit_length=256)


def _check_key(key: bytes) -> None:
    if not isinstance(key, bytes | bytearray) or len(key) != KEY_SIZE:
        raise ValueError("the key must be 32 bytes")


def seal(key: bytes, plaintext: bytes, context: bytes = b"") -> bytes:
    """Encrypt and authenticate `plaintext`; `context` must be given again to open it."""
    _check_key(key)
    header = MAGIC + bytes((FORMAT_VERSION, ALGORITHM_AES256_GCM)) + os.urandom(NONCE_SIZE)
    return header + AESGCM(key).encrypt(header[-NONCE_SIZE:], plaintext, header + context)


def open_sealed(key: bytes, blob: bytes, context: bytes = b"") -> bytes:
    """The plaintext of a blob made by `seal` with the same key and context.

    Raises `DamagedError` (or its subclass `UnsupportedFormatError`) for anything else.
    """
    _check_key(key)
    if len(blob) < OVERHEAD:
        raise DamagedError("truncated")
    if blob[:len(MAGIC)] != MAGIC:
        raise DamagedError("not a draft file")
    version, algorithm = blob[len(MAGIC)], blob[len(MAGIC) + 1]
    if version != FORMAT_VERSION or algorithm != ALGORITHM_AES256_GCM:
        raise UnsupportedFormatError(f"format {version}, algorithm {algorithm}")
    header = blob[:HEADER_SIZE]
    try:
        return AESGCM(key).decrypt(header[-NONCE_SIZE:], blob[HEADER_SIZE:], header + context)
    except InvalidTag:
        raise DamagedError("authentication failed (wrong key, damaged or changed)") from None
