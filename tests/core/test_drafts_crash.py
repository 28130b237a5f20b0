"""A draft survives the app being killed at any moment while it saves (SIGKILL, 200 times).

A helper process (drafts_crash_worker.py) forks a child that saves one draft again and again and
prints a line after each finished save. The test reads a random number of bytes of that output,
then kills the child with SIGKILL, so the kill lands at a random point of the save loop:
serialising, writing the temporary file, fsync, rename, pruning old generations.
After every kill the draft must load, from its newest generation, with at least the last
confirmed save, and every generation file on disk must open: never a corrupt one.
"""

from __future__ import annotations

import os
import random
import select
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from assistant.drafts.crypto import new_key
from assistant.drafts.files import GENERATIONS, TEMP_PREFIX, Records
from assistant.drafts.keys import MemoryKeySource
from assistant.drafts.store import NOT_FOUND, OK, Draft, DraftStore

WORKER = Path(__file__).with_name("drafts_crash_worker.py")
KILLS = 200
DRAFT_ID = "dcrash0000000001"

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="the worker forks (POSIX only)")


class Output:
    """The worker's output, read line by line without blocking forever."""

    def __init__(self, stream) -> None:
        self.fd = stream.fileno()
        self.data = b""
        self.cursor = 0          # start of the first line not yet taken

    def _fill(self) -> None:
        ready, _w, _x = select.select([self.fd], [], [], 20.0)
        assert ready, f"the worker stopped answering; it printed: {self.data[-300:]!r}"
        chunk = os.read(self.fd, 65536)
        assert chunk, f"the worker ended; it printed: {self.data[-300:]!r}"
        self.data += chunk

    def wait_bytes(self, count: int) -> None:
        """Wait until `count` more bytes than the lines taken so far have arrived."""
        while len(self.data) < self.cursor + count:
            self._fill()

    def lines_until(self, prefix: bytes) -> tuple[list[bytes], list[bytes]]:
        """Take lines up to the first one starting with `prefix`: (that line's words, lines before)."""
        before = []
        while True:
            while b"\n" not in self.data[self.cursor:]:
                self._fill()
            end = self.data.index(b"\n", self.cursor)
            line, self.cursor = self.data[self.cursor:end], end + 1
            if line.startswith(prefix):
                return line.split(), before
            before.append(line)


def _saves(lines: list[bytes]) -> list[int]:
    return [int(line.split()[1]) for line in lines if line.startswith(b"saved ")]


def test_draft_survives_sigkill_at_random_moments_during_repeated_saves(tmp_path):
    folder = tmp_path / "drafts"
    key = new_key()
    store = DraftStore(folder, MemoryKeySource(key))
    records = Records(folder, lambda: key)
    rng = random.Random(20261126)
    worker = subprocess.Popen([sys.executable, str(WORKER), str(folder), key.hex(), DRAFT_ID],
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, bufsize=0)
    out = Output(worker.stdout)
    confirmed = 0            # the counter of the last save a child reported as finished
    interrupted_writes = 0   # kills that left a temporary file: the kill hit a write
    pid = None
    try:
        for _round in range(KILLS):
            worker.stdin.write(b"go\n")
            (_word, pid), early = out.lines_until(b"child ")
            # Let the child run for a random number of output bytes (0 to ~8 saves), then kill it.
            out.wait_bytes(rng.randrange(0, 100))
            os.kill(int(pid), signal.SIGKILL)
            (_word, _pid, killed_by), late = out.lines_until(b"dead ")
            pid = None                 # reaped: its number may be reused, never signal it again
            assert int(killed_by) == signal.SIGKILL, f"the child ended by itself: {early + late}"
            confirmed = max([confirmed, *_saves(early + late)])
            interrupted_writes += folder.exists() and any(n.startswith(TEMP_PREFIX) for n in os.listdir(folder))

            result = store.load(DRAFT_ID)
            if confirmed == 0 and result.status == NOT_FOUND:
                continue
            assert result.status == OK, f"after a kill the newest generation did not load: {result.status}"
            counter = result.draft.answers["counter"]
            assert counter in (confirmed, confirmed + 1)   # +1: killed after the rename, before printing
            confirmed = counter
            generations = records.generations(DRAFT_ID)
            assert len(generations) <= GENERATIONS + 1     # at most one not pruned yet
            for generation in generations:                 # every file with a final name opens
                assert records._read_generation(DRAFT_ID, generation, Draft.from_json) is not None
    finally:
        if pid is not None:            # a failed round must not leave a child saving for ever
            try:
                os.kill(int(pid), signal.SIGKILL)
            except ProcessLookupError:
                pass
        worker.stdin.close()
        worker.kill()
        worker.wait(timeout=10)
        worker.stdout.close()
    assert confirmed > KILLS, "the children should have saved many times in total"
    assert interrupted_writes > 0, "no kill hit a write: the test did not test what it says"
