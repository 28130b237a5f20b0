"""Which key protects the drafts: a usable keyring, else a PIN/passphrase, and why (no real keyring here).

The in-memory and misbehaving backends below are real `keyring` backends. The plaintext one is
`keyrings.alt` (a test-only dependency: never installed for users, because installing it alone
makes keyring store secrets in clear text).
"""

from __future__ import annotations

import base64
import json
import logging
import os

import pytest
from keyring.backend import KeyringBackend
from keyring.backends import SecretService, chainer, fail, null
from keyring.errors import KeyringLocked

from assistant import i18n
from assistant.drafts.keys import SERVICE, ScryptParams, check_keyring
from assistant.drafts.unlock import (CHOOSE_PASSPHRASE, ENTER_PASSPHRASE, KEY_INFO, READY, UNAVAILABLE,
                                     PassphraseTooShortError, WrongPassphraseError, choose_key_source,
                                     create_passphrase_key, forget_key_info, open_passphrase_key, read_key_info)
from assistant.drafts.store import OK, Draft, DraftStore
from tests.core.keyrings import MemoryKeyring, trust

FAST = ScryptParams(n=2**14)     # the floor the app accepts; the default (2**17) is tested once


def require_keyrings_alt():
    try:
        from keyrings.alt.file import PlaintextKeyring
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("keyrings.alt (test dependency) is missing")
        pytest.skip("keyrings.alt is not installed")
    return PlaintextKeyring


class LockedKeyring(MemoryKeyring):
    """Like a Secret Service whose collection is locked and cannot be unlocked (no prompt possible)."""

    def get_password(self, service, username):
        raise KeyringLocked("Failed to unlock the collection!")

    def set_password(self, service, username, password):
        raise KeyringLocked("Failed to unlock the collection!")


class ForgetfulKeyring(MemoryKeyring):
    """Accepts secrets and gives back nothing."""

    def get_password(self, service, username):
        return None


def chain_of(*backends):
    class Chain(chainer.ChainerBackend):
        viable = False

    Chain.backends = list(backends)
    return Chain()


@pytest.fixture(autouse=True)
def trusted_fakes(monkeypatch):
    """The in-memory fakes stand for trusted keyrings (Secret Service …); nothing else is trusted."""
    trust(monkeypatch, MemoryKeyring, LockedKeyring, ForgetfulKeyring)


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "drafts"


def test_a_usable_keyring_gets_a_new_random_key_and_gives_it_back_next_time(folder):
    backend = MemoryKeyring()
    choice = choose_key_source(folder, backend=backend)
    assert (choice.action, choice.reason) == (READY, "keyring_new")
    key = choice.source.key()
    assert len(key) == 32 and list(backend.entries) == [(SERVICE, choice.source.username)]
    info_text = (folder / KEY_INFO).read_text()
    assert base64.b64encode(key).decode() not in info_text           # the key is not beside the drafts
    assert json.loads(info_text)["source"] == "keyring"
    saved = DraftStore(folder, choice.source).save(Draft("p", "1", {"name": "試験山"}))

    again = choose_key_source(folder, backend=backend)
    assert (again.action, again.reason) == (READY, "keyring")
    assert again.source.key() == key
    assert DraftStore(folder, again.source).load(saved.draft_id).status == OK


@pytest.mark.parametrize("backend, reason", [(fail.Keyring(), "no_keyring"), (null.Keyring(), "no_keyring"),
                                             (LockedKeyring(), "keyring_error"),
                                             (ForgetfulKeyring(), "keyring_error")])
def test_failing_or_locked_keyrings_are_refused_and_a_passphrase_asked_for_with_a_reason(folder, backend, reason):
    choice = choose_key_source(folder, backend=backend)
    assert (choice.action, choice.reason, choice.source) == (CHOOSE_PASSPHRASE, reason, None)
    assert not (folder / KEY_INFO).exists()
    i18n.set_language("en")
    assert "PIN or passphrase" in choice.message


def test_the_plaintext_keyring_is_refused_before_anything_is_written(folder, tmp_path):
    plaintext = require_keyrings_alt()()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")
    check = check_keyring(plaintext)
    assert (check.usable, check.reason) == (False, "insecure_keyring")
    choice = choose_key_source(folder, backend=plaintext)
    assert (choice.action, choice.reason) == (CHOOSE_PASSPHRASE, "insecure_keyring")
    assert not (tmp_path / "keyring_pass.cfg").exists()
    i18n.set_language("en")
    assert "without protection" in choice.message


def test_a_chain_uses_its_safe_store_and_never_falls_through_to_plaintext(tmp_path):
    plaintext = require_keyrings_alt()()
    plaintext.file_path = str(tmp_path / "keyring_pass.cfg")
    memory = MemoryKeyring()
    check = check_keyring(chain_of(plaintext, memory))
    assert check.usable and check.backend is memory
    locked = check_keyring(chain_of(LockedKeyring(), plaintext))
    assert (locked.usable, locked.reason) == (False, "keyring_error")
    only_bad = check_keyring(chain_of(plaintext, fail.Keyring()))
    assert (only_bad.usable, only_bad.reason) == (False, "insecure_keyring")
    assert not (tmp_path / "keyring_pass.cfg").exists()


class ThirdPartyPlaintext(KeyringBackend):
    """An unknown backend from another package that keeps secrets as they are, in a dict (no file)."""

    priority = 100
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.stored = {}

    def get_password(self, service, username):
        return self.stored.get((service, username))

    def set_password(self, service, username, password):
        self.stored[(service, username)] = password

    def delete_password(self, service, username):
        self.stored.pop((service, username), None)


class LooksLikeSecretService(SecretService.Keyring):
    """Someone else's subclass of a trusted backend: its code is not the trusted one."""

    get_password = ThirdPartyPlaintext.get_password


def test_only_keyrings_known_to_encrypt_are_trusted_and_the_reason_is_shown(folder):
    from assistant.drafts.keys import TRUSTED_BACKENDS

    assert {"keyring.backends.SecretService.Keyring", "keyring.backends.kwallet.DBusKeyring",
            "keyring.backends.macOS.Keyring", "keyring.backends.Windows.WinVaultKeyring"} <= TRUSTED_BACKENDS
    unknown = ThirdPartyPlaintext()
    for backend in (unknown, LooksLikeSecretService(), chain_of(unknown, ThirdPartyPlaintext())):
        check = check_keyring(backend)
        assert (check.usable, check.reason, check.backend) == (False, "untrusted_keyring", None)
    choice = choose_key_source(folder, backend=unknown)
    assert (choice.action, choice.reason) == (CHOOSE_PASSPHRASE, "untrusted_keyring")
    assert unknown.stored == {} and not (folder / KEY_INFO).exists()     # nothing given to it, not even a probe
    i18n.set_language("en")
    assert "not one known to keep the key to your drafts encrypted" in choice.message
    i18n.set_language("ja")
    assert "暗証番号" in choice.message
    check = check_keyring(chain_of(unknown, MemoryKeyring()))              # a trusted store in a chain is used
    assert check.usable and isinstance(check.backend, MemoryKeyring)


def test_drafts_kept_by_a_keyring_no_longer_trusted_are_not_opened_through_it(folder):
    backend = MemoryKeyring()
    assert choose_key_source(folder, backend=backend).action == READY
    untrusted = ThirdPartyPlaintext()
    untrusted.stored = dict(backend.entries)
    choice = choose_key_source(folder, backend=untrusted)
    assert (choice.action, choice.reason) == (UNAVAILABLE, "keyring_unavailable")


def test_the_probe_leaves_nothing_behind():
    backend = MemoryKeyring()
    assert check_keyring(backend).usable
    assert backend.entries == {}


def test_drafts_kept_by_the_keyring_are_not_silently_given_a_new_key(folder):
    backend = MemoryKeyring()
    first = choose_key_source(folder, backend=backend)
    assert choose_key_source(folder, backend=LockedKeyring()).action == UNAVAILABLE
    assert choose_key_source(folder, backend=fail.Keyring()).reason == "keyring_unavailable"
    backend.entries.clear()
    missing = choose_key_source(folder, backend=backend)
    assert (missing.action, missing.reason) == (UNAVAILABLE, "key_missing")
    backend.set_password(SERVICE, first.source.username, base64.b64encode(b"x" * 32).decode())
    assert choose_key_source(folder, backend=backend).reason == "key_missing"   # another key: check fails
    assert read_key_info(folder)["source"] == "keyring"


def test_on_a_shared_pc_the_keyring_is_not_used(folder):
    backend = MemoryKeyring()
    choice = choose_key_source(folder, backend=backend, shared_pc=True)
    assert (choice.action, choice.reason) == (CHOOSE_PASSPHRASE, "shared_pc")
    assert backend.entries == {}
    choose_key_source(folder, backend=backend)
    assert choose_key_source(folder, backend=backend, shared_pc=True).reason == "shared_pc_keyring"


def test_passphrase_round_trip_wrong_pin_and_full_width_digits(folder):
    created = create_passphrase_key(folder, "246810", params=FAST)
    saved = DraftStore(folder, created).save(Draft("p", "1", {"phone": "090-8765-4321"}))
    assert choose_key_source(folder, backend=MemoryKeyring()).action == ENTER_PASSPHRASE
    opened = open_passphrase_key(folder, "２４６８１０")     # typed with the IME on
    assert opened.key() == created.key()
    assert DraftStore(folder, opened).load(saved.draft_id).draft.answers == {"phone": "090-8765-4321"}
    with pytest.raises(WrongPassphraseError):
        open_passphrase_key(folder, "246811")
    with pytest.raises(FileExistsError):
        create_passphrase_key(folder, "13579", params=FAST)
    info = read_key_info(folder)
    assert (info["kdf"], info["n"], info["r"], info["p"]) == ("scrypt", 2**14, 8, 1)
    assert len(base64.b64decode(info["salt"])) == 16


def test_default_scrypt_parameters_are_recorded(folder):
    source = create_passphrase_key(folder, "correct horse")
    info = read_key_info(folder)
    assert (info["n"], info["r"], info["p"]) == (2**17, 8, 1)
    assert open_passphrase_key(folder, "correct horse").key() == source.key()


def test_too_short_pin_and_tampered_parameters_are_refused(folder):
    with pytest.raises(PassphraseTooShortError):
        create_passphrase_key(folder, "１２３", params=FAST)
    create_passphrase_key(folder, "2468", params=FAST)
    info = read_key_info(folder)
    (folder / KEY_INFO).write_text(json.dumps({**info, "n": 2**30}))
    with pytest.raises(ValueError):
        open_passphrase_key(folder, "2468")
    (folder / KEY_INFO).write_text("{not json")
    choice = choose_key_source(folder, backend=MemoryKeyring())
    assert (choice.action, choice.reason) == (UNAVAILABLE, "key_info_damaged")


def test_forgetting_the_key_deletes_the_keyring_entry_and_the_key_info(folder):
    backend = MemoryKeyring()
    choose_key_source(folder, backend=backend)
    assert forget_key_info(folder, backend)
    assert backend.entries == {} and not (folder / KEY_INFO).exists()


def test_keyring_decisions_log_no_secret(folder, caplog):
    caplog.set_level(logging.DEBUG)
    backend = MemoryKeyring()
    choice = choose_key_source(folder, backend=backend)
    choose_key_source(folder / "x", backend=LockedKeyring())
    secret = base64.b64encode(choice.source.key()).decode()
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert "KeyringLocked" in text and secret not in text
