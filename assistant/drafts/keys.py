"""Where the drafts' key comes from: the OS keyring, a PIN/passphrase, or memory (tests).

The preferred source is a random 256-bit key kept in the operating system's keyring. Only the
backends known to keep secrets encrypted are trusted (an allow-list, `TRUSTED_BACKENDS`: Secret
Service and libsecret, KWallet, macOS Keychain, Windows Credential Locker); `check_keyring`
refuses every other one — the "fail"/"null" backends (no keyring), ``keyrings.alt`` and any
unknown third-party backend (the key could sit in clear text, or a console prompt block the
app), a chainer whose stores are all untrusted — and a trusted one whose probe (store, read
back, delete a random value) raises (locked, no D-Bus) or gives something else. Then the key is
derived from a PIN or passphrase with scrypt, and the person is told why.
`unlock` decides which source a drafts folder uses.

Keyring and scrypt calls take from milliseconds to a second: call them off the UI thread.
"""

from __future__ import annotations

import base64
import logging
import secrets
import unicodedata
from abc import ABC, abstractmethod
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from assistant.drafts.crypto import KEY_SIZE, new_key

if TYPE_CHECKING:
    import keyring.backend

# `keyring` itself is imported where it is used: it costs ~30 ms, which start-up need not pay.

log = logging.getLogger(__name__)

SERVICE = "tetsuzuki-assistant"


class KeyUnavailableError(Exception):
    """The key cannot be had now (keyring locked or unreachable, entry missing)."""


class KeySource(ABC):
    """Gives the 32-byte key for a drafts folder."""

    kind: ClassVar[str]

    @abstractmethod
    def key(self) -> bytes:
        """The key; raises `KeyUnavailableError` when it cannot be had."""

    def forget(self) -> None:
        """Destroy what this source keeps of the key (wipe: old files then cannot be read)."""


class MemoryKeySource(KeySource):
    """A key held in memory only (tests; a session that writes nothing)."""

    kind = "memory"

    def __init__(self, key: bytes | None = None) -> None:
        self._key: bytes | None = key if key is not None else new_key()

    def key(self) -> bytes:
        if self._key is None:
            raise KeyUnavailableError("forgotten")
        return self._key

    def forget(self) -> None:
        self._key = None


class KeyringKeySource(KeySource):
    """A random key stored (base64) in an OS keyring entry; read once, then kept in memory."""

    kind = "keyring"

    def __init__(self, backend: keyring.backend.KeyringBackend, username: str, service: str = SERVICE) -> None:
        self.backend = backend
        self.service = service
        self.username = username
        self._key: bytes | None = None

    def key(self) -> bytes:
        if self._key is None:
            try:
                stored = self.backend.get_password(self.service, self.username)
            except Exception as error:  # noqa: BLE001 - any backend failure means "not now"
                raise KeyUnavailableError(type(error).__name__) from None
            if stored is None:
                raise KeyUnavailableError("missing")
            try:
                key = base64.b64decode(stored, validate=True)
            except ValueError:
                raise KeyUnavailableError("malformed") from None
            if len(key) != KEY_SIZE:
                raise KeyUnavailableError("malformed")
            self._key = key
        return self._key

    def store(self, key: bytes) -> None:
        """Put `key` into the keyring and read it back; raises if the keyring does not keep it."""
        self.backend.set_password(self.service, self.username, base64.b64encode(key).decode("ascii"))
        self._key = None
        if self.key() != key:
            raise KeyUnavailableError("read back differs")

    def forget(self) -> None:
        self._key = None
        try:
            self.backend.delete_password(self.service, self.username)
        except Exception as error:  # noqa: BLE001 - already gone, or keyring unreachable
            log.info("keyring entry not deleted: %s", type(error).__name__)


@dataclass(frozen=True)
class ScryptParams:
    """scrypt cost: n=2**17, r=8 uses 128 MiB and about 0.3 s on a 2020s PC (OWASP's minimum)."""

    n: int = 2**17
    r: int = 8
    p: int = 1

    def check(self) -> ScryptParams:
        # Bounds also stop a tampered keyinfo.json from asking for gigabytes of memory.
        if not (2**14 <= self.n <= 2**20 and self.n & (self.n - 1) == 0 and 8 <= self.r <= 32
                and 1 <= self.p <= 16):
            raise ValueError("scrypt parameters out of range")
        return self


class PassphraseKeySource(MemoryKeySource):
    """A key derived from the person's PIN or passphrase (kept in memory while the app runs)."""

    kind = "passphrase"

    def __init__(self, key: bytes) -> None:
        super().__init__(key)

    @staticmethod
    def derive(passphrase: str, salt: bytes, params: ScryptParams) -> bytes:
        """scrypt of the NFKC form, so a PIN typed with full-width digits (IME on) still opens."""
        params.check()
        normalised = unicodedata.normalize("NFKC", passphrase).encode("utf-8")
        return Scrypt(salt=salt, length=KEY_SIZE, n=params.n, r=params.r, p=params.p).derive(normalised)


# --- is the OS keyring usable? -------------------------------------------------------------------

@dataclass(frozen=True)
class KeyringCheck:
    """Whether a keyring may hold the key; `backend` is the concrete store to use when it may."""

    usable: bool
    reason: str                       # "ok", "no_keyring", "insecure_keyring", "untrusted_keyring", "keyring_error"
    backend: keyring.backend.KeyringBackend | None = None
    backend_name: str = ""            # module.class, for logs (never a secret)


def _name(backend: object) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


#: keyring backends (module.class, exactly: a subclass is someone else's code) that encrypt secrets
TRUSTED_BACKENDS = frozenset({
    "keyring.backends.SecretService.Keyring",      # GNOME Keyring, KeePassXC … over D-Bus
    "keyring.backends.libsecret.Keyring",          # the same service through libsecret
    "keyring.backends.kwallet.DBusKeyring",
    "keyring.backends.kwallet.DBusKeyringKWallet4",
    "keyring.backends.macOS.Keyring",
    "keyring.backends.Windows.WinVaultKeyring",    # Windows Credential Locker
})


def _refusal(backend: keyring.backend.KeyringBackend, trusted: frozenset[str]) -> str | None:
    from keyring.backends import fail, null

    if isinstance(backend, fail.Keyring | null.Keyring):
        return "no_keyring"
    if _name(backend) in trusted:
        return None
    if type(backend).__module__.startswith("keyrings.alt") or hasattr(backend, "file_path"):
        return "insecure_keyring"     # known to keep secrets in a file
    return "untrusted_keyring"        # not known to encrypt: not trusted either


def _candidates(backend: keyring.backend.KeyringBackend) -> list[keyring.backend.KeyringBackend]:
    from keyring.backends import chainer

    # The chainer would fall through to a plaintext backend when the real one fails: unwrap it.
    if isinstance(backend, chainer.ChainerBackend):
        return list(backend.backends)
    return [backend]


def check_keyring(backend: keyring.backend.KeyringBackend | None = None, *, probe: bool = True,
                  trusted: frozenset[str] | None = None) -> KeyringCheck:
    """Pick the first trusted store of `backend` (default: keyring's own choice) and probe it.

    `trusted` (module.class names) defaults to `TRUSTED_BACKENDS`; tests add their fakes to it.
    """
    import keyring

    try:
        backend = backend if backend is not None else keyring.get_keyring()
        candidates = _candidates(backend)
    except Exception as error:  # noqa: BLE001 - a broken keyring installation is "no keyring"
        log.info("keyring not available: %s", type(error).__name__)
        return KeyringCheck(False, "no_keyring")
    refusals = [_refusal(c, TRUSTED_BACKENDS if trusted is None else trusted) for c in candidates]
    chosen = next((c for c, r in zip(candidates, refusals) if r is None), None)
    if chosen is None:
        reason = next((r for r in ("insecure_keyring", "untrusted_keyring") if r in refusals), "no_keyring")
        log.info("keyring refused (%s): %s", reason, ", ".join(map(_name, candidates)) or "none")
        return KeyringCheck(False, reason, None, _name(backend))
    if probe and not _probe(chosen):
        return KeyringCheck(False, "keyring_error", None, _name(chosen))
    return KeyringCheck(True, "ok", chosen, _name(chosen))


def _probe(backend: keyring.backend.KeyringBackend) -> bool:
    username, value = f"probe-{secrets.token_hex(8)}", secrets.token_urlsafe(16)
    try:
        backend.set_password(SERVICE, username, value)
        ok = backend.get_password(SERVICE, username) == value
        backend.delete_password(SERVICE, username)
    except Exception as error:  # noqa: BLE001 - locked, no D-Bus, prompt dismissed …
        log.info("keyring %s refused: %s", _name(backend), type(error).__name__)
        return False
    if not ok:
        log.info("keyring %s refused: did not return what was stored", _name(backend))
    return ok
