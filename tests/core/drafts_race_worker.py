"""Helper process for tests/core/test_drafts_concurrency.py: one copy of the app's drafts code.

Run: python drafts_race_worker.py KEYRING_DIR

Commands, one per line on stdin; answers, one line each on stdout (unbuffered):

- ``start FOLDER keyring|pin`` → ``started DRAFT_ID``: find the key of FOLDER as the app does at
  start (`choose_key_source`; with ``pin``, a PIN chosen or entered), then save one draft.
- ``check FOLDER keyring|pin`` → ``checked N_OK N_ALL``: open the key again and load every
  draft in FOLDER.
- ``save FOLDER KEY_HEX DRAFT_ID COUNT`` → ``generations G1 G2 …`` (or ``failed KIND``): save
  one draft COUNT times, as the app's autosave does, answers {"writer": pid, "i": 0 … COUNT-1}.

The keyring is `DirKeyring`: entries in files of KEYRING_DIR shared by the processes (the real
Secret Service test is tests/core/test_keyring_secret_service.py). The test writes each command
to all workers at once after both said ``ready``, so their starts overlap.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from keyring.backend import KeyringBackend  # noqa: E402
from keyring.backends import fail  # noqa: E402
from keyring.errors import PasswordDeleteError  # noqa: E402

from assistant.drafts import keys, unlock  # noqa: E402
from assistant.drafts.files import atomic_write  # noqa: E402
from assistant.drafts.keys import MemoryKeySource, ScryptParams  # noqa: E402
from assistant.drafts.store import OK, Draft, DraftStore  # noqa: E402

PIN = "4821"
FAST = ScryptParams(n=2**14)


class DirKeyring(KeyringBackend):
    """A keyring shared between processes: one file per entry (a stand-in for Secret Service)."""

    priority = 1
    viable = False

    def __init__(self, folder: Path) -> None:
        super().__init__()
        self.folder = folder

    def _path(self, service: str, username: str) -> Path:
        return self.folder / f"{service}--{username}"

    def get_password(self, service, username):
        try:
            return self._path(service, username).read_text()
        except FileNotFoundError:
            return None

    def set_password(self, service, username, password):
        atomic_write(self.folder, f"{service}--{username}", password.encode())

    def delete_password(self, service, username):
        try:
            self._path(service, username).unlink()
        except FileNotFoundError:
            raise PasswordDeleteError("not found") from None


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode("ascii"))


def _key_source(folder: Path, mode: str, keyring: DirKeyring):
    if mode == "pin":
        choice = unlock.choose_key_source(folder, backend=fail.Keyring())   # no keyring on this computer
        if choice.action == unlock.ENTER_PASSPHRASE:
            return unlock.open_passphrase_key(folder, PIN)
        return unlock.create_passphrase_key(folder, PIN, params=FAST)
    choice = unlock.choose_key_source(folder, backend=keyring)
    assert choice.action == unlock.READY, choice
    return choice.source


def _save(folder: str, key_hex: str, draft_id: str, count: str) -> str:
    store = DraftStore(Path(folder), MemoryKeySource(bytes.fromhex(key_hex)))
    generations = []
    try:
        for index in range(int(count)):
            store.save(Draft("race", "1", {"writer": os.getpid(), "i": index}, draft_id=draft_id))
            generations.append(store.last_generation)
    except Exception as error:  # noqa: BLE001 - reported to the test, which asserts there is none
        return f"failed {type(error).__name__}"
    return "generations " + " ".join(map(str, generations))


def main() -> None:
    keys.TRUSTED_BACKENDS = keys.TRUSTED_BACKENDS | {f"{__name__}.DirKeyring"}
    keyring = DirKeyring(Path(sys.argv[1]))
    _say("ready")
    for line in sys.stdin:
        words = line.split()
        if words[0] == "start":
            folder = Path(words[1])
            store = DraftStore(folder, _key_source(folder, words[2], keyring))
            _say("started " + store.save(Draft("race", "1", {"pid": os.getpid()})).draft_id)
        elif words[0] == "check":
            folder = Path(words[1])
            store = DraftStore(folder, _key_source(folder, words[2], keyring))
            ids = store.draft_ids()
            _say(f"checked {sum(store.load(i).status == OK for i in ids)} {len(ids)}")
        elif words[0] == "save":
            _say(_save(*words[1:5]))
        else:
            break


if __name__ == "__main__":
    main()
