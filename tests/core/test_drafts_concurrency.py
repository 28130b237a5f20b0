"""Two copies of the app on one data folder at once: one key, every draft readable, no lost save.

Two real processes (drafts_race_worker.py) run the app's key choice and draft saving. The test
writes each command to both at once, after both said "ready" (the barrier is the pipe), so their
starts and saves overlap. Before the fix, two first starts made two keys and one copy's drafts
never opened again (20 of 20 trials), and two processes saving one draft failed about half their
saves and overwrote each other's generations.
"""

from __future__ import annotations

import os
import select
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.drafts.crypto import new_key
from assistant.drafts.files import Records
from assistant.drafts.store import Draft

WORKER = Path(__file__).with_name("drafts_race_worker.py")
# CI sizes; a longer measurement: DRAFTS_RACE_TRIALS=500 DRAFTS_RACE_SAVES=2000 pytest this file
TRIALS = int(os.environ.get("DRAFTS_RACE_TRIALS", "30"))     # first starts per key kind
SAVES = int(os.environ.get("DRAFTS_RACE_SAVES", "150"))      # saves of one draft per process


class Worker:
    def __init__(self, keyring_dir: Path) -> None:
        self.proc = subprocess.Popen([sys.executable, str(WORKER), str(keyring_dir)], stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, bufsize=0)
        self.buffer = b""
        assert self.answer() == ["ready"]

    def send(self, line: str) -> None:
        self.proc.stdin.write((line + "\n").encode())

    def answer(self) -> list[str]:
        while b"\n" not in self.buffer:
            ready, _w, _x = select.select([self.proc.stdout], [], [], 60.0)
            assert ready, "the worker stopped answering"
            chunk = os.read(self.proc.stdout.fileno(), 65536)
            assert chunk, "the worker ended (see its stderr above)"
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return line.decode().split()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self.proc.stdout.close()


@pytest.fixture
def workers(tmp_path):
    keyring_dir = tmp_path / "keyring"
    keyring_dir.mkdir()
    pair = [Worker(keyring_dir), Worker(keyring_dir)]
    yield pair
    for worker in pair:
        worker.close()


def both(workers, line: str) -> list[list[str]]:
    for worker in workers:       # written before either answer is read: the two run together
        worker.send(line)
    return [worker.answer() for worker in workers]


@pytest.mark.parametrize("mode", ["keyring", "pin"])
def test_two_first_starts_at_once_end_with_one_key_and_both_open_every_draft(workers, tmp_path, mode):
    failures = []
    for trial in range(TRIALS):
        folder = tmp_path / f"{mode}-{trial}" / "drafts"
        started = both(workers, f"start {folder} {mode}")
        assert [words[0] for words in started] == ["started", "started"], started
        checked = both(workers, f"check {folder} {mode}")
        if checked != [["checked", "2", "2"]] * 2:
            failures.append((trial, checked))
    assert failures == [], f"{len(failures)} of {TRIALS} trials lost drafts: {failures[:3]}"
    if mode == "keyring":      # one key per folder: the copy that lost the race removed its own entry
        assert len(os.listdir(tmp_path / "keyring")) == TRIALS


def test_two_processes_saving_one_draft_never_fail_and_never_overwrite_a_generation(workers, tmp_path):
    folder = tmp_path / "drafts"
    key = new_key()
    draft_id = "drace00000000001"
    answers = both(workers, f"save {folder} {key.hex()} {draft_id} {SAVES}")
    assert [words[0] for words in answers] == ["generations", "generations"], answers
    given = [[int(g) for g in words[1:]] for words in answers]
    assert [len(numbers) for numbers in given] == [SAVES, SAVES]
    assert all(numbers == sorted(set(numbers)) for numbers in given)
    assert not set(given[0]) & set(given[1]), "two saves were given the same generation"
    # Each generation kept on disk holds exactly the save that was told it got that number.
    saved_as = {g: (worker.proc.pid, i) for worker, numbers in zip(workers, given) for i, g in enumerate(numbers)}
    records = Records(folder, lambda: key)
    kept = records.generations(draft_id)
    assert kept[0] == max(saved_as)                                # the last save is the newest
    for generation in kept:
        draft = records._read_generation(draft_id, generation, Draft.from_json)
        assert (draft.answers["writer"], draft.answers["i"]) == saved_as[generation]
    assert not [name for name in os.listdir(folder) if name.startswith(".tmp-")]
