"""Helper process for tests/core/test_drafts_crash.py: saves one draft over and over until killed.

Run: python drafts_crash_worker.py FOLDER KEY_HEX DRAFT_ID

It imports everything once, then for each line "go" on stdin forks a child and prints
"child <pid>". The child loads the draft (as the app does after a crash), then saves it again and
again with a growing counter, writing "saved <counter>" after each save has returned. The test
kills the child with SIGKILL at a random moment; this process reaps it and prints
"dead <pid> <signal>".
Output is written unbuffered with os.write, so every "saved" line really means a finished save.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from assistant.drafts.keys import MemoryKeySource  # noqa: E402
from assistant.drafts.store import Draft, DraftStore  # noqa: E402


def _say(text: str) -> None:
    os.write(1, (text + "\n").encode("ascii"))


def _save_forever(store: DraftStore, draft_id: str, child_seed: int) -> None:
    loaded = store.load(draft_id)
    counter = loaded.draft.answers["counter"] if loaded.draft else 0
    # Sizes vary (a few hundred bytes to ~40 KB) so kills land in writes of different lengths.
    filler = "山田太郎 試験データ " * 2000
    while True:
        counter += 1
        size = (counter * 7919 + child_seed) % 40_000
        draft = Draft("crash_test", "1", {"counter": counter, "text": filler[:size // 3]}, step_id="s1",
                      draft_id=draft_id)
        store.save(draft)
        _say(f"saved {counter}")


def main() -> None:
    folder, key_hex, draft_id = sys.argv[1:4]
    store = DraftStore(Path(folder), MemoryKeySource(bytes.fromhex(key_hex)))
    seed = 0
    for line in sys.stdin:
        if line.strip() != "go":
            break
        seed += 1
        pid = os.fork()
        if pid == 0:
            try:
                _save_forever(store, draft_id, seed)
            finally:
                os._exit(3)
        _say(f"child {pid}")
        _pid, status = os.waitpid(pid, 0)
        signal = os.WTERMSIG(status) if os.WIFSIGNALED(status) else 0
        _say(f"dead {pid} {signal}")


if __name__ == "__main__":
    main()
