"""Encrypted drafts: round trips, three generations, damage detected and the previous copy restored."""

from __future__ import annotations

import logging
import os
import stat
import threading

import pytest

from assistant import i18n
from assistant.drafts import crypto
from assistant.drafts.crypto import DamagedError, UnsupportedFormatError, new_key, open_sealed, seal
from assistant.drafts.files import GENERATIONS, PAD_TO, Records
from assistant.drafts.keys import MemoryKeySource
from assistant.drafts.profile import Profile, ProfileStore
from assistant.drafts.store import (LOCKED, NOT_FOUND, OK, RECOVERED, UNREADABLE, Draft, DraftStore,
                                    compare_with_procedure)
from assistant.interview.session import Session
from assistant.paths import BUNDLED_PROCEDURES
from assistant.procedures.catalog import Catalog

NAME = {"family": "試験山", "given": "鉄子", "family_kana": "シケンヤマ", "given_kana": "テツコ"}
ADDRESS = {"postal_code": "1000013", "prefecture": "東京都", "city": "千代田区", "town": "霞が関",
           "block": "2-1-2", "building": "試験荘101"}
MY_NUMBER = "123456789018"
PERSONAL = ["試験山", "鉄子", "シケンヤマ", "試験荘101", "090-8765-4321", MY_NUMBER, "1961-04-05"]
ANSWERS = {"relationship": "self", "applicant_name": NAME, "applicant_birth_date": "1961-04-05",
           "applicant_address": ADDRESS, "applicant_phone": "090-8765-4321", "my_number": MY_NUMBER}


@pytest.fixture
def folder(tmp_path):
    return tmp_path / "data" / "drafts"


@pytest.fixture
def store(folder):
    return DraftStore(folder, MemoryKeySource())


def draft(**changes) -> Draft:
    values = {"procedure_id": "juminhyo_copy", "procedure_version": "2026.1", "answers": ANSWERS,
              "step_id": "applicant", "filled_by": {"mode": "volunteer", "helper_name": "支援花子",
                                                    "helper_organisation": "試験町デジタル支援"}}
    return Draft(**{**values, **changes})


def newest_file(store: DraftStore, draft_id: str):
    records = Records(store.folder, store.keys.key)
    return records.path(draft_id, records.generations(draft_id)[0])


# --- crypto ---------------------------------------------------------------------------------------

def test_sealed_blob_has_a_versioned_header_and_opens_only_with_its_key_and_context():
    key = new_key()
    blob = seal(key, "山田".encode(), b"ctx")
    assert blob[:4] == b"TZKD" and blob[4] == 1 and blob[5] == 1
    assert len(blob) == crypto.OVERHEAD + len("山田".encode())
    assert open_sealed(key, blob, b"ctx") == "山田".encode()
    assert seal(key, b"same", b"") != seal(key, b"same", b"")       # a fresh nonce every time
    for wrong in [(new_key(), blob, b"ctx"), (key, blob, b"other"), (key, blob[:-1], b"ctx"),
                  (key, blob[:10], b"ctx"), (key, b"", b"ctx")]:
        with pytest.raises(DamagedError):
            open_sealed(*wrong)


@pytest.mark.parametrize("index", [0, 4, 6, 17, 18, 40, -17, -1])
def test_any_flipped_bit_is_detected(index):
    key = new_key()
    blob = bytearray(seal(key, b"x" * 64))
    blob[index] ^= 0x01
    with pytest.raises(DamagedError):
        open_sealed(key, bytes(blob))


def test_a_newer_format_is_reported_as_such():
    key = new_key()
    blob = bytearray(seal(key, b"{}"))
    blob[4] = 2
    with pytest.raises(UnsupportedFormatError):
        open_sealed(key, bytes(blob))


# --- saving and loading ---------------------------------------------------------------------------

def test_round_trip_keeps_every_answer_the_step_and_who_is_filling_in(store):
    saved = store.save(draft())
    assert saved.created and saved.updated
    result = store.load(saved.draft_id)
    assert result.status == OK and not result.fell_back and result.messages == []
    assert result.draft == saved
    assert result.draft.answers["applicant_name"]["family"] == "試験山"
    assert result.draft.filled_by["helper_name"] == "支援花子"


def test_creation_time_is_kept_across_saves_of_fresh_snapshots(store, folder):
    first = store.save(draft())
    later = store.save(draft(draft_id=first.draft_id, answers={"n": 2}))
    assert later.created == first.created and later.updated >= first.updated
    reopened = DraftStore(folder, store.keys)
    reopened.load(first.draft_id)
    assert reopened.save(draft(draft_id=first.draft_id)).created == first.created


def test_snapshot_of_a_session_does_not_change_with_the_session(store):
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    session = Session(procedure, {"relationship": "self"})
    snapshot = Draft.from_session(session, filled_by={"mode": "self"})
    session.set_answer("relationship", "proxy")
    saved = store.save(snapshot)
    loaded = store.load(saved.draft_id).draft
    assert loaded.answers == {"relationship": "self"}
    assert (loaded.procedure_id, loaded.procedure_version, loaded.step_id) == ("juminhyo_copy", "2026.1",
                                                                               "relationship_step")
    resumed = Session(procedure, loaded.answers)
    resumed.go_to(loaded.step_id)
    assert resumed.current_step.id == "relationship_step"


def test_the_file_on_disk_reveals_no_answer_and_no_procedure(store, folder):
    saved = store.save(draft())
    names = os.listdir(folder)
    assert names == [f"{saved.draft_id}.1.tzd"]
    data = (folder / names[0]).read_bytes()
    for text in [*PERSONAL, "juminhyo", "volunteer", "支援花子", "2026"]:
        assert text.encode() not in data
    assert len(data) % PAD_TO == crypto.OVERHEAD    # size only in 4 KiB steps


def test_small_drafts_have_the_same_size_whatever_was_answered(store, folder):
    short = store.save(draft(answers={"relationship": "self"}))
    full = store.save(draft())
    assert newest_file(store, short.draft_id).stat().st_size == newest_file(store, full.draft_id).stat().st_size


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_folder_is_private_and_files_are_owner_only(store, folder):
    folder.mkdir(parents=True, mode=0o755)
    os.chmod(folder, 0o755)
    saved = store.save(draft())
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE(newest_file(store, saved.draft_id).stat().st_mode) == 0o600


def test_only_the_last_three_generations_are_kept(store, folder):
    saved = draft()
    for number in range(6):
        saved = store.save(draft(draft_id=saved.draft_id, answers={"n": number}))
    assert Records(folder, store.keys.key).generations(saved.draft_id) == [6, 5, 4]
    assert len(os.listdir(folder)) == GENERATIONS
    assert store.load(saved.draft_id).draft.answers == {"n": 5}


def _three_generations(store):
    first = store.save(draft(answers={"n": 1}))
    store.save(draft(draft_id=first.draft_id, answers={"n": 2}))
    store.save(draft(draft_id=first.draft_id, answers={"n": 3}))
    return first.draft_id


@pytest.mark.parametrize("damage", ["truncate", "truncate_to_header", "empty", "flip_header", "flip_middle",
                                    "flip_tag", "garbage"])
def test_a_damaged_newest_generation_is_detected_and_the_previous_one_opened(store, damage):
    draft_id = _three_generations(store)
    path = newest_file(store, draft_id)
    data = bytearray(path.read_bytes())
    if damage == "truncate":
        data = data[: len(data) // 2]
    elif damage == "truncate_to_header":
        data = data[:crypto.HEADER_SIZE]
    elif damage == "empty":
        data = bytearray()
    elif damage == "garbage":
        data = bytearray(os.urandom(len(data)))
    else:
        index = {"flip_header": 2, "flip_middle": len(data) // 2, "flip_tag": len(data) - 3}[damage]
        data[index] ^= 0x20
    path.write_bytes(bytes(data))
    result = store.load(draft_id)
    assert result.status == RECOVERED and result.fell_back
    assert result.draft.answers == {"n": 2}
    assert (result.generation, result.damaged_generations) == (2, 1)
    i18n.set_language("en")
    assert "could not be read" in result.messages[0]


def test_a_file_of_another_generation_or_draft_renamed_over_the_newest_does_not_open(store):
    draft_id = _three_generations(store)
    other = store.save(draft(answers={"other": True}))
    newest = newest_file(store, draft_id)
    newest.write_bytes(newest.with_name(f"{draft_id}.1.tzd").read_bytes())   # roll back generation 1
    assert store.load(draft_id).generation == 2
    newest.write_bytes(newest_file(store, other.draft_id).read_bytes())      # swap in another draft
    assert store.load(draft_id).generation == 2


def test_content_that_decrypts_but_is_not_a_draft_is_skipped(store, folder):
    draft_id = _three_generations(store)
    Records(folder, store.keys.key).write(draft_id, {"kind": "draft", "format": 1, "procedure": []})
    result = store.load(draft_id)
    assert result.status == RECOVERED and result.draft.answers == {"n": 3}


def test_wrong_key_or_all_generations_damaged_is_unreadable_never_a_crash(store, folder):
    draft_id = _three_generations(store)
    result = DraftStore(folder, MemoryKeySource()).load(draft_id)
    assert (result.status, result.draft, result.damaged_generations) == (UNREADABLE, None, 3)
    assert result.messages
    for path in folder.iterdir():
        path.write_bytes(b"\0" * 10)
    assert store.load(draft_id).status == UNREADABLE
    assert [i.readable for i in store.list()] == [False]


def test_missing_draft_and_forgotten_key(store, folder):
    assert store.load("d0000000000000000").status == NOT_FOUND
    draft_id = store.save(draft()).draft_id
    store.keys.forget()
    assert store.load(draft_id).status == LOCKED


def test_a_stale_temporary_file_from_a_crash_is_ignored_then_cleaned(store, folder):
    saved = store.save(draft())
    stale = folder / f".tmp-{saved.draft_id}.abc.part"
    stale.write_bytes(b"half a draft")
    assert store.load(saved.draft_id).status == OK
    store.save(saved)
    assert not stale.exists()


def test_changed_or_removed_procedure_is_reported(store):
    saved = store.save(draft())
    assert store.load(saved.draft_id, procedure_versions={"juminhyo_copy": "2026.1"}).procedure_status == "same"
    changed = store.load(saved.draft_id, procedure_versions={"juminhyo_copy": "2027.1"})
    assert changed.status == OK and changed.procedure_status == "changed" and changed.draft is not None
    gone = store.load(saved.draft_id, procedure_versions={})
    assert gone.procedure_status == "missing"
    i18n.set_language("en")
    assert "updated since you saved" in changed.messages[0]
    assert "no longer available" in gone.messages[0]


def test_compare_with_procedure_names_answers_and_step_that_no_longer_fit():
    procedure = Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy")
    old = draft(procedure_version="2025.1", answers={"relationship": "self", "old_field": "x"}, step_id="gone")
    change = compare_with_procedure(old, procedure)
    assert change.version_changed and change.unknown_fields == ("old_field",) and change.step_missing
    assert not compare_with_procedure(draft(answers={"relationship": "self"}), procedure).step_missing


def test_list_shows_drafts_newest_first_without_the_profile_and_delete_removes_every_generation(store, folder):
    first = store.save(draft())
    second = store.save(draft(procedure_id="other_procedure"))
    store.save(draft(draft_id=first.draft_id, answers={"n": 1}))
    ProfileStore(folder, store.keys).save(Profile({"phone": "090-8765-4321"}))
    listed = store.list()
    assert [i.draft_id for i in listed] == [first.draft_id, second.draft_id]
    assert listed[1].procedure_id == "other_procedure" and all(i.readable for i in listed)
    assert store.delete(first.draft_id) == 2
    assert store.load(first.draft_id).status == NOT_FOUND
    assert not [n for n in os.listdir(folder) if n.startswith(first.draft_id)]
    assert store.draft_ids() == [second.draft_id]


def test_saving_from_several_threads_at_once_is_safe(store, folder):
    first = store.save(draft())
    errors = []

    def save_many(number):
        try:
            for index in range(15):
                store.save(draft(draft_id=first.draft_id, answers={"thread": number, "i": index}))
        except Exception as error:  # noqa: BLE001 - collected and asserted below
            errors.append(error)

    threads = [threading.Thread(target=save_many, args=(n,)) for n in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    records = Records(folder, store.keys.key)
    assert records.generations(first.draft_id) == [61, 60, 59]
    assert store.load(first.draft_id).status == OK


# --- logs -----------------------------------------------------------------------------------------

def test_logs_of_saving_loading_and_failures_hold_no_personal_data(store, folder, caplog):
    caplog.set_level(logging.DEBUG)
    draft_id = _three_generations(store)
    saved = store.save(draft(draft_id=draft_id))
    path = newest_file(store, draft_id)
    path.write_bytes(path.read_bytes()[:-5])
    Records(folder, store.keys.key).write("dbroken000000000", {"kind": "draft", "answers": ANSWERS})
    store.load(draft_id)
    store.load("dbroken000000000")
    DraftStore(folder, MemoryKeySource()).load(saved.draft_id)
    store.list()
    profiles = ProfileStore(folder, store.keys)
    profiles.save(Profile({"name": NAME, "phone": "090-8765-4321"}))
    profiles.load()
    store.delete(draft_id)
    text = "\n".join(f"{r.getMessage()} {r.exc_text or ''}" for r in caplog.records)
    assert "generation" in text and "cannot be opened" in text     # the failures were logged …
    for secret in [*PERSONAL, "juminhyo", "支援花子"]:
        assert secret not in text                                   # … without what was in them


def test_saving_loading_and_listing_open_no_network_connection(store, folder, monkeypatch):
    import socket

    def refuse(*_args, **_kwargs):
        raise AssertionError("a socket was opened")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    saved = store.save(draft())
    ProfileStore(folder, store.keys).save(Profile({"phone": "090-8765-4321"}))
    assert store.load(saved.draft_id).status == OK and len(store.list()) == 1
