"""The window keeps processing events while the real engines make a whole page's audio: eSpeak NG
for English, Open JTalk for the Japanese official labels. The player finishes at once (no sound
device here); what is measured is the event loop, through a timer ticking every 5 ms.

No time limit is asserted (a shared CI machine is slow at random): only that ticks happened
between "Read aloud" and the first sound, and while the rest was made. bench/speech_stall.py
measures the stalls themselves."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QTimer

from assistant.speech import choose_engines, core_speakers, read_page
from tests.ui.test_read_aloud import ANSWERS, FinishingPlayer
from ui.speech import ReadAloud
from ui.tasks import Tasks

TICK_MS = 5


@pytest.fixture
def session():
    from assistant.interview.session import Session
    from assistant.paths import BUNDLED_PROCEDURES
    from assistant.procedures.catalog import Catalog

    session = Session(Catalog.load([BUNDLED_PROCEDURES]).get("juminhyo_copy"))
    for field_id, raw in ANSWERS.items():
        session.set_answer(field_id, raw)
    session.go_to("applicant")
    return session


def test_window_keeps_ticking_while_real_engines_make_a_page(qtbot, tmp_path, english, session):
    engines = choose_engines(core_speakers(tmp_path / "probe"))
    if set(engines) != {"ja", "en"} or {e.name for e in engines.values()} != {"openjtalk", "espeak"}:
        pytest.skip(f"needs eSpeak NG and Open JTalk (found {sorted((k, e.name) for k, e in engines.items())})")
    page = read_page(session)
    assert {u.language for u in page} == {"ja", "en"}
    reader = ReadAloud(Tasks(), core_speakers, FinishingPlayer)
    ticks, started = [], []
    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    reader.started.connect(lambda utterance: started.append((time.perf_counter(), utterance)))
    timer.start()
    requested = time.perf_counter()
    with qtbot.waitSignal(reader.finished, timeout=120_000):
        reader.read(page)
    timer.stop()
    assert [u for _t, u in started] == page                          # the whole page, in order
    first = started[0][0]
    assert sum(requested < t < first for t in ticks) >= 2             # events ran while the first audio was made
    assert any(first < t < started[-1][0] for t in ticks)             # and while the rest was made
    assert list(reader.folder.iterdir()) == []                        # every WAV removed after playing
    reader.tasks.wait()
    reader.close()
