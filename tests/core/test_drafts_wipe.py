""""End session" on a shared PC: afterwards nothing the resident entered can be found on the disk."""

from __future__ import annotations

import json
import logging
import os
import tempfile

import pytest

from assistant.drafts.unlock import KEY_INFO, choose_key_source
from assistant.drafts.profile import Profile, ProfileStore
from assistant.drafts.store import Draft, DraftStore
from assistant.drafts.wipe import wipe_session
from assistant.paths import AppPaths, BUNDLED_PROCEDURES
from assistant.drafts.rollback import witness_folder
from tests.core.keyrings import MemoryKeyring, trust

NAME = {"family": "試験山", "given": "鉄子", "family_kana": "シケンヤマ", "given_kana": "テツコ"}
PERSONAL = ["試験山", "鉄子", "シケンヤマ", "テツコ", "試験荘101", "090-8765-4321", "123456789018", "1961-04-05",
            "tetsuko@example.jp"]
ANSWERS = {"applicant_name": NAME, "applicant_birth_date": "1961-04-05", "applicant_phone": "090-8765-4321",
           "applicant_address": {"prefecture": "東京都", "city": "千代田区", "town": "霞が関", "block": "2-1-2",
                                 "building": "試験荘101"}, "my_number": "123456789018",
           "email": "tetsuko@example.jp"}


def encodings_of(text: str) -> list[bytes]:
    """The ways a program might have written `text` into a file."""
    forms = [text.encode("utf-8"), text.encode("utf-16-le"), text.encode("utf-16-be"),
             json.dumps(text).strip('"').encode("ascii")]
    try:
        forms.append(text.encode("cp932"))
    except UnicodeEncodeError:
        pass
    return forms


def scan(root) -> list[str]:
    """Relative paths of files under `root` holding any personal test string (in any encoding)."""
    found = []
    for top, _dirs, names in os.walk(root):
        for name in names:
            path = os.path.join(top, name)
            if os.path.islink(path):
                continue
            with open(path, "rb") as handle:
                data = handle.read()
            if any(form in data for text in PERSONAL for form in encodings_of(text)) \
                    or any(text.encode() in name.encode() for text in PERSONAL):
                found.append(os.path.relpath(path, root))
    return sorted(found)


@pytest.fixture
def system_temp(tmp_path, monkeypatch):
    """The process's temporary folder, moved under tmp_path so the test can scan it."""
    folder = tmp_path / "system-tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def test_after_end_session_no_personal_data_is_left_in_any_folder(tmp_path, system_temp, caplog, monkeypatch):
    caplog.set_level(logging.DEBUG)
    paths = AppPaths(tmp_path / "data", tmp_path / "config", tmp_path / "exports", (BUNDLED_PROCEDURES,))
    paths.ensure()
    (paths.config / "settings.json").write_text('{"language": "ja", "zoom": 150}')
    drafts_folder, temp_folder = paths.data / "drafts", paths.data / "tmp"
    trust(monkeypatch, MemoryKeyring)      # stands for a keyring known to encrypt
    backend = MemoryKeyring()
    keys = choose_key_source(drafts_folder, backend=backend).source
    store = DraftStore(drafts_folder, keys)
    saved = store.save(Draft("juminhyo_copy", "2026.1", ANSWERS, filled_by={"helper_name": "支援花子"}))
    for _ in range(3):
        store.save(saved)
    ProfileStore(drafts_folder, keys).save(Profile(keep_my_number=True).with_value("name", NAME)
                                           .with_value("my_number", "123456789018"))
    # What other parts of the app leave: a preview in the private temp folder, an exported package.
    temp_folder.mkdir(mode=0o700)
    (temp_folder / "preview.json").write_text(json.dumps(ANSWERS, ensure_ascii=False))
    package = paths.exports / "住民票_試験山" / "data.json"
    package.parent.mkdir(parents=True)
    package.write_text(json.dumps(ANSWERS), encoding="utf-8")          # \\u escapes
    (paths.exports / "form.txt").write_bytes("試験山 鉄子".encode("cp932"))
    outside = tmp_path / "outside.txt"
    outside.write_text("not ours")
    os.symlink(outside, paths.exports / "link-to-outside")

    # The scan finds the plain copies (UTF-8, \\u escapes, cp932) but not the encrypted drafts.
    assert scan(tmp_path) == sorted([os.path.join("data", "tmp", "preview.json"),
                                     os.path.join("exports", "form.txt"),
                                     os.path.join("exports", "住民票_試験山", "data.json")])

    report = wipe_session({"drafts": drafts_folder, "temp": temp_folder, "exports": paths.exports},
                          key_sources=[keys], key_folders=[drafts_folder], keyring_backend=backend)

    assert scan(tmp_path) == []
    assert report.complete and report.keys_forgotten == 2
    # 3 generations + profile (keyinfo: key) + the draft's and the profile's newest generation numbers
    assert report.files == {"drafts": 3 + 1 + 2, "temp": 1, "exports": 3}
    assert not witness_folder(drafts_folder).exists()
    assert backend.entries == {} and not (drafts_folder / KEY_INFO).exists()
    assert not drafts_folder.exists() and not paths.exports.exists()
    assert outside.read_text() == "not ours"                         # a link is removed, never followed
    assert (paths.config / "settings.json").exists()                 # preferences are not personal data
    assert os.listdir(system_temp) == []
    log_text = "\n".join(r.getMessage() for r in caplog.records)
    assert not any(text in log_text for text in [*PERSONAL, "住民票", "支援花子"])


def test_wipe_refuses_the_home_folder_and_the_root(tmp_path):
    from pathlib import Path

    for folder in (Path.home(), Path(Path.home().anchor), Path.home().parent):
        with pytest.raises(ValueError):
            wipe_session({"bad": folder})
    assert wipe_session({"missing": tmp_path / "none"}).total_files == 0
