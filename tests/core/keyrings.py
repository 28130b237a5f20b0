"""A keyring that keeps entries in a dict, for tests (keyring's own discovery never picks it)."""

from __future__ import annotations

from keyring.backend import KeyringBackend
from keyring.errors import PasswordDeleteError

from assistant.drafts import keys


class MemoryKeyring(KeyringBackend):
    priority = 1
    viable = False

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service, username):
        return self.entries.get((service, username))

    def set_password(self, service, username, password):
        self.entries[(service, username)] = password

    def delete_password(self, service, username):
        if self.entries.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


def trust(monkeypatch, *classes: type) -> None:
    """Add test backends to the allow-list of keyrings known to encrypt (for this test only)."""
    names = {f"{c.__module__}.{c.__name__}" for c in classes}
    monkeypatch.setattr(keys, "TRUSTED_BACKENDS", keys.TRUSTED_BACKENDS | names)
