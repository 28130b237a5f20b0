"""Which key protects a drafts folder, and what to ask the person when it is not ready.

A small, non-secret ``keyinfo.json`` beside the drafts says which source protects them, so the
next start asks for the right thing and never silently makes a new key that would orphan the
existing drafts. It holds the source, the keyring entry's name or the scrypt salt and
parameters, and a check value (a sealed constant) that tells a wrong PIN from damaged drafts.

Everything here may wait for the keyring or run scrypt: call it off the UI thread.
"""

from __future__ import annotations

import base64
import json
import logging
import secrets
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.drafts.crypto import OVERHEAD, DamagedError, new_key, open_sealed, seal
from assistant.disk import atomic_create, atomic_write, ensure_private_folder, read_bounded
from assistant.drafts.keys import (SERVICE, KeyringKeySource, KeySource, KeyUnavailableError, PassphraseKeySource,
                                   ScryptParams, check_keyring)
from assistant.i18n import N_, _, ngettext

if TYPE_CHECKING:
    import keyring.backend

log = logging.getLogger(__name__)

KEY_INFO = "keyinfo.json"
KEY_INFO_MAX = 64 * 1024          # the real one is ~400 bytes
_TEMP = ".tmp-keyinfo."
_USERNAME = re.compile(r"^drafts-[0-9a-f]{16}$")
MIN_PASSPHRASE = 4
_CHECK_PLAINTEXT = b"tetsuzuki key check"
_CHECK_CONTEXT = b"tetsuzuki:keycheck"


class WrongPassphraseError(Exception):
    """The PIN or passphrase does not open these drafts."""


class KeyInfoDamagedError(ValueError):
    """keyinfo.json is there but is not valid key information (damaged, changed, not ours)."""

    def __init__(self, why: str) -> None:
        super().__init__(f"damaged key information: {why}")   # the kind of damage, never content

    @property
    def message(self) -> str:
        return reason_message("key_info_damaged")


class PassphraseTooShortError(ValueError):
    """The chosen PIN or passphrase is shorter than `MIN_PASSPHRASE` characters."""


READY, CHOOSE_PASSPHRASE, ENTER_PASSPHRASE, UNAVAILABLE = "ready", "choose_passphrase", "enter_passphrase", "unavailable"


@dataclass(frozen=True)
class KeyChoice:
    """What `choose_key_source` found: a ready source, or what to ask the person, and why."""

    action: str                   # READY, CHOOSE_PASSPHRASE, ENTER_PASSPHRASE or UNAVAILABLE
    reason: str
    source: KeySource | None = None

    @property
    def message(self) -> str:
        """A plain sentence for the person, in the current language ("" when nothing to say)."""
        return reason_message(self.reason)


#: why a key choice needs the person, in plain words (marked here, translated when shown)
REASON_MESSAGES = {
    # i18n: "keyring" is the operating system's password store; "PIN" a short number the person chooses.
    "no_keyring": N_(
        "This computer has no safe place to keep the key that protects your drafts, "
        "so please choose a PIN or passphrase. You will need it to open your drafts again."),
    "insecure_keyring": N_(
        "This computer's keyring would keep the key to your drafts in a file without protection, "
        "so please choose a PIN or passphrase instead. You will need it to open your drafts again."),
    "untrusted_keyring": N_(
        "This computer's keyring is not one known to keep the key to your drafts encrypted, "
        "so please choose a PIN or passphrase instead. You will need it to open your drafts again."),
    "keyring_error": N_(
        "This computer's keyring is locked or not responding, so please choose a PIN or "
        "passphrase to protect your drafts. You will need it to open your drafts again."),
    "shared_pc": N_(
        "On a shared computer, your draft is protected with a PIN or passphrase that only you "
        "know. Choose one now; you will need it to open your draft again."),
    "passphrase": N_(
        "Enter the PIN or passphrase you chose to open your saved drafts."),
    "keyring_unavailable": N_(
        "Your saved drafts are protected by this computer's keyring, which is locked or not "
        "responding. Unlock it (for example by signing in again) and try again."),
    "key_missing": N_(
        "The key to your saved drafts is no longer in this computer's keyring, so they cannot be "
        "opened. You can delete them and start again."),
    "shared_pc_keyring": N_(
        "The drafts on this computer were saved without a PIN, so they cannot be opened in "
        "shared-computer mode."),
    "key_info_damaged": N_(
        "The information needed to open your saved drafts is damaged, so they cannot be opened. "
        "You can delete them and start again."),
}


def reason_message(reason: str) -> str:
    """The plain explanation for a `KeyChoice.reason`, translated now (call again on language change)."""
    message = REASON_MESSAGES.get(reason)
    return _(message) if message else ""


def wrong_passphrase_message() -> str:
    return _("That PIN or passphrase does not open your saved drafts. Please try again.")


def too_short_message() -> str:
    return ngettext("Choose a PIN or passphrase of at least {count} character.",
                    "Choose a PIN or passphrase of at least {count} characters.",
                    MIN_PASSPHRASE).format(count=MIN_PASSPHRASE)


def read_key_info(folder: Path) -> dict[str, Any] | None:
    """The folder's key information, None when there is none; `KeyInfoDamagedError` when it is
    damaged: not a small regular file (a link, FIFO, device or huge file is refused unread), not
    JSON, nested too deeply, or missing or malformed fields."""
    try:
        raw = read_bounded(folder / KEY_INFO, KEY_INFO_MAX)
    except FileNotFoundError:
        return None
    except OSError as error:
        raise KeyInfoDamagedError(type(error).__name__) from None
    try:
        info = json.loads(raw.decode("utf-8"))
    except (ValueError, RecursionError):
        raise KeyInfoDamagedError("not JSON") from None
    _validate(info)
    return info


def _validate(info: Any) -> None:
    if not isinstance(info, dict) or info.get("format") != 1 or info.get("source") not in ("keyring", "passphrase"):
        raise KeyInfoDamagedError("unknown format")
    if len(_b64(info.get("check"), "check")) < OVERHEAD:
        raise KeyInfoDamagedError("check value")
    if info["source"] == "keyring":
        if not (isinstance(info.get("username"), str) and _USERNAME.match(info["username"])
                and isinstance(info.get("service", SERVICE), str)):
            raise KeyInfoDamagedError("keyring entry")
        return
    numbers = [info.get(name) for name in ("n", "r", "p")]
    if info.get("kdf") != "scrypt" or not all(type(number) is int for number in numbers):
        raise KeyInfoDamagedError("kdf")
    try:
        ScryptParams(*numbers).check()
    except ValueError:
        raise KeyInfoDamagedError("scrypt parameters") from None
    if len(_b64(info.get("salt"), "salt")) < 16:
        raise KeyInfoDamagedError("salt")


def _b64(value: Any, what: str) -> bytes:
    if not isinstance(value, str) or len(value) > 4096:
        raise KeyInfoDamagedError(what)
    try:
        return base64.b64decode(value, validate=True)
    except ValueError:
        raise KeyInfoDamagedError(what) from None


def _write_key_info(folder: Path, info: dict[str, Any]) -> None:
    ensure_private_folder(folder)
    atomic_write(folder, KEY_INFO, json.dumps(info, indent=1).encode("utf-8"), temp_prefix=_TEMP)


def _create_key_info(folder: Path, info: dict[str, Any]) -> bool:
    """Write the key information only if there is none; False when another process was first."""
    ensure_private_folder(folder)
    return atomic_create(folder, KEY_INFO, json.dumps(info, indent=1).encode("utf-8"), temp_prefix=_TEMP)


def _check_value(key: bytes) -> str:
    return base64.b64encode(seal(key, _CHECK_PLAINTEXT, _CHECK_CONTEXT)).decode("ascii")


def _key_matches(key: bytes, info: dict[str, Any]) -> bool:
    try:
        return open_sealed(key, base64.b64decode(info["check"]), _CHECK_CONTEXT) == _CHECK_PLAINTEXT
    except (DamagedError, KeyError, ValueError, TypeError):
        return False


def choose_key_source(folder: Path, *, backend: keyring.backend.KeyringBackend | None = None,
                      shared_pc: bool = False) -> KeyChoice:
    """Decide how the drafts in `folder` are protected. Never raises; slow: not on the UI thread.

    - drafts protected by the keyring: fetch the key (READY), or say why not (UNAVAILABLE);
    - drafts protected by a passphrase: ENTER_PASSPHRASE, then `open_passphrase_key`;
    - no drafts yet: a new random key in the keyring when it is usable (READY), otherwise
      CHOOSE_PASSPHRASE with the reason, then `create_passphrase_key`. On a shared PC the
      keyring belongs to the computer's account, not to the resident: always a passphrase.
    """
    try:
        info = read_key_info(folder)
    except (OSError, ValueError):
        return KeyChoice(UNAVAILABLE, "key_info_damaged")
    if info is not None and info["source"] == "passphrase":
        return KeyChoice(ENTER_PASSPHRASE, "passphrase")
    if info is not None:
        if shared_pc:
            return KeyChoice(UNAVAILABLE, "shared_pc_keyring")
        return _existing_keyring_key(info, backend)
    if shared_pc:
        return KeyChoice(CHOOSE_PASSPHRASE, "shared_pc")
    check = check_keyring(backend)
    if not check.usable:
        return KeyChoice(CHOOSE_PASSPHRASE, check.reason)
    source = KeyringKeySource(check.backend, f"drafts-{secrets.token_hex(8)}")
    key = new_key()
    try:
        source.store(key)
        created = _create_key_info(folder, {"format": 1, "source": "keyring", "service": source.service,
                                            "username": source.username, "check": _check_value(key)})
    except Exception as error:  # noqa: BLE001 - keyring or disk failure: fall back to a passphrase
        log.info("new keyring key not stored: %s", type(error).__name__)
        source.forget()
        return KeyChoice(CHOOSE_PASSPHRASE, "keyring_error")
    if not created:
        # Another copy of the app, started at the same moment, made the folder's key first: use
        # that one (its key info names it), so both copies open every draft.
        log.info("another process created the drafts key first; using it")
        source.forget()
        return choose_key_source(folder, backend=backend, shared_pc=shared_pc)
    return KeyChoice(READY, "keyring_new", source)


def _existing_keyring_key(info: dict[str, Any], backend: keyring.backend.KeyringBackend | None) -> KeyChoice:
    check = check_keyring(backend, probe=False)
    if not check.usable:
        return KeyChoice(UNAVAILABLE, "keyring_unavailable")
    source = KeyringKeySource(check.backend, str(info.get("username", "")), str(info.get("service", SERVICE)))
    try:
        key = source.key()
    except KeyUnavailableError as error:
        return KeyChoice(UNAVAILABLE, "key_missing" if str(error) in ("missing", "malformed") else "keyring_unavailable")
    if not _key_matches(key, info):
        return KeyChoice(UNAVAILABLE, "key_missing")
    return KeyChoice(READY, "keyring", source)


def create_passphrase_key(folder: Path, passphrase: str, *, params: ScryptParams = ScryptParams(),
                          replace: bool = False) -> PassphraseKeySource:
    """Protect the drafts in `folder` with a new PIN/passphrase (salt and parameters saved beside them).

    Refuses to replace existing key information unless `replace` (old drafts would become
    unreadable; call `forget_key_info` first to also delete a keyring entry).
    """
    if len(unicodedata.normalize("NFKC", passphrase)) < MIN_PASSPHRASE:
        raise PassphraseTooShortError(too_short_message())
    if not replace and (folder / KEY_INFO).exists():
        raise FileExistsError("these drafts already have a key")
    salt = secrets.token_bytes(16)
    key = PassphraseKeySource.derive(passphrase, salt, params.check())
    info = {"format": 1, "source": "passphrase", "kdf": "scrypt", "n": params.n, "r": params.r,
            "p": params.p, "salt": base64.b64encode(salt).decode("ascii"), "check": _check_value(key)}
    if replace:
        _write_key_info(folder, info)
    elif not _create_key_info(folder, info):
        # Another process chose a PIN at the same moment: the same PIN opens its key; else refuse.
        try:
            return open_passphrase_key(folder, passphrase)
        except (WrongPassphraseError, ValueError):
            raise FileExistsError("these drafts already have a key") from None
    return PassphraseKeySource(key)


def open_passphrase_key(folder: Path, passphrase: str) -> PassphraseKeySource:
    """The key for drafts protected by a passphrase; `WrongPassphraseError` if it does not match."""
    info = read_key_info(folder)      # KeyInfoDamagedError: damage is never reported as a wrong PIN
    if info is None or info["source"] != "passphrase":
        raise ValueError("these drafts are not protected by a passphrase")
    params = ScryptParams(info["n"], info["r"], info["p"])
    salt = base64.b64decode(info["salt"], validate=True)
    key = PassphraseKeySource.derive(passphrase, salt, params)
    if not _key_matches(key, info):
        raise WrongPassphraseError(wrong_passphrase_message())
    return PassphraseKeySource(key)


def forget_key_info(folder: Path, backend: keyring.backend.KeyringBackend | None = None) -> bool:
    """Delete the folder's keyring entry (if any) and key information: leftover copies become unreadable."""
    try:
        info = read_key_info(folder)
    except (OSError, ValueError):
        info = None
    if info is not None and info["source"] == "keyring":
        check = check_keyring(backend, probe=False)
        if check.backend is not None:
            KeyringKeySource(check.backend, str(info.get("username", "")), str(info.get("service", SERVICE))).forget()
    try:
        (folder / KEY_INFO).unlink()
    except FileNotFoundError:
        return False
    return True
