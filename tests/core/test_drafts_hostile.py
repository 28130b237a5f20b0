"""Rollback is reported, damaged key information is damage (not a wrong PIN), hostile files in the
data folder are refused without being read unbounded and without hanging."""

from __future__ import annotations

import base64
import functools
import json
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from assistant import i18n
from assistant.drafts.crypto import new_key, seal
from assistant.drafts.files import MAX_FILE, Records
from assistant.drafts.keys import MemoryKeySource, ScryptParams
from assistant.drafts.rollback import witness_folder
from assistant.drafts.store import OK, RECOVERED, ROLLED_BACK, UNREADABLE, Draft, DraftStore
from assistant.drafts.unlock import (ENTER_PASSPHRASE, KEY_INFO, UNAVAILABLE, KeyInfoDamagedError,
                                     WrongPassphraseError, choose_key_source, create_passphrase_key,
                                     open_passphrase_key)

FAST = ScryptParams(n=2**14)
DRAFT_ID = "dhostile00000001"


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "drafts"


@pytest.fixture
def store(folder):
    return DraftStore(folder, MemoryKeySource(new_key()))


def save(store, number):
    return store.save(Draft("juminhyo_copy", "2026.1", {"answer": number}, step_id="s1", draft_id=DRAFT_ID))


# --- rollback ------------------------------------------------------------------------------------

def test_deleting_the_newest_generation_is_reported_and_the_older_answers_still_open(store, folder):
    for number in range(1, 5):
        save(store, number)
    newest = Records(folder, store.keys.key).generations(DRAFT_ID)[0]
    (folder / f"{DRAFT_ID}.{newest}.tzd").unlink()
    result = store.load(DRAFT_ID)
    assert (result.status, result.draft.answers) == (ROLLED_BACK, {"answer": 3})
    i18n.set_language("en")
    assert "not your latest answers" in result.messages[0] and "put it back" in result.messages[0]
    i18n.set_language("ja")
    assert "最新" in result.messages[0]
    save(store, 5)                       # the person goes on from the older answers: no notice again
    assert (store.load(DRAFT_ID).status, store.load(DRAFT_ID).draft.answers) == (OK, {"answer": 5})


def test_putting_back_an_older_copy_of_the_drafts_folder_is_reported(store, folder, tmp_path):
    save(store, 1)
    save(store, 2)
    shutil.copytree(folder, tmp_path / "backup")
    for number in range(3, 7):
        save(store, number)
    shutil.rmtree(folder)
    shutil.copytree(tmp_path / "backup", folder)
    result = store.load(DRAFT_ID)
    assert (result.status, result.draft.answers) == (ROLLED_BACK, {"answer": 2})
    assert [info.readable for info in store.list()] == [True]


def test_no_false_alarm_for_damage_deletion_or_an_unreadable_witness(store, folder):
    for number in range(1, 4):
        save(store, number)
    newest = Records(folder, store.keys.key).generations(DRAFT_ID)[0]
    (folder / f"{DRAFT_ID}.{newest}.tzd").write_bytes(b"damaged")
    assert store.load(DRAFT_ID).status == RECOVERED                    # damage is damage, not rollback
    store.delete(DRAFT_ID)
    save(store, 9)                                                      # deleted on purpose, then new
    assert store.load(DRAFT_ID).status == OK
    (witness_folder(folder) / DRAFT_ID).write_bytes(b"\x00" * 100)      # witness damaged: "unknown"
    assert store.load(DRAFT_ID).status == OK


# --- hostile files in the drafts folder ----------------------------------------------------------

def _plant(path, kind, key=None):
    if kind == "dev_zero":
        path.symlink_to("/dev/zero")
    elif kind == "fifo":
        os.mkfifo(path)
    elif kind == "huge":
        with open(path, "wb") as handle:
            handle.truncate(MAX_FILE + 1)          # sparse: no disk used
    elif kind == "folder":
        path.mkdir()
    elif kind == "deep_json":
        generation = int(path.name.split(".")[1])
        path.write_bytes(seal(key, b"[" * 200_000, f"tetsuzuki:{DRAFT_ID}:{generation}".encode()))


HOSTILE = ["dev_zero", "fifo", "huge", "folder", "deep_json"]


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_hostile_newest_generation_is_refused_and_the_previous_one_opened(store, folder, kind):
    save(store, 1)
    save(store, 2)
    newest = folder / f"{DRAFT_ID}.3.tzd"
    _plant(newest, kind, store.keys.key())
    result = store.load(DRAFT_ID)             # must not hang on the FIFO nor read /dev/zero for ever
    assert (result.status, result.draft.answers) == (RECOVERED, {"answer": 2})
    assert [info.readable for info in store.list()] == [True]


@pytest.mark.parametrize("kind", HOSTILE)
def test_a_draft_made_only_of_a_hostile_file_is_unreadable_never_an_error(store, folder, kind):
    _plant(folder.mkdir(parents=True) or folder / f"{DRAFT_ID}.1.tzd", kind, store.keys.key())
    assert store.load(DRAFT_ID).status == UNREADABLE


# --- damaged key information ---------------------------------------------------------------------

@functools.cache
def _good_text() -> str:
    folder = Path(tempfile.mkdtemp()) / "drafts"
    create_passphrase_key(folder, "4821", params=FAST)
    text = (folder / KEY_INFO).read_text()
    shutil.rmtree(folder.parent)
    return text


def _good_info(folder):
    """Key information for the PIN 4821, as the app writes it (made once: scrypt is slow on purpose)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / KEY_INFO).write_text(_good_text())
    return json.loads(_good_text())


DAMAGES = {
    "not_json": lambda info: "{ not json",
    "deep": lambda info: "[" * 100_000 + "]" * 100_000,
    "list": lambda info: [info],
    "n_text": lambda info: {**info, "n": "16384"},
    "n_bool": lambda info: {**info, "r": True},
    "n_huge": lambda info: {**info, "n": 2**40},
    "salt_missing": lambda info: {k: v for k, v in info.items() if k != "salt"},
    "salt_not_base64": lambda info: {**info, "salt": "***"},
    "check_short": lambda info: {**info, "check": base64.b64encode(b"short").decode()},
    "check_number": lambda info: {**info, "check": 7},
    "kdf_unknown": lambda info: {**info, "kdf": "md5"},
    "source_unknown": lambda info: {**info, "source": "cloud"},
}


@pytest.mark.parametrize("damage", DAMAGES)
def test_damaged_key_information_is_reported_as_damage_not_as_a_wrong_pin(folder, damage):
    info = _good_info(folder)
    changed = DAMAGES[damage](info)
    (folder / KEY_INFO).write_text(changed if isinstance(changed, str) else json.dumps(changed))
    choice = choose_key_source(folder)
    assert (choice.action, choice.reason) == (UNAVAILABLE, "key_info_damaged")
    i18n.set_language("en")
    assert "damaged" in choice.message
    with pytest.raises(KeyInfoDamagedError) as raised:
        open_passphrase_key(folder, "4821")
    assert not isinstance(raised.value, WrongPassphraseError) and "damaged" in raised.value.message


@pytest.mark.parametrize("kind", ["dev_zero", "fifo", "huge", "folder"])
def test_hostile_key_information_files_are_refused_unread(folder, kind):
    folder.mkdir(parents=True)
    _plant(folder / KEY_INFO, kind)
    assert choose_key_source(folder).reason == "key_info_damaged"
    with pytest.raises(KeyInfoDamagedError):
        open_passphrase_key(folder, "4821")


JSON = st.recursive(st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner,
                                                                                max_size=4), max_leaves=12)


@seed(20261204)
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from(["format", "source", "kdf", "n", "r", "p", "salt", "check"]), value=JSON)
def test_any_value_in_any_key_information_field_gives_a_clear_answer(tmp_path_factory, field, value):
    folder = tmp_path_factory.mktemp("fuzz") / "drafts"
    info = _good_info(folder)
    (folder / KEY_INFO).write_text(json.dumps({**info, field: value}))
    choice = choose_key_source(folder)
    assert (choice.action, choice.reason) in ((UNAVAILABLE, "key_info_damaged"), (ENTER_PASSPHRASE, "passphrase"))
    try:
        open_passphrase_key(folder, "4821")
    except (KeyInfoDamagedError, WrongPassphraseError):
        pass
