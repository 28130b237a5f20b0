"""Furigana as a screen reader gets them: a RubyLabel on the accessibility bus is named with its plain
text, once, and no reading is exposed on its own (Orca would otherwise read 住所 じゅうしょ)."""

from __future__ import annotations

import subprocess
import sys
from contextlib import ExitStack

import pytest

from assistant import ruby
from tests.a11y.desktop import ROOT, STARTUP_SECONDS, stop_process
from tests.a11y.reader import Reader, ReaderError
from tests.core.test_ruby import SAMPLES

pytestmark = pytest.mark.a11y
TEXTS = list(SAMPLES)[:4]


def _texts_of(tree: dict) -> list[str]:
    found = [tree.get("name") or "", tree.get("description") or "", tree.get("text") or ""]
    for child in tree.get("children", []):
        found += _texts_of(child)
    return found


def test_a_screen_reader_reads_the_plain_text_once_and_never_a_reading(desktop, tmp_path):
    with ExitStack() as stack:
        log = stack.enter_context(open(tmp_path / "app.log", "wb"))
        proc = subprocess.Popen([sys.executable, "-m", "tests.a11y.ruby_app", *TEXTS], cwd=ROOT,
                                stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT,
                                env=desktop.app_env(tmp_path / "home"))
        stack.callback(stop_process, proc)
        reader = Reader(stack, desktop, proc.pid, tmp_path / "reader.log")
        try:
            reader.call("wait_app", timeout=STARTUP_SECONDS)
            for pid in reader.call("services").values():
                desktop.adopt(pid)
            reader.wait_for("ruby_0", timeout=STARTUP_SECONDS)
        except ReaderError as exc:
            pytest.fail(f"{exc}\n{(tmp_path / 'app.log').read_text(errors='replace')}", pytrace=False)
        for index, text in enumerate(TEXTS):
            label = reader.one(id=f"ruby_{index}")
            assert label["role"] == "label"
            assert label["name"] == ruby.plain(text)
            assert label["description"] in ("", None)
        everything = _texts_of(reader.dump())
        # (readings of three kana or more: い of 行《い》 is also in もらいます)
        readings = [s.reading for text in TEXTS for s in ruby.parse(text) if s.reading and len(s.reading) > 2]
        assert len(readings) >= 4
        assert [t for t in everything if "《" in t or any(reading in t for reading in readings)] == []
        assert sum(t.count("住民票") for t in everything) == 1     # the sentence is there once
